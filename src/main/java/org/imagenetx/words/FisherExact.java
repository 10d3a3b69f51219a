package org.imagenetx.words;

/**
 * Fisher's exact test on a 2×2 table {@code [[a, b], [c, d]]}, two-sided by the minimum-likelihood
 * rule (R's {@code fisher.test}, scipy's {@code fisher_exact}): the p-value is the probability,
 * under the hypergeometric law of {@code a} given the margins, of every table at most as likely as
 * the observed one. A table counts as "as likely" when its probability is within a relative {@value
 * #RELATIVE_TIE} of the observed one, R's tolerance for rounding in ties.
 *
 * <p>Probabilities are not computed from log-factorials: {@code ln C(N, n)} is ~10⁵ for the word
 * tables of the real data, so the cancellation between such terms would leave ~10⁻¹¹ relative error
 * in every probability. Instead each probability is a product of the ratios {@code P(x+1)/P(x) =
 * (K−x)(n−x) / ((x+1)(N−K−n+x+1))} walked outwards from the mode (weight 1 there), and the p-value
 * is the sum of the qualifying weights over the sum of all weights. Every weight then carries a
 * relative error of about (steps from the mode) × 2⁻⁵², which is 10⁻¹³ for the tables this engine
 * meets. Golden values: {@code src/test/resources/golden/fisher_exact.py} (exact rational
 * arithmetic).
 *
 * <p>No allocation; cost is linear in the support {@code min(a+b, a+c) − max(0, a+b+a+c−N)}, which
 * for a word table is at most the term's count.
 */
final class FisherExact {
  /** Relative tolerance under which two table probabilities count as equal (R's 1 + 10⁻⁷). */
  static final double RELATIVE_TIE = 1e-7;

  private FisherExact() {}

  /**
   * @param a top-left cell
   * @param b top-right cell
   * @param c bottom-left cell
   * @param d bottom-right cell
   * @return the two-sided p-value in [0, 1]; 1 for an empty table or fixed margins
   */
  static double twoSided(int a, int b, int c, int d) {
    if ((a | b | c | d) < 0) {
      throw new IllegalArgumentException(
          "negative cell in [[" + a + ", " + b + "], [" + c + ", " + d + "]]");
    }
    // X = a ~ Hypergeometric(N, K = a + c successes, n = a + b draws)
    long bigN = (long) a + b + c + d;
    long k = (long) a + c;
    long n = (long) a + b;
    long lo = Math.max(0, n + k - bigN);
    long hi = Math.min(n, k);
    if (lo == hi) {
      return 1;
    }
    long mode = Math.max(lo, Math.min(hi, (n + 1) * (k + 1) / (bigN + 2)));
    double rest = bigN - k - n; // N − K − n, may be negative
    // the observed table's weight relative to the mode's
    double obs = 1;
    for (long x = mode; x < a; x++) {
      obs *= (double) (k - x) * (n - x) / ((double) (x + 1) * (rest + x + 1));
    }
    for (long x = mode; x > a; x--) {
      obs *= (double) x * (rest + x) / ((double) (k - x + 1) * (n - x + 1));
    }
    double threshold = obs * (1 + RELATIVE_TIE);
    double total = 1;
    double tail = 1 <= threshold ? 1 : 0;
    double w = 1;
    for (long x = mode; x < hi; x++) {
      w *= (double) (k - x) * (n - x) / ((double) (x + 1) * (rest + x + 1));
      if (w == 0) {
        break; // underflow: every weight further out is smaller still
      }
      total += w;
      if (w <= threshold) {
        tail += w;
      }
    }
    w = 1;
    for (long x = mode; x > lo; x--) {
      w *= (double) x * (rest + x) / ((double) (k - x + 1) * (n - x + 1));
      if (w == 0) {
        break;
      }
      total += w;
      if (w <= threshold) {
        tail += w;
      }
    }
    return Math.min(1, tail / total);
  }
}
