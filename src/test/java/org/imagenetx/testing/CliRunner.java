package org.imagenetx.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.imagenetx.cli.Main;

/** Runs the CLI in-process and captures its output. */
public final class CliRunner {
  /** What a run printed and returned. */
  public record Result(int exitCode, String out, String err) {}

  private CliRunner() {}

  /**
   * @param args command line
   * @return exit code and everything printed
   */
  public static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }
}
