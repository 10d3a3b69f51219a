package org.imagenetx.figures;

import java.util.List;
import java.util.Objects;

/**
 * A histogram: counts over adjacent bins of a numeric x axis, with optional vertical lines at given
 * values (e.g. a median, a threshold), each named in the panel's legend.
 *
 * @param title panel title (may be empty)
 * @param valueAxis x axis title, with its unit
 * @param countAxis y axis title (what is counted)
 * @param edges bin edges, ascending, one more than {@code counts}
 * @param counts per bin, the number of values in it ({@link #count})
 * @param lines vertical lines drawn over the bars (may be empty)
 */
public record HistogramSpec(
    String title,
    String valueAxis,
    String countAxis,
    double[] edges,
    int[] counts,
    List<HistogramSpec.Line> lines)
    implements Panel {

  /**
   * A vertical line across the histogram and its legend entry. Solid lines are drawn in the
   * palette's vermillion (a statistic of the data), dashed ones in black (a fixed reference value,
   * as the reference lines of the bar charts).
   *
   * @param value x of the line
   * @param label legend entry
   * @param dashed draw it dashed
   */
  public record Line(double value, String label, boolean dashed) {
    /** Checks the label is given. */
    public Line {
      Objects.requireNonNull(label, "label");
    }
  }

  /** Copies the arrays and checks the bins. */
  public HistogramSpec {
    edges = edges.clone();
    counts = counts.clone();
    lines = List.copyOf(lines);
    if (counts.length == 0 || edges.length != counts.length + 1) {
      throw new IllegalArgumentException(
          edges.length + " edges for " + counts.length + " bins (needs one more edge than bins)");
    }
    for (int i = 0; i < counts.length; i++) {
      if (!(edges[i] < edges[i + 1])) {
        throw new IllegalArgumentException(
            "bin edges must ascend: " + edges[i] + ", " + edges[i + 1]);
      }
    }
  }

  /**
   * @return the bin edges (a copy)
   */
  @Override
  public double[] edges() {
    return edges.clone();
  }

  /**
   * @return the count per bin (a copy)
   */
  @Override
  public int[] counts() {
    return counts.clone();
  }

  /**
   * Counts values into bins. Bin {@code i} holds {@code edges[i] ≤ v < edges[i + 1]}; the last bin
   * also holds {@code v = edges[last]}. A value up to {@code tolerance} below an edge counts as on
   * it, so a value that is exactly an edge in exact arithmetic lands in the bin it starts, whatever
   * the floating-point rounding. NaN is not counted.
   *
   * @param values the values, within {@code [edges[0], edges[last]]} (up to the tolerance)
   * @param edges bin edges, ascending
   * @param tolerance how far below an edge still counts as on it (≥ 0)
   * @return the count per bin
   * @throws IllegalArgumentException for a value outside the edges
   */
  public static int[] count(double[] values, double[] edges, double tolerance) {
    int bins = edges.length - 1;
    int[] counts = new int[bins];
    for (double v : values) {
      if (Double.isNaN(v)) {
        continue;
      }
      if (v < edges[0] - tolerance || v > edges[bins] + tolerance) {
        throw new IllegalArgumentException(
            v + " outside the bins [" + edges[0] + ", " + edges[bins] + "]");
      }
      int i = bins - 1;
      while (i > 0 && v < edges[i] - tolerance) {
        i--;
      }
      counts[i]++;
    }
    return counts;
  }

  @Override
  public int numSeries() {
    return 1;
  }

  @Override
  public List<String> axisTitles() {
    return List.of(valueAxis, countAxis);
  }
}
