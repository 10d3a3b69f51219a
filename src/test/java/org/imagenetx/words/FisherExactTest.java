package org.imagenetx.words;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.imagenetx.testing.Shapes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fisher's exact test against golden values computed once by exact rational arithmetic (and checked
 * against scipy 1.17.1 by the generator {@code src/test/resources/golden/fisher_exact.py}), against
 * an exact BigInteger oracle on random small tables, and on its symmetries.
 */
class FisherExactTest {
  /**
   * {a, b, c, d, p}: the output of {@code python3 src/test/resources/golden/fisher_exact.py}
   * (2026-12-05): p is the exact two-sided p-value rounded to the nearest double.
   */
  static final double[][] GOLDEN = {
    {0, 0, 0, 0, 1.0},
    {1, 0, 0, 1, 1.0},
    {0, 1, 1, 0, 1.0},
    {1, 1, 1, 1, 1.0},
    {3, 1, 1, 3, 0.4857142857142857},
    {8, 2, 1, 5, 0.03496503496503497},
    {1, 9, 11, 3, 0.0027594561852200836},
    {0, 5, 5, 0, 0.007936507936507936},
    {10, 10, 10, 10, 1.0},
    {7, 12, 0, 15, 0.01056264982482021},
    {2, 7, 8, 2, 0.023014137565221155},
    {12, 5, 29, 2, 0.08026855207410465},
    {5, 0, 0, 5, 0.007936507936507936},
    {0, 20, 15, 30, 0.00288119018812897},
    {20, 0, 0, 1, 0.047619047619047616},
    {3, 17, 9, 41, 1.0},
    {1, 1, 40, 2, 0.1331923890063425},
    {25, 30, 35, 40, 1.0},
    {0, 1, 50, 100, 1.0},
    {13, 87, 40, 60, 2.3151979426241928e-05},
    {6, 194, 2, 398, 0.018980781713297926},
    {50, 950, 30, 970, 0.029562351644794028},
    {41, 10000, 60, 35000, 3.472420661703607e-05},
    {120, 11000, 250, 34000, 0.0005292772828294366},
    {9, 12000, 2, 34000, 0.00018079993884944216},
    {1309, 12000, 3000, 30000, 0.013339131315518315},
  };

  static double[][] golden() {
    return GOLDEN;
  }

  @ParameterizedTest
  @MethodSource("golden")
  void matchesTheExactValueTo1e12(double[] row) {
    double p = FisherExact.twoSided((int) row[0], (int) row[1], (int) row[2], (int) row[3]);
    assertThat(p).isCloseTo(row[4], org.assertj.core.data.Percentage.withPercentage(1e-10));
  }

  @Test
  void matchesAnExactOracleOnRandomSmallTables() {
    SplittableRandom rnd = new SplittableRandom(16);
    int cases = 400 * Shapes.seedsPerShape();
    for (int i = 0; i < cases; i++) {
      int max = 1 + rnd.nextInt(40);
      int a = rnd.nextInt(max);
      int b = rnd.nextInt(max);
      int c = rnd.nextInt(max);
      int d = rnd.nextInt(max);
      double expected = exact(a, b, c, d);
      double p = FisherExact.twoSided(a, b, c, d);
      assertThat(Math.abs(p - expected))
          .as("[[%d, %d], [%d, %d]]", a, b, c, d)
          .isLessThanOrEqualTo(1e-12 * expected);
    }
  }

  @Test
  void isInvariantUnderTheTableSymmetries() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < 200; i++) {
      int a = rnd.nextInt(60);
      int b = rnd.nextInt(600);
      int c = rnd.nextInt(60);
      int d = rnd.nextInt(600);
      double p = FisherExact.twoSided(a, b, c, d);
      assertThat(p).isBetween(0.0, 1.0);
      for (double q :
          new double[] {
            FisherExact.twoSided(a, c, b, d), // transposed
            FisherExact.twoSided(c, d, a, b), // rows swapped
            FisherExact.twoSided(b, a, d, c) // columns swapped
          }) {
        assertThat(Math.abs(q - p)).isLessThanOrEqualTo(1e-12 * p);
      }
    }
  }

  @Test
  void theMostLikelyTableHasPOne() {
    // margins 20/20 of 40, a at the mode 10
    assertThat(FisherExact.twoSided(10, 10, 10, 10)).isEqualTo(1.0);
    // a fixed margin: one possible table
    assertThat(FisherExact.twoSided(0, 0, 3, 4)).isEqualTo(1.0);
  }

  @Test
  void refusesNegativeCells() {
    assertThatThrownBy(() -> FisherExact.twoSided(-1, 2, 3, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative cell");
  }

  /** Exact p by integer arithmetic: tables at most as likely as the observed one, ties exact. */
  static double exact(int a, int b, int c, int d) {
    int r1 = a + b;
    int c1 = a + c;
    int n = a + b + c + d;
    int lo = Math.max(0, r1 + c1 - n);
    int hi = Math.min(r1, c1);
    BigInteger obs = weight(c1, n, r1, a);
    BigInteger sum = BigInteger.ZERO;
    for (int x = lo; x <= hi; x++) {
      BigInteger w = weight(c1, n, r1, x);
      if (w.compareTo(obs) <= 0) {
        sum = sum.add(w);
      }
    }
    BigDecimal p =
        new BigDecimal(sum).divide(new BigDecimal(binomial(n, r1)), MathContext.DECIMAL128);
    return Math.min(1, p.doubleValue());
  }

  private static BigInteger weight(int c1, int n, int r1, int x) {
    return binomial(c1, x).multiply(binomial(n - c1, r1 - x));
  }

  private static BigInteger binomial(int n, int k) {
    BigInteger r = BigInteger.ONE;
    for (int i = 0; i < k; i++) {
      r = r.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
    }
    return r;
  }
}
