package org.imagenetx.figures;

import java.util.List;

/**
 * A grouped bar chart: categories along the x axis, one bar per series in each category.
 *
 * @param title panel title (may be empty)
 * @param categoryAxis x axis title
 * @param valueAxis y axis title, with its unit
 * @param categories category labels (factor names with spaces)
 * @param series the series, each with one value per category
 * @param reference y of a dashed reference line (e.g. 1 for error ratios), NaN for none
 */
public record BarSpec(
    String title,
    String categoryAxis,
    String valueAxis,
    List<String> categories,
    List<BarSeries> series,
    double reference)
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

  @Override
  public int numSeries() {
    return series.size();
  }

  @Override
  public List<String> axisTitles() {
    return List.of(categoryAxis, valueAxis);
  }
}
