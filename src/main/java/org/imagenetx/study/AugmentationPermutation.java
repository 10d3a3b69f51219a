package org.imagenetx.study;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.imagenetx.annotations.Factor;
import org.imagenetx.resampling.CellBootstrap;

/**
 * A permutation p-value of the whole published augmentation procedure, which the Welch p-value of
 * {@link AugmentationSweep.Effect#pValue()} is not: the two strengths it compares are picked by a
 * cubic fitted to the same data, so under no effect at all it rejects more often than its nominal
 * level. Here the strengths are permuted over the models (no true effect), and for each permutation
 * the cubic is refitted, the two strengths re-picked and Welch's t recomputed; the p-value is the
 * share of permutations whose |t| reaches the observed one, {@code (1 + #{|t*| ≥ |t|}) / (1 + P)}.
 *
 * <p>Permuting the strengths is permuting the responses over a fixed design, so the cubic's fitted
 * values at the kept levels are one fixed linear map of the responses (computed once by a
 * Gram–Schmidt QR of the scaled Vandermonde matrix): a permutation costs a shuffle and a few
 * multiply-adds per model. Seeded per {@code augmentation|factor} ({@link CellBootstrap#seed}).
 */
public final class AugmentationPermutation {
  /** Default number of permutations. */
  public static final int DEFAULT_PERMUTATIONS = 1000;

  private AugmentationPermutation() {}

  /**
   * @param sweep the sweep
   * @param permutations P (≥ 1)
   * @param masterSeed master seed; each factor derives its own from {@code augmentation|factor}
   * @return per factor (canonical order), the permutation p-value (NaN where the published t is
   *     undefined)
   */
  public static double[] pValues(AugmentationSweep sweep, int permutations, long masterSeed) {
    double[] out = new double[Factor.COUNT];
    for (Factor f : Factor.values()) {
      long seed = CellBootstrap.seed(masterSeed, sweep.augmentation().key() + "|" + f.column());
      out[f.ordinal()] = pValue(sweep, f, permutations, seed);
    }
    return out;
  }

