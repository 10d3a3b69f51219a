package org.imagenetx.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.imagenetx.io.BadInputException;
import org.imagenetx.testing.RealData;
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
    Map<String, String> types =
        GroupComparison.readGroups(RealData.root().resolve("model_types.csv"));
    Path table =
        RealData.results()
            .resolve("val/top_factor/imagenet_testbed/class/accuracies_per_factor.csv");
    List<String> lines = Files.readAllLines(table);
    List<String> header = List.of(lines.get(0).split(","));
    int col = header.indexOf(factor);
    int avg = header.indexOf("average");
    List<Double> values = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",");
      values.add((1 - Double.parseDouble(c[col])) / (1 - Double.parseDouble(c[avg])));
      groups.add(types.get(c[0]));
    }
    GroupComparison.Result r =
        GroupComparison.compare(
            values.stream().mapToDouble(Double::doubleValue).toArray(),
            groups.toArray(new String[0]),
            500,
            0.95,
            1,
            factor);
    assertThat(r.alexanderGovern().statistic()).isCloseTo(ag, within(1e-9 * ag));
    assertThat(r.alexanderGovern().pValue()).isCloseTo(agP, within(1e-8 * agP));
    assertThat(r.welch().statistic()).isCloseTo(welch, within(1e-9 * welch));
    assertThat(r.welch().pValue()).isCloseTo(welchP, within(1e-8 * welchP));
    assertThat(r.alexanderGovern().numeratorDf()).isEqualTo(5.0); // 6 groups with >= 2 models
    for (GroupComparison.GroupMean g : r.groups()) {
      assertThat(g.mean().lower()).isLessThanOrEqualTo(g.mean().point());
      assertThat(g.mean().upper()).isGreaterThanOrEqualTo(g.mean().point());
    }
  }

  @Test
  void readGroupsRejectsBadRows(@TempDir Path dir) throws IOException {
    Path ok = dir.resolve("ok.csv");
    Files.writeString(ok, "model,group\nA,\"CNN, big\"\nB,ViT\n");
    assertThat(GroupComparison.readGroups(ok))
        .containsEntry("A", "CNN, big")
        .containsEntry("B", "ViT");
    Path dup = dir.resolve("dup.csv");
    Files.writeString(dup, "model,group\nA,x\nA,y\n");
    BadInputException e =
        assertThrows(BadInputException.class, () -> GroupComparison.readGroups(dup));
    assertThat(e.getMessage()).contains("dup.csv:3").contains("duplicate model 'A'");
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "model,group\nA\n");
    assertThat(
            assertThrows(BadInputException.class, () -> GroupComparison.readGroups(bad))
                .getMessage())
        .contains("bad.csv:2");
  }

  @Test
  void singletonGroupsAreSummarisedButNotTested() {
    GroupComparison.Result r =
        GroupComparison.compare(
            new double[] {1, 2, 3, Double.NaN, 5},
            new String[] {"a", "a", "b", "b", null},
            100,
            0.9,
            3,
            "f");
    assertThat(r.groups()).extracting(GroupComparison.GroupMean::models).containsExactly(2, 1);
    assertThat(r.groups().get(0).mean().point()).isEqualTo(1.5);
    assertThat(r.alexanderGovern()).isNull();
    assertThat(r.welch()).isNull();
  }
}
