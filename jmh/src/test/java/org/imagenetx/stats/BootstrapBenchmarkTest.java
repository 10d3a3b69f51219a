package org.imagenetx.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.FactorSet;
import org.imagenetx.state.SyntheticZooState;
import org.junit.jupiter.api.Test;

/** Runs the bootstrap benchmark on the smallest state; checks points by a plain loop and bounds. */
class BootstrapBenchmarkTest {
  @Test
  void pointsAreAccuraciesAndIntervalsBracketThem() {
    SyntheticZooState state = new SyntheticZooState();
    state.models = 4;
    state.setUp();
    BootstrapBenchmark bench = new BootstrapBenchmark();
    bench.method = IntervalMethod.BCA;
    ZooBootstrap.Result r = bench.allModels(state);
    FactorSet top = state.dataset.factors(FactorSelection.TOP);
    short[] pred = new short[state.zoo.numImages()];
    for (int m = 0; m < 4; m++) {
      state.zoo.readClasses(m, pred);
      int correct = 0;
      int total = 0;
      for (int i = 0; i < pred.length; i++) {
        if (top.evaluated().contains(i)) {
          total++;
          correct += pred[i] == state.dataset.index().label(i) ? 1 : 0;
        }
      }
      assertThat(r.point()[m][ZooBootstrap.Result.accuracy(FactorCounts.ALL)]).isEqualTo((double) correct / total);
      for (Factor f : Factor.values()) {
        Interval iv = r.interval(m, ZooBootstrap.Result.errorRatio(f));
        assertThat(iv.lower()).isLessThan(iv.upper());
        assertThat(iv.contains(iv.point())).isTrue();
      }
    }
  }
}
