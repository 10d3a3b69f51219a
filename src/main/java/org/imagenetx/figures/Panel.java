package org.imagenetx.figures;

import java.util.List;

/**
 * One chart of a figure, as plain data: a {@link BarSpec}, a {@link ScatterSpec}, a {@link
 * HeatmapSpec} or a {@link HistogramSpec}. A figure is one panel or a grid of them; the renderer
 * turns each into a JFreeChart.
 */
public sealed interface Panel permits BarSpec, ScatterSpec, HeatmapSpec, HistogramSpec {
  /**
   * @return panel title (may be empty)
   */
  String title();

  /**
   * @return number of series drawn (heatmaps and histograms: 1)
   */
  int numSeries();

  /**
   * @return the axis titles, x (or category) first
   */
  List<String> axisTitles();
}
