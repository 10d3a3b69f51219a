package org.imagenetx.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.imagenetx.annotations.Factor;
import org.imagenetx.resampling.CellBootstrap;
import org.imagenetx.resampling.CellLayout;
import org.imagenetx.resampling.IntervalMethod;
import org.junit.jupiter.api.Test;

/**
 * The "factor hurts X relatively more" verdicts of {@code compare A B} under the null: two models
 * with the same error rate on every image pattern (so the same error ratio on every factor). The
 * verdict reads the max-|t| simultaneous bands over the 16 factors; the share of pairs with at
 * least one such verdict must stay at the 5% family-wise level (within Monte Carlo error), while
 * the unadjusted 95% intervals give one to a far larger share. Quick run by default; {@code
 * -Dnightly} runs 4,000 simulated pairs.
 */
class SimultaneousVerdictsTest {
  private static final boolean NIGHTLY = Boolean.getBoolean("nightly");

  /** Top-factor layout: one pattern per factor. */
  private static final int[] PATTERNS = new int[Factor.COUNT];

  static {
    for (int f = 0; f < Factor.COUNT; f++) {
      PATTERNS[f] = 1 << f;
    }
  }

  @Test
  void familyWiseFalseVerdictRateUnderTheNullIsAtMostFivePercent() {
    int sims = NIGHTLY ? 4000 : 300;
    int b = NIGHTLY ? 1000 : 400;
    SplittableRandom rng = new SplittableRandom(20261205L);
    CellLayout layout = CellLayout.factors(PATTERNS, 2);
    CellBootstrap boot = new CellBootstrap(layout, b, 0.95, IntervalMethod.PERCENTILE);
    int[] family = new int[Factor.COUNT];
    for (int f = 0; f < Factor.COUNT; f++) {
      family[f] = 2 * f + 1;
    }
    int k = layout.numStatistics();
    double[] point = new double[k];
    double[] lower = new double[k];
    double[] upper = new double[k];
    double[] simLower = new double[Factor.COUNT];
    double[] simUpper = new double[Factor.COUNT];
    int simultaneousFalse = 0;
    int unadjustedFalse = 0;
    for (int s = 0; s < sims; s++) {
      int[] cells = nullPair(rng);
      boot.estimate(cells, rng.nextLong(), point, lower, upper);
      double c = boot.simultaneousBands(family, point, simLower, simUpper);
      assertThat(c).isGreaterThan(1.96);
      boolean anySim = false;
      boolean anyRaw = false;
      for (int f = 0; f < Factor.COUNT; f++) {
        anySim |= simLower[f] > 0 || simUpper[f] < 0;
        anyRaw |= lower[family[f]] > 0 || upper[family[f]] < 0;
        // the band is wider than the unadjusted interval's half-widths
        assertThat(simUpper[f] - simLower[f]).isGreaterThan(upper[family[f]] - lower[family[f]]);
      }
      simultaneousFalse += anySim ? 1 : 0;
      unadjustedFalse += anyRaw ? 1 : 0;
    }
    double rate = (double) simultaneousFalse / sims;
    double mcError = Math.sqrt(0.05 * 0.95 / sims);
    assertThat(rate).as("family-wise false-verdict rate").isLessThanOrEqualTo(0.05 + 2.5 * mcError);
    assertThat((double) unadjustedFalse / sims)
        .as("unadjusted intervals: at least one false verdict")
        .isGreaterThan(0.25);
  }

  @Test
  void bandsOfOneStatisticAreTheNormalQuantileTimesItsBootstrapError() {
    // a family of one: c is the 95% quantile of |z|, about 1.96
    SplittableRandom rng = new SplittableRandom(7);
    CellLayout layout = CellLayout.factors(PATTERNS, 2);
    CellBootstrap boot = new CellBootstrap(layout, 4000, 0.95, IntervalMethod.PERCENTILE);
    double[] point = new double[layout.numStatistics()];
    double[] lo = new double[point.length];
    double[] hi = new double[point.length];
    boot.estimate(nullPair(rng), 99, point, lo, hi);
    double[] l = new double[1];
    double[] u = new double[1];
    double c = boot.simultaneousBands(new int[] {1}, point, l, u);
    assertThat(c).isCloseTo(1.96, within(0.1));
    assertThat((l[0] + u[0]) / 2).isCloseTo(point[1], within(1e-12));
    // and close to the percentile interval's width for a near-normal statistic
    assertThat(u[0] - l[0]).isCloseTo(hi[1] - lo[1], within(0.15 * (hi[1] - lo[1])));
  }

  /** Joint cells (bit 0 = A correct, bit 1 = B correct) of two exchangeable models. */
  private static int[] nullPair(SplittableRandom rng) {
    int[] cells = new int[4 * Factor.COUNT];
    for (int f = 0; f < Factor.COUNT; f++) {
      int n = 150 + 200 * f;
      double err = 0.15 + 0.02 * f;
      double both = 0.6 * err;
      double only = err - both;
      for (int i = 0; i < n; i++) {
        double u = rng.nextDouble();
        int cell = u < both ? 0 : u < both + only ? 1 : u < both + 2 * only ? 2 : 3;
        cells[4 * f + cell]++;
      }
    }
    return cells;
  }
}
