package org.imagenetx.query;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.imagenetx.compare.GroupComparison;
import org.imagenetx.io.BadInputException;

/**
 * Model groups of a two-column CSV {@code model,group} with a header (the release's {@code
 * model_types.csv} is one), read by the same parser as {@code compare --groups} ({@link
 * GroupComparison#readGroups}) and arranged by group for the query engine.
 */
public final class GroupFile {
  private GroupFile() {}

  /**
   * @param file the CSV
   * @return group → models, groups sorted by name, models in file order
   * @throws BadInputException on a missing file, a row without two cells, or a model listed twice
   */
  public static Map<String, List<String>> read(Path file) {
    Map<String, List<String>> out = new TreeMap<>();
    GroupComparison.readGroups(file)
        .forEach((model, group) -> out.computeIfAbsent(group, k -> new ArrayList<>()).add(model));
    return out;
  }
}
