package org.imagenetx.resampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.imagenetx.resampling.CellBootstrapEquivalenceTest.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Intervals: degenerate cases, the jackknife from cells, determinism and coverage. */
class CellBootstrapIntervalTest {
  private static final boolean NIGHTLY = Boolean.getBoolean("nightly");

  /** One pattern (factor 0), k correct of n. */
  private static int[] oneFactor(int n, int k) {
    return new int[] {n - k, k};
  }

  @ParameterizedTest
  @EnumSource(IntervalMethod.class)
  void degenerateCounts(IntervalMethod method) {
    CellLayout layout = CellLayout.factors(new int[] {1}, 1);
    CellBootstrap boot = new CellBootstrap(layout, 200, 0.95, method);
    // n = 0: nothing defined.
    Interval empty = boot.interval(oneFactor(0, 0), 1, 0);
    assertThat(empty.point()).isNaN();
    assertThat(empty.lower()).isNaN();
    assertThat(empty.upper()).isNaN();
    // k = 0 and k = n: the accuracy cannot move.
    Interval none = boot.interval(oneFactor(37, 0), 1, 0);
    assertThat(List.of(none.point(), none.lower(), none.upper())).containsOnly(0.0);
    Interval all = boot.interval(oneFactor(37, 37), 1, 0);
    assertThat(List.of(all.point(), all.lower(), all.upper())).containsOnly(1.0);
    assertThat(all.method()).isEqualTo(method);
    assertThat(all.confidenceLevel()).isEqualTo(0.95);
    // All images have the factor: the error ratio is exactly 1 unless the error rate is 0.
    Interval er = boot.interval(oneFactor(50, 20), 1, 1);
    assertThat(List.of(er.point(), er.lower(), er.upper())).containsOnly(1.0);
    assertThat(boot.interval(oneFactor(50, 50), 1, 1).point()).isNaN();
  }

  @Test
  void seedDeterminesEverything() {
    CellLayout layout = CellLayout.factors(new int[] {1, 2, 3}, 1);
    int[] cells = {30, 70, 10, 15, 5, 40};
    CellBootstrap a = new CellBootstrap(layout, 500, 0.9, IntervalMethod.BCA);
    CellBootstrap b = new CellBootstrap(layout, 500, 0.9, IntervalMethod.BCA);
    int s = layout.numStatistics();
    double[][] ra = {new double[s], new double[s], new double[s]};
    double[][] rb = {new double[s], new double[s], new double[s]};
    a.estimate(cells, 7, ra[0], ra[1], ra[2]);
    b.estimate(cells, 99, rb[0], rb[1], rb[2]); // different seed first: buffers must not leak state
    b.estimate(cells, 7, rb[0], rb[1], rb[2]);
    assertThat(Arrays.deepEquals(ra, rb)).as("same seed, same output").isTrue();
    assertThat(ra[1][1]).isLessThan(ra[2][1]);
    assertThat(CellBootstrap.seed(42, "ViT")).isNotEqualTo(CellBootstrap.seed(42, "ResNet50"));
    assertThat(CellBootstrap.seed(42, "ViT")).isNotEqualTo(CellBootstrap.seed(43, "ViT"));
  }

  /** The acceleration from cell counts equals the jackknife over individual images. */
  @Test
  void accelerationEqualsImageJackknife() {
    for (long seed = 1; seed <= 20; seed++) {
      boolean paired = seed % 2 == 0;
      List<Image> images = CellBootstrapEquivalenceTest.tiny(seed, 30 + (int) seed, paired);
      int models = paired ? 2 : 1;
      int[] patterns = CellBootstrapEquivalenceTest.patternsOf(images);
      int[] cells = CellBootstrapEquivalenceTest.cellsOf(images, patterns, models);
      CellBootstrap boot =
          new CellBootstrap(CellLayout.factors(patterns, models), 10, 0.95, IntervalMethod.BCA);
      for (int stat = 0; stat < 2; stat++) {
        boolean acc = stat == 0;
        double[] loo = new double[images.size()];
        double sum = 0;
        for (int i = 0; i < images.size(); i++) {
          List<Image> rest = new ArrayList<>(images);
          rest.remove(i);
          loo[i] = CellBootstrapEquivalenceTest.naiveStatistic(rest, 0, paired, acc);
          sum += loo[i];
        }
        double mean = sum / loo.length;
        double num = 0;
        double den = 0;
        for (double v : loo) {
          num += Math.pow(mean - v, 3);
          den += Math.pow(mean - v, 2);
        }
        double expected = den > 0 ? num / (6 * Math.pow(den, 1.5)) : 0;
        if (!Double.isFinite(expected)) {
          continue;
        }
        assertThat(boot.jackknifeAcceleration(cells, stat))
            .as("seed %d stat %d", seed, stat)
            .isCloseTo(expected, within(1e-12));
      }
    }
  }

