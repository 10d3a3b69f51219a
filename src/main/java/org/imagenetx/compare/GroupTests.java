package org.imagenetx.compare;

import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * Tests that k groups of values (e.g. error ratios of the models of each model type) share one
 * mean, without assuming equal variances: the Alexander–Govern test the ImageNet-X paper used, and
 * Welch's heteroscedastic one-way ANOVA. Both weight each group by {@code n_i / s_i²}, so a group
 * of a few very consistent models does not drown in a large noisy one.
 *
 * <p>Every group needs at least two values. A group with zero variance makes both statistics
 * undefined (infinite weight): the result then carries NaN statistic and p-value rather than a
 * misleading number.
 */
public final class GroupTests {
  /** Method name of {@link #alexanderGovern}. */
  public static final String ALEXANDER_GOVERN = "Alexander-Govern";

  /** Method name of {@link #welchAnova}. */
  public static final String WELCH_ANOVA = "Welch ANOVA";

  private GroupTests() {}

  /**
   * Alexander &amp; Govern (1994), "A new and simpler approximation for ANOVA under variance
   * heterogeneity", J. Educ. Stat. 19(2): each group's mean is standardised against the
   * variance-weighted grand mean, {@code t_i = (x̄_i − x̄_w)/se_i}, turned into an approximately
   * normal {@code z_i} by the normalising expansion of their eq. (5) with {@code a = ν_i − ½},
   * {@code b = 48a²}, {@code c = sqrt(a·ln(1 + t_i²/ν_i))}; then {@code A = Σ z_i²} ~ χ²(k − 1).
   * Same definition as {@code scipy.stats.alexandergovern}.
   *
   * @param groups values per group ({@code groups.length ≥ 2}, each with ≥ 2 values)
   * @return statistic A, df {@code k − 1}, upper-tail chi-square p-value
   */
  public static GroupTestResult alexanderGovern(double[][] groups) {
    check(groups);
    int k = groups.length;
    double[] mean = new double[k];
    double[] se = new double[k];
    double sumInvVar = 0;
    for (int i = 0; i < k; i++) {
      int n = groups[i].length;
      mean[i] = mean(groups[i]);
      se[i] = Math.sqrt(variance(groups[i], mean[i]) / n);
      sumInvVar += 1 / (se[i] * se[i]);
    }
    double df = k - 1;
    if (!(sumInvVar < Double.POSITIVE_INFINITY)) {
      return new GroupTestResult(
          ALEXANDER_GOVERN, Double.NaN, df, Double.POSITIVE_INFINITY, Double.NaN);
    }
    double weightedMean = 0;
    for (int i = 0; i < k; i++) {
      weightedMean += (1 / (se[i] * se[i])) / sumInvVar * mean[i];
    }
    double statistic = 0;
    for (int i = 0; i < k; i++) {
      double t = (mean[i] - weightedMean) / se[i];
      double v = groups[i].length - 1;
      double a = v - 0.5;
      double b = 48 * a * a;
      double c = Math.sqrt(a * Math.log1p(t * t / v));
      double c3 = c * c * c;
      double c5 = c3 * c * c;
      double c7 = c5 * c * c;
      double z =
          c
              + (c3 + 3 * c) / b
              - (4 * c7 + 33 * c5 + 240 * c3 + 855 * c)
                  / (10 * b * b + 8 * b * c * c * c * c + 1000 * b);
      statistic += z * z;
    }
    double p = Gamma.regularizedGammaQ(df / 2, statistic / 2);
    return new GroupTestResult(ALEXANDER_GOVERN, statistic, df, Double.POSITIVE_INFINITY, p);
  }

  /**
   * Welch (1951), "On the comparison of several mean values: an alternative approach", Biometrika
   * 38: with {@code w_i = n_i/s_i²}, {@code W = Σw_i}, {@code x̄_w = Σ w_i x̄_i / W} and {@code Λ =
   * Σ (1 − w_i/W)²/(n_i − 1)}, {@code F = [Σ w_i (x̄_i − x̄_w)² / (k − 1)] / [1 + 2(k − 2)Λ/(k² −
   * 1)]} ~ F(k − 1, (k² − 1)/(3Λ)).
   *
   * @param groups values per group ({@code groups.length ≥ 2}, each with ≥ 2 values)
   * @return statistic F, both degrees of freedom, upper-tail F p-value
   */
  public static GroupTestResult welchAnova(double[][] groups) {
    check(groups);
    int k = groups.length;
    double[] mean = new double[k];
    double[] w = new double[k];
    double sumW = 0;
    for (int i = 0; i < k; i++) {
      mean[i] = mean(groups[i]);
      w[i] = groups[i].length / variance(groups[i], mean[i]);
      sumW += w[i];
    }
    double df1 = k - 1;
    if (!(sumW < Double.POSITIVE_INFINITY)) {
      return new GroupTestResult(WELCH_ANOVA, Double.NaN, df1, Double.NaN, Double.NaN);
    }
    double weightedMean = 0;
    for (int i = 0; i < k; i++) {
      weightedMean += w[i] * mean[i] / sumW;
    }
    double between = 0;
    double lambda = 0;
    for (int i = 0; i < k; i++) {
      double d = mean[i] - weightedMean;
      between += w[i] * d * d;
      double h = 1 - w[i] / sumW;
      lambda += h * h / (groups[i].length - 1);
    }
    double kk = (double) k * k - 1;
    double f = (between / df1) / (1 + 2 * (k - 2) * lambda / kk);
    double df2 = kk / (3 * lambda);
    // Upper tail of F(df1, df2) as a regularized incomplete beta, exact far into the tail
    // (1 − cdf would round tiny p-values to 0).
    double p = Beta.regularizedBeta(df2 / (df2 + df1 * f), df2 / 2, df1 / 2);
    return new GroupTestResult(WELCH_ANOVA, f, df1, df2, p);
  }

  private static void check(double[][] groups) {
    if (groups.length < 2) {
      throw new IllegalArgumentException("need at least 2 groups, got " + groups.length);
    }
    for (int i = 0; i < groups.length; i++) {
      if (groups[i].length < 2) {
        throw new IllegalArgumentException(
            "group " + i + " has " + groups[i].length + " values; every group needs at least 2");
      }
      for (double v : groups[i]) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("group " + i + " holds a non-finite value " + v);
        }
      }
    }
  }

  private static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  /** Unbiased (n − 1) sample variance, two-pass for accuracy. */
  private static double variance(double[] x, double mean) {
    double s = 0;
    for (double v : x) {
      double d = v - mean;
      s += d * d;
    }
    return s / (x.length - 1);
  }
}
