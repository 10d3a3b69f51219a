package org.imagenetx.study;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.Partition;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.io.BadInputException;
import org.imagenetx.report.AccuracyCsv;

/**
 * Reads aggregated {@code accuracies_per_factor.csv} tables of the upstream layout (written by the
 * published toolkit or by {@code imagenetx aggregate}) back into a {@link FactorTable}, so every
 * study step works on either. Empty cells are NaN (a factor without images); every other cell must
 * be a number in [0, 1].
 */
public final class AggregatedTables {
  private AggregatedTables() {}

  /**
   * Where a zoo's table lives in a results tree: {@code
   * <results>/<partition>/<selection>_factor/<zoo>/<error type>/accuracies_per_factor.csv}.
   *
   * @param results the results root (holding {@code val/})
   * @param partition val or train
   * @param selection multi or top
   * @param zoo zoo name, e.g. {@code imagenet_testbed}
   * @param type error type
   * @return the file path (not checked)
   */
  public static Path path(
      Path results, Partition partition, FactorSelection selection, String zoo, ErrorType type) {
    return results
        .resolve(partition.key())
        .resolve(selection.directory())
        .resolve(zoo)
        .resolve(type.key())
        .resolve(AccuracyCsv.FACTOR_FILE);
  }

  /**
   * @param file an {@code accuracies_per_factor.csv}
   * @return its rows in file order
   * @throws BadInputException naming file and line for a missing file, a wrong header, a header
   *     without rows, a row with the wrong number of cells, a cell that is not a number in [0, 1],
   *     or a duplicate model
   */
  public static FactorTable read(Path file) {
    String name = file.toString();
    List<String> models = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null) {
        throw new BadInputException(
            name,
            1,
            "empty file (expected the header model," + String.join(",", FactorTable.COLUMNS) + ")");
      }
      String expected = "model," + String.join(",", FactorTable.COLUMNS);
      if (header.startsWith("\uFEFF")) {
        header = header.substring(1);
      }
      if (!header.strip().equals(expected)) {
        throw new BadInputException(
            name, 1, "header is not the upstream one: expected " + expected);
      }
      int numColumns = FactorTable.COLUMNS.size();
      String line;
      long lineNo = 1;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split(",", -1);
        if (cells.length != numColumns + 1) {
          throw new BadInputException(
              name, lineNo, "expected " + (numColumns + 1) + " cells, found " + cells.length);
        }
        String model = cells[0].strip();
        if (model.isEmpty()) {
          throw new BadInputException(name, lineNo, "empty model name");
        }
        if (!seen.add(model)) {
          throw new BadInputException(name, lineNo, "duplicate model " + model);
        }
        double[] row = new double[numColumns];
        for (int c = 0; c < numColumns; c++) {
          row[c] = cell(cells[c + 1], name, lineNo, FactorTable.COLUMNS.get(c));
        }
        models.add(model);
        rows.add(row);
      }
      if (models.isEmpty()) {
        // a header alone used to be an empty table, and an empty figure or ranking, exit 0
        throw new BadInputException(name, 0, "header only: no model rows");
      }
    } catch (NoSuchFileException e) {
      throw new BadInputException(name, 0, "no such file");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
    }
    return new FactorTable(models, rows.toArray(new double[0][]));
  }

  private static double cell(String text, String file, long line, String column) {
    String t = text.strip();
    if (t.isEmpty() || t.equals("nan") || t.equals("NaN")) {
      return Double.NaN;
    }
    double v;
    try {
      v = Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw new BadInputException(file, line, column + " is not a number: '" + t + "'");
    }
    if (!(v >= 0 && v <= 1)) {
      throw new BadInputException(file, line, column + " is not an accuracy in [0, 1]: " + t);
    }
    return v;
  }

  /**
   * Concatenates tables, keeping the first row of a model that appears in several.
   *
   * @param tables tables in priority order
   * @return the union
   */
  public static FactorTable union(List<FactorTable> tables) {
    List<String> models = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (FactorTable t : tables) {
      for (int r = 0; r < t.size(); r++) {
        String m = t.models().get(r);
        if (seen.add(m)) {
          double[] row = new double[FactorTable.COLUMNS.size()];
          for (int c = 0; c < row.length; c++) {
            row[c] = t.get(r, c);
          }
          models.add(m);
          rows.add(row);
        }
      }
    }
    return new FactorTable(models, rows.toArray(new double[0][]));
  }
}
