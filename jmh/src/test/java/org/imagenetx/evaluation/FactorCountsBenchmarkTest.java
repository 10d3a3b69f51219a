package org.imagenetx.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.FactorSet;
import org.imagenetx.state.StoreZooState;
import org.junit.jupiter.api.Test;

/** The factor-counts benchmark's total equals a plain loop over evaluated images. */
class FactorCountsBenchmarkTest {
  @Test
  void totalCorrectEqualsPlainLoop() {
    StoreZooState s = new StoreZooState();
    s.models = 4;
    s.setUp();
    FactorSet multi = s.dataset.factors(FactorSelection.MULTI);
    short[] pred = new short[50_000];
    long correct = 0;
    for (int m = 0; m < 4; m++) {
      s.store.readClasses(m, pred);
      for (int i = 0; i < pred.length; i++) {
        if (multi.evaluated().contains(i) && pred[i] == s.dataset.index().label(i)) {
          correct++;
        }
      }
    }
    assertThat(new FactorCountsBenchmark().evaluateAllModels(s))
        .isEqualTo(correct)
        .isGreaterThan(4L * 20_000);
  }
}
