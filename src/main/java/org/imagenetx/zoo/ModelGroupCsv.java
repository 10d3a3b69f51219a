package org.imagenetx.zoo;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.imagenetx.io.BadInputException;

/**
 * The one reader of model-group files: a two-column CSV {@code model,<group>} with a header, such
 * as the release's {@code model_types.csv} ({@code model,model_type}) or a user's {@code
 * model,group}. Every command that takes groups ({@code compare --groups}, {@code study
 * --model-types}, the shell, the explorer) reads them here, with these rules:
 *
 * <ul>
 *   <li>the first line is a header of two cells, the first {@code model} (a file without one would
 *       lose its first model); at least one row follows it;
 *   <li>a cell may be double-quoted ({@code "CNN, big"}, {@code ""} for a quote inside); cells are
 *       stripped of surrounding blanks; blank lines are skipped;
 *   <li>every other line has exactly two non-empty cells, model and group; model names are matched
 *       exactly;
 *   <li>a model listed twice with the same group is kept once; with two different groups it is an
 *       error.
 * </ul>
 *
 * Every error is a {@link BadInputException} naming file, line and cause.
 */
public final class ModelGroupCsv {
  private ModelGroupCsv() {}

  /**
   * @param file the CSV
   * @return group per model, in file order (unmodifiable)
   * @throws BadInputException for a missing or unreadable file, a missing header, a header without
   *     rows, a header or row without two cells, an empty cell, or a model listed with two groups
   */
  public static Map<String, String> read(Path file) {
    String name = file.toString();
    Map<String, String> out = new LinkedHashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null) {
        throw new BadInputException(name, 1, "empty file; expected a header model,group");
      }
      List<String> head = cells(header.startsWith("\uFEFF") ? header.substring(1) : header);
      if (head.size() != 2) {
        throw new BadInputException(
            name, 1, "expected a header with two columns, e.g. model,model_type");
      }
      if (!head.get(0).equalsIgnoreCase("model")) {
        // a file without a header silently lost its first model as the "header"
        throw new BadInputException(
            name,
            1,
            "expected the header model,<group column>, got '"
                + header
                + "' (a file without a header would lose its first model)");
      }
      String line;
      long lineNo = 1;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        List<String> cells = cells(line);
        if (cells.size() != 2 || cells.get(0).isEmpty() || cells.get(1).isEmpty()) {
          throw new BadInputException(
              name, lineNo, "expected 2 non-empty cells model,group, got: " + line);
        }
        String model = cells.get(0);
        String group = cells.get(1);
        String before = out.put(model, group);
        if (before != null && !before.equals(group)) {
          throw new BadInputException(
              name,
              lineNo,
              "model '" + model + "' listed as both '" + before + "' and '" + group + "'");
        }
      }
      if (out.isEmpty()) {
        throw new BadInputException(name, 0, "header only: no model,group rows");
      }
    } catch (NoSuchFileException e) {
      throw new BadInputException(name, 0, "no such file");
    } catch (IOException e) {
      throw new BadInputException(name, 0, "cannot read: " + e.getMessage());
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * @param groupOf group per model, e.g. from {@link #read}
   * @return models per group, groups sorted by name, models in the map's order
   */
  public static Map<String, List<String>> membersByGroup(Map<String, String> groupOf) {
    Map<String, List<String>> out = new TreeMap<>();
    groupOf.forEach(
        (model, group) -> out.computeIfAbsent(group, k -> new ArrayList<>()).add(model));
    out.replaceAll((g, models) -> List.copyOf(models));
    return out;
  }

  /** Cells of one CSV line: quoted cells may hold commas and doubled quotes. */
  private static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
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
        cells.add(cur.toString().strip());
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    cells.add(cur.toString().strip());
    return cells;
  }
}
