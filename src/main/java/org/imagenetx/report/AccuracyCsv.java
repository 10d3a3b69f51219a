package org.imagenetx.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import org.imagenetx.io.AtomicFiles;
import org.imagenetx.stats.FactorTable;
import org.imagenetx.stats.MetaclassTable;

/**
 * Writes the upstream result files {@code accuracies_per_factor.csv} and {@code
 * accuracies_per_factor_metaclass.csv}: same header, column order, row order and number formatting
 * (Python repr, empty cell for undefined) as the published toolkit, atomically.
 */
public final class AccuracyCsv {
  /** File name of the per-factor table. */
  public static final String FACTOR_FILE = "accuracies_per_factor.csv";

  /** File name of the per-metaclass table. */
  public static final String METACLASS_FILE = "accuracies_per_factor_metaclass.csv";

  private AccuracyCsv() {}

  /**
   * @param table the per-factor table
   * @param target file to write
   */
  public static void write(FactorTable table, Path target) {
    AtomicFiles.writeText(target, w -> write(table, w));
  }

  /**
   * @param table the per-factor table
   * @param out destination
   * @throws IOException on write failure
   */
  public static void write(FactorTable table, Writer out) throws IOException {
    StringBuilder sb = new StringBuilder(256);
    sb.append("model");
    for (String c : FactorTable.COLUMNS) {
      sb.append(',').append(c);
    }
    out.write(sb.append('\n').toString());
    for (int r = 0; r < table.size(); r++) {
      sb.setLength(0);
      sb.append(table.models().get(r));
      for (int c = 0; c < FactorTable.COLUMNS.size(); c++) {
        PyFloat.appendCsv(sb.append(','), table.get(r, c));
      }
      out.write(sb.append('\n').toString());
    }
  }

  /**
   * @param table the per-metaclass table
   * @param target file to write
   */
  public static void write(MetaclassTable table, Path target) {
    AtomicFiles.writeText(target, w -> write(table, w));
  }

  /**
   * @param table the per-metaclass table
   * @param out destination
   * @throws IOException on write failure
   */
  public static void write(MetaclassTable table, Writer out) throws IOException {
    StringBuilder sb = new StringBuilder(256);
    sb.append("model,metaclass");
    for (String c : MetaclassTable.COLUMNS) {
      sb.append(',').append(c);
    }
    out.write(sb.append('\n').toString());
    for (int r = 0; r < table.size(); r++) {
      sb.setLength(0);
      sb.append(table.model(r)).append(',').append(table.metaclass(r));
      for (int c = 0; c < MetaclassTable.COLUMNS.size(); c++) {
        PyFloat.appendCsv(sb.append(','), table.get(r, c));
      }
      out.write(sb.append('\n').toString());
    }
  }
}
