package org.imagenetx.figures;

import java.util.List;

/**
 * A scatter plot: point series, optional fitted lines and an optional identity line {@code y = x}.
 *
 * @param title panel title (may be empty)
 * @param xAxis x axis title, with its unit
 * @param yAxis y axis title, with its unit
 * @param series point groups, one colour each
 * @param lines lines to draw (may be empty)
 * @param identityLine draw {@code y = x} across the data range
 */
public record ScatterSpec(
    String title,
    String xAxis,
    String yAxis,
    List<ScatterSeries> series,
    List<FittedLine> lines,
    boolean identityLine)
    implements Panel {
  /** Copies the lists. */
  public ScatterSpec {
    series = List.copyOf(series);
    lines = List.copyOf(lines);
    for (FittedLine l : lines) {
      if (l.series() < 0 || l.series() >= series.size()) {
        throw new IllegalArgumentException("line of series " + l.series() + " of " + series.size());
      }
    }
  }

  @Override
  public int numSeries() {
    return series.size();
  }

  @Override
  public List<String> axisTitles() {
    return List.of(xAxis, yAxis);
  }
}
