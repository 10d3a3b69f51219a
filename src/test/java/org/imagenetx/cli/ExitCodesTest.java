package org.imagenetx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.imagenetx.io.BadInputException;
import org.imagenetx.testing.CliRunner;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Exit codes tell the truth: 1 bad input, 2 usage, 70 a bug (trace only with --debug). */
class ExitCodesTest {
  @Command(name = "t")
  static final class Thrower implements Callable<Integer> {
    @Option(names = "--debug")
    boolean debug;

    @Option(names = "--what")
    String what = "";

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      switch (what) {
        case "bad":
          throw new BadInputException("f.csv", 3, "malformed row");
        case "usage":
          throw new CommandLine.ParameterException(spec.commandLine(), "--what is wrong");
        case "invariant":
          throw new IllegalArgumentException("broken invariant");
        default:
          throw new IllegalStateException("bug");
      }
    }
  }

  private record Run(int code, String err) {}

  private static Run run(String... args) {
    Thrower t = new Thrower();
    CommandLine cl = new CommandLine(t);
    ExitCodes.install(cl, () -> t.debug);
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, err.toString());
  }

  @Test
  void badInputIsOneOneLineExitOne() {
    Run r = run("--what", "bad");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo("imagenetx: error: f.csv:3: malformed row" + System.lineSeparator());
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run("--what", "usage").code()).isEqualTo(2);
    assertThat(run("--no-such-option").code()).isEqualTo(2);
  }

  @Test
  void brokenInvariantsAreInternalErrorsWithTheTraceOnlyOnDebug() {
    Run quiet = run("--what", "invariant");
    assertThat(quiet.code()).isEqualTo(70);
    assertThat(quiet.err().strip())
        .isEqualTo(
            "imagenetx: internal error, please report: java.lang.IllegalArgumentException: broken"
                + " invariant");
    Run debug = run("--what", "state", "--debug");
    assertThat(debug.code()).isEqualTo(70);
    assertThat(debug.err())
        .startsWith(
            "imagenetx: internal error, please report: java.lang.IllegalStateException: bug")
        .contains("\tat org.imagenetx.cli.ExitCodesTest$Thrower.call");
  }

  @Test
  void theRealCommandLineTakesDebugEverywhere() {
    CliRunner.Result r =
        CliRunner.run("ratios", "--synthetic", "--debug", "--factors", "top,multi");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--factors takes one selection here");
  }
}
