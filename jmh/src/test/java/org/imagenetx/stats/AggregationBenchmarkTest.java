package org.imagenetx.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.FactorSet;
import org.imagenetx.state.SyntheticZooState;
import org.junit.jupiter.api.Test;

/** Runs the benchmark method once on its smallest state and checks the numbers it computes. */
class AggregationBenchmarkTest {
  @Test
  void fullTablesAverageEqualsPlainLoop() {
    SyntheticZooState state = new SyntheticZooState();
    state.models = 4;
    state.setUp();
    Aggregation agg = new AggregationBenchmark().fullTables(state);
    FactorTable t = agg.get(FactorSelection.TOP, ErrorType.CLASS).factors();
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
      assertThat(t.get(m, FactorTable.AVERAGE)).isEqualTo((double) correct / total);
    }
  }
}
