package org.imagenetx.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.FactorSet;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.io.BadInputException;
import org.imagenetx.resampling.IntervalMethod;
import org.imagenetx.resampling.ZooBootstrap;
import org.imagenetx.synth.SyntheticImageNetX;
import org.imagenetx.synth.SyntheticZoo;
import org.imagenetx.zoo.InMemoryZoo;
import org.imagenetx.zoo.Zoo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Discordant counts against a per-image boolean loop, and the pairwise invariants. */
class PairwiseDataTest {
  private static final Dataset DATASET = SyntheticImageNetX.generate(9, 8).dataset(false);
  private static final Zoo ZOO = SyntheticZoo.generate(DATASET, 7, 9);

  /** onlyA, onlyB per slice by a plain loop over images. */
  static int[][] oracle(Dataset ds, Zoo zoo, FactorSelection sel, int a, int b) {
    FactorSet fs = ds.factors(sel);
    short[] pa = new short[zoo.numImages()];
    short[] pb = new short[zoo.numImages()];
    zoo.readClasses(a, pa);
    zoo.readClasses(b, pb);
    int[][] out = new int[2][PairwiseData.NUM_SLICES];
    for (int i = 0; i < pa.length; i++) {
      if (!fs.evaluated().contains(i)) {
        continue;
      }
      int label = ds.index().label(i);
      boolean wa = pa[i] != label;
      boolean wb = pb[i] != label;
      if (wa == wb) {
        continue;
      }
      int which = wa ? 0 : 1;
      for (Factor f : Factor.values()) {
        if (fs.factor(f).contains(i)) {
          out[which][f.ordinal()]++;
        }
      }
      out[which][PairwiseData.OVERALL]++;
      out[which][PairwiseData.OVERALL + 1 + ds.index().metaclassOfImage()[i]]++;
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(FactorSelection.class)
  void countsMatchPlainLoopAndInvariantsHold(FactorSelection sel) {
    PairwiseData data = PairwiseData.load(DATASET, ZOO, sel, ErrorType.CLASS, 2);
    ZooBootstrap.Settings settings =
        new ZooBootstrap.Settings(50, 0.95, IntervalMethod.PERCENTILE, 1);
    for (int a = 0; a < ZOO.size(); a++) {
      for (int b = 0; b < ZOO.size(); b++) {
        List<SliceComparison> rows = Comparisons.compare(data, a, b, settings);
        int[][] expected = oracle(DATASET, ZOO, sel, a, b);
        for (int s = 0; s < PairwiseData.NUM_SLICES; s++) {
          SliceComparison r = rows.get(s);
          assertThat(r.slice()).isEqualTo(PairwiseData.sliceName(s));
          assertThat(r.onlyAWrong())
              .as("%s %d vs %d %s", sel, a, b, r.slice())
              .isEqualTo(expected[0][s]);
          assertThat(r.onlyBWrong())
              .as("%s %d vs %d %s", sel, a, b, r.slice())
              .isEqualTo(expected[1][s]);
          if (a == b) {
            assertThat(r.onlyAWrong() + r.onlyBWrong()).isZero();
            assertThat(r.pExact()).isIn(1.0, Double.NaN);
          }
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(FactorSelection.class)
  void allPairsStreamsTheSameCountsForAnyThreadCount(FactorSelection sel) {
    PairwiseData data = PairwiseData.load(DATASET, ZOO, sel, ErrorType.CLASS, 1);
    List<int[]> one = new ArrayList<>();
    List<int[]> two = new ArrayList<>();
    long n1 = AllPairs.run(data, 1, (a, b, x, y) -> one.add(concat(a, b, x, y)));
    long n2 = AllPairs.run(data, 2, (a, b, x, y) -> two.add(concat(a, b, x, y)));
    int m = ZOO.size();
    assertThat(n1).isEqualTo((long) m * (m - 1) / 2).isEqualTo(n2);
    assertThat(two).containsExactlyElementsOf(one);
    for (int[] row : one) {
      int[][] expected = oracle(DATASET, ZOO, sel, row[0], row[1]);
      for (int s = 0; s < PairwiseData.FACTOR_SLICES; s++) {
        assertThat(row[2 + s]).isEqualTo(expected[0][s]);
        assertThat(row[2 + PairwiseData.FACTOR_SLICES + s]).isEqualTo(expected[1][s]);
      }
    }
    // one against all agrees with the pair table
    List<Comparisons.Versus> versus = Comparisons.oneVsAll(data, 2, PairwiseData.OVERALL);
    assertThat(versus).hasSize(m - 1);
    for (Comparisons.Versus v : versus) {
      int b = ZOO.models().indexOf(v.modelB());
      int[][] expected = oracle(DATASET, ZOO, sel, 2, b);
      assertThat(v.onlyAWrong()).isEqualTo(expected[0][PairwiseData.OVERALL]);
      assertThat(v.onlyBWrong()).isEqualTo(expected[1][PairwiseData.OVERALL]);
    }
    for (int i = 1; i < versus.size(); i++) {
      assertThat(versus.get(i).pExact()).isGreaterThanOrEqualTo(versus.get(i - 1).pExact());
    }
  }

  private static int[] concat(int a, int b, int[] x, int[] y) {
    int[] r = new int[2 + x.length + y.length];
    r[0] = a;
    r[1] = b;
    System.arraycopy(x, 0, r, 2, x.length);
    System.arraycopy(y, 0, r, 2 + x.length, y.length);
    return r;
  }

  /**
   * A model without a prediction for an evaluated image is refused, naming the first such image.
   */
  @org.junit.jupiter.api.Test
  void aMissingEvaluatedPredictionIsRefusedWithTheImage() {
    int n = DATASET.index().size();
    short[][] classes = new short[2][n];
    ZOO.readClasses(0, classes[0]);
    ZOO.readClasses(1, classes[1]);
    org.roaringbitmap.RoaringBitmap eval = DATASET.factors(FactorSelection.TOP).evaluated();
    int first = -1;
    int count = 0;
    for (int i = n - 1; i >= 0 && count < 3; i--) {
      if (eval.contains(i)) {
        classes[1][i] = -1;
        first = i;
        count++;
      }
    }
    Zoo holes = new InMemoryZoo("holes", List.of("a", "b"), classes, null, true, "test");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> PairwiseData.load(DATASET, holes, FactorSelection.TOP, ErrorType.CLASS, 1))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("model b has no prediction for " + DATASET.index().fileName(first));
  }
}
