package org.imagenetx.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.compare.GroupComparison;
import org.imagenetx.compare.GroupTest;
import org.imagenetx.compare.GroupTestResult;
import org.imagenetx.compare.GroupTests;
import org.imagenetx.evaluation.Aggregation;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.io.BadInputException;
import org.imagenetx.resampling.Interval;
import org.imagenetx.resampling.IntervalMethod;
import org.imagenetx.resampling.ZooBootstrap;
import org.imagenetx.testing.RealData;
import org.imagenetx.zoo.Zoo;
import org.imagenetx.zoo.Zoos;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The study's model-type comparison on the real tables, recomputed with plain loops over the CSVs.
 */
class GroupComparisonTest {
  private static FactorTable base;

  @BeforeAll
  static void baseModels() {
    try (Zoo zoo = Zoos.open(RealData.baseZoo(), RealData.val().index())) {
      base =
          Aggregation.run(
                  RealData.val(),
                  zoo,
                  List.of(FactorSelection.TOP),
                  List.of(ErrorType.CLASS),
                  2,
                  null)
              .get(FactorSelection.TOP, ErrorType.CLASS)
              .factors();
    }
  }

  @Test
  void fourPublishedGroupsWithTheirCountsAndMeansFromPlainLoops() {
    Study study =
        new Study(
            RealData.results(),
            FactorSelection.TOP,
            ErrorType.CLASS,
            new ZooBootstrap.Settings(200, 0.95, IntervalMethod.PERCENTILE, 7),
            GroupTest.alexanderGovern());
    ModelTypes types = ModelTypes.read(RealData.root().resolve("model_types.csv"));
    GroupComparison c = study.compare(study.publishedGroups(types, base), ModelTypes.STUDY_GROUPS);

    // independent: plain reading of model_types.csv and the two zoo CSVs
    Map<String, String> type = new LinkedHashMap<>(Map.of("DINO", "Self-supervised"));
    type.putAll(PlainCsv.types(RealData.root().resolve("model_types.csv")));
    List<String> groups =
        List.of(
            "Supervised on more data",
            "Supervised on ImageNet-1K",
            "Self-supervised",
            "Robustness intervention");
    Map<String, double[]> rows = new LinkedHashMap<>();
    for (var e : PlainCsv.accuracies(AggregatedTablesTest.path("imagenet_testbed")).entrySet()) {
      if (groups.contains(type.get(e.getKey()))) {
        rows.put(e.getKey(), e.getValue());
      }
    }
    for (var e : PlainCsv.accuracies(AggregatedTablesTest.path("modelvshuman")).entrySet()) {
      if ("Self-supervised".equals(type.get(e.getKey()))) {
        rows.putIfAbsent(e.getKey(), e.getValue());
      }
    }
    // the study adds the base DINO only (its self-supervised list does not name SimCLR)
    for (String m : List.of("DINO")) {
      int r = base.rowOf(m);
      double[] v = new double[FactorTable.COLUMNS.size()];
      for (int k = 0; k < v.length; k++) {
        v[k] = base.get(r, k);
      }
      rows.put(m, v);
    }
    int[] count = new int[4];
    double[][] sum = new double[4][Factor.COUNT];
    for (var e : rows.entrySet()) {
      int g = groups.indexOf(type.get(e.getKey()));
      count[g]++;
      for (int f = 0; f < Factor.COUNT; f++) {
        sum[g][f] += PlainCsv.errorRatio(e.getValue(), f);
      }
    }
    assertThat(count).containsExactly(43, 83, 13, 70);
    assertThat(c.groups()).containsExactlyElementsOf(groups);
    for (int g = 0; g < 4; g++) {
      assertThat(c.count(g)).isEqualTo(count[g]);
      for (int f = 0; f < Factor.COUNT; f++) {
        Interval m = c.mean(g, Factor.of(f));
        assertThat(m.point())
            .as("%s %s", groups.get(g), Factor.of(f))
            .isCloseTo(sum[g][f] / count[g], within(1e-12));
        assertThat(m.contains(m.point())).isTrue();
      }
    }
    assertThat(c.members().get(2))
        .contains("DINO", "PIRL", "MoCo")
        .doesNotContain("SimCLR", "ResNet50", "ViT");
    // the study's finding: self-supervised models are less hurt by subcategory and style
    int ss = 2;
    int sup = 1;
    assertThat(c.mean(ss, Factor.SUBCATEGORY).point())
        .isLessThan(c.mean(sup, Factor.SUBCATEGORY).point());
    assertThat(c.test(0, Factor.SUBCATEGORY).pValue()).isBetween(0.0, 1.0);
  }