  /**
   * @param sweep the sweep
   * @param f the factor
   * @param permutations P
   * @param seed seed of this factor's permutations
   * @return the permutation p-value, or NaN when the observed t is undefined
   */
  static double pValue(AugmentationSweep sweep, Factor f, int permutations, long seed) {
    double[] levels = sweep.levels();
    int rows = sweep.table().size();
    int n = 0;
    double[] x = new double[rows];
    double[] y = new double[rows];
    for (int r = 0; r < rows; r++) {
      double s = sweep.strength()[r];
      double er = sweep.table().errorRatio(r, f);
      if (Arrays.binarySearch(levels, s) >= 0 && Double.isFinite(er)) {
        x[n] = s;
        y[n++] = er;
      }
    }
    x = Arrays.copyOf(x, n);
    y = Arrays.copyOf(y, n);
    Procedure proc = new Procedure(x, levels);
    double observed = proc.t(y);
    if (Double.isNaN(observed)) {
      return Double.NaN;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    double[] perm = y.clone();
    int reach = 0;
    for (int p = 0; p < permutations; p++) {
      for (int i = n - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        double tmp = perm[i];
        perm[i] = perm[j];
        perm[j] = tmp;
      }
      double t = proc.t(perm);
      // an undefined t (a picked level with fewer than two models) counts as not reaching
      if (Math.abs(t) >= Math.abs(observed) * (1 - 1e-12)) {
        reach++;
      }
    }
    return (1.0 + reach) / (1.0 + permutations);
  }

  /** The published statistic over a fixed design: cubic, two extreme levels, Welch t. */
  static final class Procedure {
    private final double[] levels;
    private final double[][] fit; // [level][model]: fitted value at the level = fit · y
    private final int[] levelOf; // model → index into levels
    private final int[] counts;

    Procedure(double[] x, double[] levels) {
      this.levels = levels;
      int n = x.length;
      levelOf = new int[n];
      counts = new int[levels.length];
      for (int i = 0; i < n; i++) {
        levelOf[i] = Arrays.binarySearch(levels, x[i]);
        counts[levelOf[i]]++;
      }
      double center = CubicFit.mean(x);
      double ss = 0;
      for (double v : x) {
        ss += (v - center) * (v - center);
      }
      double scale = n > 1 && ss > 0 ? Math.sqrt(ss / (n - 1)) : 1;
      int distinct = (int) Arrays.stream(x).distinct().count();
      int p = Math.max(0, Math.min(3, distinct - 1)) + 1;
      // modified Gram–Schmidt on the scaled Vandermonde columns: q (n × p), r (p × p)
      double[][] q = new double[p][n];
      double[][] r = new double[p][p];
      for (int i = 0; i < n; i++) {
        double z = (x[i] - center) / scale;
        double v = 1;
        for (int d = 0; d < p; d++) {
          q[d][i] = v;
          v *= z;
        }
      }
      for (int d = 0; d < p; d++) {
        for (int e = 0; e < d; e++) {
          double dot = 0;
          for (int i = 0; i < n; i++) {
            dot += q[e][i] * q[d][i];
          }
          r[e][d] = dot;
          for (int i = 0; i < n; i++) {
            q[d][i] -= dot * q[e][i];
          }
        }
        double norm = 0;
        for (int i = 0; i < n; i++) {
          norm += q[d][i] * q[d][i];
        }
        norm = Math.sqrt(norm);
        r[d][d] = norm;
        for (int i = 0; i < n; i++) {
          q[d][i] /= norm;
        }
      }
      // fitted(level) = v(level)ᵀ R⁻¹ Qᵀ y = wᵀ Qᵀ y with Rᵀ w = v(level)
      fit = new double[levels.length][n];
      for (int l = 0; l < levels.length; l++) {
        double z = (levels[l] - center) / scale;
        double[] v = new double[p];
        double pw = 1;
        for (int d = 0; d < p; d++) {
          v[d] = pw;
          pw *= z;
        }
        double[] w = new double[p];
        for (int d = 0; d < p; d++) {
          double s = v[d];
          for (int e = 0; e < d; e++) {
            s -= r[e][d] * w[e];
          }
          w[d] = s / r[d][d];
        }
        for (int i = 0; i < n; i++) {
          double s = 0;
          for (int d = 0; d < p; d++) {
            s += w[d] * q[d][i];
          }
          fit[l][i] = s;
        }
      }
    }

    /**
     * @param y responses in design order
     * @return Welch t of weak − strong between the levels of the fitted minimum and maximum (NaN
     *     when they coincide or one has fewer than two models)
     */
    double t(double[] y) {
      int lo = 0;
      int hi = 0;
      double vLo = dot(fit[0], y);
      double vHi = vLo;
      for (int l = 1; l < levels.length; l++) {
        double v = dot(fit[l], y);
        if (v < vLo) {
          lo = l;
          vLo = v;
        }
        if (v > vHi) {
          hi = l;
          vHi = v;
        }
      }
      int weak = Math.min(lo, hi);
      int strong = Math.max(lo, hi);
      if (weak == strong || counts[weak] < 2 || counts[strong] < 2) {
        return Double.NaN;
      }
      double sa = 0;
      double sb = 0;
      double qa = 0;
      double qb = 0;
      for (int i = 0; i < y.length; i++) {
        if (levelOf[i] == weak) {
          sa += y[i];
          qa += y[i] * y[i];
        } else if (levelOf[i] == strong) {
          sb += y[i];
          qb += y[i] * y[i];
        }
      }
      int na = counts[weak];
      int nb = counts[strong];
      double ma = sa / na;
      double mb = sb / nb;
      double va = (qa - sa * ma) / (na - 1);
      double vb = (qb - sb * mb) / (nb - 1);
      return (ma - mb) / Math.sqrt(va / na + vb / nb);
    }

    private static double dot(double[] a, double[] b) {
      double s = 0;
      for (int i = 0; i < a.length; i++) {
        s += a[i] * b[i];
      }
      return s;
    }
  }
}
