package org.imagenetx.figures;

/**
 * A straight line drawn over a scatter plot, e.g. a least-squares fit {@code y = intercept + slope
 * · x}, between two x values, in the colour of the series it belongs to.
 *
 * @param series index of the scatter series it belongs to (its colour)
 * @param slope dy/dx
 * @param intercept y at x = 0
 * @param xFrom start of the segment
 * @param xTo end of the segment
 */
public record FittedLine(int series, double slope, double intercept, double xFrom, double xTo) {
  /**
   * @param x a position
   * @return the line's y there
   */
  public double at(double x) {
    return intercept + slope * x;
  }
}
