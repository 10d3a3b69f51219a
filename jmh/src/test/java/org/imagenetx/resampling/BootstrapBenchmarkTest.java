package org.imagenetx.resampling;

import static org.assertj.core.api.Assertions.assertThat;

import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.FactorSet;
import org.imagenetx.evaluation.FactorCounts;
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
    bench.selection = FactorSelection.TOP;
    ZooBootstrap.Result r = bench.allModels(state);
    bench.selection = FactorSelection.MULTI;
    ZooBootstrap.Result multi = bench.allModels(state);
    FactorSet top = state.dataset.factors(FactorSelection.TOP);
    FactorSet multiSet = state.dataset.factors(FactorSelection.MULTI);
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
      assertThat(r.point()[m][ZooBootstrap.Result.accuracy(FactorCounts.ALL)])
          .isEqualTo((double) correct / total);
      int multiCorrect = 0;
      int multiTotal = 0;
      for (int i = 0; i < pred.length; i++) {
        if (multiSet.evaluated().contains(i)) {
          multiTotal++;
          multiCorrect += pred[i] == state.dataset.index().label(i) ? 1 : 0;
        }
      }
      assertThat(multi.point()[m][ZooBootstrap.Result.accuracy(FactorCounts.ALL)])
          .isEqualTo((double) multiCorrect / multiTotal);
      Interval overall = multi.interval(m, ZooBootstrap.Result.accuracy(FactorCounts.ALL));
      assertThat(overall.lower()).isLessThan(overall.point());
      assertThat(overall.upper()).isGreaterThan(overall.point());
      for (Factor f : Factor.values()) {
        Interval iv = r.interval(m, ZooBootstrap.Result.errorRatio(f));
        assertThat(iv.lower()).isLessThan(iv.upper());
        assertThat(iv.contains(iv.point())).isTrue();
      }
    }
  }
}
