package org.imagenetx.study;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColorCodedLatexTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1.0|1.00",
        "0.5|\\cellcolor{green!30}0.50",
        "1.5|\\cellcolor{red!30}1.50",
        "0.0|\\cellcolor{green!60}0.00",
        "3.2|\\cellcolor{red!60}3.20",
        "1.004|1.00",
        "0.99|\\cellcolor{green!1}0.99",
        "NaN|''",
        "Infinity|\\cellcolor{red!60}$\\infty$",
      })
  void greenBelowOneRedAboveIntensityByDistance(double ratio, String cell) {
    assertThat(ColorCodedLatex.cell(ratio, 2)).isEqualTo(cell);
  }
}
