package org.imagenetx.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MultiplicityTest {
  @Test
  void holmByHand() {
    // sorted 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 -> max(0.06, 0.04) = 0.06
    double[] adj = Multiplicity.holm(new double[] {0.01, 0.04, 0.03, 0.005});
    assertThat(adj).containsExactly(new double[] {0.03, 0.06, 0.06, 0.02}, within(1e-15));
  }

  @Test
  void benjaminiHochbergByHand() {
    // sorted: 4·0.005/1 = 0.02, 4·0.01/2 = 0.02, 4·0.03/3 = 0.04, 4·0.04/4 = 0.04 (running minima
    // from the top)
    double[] adj = Multiplicity.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.005});
    assertThat(adj).containsExactly(new double[] {0.02, 0.04, 0.04, 0.02}, within(1e-15));
    // step-up: a later small ratio pulls earlier ones down: 3·0.02/1 = 0.06, 3·0.03/2 = 0.045,
    // 3·0.03/3 = 0.03
    assertThat(Multiplicity.benjaminiHochberg(new double[] {0.02, 0.03, 0.03}))
        .containsExactly(new double[] {0.03, 0.03, 0.03}, within(1e-15));
  }

  @Test
  void nanIsOutsideTheFamilyAndCapsAtOne() {
    double[] holm = Multiplicity.holm(new double[] {Double.NaN, 0.6, 0.01});
    assertThat(holm[0]).isNaN();
    assertThat(holm[1]).isEqualTo(0.6);
    assertThat(holm[2]).isCloseTo(0.02, within(1e-15));
    assertThat(Multiplicity.benjaminiHochberg(new double[] {0.9, 0.8})).containsExactly(0.9, 0.9);
    assertThat(Multiplicity.holm(new double[0])).isEmpty();
  }
}