  @Test
  void handMadeGroupsMeansIntervalsAndThePluggedTest() {
    double[][] rows = new double[5][];
    double[] er = {1.0, 2.0, 3.0, 0.5, 0.5};
    for (int i = 0; i < 5; i++) {
      rows[i] = new double[FactorTable.COLUMNS.size()];
      Arrays.fill(rows[i], 0.9);
      rows[i][FactorTable.AVERAGE] = 0.9;
      rows[i][Factor.POSE.ordinal()] = 1 - 0.1 * er[i];
    }
    rows[4][Factor.COLOR.ordinal()] = Double.NaN;
    FactorTable t = new FactorTable(List.of("a1", "a2", "a3", "b1", "b2"), rows);
    List<double[][]> seen = new ArrayList<>();
    GroupTest spy =
        g -> {
          seen.add(g);
          return new GroupTestResult("spy", 1, 2, 3, 0.5);
        };
    ZooBootstrap.Settings settings =
        new ZooBootstrap.Settings(500, 0.9, IntervalMethod.PERCENTILE, 11);
    GroupComparison c =
        GroupComparison.compute(
            t,
            m -> m.startsWith("a") ? "A" : m.startsWith("b") ? "B" : null,
            List.of("A", "B", "C"),
            settings,
            List.of(spy));
    assertThat(c.count(0)).isEqualTo(3);
    assertThat(c.count(1)).isEqualTo(2);
    assertThat(c.count(2)).isZero();
    assertThat(c.mean(0, Factor.POSE).point()).isCloseTo(2.0, within(1e-12));
    assertThat(c.mean(1, Factor.POSE).point()).isCloseTo(0.5, within(1e-12));
    assertThat(c.mean(1, Factor.POSE).lower()).isCloseTo(0.5, within(1e-12));
    assertThat(c.mean(1, Factor.POSE).upper()).isCloseTo(0.5, within(1e-12));
    assertThat(c.mean(0, Factor.POSE).lower()).isBetween(1.0, 2.0);
    assertThat(c.mean(0, Factor.POSE).upper()).isBetween(2.0, 3.0);
    assertThat(c.mean(2, Factor.POSE).point()).isNaN();
    // the NaN colour ratio of b2 is left out of mean and test
    assertThat(c.mean(1, Factor.COLOR).point()).isCloseTo(1.0, within(1e-12));
    assertThat(seen).hasSize(Factor.COUNT);
    assertThat(seen.get(Factor.COLOR.ordinal())[1]).hasSize(1);
    assertThat(seen.get(0)[0]).containsExactly(new double[] {1.0, 2.0, 3.0}, within(1e-12));
    assertThat(c.test(0, Factor.POSE).method()).isEqualTo("spy");
    // determinism: same seed, same interval, in whatever order the groups are listed
    GroupComparison again =
        GroupComparison.compute(
            t, m -> m.startsWith("a") ? "A" : "B", List.of("B", "A"), settings, List.of(spy));
    assertThat(again.mean(1, Factor.POSE)).isEqualTo(c.mean(0, Factor.POSE));
  }

  @Test
  void pluggedTestsDropGroupsTooSmallToTestAndDelegateToTheCompareTests() {
    double[][] kept = {{1, 2, 3}, {4, 5, 7}};
    var ag = GroupTest.alexanderGovern().test(new double[][] {{1, 2, 3}, {4, 5, 7}, {7}, {}});
    var direct = GroupTests.alexanderGovern(kept);
    assertThat(ag.method()).isEqualTo("Alexander-Govern");
    assertThat(ag.statistic()).isEqualTo(direct.statistic());
    assertThat(ag.pValue()).isEqualTo(direct.pValue()).isBetween(0.0, 0.05);
    var welch = GroupTest.parse("welch").test(new double[][] {{1, 2, 3}, {4, 5, 7}, {7}});
    assertThat(welch.statistic()).isEqualTo(GroupTests.welchAnova(kept).statistic());
    assertThat(GroupTest.alexanderGovern().test(new double[][] {{1, 2}, {3}}).pValue()).isNaN();
  }

  @Test
  void architectureFamiliesByRuleAndOverride() {
    assertThat(ArchitectureFamily.ofName("vit_base_patch16_224"))
        .isEqualTo(ArchitectureFamily.TRANSFORMER);
    assertThat(ArchitectureFamily.ofName("resnet50")).isEqualTo(ArchitectureFamily.CNN);
    assertThat(ArchitectureFamily.ofName("BiT-M-R50x1-ILSVRC2012"))
        .isEqualTo(ArchitectureFamily.CNN);
    assertThat(ArchitectureFamily.ofName("efficientnet-b0")).isEqualTo(ArchitectureFamily.CNN);
    assertThat(ArchitectureFamily.ofName("identity32_random_forests"))
        .isEqualTo(ArchitectureFamily.OTHER);
    assertThat(ArchitectureFamily.ofName("ViT")).isEqualTo(ArchitectureFamily.TRANSFORMER);
    assertThat(ArchitectureFamily.ofName("DINO")).isEqualTo(ArchitectureFamily.TRANSFORMER);
    assertThat(ArchitectureFamily.ofName("SimCLR")).isEqualTo(ArchitectureFamily.CNN);
    assertThat(ArchitectureFamily.of("DINO", Map.of("DINO", ArchitectureFamily.CNN)))
        .isEqualTo(ArchitectureFamily.CNN);
    // every real testbed / model-vs-human model is classified, none silently "other" but the
    // non-neural ones
    for (String zoo : List.of("imagenet_testbed", "modelvshuman")) {
      for (String m : AggregatedTables.read(AggregatedTablesTest.path(zoo)).models()) {
        if (ArchitectureFamily.ofName(m) == ArchitectureFamily.OTHER) {
          assertThat(m).startsWith("identity32_");
        }
      }
    }
  }

  @Test
  void familyOverrideFileErrorsNameTheLine(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path f = dir.resolve("fam.csv");
    Files.writeString(f, "model,family\nDINO,cnn\nfoo,mlp\n");
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            BadInputException.class, () -> ArchitectureFamily.readOverrides(f));
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.problem()).contains("mlp");
    Files.writeString(f, "model,family\nDINO,cnn\n");
    assertThat(ArchitectureFamily.readOverrides(f)).containsEntry("DINO", ArchitectureFamily.CNN);
  }
}
