package org.imagenetx.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.UniformRealDistribution;
import org.hipparchus.stat.inference.KolmogorovSmirnovTest;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.compare.GroupTest;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.resampling.IntervalMethod;
import org.imagenetx.resampling.ZooBootstrap;
import org.imagenetx.testing.RealData;
import org.junit.jupiter.api.Test;

/**
 * The permutation p-value of the whole augmentation procedure: its unpermuted statistic is the
 * published Welch t, it is seeded, and under no effect it is uniform (KS test); the published Welch
 * p is not. Quick by default, larger with {@code -Dnightly}.
 */
class AugmentationPermutationTest {
  private static final boolean NIGHTLY = Boolean.getBoolean("nightly");

  @Test
  void unpermutedStatisticIsThePublishedWelchTOnTheRealSweeps() {
    Study study =
        new Study(
            RealData.results(),
            FactorSelection.TOP,
            ErrorType.CLASS,
            new ZooBootstrap.Settings(20, 0.95, IntervalMethod.PERCENTILE, 1),
            GroupTest.alexanderGovern());
    for (AugmentationSweep s : study.sweeps()) {
      for (AugmentationSweep.Effect e : s.effects()) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int r = 0; r < s.table().size(); r++) {
          double er = s.table().errorRatio(r, e.factor());
          if (Arrays.binarySearch(s.levels(), s.strength()[r]) >= 0 && Double.isFinite(er)) {
            x.add(s.strength()[r]);
            y.add(er);
          }
        }
        var proc =
            new AugmentationPermutation.Procedure(
                x.stream().mapToDouble(Double::doubleValue).toArray(), s.levels());
        assertThat(proc.t(y.stream().mapToDouble(Double::doubleValue).toArray()))
            .as("%s %s", s.augmentation(), e.factor())
            .isCloseTo(e.t(), within(1e-6 * Math.max(1, Math.abs(e.t()))));
      }
      double[] p = AugmentationPermutation.pValues(s, 99, 42);
      assertThat(p).isEqualTo(AugmentationPermutation.pValues(s, 99, 42));
      for (double v : p) {
        assertThat(v).isBetween(0.01, 1.0);
      }
    }
  }

  @Test
  void underNoEffectThePermutationPIsUniformAndTheWelchPIsNot() {
    int sims = NIGHTLY ? 1000 : 150;
    int perms = NIGHTLY ? 999 : 199;
    SplittableRandom rng = new SplittableRandom(5);
    double[] permP = new double[sims];
    int welchRejects = 0;
    int permRejects = 0;
    for (int i = 0; i < sims; i++) {
      AugmentationSweep s = nullSweep(rng);
      permP[i] = AugmentationPermutation.pValue(s, Factor.POSE, perms, rng.nextLong());
      double welch = s.effects().get(Factor.POSE.ordinal()).pValue();
      welchRejects += welch < 0.05 ? 1 : 0;
      permRejects += permP[i] <= 0.05 ? 1 : 0;
    }
    // discreteness of p = k/(P+1): compare with the uniform on (0, 1] at that resolution
    double ks =
        new KolmogorovSmirnovTest()
            .kolmogorovSmirnovTest(new UniformRealDistribution(0, 1), permP, false);
    assertThat(ks).as("KS p-value of the permutation p against uniform").isGreaterThan(0.01);
    double mc = Math.sqrt(0.05 * 0.95 / sims);
    assertThat((double) permRejects / sims).isLessThanOrEqualTo(0.05 + 3 * mc);
    // the published p picks its two levels from the data: it rejects well above 5%
    assertThat((double) welchRejects / sims).isGreaterThan(0.05 + mc);
  }

  /** Eight strength levels, six models each, error ratios independent of strength. */
  private static AugmentationSweep nullSweep(SplittableRandom rng) {
    int levels = 8;
    int per = 6;
    List<String> models = new ArrayList<>();
    double[][] rows = new double[levels * per][];
    int k = 0;
    for (int l = 0; l < levels; l++) {
      for (int m = 0; m < per; m++) {
        models.add("eval_resnet50_smoothing" + (l + 1) + ".0_id" + (1000 + k));
        double[] r = new double[FactorTable.COLUMNS.size()];
        Arrays.fill(r, 0.7);
        r[FactorTable.AVERAGE] = 0.7;
        // pose error ratio ~ 1 + noise: accuracy = 1 - 0.3 * ratio
        r[Factor.POSE.ordinal()] = 1 - 0.3 * (1 + 0.05 * gaussian(rng));
        rows[k++] = r;
      }
    }
    return AugmentationSweep.compute(
        Augmentation.GAUSSIAN_BLUR, new FactorTable(models, rows), "null");
  }

  private static double gaussian(SplittableRandom rng) {
    double u = rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }
}
