package org.imagenetx.resampling;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.imagenetx.bits.OrderStatistics;

/**
 * How every bootstrap of the engine reads an interval off its replicates: the Hyndman–Fan type-7
 * quantile (linear interpolation between order statistics, R's and NumPy's default) at the levels
 * of an {@link IntervalMethod}. The one implementation behind the image bootstrap ({@link
 * CellBootstrap}) and the bootstrap of group means ({@link MeanBootstrap}), so both give the same
 * bounds for the same replicates.
 */
final class Quantiles {
  private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

  private Quantiles() {}

  /**
   * Type-7 quantile of {@code v[0..n)} (reordered): {@code h = (n − 1)·q}, linear between the order
   * statistics around h.
   *
   * @param v values, no NaN (reordered)
   * @param n how many
   * @param q level, clamped to [0, 1]
   * @return the quantile
   */
  static double type7(double[] v, int n, double q) {
    double h = (n - 1) * Math.min(Math.max(q, 0), 1);
    int lo = (int) Math.floor(h);
    double frac = h - lo;
    double x0 = OrderStatistics.kthSmallest(v, n, lo);
    if (frac == 0 || lo + 1 >= n) {
      return x0;
    }
    double x1 = OrderStatistics.kthSmallest(v, n, lo + 1);
    return x0 == x1 ? x0 : x0 + frac * (x1 - x0);
  }

  /**
   * Both bounds of an interval, as {@link #type7(double[], int, double)} gives them (a test
   * compares the two), with two selections instead of four: once {@code v[lo]} is selected,
   * everything after it is no smaller, so the next order statistic is the minimum of that part, and
   * the upper bound's statistics are selected within it.
   *
   * @param v values, no NaN (reordered)
   * @param n how many
   * @param q1 lower level
   * @param q2 upper level, ≥ q1
   * @param out {@code [lower, upper]}
   */
  static void type7(double[] v, int n, double q1, double q2, double[] out) {
    double h1 = (n - 1) * Math.min(Math.max(q1, 0), 1);
    double h2 = (n - 1) * Math.min(Math.max(q2, 0), 1);
    int lo1 = (int) Math.floor(h1);
    int lo2 = Math.max(lo1, (int) Math.floor(h2));
    double x0 = OrderStatistics.kthSmallest(v, 0, n, lo1);
    double x1 = lo1 + 1 < n ? min(v, lo1 + 1, n) : x0;
    out[0] = interpolate(x0, x1, h1 - lo1);
    double y0 = lo2 == lo1 ? x0 : OrderStatistics.kthSmallest(v, lo1 + 1, n, lo2);
    double y1 = lo2 == lo1 ? x1 : lo2 + 1 < n ? min(v, lo2 + 1, n) : y0;
    out[1] = interpolate(y0, y1, h2 - lo2);
  }

  /**
   * The interval of a statistic from its defined replicates: the {@code (1−level)/2} and {@code
   * (1+level)/2} quantiles for the percentile method, or the BCa levels of {@link
   * IntervalMethod#BCA} from the bias correction (the replicates' position around {@code theta})
   * and the given acceleration.
   *
   * @param replicates defined replicates (reordered)
   * @param n how many
   * @param theta the point estimate
   * @param confidenceLevel two-sided level in (0, 1)
   * @param method percentile or BCa
   * @param acceleration the jackknife acceleration a (BCa only; ignored for percentile)
   * @param out {@code [lower, upper]}
   */
  static void bounds(
      double[] replicates,
      int n,
      double theta,
      double confidenceLevel,
      IntervalMethod method,
      double acceleration,
      double[] out) {
    double alpha = (1 - confidenceLevel) / 2;
    double a1 = alpha;
    double a2 = 1 - alpha;
    if (method == IntervalMethod.BCA) {
      int below = 0;
      int equal = 0;
      for (int i = 0; i < n; i++) {
        below += replicates[i] < theta ? 1 : 0;
        equal += replicates[i] == theta ? 1 : 0;
      }
      double prop = (below + 0.5 * equal) / n;
      prop = Math.min(Math.max(prop, 0.5 / n), 1 - 0.5 / n);
      double z0 = NORMAL.inverseCumulativeProbability(prop);
      a1 = bcaLevel(z0, acceleration, NORMAL.inverseCumulativeProbability(alpha));
      a2 = bcaLevel(z0, acceleration, NORMAL.inverseCumulativeProbability(1 - alpha));
    }
    if (a1 <= a2) {
      type7(replicates, n, a1, a2, out);
    } else {
      out[0] = type7(replicates, n, a1);
      out[1] = type7(replicates, n, a2);
    }
  }

  /**
   * Jackknife acceleration {@code a = Σ w_k d_k³ / (6 (Σ w_k d_k²)^{3/2})}, {@code d_k = θ̄ −
   * θ₍k₎}, over leave-one-out values {@code θ₍k₎} each shared by {@code w_k} units (Efron 1987, eq.
   * 6.6); 0 when undefined (no spread, or a leave-one-out value is not finite).
   *
   * @param leaveOneOut leave-one-out values; entry k at {@code offset + k * stride}
   * @param offset index of entry 0
   * @param stride distance between entries
   * @param weights units sharing each value (0 = skip), or null for one unit each
   * @param count how many entries
   * @return a
   */
  static double acceleration(
      double[] leaveOneOut, int offset, int stride, int[] weights, int count) {
    double sum = 0;
    long n = 0;
    for (int k = 0; k < count; k++) {
      int w = weights == null ? 1 : weights[k];
      if (w > 0) {
        double v = leaveOneOut[offset + k * stride];
        if (!Double.isFinite(v)) {
          return 0;
        }
        sum += w * v;
        n += w;
      }
    }
    if (n == 0) {
      return 0;
    }
    double mean = sum / n;
    double num = 0;
    double den = 0;
    for (int k = 0; k < count; k++) {
      int w = weights == null ? 1 : weights[k];
      if (w > 0) {
        double d = mean - leaveOneOut[offset + k * stride];
        num += w * d * d * d;
        den += w * d * d;
      }
    }
    return den > 0 ? num / (6 * Math.pow(den, 1.5)) : 0;
  }

  private static double bcaLevel(double z0, double a, double z) {
    double w = z0 + z;
    double d = 1 - a * w;
    if (d <= 0) {
      return w > 0 ? 1 : 0;
    }
    return NORMAL.cumulativeProbability(z0 + w / d);
  }

  private static double min(double[] v, int from, int to) {
    double m = v[from];
    for (int i = from + 1; i < to; i++) {
      if (v[i] < m) {
        m = v[i];
      }
    }
    return m;
  }

  private static double interpolate(double x0, double x1, double frac) {
    return frac == 0 || x0 == x1 ? x0 : x0 + frac * (x1 - x0);
  }
}
