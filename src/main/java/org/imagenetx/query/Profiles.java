package org.imagenetx.query;

import org.imagenetx.annotations.Factor;

/**
 * Similarity of two 16-factor error-ratio profiles. Factors undefined (NaN or infinite) in either
 * profile are left out pairwise.
 *
 * <p>Spearman compares the <em>order</em> of a model's weak factors; cosine is taken over the
 * excess error {@code ER − 1} rather than the raw ratios, because raw ratios are all positive and
 * near 1, so their cosine is near 1 for every pair and does not discriminate; {@code ER − 1} is 0
 * for a factor that does not matter, positive for one that hurts.
 */
final class Profiles {
  private Profiles() {}

  /**
   * Every model's profile prepared once: centred ranks and excess errors with their norms, so that
   * comparing one model against all others is a 16-term dot product per model when both profiles
   * are fully defined (the common case), falling back to the pairwise-deletion path otherwise.
   */
  static final class Table {
    private final double[][] profile;
    private final double[][] centredRanks;
    private final double[] rankNorm;
    private final double[][] excess;
    private final double[] excessNorm;
    private final boolean[] complete;

    private Table(double[][] profile) {
      int n = profile.length;
      this.profile = profile;
      centredRanks = new double[n][];
      rankNorm = new double[n];
      excess = new double[n][Factor.COUNT];
      excessNorm = new double[n];
      complete = new boolean[n];
      for (int m = 0; m < n; m++) {
        double[] p = profile[m];
        boolean all = true;
        for (double v : p) {
          all &= Double.isFinite(v);
        }
        complete[m] = all;
        double[] r = ranks(p);
        double mean = (Factor.COUNT + 1) / 2.0;
        double ss = 0;
        double es = 0;
        for (int f = 0; f < Factor.COUNT; f++) {
          r[f] -= mean;
          ss += r[f] * r[f];
          excess[m][f] = p[f] - 1;
          es += excess[m][f] * excess[m][f];
        }
        centredRanks[m] = r;
        rankNorm[m] = Math.sqrt(ss);
        excessNorm[m] = Math.sqrt(es);
      }
    }

    /**
     * @param errorRatio {@code [factor][model]}
     * @return the prepared table
     */
    static Table of(double[][] errorRatio) {
      int n = errorRatio[0].length;
      double[][] p = new double[n][Factor.COUNT];
      for (int f = 0; f < Factor.COUNT; f++) {
        for (int m = 0; m < n; m++) {
          p[m][f] = errorRatio[f][m];
        }
      }
      return new Table(p);
    }

    double spearman(int a, int b) {
      if (!complete[a] || !complete[b]) {
        return Profiles.spearman(profile[a], ranks(profile[a]), profile[b]);
      }
      if (rankNorm[a] == 0 || rankNorm[b] == 0) {
        return Double.NaN;
      }
      double dot = 0;
      double[] x = centredRanks[a];
      double[] y = centredRanks[b];
      for (int f = 0; f < Factor.COUNT; f++) {
        dot += x[f] * y[f];
      }
      return dot / (rankNorm[a] * rankNorm[b]);
    }

    double cosine(int a, int b) {
      if (!complete[a] || !complete[b]) {
        return cosineExcess(profile[a], profile[b]);
      }
      if (excessNorm[a] == 0 || excessNorm[b] == 0) {
        return Double.NaN;
      }
      double dot = 0;
      double[] x = excess[a];
      double[] y = excess[b];
      for (int f = 0; f < Factor.COUNT; f++) {
        dot += x[f] * y[f];
      }
      return dot / (excessNorm[a] * excessNorm[b]);
    }
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
   * @return cosine of {@code a − 1} and {@code b − 1} over factors finite in both; NaN when either
   *     is all zero
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
