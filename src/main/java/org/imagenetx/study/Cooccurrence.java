package org.imagenetx.study;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.distribution.continuous.TDistribution;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.annotations.Partition;

/**
 * Spearman correlation, with p-values, between the 16 factor indicators and the 17 metaclass
 * indicators over the evaluated images of one partition and selection.
 *
 * <p>For 0/1 variables the mid-ranks of Spearman's ρ are an increasing affine function of the
 * values, so ρ equals Pearson's correlation of the indicators (the φ coefficient), computed exactly
 * from counts: {@code ρ = (N·n_ij − n_i·n_j) / sqrt(n_i (N − n_i) n_j (N − n_j))}. The p-value is
 * scipy's {@code spearmanr}: {@code t = ρ·sqrt((N − 2) / (1 − ρ²))} against Student's t with N − 2
 * degrees of freedom, two-sided. A constant indicator gives NaN (as scipy).
 *
 * @param partition val or train
 * @param selection multi or top
 * @param variables the 33 variable names: 16 factors then 17 metaclasses ({@code metaclass:dog}, …)
 * @param numImages N, evaluated images
 * @param counts {@code n_i}: images with variable i
 * @param rho {@code [i][j]} Spearman's ρ
 * @param pValue {@code [i][j]} two-sided p-value (0 on the diagonal of a non-constant variable)
 */
public record Cooccurrence(
    Partition partition,
    FactorSelection selection,
    List<String> variables,
    int numImages,
    int[] counts,
    double[][] rho,
    double[][] pValue) {

  /** Number of variables: 16 factors + 17 metaclasses. */
  public static final int NUM_VARIABLES = Factor.COUNT + Metaclasses.COUNT;

  /**
   * @return the variable names: factor columns, then {@code metaclass:<name>}
   */
  public static List<String> variableNames() {
    List<String> v = new ArrayList<>(List.of(Factor.columns()));
    for (String m : Metaclasses.NAMES) {
      v.add("metaclass:" + m);
    }
    return List.copyOf(v);
  }

  /**
   * @param dataset annotations of one partition
   * @param selection multi or top (must be loaded)
   * @return the correlation matrix
   */
  public static Cooccurrence compute(Dataset dataset, FactorSelection selection) {
    int[] masks = PerImage.masks(dataset.factors(selection));
    byte[] meta = dataset.index().metaclassOfImage();
    int v = NUM_VARIABLES;
    long[][] both = new long[v][v];
    int numImages = 0;
    int[] set = new int[v];
    for (int i = 0; i < masks.length; i++) {
      int mask = masks[i];
      if ((mask & PerImage.EVALUATED) == 0) {
        continue;
      }
      numImages++;
      int k = 0;
      for (int f = 0; f < Factor.COUNT; f++) {
        if ((mask & (1 << f)) != 0) {
          set[k++] = f;
        }
      }
      set[k++] = Factor.COUNT + meta[i];
      for (int a = 0; a < k; a++) {
        for (int b = 0; b < k; b++) {
          both[set[a]][set[b]]++;
        }
      }
    }
    int[] counts = new int[v];
    for (int a = 0; a < v; a++) {
      counts[a] = (int) both[a][a];
    }
    double[][] rho = new double[v][v];
    double[][] p = new double[v][v];
    TDistribution t = numImages > 2 ? new TDistribution(numImages - 2) : null;
    double n = numImages;
    for (int a = 0; a < v; a++) {
      for (int b = 0; b < v; b++) {
        double na = counts[a];
        double nb = counts[b];
        double den = Math.sqrt(na * (n - na) * nb * (n - nb));
        double r = den == 0 ? Double.NaN : (n * both[a][b] - na * nb) / den;
        if (a == b && den != 0) {
          r = 1;
        }
        r = Math.max(-1, Math.min(1, r));
        rho[a][b] = r;
        p[a][b] = pValue(r, numImages, t);
      }
    }
    return new Cooccurrence(
        dataset.partition(), selection, variableNames(), numImages, counts, rho, p);
  }

  /** scipy.stats.spearmanr's two-sided p-value of ρ on n observations. */
  static double pValue(double r, int n, TDistribution t) {
    if (Double.isNaN(r) || t == null) {
      return Double.NaN;
    }
    if (Math.abs(r) == 1) {
      return 0;
    }
    double stat = r * Math.sqrt((n - 2) / (1 - r * r));
    return 2 * t.cumulativeProbability(-Math.abs(stat));
  }
}
