package org.imagenetx.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.compare.GroupComparison;
import org.imagenetx.compare.GroupTest;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.resampling.IntervalMethod;
import org.imagenetx.resampling.ZooBootstrap;
import org.imagenetx.study.Augmentation;
import org.imagenetx.study.ModelTypes;
import org.imagenetx.study.Study;
import org.imagenetx.testing.RealData;
import org.junit.jupiter.api.Test;

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

  private static double strength(String line) {
    return 100 - Double.parseDouble(line.split(",")[0].replaceAll(".*_crop([0-9.]+)_.*", "$1"));
  }
}
