package org.imagenetx.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.FactorSet;
import org.imagenetx.state.PairwiseState;
import org.imagenetx.synth.SyntheticImageNetX;
import org.imagenetx.synth.SyntheticZoo;
import org.junit.jupiter.api.Test;

/** Runs the pairwise benchmarks on their smallest state and checks the counts by a plain loop. */
class PairwiseBenchmarkTest {
  @Test
  void oneVsAllAndAllPairsMatchPlainLoop() {
    PairwiseState state = new PairwiseState();
    state.models = 4;
    state.setUp();
    var dataset = SyntheticImageNetX.generate(42, 50).dataset(false);
    var zoo = SyntheticZoo.generate(dataset, 4, 42);
    FactorSet top = dataset.factors(FactorSelection.TOP);
    short[][] pred = new short[4][zoo.numImages()];
    for (int m = 0; m < 4; m++) {
      zoo.readClasses(m, pred[m]);
    }
    long checksum = 0;
    int[][] onlyFirst = new int[4][4];
    int[][] onlySecond = new int[4][4];
    for (int i = 0; i < zoo.numImages(); i++) {
      if (!top.evaluated().contains(i)) {
        continue;
      }
      int label = dataset.index().label(i);
      for (int a = 0; a < 4; a++) {
        for (int b = a + 1; b < 4; b++) {
          boolean wa = pred[a][i] != label;
          boolean wb = pred[b][i] != label;
          if (wa && !wb) {
            onlyFirst[a][b]++;
            checksum += 2; // factor slice + overall
          } else if (wb && !wa) {
            onlySecond[a][b]++;
            checksum -= 6;
          }
        }
      }
    }
    assertThat(new PairwiseBenchmark().allPairsCounts(state)).isEqualTo(checksum);
    List<Comparisons.Versus> rows = new PairwiseBenchmark().oneVsAll(state);
    assertThat(rows).hasSize(3);
    for (Comparisons.Versus v : rows) {
      int b = zoo.models().indexOf(v.modelB());
      assertThat(v.onlyAWrong()).isEqualTo(onlyFirst[0][b]);
      assertThat(v.onlyBWrong()).isEqualTo(onlySecond[0][b]);
    }
  }
}
