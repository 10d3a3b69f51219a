package org.imagenetx.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Turns {@link Panel} records into JFreeCharts with the house style: white background, light grid,
 * the Okabe–Ito palette, sans-serif text sized for a paper column when the figure is printed at its
 * point size.
 */
final class Charts {
  static final Font TITLE = new Font("SansSerif", Font.BOLD, 14);
  static final Font LABEL = new Font("SansSerif", Font.PLAIN, 12);
  static final Font TICK = new Font("SansSerif", Font.PLAIN, 10);
  static final Font CELL = new Font("SansSerif", Font.PLAIN, 8);
  static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
  static final Stroke REFERENCE =
      new BasicStroke(
          1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f);

  private Charts() {}

  /**
   * @param panel what to draw
   * @param legend draw the panel's own legend
   * @return the chart
   */
  static JFreeChart chart(Panel panel, boolean legend) {
    JFreeChart chart;
    if (panel instanceof BarSpec b) {
      chart = new JFreeChart(b.title(), TITLE, bars(b), legend && b.numSeries() > 1);
    } else if (panel instanceof ScatterSpec s) {
      chart = new JFreeChart(s.title(), TITLE, scatter(s), legend && s.numSeries() > 1);
    } else if (panel instanceof HistogramSpec h) {
      chart = new JFreeChart(h.title(), TITLE, histogram(h), false);
      if (!h.lines().isEmpty()) {
        chart.addSubtitle(lineLegend(h));
      }
    } else {
      HeatmapSpec h = (HeatmapSpec) panel;
      chart = new JFreeChart(h.title(), TITLE, heatmap(h), false);
      chart.addSubtitle(scaleLegend(h));
      if (h.maskLabel() != null) {
        chart.addSubtitle(maskLegend(h.maskLabel()));
      }
    }
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(4, 4, 4, 8));
    chart.setTextAntiAlias(true);
    chart.setAntiAlias(true);
    LegendTitle l = chart.getLegend();
    if (l != null) {
      style(l);
    }
    return chart;
  }

  /**
   * Hides the axis titles a grid repeats.
   *
   * @param chart a chart of a grid
   * @param x keep the title of the axis drawn at the bottom
   * @param y keep the title of the axis drawn on the left
   */
  static void axisTitles(JFreeChart chart, boolean x, boolean y) {
    org.jfree.chart.axis.Axis domain;
    org.jfree.chart.axis.Axis range;
    PlotOrientation orientation;
    if (chart.getPlot() instanceof XYPlot p) {
      domain = p.getDomainAxis();
      range = p.getRangeAxis();
      orientation = p.getOrientation();
    } else if (chart.getPlot() instanceof CategoryPlot p) {
      domain = p.getDomainAxis();
      range = p.getRangeAxis();
      orientation = p.getOrientation();
    } else {
      return;
    }
    // a horizontal plot draws its domain axis on the left and its range axis at the bottom
    boolean flip = orientation == PlotOrientation.HORIZONTAL;
    if (!(flip ? y : x)) {
      domain.setLabel(null);
    }
    if (!(flip ? x : y)) {
      range.setLabel(null);
    }
  }

  static void style(LegendTitle l) {
    l.setItemFont(LABEL);
    l.setFrame(BlockBorder.NONE);
    l.setBackgroundPaint(Color.WHITE);
  }

  private static CategoryPlot bars(BarSpec spec) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (BarSeries s : spec.series()) {
      for (int c = 0; c < spec.categories().size(); c++) {
        double v = s.values()[c];
        data.addValue(Double.isNaN(v) ? null : v, s.name(), spec.categories().get(c));
      }
    }
    CategoryAxis x = new CategoryAxis(spec.categoryAxis());
    x.setCategoryLabelPositions(
        spec.horizontal() ? CategoryLabelPositions.STANDARD : CategoryLabelPositions.UP_45);
    x.setCategoryMargin(0.15);
    x.setLowerMargin(0.01);
    x.setUpperMargin(0.01);
    NumberAxis y = new NumberAxis(spec.valueAxis());
    y.setAutoRangeIncludesZero(true);
    // the auto range only sees the bar values: widen it so no error bar is cut off
    double lo = 0;
    double hi = 0;
    for (BarSeries s : spec.series()) {
      for (int c = 0; c < s.values().length; c++) {
        for (double v :
            new double[] {
              s.values()[c],
              s.hasIntervals() ? s.lower()[c] : Double.NaN,
              s.hasIntervals() ? s.upper()[c] : Double.NaN
            }) {
          if (Double.isFinite(v)) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
          }
        }
      }
    }
    if (hi > lo) {
      double pad = 0.04 * (hi - lo);
      y.setRange(lo < 0 ? lo - pad : 0, hi + pad);
    }
    IntervalBars renderer = new IntervalBars(spec);
    CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
    plot.setOrientation(spec.horizontal() ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
    if (spec.horizontal()) {
      // the value axis under the bars, where a reader of the other panels looks for the x axis
      plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
    }
    if (!Double.isNaN(spec.reference())) {
      ValueMarker m = new ValueMarker(spec.reference(), Palette.BLACK, REFERENCE);
      plot.addRangeMarker(m, org.jfree.chart.ui.Layer.FOREGROUND);
    }
    styleAxes(x, y);
    stylePlot(plot);
    plot.setDomainGridlinesVisible(false);
    return plot;
  }

  /** Bars with error bars and faded non-significant values. */
  static final class IntervalBars extends BarRenderer {
    private static final long serialVersionUID = 1L;
    private final transient BarSpec spec;

    IntervalBars(BarSpec spec) {
      this.spec = spec;
      setBarPainter(new StandardBarPainter());
      setShadowVisible(false);
      setDrawBarOutline(false);
      setItemMargin(0.04);
      setDefaultItemLabelsVisible(false);
      for (int s = 0; s < spec.numSeries(); s++) {
        setSeriesPaint(s, Palette.series(s));
      }
    }

    @Override
    public Paint getItemPaint(int row, int column) {
      Paint p = super.getItemPaint(row, column);
      return spec.series().get(row).isSignificant(column) ? p : Palette.faded((Color) p);
    }

    @Override
    public void drawItem(
        Graphics2D g2,
        CategoryItemRendererState state,
        Rectangle2D dataArea,
        CategoryPlot plot,
        CategoryAxis domainAxis,
        ValueAxis rangeAxis,
        CategoryDataset dataset,
        int row,
        int column,
        int pass) {
      super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
      BarSeries s = spec.series().get(row);
      if (!s.hasIntervals() || dataset.getValue(row, column) == null) {
        return;
      }
      double lo = s.lower()[column];
      double hi = s.upper()[column];
      if (Double.isNaN(lo) || Double.isNaN(hi)) {
        return;
      }
      // w: position across the bar (its middle), v0/v1: the interval along the value axis; the
      // same marks in either orientation, drawn with the two coordinates swapped when horizontal
      double w0 =
          calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, row, column);
      double wm = w0 + state.getBarWidth() / 2;
      double cap = Math.min(3, state.getBarWidth() / 3);
      RectangleEdge edge = plot.getRangeAxisEdge();
      double v0 = rangeAxis.valueToJava2D(lo, dataArea, edge);
      double v1 = rangeAxis.valueToJava2D(hi, dataArea, edge);
      boolean h = plot.getOrientation() == PlotOrientation.HORIZONTAL;
      g2.setPaint(s.isSignificant(column) ? Palette.BLACK : Color.GRAY);
      g2.setStroke(new BasicStroke(1f));
      g2.draw(segment(h, wm, v0, wm, v1));
      g2.draw(segment(h, wm - cap, v0, wm + cap, v0));
      g2.draw(segment(h, wm - cap, v1, wm + cap, v1));
    }

    /** A segment from (w, v) to (w', v'), with w across the bars and v along the value axis. */
    private static Line2D segment(boolean horizontal, double wa, double va, double wb, double vb) {
      return horizontal ? new Line2D.Double(va, wa, vb, wb) : new Line2D.Double(wa, va, wb, vb);
    }
  }

  private static XYPlot scatter(ScatterSpec spec) {
    XYSeriesCollection data = new XYSeriesCollection();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (ScatterSeries s : spec.series()) {
      XYSeries xy = new XYSeries(s.name(), false, true);
      for (int i = 0; i < s.x().length; i++) {
        if (!Double.isNaN(s.x()[i]) && !Double.isNaN(s.y()[i])) {
          xy.add(s.x()[i], s.y()[i], false);
          min = Math.min(min, Math.min(s.x()[i], s.y()[i]));
          max = Math.max(max, Math.max(s.x()[i], s.y()[i]));
        }
      }
      data.addSeries(xy);
    }
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    for (int s = 0; s < spec.numSeries(); s++) {
      Color c = Palette.series(s);
      renderer.setSeriesPaint(s, new Color(c.getRed(), c.getGreen(), c.getBlue(), 190));
      renderer.setSeriesShape(s, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
    }
    NumberAxis x = new NumberAxis(spec.xAxis());
    x.setAutoRangeIncludesZero(false);
    NumberAxis y = new NumberAxis(spec.yAxis());
    y.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    if (spec.identityLine() && min < max) {
      plot.addAnnotation(new XYLineAnnotation(min, min, max, max, REFERENCE, Palette.BLACK));
    }
    for (FittedLine l : spec.lines()) {
      plot.addAnnotation(
          new XYLineAnnotation(
              l.xFrom(),
              l.at(l.xFrom()),
              l.xTo(),
              l.at(l.xTo()),
              new BasicStroke(2f),
              Palette.series(l.series())));
    }
    styleAxes(x, y);
    stylePlot(plot);
    return plot;
  }

  private static XYPlot histogram(HistogramSpec spec) {
    double[] edges = spec.edges();
    int[] counts = spec.counts();
    XYIntervalSeries bins = new XYIntervalSeries(spec.countAxis(), false, true);
    int max = 0;
    for (int i = 0; i < counts.length; i++) {
      double mid = (edges[i] + edges[i + 1]) / 2;
      bins.add(mid, edges[i], edges[i + 1], counts[i], counts[i], counts[i]);
      max = Math.max(max, counts[i]);
    }
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    data.addSeries(bins);
    XYBarRenderer renderer = new XYBarRenderer();
    renderer.setBarPainter(new StandardXYBarPainter());
    renderer.setShadowVisible(false);
    renderer.setSeriesPaint(0, Palette.series(0));
    // a thin white outline separates adjacent bars of similar height
    renderer.setDrawBarOutline(true);
    renderer.setSeriesOutlinePaint(0, Color.WHITE);
    renderer.setSeriesOutlineStroke(0, new BasicStroke(0.5f));
    NumberAxis x = new NumberAxis(spec.valueAxis());
    double pad = 0.02 * (edges[edges.length - 1] - edges[0]);
    double lo = edges[0];
    double hi = edges[edges.length - 1];
    for (HistogramSpec.Line l : spec.lines()) {
      lo = Math.min(lo, l.value());
      hi = Math.max(hi, l.value());
    }
    x.setRange(lo - pad, hi + pad);
    NumberAxis y = new NumberAxis(spec.countAxis());
    y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    y.setRange(0, Math.max(1, max) * 1.06);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    for (HistogramSpec.Line l : spec.lines()) {
      plot.addDomainMarker(
          new ValueMarker(l.value(), linePaint(l), lineStroke(l)),
          org.jfree.chart.ui.Layer.FOREGROUND);
    }
    styleAxes(x, y);
    stylePlot(plot);
    plot.setDomainGridlinesVisible(false);
    return plot;
  }

  private static Paint linePaint(HistogramSpec.Line l) {
    return l.dashed() ? Palette.BLACK : Palette.VERMILLION;
  }

  private static Stroke lineStroke(HistogramSpec.Line l) {
    return l.dashed() ? REFERENCE : new BasicStroke(2f);
  }

  /** The histogram's vertical lines, one legend entry each, under the plot. */
  private static LegendTitle lineLegend(HistogramSpec spec) {
    org.jfree.chart.LegendItemCollection items = new org.jfree.chart.LegendItemCollection();
    for (HistogramSpec.Line l : spec.lines()) {
      items.add(
          new org.jfree.chart.LegendItem(
              l.label(),
              null,
              null,
              null,
              new Line2D.Double(-10, 0, 10, 0),
              lineStroke(l),
              linePaint(l)));
    }
    LegendTitle legend = new LegendTitle(() -> items);
    legend.setPosition(RectangleEdge.BOTTOM);
    style(legend);
    return legend;
  }

  private static XYPlot heatmap(HeatmapSpec spec) {
    int rows = spec.rows().size();
    int cols = spec.columns().size();
    double[][] xyz = new double[3][rows * cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        int i = r * cols + c;
        xyz[0][i] = c;
        xyz[1][i] = r;
        xyz[2][i] = spec.shown(r, c) ? spec.values()[r][c] : Double.NaN;
      }
    }
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries(spec.scaleTitle(), xyz);
    SymbolAxis x = new SymbolAxis(spec.xAxis(), spec.columns().toArray(new String[0]));
    x.setVerticalTickLabels(true);
    x.setGridBandsVisible(false);
    SymbolAxis y = new SymbolAxis(spec.yAxis(), spec.rows().toArray(new String[0]));
    y.setInverted(true);
    y.setGridBandsVisible(false);
    XYBlockRenderer renderer = new XYBlockRenderer();
    renderer.setPaintScale(new Diverging(spec));
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setDomainAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        if (spec.shown(r, c)) {
          XYTextAnnotation t =
              new XYTextAnnotation(String.format(Locale.ROOT, "%.2f", spec.values()[r][c]), c, r);
          t.setFont(CELL);
          double d = Math.abs(spec.values()[r][c] - spec.center()) / spec.halfRange();
          t.setPaint(d > 0.7 ? Color.WHITE : Palette.BLACK);
          plot.addAnnotation(t);
        }
      }
    }
    styleAxes(x, y);
    stylePlot(plot);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    plot.setBackgroundPaint(Palette.MASKED);
    return plot;
  }

  /** One legend entry: the grey of masked cells and what it means. */
  private static LegendTitle maskLegend(String label) {
    org.jfree.chart.LegendItemCollection items = new org.jfree.chart.LegendItemCollection();
    org.jfree.chart.LegendItem item =
        new org.jfree.chart.LegendItem(
            label, null, null, null, new java.awt.Rectangle(-5, -5, 10, 10), Palette.MASKED);
    items.add(item);
    LegendTitle legend = new LegendTitle(() -> items);
    legend.setPosition(RectangleEdge.BOTTOM);
    style(legend);
    return legend;
  }

  private static PaintScaleLegend scaleLegend(HeatmapSpec spec) {
    NumberAxis axis = new NumberAxis(spec.scaleTitle());
    axis.setRange(spec.center() - spec.halfRange(), spec.center() + spec.halfRange());
    // the automatic tick unit labels every 0.02 on a tall strip; about eight labels read better
    axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(niceStep(2 * spec.halfRange() / 8)));
    axis.setLabelFont(LABEL);
    axis.setTickLabelFont(TICK);
    PaintScaleLegend legend = new PaintScaleLegend(new Diverging(spec), axis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setStripWidth(12);
    legend.setMargin(new RectangleInsets(8, 8, 8, 4));
    legend.setSubdivisionCount(64);
    legend.setBackgroundPaint(Color.WHITE);
    return legend;
  }

  /**
   * @param x a positive step
   * @return the smallest of 1, 2, 2.5, 5 × 10^k that is ≥ x
   */
  static double niceStep(double x) {
    double p = Math.pow(10, Math.floor(Math.log10(x)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= x * (1 - 1e-9)) {
        return m * p;
      }
    }
    return 10 * p;
  }

  /** Diverging paint scale centred on the spec's center; NaN (masked) is grey. */
  static final class Diverging implements PaintScale {
    private final double center;
    private final double halfRange;

    Diverging(HeatmapSpec spec) {
      this.center = spec.center();
      this.halfRange = spec.halfRange();
    }

    @Override
    public double getLowerBound() {
      return center - halfRange;
    }

    @Override
    public double getUpperBound() {
      return center + halfRange;
    }

    @Override
    public Paint getPaint(double value) {
      return Palette.diverging((value - center) / halfRange);
    }
  }

  private static void styleAxes(org.jfree.chart.axis.Axis x, org.jfree.chart.axis.Axis y) {
    for (org.jfree.chart.axis.Axis a : new org.jfree.chart.axis.Axis[] {x, y}) {
      a.setLabelFont(LABEL);
      a.setTickLabelFont(TICK);
      a.setLabelPaint(Palette.BLACK);
      a.setTickLabelPaint(Palette.BLACK);
    }
  }

  private static void stylePlot(org.jfree.chart.plot.Plot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    if (plot instanceof XYPlot p) {
      p.setDomainGridlinePaint(GRID);
      p.setRangeGridlinePaint(GRID);
      p.setDomainGridlineStroke(new BasicStroke(0.5f));
      p.setRangeGridlineStroke(new BasicStroke(0.5f));
    } else if (plot instanceof CategoryPlot p) {
      p.setRangeGridlinePaint(GRID);
      p.setRangeGridlineStroke(new BasicStroke(0.5f));
    }
  }
}
