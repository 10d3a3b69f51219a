package org.imagenetx.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.imagenetx.annotations.Factor;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.io.BadInputException;
import org.imagenetx.resampling.IntervalMethod;
import org.imagenetx.resampling.ZooBootstrap;
import org.imagenetx.study.AggregatedTables;
import org.imagenetx.testing.RealData;
import org.imagenetx.zoo.ModelGroupCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real data: error ratios of the ~330 upstream imagenet_testbed models (top factors, class error)
 * grouped by {@code model_types.csv}; statistics and p-values equal scipy 1.17.1 ({@code
 * alexandergovern}, {@code f_oneway(equal_var=False)}) run on the same CSVs with Python's csv
 * module.
 */
class GroupComparisonTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "texture, 660.0116281095982, 2.1697748873101796e-140, 474.8451980254168, 3.0518014090701546e-27",
    "person_blocking, 407.9054424309437, 5.865523937151182e-86, 168.15828905206817, 8.08202741981296e-20",
    "pose, 582.1369480665363, 1.462717984003237e-123, 399.5545621398009, 4.72965795952785e-26"
  })
  void modelTypesOnUpstreamTableMatchScipy(
      String factor, double ag, double agP, double welch, double welchP) throws IOException {
    Map<String, String> types = ModelGroupCsv.read(RealData.root().resolve("model_types.csv"));
    FactorTable table =
        AggregatedTables.read(
            RealData.results()
                .resolve("val/top_factor/imagenet_testbed/class/accuracies_per_factor.csv"));
    Path csv =
        RealData.results()
            .resolve("val/top_factor/imagenet_testbed/class/accuracies_per_factor.csv");
    List<String> lines = Files.readAllLines(csv);
    List<String> header = List.of(lines.get(0).split(","));
    int col = header.indexOf(factor);
    int avg = header.indexOf("average");
    Map<String, List<Double>> byGroup = new TreeMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",");
      String g = types.get(c[0]);
      if (g != null) {
        byGroup
            .computeIfAbsent(g, k -> new ArrayList<>())
            .add((1 - Double.parseDouble(c[col])) / (1 - Double.parseDouble(c[avg])));
      }
    }
    GroupComparison r =
        GroupComparison.compute(
            table,
            types::get,
            List.copyOf(byGroup.keySet()),
            new ZooBootstrap.Settings(500, 0.95, IntervalMethod.PERCENTILE, 1),
            List.of(GroupTest.alexanderGovern(), GroupTest.welchAnova()));
    Factor f = Factor.fromColumn(factor);
    assertThat(r.test(0, f).statistic()).isCloseTo(ag, within(1e-9 * ag));
    assertThat(r.test(0, f).pValue()).isCloseTo(agP, within(1e-8 * agP));
    assertThat(r.test(1, f).statistic()).isCloseTo(welch, within(1e-9 * welch));
    assertThat(r.test(1, f).pValue()).isCloseTo(welchP, within(1e-8 * welchP));
    assertThat(r.test(0, f).numeratorDf()).isEqualTo(5.0); // 6 groups with >= 2 models
    int g = 0;
    for (Map.Entry<String, List<Double>> e : byGroup.entrySet()) {
      double mean = e.getValue().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      assertThat(r.mean(g, f).point()).as(e.getKey()).isCloseTo(mean, within(1e-12));
      assertThat(r.defined(g, f)).isEqualTo(e.getValue().size());
      assertThat(r.mean(g, f).contains(mean)).isTrue();
      g++;
    }
  }

  @Test
  void theOneGroupReaderRejectsBadRows(@TempDir Path dir) throws IOException {
    Path ok = dir.resolve("ok.csv");
    Files.writeString(ok, "model,group\nA,\"CNN, big\"\nB,ViT\n\nB,ViT\n");
    assertThat(ModelGroupCsv.read(ok)).containsEntry("A", "CNN, big").containsEntry("B", "ViT");
    assertThat(ModelGroupCsv.membersByGroup(ModelGroupCsv.read(ok)))
        .containsEntry("ViT", List.of("B"))
        .containsEntry("CNN, big", List.of("A"));
    Path dup = dir.resolve("dup.csv");
    Files.writeString(dup, "model,group\nA,x\nA,y\n");
    BadInputException e = assertThrows(BadInputException.class, () -> ModelGroupCsv.read(dup));
    assertThat(e.getMessage()).contains("dup.csv:3").contains("'A' listed as both 'x' and 'y'");
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "model,group\nA\n");
    assertThat(assertThrows(BadInputException.class, () -> ModelGroupCsv.read(bad)).getMessage())
        .contains("bad.csv:2");
    Path header = dir.resolve("header.csv");
    Files.writeString(header, "model\nA,x\n");
    assertThat(assertThrows(BadInputException.class, () -> ModelGroupCsv.read(header)).line())
        .isEqualTo(1);
    assertThat(
            assertThrows(BadInputException.class, () -> ModelGroupCsv.read(dir.resolve("no.csv")))
                .problem())
        .isEqualTo("no such file");
  }

  @Test
  void singletonGroupsAreSummarisedButNotTestedAndOrderDoesNotMoveIntervals() {
    double[][] rows = new double[5][];
    double[] er = {1, 2, 3, Double.NaN, 5};
    for (int i = 0; i < 5; i++) {
      rows[i] = new double[FactorTable.COLUMNS.size()];
      Arrays.fill(rows[i], 0.9);
      rows[i][Factor.POSE.ordinal()] = 1 - 0.1 * er[i];
    }
    FactorTable t = new FactorTable(List.of("a1", "a2", "b1", "b2", "c1"), rows);
    Map<String, String> groupOf = Map.of("a1", "a", "a2", "a", "b1", "b", "b2", "b");
    ZooBootstrap.Settings settings =
        new ZooBootstrap.Settings(100, 0.9, IntervalMethod.PERCENTILE, 3);
    List<GroupTest> tests = List.of(GroupTest.alexanderGovern(), GroupTest.welchAnova());
    GroupComparison r =
        GroupComparison.compute(t, groupOf::get, List.of("a", "b"), settings, tests);
    assertThat(r.defined(0, Factor.POSE)).isEqualTo(2);
    assertThat(r.defined(1, Factor.POSE)).isEqualTo(1);
    assertThat(r.mean(0, Factor.POSE).point()).isCloseTo(1.5, within(1e-12));
    assertThat(r.test(0, Factor.POSE).pValue()).isNaN();
    assertThat(r.test(1, Factor.POSE).pValue()).isNaN();
    // seeded by group and factor names: listing the groups the other way round moves nothing
    GroupComparison swapped =
        GroupComparison.compute(t, groupOf::get, List.of("b", "a"), settings, tests);
    for (Factor f : Factor.values()) {
      assertThat(swapped.mean(1, f)).isEqualTo(r.mean(0, f));
      assertThat(swapped.mean(0, f)).isEqualTo(r.mean(1, f));
    }
  }
}
