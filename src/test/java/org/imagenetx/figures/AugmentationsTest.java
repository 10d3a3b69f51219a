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
import org.imagenetx.stats.FactorTable;
import org.imagenetx.testing.RealData;
import org.junit.jupiter.api.Test;

/** Strength parsing and the sweep on the real crop zoo, checked by plain loops over the CSV. */
class AugmentationsTest {
  @Test
  void parsesHyperParametersFromModelNames() {
    String m = "eval_resnet50_crop100.0_wd1e-05_color0.0_smoothing28.0_id1662129774";
    assertThat(Augmentations.parameter(m, "crop")).isEqualTo(100.0);
    assertThat(Augmentations.parameter(m, "wd")).isEqualTo(1e-5);
    assertThat(Augmentations.parameter(m, "color")).isEqualTo(0.0);
    assertThat(Augmentations.parameter(m, "smoothing")).isEqualTo(28.0);
    assertThat(Augmentations.parameter("eval_resnet50_crop0.2_wd0.0001_id1", "crop")).isEqualTo(0.2);
    assertThat(Augmentations.parameter("resnet50", "crop")).isNaN();
  }

  @Test
  void cropSweepOnRealTablesDropsSparseLevelsAndSmallerGetsHarderWithStrongerCrops() throws IOException {
    Path csv = StudyData.tableOf(RealData.results(), "crop");
    AugmentationSweep s = Augmentations.sweep(Augmentations.KINDS.get(0), UpstreamResults.read(csv));

    // independent: plain loops over the CSV lines
    List<String> lines = Files.readAllLines(csv);
    Map<Double, Integer> perLevel = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String name = line.split(",")[0];
      double crop = Double.parseDouble(name.replaceAll(".*_crop([0-9.]+)_.*", "$1"));
      perLevel.merge(100 - crop, 1, Integer::sum);
    }
    double sx = 0;
    double sy = 0;
    int n = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",", -1);
      double strength = 100 - Double.parseDouble(c[0].replaceAll(".*_crop([0-9.]+)_.*", "$1"));
      if (perLevel.get(strength) > 4) {
        n++;
      }
    }
    assertThat(s.models()).hasSize(n);
    assertThat(perLevel.get(99.8)).isEqualTo(1); // crop0.2: a single model, dropped
    assertThat(s.models()).doesNotContain("eval_resnet50_crop0.2_wd0.0001_id1660252539");

    // slope of smaller's error ratio on strength by the textbook formula
    int smaller = 1 + Factor.SMALLER.ordinal();
    int average = 1 + FactorTable.AVERAGE;
    double[] x = new double[n];
    double[] y = new double[n];
    int i = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",", -1);
      double strength = 100 - Double.parseDouble(c[0].replaceAll(".*_crop([0-9.]+)_.*", "$1"));
      if (perLevel.get(strength) > 4) {
        x[i] = strength;
        y[i] = (1 - Double.parseDouble(c[smaller])) / (1 - Double.parseDouble(c[average]));
        sx += x[i];
        sy += y[i];
        i++;
      }
    }
    double mx = sx / n;
    double my = sy / n;
    double num = 0;
    double den = 0;
    for (int k = 0; k < n; k++) {
      num += (x[k] - mx) * (y[k] - my);
      den += (x[k] - mx) * (x[k] - mx);
    }
    assertThat(s.slope()[Factor.SMALLER.ordinal()]).isCloseTo(num / den, within(1e-12)).isPositive();
    assertThat(s.intercept()[Factor.SMALLER.ordinal()]).isCloseTo(my - num / den * mx, within(1e-10));
  }
}
