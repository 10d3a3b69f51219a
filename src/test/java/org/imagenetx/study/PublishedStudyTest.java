package org.imagenetx.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.compare.GroupComparison;
import org.imagenetx.compare.GroupTest;
import org.imagenetx.evaluation.Aggregation;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.resampling.IntervalMethod;
import org.imagenetx.resampling.ZooBootstrap;
import org.imagenetx.testing.RealData;
import org.imagenetx.zoo.Zoo;
import org.imagenetx.zoo.Zoos;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published study in all six combinations (multi/top × class/real_class/metaclass), against
 * {@code golden/published_study.csv}: values recomputed with pandas/scipy from the shipped tables
 * by {@code golden/published_study.py} (its docstring states the rules and how to regenerate).
 * Group sizes 43/83/13/70, 64 group means, 16 Alexander–Govern p-values, 48 Welch t and slopes, the
 * helped/hurt trios and the factor order of the comparison figure.
 */
class PublishedStudyTest {
  private static Aggregation base;
  private static Map<String, String> golden;

  @BeforeAll
  static void load() throws IOException {
    try (Zoo zoo = Zoos.open(RealData.baseZoo(), RealData.val().index())) {
      base =
          Aggregation.run(
              RealData.val(),
              zoo,
              List.of(FactorSelection.values()),
              List.of(ErrorType.values()),
              2,
              null);
    }
    golden = new HashMap<>();
    try (InputStream in =
        PublishedStudyTest.class.getResourceAsStream("/golden/published_study.csv")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (String line : Arrays.asList(lines).subList(1, lines.length)) {
        String[] c = line.split(",", 4);
        golden.put(c[0] + "," + c[1] + "," + c[2], c[3]);
      }
    }
  }

  static List<Object[]> combinations() {
    List<Object[]> out = new ArrayList<>();
    for (FactorSelection s : List.of(FactorSelection.TOP, FactorSelection.MULTI)) {
      for (ErrorType e : List.of(ErrorType.CLASS, ErrorType.REAL_CLASS, ErrorType.METACLASS)) {
        out.add(new Object[] {s, e});
      }
    }
    return out;
  }

  private static String g(FactorSelection s, ErrorType e, String kind, String key) {
    String v = golden.get(s.key() + "/" + e.key() + "," + kind + "," + key);
    assertThat(v).as("golden %s %s %s %s", s, e, kind, key).isNotNull();
    return v;
  }

  private static double num(FactorSelection s, ErrorType e, String kind, String key) {
    return Double.parseDouble(g(s, e, kind, key));
  }

  @ParameterizedTest
  @MethodSource("combinations")
  void groupsAsPublished(FactorSelection s, ErrorType e) {
    Study study =
        new Study(
            RealData.results(),
            s,
            e,
            new ZooBootstrap.Settings(20, 0.95, IntervalMethod.PERCENTILE, 1),
            GroupTest.alexanderGovern());
    ModelTypes types = ModelTypes.read(RealData.root().resolve("model_types.csv"));
    FactorTable baseTable = base.get(s, e).factors();
    GroupComparison c =
        study.compare(study.publishedGroups(types, baseTable), ModelTypes.STUDY_GROUPS);
    for (int k = 0; k < 4; k++) {
      String group = ModelTypes.STUDY_GROUPS.get(k);
      assertThat(c.count(k)).isEqualTo(Integer.parseInt(g(s, e, "size", group)));
      for (Factor f : Factor.values()) {
        assertThat(c.mean(k, f).point())
            .as("%s %s", group, f)
            .isCloseTo(num(s, e, "mean", group + "|" + f.column()), within(1e-12));
      }
    }
    assertThat(List.of(c.count(0), c.count(1), c.count(2), c.count(3)))
        .containsExactly(43, 83, 13, 70);
    assertThat(c.members().get(2)).contains("DINO").doesNotContain("SimCLR");
    for (Factor f : Factor.values()) {
      double p = num(s, e, "ag_p", f.column());
      assertThat(c.test(0, f).pValue()).as("AG %s", f).isCloseTo(p, within(1e-6 * p + 1e-300));
    }
    Factor[] order = Factor.values();
    Arrays.sort(order, Comparator.comparingDouble((Factor f) -> -c.pooledMean(f)));
    assertThat(String.join(" ", Arrays.stream(order).map(Factor::column).toList()))
        .isEqualTo(g(s, e, "order", "pooled_desc"));
    // the deviation adds SimCLR, and only it
    GroupComparison dev =
        study.compare(study.publishedGroups(types, baseTable, true), ModelTypes.STUDY_GROUPS);
    assertThat(dev.count(2)).isEqualTo(14);
    assertThat(dev.members().get(2)).contains("DINO", "SimCLR");
  }

  @ParameterizedTest
  @MethodSource("combinations")
  void augmentationAsPublished(FactorSelection s, ErrorType e) {
    Study study =
        new Study(
            RealData.results(),
            s,
            e,
            new ZooBootstrap.Settings(20, 0.95, IntervalMethod.PERCENTILE, 1),
            GroupTest.alexanderGovern());
    for (AugmentationSweep sweep : study.sweeps()) {
      String zoo = sweep.augmentation().key();
      assertThat(sweep.models()).noneMatch(m -> m.model().equals("human"));
      for (AugmentationSweep.Effect ef : sweep.effects()) {
        String key = zoo + "|" + ef.factor().column();
        assertThat(ef.t()).as("t %s", key).isCloseTo(num(s, e, "welch_t", key), within(1e-6));
        double p = num(s, e, "welch_p", key);
        assertThat(ef.pValue()).as("p %s", key).isCloseTo(p, within(1e-6 * p + 1e-300));
        assertThat(ef.errorRatio().slope())
            .as("slope %s", key)
            .isCloseTo(num(s, e, "slope", key), within(1e-9));
      }
      List<List<AugmentationSweep.Effect>> so = sweep.spillOver(0.05, 3);
      assertThat(names(so.get(0))).as("helped %s", zoo).isEqualTo(g(s, e, "helped", zoo));
      assertThat(names(so.get(1))).as("hurt %s", zoo).isEqualTo(g(s, e, "hurt", zoo));
    }
  }

  @org.junit.jupiter.api.Test
  void metaclassTableInTheUpstreamRowOrder() throws IOException {
    org.imagenetx.evaluation.MetaclassTable t =
        base.get(FactorSelection.TOP, ErrorType.REAL_CLASS).metaclasses();
    java.io.StringWriter w = new java.io.StringWriter();
    org.imagenetx.report.AccuracyCsv.write(t, w);
    List<String> lines = List.of(w.toString().split("\n"));
    List<String> expected = new ArrayList<>();
    List<String> sorted = new ArrayList<>(t.models());
    sorted.sort(Comparator.naturalOrder());
    assertThat(sorted).containsExactly("DINO", "ResNet50", "SimCLR", "ViT", "human");
    for (String mc : org.imagenetx.annotations.Metaclasses.NAMES) {
      for (String m : sorted) {
        expected.add(m + "," + mc);
      }
    }
    List<String> keys = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",", 3);
      keys.add(c[0] + "," + c[1]);
    }
    assertThat(keys).containsExactlyElementsOf(expected);
    assertThat(expected.get(0)).isEqualTo("DINO,device");
    assertThat(expected.get(expected.size() - 1)).isEqualTo("human,other");
  }

  private static String names(List<AugmentationSweep.Effect> es) {
    return String.join(" ", es.stream().map(x -> x.factor().column()).toList());
  }
}
