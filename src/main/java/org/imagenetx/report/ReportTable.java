package org.imagenetx.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A small typed table rendered as an aligned text table, CSV, Markdown, JSON or LaTeX from the same
 * rows. Cells are {@link String}, {@link Double} (NaN = undefined), or another {@link Number}.
 * Numbers are formatted with {@link Locale#ROOT}; text formats round doubles to a fixed number of
 * decimals, CSV and JSON keep full precision (Python repr, so tables diff cleanly against pandas).
 */
public final class ReportTable {
  private final List<String> columns;
  private final List<Object[]> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  // per row, the suffix each flagged cell carries in text renderings (null: none flagged)
  private final List<String[]> suffixes = new ArrayList<>();

  /**
   * @param columns column names
   */
  public ReportTable(List<String> columns) {
    this.columns = List.copyOf(columns);
  }

  /**
   * @param cells one value per column
   * @return this
   */
  public ReportTable addRow(Object... cells) {
    if (cells.length != columns.size()) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells, table has " + columns.size() + " columns");
    }
    rows.add(cells.clone());
    suffixes.add(null);
    return this;
  }

  /**
   * Flags a cell of the last row added: the text renderings (TABLE, MARKDOWN, LATEX) print the
   * suffix after the value (e.g. the small-cell {@code *}); CSV and JSON keep the value alone, so a
   * flagged number stays a number.
   *
   * @param column column index
   * @param suffix text appended in text renderings
   * @return this
   */
  public ReportTable flag(int column, String suffix) {
    if (rows.isEmpty()) {
      throw new IllegalStateException("no row to flag");
    }
    java.util.Objects.checkIndex(column, columns.size());
    int last = rows.size() - 1;
    String[] s = suffixes.get(last);
    if (s == null) {
      s = new String[columns.size()];
      suffixes.set(last, s);
    }
    s[column] = suffix;
    return this;
  }

  /**
   * @param row row index
   * @param column column index
   * @return the cell's flag suffix ({@link #flag}), or null
   */
  public String flagOf(int row, int column) {
    String[] s = suffixes.get(row);
    return s == null ? null : s[column];
  }

  private String text(int row, int column, int decimals) {
    String t = text(rows.get(row)[column], decimals);
    String[] s = suffixes.get(row);
    return s == null || s[column] == null || t.isEmpty() ? t : t + s[column];
  }

  /**
   * A line printed under text renderings (TABLE, MARKDOWN) and as a comment in LATEX, e.g.
   * "synthetic data". CSV and JSON stay pure data.
   *
   * @param note text
   * @return this
   */
  public ReportTable note(String note) {
    notes.add(note);
    return this;
  }

  /**
   * @return column names
   */
  public List<String> columns() {
    return columns;
  }

  /**
   * @return rows (do not modify)
   */
  public List<Object[]> rows() {
    return Collections.unmodifiableList(rows);
  }

  /**
   * @param format how to render
   * @param decimals decimals for doubles in TABLE, MARKDOWN and LATEX
   * @return the rendering, ending with a newline
   */
  public String render(Format format, int decimals) {
    StringBuilder sb = new StringBuilder();
    write(sb, format, decimals);
    return sb.toString();
  }

  /**
   * @param out destination
   * @param format how to render
   * @param decimals decimals for doubles in text formats
   */
  public void write(Appendable out, Format format, int decimals) {
    try {
      switch (format) {
        case CSV:
          csv(out);
          break;
        case JSON:
          json(out);
          break;
        case MARKDOWN:
          markdown(out, decimals);
          break;
        case LATEX:
          latex(out, decimals);
          break;
        default:
          aligned(out, decimals);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(Object cell, int decimals) {
    if (cell == null) {
      return "";
    }
    if (cell instanceof Double || cell instanceof Float) {
      double v = ((Number) cell).doubleValue();
      if (Double.isNaN(v)) {
        return "";
      }
      if (Double.isInfinite(v)) {
        return v > 0 ? "inf" : "-inf";
      }
      return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
    return cell.toString();
  }

  private static String exact(Object cell) {
    if (cell == null) {
      return "";
    }
    if (cell instanceof Double || cell instanceof Float) {
      return PyFloat.csv(((Number) cell).doubleValue());
    }
    return cell.toString();
  }

  private void aligned(Appendable out, int decimals) throws IOException {
    int n = columns.size();
    int[] width = new int[n];
    boolean[] numeric = new boolean[n];
    List<String[]> cells = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      width[c] = columns.get(c).length();
      numeric[c] = !rows.isEmpty();
    }
    for (int i = 0; i < rows.size(); i++) {
      Object[] r = rows.get(i);
      String[] t = new String[n];
      for (int c = 0; c < n; c++) {
        t[c] = text(i, c, decimals);
        width[c] = Math.max(width[c], t[c].length());
        numeric[c] &= r[c] == null || r[c] instanceof Number;
      }
      cells.add(t);
    }
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < n; c++) {
      pad(line, columns.get(c), width[c], numeric[c]);
      line.append(c + 1 < n ? "  " : "");
    }
    out.append(line.toString().stripTrailing()).append('\n');
    for (String[] t : cells) {
      line.setLength(0);
      for (int c = 0; c < n; c++) {
        pad(line, t[c], width[c], numeric[c]);
        line.append(c + 1 < n ? "  " : "");
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    for (String note : notes) {
      out.append(note).append('\n');
    }
  }

  private static void pad(StringBuilder sb, String s, int width, boolean right) {
    if (right) {
      sb.append(" ".repeat(width - s.length())).append(s);
    } else {
      sb.append(s).append(" ".repeat(width - s.length()));
    }
  }

  private void csv(Appendable out) throws IOException {
    out.append(csvLine(columns.toArray())).append('\n');
    for (Object[] r : rows) {
      out.append(csvLine(r)).append('\n');
    }
  }

  private static String csvLine(Object[] cells) {
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) {
        sb.append(',');
      }
      String s = exact(cells[c]);
      if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
        s = '"' + s.replace("\"", "\"\"") + '"';
      }
      sb.append(s);
    }
    return sb.toString();
  }

  private void markdown(Appendable out, int decimals) throws IOException {
    out.append("| ").append(String.join(" | ", columns)).append(" |\n");
    out.append("|").append("---|".repeat(columns.size())).append('\n');
    for (int i = 0; i < rows.size(); i++) {
      out.append("|");
      for (int c = 0; c < columns.size(); c++) {
        out.append(' ').append(text(i, c, decimals).replace("|", "\\|")).append(" |");
      }
      out.append('\n');
    }
    for (String note : notes) {
      out.append('\n').append(note).append('\n');
    }
  }

  private void json(Appendable out) throws IOException {
    out.append("[\n");
    for (int i = 0; i < rows.size(); i++) {
      Object[] r = rows.get(i);
      out.append("  {");
      for (int c = 0; c < r.length; c++) {
        if (c > 0) {
          out.append(", ");
        }
        out.append(jsonString(columns.get(c))).append(": ");
        Object cell = r[c];
        if (cell == null) {
          out.append("null");
        } else if (cell instanceof Number) {
          double v = ((Number) cell).doubleValue();
          if (Double.isNaN(v) || Double.isInfinite(v)) {
            out.append("null");
          } else {
            out.append(exact(cell));
          }
        } else if (cell instanceof Boolean) {
          out.append(cell.toString());
        } else {
          out.append(jsonString(cell.toString()));
        }
      }
      out.append(i + 1 < rows.size() ? "},\n" : "}\n");
    }
    out.append("]\n");
  }

  /**
   * @param s text
   * @return a JSON string literal
   */
  public static String jsonString(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        default:
          if (ch < 0x20) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
          } else {
            sb.append(ch);
          }
      }
    }
    return sb.append('"').toString();
  }

  private void latex(Appendable out, int decimals) throws IOException {
    for (String note : notes) {
      out.append("% ").append(note).append('\n');
    }
    out.append("\\begin{tabular}{l")
        .append("r".repeat(columns.size() - 1))
        .append("}\n\\toprule\n");
    List<String> head = new ArrayList<>();
    for (String c : columns) {
      head.add(latexEscape(c));
    }
    out.append(String.join(" & ", head)).append(" \\\\\n\\midrule\n");
    for (int i = 0; i < rows.size(); i++) {
      List<String> t = new ArrayList<>();
      for (int c = 0; c < columns.size(); c++) {
        t.add(latexEscape(text(i, c, decimals)));
      }
      out.append(String.join(" & ", t)).append(" \\\\\n");
    }
    out.append("\\bottomrule\n\\end{tabular}\n");
  }

  /**
   * @param s text
   * @return text safe inside LaTeX
   */
  public static String latexEscape(String s) {
    return s.replace("\\", "\\textbackslash{}")
        .replace("_", "\\_")
        .replace("%", "\\%")
        .replace("&", "\\&")
        .replace("#", "\\#")
        .replace("$", "\\$");
  }
}
