package org.imagenetx.figures;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.imagenetx.io.AtomicFiles;
import org.imagenetx.report.Format;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws a {@link Figure} as {@code <name>.svg} (vector, text kept as {@code <text>} elements so it
 * stays searchable and editable), {@code <name>.png} and {@code <name>.csv} (the data behind it),
 * each written atomically.
 */
public final class FigureWriter {
  static {
    // Figures are drawn off screen; never try to reach a display (CI machines have none).
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    // JFreeChart draws rotated text (y axis titles, slanted category labels) through a TextLayout
    // by default, a workaround for old JDK bugs that makes JFreeSVG emit glyph outlines instead of
    // <text>. Plain drawString under a rotation is correct on Java 17 and keeps the text as text.
    org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
  }

  /**
   * The files of one written figure.
   *
   * @param svg the vector image
   * @param png the raster image
   * @param csv the data behind it
   */
  public record Written(Path svg, Path png, Path csv) {}

  private FigureWriter() {}

  /**
   * @param figure what to draw
   * @param dir output folder (created)
   * @return the three files
   */
  public static Written write(Figure figure, Path dir) {
    Path svg = dir.resolve(figure.name() + ".svg");
    Path png = dir.resolve(figure.name() + ".png");
    Path csv = dir.resolve(figure.name() + ".csv");
    // the raster and the vector drawing are independent (each builds its own charts from the
    // immutable figure): draw the PNG on a second thread, which halves a lone figure's drawing
    // time on two cores (`figures <one>`, results/bench/figures-one-*.md)
    java.util.concurrent.CompletableFuture<byte[]> raster =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> png(figure));
    String svgText = svg(figure);
    byte[] pngBytes;
    try {
      pngBytes = raster.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
    AtomicFiles.writeString(csv, figure.data().render(Format.CSV, 6));
    AtomicFiles.write(svg, out -> out.write(svgText.getBytes(StandardCharsets.UTF_8)));
    AtomicFiles.write(png, out -> out.write(pngBytes));
    return new Written(svg, png, csv);
  }

  /**
   * @param figure what to draw
   * @return the SVG document (deterministic: definition ids derive from the figure name)
   */
  public static String svg(Figure figure) {
    SVGGraphics2D g2 = new SVGGraphics2D(figure.width(), figure.height());
    g2.setDefsKeyPrefix(figure.name() + "-");
    // Full double precision made scatter SVGs ~3x larger for no visible gain: 1/100 point is far
    // below any printer's resolution.
    g2.setGeomDoubleConverter(FigureWriter::twoDecimals);
    draw(figure, g2);
    return g2.getSVGDocument();
  }

  /**
   * @param figure what to draw
   * @return the PNG bytes, {@code width() * pngScale()} pixels wide
   */
  public static byte[] png(Figure figure) {
    int scale = figure.pngScale();
    BufferedImage img =
        new BufferedImage(
            figure.width() * scale, figure.height() * scale, BufferedImage.TYPE_INT_RGB);
    Graphics2D g2 = img.createGraphics();
    try {
      g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g2.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g2.setRenderingHint(
          RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g2.scale(scale, scale);
      draw(figure, g2);
    } finally {
      g2.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 18);
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String twoDecimals(double v) {
    double r = Math.round(v * 100) / 100.0;
    return r == (long) r ? Long.toString((long) r) : Double.toString(r);
  }

  static void draw(Figure figure, Graphics2D g2) {
    g2.setPaint(Color.WHITE);
    g2.fill(new Rectangle2D.Double(0, 0, figure.width(), figure.height()));
    boolean shared = figure.sharedLegend();
    List<JFreeChart> charts = new ArrayList<>();
    int n = figure.panels().size();
    for (int i = 0; i < n; i++) {
      JFreeChart chart = Charts.chart(figure.panels().get(i), !shared);
      if (n > 1) {
        // a grid repeats the same axes: an axis title is left out where the panel under it (x) or
        // beside it on the left (y) has the same one, so a grid of like panels titles the x axis
        // under the bottom panel of each column and the y axis beside the first of each row, while
        // panels with axes of their own keep their titles
        List<String> titles = figure.panels().get(i).axisTitles();
        int below = i + figure.columns();
        boolean bottom =
            below >= n || !figure.panels().get(below).axisTitles().get(0).equals(titles.get(0));
        boolean left =
            i % figure.columns() == 0
                || !figure.panels().get(i - 1).axisTitles().get(1).equals(titles.get(1));
        Charts.axisTitles(chart, bottom, left);
      }
      charts.add(chart);
    }
    for (int i = 0; i < charts.size(); i++) {
      int col = i % figure.columns();
      int row = i / figure.columns();
      charts
          .get(i)
          .draw(
              g2,
              new Rectangle2D.Double(
                  col * figure.panelWidth(),
                  row * figure.panelHeight(),
                  figure.panelWidth(),
                  figure.panelHeight()));
    }
    if (shared) {
      LegendTitle legend = new LegendTitle(charts.get(0).getPlot());
      Charts.style(legend);
      legend.setHorizontalAlignment(HorizontalAlignment.CENTER);
      // arrange() collects the legend items; draw() alone would draw an empty legend. The margin
      // keeps the first marker and the last label off the canvas edge.
      double margin = 8;
      org.jfree.chart.ui.Size2D size =
          legend.arrange(
              g2,
              new org.jfree.chart.block.RectangleConstraint(
                  figure.width() - 2 * margin, Figure.LEGEND_HEIGHT));
      double left = Math.max(margin, (figure.width() - size.getWidth()) / 2);
      legend.draw(
          g2,
          new Rectangle2D.Double(
              left,
              figure.rows() * figure.panelHeight(),
              figure.width() - 2 * left,
              Figure.LEGEND_HEIGHT));
    }
    drawFooter(figure, g2);
  }

  /** The provenance lines under everything else, left-aligned, in dark grey. */
  private static void drawFooter(Figure figure, Graphics2D g2) {
    List<String> lines = figure.footerLines();
    if (lines.isEmpty()) {
      return;
    }
    double top = figure.height() - figure.footerHeight();
    g2.setPaint(Charts.GRID);
    g2.setStroke(new java.awt.BasicStroke(0.5f));
    g2.draw(
        new java.awt.geom.Line2D.Double(
            Figure.FOOTER_PAD, top + 1, figure.width() - Figure.FOOTER_PAD, top + 1));
    g2.setFont(Figure.FOOTER);
    g2.setPaint(Palette.FOOTER);
    float ascent = g2.getFontMetrics().getAscent();
    for (int i = 0; i < lines.size(); i++) {
      g2.drawString(
          lines.get(i),
          (float) Figure.FOOTER_PAD,
          (float) (top + Figure.FOOTER_PAD + i * Figure.FOOTER_LINE + ascent));
    }
  }
}
