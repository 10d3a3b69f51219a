package org.imagenetx.study;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Percentile bootstrap of a mean over models (the resampled unit is the model). */
final class Bootstrap {
  private Bootstrap() {}

  /** Golden-ratio increment: spreads stream ids over the seed space. */
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  /**
   * @param masterSeed the user's seed
   * @param stream which estimate (e.g. {@code group * 16 + factor}); makes the output independent
   *     of evaluation order
   * @return a generator for that estimate
   */
  static SplittableRandom random(long masterSeed, long stream) {
    return new SplittableRandom(masterSeed + GOLDEN * (stream + 1));
  }

  /**
   * Percentile interval of the mean: B means of resamples (with replacement, same size), then the
   * {@code (1-level)/2} and {@code (1+level)/2} quantiles by linear interpolation between order
   * statistics (R type 7, numpy's default).
   *
   * @param values sample (NaN-free)
   * @param numResamples B
   * @param confidenceLevel e.g. 0.95
   * @param random the estimate's generator
   * @return {lower, upper}; both NaN for an empty sample, both the value for one value
   */
  static double[] meanInterval(
      double[] values, int numResamples, double confidenceLevel, SplittableRandom random) {
    int n = values.length;
    if (n == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double[] means = new double[numResamples];
    for (int b = 0; b < numResamples; b++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += values[random.nextInt(n)];
      }
      means[b] = sum / n;
    }
    Arrays.sort(means);
    double alpha = (1 - confidenceLevel) / 2;
    return new double[] {quantile(means, alpha), quantile(means, 1 - alpha)};
  }

  /** Type-7 quantile of sorted values. */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return values.length == 0 ? Double.NaN : sum / values.length;
  }
}
