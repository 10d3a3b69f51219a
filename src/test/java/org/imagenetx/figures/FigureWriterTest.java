package org.imagenetx.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.imagenetx.report.ReportTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The renderer on fixed input records: every panel kind, files, sizes, text kept as text. */
class FigureWriterTest {
  @TempDir Path dir;

  static ReportTable table() {
    return new ReportTable(List.of("a", "b")).addRow("x", 1.5).addRow("y", 2.0);
  }

  static Figure bars() {
    BarSpec spec =
        new BarSpec(
            "",
            "Factor",
            "Error ratio (1 = average error)",
            List.of("pose", "partial view", "object blocking"),
            List.of(
                new BarSeries(
                    "Self-supervised",
                    new double[] {0.8, 1.2, 1.9},
                    new double[] {0.7, 1.1, 1.5},
                    new double[] {0.9, 1.3, 2.2},
                    new boolean[] {true, false, true}),
                BarSeries.of("Supervised on more data", new double[] {0.7, Double.NaN, 2.1})),
            1.0);
    return Figure.single("test-bars", "Bars.", spec, 800, 450, table());
  }

  @Test
  void barsWriteSvgPngAndCsvWithLegendAndAxisTitlesAsText() throws Exception {
    Figure f = bars();
    FigureWriter.Written w = FigureWriter.write(f, dir);
    SvgFile svg = SvgFile.parse(w.svg());
    svg.assertLabelsOf(f);
    assertThat(svg.count("Self-supervised")).isEqualTo(1);
    assertThat(svg.count("Supervised on more data")).isEqualTo(1);
    assertThat(svg.texts).contains("partial view", "object blocking");
    BufferedImage png = SvgFile.png(w.png());
    assertThat(png.getWidth()).isEqualTo(1600);
    assertThat(png.getHeight()).isEqualTo(900);
    assertThat(Files.readString(w.csv())).isEqualTo("a,b\nx,1.5\ny,2.0\n");
  }

  @Test
  void fadedBarIsPaleAndSignificantBarKeepsThePaletteColour() throws Exception {
    String svg = FigureWriter.svg(bars());
    // full-colour Okabe-Ito blue for the significant bars, the faded blend for the other one
    assertThat(svg).contains("rgb(0,114,178)");
    Color faded = Palette.faded(Palette.BLUE);
    assertThat(svg)
        .contains("rgb(" + faded.getRed() + "," + faded.getGreen() + "," + faded.getBlue() + ")");
  }

  @Test
  void svgIsDeterministic() {
    assertThat(FigureWriter.svg(bars())).isEqualTo(FigureWriter.svg(bars()));
  }

  @Test
  void gridOfScattersHasOneSharedLegendAndEveryPanelTitle() throws Exception {
    List<Panel> panels = new ArrayList<>();
    for (String t : List.of("pose", "background", "pattern", "color", "smaller")) {
      panels.add(
          new ScatterSpec(
              t,
              "Top-1 accuracy (%)",
              "Accuracy on factor (%)",
              List.of(
                  new ScatterSeries("CNN", new double[] {60, 70, 80}, new double[] {55, 66, 79}),
                  new ScatterSeries("Transformer", new double[] {75, 85}, new double[] {70, 84})),
              List.of(new FittedLine(0, 1.1, -10, 60, 80)),
              true));
    }
    Figure f = new Figure("test-grid", "Grid.", panels, 3, 300, 260, table());
    assertThat(f.rows()).isEqualTo(2);
    assertThat(f.width()).isEqualTo(900);
    assertThat(f.height()).isEqualTo(2 * 260 + Figure.LEGEND_HEIGHT);
    FigureWriter.Written w = FigureWriter.write(f, dir);
    SvgFile svg = SvgFile.parse(w.svg());
    svg.assertLabelsOf(f);
    assertThat(svg.count("CNN")).isEqualTo(1);
    // axis titles once per column (under its bottom panel) and once per row (the first panel)
    assertThat(svg.count("Top-1 accuracy (%)")).isEqualTo(3);
    assertThat(svg.count("Accuracy on factor (%)")).isEqualTo(2);
    assertThat(svg.texts).contains("pose", "background", "pattern", "color", "smaller");
    BufferedImage png = SvgFile.png(w.png());
    assertThat(png.getWidth()).isEqualTo(900 * 2);
    assertThat(png.getHeight()).isEqualTo(f.height() * 2);
  }

