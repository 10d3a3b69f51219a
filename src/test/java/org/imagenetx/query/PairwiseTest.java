package org.imagenetx.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.FactorSet;
import org.imagenetx.stats.ErrorType;
import org.imagenetx.testing.RealData;
import org.imagenetx.zoo.Zoo;
import org.imagenetx.zoo.Zoos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PairwiseTest {
  @Test
  void mcNemarExactMatchesHandComputedBinomialTails() {
    assertEquals(1.0, Pairwise.mcNemarExact(0, 0), 0.0);
    // b = 0, c = 5: 2 · (1/2)^5
    assertEquals(0.0625, Pairwise.mcNemarExact(0, 5), 1e-15);
    assertEquals(0.0625, Pairwise.mcNemarExact(5, 0), 1e-15);
    // b = 2, c = 7: 2 · (1 + 9 + 36) / 512 = 92/512 (scipy.stats.binomtest(2, 9).pvalue = 0.1796875)
    assertEquals(0.1796875, Pairwise.mcNemarExact(2, 7), 1e-15);
    assertEquals(1.0, Pairwise.mcNemarExact(4, 4), 0.0);
  }

  @Test
  void holmIsStepDownAndMonotone() {
    // p sorted 0.01, 0.02, 0.03, 0.5 with m = 4: 0.04, 0.06, 0.06 (monotone), 0.5
    double[] adj = Pairwise.holm(new double[] {0.03, 0.5, 0.01, 0.02});
    assertThat(adj).containsExactly(0.06, 0.5, 0.04, 0.06);
    assertThat(Pairwise.holm(new double[] {0.9, 0.8})).containsExactly(1.0, 1.0);
  }

  /** Discordant counts against a per-image loop over the raw predictions. */
  @ParameterizedTest
  @EnumSource(value = ErrorType.class, names = {"CLASS", "METACLASS", "REAL_CLASS"})
  void discordantCountsEqualAPerImageLoop(ErrorType type) {
    QueryEngine e = RealSessions.top();
    Dataset ds = RealData.val();
    Zoo zoo = Zoos.open(RealData.baseZoo(), ds.index());
    int a = zoo.models().indexOf("DINO");
    int b = zoo.models().indexOf("SimCLR");
    short[] pa = new short[ds.index().size()];
    short[] pb = new short[ds.index().size()];
    zoo.readClasses(a, pa);
    zoo.readClasses(b, pb);
    FactorSet fs = ds.factors(FactorSelection.TOP);
    int[] onlyA = new int[Factor.COUNT + 1];
    int[] onlyB = new int[Factor.COUNT + 1];
    for (int i = 0; i < pa.length; i++) {
      if (!fs.evaluated().contains(i) || pa[i] < 0 || pb[i] < 0) {
        continue;
      }
      boolean ca = correct(ds, type, i, pa[i]);
      boolean cb = correct(ds, type, i, pb[i]);
      if (ca == cb) {
        continue;
      }
      for (int f = 0; f <= Factor.COUNT; f++) {
        if (f == Factor.COUNT || fs.factor(Factor.of(f)).contains(i)) {
          if (!ca) {
            onlyA[f]++;
          } else {
            onlyB[f]++;
          }
        }
      }
    }
    Results.Comparison c = e.compare("DINO", "SimCLR", type);
    assertThat(c.rows()).hasSize(Factor.COUNT + 1);
    for (int f = 0; f <= Factor.COUNT; f++) {
      Results.ComparisonLine l = c.rows().get(f);
      assertThat(l.onlyAWrong()).as("%s column %d", type, f).isEqualTo(onlyA[f]);
      assertThat(l.onlyBWrong()).as("%s column %d", type, f).isEqualTo(onlyB[f]);
      assertEquals(Pairwise.mcNemarExact(onlyA[f], onlyB[f]), l.pValue(), 0.0);
    }
    assertThat(onlyA[Factor.COUNT]).isGreaterThan(1000);
    Results.ModelReport dino = e.show("DINO", type);
    assertEquals(dino.factors().get(4).errorRatio().point(), c.rows().get(4).errorRatioA(), 0.0);
    assertEquals(
        dino.factors().get(4).errorRatio().point() - e.show("SimCLR", type).factors().get(4).errorRatio().point(),
        c.rows().get(4).difference().point(), 0.0);
  }

  private static boolean correct(Dataset ds, ErrorType type, int i, short p) {
    short label = ds.index().labels()[i];
    switch (type) {
      case CLASS:
        return p == label;
      case METACLASS:
        return ds.metaclasses().of(p) == ds.metaclasses().of(label);
      default:
        int[] off = ds.realOffsets();
        for (int k = off[i]; k < off[i + 1]; k++) {
          if (ds.realLabels()[k] == p) {
            return true;
          }
        }
        return false;
    }
  }
}
