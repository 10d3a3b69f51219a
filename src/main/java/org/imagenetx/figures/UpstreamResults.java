package org.imagenetx.figures;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imagenetx.io.BadInputException;
import org.imagenetx.stats.FactorTable;

/**
 * Reads the aggregated tables the figures need: any upstream-layout {@code
 * accuracies_per_factor.csv} (ours or the published ones) into a {@link FactorTable}, and the
 * {@code model,model_type} CSV.
 *
 * <p>Interim: the study work (issue 5) owns the general reader; this one exists so the figures can
 * be drawn from the real tables before it lands, and will delegate to it afterwards.
 */
public final class UpstreamResults {
  private UpstreamResults() {}

  /**
   * @param csv an {@code accuracies_per_factor.csv}: header {@code model} + the 19 upstream columns
   * @return its rows in file order; empty cells are NaN
   * @throws BadInputException on a wrong header, a short row or a non-number, naming file and line
   */
  public static FactorTable read(Path csv) {
    List<String> models = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      String header = r.readLine();
      String expected = "model," + String.join(",", FactorTable.COLUMNS);
      if (header == null || !header.strip().equals(expected)) {
        throw new BadInputException(csv.toString(), 1, "header must be " + expected);
      }
      String line;
      long n = 1;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split(",", -1);
        if (cells.length != FactorTable.COLUMNS.size() + 1) {
          throw new BadInputException(
              csv.toString(), n, cells.length + " cells, expected " + (FactorTable.COLUMNS.size() + 1));
        }
        double[] row = new double[FactorTable.COLUMNS.size()];
        for (int c = 0; c < row.length; c++) {
          String cell = cells[c + 1].strip();
          try {
            row[c] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
          } catch (NumberFormatException e) {
            throw new BadInputException(
                csv.toString(), n, "column " + FactorTable.COLUMNS.get(c) + ": not a number: '" + cell + "'");
          }
        }
        models.add(cells[0]);
        rows.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
    }
    return new FactorTable(models, rows.toArray(new double[0][]));
  }

  /**
   * @param tables tables to stack (rows of a later table whose model is already present are skipped)
   * @return one table with every distinct model, first occurrence wins
   */
  public static FactorTable concat(List<FactorTable> tables) {
    Map<String, double[]> rows = new LinkedHashMap<>();
    for (FactorTable t : tables) {
      for (int r = 0; r < t.size(); r++) {
        double[] row = new double[FactorTable.COLUMNS.size()];
        for (int c = 0; c < row.length; c++) {
          row[c] = t.get(r, c);
        }
        rows.putIfAbsent(t.models().get(r), row);
      }
    }
    return new FactorTable(new ArrayList<>(rows.keySet()), rows.values().toArray(new double[0][]));
  }

  /**
   * @param csv {@code model,model_type} with a header line
   * @return model → type, in file order
   * @throws BadInputException on a row without two cells
   */
  public static Map<String, String> modelTypes(Path csv) {
    Map<String, String> out = new LinkedHashMap<>();
    try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      String line = r.readLine();
      long n = 1;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        int comma = line.indexOf(',');
        if (comma <= 0 || comma == line.length() - 1) {
          throw new BadInputException(csv.toString(), n, "expected model,model_type");
        }
        out.put(line.substring(0, comma).strip(), line.substring(comma + 1).strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
    }
    return out;
  }
}
