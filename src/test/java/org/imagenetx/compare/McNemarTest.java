package org.imagenetx.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Hand-computed binomial tails and golden values from scipy 1.17.1 ({@code binomtest}, {@code
 * binom}).
 */
class McNemarTest {
  @Test
  void handComputed() {
    // b = 0, c = 5: P(X ≤ 0) = 1/32 -> p = 1/16; mid-p = 2(1/32 − 1/64) = 1/32.
    assertThat(McNemar.exactP(0, 5)).isCloseTo(0.0625, within(1e-15));
    assertThat(McNemar.midP(0, 5)).isCloseTo(0.03125, within(1e-15));
    // b = 3, c = 7: P(X ≤ 3) = (1 + 10 + 45 + 120)/1024 = 176/1024; P(X = 3) = 120/1024.
    assertThat(McNemar.exactP(3, 7)).isCloseTo(352.0 / 1024, within(1e-14));
    assertThat(McNemar.midP(7, 3)).isCloseTo(2 * (176 - 60) / 1024.0, within(1e-14));
    assertThat(McNemar.exactP(0, 0)).isEqualTo(1.0);
    assertThat(McNemar.midP(0, 0)).isEqualTo(1.0);
    assertThat(McNemar.exactP(4, 4)).isEqualTo(1.0);
    assertThat(McNemar.midP(4, 4)).isCloseTo(1.0, within(1e-14));
  }

  @Test
  void scipyGoldenValues() {
    assertThat(McNemar.exactP(400, 480)).isCloseTo(0.007707305043339153, within(1e-13));
    assertThat(McNemar.midP(480, 400)).isCloseTo(0.006999455634076815, within(1e-13));
    // zoo-scale discordant counts (the whole validation set)
    assertThat(McNemar.exactP(20000, 21000)).isCloseTo(8.058578026793151e-07, within(1e-17));
    assertThat(McNemar.midP(20000, 21000)).isCloseTo(7.859567846689182e-07, within(1e-17));
    assertThat(McNemar.midP(3000, 3001)).isCloseTo(0.989701499927987, within(1e-12));
  }

  @Test
  void symmetricAndMidPSmaller() {
    for (int b = 0; b < 40; b++) {
      for (int c = 0; c < 40; c++) {
        assertThat(McNemar.exactP(b, c)).isEqualTo(McNemar.exactP(c, b));
        assertThat(McNemar.midP(b, c)).isLessThanOrEqualTo(McNemar.exactP(b, c) + 1e-15);
        assertThat(Math.signum(McNemar.z(b, c))).isEqualTo(Math.signum(b - c));
        double[] both = new double[2];
        McNemar.test(b, c, both);
        assertThat(both[0]).isCloseTo(McNemar.exactP(b, c), within(1e-15));
        assertThat(both[1]).isCloseTo(McNemar.midP(b, c), within(1e-14));
      }
    }
  }
}
