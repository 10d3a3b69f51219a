package org.imagenetx.resampling;

/**
 * A point estimate with its confidence interval and the settings that produced it.
 *
 * <p>Degenerate cases are exact rather than approximate: an undefined statistic (no image in the
 * slice, or a zero overall error rate under an error ratio) has NaN point and bounds; a statistic
 * whose every replicate equals the point (e.g. an accuracy with k = 0 or k = n correct) has lower =
 * upper = point.
 *
 * <p>An estimate reported without an interval ({@link #point(double)}) has NaN bounds and level and
 * no method.
 *
 * @param point the estimate on the observed data
 * @param lower lower bound (NaN when not computed)
 * @param upper upper bound (NaN when not computed)
 * @param confidenceLevel two-sided level, e.g. 0.95 (NaN when no interval was computed)
 * @param method how the bootstrap bounds were computed (null when no interval was computed, and for
 *     bounds that are not a bootstrap's: the Wilson score intervals of the per-factor shares of
 *     {@code study consistency}, whose table and figure name their method)
 */
public record Interval(
    double point, double lower, double upper, double confidenceLevel, IntervalMethod method) {
  /**
   * @param point an estimate
   * @return the estimate without an interval
   */
  public static Interval point(double point) {
    return new Interval(point, Double.NaN, Double.NaN, Double.NaN, null);
  }

  /**
   * @return whether bounds were computed
   */
  public boolean hasBounds() {
    return !Double.isNaN(lower) || !Double.isNaN(upper);
  }

  /**
   * @param x a value
   * @return true when both bounds are defined and {@code lower ≤ x ≤ upper}
   */
  public boolean contains(double x) {
    return lower <= x && x <= upper;
  }
}
