package org.imagenetx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.imagenetx.testing.CliRunner;
import org.junit.jupiter.api.Test;

/** The compare command and ratios --ci on the generated synthetic data (4 models). */
class CompareCommandTest {
  static CliRunner.Result run(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = "--synthetic";
    return CliRunner.run(all);
  }

  @Test
  void pairTableInEveryFormat() {
    CliRunner.Result csv =
        run(
            "compare",
            "synthetic_model_0000",
            "synthetic_model_0001",
            "--resamples",
            "100",
            "--format",
            "csv");
    assertThat(csv.exitCode()).as(csv.err()).isZero();
    String[] lines = csv.out().split("\n");
    assertThat(lines[0])
        .startsWith(
            "slice,images,error_a,error_b,only_a_wrong,only_b_wrong,p_exact,p_mid,p_holm,p_bh");
    assertThat(lines).hasSize(1 + 34);
    assertThat(lines[1]).startsWith("pose,");
    assertThat(lines[17]).startsWith("overall,");
    for (String f : new String[] {"table", "markdown", "json", "latex"}) {
      CliRunner.Result r =
          run(
              "compare",
              "synthetic_model_0000",
              "synthetic_model_0001",
              "--resamples",
              "50",
              "--format",
              f);
      assertThat(r.exitCode()).as(f + r.err()).isZero();
      assertThat(r.out()).contains("metaclass:dog");
    }
    // Order of A and B: differences change sign, counts swap.
    CliRunner.Result swapped =
        run(
            "compare",
            "synthetic_model_0001",
            "synthetic_model_0000",
            "--resamples",
            "100",
            "--format",
            "csv");
    String[] a = lines[1].split(",");
    String[] b = swapped.out().split("\n")[1].split(",");
    assertThat(b[4]).isEqualTo(a[5]);
    assertThat(b[5]).isEqualTo(a[4]);
    assertThat(Double.parseDouble(b[10])).isEqualTo(-Double.parseDouble(a[10]));
    assertThat(run("compare", "synthetic_model_0001", "synthetic_model_0001").exitCode())
        .isEqualTo(2);
    // Same seed, same output; the interval columns are present and ordered.
    CliRunner.Result again =
        run(
            "compare",
            "synthetic_model_0000",
            "synthetic_model_0001",
            "--resamples",
            "100",
            "--format",
            "csv");
    assertThat(again.out()).isEqualTo(csv.out());
  }

  @Test
  void oneVersusAllAndAllPairs() {
    CliRunner.Result one =
        run("compare", "synthetic_model_0002", "--format", "csv", "--factor", "pose");
    assertThat(one.exitCode()).as(one.err()).isZero();
    assertThat(one.out().split("\n")).hasSize(1 + 3);
    CliRunner.Result all = run("compare", "--all-pairs", "--top", "2", "--format", "csv");
    assertThat(all.exitCode()).as(all.err()).isZero();
    assertThat(all.out().split("\n")).hasSize(1 + 2);
    CliRunner.Result stream = run("compare", "--all-pairs", "--top", "0", "--format", "csv");
    assertThat(stream.exitCode()).as(stream.err()).isZero();
    assertThat(stream.out().split("\n")).hasSize(1 + 6);
    assertThat(stream.out().split("\n")[1])
        .startsWith("synthetic_model_0000,synthetic_model_0001,");
  }

  @Test
  void badInputAndUsage() {
    CliRunner.Result unknown = run("compare", "nope", "synthetic_model_0001");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("no model named 'nope'");
    assertThat(run("compare").exitCode()).isEqualTo(2);
    assertThat(run("compare", "--all-pairs", "--top", "0").exitCode()).isEqualTo(2);
    assertThat(run("compare", "synthetic_model_0000", "--resamples", "0").exitCode()).isEqualTo(2);
    assertThat(
            run("compare", "synthetic_model_0000", "synthetic_model_0001", "--interval", "wild")
                .exitCode())
        .isEqualTo(2);
  }

  @Test
  void groups(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Path csv = dir.resolve("groups.csv");
    Files.writeString(
        csv,
        "model,group\nsynthetic_model_0000,x\nsynthetic_model_0001,x\n"
            + "synthetic_model_0002,y\nsynthetic_model_0003,y\n");
    CliRunner.Result r =
        run(
            "compare",
            "--groups",
            csv.toString(),
            "--factor",
            "pose",
            "--format",
            "csv",
            "--resamples",
            "50");
    assertThat(r.exitCode()).as(r.err()).isZero();
    String[] lines = r.out().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0])
        .isEqualTo(
            "factor,group,models,mean_er,mean_er_lower,mean_er_upper,ag_statistic,ag_df,ag_p,"
                + "welch_f,welch_df1,welch_df2,welch_p");
    assertThat(lines[1]).startsWith("pose,x,2,");
  }

  @Test
  void ratiosWithIntervals() {
    CliRunner.Result r =
        run("ratios", "--ci", "--resamples", "100", "--interval", "bca", "--format", "csv");
    assertThat(r.exitCode()).as(r.err()).isZero();
    String[] lines = r.out().split("\n");
    assertThat(lines[0]).startsWith("model,pose,pose_lower,pose_upper,background,");
    assertThat(lines).hasSize(5);
    String[] cells = lines[1].split(",");
    double point = Double.parseDouble(cells[1]);
    assertThat(Double.parseDouble(cells[2])).isLessThanOrEqualTo(point);
    assertThat(Double.parseDouble(cells[3])).isGreaterThanOrEqualTo(point);
    CliRunner.Result plain = run("ratios", "--format", "csv");
    assertThat(plain.out().split("\n")[0]).startsWith("model,pose,background,");
  }
}
