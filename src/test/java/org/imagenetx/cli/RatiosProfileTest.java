package org.imagenetx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.imagenetx.annotations.Factor;
import org.imagenetx.testing.CliRunner;
import org.junit.jupiter.api.Test;

/**
 * {@code ratios --largest-ratio --contrast}: points equal a plain loop over the same row, intervals
 * from the joint bootstrap bracket them, and the options fail as one line where they do not apply.
 */
class RatiosProfileTest {
  private static List<String[]> csv(CliRunner.Result r) {
    assertThat(r.exitCode()).as(r.err()).isZero();
    return r.out().lines().map(l -> l.split(",", -1)).toList();
  }

  @Test
  void pointsAreTheLargestRatioAndTheDifferenceOfTheRowsRatios() {
    List<String[]> rows =
        csv(
            CliRunner.run(
                "ratios",
                "--format",
                "csv",
                "--largest-ratio",
                "--contrast",
                "pose-background",
                "--contrast",
                "texture-shape"));
    List<String> header = Arrays.asList(rows.get(0));
    assertThat(header.subList(17, header.size()))
        .containsExactly("largest_ratio", "pose-background", "texture-shape");
    assertThat(rows).hasSize(5);
    for (String[] row : rows.subList(1, rows.size())) {
      double max = Double.NEGATIVE_INFINITY;
      for (int f = 0; f < Factor.COUNT; f++) {
        max = Math.max(max, Double.parseDouble(row[1 + f]));
      }
      assertThat(Double.parseDouble(row[17])).as(row[0]).isEqualTo(max);
      assertThat(Double.parseDouble(row[18]))
          .isEqualTo(
              Double.parseDouble(row[header.indexOf("pose")])
                  - Double.parseDouble(row[header.indexOf("background")]));
      assertThat(Double.parseDouble(row[19]))
          .isEqualTo(
              Double.parseDouble(row[header.indexOf("texture")])
                  - Double.parseDouble(row[header.indexOf("shape")]));
    }
    // the release's DINO: texture is its largest ratio (2.1503), pose helps it (0.7262)
    assertThat(rows.get(1)[0]).isEqualTo("DINO");
    assertThat(Double.parseDouble(rows.get(1)[17])).isEqualTo(2.150316425982611);
  }

  @Test
  void intervalsComeFromOneJointBootstrapInBothSelections() {
    for (String selection : List.of("top", "multi")) {
      List<String[]> rows =
          csv(
              CliRunner.run(
                  "ratios",
                  "--factors",
                  selection,
                  "--format",
                  "csv",
                  "--ci",
                  "--resamples",
                  "200",
                  "--largest-ratio",
                  "--contrast",
                  "pose-background"));
      List<String> header = Arrays.asList(rows.get(0));
      int at = header.indexOf("largest_ratio");
      assertThat(header.subList(at, header.size()))
          .containsExactly(
              "largest_ratio",
              "largest_ratio_lower",
              "largest_ratio_upper",
              "pose-background",
              "pose-background_lower",
              "pose-background_upper");
      for (String[] row : rows.subList(1, rows.size())) {
        for (int k : new int[] {at, at + 3}) {
          double p = Double.parseDouble(row[k]);
          assertThat(Double.parseDouble(row[k + 1])).as("%s %s", selection, row[0]).isLessThan(p);
          assertThat(Double.parseDouble(row[k + 2]))
              .as("%s %s", selection, row[0])
              .isGreaterThan(p);
        }
        // pose helps every base model relative to background, in both selections
        assertThat(Double.parseDouble(row[at + 5])).as(row[0]).isNegative();
      }
    }
  }

  @Test
  void wrongContrastsAndTheMetaclassTableAreUsageErrors() {
    CliRunner.Result bad = CliRunner.run("ratios", "--contrast", "pose");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("contrast 'pose' is not <factor>-<factor>");
    CliRunner.Result same = CliRunner.run("ratios", "--contrast", "pose-pose");
    assertThat(same.exitCode()).isEqualTo(2);
    assertThat(same.err()).contains("compares pose with itself");
    CliRunner.Result twice =
        CliRunner.run("ratios", "--contrast", "pose-background", "--contrast", "pose-background");
    assertThat(twice.exitCode()).isEqualTo(2);
    assertThat(twice.err()).contains("--contrast pose-background is given twice");
    CliRunner.Result meta =
        CliRunner.run("ratios", "--by-metaclass", "--contrast", "pose-background");
    assertThat(meta.exitCode()).isEqualTo(2);
    assertThat(meta.err()).contains("--contrast does not combine with --by-metaclass");
  }

  @Test
  void rankingByTheWorstFactorHasJointIntervalsForBothMetrics() {
    CliRunner.Result r =
        CliRunner.run(
            "query",
            "--format",
            "csv",
            "rank --by worst_factor",
            "rank --by worst_factor --metric error_ratio");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String[]> lines =
        r.out().lines().filter(l -> l.matches("\\d,.*")).map(l -> l.split(",")).toList();
    assertThat(lines).hasSize(8);
    for (String[] l : lines) {
      double p = Double.parseDouble(l[2]);
      assertThat(Double.parseDouble(l[3])).as(String.join(",", l)).isLessThanOrEqualTo(p);
      assertThat(Double.parseDouble(l[4])).as(String.join(",", l)).isGreaterThanOrEqualTo(p);
      assertThat(Double.parseDouble(l[4]) - Double.parseDouble(l[3])).isPositive();
    }
  }
}
