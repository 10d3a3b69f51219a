package org.imagenetx.compare;

/**
 * Spearman's rank correlation of two profiles (e.g. 16-factor error-ratio profiles): average ranks
 * for ties (as scipy's {@code spearmanr}), non-finite entries left out. One implementation for the
 * query's similar-model search and the study's consistency of failure modes.
 */
public final class RankCorrelation {
  private RankCorrelation() {}

  /**
   * Average ranks (1-based, ties get the mean rank) of the finite values; NaN elsewhere.
   *
   * @param v values
   * @return ranks
   */
  public static double[] ranks(double[] v) {
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
  public static double spearman(double[] a, double[] ranksA, double[] b) {
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

  /**
   * Pearson's r over the positions finite in both.
   *
   * @param x first vector
   * @param y second vector
   * @return r, NaN when either is constant there
   */
  public static double pearson(double[] x, double[] y) {
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
}
