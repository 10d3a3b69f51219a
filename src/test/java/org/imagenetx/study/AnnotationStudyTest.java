package org.imagenetx.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hipparchus.stat.correlation.SpearmansCorrelation;
import org.imagenetx.annotations.AnnotationLoader;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.annotations.Partition;
import org.imagenetx.testing.RealData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Co-occurrence, distributions and prevalence on the real training annotations, against cells
 * computed here from the raw jsonl lines (regex per line, Hipparchus's rank-based Spearman).
 */
class AnnotationStudyTest {
  private static Dataset train;

  @BeforeAll
  static void load() {
    train =
        AnnotationLoader.load(
            RealData.annotations(),
            new AnnotationLoader.Options(
                Partition.TRAIN, EnumSet.allOf(FactorSelection.class), false, false));
  }

  /** Per raw line: 16 indicators (canonical order) then the metaclass id. */
  private static List<int[]> raw(FactorSelection s) {
    List<String> metaNames = new ArrayList<>();
    List<String> lines =
        PlainCsv.lines(
            RealData.annotations().resolve("imagenet_1k_classes_to_100_metaclasses.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",");
      metaNames.add(c[1]);
    }
    Pattern cls = Pattern.compile("\"class\":(\\d+)");
    List<int[]> out = new ArrayList<>();
    for (String line :
        PlainCsv.lines(
            RealData.annotations().resolve("imagenet_x_train_" + s.key() + "_factor.jsonl"))) {
      int[] v = new int[Factor.COUNT + 1];
      for (Factor f : Factor.values()) {
        Matcher m = Pattern.compile("\"" + f.column() + "\":([01])").matcher(line);
        assertThat(m.find()).isTrue();
        v[f.ordinal()] = Integer.parseInt(m.group(1));
      }
      Matcher m = cls.matcher(line);
      assertThat(m.find()).isTrue();
      v[Factor.COUNT] = Metaclasses.idOf(metaNames.get(Integer.parseInt(m.group(1))));
      out.add(v);
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(FactorSelection.class)
  void distributionCountsEveryRawLine(FactorSelection s) {
    List<int[]> raw = raw(s);
    FactorDistribution d = FactorDistribution.compute(train, s);
    assertThat(d.numImages()).isEqualTo(raw.size()).isEqualTo(11_233);
    int[] counts = new int[Factor.COUNT];
    int[] hist = new int[Factor.COUNT + 1];
    for (int[] v : raw) {
      int k = 0;
      for (int f = 0; f < Factor.COUNT; f++) {
        counts[f] += v[f];
        k += v[f];
      }
      hist[k]++;
    }
    assertThat(d.counts()).containsExactly(counts);
    assertThat(d.activeHistogram()).containsExactly(hist);
    assertThat(d.share(Factor.POSE)).isEqualTo((double) counts[0] / raw.size());
    if (s == FactorSelection.TOP) {
      // six training images carry no factor at all, in both files
      assertThat(hist[0]).isEqualTo(6);
      assertThat(hist[1]).isEqualTo(raw.size() - 6);
    } else {
      assertThat(d.meanActive()).isGreaterThan(1);
    }
  }

  @ParameterizedTest
  @EnumSource(FactorSelection.class)
  void spearmanCellsMatchRankCorrelationOfTheRawIndicators(FactorSelection s) {
    List<int[]> raw = raw(s);
    Cooccurrence c = Cooccurrence.compute(train, s);
    assertThat(c.numImages()).isEqualTo(raw.size());
    int dog = Metaclasses.NAMES.indexOf("dog");
    int bird = Metaclasses.NAMES.indexOf("bird");
    int[][] pairs = {
      {Factor.POSE.ordinal(), Factor.BACKGROUND.ordinal()},
      {Factor.SMALLER.ordinal(), Factor.MULTIPLE_OBJECTS.ordinal()},
      {Factor.COLOR.ordinal(), Factor.PATTERN.ordinal()},
      {Factor.POSE.ordinal(), Factor.COUNT + dog},
      {Factor.COUNT + dog, Factor.COUNT + bird},
    };
    SpearmansCorrelation spearman = new SpearmansCorrelation();
    int n = raw.size();
    for (int[] p : pairs) {
      double[] a = new double[n];
      double[] b = new double[n];
      for (int i = 0; i < n; i++) {
        a[i] = value(raw.get(i), p[0]);
        b[i] = value(raw.get(i), p[1]);
      }
      double rho = spearman.correlation(a, b);
      String what = c.variables().get(p[0]) + " x " + c.variables().get(p[1]);
      assertThat(c.rho()[p[0]][p[1]]).as(what).isCloseTo(rho, within(1e-10));
      assertThat(c.rho()[p[1]][p[0]]).as(what).isEqualTo(c.rho()[p[0]][p[1]]);
      double t = rho * Math.sqrt((n - 2) / (1 - rho * rho));
      double pv =
          2
              * new org.hipparchus.distribution.continuous.TDistribution(n - 2)
                  .cumulativeProbability(-Math.abs(t));
      assertThat(c.pValue()[p[0]][p[1]]).as(what).isCloseTo(pv, within(1e-12));
    }
    // two metaclasses never co-occur: a negative correlation
    assertThat(c.rho()[Factor.COUNT + dog][Factor.COUNT + bird]).isNegative();
    assertThat(c.rho()[0][0]).isEqualTo(1.0);
  }

  @Test
  void prevalenceShiftOfDogPoseByHand() {
    List<int[]> raw = raw(FactorSelection.TOP);
    Prevalence p = Prevalence.compute(train, FactorSelection.TOP);
    int dog = Metaclasses.NAMES.indexOf("dog");
    int dogs = 0;
    int dogPose = 0;
    int pose = 0;
    for (int[] v : raw) {
      pose += v[0];
      if (v[Factor.COUNT] == dog) {
        dogs++;
        dogPose += v[0];
      }
    }
    assertThat(p.metaclassImages()[dog]).isEqualTo(dogs);
    assertThat(p.shift(dog, Factor.POSE))
        .isCloseTo(((double) dogPose / dogs) / ((double) pose / raw.size()) - 1, within(1e-12));
  }

  private static double value(int[] v, int variable) {
    return variable < Factor.COUNT
        ? v[variable]
        : (v[Factor.COUNT] == variable - Factor.COUNT ? 1 : 0);
  }
}
