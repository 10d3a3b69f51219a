package org.imagenetx.query;

import org.imagenetx.annotations.Factor;

/**
 * Similarity of two 16-factor error-ratio profiles. Factors undefined (NaN or infinite) in either
 * profile are left out pairwise.
 *
 * <p>Spearman compares the <em>order</em> of a model's weak factors; cosine is taken over the excess
 * error {@code ER − 1} rather than the raw ratios, because raw ratios are all positive and near 1, so
 * their cosine is near 1 for every pair and does not discriminate; {@code ER − 1} is 0 for a factor
 * that does not matter, positive for one that hurts.
 */
final class Profiles {
  private Profiles() {}

  static double[] profile(Session.Columns c, int model) {
    double[] p = new double[Factor.COUNT];
    for (int f = 0; f < Factor.COUNT; f++) {
      p[f] = c.errorRatio[f][model];
    }
    return p;
  }

  /**
   * Average ranks (1-based, ties get the mean rank) of the finite values; NaN elsewhere.
   *
   * @param v values
   * @return ranks
   */
  static double[] ranks(double[] v) {
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        r[i] = Double.NaN;
        continue;
      }
      int less = 0;
      int equal = 0;
      for (double x : v) {
        if (Double.isFinite(x)) {
          less += x < v[i] ? 1 : 0;
          equal += x == v[i] ? 1 : 0;
        }
      }
      r[i] = less + (equal + 1) / 2.0;
    }
    return r;
  }

  /**
   * Spearman's rho: Pearson correlation of the ranks, over factors finite in both profiles (ranks
   * are recomputed on that common subset when it is smaller than the first profile's).
   *
   * @param a first profile
   * @param ranksA {@link #ranks}{@code (a)}
   * @param b second profile
   * @return rho in [-1, 1], NaN with fewer than 2 common factors or a constant profile
   */
  static double spearman(double[] a, double[] ranksA, double[] b) {
    boolean same = true;
    int common = 0;
    for (int f = 0; f < a.length; f++) {
      boolean fa = Double.isFinite(a[f]);
      boolean fb = Double.isFinite(b[f]);
      same &= fa == fb || !fa;
      common += fa && fb ? 1 : 0;
    }
    double[] ra;
    double[] rb;
    if (same) {
      ra = ranksA;
      rb = ranks(b);
    } else {
      double[] a2 = a.clone();
      double[] b2 = b.clone();
      for (int f = 0; f < a.length; f++) {
        if (!Double.isFinite(a[f]) || !Double.isFinite(b[f])) {
          a2[f] = Double.NaN;
          b2[f] = Double.NaN;
        }
      }
      ra = ranks(a2);
      rb = ranks(b2);
    }
    if (common < 2) {
      return Double.NaN;
    }
    return pearson(ra, rb);
  }

  static double pearson(double[] x, double[] y) {
    double sx = 0;
    double sy = 0;
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        sx += x[i];
        sy += y[i];
        n++;
      }
    }
    double mx = sx / n;
    double my = sy / n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        double dx = x[i] - mx;
        double dy = y[i] - my;
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
      }
    }
    return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
  }

  /**
   * @param a first profile
   * @param b second profile
   * @return cosine of {@code a − 1} and {@code b − 1} over factors finite in both; NaN when either is
   *     all zero
   */
  static double cosineExcess(double[] a, double[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int f = 0; f < a.length; f++) {
      if (Double.isFinite(a[f]) && Double.isFinite(b[f])) {
        double x = a[f] - 1;
        double y = b[f] - 1;
        dot += x * y;
        na += x * x;
        nb += y * y;
      }
    }
    return na == 0 || nb == 0 ? Double.NaN : dot / Math.sqrt(na * nb);
  }
}
