package org.imagenetx.figures;

import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Placeholder statistics behind some figures, used only until the statistics (issue 4) and study
 * (issue 5) packages provide theirs; each method names what replaces it. They are deliberately
 * simple and documented so the figures can be checked against the data they were drawn from.
 */
final class Interim {
  private Interim() {}

  /** Least-squares line {@code y = intercept + slope · x}. */
  record Line(double slope, double intercept) {}

  /**
   * Ordinary least squares with intercept (replaced by the study's augmentation regression).
   *
   * @param x predictor
   * @param y response (NaN pairs skipped)
   * @return the fitted line (NaN slope when x is constant)
   */
  static Line leastSquares(double[] x, double[] y) {
    double sx = 0;
    double sy = 0;
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        sx += x[i];
        sy += y[i];
        n++;
      }
    }
    double mx = sx / n;
    double my = sy / n;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        sxx += (x[i] - mx) * (x[i] - mx);
        sxy += (x[i] - mx) * (y[i] - my);
      }
    }
    double slope = sxx == 0 ? Double.NaN : sxy / sxx;
    return new Line(slope, my - slope * mx);
  }

  /**
   * Percentile bootstrap interval of a mean, resampling the values (here: models of a group)
   * (replaced by the statistics package's bootstrap).
   *
   * @param values sample (NaN skipped)
   * @param replicates B
   * @param confidenceLevel e.g. 0.95
   * @param seed seed
   * @return {@code {lower, upper}}
   */
  static double[] meanInterval(double[] values, int replicates, double confidenceLevel, long seed) {
    double[] v = defined(values);
    if (v.length == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] means = new double[replicates];
    for (int b = 0; b < replicates; b++) {
      double s = 0;
      for (int i = 0; i < v.length; i++) {
        s += v[rnd.nextInt(v.length)];
      }
      means[b] = s / v.length;
    }
    java.util.Arrays.sort(means);
    double alpha = (1 - confidenceLevel) / 2;
    int lo = (int) Math.floor(alpha * (replicates - 1));
    int hi = (int) Math.ceil((1 - alpha) * (replicates - 1));
    return new double[] {means[lo], means[hi]};
  }

  /**
   * Spearman correlation of two binary indicators from their counts (replaced by the study's
   * co-occurrence table). For 0/1 data Spearman's ρ equals Pearson's r of the indicators, the phi
   * coefficient; p is scipy's: Student t with n − 2 degrees of freedom.
   *
   * @param n images
   * @param a images with the first indicator
   * @param b images with the second
   * @param ab images with both
   * @return {@code {rho, p}} (NaN when an indicator is constant)
   */
  static double[] spearmanBinary(long n, long a, long b, long ab) {
    double den = Math.sqrt((double) a * (n - a) * (double) b * (n - b));
    if (den == 0 || n < 3) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double rho = ((double) n * ab - (double) a * b) / den;
    rho = Math.max(-1, Math.min(1, rho));
    double p;
    if (Math.abs(rho) >= 1) {
      p = 0;
    } else {
      double t = rho * Math.sqrt((n - 2) / (1 - rho * rho));
      p = 2 * new TDistribution(n - 2).cumulativeProbability(-Math.abs(t));
    }
    return new double[] {rho, p};
  }

  static double[] defined(double[] values) {
    int n = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        n++;
      }
    }
    double[] out = new double[n];
    int i = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        out[i++] = v;
      }
    }
    return out;
  }

  static double mean(double[] values) {
    double[] d = defined(values);
    double s = 0;
    for (double v : d) {
      s += v;
    }
    return d.length == 0 ? Double.NaN : s / d.length;
  }
}
