package org.imagenetx.resampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The bootstrap of a mean over models, against closed forms and its seeding contract. */
class MeanBootstrapTest {
  @Test
  void type7QuantilesLikeNumpy() {
    double[] v = {1, 2, 3, 4};
    assertThat(Quantiles.type7(v.clone(), 4, 0.25)).isEqualTo(1.75);
    assertThat(Quantiles.type7(v.clone(), 4, 0.5)).isEqualTo(2.5);
    assertThat(Quantiles.type7(v.clone(), 4, 0.0)).isEqualTo(1.0);
    assertThat(Quantiles.type7(v.clone(), 4, 1.0)).isEqualTo(4.0);
    assertThat(Quantiles.type7(new double[] {7}, 1, 0.3)).isEqualTo(7.0);
  }

  /**
   * The interval contains the sample mean of a symmetric, spread sample, narrows with n, and has
   * the normal-theory width for 1,000 uniforms; percentile and BCa alike; seeds printed on failure.
   */
  @Test
  void meanIntervalBracketsTheMeanAndNarrowsWithN() {
    for (IntervalMethod method : IntervalMethod.values()) {
      for (long seed = 1; seed <= 20; seed++) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] small = new double[10];
        double[] large = new double[1000];
        for (int i = 0; i < large.length; i++) {
          large[i] = r.nextDouble();
          if (i < small.length) {
            small[i] = large[i];
          }
        }
        Interval a = MeanBootstrap.interval(small, 1000, 0.95, method, seed, "g|pose");
        Interval b = MeanBootstrap.interval(large, 1000, 0.95, method, seed, "g|pose");
        assertThat(b.contains(b.point())).as("%s seed %d", method, seed).isTrue();
        assertThat(b.upper() - b.lower())
            .as("%s seed %d", method, seed)
            .isLessThan(a.upper() - a.lower());
        // 1000 uniforms: SE of the mean ≈ 0.00913, so the 95% interval is ≈ 0.0358 wide
        assertThat(b.upper() - b.lower())
            .as("%s seed %d", method, seed)
            .isCloseTo(2 * 1.96 * Math.sqrt(1.0 / 12 / 1000), within(0.006));
        assertThat(b.confidenceLevel()).isEqualTo(0.95);
        assertThat(b.method()).isEqualTo(method);
      }
    }
  }

  @Test
  void seededByTheKeyNeverByAPosition() {
    double[] v = {0.1, 0.7, 1.3, 2.9, 3.3, 5.1, 0.2};
    Interval s11 = MeanBootstrap.interval(v, 500, 0.9, IntervalMethod.PERCENTILE, 11, "A|pose");
    assertThat(MeanBootstrap.interval(v, 500, 0.9, IntervalMethod.PERCENTILE, 11, "A|pose"))
        .isEqualTo(s11);
    assertThat(MeanBootstrap.interval(v, 500, 0.9, IntervalMethod.PERCENTILE, 12, "A|pose"))
        .isNotEqualTo(s11);
    assertThat(MeanBootstrap.interval(v, 500, 0.9, IntervalMethod.PERCENTILE, 11, "B|pose"))
        .isNotEqualTo(s11);
    // the percentile bounds are type-7 quantiles of B resample means drawn from that seed
    SplittableRandom rng = new SplittableRandom(CellBootstrap.seed(11, "A|pose"));
    double[] means = new double[500];
    for (int b = 0; b < means.length; b++) {
      double sum = 0;
      for (int i = 0; i < v.length; i++) {
        sum += v[rng.nextInt(v.length)];
      }
      means[b] = sum / v.length;
    }
    Arrays.sort(means);
    double h = 499 * 0.05;
    int lo = (int) Math.floor(h);
    assertThat(s11.lower())
        .isCloseTo(means[lo] + (h - lo) * (means[lo + 1] - means[lo]), within(1e-15));
  }

  @Test
  void degenerateSamples() {
    Interval empty = MeanBootstrap.interval(new double[0], 100, 0.95, IntervalMethod.BCA, 1, "k");
    assertThat(empty.point()).isNaN();
    assertThat(empty.lower()).isNaN();
    Interval one =
        MeanBootstrap.interval(new double[] {0.5}, 100, 0.95, IntervalMethod.BCA, 1, "k");
    assertThat(one.lower()).isEqualTo(0.5);
    assertThat(one.upper()).isEqualTo(0.5);
  }
}
