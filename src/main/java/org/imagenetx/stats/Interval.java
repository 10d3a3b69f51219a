package org.imagenetx.stats;

/**
 * A point estimate with its confidence interval and the settings that produced it.
 *
 * <p>Degenerate cases are exact rather than approximate: an undefined statistic (no image in the
 * slice, or a zero overall error rate under an error ratio) has NaN point and bounds; a statistic
 * whose every replicate equals the point (e.g. an accuracy with k = 0 or k = n correct) has lower =
 * upper = point.
 *
 * @param point the estimate on the observed data
 * @param lower lower bound
 * @param upper upper bound
 * @param confidenceLevel two-sided level, e.g. 0.95
 * @param method how the bounds were computed
 */
public record Interval(
    double point, double lower, double upper, double confidenceLevel, IntervalMethod method) {
  /**
   * @return true when both bounds are defined and {@code lower ≤ x ≤ upper}
   */
  public boolean contains(double x) {
    return lower <= x && x <= upper;
  }
}
