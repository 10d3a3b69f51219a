package org.imagenetx.study;

import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.Metaclasses;

/**
 * Factor prevalence per true metaclass and its relative shift from the overall prevalence: {@code
 * shift(m, f) = prevalence(m, f) / prevalence(f) − 1}; +0.5 means the factor is annotated 50% more
 * often on that metaclass's images than on all images.
 *
 * @param selection multi or top
 * @param numImages evaluated images
 * @param factorCounts per factor, evaluated images having it
 * @param metaclassImages per metaclass, evaluated images
 * @param counts {@code [metaclass][factor]}, evaluated images of the metaclass having the factor
 */
public record Prevalence(
    FactorSelection selection,
    int numImages,
    int[] factorCounts,
    int[] metaclassImages,
    int[][] counts) {

  /**
   * @param dataset annotations
   * @param selection multi or top
   * @return the counts
   */
  public static Prevalence compute(Dataset dataset, FactorSelection selection) {
    int[] masks = PerImage.masks(dataset.factors(selection));
    byte[] meta = dataset.index().metaclassOfImage();
    int[] factorCounts = new int[Factor.COUNT];
    int[] metaImages = new int[Metaclasses.COUNT];
    int[][] counts = new int[Metaclasses.COUNT][Factor.COUNT];
    int n = 0;
    for (int i = 0; i < masks.length; i++) {
      int mask = masks[i];
      if ((mask & PerImage.EVALUATED) == 0) {
        continue;
      }
      n++;
      metaImages[meta[i]]++;
      for (int f = 0; f < Factor.COUNT; f++) {
        int has = (mask >>> f) & 1;
        factorCounts[f] += has;
        counts[meta[i]][f] += has;
      }
    }
    return new Prevalence(selection, n, factorCounts, metaImages, counts);
  }

  /**
   * @param factor a factor
   * @return share of all evaluated images having it
   */
  public double overall(Factor factor) {
    return (double) factorCounts[factor.ordinal()] / numImages;
  }

  /**
   * @param metaclass metaclass id
   * @param factor a factor
   * @return share of the metaclass's evaluated images having the factor (NaN without images)
   */
  public double prevalence(int metaclass, Factor factor) {
    return (double) counts[metaclass][factor.ordinal()] / metaclassImages[metaclass];
  }

  /**
   * @param metaclass metaclass id
   * @param factor a factor
   * @return {@code prevalence(m, f) / overall(f) − 1} (NaN when undefined)
   */
  public double shift(int metaclass, Factor factor) {
    return prevalence(metaclass, factor) / overall(factor) - 1;
  }
}
