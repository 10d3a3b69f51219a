package org.imagenetx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.imagenetx.testing.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15, item 7: options and positional lists that cannot mean anything are refused with one
 * line and a non-zero exit, before any data is loaded (the runs below name an annotations folder
 * that does not exist: an error about it would mean the data was reached first).
 */
class CommandLineChecksTest {
  @TempDir Path tmp;

  private String missing() {
    return tmp.resolve("no-such-annotations").toString();
  }

  private static void oneUsageLine(CliRunner.Result r, String... contains) {
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
    String first = r.err().lines().findFirst().orElse("");
    assertThat(first).startsWith("imagenetx: ").contains(contains);
    // the message and the pointer to --help, nothing else
    assertThat(r.err().lines().count()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.err()).doesNotContain("no-such-annotations").doesNotContain("Conversion");
    assertThat(r.out()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "18", "1000000", "2147483648", "four"})
  void decimalsOutsideZeroToSeventeenAreRefusedWhenParsed(String decimals) {
    oneUsageLine(
        CliRunner.run("ratios", "--annotations", missing(), "--decimals", decimals),
        "--decimals",
        decimals);
  }

  @Test
  void decimalsAtTheBoundsAreAccepted() {
    CliRunner.Result zero = CliRunner.run("ratios", "--synthetic", "--decimals", "0");
    assertThat(zero.exitCode()).as(zero.err()).isZero();
    CliRunner.Result most = CliRunner.run("ratios", "--synthetic", "--decimals", "17");
    assertThat(most.exitCode()).as(most.err()).isZero();
    assertThat(most.out()).containsPattern("\\d\\.\\d{17}\\b");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1"})
  void threadsBelowOneAreRefusedWhenParsedByEveryCommand(String threads) {
    oneUsageLine(
        CliRunner.run("ratios", "--annotations", missing(), "--threads", threads),
        "--threads",
        "at least 1");
    oneUsageLine(
        CliRunner.run("compare", "--all-pairs", "--annotations", missing(), "--threads", threads),
        "--threads",
        "at least 1");
    oneUsageLine(
        CliRunner.run(
            "synth", "--models", "2", "--out", tmp.resolve("z").toString(), "--threads", threads),
        "--threads",
        "at least 1");
    oneUsageLine(
        CliRunner.run(
            "figures", "--annotations", missing(), "--out", tmp.toString(), "--threads", threads),
        "--threads",
        "at least 1");
  }

  @Test
  void compareWithThreeModelsIsAnErrorNotEveryPairOfTheZoo() {
    oneUsageLine(
        CliRunner.run("compare", "ViT", "DINO", "SimCLR", "--annotations", missing()),
        "one model",
        "two",
        "got 3: ViT DINO SimCLR",
        "--all-pairs");
    // two names still run the pair
    CliRunner.Result pair =
        CliRunner.run(
            "compare",
            "synthetic_model_0000",
            "synthetic_model_0001",
            "--synthetic",
            "--resamples",
            "20",
            "--format",
            "csv");
    assertThat(pair.exitCode()).as(pair.err()).isZero();
  }

  @Test
  void aResultsTableWithOnlyAHeaderIsAnError() throws IOException {
    Path table = tmp.resolve("accuracies_per_factor.csv");
    Files.writeString(
        table,
        "model," + String.join(",", org.imagenetx.evaluation.FactorTable.COLUMNS) + "\n",
        java.nio.charset.StandardCharsets.UTF_8);
    CliRunner.Result r = CliRunner.run("study", "groups", "--accuracies", table.toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err().strip())
        .isEqualTo("imagenetx: error: " + table + ": header only: no model rows");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aGroupsFileWithOnlyAHeaderIsAnError() throws IOException {
    Path groups = tmp.resolve("groups.csv");
    Files.writeString(groups, "model,group\n");
    CliRunner.Result r = CliRunner.run("compare", "--groups", groups.toString(), "--synthetic");
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.BAD_INPUT);
    // after the synthetic-data banner, one error line
    assertThat(r.err().strip().lines().filter(l -> l.startsWith("imagenetx:")))
        .containsExactly("imagenetx: error: " + groups + ": header only: no model,group rows");
  }
}
