package org.imagenetx.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.evaluation.MetaclassTable;
import org.imagenetx.io.AtomicFiles;

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
    CellCache cells = new CellCache();
    RowBuffer rows = new RowBuffer();
    sb.append("model");
    for (String c : FactorTable.COLUMNS) {
      sb.append(',').append(c);
    }
    out.write(sb.append('\n').toString());
    for (int r = 0; r < table.size(); r++) {
      sb.setLength(0);
      sb.append(table.models().get(r));
      for (int c = 0; c < FactorTable.COLUMNS.size(); c++) {
        cells.append(sb.append(','), table.get(r, c));
      }
      rows.write(sb.append('\n'), out);
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
    CellCache cells = new CellCache();
    RowBuffer rows = new RowBuffer();
    sb.append("model,metaclass");
    for (String c : MetaclassTable.COLUMNS) {
      sb.append(',').append(c);
    }
    out.write(sb.append('\n').toString());
    for (int r : table.upstreamOrder()) {
      sb.setLength(0);
      sb.append(table.model(r)).append(',').append(table.metaclass(r));
      for (int c = 0; c < MetaclassTable.COLUMNS.size(); c++) {
        cells.append(sb.append(','), table.get(r, c));
      }
      rows.write(sb.append('\n'), out);
    }
  }

  /**
   * Formatted cells by value. Accuracies are ratios of small counts (per-metaclass cells
   * especially), so the same values recur across models; a direct-mapped cache formats each once.
   */
  private static final class CellCache {
    private static final int SIZE = 1 << 14;
    private final long[] keys = new long[SIZE];
    private final String[] values = new String[SIZE];

    void append(StringBuilder sb, double v) {
      if (Double.isNaN(v)) {
        return;
      }
      long bits = Double.doubleToRawLongBits(v);
      int slot = (int) ((bits * 0x9E3779B97F4A7C15L) >>> 50);
      String cached = values[slot];
      if (cached == null || keys[slot] != bits) {
        cached = PyFloat.repr(v);
        keys[slot] = bits;
        values[slot] = cached;
      }
      sb.append(cached);
    }
  }

  /** Copies a row into a reused char buffer, so writing it allocates nothing. */
  private static final class RowBuffer {
    private char[] buf = new char[512];

    void write(StringBuilder sb, Writer out) throws IOException {
      int n = sb.length();
      if (n > buf.length) {
        buf = new char[Math.max(n, 2 * buf.length)];
      }
      sb.getChars(0, n, buf, 0);
      out.write(buf, 0, n);
    }
  }
}
