package org.imagenetx.compare;

import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * McNemar's exact test on the discordant pairs of two models evaluated on the same images: {@code
 * b} = images only A gets wrong, {@code c} = images only B gets wrong. Under the null hypothesis of
 * equal error rates each discordant image is equally likely to fall either way, so {@code b ~ Bin(b
 * + c, ½)}; images both get right or both get wrong carry no information.
 *
 * <ul>
 *   <li>exact p = {@code min(1, 2·P(X ≤ min(b, c)))}, X ~ Bin(b + c, ½);
 *   <li>mid-p = {@code 2·[P(X ≤ min(b, c)) − ½·P(X = min(b, c))]} (Fagerland, Lydersen &amp; Laake
 *       2013, "The McNemar test for binary matched-pairs data: mid-p and asymptotic are better than
 *       exact conditional", BMC Med. Res. Methodol. 13:91): less conservative, close to nominal
 *       size.
 * </ul>
 *
 * With no discordant pair (b = c = 0) both are 1.
 */
public final class McNemar {
  private static final double LN2 = Math.log(2);

  private McNemar() {}

  /**
   * @param b images only A gets wrong
   * @param c images only B gets wrong
   * @return the two-sided exact p-value
   */
  public static double exactP(int b, int c) {
    int n = b + c;
    if (n == 0) {
      return 1;
    }
    return Math.min(1, 2 * lowerTail(Math.min(b, c), n));
  }

  /**
   * @param b images only A gets wrong
   * @param c images only B gets wrong
   * @return the two-sided mid-p value
   */
  public static double midP(int b, int c) {
    int n = b + c;
    if (n == 0 || b == c) { // exactly 1 by symmetry of Bin(n, ½)
      return 1;
    }
    int k = Math.min(b, c);
    return Math.min(1, 2 * (lowerTail(k, n) - 0.5 * pmf(k, n)));
  }

  /**
   * Exact p and mid-p in one evaluation of the binomial tail (the zoo-scale paths call this).
   *
   * @param b images only A gets wrong
   * @param c images only B gets wrong
   * @param out {@code out[0]} = exact p, {@code out[1]} = mid-p
   */
  public static void test(int b, int c, double[] out) {
    int n = b + c;
    if (n == 0 || b == c) {
      out[0] = 1;
      out[1] = 1;
      return;
    }
    int k = Math.min(b, c);
    double tail = lowerTail(k, n);
    out[0] = Math.min(1, 2 * tail);
    out[1] = Math.min(1, 2 * tail - pmf(k, n));
  }

  /**
   * The normal-approximation statistic {@code z = (b − c)/√(b + c)} (0 when b = c = 0), monotone in
   * the evidence; used to rank thousands of pairs before computing exact p-values for those shown.
   *
   * @param b images only A gets wrong
   * @param c images only B gets wrong
   * @return z, positive when A makes more exclusive errors
   */
  public static double z(int b, int c) {
    return b + c == 0 ? 0 : (b - c) / Math.sqrt(b + c);
  }

  /** P(X ≤ k) for X ~ Bin(n, ½), as the regularized incomplete beta I_{½}(n − k, k + 1). */
  static double lowerTail(int k, int n) {
    if (k >= n) {
      return 1;
    }
    return Beta.regularizedBeta(0.5, n - k, k + 1.0);
  }

  /** P(X = k) for X ~ Bin(n, ½), in log space. */
  static double pmf(int k, int n) {
    return Math.exp(
        Gamma.logGamma(n + 1.0) - Gamma.logGamma(k + 1.0) - Gamma.logGamma(n - k + 1.0) - n * LN2);
  }
}
