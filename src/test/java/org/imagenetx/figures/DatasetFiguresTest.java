package org.imagenetx.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.imagenetx.annotations.AnnotationLoader;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.FactorSet;
import org.imagenetx.annotations.Partition;
import org.imagenetx.study.Cooccurrence;
import org.imagenetx.testing.RealData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.IntIterator;

/** Annotation figures on the real training set, checked by plain loops over the jsonl files. */
class DatasetFiguresTest {
  private static Dataset train;

  @BeforeAll
  static void load() {
    train =
        AnnotationLoader.load(
            RealData.annotations(),
            new AnnotationLoader.Options(
                Partition.TRAIN, EnumSet.allOf(FactorSelection.class), false, false));
  }

  /** Per line of a jsonl: which factors are 1, by text search of {@code "factor": 1}. */
  private static int[][] flags(String file) throws IOException {
    List<String> lines = Files.readAllLines(RealData.annotations().resolve(file));
    int[][] out = new int[lines.size()][Factor.COUNT];
    for (int i = 0; i < lines.size(); i++) {
      for (Factor f : Factor.values()) {
        out[i][f.ordinal()] = lines.get(i).matches(".*\"" + f.column() + "\": ?1[,}].*") ? 1 : 0;
      }
    }
    return out;
  }

  @Test
  void trainingSharesAndActiveCountsEqualPlainCountsOverTheFile() throws IOException {
    int[][] multi = flags("imagenet_x_train_multi_factor.jsonl");
    int[][] top = flags("imagenet_x_train_top_factor.jsonl");
    assertThat(multi.length).isEqualTo(11_233);
    Figure f = DatasetFigures.factorDistribution(train, train);
    // rows: partition, selection, factor, images, images_with_factor, share_percent
    for (Object[] row : f.data().rows()) {
      int[][] src = "multi".equals(row[1]) ? multi : top;
      Factor factor = Factor.fromColumn((String) row[2]);
      int k = 0;
      for (int[] r : src) {
        k += r[factor.ordinal()];
      }
      assertThat(row[3]).isEqualTo(src.length);
      assertThat(row[4]).as("%s %s", row[1], row[2]).isEqualTo(k);
      assertThat((Double) row[5]).isCloseTo(100.0 * k / src.length, within(1e-12));
    }
    long[] byCount = new long[Factor.COUNT + 1];
    for (int[] r : multi) {
      int k = 0;
      for (int v : r) {
        k += v;
      }
      byCount[k]++;
    }
    assertThat(DatasetFigures.activeCounts(train.factors(FactorSelection.MULTI)))
        .containsExactly(byCount);
    for (int[] r : top) {
      assertThat(Arrays.stream(r).sum()).isLessThanOrEqualTo(1);
    }
  }

  @Test
  void activeCountsEqualPerImageMasks() {
    FactorSet fs = train.factors(FactorSelection.MULTI);
    long[] expected = new long[Factor.COUNT + 1];
    IntIterator it = fs.evaluated().getIntIterator();
    while (it.hasNext()) {
      expected[Integer.bitCount(fs.factorMask(it.next()))]++;
    }
    assertThat(DatasetFigures.activeCounts(fs)).containsExactly(expected);
    // a fact of the real release: 6 training images carry no factor at all
    assertThat(expected[0]).isEqualTo(6);
    Figure f = DatasetFigures.activeFactorCount(train, train);
    BarSpec b = (BarSpec) f.panels().get(0);
    assertThat(b.categories().get(0)).isEqualTo("0");
    double sum = 0;
    for (double v : b.series().get(0).values()) {
      sum += v;
    }
    assertThat(sum).isCloseTo(100, within(1e-9));
  }

  @Test
  void cooccurrenceIsSymmetricMasksTheDiagonalAndMatchesANaiveCorrelation() {
    Figure f = DatasetFigures.cooccurrence(Cooccurrence.compute(train, FactorSelection.MULTI));
    HeatmapSpec h = (HeatmapSpec) f.panels().get(0);
    FactorSet fs = train.factors(FactorSelection.MULTI);
    int n = fs.numEvaluated();
    double[][] x = new double[Factor.COUNT][n];
    IntIterator it = fs.evaluated().getIntIterator();
    for (int i = 0; it.hasNext(); i++) {
      int mask = fs.factorMask(it.next());
      for (int k = 0; k < Factor.COUNT; k++) {
        x[k][i] = (mask >>> k) & 1;
      }
    }
    org.hipparchus.stat.correlation.SpearmansCorrelation sp =
        new org.hipparchus.stat.correlation.SpearmansCorrelation();
    for (int a = 0; a < Factor.COUNT; a++) {
      assertThat(h.shown(a, a)).isFalse();
      for (int b = 0; b < Factor.COUNT; b++) {
        assertThat(h.values()[a][b]).isEqualTo(h.values()[b][a]);
      }
    }
    int pose = Factor.POSE.ordinal();
    int partial = Factor.PARTIAL_VIEW.ordinal();
    assertThat(h.values()[pose][partial])
        .isCloseTo(sp.correlation(x[pose], x[partial]), within(1e-12));
    assertThat(f.data().rows()).hasSize(Factor.COUNT * Factor.COUNT);
    // shown iff the Holm-adjusted p over the 120 unordered pairs is below 0.05
    Cooccurrence c = Cooccurrence.compute(train, FactorSelection.MULTI);
    double[] family = new double[120];
    for (int a = 0, k = 0; a < Factor.COUNT; a++) {
      for (int b = a + 1; b < Factor.COUNT; b++) {
        family[k++] = c.pValue()[a][b];
      }
    }
    double[] holm = org.imagenetx.compare.Multiplicity.holm(family);
    int shownUnadjusted = 0;
    for (int a = 0, k = 0; a < Factor.COUNT; a++) {
      for (int b = a + 1; b < Factor.COUNT; b++, k++) {
        assertThat(h.shown(a, b)).as("%d %d", a, b).isEqualTo(holm[k] < 0.05);
        assertThat(h.shown(b, a)).isEqualTo(holm[k] < 0.05);
        shownUnadjusted += family[k] < 0.05 ? 1 : 0;
      }
    }
    assertThat(shownUnadjusted)
        .isGreaterThanOrEqualTo((int) java.util.Arrays.stream(holm).filter(p -> p < 0.05).count());
  }

  @Test
  void factorMetaclassCorrelationMatchesANaiveCorrelationOverImages() {
    Figure f = DatasetFigures.factorMetaclass(Cooccurrence.compute(train, FactorSelection.MULTI));
    HeatmapSpec h = (HeatmapSpec) f.panels().get(0);
    FactorSet fs = train.factors(FactorSelection.MULTI);
    byte[] meta = train.index().metaclassOfImage();
    int n = fs.numEvaluated();
    double[] isDog = new double[n];
    double[] hasPose = new double[n];
    IntIterator it = fs.evaluated().getIntIterator();
    for (int i = 0; it.hasNext(); i++) {
      int img = it.next();
      isDog[i] = meta[img] == 1 ? 1 : 0;
      hasPose[i] = (fs.factorMask(img) & 1) != 0 ? 1 : 0;
    }
    assertThat(h.rows().get(1)).isEqualTo("dog");
    double expected =
        new org.hipparchus.stat.correlation.SpearmansCorrelation().correlation(isDog, hasPose);
    assertThat(h.values()[1][Factor.POSE.ordinal()]).isCloseTo(expected, within(1e-12));
    assertThat(f.data().rows()).hasSize(17 * Factor.COUNT);
  }
}
