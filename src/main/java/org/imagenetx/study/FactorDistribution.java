package org.imagenetx.study;

import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.Partition;

/**
 * How often each factor is annotated, and how many factors an image carries, over the evaluated
 * images of one partition and selection.
 *
 * @param partition val or train
 * @param selection multi or top
 * @param numImages evaluated images
 * @param counts per factor (canonical order), images having it
 * @param activeHistogram {@code [k]} = images with exactly k factors, k = 0..16
 */
public record FactorDistribution(
    Partition partition,
    FactorSelection selection,
    int numImages,
    int[] counts,
    int[] activeHistogram) {

  /**
   * @param dataset annotations of one partition
   * @param selection multi or top (must be loaded)
   * @return the distribution
   */
  public static FactorDistribution compute(Dataset dataset, FactorSelection selection) {
    int[] masks = PerImage.masks(dataset.factors(selection));
    int[] counts = new int[Factor.COUNT];
    int[] hist = new int[Factor.COUNT + 1];
    int n = 0;
    for (int mask : masks) {
      if ((mask & PerImage.EVALUATED) == 0) {
        continue;
      }
      n++;
      int factors = mask & (PerImage.EVALUATED - 1);
      hist[Integer.bitCount(factors)]++;
      for (int f = 0; f < Factor.COUNT; f++) {
        counts[f] += (factors >>> f) & 1;
      }
    }
    return new FactorDistribution(dataset.partition(), selection, n, counts, hist);
  }

  /**
   * @param factor a factor
   * @return share of evaluated images having it (NaN without images); shares sum to more than 1 for
   *     multi factors
   */
  public double share(Factor factor) {
    return numImages == 0 ? Double.NaN : (double) counts[factor.ordinal()] / numImages;
  }

  /**
   * @return mean number of active factors per image
   */
  public double meanActive() {
    long sum = 0;
    for (int k = 0; k < activeHistogram.length; k++) {
      sum += (long) k * activeHistogram[k];
    }
    return numImages == 0 ? Double.NaN : (double) sum / numImages;
  }
}
