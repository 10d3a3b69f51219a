package org.imagenetx.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.hipparchus.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The interim statistics against independent implementations and hand-computed cases. */
class InterimTest {
  @ParameterizedTest(name = "density {0}")
  @ValueSource(doubles = {0.01, 0.1, 0.5, 0.9, 0.99})
  void spearmanFromCountsEqualsHipparchusSpearmanOnTheIndicators(double density) {
    for (long seed = 1; seed <= 20; seed++) {
      SplittableRandom rnd = new SplittableRandom(seed);
      int n = 5 + rnd.nextInt(300);
      double[] a = new double[n];
      double[] b = new double[n];
      long na = 0;
      long nb = 0;
      long nab = 0;
      for (int i = 0; i < n; i++) {
        a[i] = rnd.nextDouble() < density ? 1 : 0;
        // correlated with a half of the time
        b[i] = rnd.nextBoolean() ? a[i] : (rnd.nextDouble() < density ? 1 : 0);
        na += (long) a[i];
        nb += (long) b[i];
        nab += (long) (a[i] * b[i]);
      }
      double[] ours = Interim.spearmanBinary(n, na, nb, nab);
      if (na == 0 || na == n || nb == 0 || nb == n) {
        assertThat(ours[0]).as("seed %d: constant indicator", seed).isNaN();
        continue;
      }
      double theirs = new SpearmansCorrelation().correlation(a, b);
      assertThat(ours[0]).as("seed %d n %d", seed, n).isCloseTo(theirs, within(1e-12));
      assertThat(ours[1]).as("seed %d", seed).isBetween(0.0, 1.0);
    }
  }

  @Test
  void spearmanPValueMatchesScipyOnAHandCase() {
    // a = 1100110011, b = 1100000011 (n = 10): phi = (10·4 − 6·4)/sqrt(6·4·4·6) = 16/24 = 2/3;
    // scipy.stats.spearmanr(a, b) gives statistic 0.6666666666666667, pvalue 0.035265203475079956.
    double[] rp = Interim.spearmanBinary(10, 6, 4, 4);
    assertThat(rp[0]).isCloseTo(2.0 / 3, within(1e-15));
    assertThat(rp[1]).isCloseTo(0.035265203475079956, within(1e-12));
  }

  @Test
  void leastSquaresOnAHandCase() {
    // y = 1 + 2x exactly, plus a NaN pair that must be skipped
    Interim.Line l = Interim.leastSquares(new double[] {0, 1, 2, 3, 9}, new double[] {1, 3, 5, 7, Double.NaN});
    assertThat(l.slope()).isCloseTo(2, within(1e-12));
    assertThat(l.intercept()).isCloseTo(1, within(1e-12));
    // x = 1, 2, 3; y = 2, 2, 5: slope = Σ(x−2)(y−3)/Σ(x−2)² = 3/2, intercept = 3 − 1.5·2 = 0
    Interim.Line m = Interim.leastSquares(new double[] {1, 2, 3}, new double[] {2, 2, 5});
    assertThat(m.slope()).isCloseTo(1.5, within(1e-12));
    assertThat(m.intercept()).isCloseTo(0, within(1e-12));
    assertThat(Interim.leastSquares(new double[] {4, 4}, new double[] {1, 2}).slope()).isNaN();
  }

  @Test
  void bootstrapIntervalIsSeededAndContainsTheMean() {
    for (long seed = 1; seed <= 10; seed++) {
      SplittableRandom rnd = new SplittableRandom(seed);
      double[] v = new double[2 + rnd.nextInt(50)];
      for (int i = 0; i < v.length; i++) {
        v[i] = rnd.nextGaussian();
      }
      double[] ci = Interim.meanInterval(v, 1000, 0.95, seed);
      assertThat(ci).as("seed %d", seed).containsExactly(Interim.meanInterval(v, 1000, 0.95, seed));
      assertThat(Interim.mean(v)).as("seed %d", seed).isBetween(ci[0], ci[1]);
    }
    assertThat(Interim.meanInterval(new double[] {3, 3, 3}, 100, 0.95, 1)).containsExactly(3, 3);
    assertThat(Interim.meanInterval(new double[] {Double.NaN}, 100, 0.95, 1)[0]).isNaN();
  }
}
