package org.imagenetx.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.FactorSet;
import org.imagenetx.state.StoreZooState;
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

  @Test
  void fullTablesFromStoreEqualInMemoryTables() {
    SyntheticZooState mem = new SyntheticZooState();
    mem.models = 4;
    mem.setUp();
    StoreZooState store = new StoreZooState();
    store.models = 4;
    store.setUp();
    Aggregation a = new AggregationBenchmark().fullTables(mem);
    Aggregation b = new AggregationBenchmark().fullTablesFromStore(store);
    for (FactorSelection s : FactorSelection.values()) {
      for (ErrorType t : ErrorType.values()) {
        FactorTable x = a.get(s, t).factors();
        FactorTable y = b.get(s, t).factors();
        assertThat(y.models()).isEqualTo(x.models());
        for (int r = 0; r < x.size(); r++) {
          for (int c = 0; c < FactorTable.COLUMNS.size(); c++) {
            assertThat(y.get(r, c)).as("%s %s %d %d", s, t, r, c).isEqualTo(x.get(r, c));
          }
        }
      }
    }
  }
}
