package org.imagenetx.bits;

import static org.assertj.core.api.Assertions.assertThat;

import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.state.StoreZooState;
import org.junit.jupiter.api.Test;

/** Each correctness benchmark equals a plain loop over the evaluated images of the 4 models. */
class CorrectnessBenchmarkTest {
  @Test
  void countsEqualPlainLoops() {
    StoreZooState s = new StoreZooState();
    s.models = 4;
    s.setUp();
    Dataset ds = s.dataset;
    org.roaringbitmap.RoaringBitmap evaluated = ds.factors(FactorSelection.MULTI).evaluated();
    short[] pred = new short[50_000];
    long cls = 0;
    long meta = 0;
    long real = 0;
    long sum = 0;
    for (int m = 0; m < 4; m++) {
      s.store.readClasses(m, pred);
      sum += pred[m];
      for (int i = 0; i < pred.length; i++) {
        if (!evaluated.contains(i)) {
          continue;
        }
        int label = ds.index().label(i);
        cls += pred[i] == label ? 1 : 0;
        meta += ds.metaclasses().of(pred[i]) == ds.metaclasses().of(label) ? 1 : 0;
        for (int k = ds.realOffsets()[i]; k < ds.realOffsets()[i + 1]; k++) {
          if (ds.realLabels()[k] == pred[i]) {
            real++;
            break;
          }
        }
      }
    }
    CorrectnessBenchmark b = new CorrectnessBenchmark();
    CorrectnessBenchmark.Inputs in = new CorrectnessBenchmark.Inputs();
    in.setUp(s);
    assertThat(b.classCorrect(s, in)).isEqualTo(cls).isBetween(4L * 20_000, 4L * 42_000);
    assertThat(b.metaclassCorrect(s, in)).isEqualTo(meta).isGreaterThan(cls);
    assertThat(b.realCorrect(s, in)).isEqualTo(real);
    assertThat(b.readClasses(s)).isEqualTo(sum);
  }
}
