package org.imagenetx.study;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealVector;

/**
 * Least-squares polynomial of degree ≤ 3 in a standardised predictor {@code z = (x − center) /
 * scale}, solved by QR (Householder) so that strengths up to 100 (x³ = 10⁶) stay well conditioned.
 * The degree drops to (distinct x values − 1) when fewer than 4 distinct values exist.
 *
 * @param center mean of x
 * @param scale standard deviation of x (1 when x is constant)
 * @param coefficients {@code c0 + c1 z + c2 z² + c3 z³}; length = degree + 1
 */
public record CubicFit(double center, double scale, double[] coefficients) {

  /**
   * @param x predictor values (finite)
   * @param y responses (finite), same length
   * @param numDistinct number of distinct x values
   * @return the fit
   */
  static CubicFit of(double[] x, double[] y, int numDistinct) {
    int n = x.length;
    double center = mean(x);
    double ss = 0;
    for (double v : x) {
      ss += (v - center) * (v - center);
    }
    double scale = n > 1 && ss > 0 ? Math.sqrt(ss / (n - 1)) : 1;
    int degree = Math.max(0, Math.min(3, numDistinct - 1));
    double[][] a = new double[n][degree + 1];
    for (int i = 0; i < n; i++) {
      double z = (x[i] - center) / scale;
      double p = 1;
      for (int d = 0; d <= degree; d++) {
        a[i][d] = p;
        p *= z;
      }
    }
    RealVector c =
        new QRDecomposition(new Array2DRowRealMatrix(a, false))
            .getSolver()
            .solve(new ArrayRealVector(y, false));
    return new CubicFit(center, scale, c.toArray());
  }

  /**
   * @param x predictor value, in the original units
   * @return the fitted value
   */
  public double value(double x) {
    double z = (x - center) / scale;
    double v = 0;
    for (int d = coefficients.length - 1; d >= 0; d--) {
      v = v * z + coefficients[d];
    }
    return v;
  }

  /**
   * @param values a sample
   * @return its mean; NaN when empty
   */
  static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return values.length == 0 ? Double.NaN : sum / values.length;
  }
}