  @Test
  void horizontalBarsListCategoriesDownTheLeftWithTheValueAxisUnder() throws Exception {
    BarSpec spec =
        new BarSpec(
            "",
            "Factor",
            "Share of models",
            List.of("pose", "partial view", "object blocking"),
            List.of(
                new BarSeries(
                    "s",
                    new double[] {0.2, 0.6, 0.9},
                    new double[] {0.1, 0.5, 0.8},
                    new double[] {0.3, 0.7, 1.0},
                    null)),
            0.5,
            true);
    Figure f = Figure.single("test-hbars", "Bars.", spec, 500, 300, table());
    List<TextBoxes.Box> boxes = FigureLayoutTest.draw(f);
    java.util.Map<String, java.awt.geom.Rectangle2D> at = new java.util.HashMap<>();
    boxes.forEach(b -> at.put(b.text(), b.box().getBounds2D()));
    // categories top to bottom in the given order, left of the value axis title's start
    assertThat(at.get("pose").getCenterY()).isLessThan(at.get("partial view").getCenterY());
    assertThat(at.get("partial view").getCenterY())
        .isLessThan(at.get("object blocking").getCenterY());
    // the value axis is titled under the plot, the category axis title is rotated on the left
    assertThat(at.get("Share of models").getMinY())
        .isGreaterThan(at.get("object blocking").getMaxY());
    assertThat(at.get("Factor").getMaxX()).isLessThan(at.get("pose").getMinX());
    SvgFile.parse(FigureWriter.svg(f)).assertLabelsOf(f);
  }

  @Test
  void histogramDrawsItsLinesWithALegendEntryEach() throws Exception {
    double[] edges = {0.7, 0.8, 0.9, 1.0};
    HistogramSpec h =
        new HistogramSpec(
            "",
            "Spearman ρ",
            "Models",
            edges,
            HistogramSpec.count(new double[] {0.75, 0.85, 0.95, 0.97, 1.0}, edges, 1e-12),
            List.of(
                new HistogramSpec.Line(0.95, "median 0.95", false),
                new HistogramSpec.Line(0.8, "threshold 0.8", true)));
    assertThat(h.counts()).containsExactly(1, 1, 3);
    Figure f = Figure.single("test-hist", "Histogram.", h, 500, 300, table());
    SvgFile svg = SvgFile.parse(FigureWriter.svg(f));
    svg.assertLabelsOf(f);
    assertThat(svg.texts).contains("median 0.95", "threshold 0.8");
    // the median in vermillion, the bars in the first series colour
    String text = FigureWriter.svg(f);
    assertThat(text).contains("rgb(213,94,0)", "rgb(0,114,178)");
  }

