package org.imagenetx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.query.QueryEngine;
import org.imagenetx.query.QueryParser;
import org.imagenetx.query.RealSessions;
import org.imagenetx.report.Format;
import org.imagenetx.report.QueryTables;
import org.imagenetx.testing.CliRunner;
import org.imagenetx.testing.RealData;
import org.junit.jupiter.api.Test;

/** The shell fed through JLine's dumb terminal, and the non-interactive query command. */
class ShellCommandTest {
  private static String shell(QueryEngine e, String input) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        ShellCommand.repl(e, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out);
    assertThat(code).isZero();
    return out.toString(StandardCharsets.UTF_8).replace("\r", "");
  }

  /** Issue 15: a 1 MB piped line is one error, not 3.5 GB and an OutOfMemoryError. */
  @Test
  void pipedInputCapsLinesAndEchoesEachQueryAfterThePrompt() {
    QueryEngine e = RealSessions.top();
    String input = "x".repeat(1_000_000) + "\nmodels V*\nshow \u001b[2J\nquit\nmodels\n";
    java.io.StringWriter sw = new java.io.StringWriter();
    int code =
        ShellCommand.piped(
            e,
            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
            new java.io.PrintWriter(sw));
    assertThat(code).isZero();
    String out = sw.toString();
    assertThat(out)
        .startsWith(
            "imagenetx> (line 1 skipped)\nerror: line 1 has 1000000 characters, more than 4096\n"
                + "imagenetx> models V*\n")
        .contains("ViT")
        .contains("imagenetx> show \\x1b[2J\n")
        .doesNotContain("\u001b")
        .endsWith("imagenetx> quit\n");
    assertThat(out.length()).isLessThan(10_000);
  }

  @Test
  void shellAnswersEachLineLikeTheQueryCommand() {
    QueryEngine e = RealSessions.top();
    String out = shell(e, "rank --by smaller --top 2\nshow nope\n\nshow ViT\nquit\nshow DINO\n");
    String rank =
        QueryTables.render(
            e.answer(QueryParser.parse("rank --by smaller --top 2")),
            Format.TABLE,
            QueryTables.DECIMALS,
            0);
    assertThat(out).contains(rank);
    assertThat(out).contains("error: unknown model 'nope'");
    assertThat(out).contains("ViT (class): average 0.7676 (rank 1/4)");
    // the shell stops at quit
    assertThat(out).doesNotContain("DINO (class): average");
    assertThat(out).containsPattern("\\(answered in \\d+\\.\\d ms, table in \\d+\\.\\d ms\\)");
  }

  @Test
  void shellEndsAtEndOfInput() {
    String out = shell(RealSessions.top(), "models\n");
    assertThat(out).contains("DINO").contains("4 models");
  }

  @Test
  void completionOffersCommandsOptionsModelsAndFactors() {
    QueryEngine e = RealSessions.top();
    assertThat(ShellCommand.QueryCompleter.candidates(e, List.of(""), 0))
        .contains("rank", "show", "similar", "compare", "add");
    assertThat(ShellCommand.QueryCompleter.candidates(e, List.of("rank", "--by", ""), 2))
        .contains("smaller", "object_blocking", "average", "worst_factor");
    assertThat(ShellCommand.QueryCompleter.candidates(e, List.of("show", ""), 1))
        .contains("DINO", "ResNet50", "SimCLR", "ViT");
    assertThat(ShellCommand.QueryCompleter.candidates(e, List.of("compare", "ViT", ""), 2))
        .contains("DINO");
    assertThat(ShellCommand.QueryCompleter.candidates(e, List.of("rank", "--group", ""), 2))
        .containsExactly("Self-supervised", "Supervised on ImageNet-1K");
    assertThat(ShellCommand.QueryCompleter.candidates(e, List.of("rank", "--error-type", ""), 2))
        .containsExactly("class", "metaclass", "real_class");
    assertThat(ShellCommand.QueryCompleter.candidates(e, List.of("similar", "ViT", "--by", ""), 3))
        .containsExactly("spearman", "cosine");
    assertThat(ShellCommand.QueryCompleter.candidates(e, List.of("rank", ""), 1))
        .contains("--by", "--top");
  }

  @Test
  void wideTablesAreCutToTheTerminalWidth() {
    QueryEngine e = RealSessions.top();
    String wide =
        QueryTables.render(e.show("ViT", ErrorType.CLASS), Format.TABLE, QueryTables.DECIMALS, 0);
    String fitted =
        QueryTables.render(e.show("ViT", ErrorType.CLASS), Format.TABLE, QueryTables.DECIMALS, 80);
    assertThat(wide.lines().mapToInt(String::length).max().getAsInt()).isGreaterThan(80);
    assertThat(fitted.lines().mapToInt(String::length).max().getAsInt()).isLessThanOrEqualTo(80);
    // every cell and note word is still there: same numbers, in column blocks
    for (String token : wide.split("\\s+")) {
      assertThat(fitted).contains(token);
    }
    assertThat(fitted.split("\\s+")).hasSizeGreaterThan(wide.split("\\s+").length);
  }

  @Test
  void queryCommandRunsQueriesInOrderAndRejectsBadOnesBeforeLoading() {
    String ann = RealData.annotations().toString();
    String zoo = RealData.baseZoo().toString();
    CliRunner.Result r =
        CliRunner.run(
            "query",
            "--annotations",
            ann,
            "--zoo",
            zoo,
            "--no-intervals",
            "rank --by smaller --top 2",
            "similar ViT --top 1");
    assertThat(r.exitCode()).as(r.err()).isZero();
    QueryEngine e = RealSessions.top();
    // intervals by default (bootstrap, as ratios --ci); --no-intervals gives the point estimates
    // alone
    CliRunner.Result ci =
        CliRunner.run("query", "--annotations", ann, "--zoo", zoo, "rank --by smaller --top 2");
    assertThat(ci.out())
        .contains("error_ratio_lower")
        .contains("1.4974             1.3928             1.5974");
    assertThat(r.out())
        .isEqualTo(
            QueryTables.render(
                    e.answer(QueryParser.parse("rank --by smaller --top 2")),
                    Format.TABLE,
                    QueryTables.DECIMALS,
                    0)
                + "\n"
                + QueryTables.render(
                    e.answer(QueryParser.parse("similar ViT --top 1")),
                    Format.TABLE,
                    QueryTables.DECIMALS,
                    0));
    CliRunner.Result bad =
        CliRunner.run(
            "query", "--annotations", ann, "--zoo", zoo, "rank --by smaller", "rank --by nothing");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.out()).isEmpty();
    assertThat(bad.err())
        .startsWith("imagenetx: unknown column 'nothing'")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    CliRunner.Result unknown =
        CliRunner.run("query", "--annotations", ann, "--zoo", zoo, "show nope");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).isEqualTo("imagenetx: unknown model 'nope'\n");
    CliRunner.Result json =
        CliRunner.run(
            "query",
            "--annotations",
            ann,
            "--zoo",
            zoo,
            "--format",
            "json",
            "rank --by average --top 1");
    assertThat(json.out()).contains("\"model\": \"ViT\"");
  }

  @Test
  void serveRejectsBadPortsAndBusyPortsInOneLine() throws Exception {
    CliRunner.Result bad = CliRunner.run("serve", "--synthetic", "--port", "70000");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--port must be in 0..65535, got 70000");
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CliRunner.Result r =
          CliRunner.run("serve", "--synthetic", "--port", String.valueOf(busy.getLocalPort()));
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err()).contains("imagenetx: error: cannot listen on").doesNotContain("\tat ");
    }
    CliRunner.Result many =
        CliRunner.run("query", "--synthetic", "--synthetic-models", "1", "models");
    assertThat(many.exitCode()).isEqualTo(2);
    assertThat(many.err()).contains("--synthetic-models must be at least 2");
  }
}
