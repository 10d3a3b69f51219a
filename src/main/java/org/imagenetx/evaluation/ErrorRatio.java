package org.imagenetx.evaluation;

/** The error ratio of the ImageNet-X study. */
public final class ErrorRatio {
  private ErrorRatio() {}

  /**
   * {@code ER_f = (1 − acc_f) / (1 − average)}: the factor's error rate relative to the overall
   * error rate. Above 1, the factor makes the model fail more than on average.
   *
   * @param factorAccuracy accuracy on images with the factor
   * @param averageAccuracy accuracy on all images
   * @return the ratio (NaN when either is NaN)
   */
  public static double of(double factorAccuracy, double averageAccuracy) {
    return (1 - factorAccuracy) / (1 - averageAccuracy);
  }
}
