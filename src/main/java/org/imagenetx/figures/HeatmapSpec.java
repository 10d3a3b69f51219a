package org.imagenetx.figures;

import java.util.List;

/**
 * A heatmap of a matrix with a diverging colour scale around {@code center}; masked cells (e.g. not
 * significant, or undefined) are drawn grey with no value. Row 0 is at the top.
 *
 * @param title panel title (may be empty)
 * @param xAxis x axis title
 * @param yAxis y axis title
 * @param columns column labels (left to right)
 * @param rows row labels (top to bottom)
 * @param values {@code [rows][columns]}; NaN is drawn masked
 * @param mask {@code [rows][columns]}, true hides the cell; null masks nothing
 * @param center value drawn white
 * @param halfRange distance from the center at which the colour saturates (&gt; 0)
 * @param scaleTitle title of the colour scale, with its unit
 * @param maskLabel legend entry of the grey masked cells (e.g. the small cells), or null for none
 */
public record HeatmapSpec(
    String title,
    String xAxis,
    String yAxis,
    List<String> columns,
    List<String> rows,
    double[][] values,
    boolean[][] mask,
    double center,
    double halfRange,
    String scaleTitle,
    String maskLabel)
    implements Panel {
  /** A heatmap whose masked cells need no legend entry. */
  public HeatmapSpec(
      String title,
      String xAxis,
      String yAxis,
      List<String> columns,
      List<String> rows,
      double[][] values,
      boolean[][] mask,
      double center,
      double halfRange,
      String scaleTitle) {
    this(title, xAxis, yAxis, columns, rows, values, mask, center, halfRange, scaleTitle, null);
  }

  /** Checks the shape. */
  public HeatmapSpec {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
    if (values.length != rows.size()) {
      throw new IllegalArgumentException(
          values.length + " value rows for " + rows.size() + " labels");
    }
    for (int r = 0; r < values.length; r++) {
      if (values[r].length != columns.size()
          || (mask != null && mask[r].length != columns.size())) {
        throw new IllegalArgumentException("row " + r + " needs " + columns.size() + " cells");
      }
    }
    if (mask != null && mask.length != rows.size()) {
      throw new IllegalArgumentException("one mask row per row");
    }
    if (!(halfRange > 0)) {
      throw new IllegalArgumentException("halfRange must be > 0");
    }
  }

  /**
   * @param r row
   * @param c column
   * @return true when the cell is drawn (defined and not masked)
   */
  public boolean shown(int r, int c) {
    return !Double.isNaN(values[r][c]) && (mask == null || !mask[r][c]);
  }

  @Override
  public int numSeries() {
    return 1;
  }

  @Override
  public List<String> axisTitles() {
    return List.of(xAxis, yAxis);
  }
}
