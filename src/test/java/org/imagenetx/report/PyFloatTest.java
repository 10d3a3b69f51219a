package org.imagenetx.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Python's repr(float), golden values taken from CPython 3.11. */
class PyFloatTest {
  @ParameterizedTest
  @CsvSource({
    "0.1, 0.1",
    "0.30000000000000004, 0.30000000000000004",
    "0.6666666666666666, 0.6666666666666666",
    "1.0, 1.0",
    "100.0, 100.0",
    "0.0001, 0.0001",
    "0.00012, 0.00012",
    "0.00001, 1e-05",
    "0.00000015, 1.5e-07",
    "1e16, 1e+16",
    "9999999999999998.0, 9999999999999998.0",
    "123456789012345678, 1.2345678901234568e+17",
    "4.9e-324, 5e-324",
    "1.7976931348623157e308, 1.7976931348623157e+308",
    "-2.5, -2.5",
    "0.7466926913901539, 0.7466926913901539",
    "2e-3, 0.002",
    "1e22, 1e+22",
    "123.456, 123.456"
  })
  void matchesCPython(double value, String python) {
    assertThat(PyFloat.repr(value)).isEqualTo(python);
  }

  @Test
  void specialValues() {
    assertThat(PyFloat.repr(0.0)).isEqualTo("0.0");
    assertThat(PyFloat.repr(-0.0)).isEqualTo("-0.0");
    assertThat(PyFloat.repr(Double.NaN)).isEqualTo("nan");
    assertThat(PyFloat.csv(Double.NaN)).isEmpty();
    assertThat(PyFloat.repr(Double.POSITIVE_INFINITY)).isEqualTo("inf");
  }

  @Test
  void roundTripsAndIsNeverLongerThanJava() {
    SplittableRandom rnd = new SplittableRandom(11);
    for (int i = 0; i < 200_000; i++) {
      double v = i % 2 == 0 ? rnd.nextDouble() : Double.longBitsToDouble(rnd.nextLong());
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        continue;
      }
      String s = PyFloat.repr(v);
      assertThat(Double.parseDouble(s)).as("%s", s).isEqualTo(v);
      assertThat(digits(s))
          .as("%s vs %s", s, Double.toString(v))
          .isLessThanOrEqualTo(digits(Double.toString(v)));
    }
  }

  private static int digits(String s) {
    String m = s.toLowerCase(Locale.ROOT).split("e")[0].replace("-", "").replace(".", "");
    m = m.replaceFirst("^0+", "");
    m = m.replaceFirst("0+$", "");
    return m.length();
  }
}
