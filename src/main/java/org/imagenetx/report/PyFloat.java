package org.imagenetx.report;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;

/**
 * Formats doubles exactly as Python's {@code repr(float)} does (and so as pandas writes them to
 * CSV): the shortest digit string that reads back to the same double (Schubfach, via Jackson's
 * port, since Java 17's {@code Double.toString} is not always shortest), in fixed notation when the
 * decimal exponent is in [-4, 16), else {@code 1.5e-07} style. This is what makes our CSVs equal to
 * the upstream ones byte for byte.
 */
public final class PyFloat {
  private PyFloat() {}

  /**
   * @param v a value
   * @return its Python repr; {@code nan}, {@code inf}, {@code -inf} for the special values
   */
  public static String repr(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == 0) {
      return (Double.doubleToRawLongBits(v) < 0) ? "-0.0" : "0.0";
    }
    String s = DoubleToDecimal.toString(v);
    boolean negative = s.charAt(0) == '-';
    if (negative) {
      s = s.substring(1);
    }
    int e = s.indexOf('E');
    String mantissa = e < 0 ? s : s.substring(0, e);
    int exp = e < 0 ? 0 : Integer.parseInt(s.substring(e + 1));
    int dot = mantissa.indexOf('.');
    String intPart = mantissa.substring(0, dot);
    String fracPart = mantissa.substring(dot + 1);
    // all significant digits and the exponent of the first one: value = 0.D × 10^(point)
    String all = intPart + fracPart;
    int point = intPart.length() + exp;
    int lead = 0;
    while (lead < all.length() - 1 && all.charAt(lead) == '0') {
      lead++;
      point--;
    }
    String digits = all.substring(lead);
    int end = digits.length();
    while (end > 1 && digits.charAt(end - 1) == '0') {
      end--;
    }
    digits = digits.substring(0, end);
    int sciExp = point - 1;
    if (digits.length() == 2) {
      // Java (and Schubfach's port) never print fewer than 2 digits and then take the closest
      // 2-digit decimal; Python prints 1 digit when one suffices. They differ only for subnormals
      // such as 5e-324 (Java 4.9E-324).
      String one = shorterToOneDigit(digits, sciExp, Math.abs(v));
      if (one != null) {
        if (one.length() == 2) {
          // carried into a new leading digit: 9.x -> 10 -> "1" with exponent + 1
          digits = "1";
          sciExp++;
          point++;
        } else {
          digits = one;
        }
      }
    }
    StringBuilder out = new StringBuilder(24);
    if (negative) {
      out.append('-');
    }
    if (sciExp >= -4 && sciExp < 16) {
      if (point <= 0) {
        out.append("0.");
        for (int i = 0; i < -point; i++) {
          out.append('0');
        }
        out.append(digits);
      } else if (point >= digits.length()) {
        out.append(digits);
        for (int i = digits.length(); i < point; i++) {
          out.append('0');
        }
        out.append(".0");
      } else {
        out.append(digits, 0, point).append('.').append(digits, point, digits.length());
      }
    } else {
      out.append(digits.charAt(0));
      if (digits.length() > 1) {
        out.append('.').append(digits, 1, digits.length());
      }
      out.append('e').append(sciExp < 0 ? '-' : '+');
      int a = Math.abs(sciExp);
      if (a < 10) {
        out.append('0');
      }
      out.append(a);
    }
    return out.toString();
  }

  private static String shorterToOneDigit(String digits, int sciExp, double abs) {
    int lead = digits.charAt(0) - '0';
    String best = null;
    java.math.BigDecimal bestDistance = null;
    for (int d = lead; d <= lead + 1; d++) {
      java.math.BigDecimal candidate = java.math.BigDecimal.valueOf(d).scaleByPowerOfTen(sciExp);
      if (candidate.doubleValue() == abs) {
        java.math.BigDecimal distance = candidate.subtract(new java.math.BigDecimal(abs)).abs();
        if (bestDistance == null || distance.compareTo(bestDistance) < 0) {
          bestDistance = distance;
          best = Integer.toString(d);
        }
      }
    }
    return best;
  }

  /**
   * @param v a value
   * @return {@link #repr(double)}, or the empty string for NaN (the pandas CSV convention)
   */
  public static String csv(double v) {
    return Double.isNaN(v) ? "" : repr(v);
  }
}
