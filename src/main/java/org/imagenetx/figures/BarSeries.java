package org.imagenetx.figures;

import java.util.Objects;

/**
 * One series of a bar chart: a value per category, an optional interval per value (error bars, e.g.
 * a 95% bootstrap interval) and an optional significance flag per value (non-significant bars are
 * drawn faded, the published comparison figure's convention).
 *
 * @param name legend entry
 * @param values one value per category (NaN: no bar)
 * @param lower interval lower bounds, same length, or null for no error bars (NaN: none for that
 *     bar)
 * @param upper interval upper bounds, same length, or null
 * @param significant per value, false draws it faded; null means all significant
 */
public record BarSeries(
    String name, double[] values, double[] lower, double[] upper, boolean[] significant) {
  /** Checks the lengths agree. */
  public BarSeries {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(values, "values");
    if ((lower == null) != (upper == null)) {
      throw new IllegalArgumentException(name + ": lower and upper bounds go together");
    }
    if (lower != null && (lower.length != values.length || upper.length != values.length)) {
      throw new IllegalArgumentException(name + ": one interval per value");
    }
    if (significant != null && significant.length != values.length) {
      throw new IllegalArgumentException(name + ": one significance flag per value");
    }
  }

  /**
   * @param name legend entry
   * @param values one value per category
   * @return a series without intervals, all significant
   */
  public static BarSeries of(String name, double[] values) {
    return new BarSeries(name, values, null, null, null);
  }

  /**
   * @return true when error bars are drawn
   */
  public boolean hasIntervals() {
    return lower != null;
  }

  /**
   * @param i category
   * @return whether bar {@code i} is drawn at full colour
   */
  public boolean isSignificant(int i) {
    return significant == null || significant[i];
  }
}
