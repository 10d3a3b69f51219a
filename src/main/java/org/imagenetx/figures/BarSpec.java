package org.imagenetx.figures;

import java.util.List;

/**
 * A grouped bar chart: categories along one axis, one bar per series in each category.
 *
 * @param title panel title (may be empty)
 * @param categoryAxis title of the category axis (x, or y when horizontal)
 * @param valueAxis title of the value axis, with its unit (y, or x when horizontal)
 * @param categories category labels (factor names with spaces); the first is drawn leftmost, or at
 *     the top when horizontal
 * @param series the series, each with one value per category
 * @param reference value of a dashed reference line (e.g. 1 for error ratios), NaN for none
 * @param horizontal bars grow to the right from categories listed down the left side (long category
 *     labels stay horizontal and readable)
 */
public record BarSpec(
    String title,
    String categoryAxis,
    String valueAxis,
    List<String> categories,
    List<BarSeries> series,
    double reference,
    boolean horizontal)
    implements Panel {
  /** Copies the lists and checks every series has one value per category. */
  public BarSpec {
    categories = List.copyOf(categories);
    series = List.copyOf(series);
    for (BarSeries s : series) {
      if (s.values().length != categories.size()) {
        throw new IllegalArgumentException(
            s.name()
                + ": "
                + s.values().length
                + " values for "
                + categories.size()
                + " categories");
      }
    }
  }

  /**
   * Vertical bars, categories along the x axis.
   *
   * @param title panel title (may be empty)
   * @param categoryAxis x axis title
   * @param valueAxis y axis title, with its unit
   * @param categories category labels
   * @param series the series, each with one value per category
   * @param reference y of a dashed reference line, NaN for none
   */
  public BarSpec(
      String title,
      String categoryAxis,
      String valueAxis,
      List<String> categories,
      List<BarSeries> series,
      double reference) {
    this(title, categoryAxis, valueAxis, categories, series, reference, false);
  }

  @Override
  public int numSeries() {
    return series.size();
  }

  @Override
  public List<String> axisTitles() {
    return horizontal ? List.of(valueAxis, categoryAxis) : List.of(categoryAxis, valueAxis);
  }
}
