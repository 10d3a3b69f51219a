package org.imagenetx.query;

import org.imagenetx.annotations.Factor;
import org.imagenetx.compare.RankCorrelation;

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
        double[] r = RankCorrelation.ranks(p);
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
        return RankCorrelation.spearman(profile[a], RankCorrelation.ranks(profile[a]), profile[b]);
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
