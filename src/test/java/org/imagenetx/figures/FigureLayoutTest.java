package org.imagenetx.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.geom.Area;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imagenetx.annotations.Annotations;
import org.imagenetx.annotations.Release;
import org.imagenetx.report.Format;
import org.imagenetx.zoo.Zoos;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every figure of the catalogue drawn from the embedded release, as a reader gets it: rasterised
 * through a recording {@link Graphics2D} ({@link TextBoxes}) that keeps the visual box of every
 * string, so no label may cross the canvas edge or cover another; every figure has its provenance
 * footer and a CSV with counts; the model-type counts agree across figures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FigureLayoutTest {
  /** Overlap tolerated between two boxes (points²): glyph boxes of adjacent labels may touch. */
  static final double TOUCH = 1.0;

  Map<String, Figure> figures = new LinkedHashMap<>();

  @BeforeAll
  void drawEverything() {
    StudyData data =
        StudyData.load(
            Annotations.release(),
            Zoos::base,
            Release.root().resolve("results"),
            Release.root().resolve("model_types.csv"),
            2,
            null,
            EnumSet.complementOf(EnumSet.of(StudyData.Part.PAIRS, StudyData.Part.CALIBRATION)));
    for (Catalog.Entry e : Catalog.entries()) {
      figures.put(e.name(), e.draw(data));
    }
  }

  List<String> names() {
    return Catalog.names();
  }

  static List<TextBoxes.Box> draw(Figure f) {
    BufferedImage img = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D raster = img.createGraphics();
    TextBoxes g2 = new TextBoxes(raster);
    try {
      FigureWriter.draw(f, g2);
    } finally {
      raster.dispose();
    }
    return g2.boxes;
  }

  @ParameterizedTest
  @MethodSource("names")
  void noTextCrossesTheCanvasEdgeOrAnotherLabel(String name) {
    Figure f = figures.get(name);
    List<TextBoxes.Box> boxes = draw(f);
    assertThat(boxes).as("%s draws text", name).hasSizeGreaterThan(10);
    Rectangle2D canvas = new Rectangle2D.Double(0, 0, f.width(), f.height());
    List<String> problems = new ArrayList<>();
    for (TextBoxes.Box b : boxes) {
      if (!canvas.contains(b.box().getBounds2D())) {
        problems.add("'" + b.text() + "' crosses the edge at " + b.box().getBounds2D());
      }
    }
    for (int i = 0; i < boxes.size(); i++) {
      Rectangle2D bi = boxes.get(i).box().getBounds2D();
      for (int j = i + 1; j < boxes.size(); j++) {
        if (!bi.intersects(boxes.get(j).box().getBounds2D())) {
          continue;
        }
        Area a = new Area(boxes.get(i).box());
        a.intersect(new Area(boxes.get(j).box()));
        Rectangle2D o = a.getBounds2D();
        if (!a.isEmpty() && o.getWidth() * o.getHeight() > TOUCH) {
          problems.add("'" + boxes.get(i).text() + "' overlaps '" + boxes.get(j).text() + "'");
        }
      }
    }
    assertThat(problems).as("text boxes of %s", name).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("names")
  void everyFigureHasATitleAFooterAndACsvWithCounts(String name) {
    Figure f = figures.get(name);
    assertThat(f.title()).as("title of %s", name).isNotEqualTo(name).isNotBlank();
    assertThat(f.provenance()).as("provenance of %s", name).isNotNull();
    String footer = String.join(" ", f.footerLines());
    assertThat(footer)
        .as("footer of %s", name)
        .contains("Data: ", "Factors: ", "Errors: ", "Models: ", "Intervals: ", "Test: ")
        .contains("Adjustment: ");
    assertThat(draw(f)).extracting(TextBoxes.Box::text).contains(f.footerLines().get(0));
    String header = f.data().render(Format.CSV, 6).lines().findFirst().orElseThrow();
    assertThat(List.of(header.split(",")))
        .as("count column in the CSV of %s", name)
        .containsAnyOf("images", "models", "type_models", "mistakes", "images_with_factor");
  }

  @Test
  void metaclassCellsCarryImagesAndErrors() {
    String csv = figures.get("metaclass-ratios").data().render(Format.CSV, 6);
    // ViT on dog images with a pose annotation: every count is an integer, errors ≤ images
    assertThat(csv.lines().findFirst().orElseThrow())
        .startsWith("model,metaclass,factor,images,errors,accuracy");
    long rows =
        csv.lines()
            .skip(1)
            .filter(
                l -> {
                  String[] c = l.split(",");
                  return Long.parseLong(c[4]) <= Long.parseLong(c[3]);
                })
            .count();
    assertThat(rows).isEqualTo(17 * 16);
    assertThat(figures.get("metaclass-ratios").panels().get(0).title()).startsWith("ViT");
  }

  @Test
  void metaclassRatiosMaskExactlyTheSmallCellsWithALegendEntry() {
    Figure f = figures.get("metaclass-ratios");
    HeatmapSpec h = (HeatmapSpec) f.panels().get(0);
    List<String> csv = f.data().render(Format.CSV, 6).lines().skip(1).toList();
    int small = 0;
    for (int i = 0; i < csv.size(); i++) {
      String[] c = csv.get(i).split(",", -1);
      long images = Long.parseLong(c[3]);
      long errors = Long.parseLong(c[4]);
      boolean isSmall = images > 0 && (images < 30 || errors < 5);
      small += isSmall ? 1 : 0;
      // rows are metaclass-major, 16 factors each, in the heatmap's order
      assertThat(h.mask()[i / 16][i % 16]).as(csv.get(i)).isEqualTo(isSmall);
      if (isSmall) {
        assertThat(h.shown(i / 16, i % 16)).isFalse();
      }
    }
    assertThat(small).isPositive();
    assertThat(h.maskLabel()).contains("fewer than 30 images or 5 errors");
    assertThat(draw(f)).extracting(TextBoxes.Box::text).contains(h.maskLabel());
    assertThat(f.caption()).contains("small cell");
  }

  @Test
  void modelTypeCountsAreTheSameInEveryFigure() {
    Map<String, String> comparison = new LinkedHashMap<>();
    figures
        .get("model-comparison")
        .data()
        .render(Format.CSV, 6)
        .lines()
        .skip(1)
        .forEach(l -> comparison.put(l.split(",")[0], l.split(",")[1]));
    assertThat(comparison).containsEntry("Supervised on ImageNet-1K", "83").hasSize(4);
    Pattern legend = Pattern.compile("(.+) \\((\\d+)\\)");
    Map<String, String> scatter = new LinkedHashMap<>();
    for (Panel p : figures.get("accuracy-vs-top1").panels()) {
      for (ScatterSeries s : ((ScatterSpec) p).series()) {
        Matcher m = legend.matcher(s.name());
        assertThat(m.matches()).as(s.name()).isTrue();
        scatter.put(m.group(1), m.group(2));
      }
    }
    scatter.remove(ZooFigures.OTHER);
    assertThat(scatter).isEqualTo(comparison);
  }

  /** The check can fail: crowded category labels on a narrow panel overlap and leave the canvas. */
  @Test
  void theCheckCatchesCrowdedAndClippedLabels() {
    List<String> categories = new ArrayList<>();
    double[] v = new double[40];
    for (int i = 0; i < 40; i++) {
      categories.add("a rather long category label " + i);
      v[i] = 1 + i / 40.0;
    }
    BarSpec spec =
        new BarSpec(
            "",
            "An x axis title far longer than the narrow panel it is drawn under, so it must clip",
            "y",
            categories,
            List.of(BarSeries.of("s", v)),
            1.0);
    Figure f = Figure.single("crowded", "Crowded.", spec, 120, 200, FigureWriterTest.bars().data());
    List<TextBoxes.Box> boxes = draw(f);
    Rectangle2D canvas = new Rectangle2D.Double(0, 0, f.width(), f.height());
    assertThat(boxes).anySatisfy(b -> assertThat(canvas.contains(b.box().getBounds2D())).isFalse());
  }
}