  @Test
  void percentileQuantileIsTypeSeven() {
    double[] v = {5, 1, 4, 2, 3};
    assertThat(Quantiles.type7(v.clone(), 5, 0.0)).isEqualTo(1.0);
    assertThat(Quantiles.type7(v.clone(), 5, 0.5)).isEqualTo(3.0);
    assertThat(Quantiles.type7(v.clone(), 5, 0.1)).isCloseTo(1.4, within(1e-12));
    assertThat(Quantiles.type7(v.clone(), 5, 0.975)).isCloseTo(4.9, within(1e-12));
    assertThat(Quantiles.type7(new double[] {2, Double.POSITIVE_INFINITY}, 2, 0.99))
        .isEqualTo(Double.POSITIVE_INFINITY);
  }

  /** The two-selection bounds equal two reference quantiles: ties, tiny n, levels at 0 and 1. */
  @ParameterizedTest(name = "seed {0}")
  @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void bothBoundsMatchReferenceQuantiles(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[][] levels = {{0.025, 0.975}, {0, 1}, {0.5, 0.5}, {0.3, 0.31}, {0.001, 0.002}, {0.9, 1}};
    for (int rep = 0; rep < 200; rep++) {
      int n = 1 + rnd.nextInt(seed % 3 == 0 ? 5 : 1200);
      int distinct = 1 + rnd.nextInt(seed % 2 == 0 ? 4 : 10_000); // few distinct values: many ties
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = rnd.nextInt(distinct) / 7.0 - 3;
      }
      double[] q = levels[rnd.nextInt(levels.length)];
      double[] out = new double[2];
      Quantiles.type7(v.clone(), n, q[0], q[1], out);
      assertThat(out[0])
          .as("seed %d rep %d lower", seed, rep)
          .isEqualTo(Quantiles.type7(v.clone(), n, q[0]));
      assertThat(out[1])
          .as("seed %d rep %d upper", seed, rep)
          .isEqualTo(Quantiles.type7(v.clone(), n, q[1]));
    }
  }

  /**
   * Acceptance: synthetic populations with known error rates per factor (top-selection shape, one
   * factor per image); 95 % intervals must cover the true accuracy and error ratio in 93–97 % of
   * the repetitions. 1,000 repetitions by default (coverage s.e. 0.7 %), 4,000 with -Dnightly=true.
   */
  @ParameterizedTest
  @EnumSource(IntervalMethod.class)
  void coverageOnKnownPopulation(IntervalMethod method) {
    double[] prevalence = {0.5, 0.3, 0.15, 0.05};
    double[] errorRate = {0.2, 0.3, 0.4, 0.5};
    double overall = 0;
    for (int f = 0; f < 4; f++) {
      overall += prevalence[f] * errorRate[f];
    }
    double trueAcc3 = 1 - errorRate[3];
    double trueEr3 = errorRate[3] / overall;
    double trueEr0 = errorRate[0] / overall;
    int n = 2000; // factor 3: ~100 images, like person_blocking
    int reps = NIGHTLY ? 4000 : 1000;
    CellLayout layout = CellLayout.factors(new int[] {1, 2, 4, 8}, 1);
    CellBootstrap boot = new CellBootstrap(layout, 1000, 0.95, method);
    int s = layout.numStatistics();
    double[] point = new double[s];
    double[] lo = new double[s];
    double[] hi = new double[s];
    int[] cells = new int[8];
    int coverAcc = 0;
    int coverEr3 = 0;
    int coverEr0 = 0;
    SplittableRandom rnd = new SplittableRandom(2024);
    for (int r = 0; r < reps; r++) {
      drawPopulation(errorRate, n, rnd, cells);
      boot.estimate(cells, r, point, lo, hi);
      coverAcc += lo[6] <= trueAcc3 && trueAcc3 <= hi[6] ? 1 : 0;
      coverEr3 += lo[7] <= trueEr3 && trueEr3 <= hi[7] ? 1 : 0;
      coverEr0 += lo[1] <= trueEr0 && trueEr0 <= hi[1] ? 1 : 0;
    }
    for (int covered : new int[] {coverAcc, coverEr3, coverEr0}) {
      assertThat((double) covered / reps)
          .as("%s coverage acc3=%d er3=%d er0=%d of %d", method, coverAcc, coverEr3, coverEr0, reps)
          .isBetween(0.93, 0.97);
    }
  }

  /**
   * One sample of the known population of the coverage tests: n images, factor shares 0.5, 0.3,
   * 0.15, 0.05 (one factor per image, the top-selection shape), each wrong with its factor's error
   * rate.
   *
   * @param errorRate error rate per factor (4)
   * @param n images
   * @param rnd the stream
   * @param cells output, (factor, correct?) counts, 8 entries
   */
  static void drawPopulation(double[] errorRate, int n, SplittableRandom rnd, int[] cells) {
    Arrays.fill(cells, 0);
    for (int i = 0; i < n; i++) {
      double u = rnd.nextDouble();
      int f = u < 0.5 ? 0 : u < 0.8 ? 1 : u < 0.95 ? 2 : 3;
      cells[2 * f + (rnd.nextDouble() < errorRate[f] ? 0 : 1)]++;
    }
  }
}
