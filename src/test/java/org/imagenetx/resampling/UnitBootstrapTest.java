package org.imagenetx.resampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The generic bootstrap over units against its special case, the mean of fixed values. */
class UnitBootstrapTest {
  @ParameterizedTest
  @EnumSource(IntervalMethod.class)
  void aMeanStatisticGivesMeanBootstrapsInterval(IntervalMethod method) {
    double[] values = new double[37];
    SplittableRandom rng = new SplittableRandom(5);
    for (int i = 0; i < values.length; i++) {
      values[i] = rng.nextDouble() * rng.nextDouble() * 3;
    }
    ZooBootstrap.Settings s = new ZooBootstrap.Settings(500, 0.9, method, 11);
    Interval expected = MeanBootstrap.interval(values, 500, 0.9, method, 11, "k");
    Interval got =
        UnitBootstrap.interval(
            values.length,
            (units, count) -> {
              double sum = 0;
              for (int i = 0; i < count; i++) {
                sum += values[units[i]];
              }
              return sum / count;
            },
            s,
            "k");
    // the same draws in the same order: the same replicates; BCa's jackknife sums in another order
    assertThat(got.point()).isCloseTo(expected.point(), within(1e-12));
    assertThat(got.lower()).isCloseTo(expected.lower(), within(1e-9));
    assertThat(got.upper()).isCloseTo(expected.upper(), within(1e-9));
    assertThat(got.method()).isEqualTo(method);
  }
}
