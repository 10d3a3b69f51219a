package org.imagenetx.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.imagenetx.io.BadInputException;

/**
 * Reads model groups from a two-column CSV {@code model,group} with a header (the release's {@code
 * model_types.csv} is one: {@code model,model_type}). Group names may contain spaces; quoted cells
 * are accepted.
 */
public final class GroupFile {
  private GroupFile() {}

  /**
   * @param file the CSV
   * @return group → models, groups sorted by name, models in file order
   * @throws BadInputException on a missing file, a row without two cells, or a model listed twice
   */
  public static Map<String, List<String>> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInputException(file.toString(), 0, "cannot read: " + e.getMessage());
    }
    if (lines.isEmpty()) {
      throw new BadInputException(file.toString(), 0, "empty file (expected a header model,group)");
    }
    Map<String, List<String>> out = new TreeMap<>();
    Map<String, Integer> seen = new TreeMap<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      List<String> cells = cells(line);
      if (cells.size() != 2 || cells.get(0).isEmpty() || cells.get(1).isEmpty()) {
        throw new BadInputException(file.toString(), i + 1, "expected two cells model,group, got '" + line + "'");
      }
      Integer prev = seen.put(cells.get(0), i + 1);
      if (prev != null) {
        throw new BadInputException(file.toString(), i + 1, "model " + cells.get(0) + " already listed on line " + prev);
      }
      out.computeIfAbsent(cells.get(1), k -> new ArrayList<>()).add(cells.get(0));
    }
    return out;
  }

  private static List<String> cells(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cur.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        out.add(cur.toString().trim());
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    out.add(cur.toString().trim());
    return out;
  }
}
