package org.imagenetx.resampling;

import java.util.SplittableRandom;

/**
 * Bootstrap interval of a mean over a small sample whose unit is the model (a group of models'
 * error ratios on one factor): B resamples of the values with replacement, each replicate the
 * resample's mean, the interval read off by {@link Quantiles#bounds} as every bootstrap of the
 * engine does. The acceleration of {@link IntervalMethod#BCA} is the jackknife's over the values.
 *
 * <p>The generator is seeded by {@link CellBootstrap#seed}{@code (masterSeed, key)} with a key that
 * names what is estimated (e.g. {@code group|factor}), never a position, so an interval does not
 * change when groups are listed in another order or other groups are added.
 *
 * <p>Stateless and thread-safe; allocates B doubles per call.
 */
public final class MeanBootstrap {
  private MeanBootstrap() {}

  /**
   * @param values the sample, finite values only
   * @param numResamples B (≥ 1)
   * @param confidenceLevel two-sided level in (0, 1)
   * @param method percentile or BCa
   * @param masterSeed the run's seed
   * @param key names the estimate, e.g. {@code "Self-supervised|pose"}
   * @return the mean with its interval; NaN point and bounds for an empty sample, lower = upper =
   *     the value for a single value
   */
  public static Interval interval(
      double[] values,
      int numResamples,
      double confidenceLevel,
      IntervalMethod method,
      long masterSeed,
      String key) {
    int n = values.length;
    if (n == 0) {
      return new Interval(Double.NaN, Double.NaN, Double.NaN, confidenceLevel, method);
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / n;
    SplittableRandom rng = new SplittableRandom(CellBootstrap.seed(masterSeed, key));
    double[] replicates = new double[numResamples];
    for (int b = 0; b < numResamples; b++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += values[rng.nextInt(n)];
      }
      replicates[b] = s / n;
    }
    double acceleration = 0;
    if (method == IntervalMethod.BCA && n > 1) {
      double[] leaveOneOut = new double[n];
      for (int i = 0; i < n; i++) {
        leaveOneOut[i] = (sum - values[i]) / (n - 1);
      }
      acceleration = Quantiles.acceleration(leaveOneOut, 0, 1, null, n);
    }
    double[] bounds = new double[2];
    Quantiles.bounds(replicates, numResamples, mean, confidenceLevel, method, acceleration, bounds);
    return new Interval(mean, bounds[0], bounds[1], confidenceLevel, method);
  }
}
