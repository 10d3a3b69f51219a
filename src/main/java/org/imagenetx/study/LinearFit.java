package org.imagenetx.study;

import org.hipparchus.stat.regression.SimpleRegression;

/**
 * Ordinary least-squares line {@code y = intercept + slope·x} with its fit and the two-sided
 * t-based interval and p-value of the slope (Hipparchus {@code SimpleRegression}).
 *
 * @param n number of points
 * @param slope units of y per unit of x
 * @param intercept y at x = 0
 * @param rSquared coefficient of determination
 * @param slopeLower lower bound of the slope's interval
 * @param slopeUpper upper bound
 * @param confidenceLevel of the interval, e.g. 0.95
 * @param pValue of H0: slope = 0 (t test with n − 2 df)
 */
public record LinearFit(
    int n,
    double slope,
    double intercept,
    double rSquared,
    double slopeLower,
    double slopeUpper,
    double confidenceLevel,
    double pValue) {

  /**
   * @param x predictor values
   * @param y responses; pairs where either is not finite are skipped
   * @param confidenceLevel e.g. 0.95
   * @return the fit (NaN fields when fewer than 3 usable points or x is constant)
   */
  public static LinearFit of(double[] x, double[] y, double confidenceLevel) {
    SimpleRegression r = new SimpleRegression(true);
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        r.addData(x[i], y[i]);
        n++;
      }
    }
    if (n < 3 || r.getXSumSquares() == 0) {
      return new LinearFit(
          n,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          confidenceLevel,
          Double.NaN);
    }
    double half = r.getSlopeConfidenceInterval(1 - confidenceLevel);
    double slope = r.getSlope();
    return new LinearFit(
        n,
        slope,
        r.getIntercept(),
        r.getRSquare(),
        slope - half,
        slope + half,
        confidenceLevel,
        r.getSignificance());
  }
}
