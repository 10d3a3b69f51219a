package org.imagenetx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A command a resident server runs prints, and exits with, what the command run in-process does.
 */
class ServedCommandTest {
  private record Run(int code, String out, String err) {}

  private static Run local(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  private static Run served(boolean tty, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.runServed(
            args,
            new PrintStream(out, false, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            tty);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void servedEqualsInProcess() {
    for (String[] args :
        new String[][] {
          {"ratios", "--factors", "multi"},
          {"ratios", "--by-metaclass", "--format", "csv"},
          {"ratios", "--bogus"},
          {"images", "pose & background", "--limit", "3"},
          {"ratios", "--zoo", "does-not-exist"},
        }) {
      Run local = local(args);
      assertThat(served(false, args)).as(String.join(" ", args)).isEqualTo(local);
      assertThat(served(true, args)).as(String.join(" ", args)).isEqualTo(local);
    }
    assertThat(local("ratios", "--bogus").code()).isEqualTo(ExitCodes.USAGE);
    assertThat(local("ratios", "--zoo", "does-not-exist").code()).isEqualTo(ExitCodes.BAD_INPUT);
  }

  @Test
  void whatAServerMayRun() {
    assertThat(org.imagenetx.daemon.DaemonClient.serves(new String[] {"ratios"})).isTrue();
    assertThat(
            org.imagenetx.daemon.DaemonClient.serves(
                new String[] {"--debug", "aggregate", "--out", "x"}))
        .isTrue();
    assertThat(org.imagenetx.daemon.DaemonClient.serves(new String[] {"shell"})).isFalse();
    assertThat(org.imagenetx.daemon.DaemonClient.serves(new String[] {"serve"})).isFalse();
    assertThat(org.imagenetx.daemon.DaemonClient.serves(new String[] {"help", "ratios"})).isFalse();
    assertThat(org.imagenetx.daemon.DaemonClient.serves(new String[0])).isFalse();
    // the client's own descriptors and devices: `<(...)`, `/dev/stdin`, `--out /dev/stdout`
    assertThat(
            org.imagenetx.daemon.DaemonClient.serves(
                new String[] {"study", "groups", "--base-table", "/dev/fd/63"}))
        .isFalse();
    assertThat(
            org.imagenetx.daemon.DaemonClient.serves(new String[] {"ratios", "--zoo=/dev/stdin"}))
        .isFalse();
    assertThat(
            org.imagenetx.daemon.DaemonClient.serves(
                new String[] {"ratios", "--out", "/proc/self/fd/1"}))
        .isFalse();
  }

  @Test
  void theClientsTerminalHoldsForItsCommandOnly() {
    boolean own = System.console() != null;
    Tty.serve(!own);
    assertThat(Tty.attached()).isEqualTo(!own);
    Tty.serve(null);
    assertThat(Tty.attached()).isEqualTo(own);
    served(!own, "ratios");
    assertThat(Tty.attached()).isEqualTo(own);
  }
}
