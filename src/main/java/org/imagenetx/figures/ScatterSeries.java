package org.imagenetx.figures;

import java.util.Objects;

/**
 * One group of points of a scatter plot (e.g. the models of one type).
 *
 * @param name legend entry
 * @param x x values
 * @param y y values, same length
 */
public record ScatterSeries(String name, double[] x, double[] y) {
  /** Checks the lengths agree. */
  public ScatterSeries {
    Objects.requireNonNull(name, "name");
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          name + ": " + x.length + " x values, " + y.length + " y values");
    }
  }
}