  @Test
  void histogramCountsEdgesIntoTheBinTheyStartAndRejectsValuesOutside() {
    double[] edges = {0.0, 0.5, 1.0};
    // 0.5 a few ulps low still starts the second bin; the last edge belongs to the last bin
    assertThat(
            HistogramSpec.count(
                new double[] {0.0, 0.5 - 1e-15, 0.5, 1.0, Double.NaN}, edges, 1e-12))
        .containsExactly(1, 3);
    assertThat(HistogramSpec.count(new double[] {0.5 - 1e-15}, edges, 0)).containsExactly(1, 0);
    assertThatThrownBy(() -> HistogramSpec.count(new double[] {1.1}, edges, 1e-12))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside the bins");
    assertThatThrownBy(
            () -> new HistogramSpec("", "x", "y", new double[] {0, 1}, new int[] {1, 2}, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * A column of two like horizontal-bar panels: the value axis (x, at the bottom) is titled once,
   * under the lower panel; the category axis (y, on the left) beside each, as the first of its row.
   */
  @Test
  void aColumnOfHorizontalBarsTitlesItsValueAxisOnceAtTheBottom() throws Exception {
    BarSpec spec =
        new BarSpec(
            "",
            "Factor",
            "Share of models",
            List.of("pose", "texture"),
            List.of(new BarSeries("s", new double[] {0.2, 0.9}, null, null, null)),
            Double.NaN,
            true);
    Figure f = new Figure("test-hcol", "Bars.", List.of(spec, spec), 1, 450, 300, table());
    List<String> texts = SvgFile.parse(FigureWriter.svg(f)).texts;
    assertThat(texts.stream().filter("Share of models"::equals).count()).isEqualTo(1);
    assertThat(texts.stream().filter("Factor"::equals).count()).isEqualTo(2);
  }

  @Test
  void panelsWithAxesOfTheirOwnKeepTheirTitlesInAGrid() throws Exception {
    HistogramSpec h =
        new HistogramSpec(
            "", "Spearman ρ", "Models", new double[] {0, 1}, new int[] {3}, List.of());
    Figure f =
        new Figure(
            "test-mixed", "Mixed.", List.of(bars().panels().get(0), h), 2, 450, 300, table());
    SvgFile svg = SvgFile.parse(FigureWriter.svg(f));
    // the second panel's y axis differs from the first's: both are titled
    assertThat(svg.texts).contains("Error ratio (1 = average error)", "Models", "Spearman ρ");
  }

  @Test
  void heatmapShowsUnmaskedValuesOnly() throws Exception {
    HeatmapSpec h =
        new HeatmapSpec(
            "",
            "Factor",
            "Factor",
            List.of("pose", "color"),
            List.of("pose", "color"),
            new double[][] {{1, 0.123}, {0.123, 1}},
            new boolean[][] {{true, false}, {false, true}},
            0,
            1,
            "Spearman ρ");
    Figure f = Figure.single("test-heat", "Heat.", h, 600, 500, table());
    SvgFile svg = SvgFile.parse(FigureWriter.svg(f));
    svg.assertLabelsOf(f);
    assertThat(svg.count("0.12")).isEqualTo(2);
    assertThat(svg.count("1.00")).isZero();
    assertThat(svg.texts).contains("Spearman ρ");
    assertThat(FigureWriter.png(f)).isNotEmpty();
  }

  @Test
  void smallFiguresAreScaledToAtLeast1600Pixels() {
    Figure f = new Figure("small", "s", List.of(bars().panels().get(0)), 1, 500, 300, table());
    assertThat(f.pngScale()).isEqualTo(4);
    assertThat(f.width() * f.pngScale()).isGreaterThanOrEqualTo(Figure.MIN_PNG_WIDTH);
  }

  @Test
  void scaleStepsAreRound() {
    assertThat(Charts.niceStep(0.075)).isEqualTo(0.1);
    assertThat(Charts.niceStep(0.25)).isEqualTo(0.25);
    assertThat(Charts.niceStep(0.3)).isEqualTo(0.5);
    assertThat(Charts.niceStep(1)).isEqualTo(1);
    assertThat(Charts.niceStep(0.011))
        .isCloseTo(0.02, org.assertj.core.api.Assertions.within(1e-15));
  }

  @Test
  void badRecordsAreRejected() {
    assertThatThrownBy(
            () ->
                new BarSpec(
                    "",
                    "x",
                    "y",
                    List.of("a", "b"),
                    List.of(BarSeries.of("s", new double[] {1})),
                    1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 values for 2 categories");
    assertThatThrownBy(() -> new ScatterSeries("s", new double[2], new double[3]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> Figure.single("Bad Name", "c", bars().panels().get(0), 800, 400, table()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
