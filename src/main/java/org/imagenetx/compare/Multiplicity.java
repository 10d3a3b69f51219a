package org.imagenetx.compare;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Multiple-comparison adjustments over a family of p-values. NaN p-values (undefined tests) stay
 * NaN and do not count in the family size. Ties are ordered by position, which does not change the
 * adjusted values.
 */
public final class Multiplicity {
  private Multiplicity() {}

  /**
   * Holm (1979) step-down: with the m defined p-values sorted ascending, {@code p̃₍ᵢ₎ = max_{j ≤ i}
   * min(1, (m − j + 1)·p₍ⱼ₎)}. Controls the family-wise error rate under any dependence.
   *
   * @param p p-values
   * @return adjusted p-values, same order
   */
  public static double[] holm(double[] p) {
    int[] order = order(p);
    int m = order.length;
    double[] out = new double[p.length];
    Arrays.fill(out, Double.NaN);
    double running = 0;
    for (int i = 0; i < m; i++) {
      double v = Math.min(1, (m - i) * p[order[i]]);
      running = Math.max(running, v);
      out[order[i]] = running;
    }
    return out;
  }

  /**
   * Benjamini–Hochberg (1995) step-up: {@code p̃₍ᵢ₎ = min_{j ≥ i} min(1, m·p₍ⱼ₎/j)}. Controls the
   * false discovery rate for independent or positively dependent tests.
   *
   * @param p p-values
   * @return adjusted p-values, same order
   */
  public static double[] benjaminiHochberg(double[] p) {
    int[] order = order(p);
    int m = order.length;
    double[] out = new double[p.length];
    Arrays.fill(out, Double.NaN);
    double running = 1;
    for (int i = m - 1; i >= 0; i--) {
      double v = Math.min(1, (double) m * p[order[i]] / (i + 1));
      running = Math.min(running, v);
      out[order[i]] = running;
    }
    return out;
  }

  /** Indices of the defined p-values, sorted by value then position. */
  private static int[] order(double[] p) {
    return IntStream.range(0, p.length)
        .filter(i -> !Double.isNaN(p[i]))
        .boxed()
        .sorted(
            (a, b) -> {
              int c = Double.compare(p[a], p[b]);
              return c != 0 ? c : Integer.compare(a, b);
            })
        .mapToInt(Integer::intValue)
        .toArray();
  }
}
