package org.imagenetx.resampling;

import java.util.SplittableRandom;

/**
 * Bootstrap interval of any statistic of a sample of units (models, for the study's analyses over
 * models): B resamples of the unit indices with replacement, the statistic recomputed on each, the
 * interval read off by {@link Quantiles#bounds} as every bootstrap of the engine does; BCa's
 * acceleration is the jackknife's over the units. {@link MeanBootstrap} is the fast special case of
 * a mean of fixed values.
 *
 * <p>Seeded by {@link CellBootstrap#seed}{@code (masterSeed, key)} with a key that names the
 * estimate, never a position. Stateless and thread-safe.
 */
public final class UnitBootstrap {
  private UnitBootstrap() {}

  /** A statistic of a (re)sample of units. */
  @FunctionalInterface
  public interface Statistic {
    /**
     * @param units unit indices, repeats allowed; only the first {@code count} are the sample
     * @param count the sample size
     * @return the statistic, NaN when undefined on this sample
     */
    double of(int[] units, int count);
  }

  /**
   * @param numUnits units in the sample (n)
   * @param statistic the statistic
   * @param settings B, level, method and master seed
   * @param key names the estimate, e.g. {@code "consistency|published|median_spearman"}
   * @return the statistic on the whole sample with its interval (NaN bounds when fewer than two
   *     replicates are defined)
   */
  public static Interval interval(
      int numUnits, Statistic statistic, ZooBootstrap.Settings settings, String key) {
    int n = numUnits;
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    double point = n == 0 ? Double.NaN : statistic.of(all, n);
    double level = settings.confidenceLevel();
    IntervalMethod method = settings.method();
    if (n == 0 || !Double.isFinite(point)) {
      return new Interval(point, Double.NaN, Double.NaN, level, method);
    }
    SplittableRandom rng = new SplittableRandom(CellBootstrap.seed(settings.masterSeed(), key));
    int numResamples = settings.numResamples();
    double[] replicates = new double[numResamples];
    int[] sample = new int[n];
    int defined = 0;
    for (int b = 0; b < numResamples; b++) {
      for (int i = 0; i < n; i++) {
        sample[i] = rng.nextInt(n);
      }
      double v = statistic.of(sample, n);
      if (Double.isFinite(v)) {
        replicates[defined++] = v;
      }
    }
    if (defined < 2) {
      return new Interval(point, Double.NaN, Double.NaN, level, method);
    }
    double acceleration = 0;
    if (method == IntervalMethod.BCA && n > 1) {
      double[] leaveOneOut = new double[n];
      int[] rest = new int[n - 1];
      for (int k = 0; k < n; k++) {
        for (int i = 0, j = 0; i < n; i++) {
          if (i != k) {
            rest[j++] = i;
          }
        }
        leaveOneOut[k] = statistic.of(rest, n - 1);
      }
      acceleration = Quantiles.acceleration(leaveOneOut, 0, 1, null, n);
    }
    double[] bounds = new double[2];
    Quantiles.bounds(replicates, defined, point, level, method, acceleration, bounds);
    return new Interval(point, bounds[0], bounds[1], level, method);
  }
}
