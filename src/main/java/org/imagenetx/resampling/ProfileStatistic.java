package org.imagenetx.resampling;

import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.imagenetx.annotations.Factor;
import org.imagenetx.evaluation.FactorCounts;

/**
 * A statistic of one model's whole factor profile rather than of one factor: the worst factor
 * accuracy (the upstream {@code worst_factor} column), the largest error ratio, or the contrast of
 * two factors' error ratios. Each is a function of the factor layout's statistics ({@link
 * ZooBootstrap.Result#accuracy}, {@link ZooBootstrap.Result#errorRatio} of one model), so its
 * interval needs the factors resampled <em>together</em>: one replicate of every factor from the
 * same resample of images, which the joint cells give and per-factor bootstraps do not.
 *
 * <p>A contrast is a smooth function of the counts and gets the percentile (or BCa) interval of its
 * joint replicates. A maximum or minimum over factors is not smooth where factors tie, and the
 * quantiles of its replicates then miss the truth (measured: 0.87 coverage at 95% with two tied
 * factors, and a lower bound above the estimate). Its interval is built instead from max-|t|
 * simultaneous bands over the 16 factors ({@link CellBootstrap#simultaneousBands}): when all bands
 * cover together, the largest value lies between the largest lower bound and the largest upper
 * bound, so the interval covers at least at the level whatever the ties (conservative when one
 * factor stands apart), and it always holds the estimate. A factor all right or all wrong in the
 * sample, which the bootstrap cannot see as uncertain, takes an exact band instead (see {@link
 * CellBootstrap#estimateProfile}).
 */
public final class ProfileStatistic {
  private final String name;
  private final ToDoubleFunction<double[]> function;
  private final int[] family;
  private final boolean largest;

  private ProfileStatistic(
      String name, ToDoubleFunction<double[]> function, int[] family, boolean largest) {
    this.name = name;
    this.function = function;
    this.family = family;
    this.largest = largest;
  }

  /**
   * @param errorRatio the error ratios, else the accuracies
   * @return the statistic indices of the 16 factors' error ratios (or accuracies), canonical order
   */
  static int[] factors(boolean errorRatio) {
    int[] f = new int[Factor.COUNT];
    for (int i = 0; i < Factor.COUNT; i++) {
      f[i] =
          errorRatio
              ? ZooBootstrap.Result.errorRatio(Factor.of(i))
              : ZooBootstrap.Result.accuracy(i);
    }
    return f;
  }

  /**
   * The lowest accuracy over the 16 factors (factors without images left out), the upstream {@code
   * worst_factor} column.
   *
   * @return the statistic, named {@code worst_factor}
   */
  public static ProfileStatistic worstFactor() {
    return extreme("worst_factor", factors(false), false);
  }

  /**
   * The largest error ratio over the 16 factors (undefined ones left out): how much the factor that
   * hurts the model most hurts it.
   *
   * @return the statistic, named {@code largest_ratio}
   */
  public static ProfileStatistic largestRatio() {
    return extreme("largest_ratio", factors(true), true);
  }

  /** The largest (or smallest) defined value of the family, NaN when none is defined. */
  private static ProfileStatistic extreme(String name, int[] family, boolean largest) {
    return new ProfileStatistic(
        name,
        s -> {
          double best = Double.NaN;
          for (int i : family) {
            double v = s[i];
            if (!Double.isNaN(v) && (Double.isNaN(best) || (largest ? v > best : v < best))) {
              best = v;
            }
          }
          return best;
        },
        family,
        largest);
  }

  /**
   * ER(a) − ER(b): above 0, factor {@code a} hurts the model more than factor {@code b}.
   *
   * @param a first factor
   * @param b second factor
   * @return the statistic, named {@code a-b} (e.g. {@code pose-background})
   */
  public static ProfileStatistic contrast(Factor a, Factor b) {
    int ia = ZooBootstrap.Result.errorRatio(a);
    int ib = ZooBootstrap.Result.errorRatio(b);
    return new ProfileStatistic(a.column() + "-" + b.column(), s -> s[ia] - s[ib], null, false);
  }

  /**
   * Reads a contrast as written in its column name, {@code a-b} (factor names as {@link
   * Factor#fromColumn} reads them, so {@code partial_view-pose} and {@code partial-view-pose} both
   * work): the split at the one {@code -} that leaves a factor on both sides.
   *
   * @param text e.g. {@code pose-background}
   * @return the contrast
   * @throws IllegalArgumentException with a one-line message when no split (or more than one) names
   *     two different factors
   */
  public static ProfileStatistic parseContrast(String text) {
    ProfileStatistic found = null;
    for (int i = text.indexOf('-'); i >= 0; i = text.indexOf('-', i + 1)) {
      Factor a;
      Factor b;
      try {
        a = Factor.fromColumn(text.substring(0, i));
        b = Factor.fromColumn(text.substring(i + 1));
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (a == b) {
        throw new IllegalArgumentException(
            "contrast '" + text + "' compares " + a.column() + " with itself");
      }
      if (found != null) {
        throw new IllegalArgumentException("contrast '" + text + "' is ambiguous");
      }
      found = contrast(a, b);
    }
    if (found == null) {
      throw new IllegalArgumentException(
          "contrast '"
              + text
              + "' is not <factor>-<factor> (e.g. pose-background; factors: "
              + String.join(", ", Factor.columns())
              + ")");
    }
    return found;
  }

  /**
   * @return the column name
   */
  public String name() {
    return name;
  }

  /**
   * @param statistics one model's factor-layout statistics (accuracy and error ratio per factor,
   *     then overall: {@code 2 · }{@link FactorCounts#COLUMNS} values)
   * @return the statistic, NaN when undefined
   */
  public double of(double[] statistics) {
    return function.applyAsDouble(statistics);
  }

  /**
   * @return the statistics (indices) this one is the maximum or minimum of, or null for a smooth
   *     statistic; do not modify
   */
  int[] extremeOf() {
    return family;
  }

  /**
   * @return true for a maximum, false for a minimum (extremes only)
   */
  boolean largest() {
    return largest;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "ProfileStatistic[%s]", name);
  }
}
