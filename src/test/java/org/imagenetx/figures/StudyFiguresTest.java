package org.imagenetx.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.imagenetx.annotations.Annotations;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.Release;
import org.imagenetx.compare.GroupComparison;
import org.imagenetx.compare.GroupTest;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.report.Format;
import org.imagenetx.resampling.IntervalMethod;
import org.imagenetx.resampling.ZooBootstrap;
import org.imagenetx.study.Augmentation;
import org.imagenetx.study.ModelGroups;
import org.imagenetx.study.ModelTypes;
import org.imagenetx.study.Study;
import org.imagenetx.study.StudyTables;
import org.imagenetx.testing.RealData;
import org.imagenetx.zoo.Zoos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapters from the study's records, on the real aggregated tables, against plain loops. */
class StudyFiguresTest {
  private static final Study STUDY =
      new Study(
          RealData.results(),
          FactorSelection.TOP,
          ErrorType.CLASS,
          new ZooBootstrap.Settings(200, 0.95, IntervalMethod.PERCENTILE, 1L),
          GroupTest.alexanderGovern());

  @Test
  void cropSweepKeepsLevelsWithFiveModelsAndSmallerGetsHarderWithStrongerCrops()
      throws IOException {
    SweepLines s =
        StudyFigures.sweep(STUDY.sweep(Augmentation.CROP), "Random crop", "crop", "Crop strength");
    Path csv = STUDY.tablePath("crop");
    List<String> lines = Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size());
    Map<Double, Integer> perLevel = new HashMap<>();
    for (String line : lines) {
      perLevel.merge(strength(line), 1, Integer::sum);
    }
    int smaller = 1 + Factor.SMALLER.ordinal();
    int average = 1 + FactorTable.AVERAGE;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    int n = 0;
    for (String line : lines) {
      double x = strength(line);
      if (perLevel.get(x) > 4) {
        String[] c = line.split(",", -1);
        double y = (1 - Double.parseDouble(c[smaller])) / (1 - Double.parseDouble(c[average]));
        n++;
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
      }
    }
    assertThat(perLevel.get(99.8)).isEqualTo(1); // crop0.2: one model, dropped
    assertThat(s.models()).hasSize(n).doesNotContain("eval_resnet50_crop0.2_wd0.0001_id1660252539");
    double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    assertThat(s.slope()[Factor.SMALLER.ordinal()]).isCloseTo(slope, within(1e-9)).isPositive();
    assertThat(s.intercept()[Factor.SMALLER.ordinal()])
        .isCloseTo((sy - slope * sx) / n, within(1e-9));
    assertThat(s.pValue()[Factor.SMALLER.ordinal()]).isLessThan(0.05);
    Figure f = ZooFigures.augmentation(s);
    assertThat(f.panels()).hasSize(Factor.COUNT);
    assertThat(((ScatterSpec) f.panels().get(Factor.SMALLER.ordinal())).title())
        .startsWith("smaller (Δ +");
  }

  @Test
  void comparisonKeepsTheStudysNumbersAndFadesByItsTest() {
    GroupComparison c =
        STUDY.compare(
            STUDY.publishedGroups(
                ModelTypes.read(RealData.root().resolve("model_types.csv")), null),
            ZooFigures.PUBLISHED_GROUPS);
    GroupBars g = StudyFigures.comparison(c, 0.05);
    // faded on Holm-adjusted evidence over the figure's 16 tests, computed here by hand
    double[] raw = new double[Factor.COUNT];
    Integer[] byP = new Integer[Factor.COUNT];
    for (int f = 0; f < Factor.COUNT; f++) {
      raw[f] = c.test(0, Factor.of(f)).pValue();
      byP[f] = f;
    }
    java.util.Arrays.sort(byP, (x, y) -> Double.compare(raw[x], raw[y]));
    double[] holm = new double[Factor.COUNT];
    double running = 0;
    for (int j = 0; j < Factor.COUNT; j++) {
      running = Math.max(running, Math.min(1, (Factor.COUNT - j) * raw[byP[j]]));
      holm[byP[j]] = running;
    }
    assertThat(g.groups()).containsExactlyElementsOf(ZooFigures.PUBLISHED_GROUPS);
    for (int k = 0; k < g.groups().size(); k++) {
      assertThat(g.groupSizes()[k]).isEqualTo(c.members().get(k).size());
      for (int f = 0; f < Factor.COUNT; f++) {
        assertThat(g.mean()[k][f]).isEqualTo(c.mean(k, Factor.of(f)).point());
        assertThat(g.significant(k, f)).isEqualTo(holm[f] < 0.05);
      }
    }
    assertThat(g.method())
        .contains("Alexander-Govern")
        .contains("B = 200")
        .contains(StudyFigures.ADJUSTMENT);
  }

  /**
   * The consistency figure as {@code reproduce} draws it (embedded release, default bootstrap): per
   * factor, the count and share of published models with error ratio &gt; 1 recomputed by a plain
   * loop over the shipped CSV rows, with the Wilson score interval of that count by the plain
   * formula; the same estimates and intervals as the published rows of {@code consistency.csv}; the
   * histogram's bars count the per-model ρ of its CSV; the SVG carries the axis titles, the legend
   * and the provenance footer.
   */
  @Test
  void consistencyFigureCountsThePublishedModelsAboveOneAsAPlainLoopOverTheShippedTables(
      @TempDir Path dir) throws Exception {
    Path root = Release.root();
    Catalog.Entry entry = Catalog.entry("consistency");
    StudyData data =
        StudyData.load(
            Annotations.release(),
            Zoos::base,
            root.resolve("results"),
            root.resolve("model_types.csv"),
            2,
            null,
            entry.parts());
    Figure f = entry.draw(data);
    List<String[]> csv = new ArrayList<>();
    for (String line : f.data().render(Format.CSV, 6).lines().skip(1).toList()) {
      csv.add(line.split(",", -1));
    }
    // columns: statistic, factor, model, models, count, estimate, lower, upper
    List<String> models = new ArrayList<>();
    for (String[] c : csv) {
      if (c[0].equals("spearman")) {
        models.add(c[2]);
      }
    }
    Study study = data.study();
    ModelGroups published = study.publishedGroups(data.types(), data.baseTable());
    assertThat(models).hasSize(209).containsExactlyElementsOf(published.table().models());

    // plain loop: error ratios from the CSV rows of the seven zoos (first row wins), the base
    // models
    // (which have no shipped table) from the aggregation of their predictions
    Map<String, double[]> er = new HashMap<>();
    for (String zoo : Study.ZOOS) {
      List<String> lines = Files.readAllLines(study.tablePath(zoo));
      for (String line : lines.subList(1, lines.size())) {
        String[] c = line.split(",", -1);
        double average = Double.parseDouble(c[1 + FactorTable.AVERAGE]);
        double[] v = new double[Factor.COUNT];
        for (int k = 0; k < Factor.COUNT; k++) {
          v[k] = (1 - Double.parseDouble(c[1 + k])) / (1 - average);
        }
        er.putIfAbsent(c[0], v);
      }
    }
    FactorTable base = data.baseTable();
    int fromBase = 0;
    int[] above = new int[Factor.COUNT];
    for (String m : models) {
      double[] v = er.get(m);
      if (v == null) {
        fromBase++;
        v = new double[Factor.COUNT];
        for (Factor x : Factor.values()) {
          v[x.ordinal()] = base.errorRatio(base.rowOf(m), x);
        }
      }
      for (int k = 0; k < Factor.COUNT; k++) {
        above[k] += v[k] > 1 ? 1 : 0;
      }
    }
    assertThat(fromBase).isEqualTo(1); // DINO

    // the published rows of consistency.csv, as reproduce writes them
    Map<String, String[]> table = new HashMap<>();
    for (String line :
        StudyTables.consistency(study.consistency(published), study.bootstrap())
            .render(Format.CSV, 6)
            .lines()
            .skip(1)
            .toList()) {
      String[] c = line.split(",", -1);
      if (c[0].equals("published")) {
        table.put(c[2] + "|" + c[3], c);
      }
    }
    double previous = Double.POSITIVE_INFINITY;
    int factors = 0;
    for (String[] c : csv) {
      if (!c[0].equals("share_er_above_1")) {
        continue;
      }
      factors++;
      int k = Factor.fromColumn(c[1]).ordinal();
      double share = Double.parseDouble(c[5]);
      assertThat(c[3]).isEqualTo("209");
      assertThat(Integer.parseInt(c[4])).as(c[1]).isEqualTo(above[k]);
      assertThat(share).as(c[1]).isCloseTo(above[k] / 209.0, within(5e-7));
      assertThat(Double.parseDouble(c[6])).isLessThanOrEqualTo(share);
      assertThat(Double.parseDouble(c[7])).isGreaterThanOrEqualTo(share);
      // the Wilson score interval of above[k] of 209 by the plain formula
      double z = new NormalDistribution(0, 1).inverseCumulativeProbability(0.975);
      double p = above[k] / 209.0;
      double centre = p + z * z / (2 * 209.0);
      double half = z * Math.sqrt(p * (1 - p) / 209.0 + z * z / (4 * 209.0 * 209.0));
      double scale = 1 + z * z / 209.0;
      assertThat(Double.parseDouble(c[6]))
          .as(c[1])
          .isCloseTo((centre - half) / scale, within(1e-12));
      assertThat(Double.parseDouble(c[7]))
          .as(c[1])
          .isCloseTo((centre + half) / scale, within(1e-12));
      assertThat(share).as("sorted by share").isLessThanOrEqualTo(previous);
      previous = share;
      String[] t = table.get("share_er_above_1|" + c[1]);
      assertThat(new String[] {c[5], c[6], c[7]}).containsExactly(t[4], t[5], t[6]);
    }
    assertThat(factors).isEqualTo(Factor.COUNT);
    // the published numbers of docs/study.md: pose never above 1, brighter for about a third
    assertThat(above[Factor.POSE.ordinal()]).isZero();
    assertThat(above[Factor.BRIGHTER.ordinal()]).isEqualTo(78);
    for (String[] c : csv) {
      if (c[0].startsWith("median")
          || c[0].startsWith("share_spearman")
          || c[0].startsWith("min")) {
        String[] t = table.get(c[0] + "|");
        assertThat(new String[] {c[5], c[6], c[7]}).as(c[0]).containsExactly(t[4], t[5], t[6]);
      }
    }

    // the histogram counts every model's ρ once, in the bin [edge, next edge) holding it
    HistogramSpec h = (HistogramSpec) f.panels().get(1);
    double[] edges = h.edges();
    int[] counted = new int[edges.length - 1];
    int high = 0;
    for (Object[] row : f.data().rows()) {
      if (row[0].equals("spearman")) {
        double rho = (Double) row[5];
        high += rho >= 0.8 - 1e-12 ? 1 : 0;
        for (int b = 0; b < counted.length; b++) {
          boolean last = b == counted.length - 1;
          if (rho >= edges[b] - 1e-12 && (rho < edges[b + 1] - 1e-12 || last)) {
            counted[b]++;
            break;
          }
        }
      }
    }
    assertThat(h.counts()).containsExactly(counted);
    assertThat(java.util.Arrays.stream(counted).sum()).isEqualTo(209);
    String highCount = Integer.toString(high);
    assertThat(csv)
        .filteredOn(c -> c[0].equals("share_spearman_ge_0.8"))
        .singleElement()
        .satisfies(c -> assertThat(c[4]).isEqualTo(highCount));
    assertThat(h.lines()).extracting(HistogramSpec.Line::value).contains(0.8);

    assertThat(f.caption())
        .contains("the 209 models of the published comparison")
        .contains("top-factor annotations, class errors")
        .contains("error bars: 95% Wilson score interval over models;")
        .contains(
            "the median ρ with its 95% percentile bootstrap interval over models (B = 1,000, seed"
                + " 42;")
        .doesNotContain("error bars: 95% percentile")
        .contains("no test");
    assertThat(f.provenance().line())
        .contains(
            "Models: 209",
            "Intervals: shares: 95% Wilson score interval over models; median ρ: 95% percentile"
                + " bootstrap over models (B = 1,000, seed 42)",
            "Test: none (descriptive)",
            "Adjustment: none");
    SvgFile svg = SvgFile.parse(FigureWriter.write(f, dir).svg());
    assertThat(svg.texts)
        .contains(
            "Factor",
            "Share of models with error ratio > 1",
            "Spearman ρ with the pooled profile",
            "Models",
            "brighter",
            "ρ ≥ 0.8: " + high + " of 209 models")
        .containsAll(f.footerLines());
    assertThat(svg.texts).anyMatch(t -> t.startsWith("median ρ 0.955 ["));
  }

  private static double strength(String line) {
    return 100 - Double.parseDouble(line.split(",")[0].replaceAll(".*_crop([0-9.]+)_.*", "$1"));
  }
}
