package org.imagenetx.report;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigDecimal;

/**
 * Formats doubles exactly as Python's {@code repr(float)} does (and so as pandas writes them to
 * CSV): the shortest digit string that reads back to the same double (Schubfach, via Jackson's
 * port, since Java 17's {@code Double.toString} is not always shortest), in fixed notation when the
 * decimal exponent is in [-4, 16), else {@code 1.5e-07} style. This is what makes our CSVs equal to
 * the upstream ones byte for byte.
 *
 * <p>{@link #append} writes into a caller's builder without intermediate strings: table writers
 * format millions of cells, and their garbage decided the resident memory of the tables step (JFR
 * profile of the 2,200-model aggregate, issue 3).
 */
public final class PyFloat {
  private PyFloat() {}

  private static final ThreadLocal<char[]> DIGITS = ThreadLocal.withInitial(() -> new char[24]);

  /**
   * @param v a value
   * @return its Python repr; {@code nan}, {@code inf}, {@code -inf} for the special values
   */
  public static String repr(double v) {
    return append(new StringBuilder(24), v).toString();
  }

  /**
   * @param v a value
   * @return {@link #repr(double)}, or the empty string for NaN (the pandas CSV convention)
   */
  public static String csv(double v) {
    return Double.isNaN(v) ? "" : repr(v);
  }

  /**
   * Appends {@link #csv(double)}: nothing for NaN.
   *
   * @param sb destination
   * @param v a value
   * @return {@code sb}
   */
  public static StringBuilder appendCsv(StringBuilder sb, double v) {
    return Double.isNaN(v) ? sb : append(sb, v);
  }

  /**
   * Appends {@link #repr(double)}.
   *
   * @param sb destination
   * @param v a value
   * @return {@code sb}
   */
  public static StringBuilder append(StringBuilder sb, double v) {
    if (Double.isNaN(v)) {
      return sb.append("nan");
    }
    if (Double.isInfinite(v)) {
      return sb.append(v > 0 ? "inf" : "-inf");
    }
    if (v == 0) {
      return sb.append(Double.doubleToRawLongBits(v) < 0 ? "-0.0" : "0.0");
    }
    // Schubfach prints d.ddd, 0.00ddd or d.dddE±x; collect the significant digits (at most 17)
    // and the decimal exponent of the first one.
    String s = NumberOutput.toString(v, true); // Schubfach, through the exported API
    int len = s.length();
    int i = 0;
    if (s.charAt(0) == '-') {
      sb.append('-');
      i = 1;
    }
    char[] digits = DIGITS.get();
    int numDigits = 0;
    int intDigits = 0;
    boolean inFraction = false;
    int leadingFractionZeros = 0;
    int exp = 0;
    for (; i < len; i++) {
      char ch = s.charAt(i);
      if (ch == '.') {
        inFraction = true;
      } else if (ch == 'E') {
        exp = Integer.parseInt(s, i + 1, len, 10);
        break;
      } else if (numDigits == 0 && ch == '0') {
        if (inFraction) {
          leadingFractionZeros++;
        }
      } else {
        digits[numDigits++] = ch;
        if (!inFraction) {
          intDigits++;
        }
      }
    }
    while (numDigits > 1 && digits[numDigits - 1] == '0') {
      numDigits--;
    }
    // value = 0.D × 10^point
    int point = intDigits > 0 ? intDigits + exp : exp - leadingFractionZeros;
    if (numDigits == 2) {
      // Java never prints fewer than 2 digits and then takes the closest 2-digit decimal; Python
      // prints 1 digit when one suffices. They differ only for subnormals such as 5e-324.
      int one = oneDigit(digits[0] - '0', point - 1, Math.abs(v));
      if (one == 10) {
        digits[0] = '1';
        numDigits = 1;
        point++;
      } else if (one > 0) {
        digits[0] = (char) ('0' + one);
        numDigits = 1;
      }
    }
    int sciExp = point - 1;
    if (sciExp >= -4 && sciExp < 16) {
      if (point <= 0) {
        sb.append("0.");
        for (int k = 0; k < -point; k++) {
          sb.append('0');
        }
        sb.append(digits, 0, numDigits);
      } else if (point >= numDigits) {
        sb.append(digits, 0, numDigits);
        for (int k = numDigits; k < point; k++) {
          sb.append('0');
        }
        sb.append(".0");
      } else {
        sb.append(digits, 0, point).append('.').append(digits, point, numDigits - point);
      }
    } else {
      sb.append(digits[0]);
      if (numDigits > 1) {
        sb.append('.').append(digits, 1, numDigits - 1);
      }
      sb.append('e').append(sciExp < 0 ? '-' : '+');
      int a = Math.abs(sciExp);
      if (a < 10) {
        sb.append('0');
      }
      sb.append(a);
    }
    return sb;
  }

  /** The closest one-digit decimal {@code d·10^sciExp} that reads back as {@code abs}, or 0. */
  private static int oneDigit(int lead, int sciExp, double abs) {
    int best = 0;
    BigDecimal bestDistance = null;
    for (int d = lead; d <= lead + 1; d++) {
      BigDecimal candidate = BigDecimal.valueOf(d).scaleByPowerOfTen(sciExp);
      if (candidate.doubleValue() == abs) {
        BigDecimal distance = candidate.subtract(new BigDecimal(abs)).abs();
        if (bestDistance == null || distance.compareTo(bestDistance) < 0) {
          bestDistance = distance;
          best = d;
        }
      }
    }
    return best;
  }
}
