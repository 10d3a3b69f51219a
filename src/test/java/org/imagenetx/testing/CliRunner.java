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

  /**
   * {@code imagenetx aggregate} writing every table (both factor selections, the three error
   * types), as the upstream results tree has them.
   *
   * @param args the rest of the command line
   * @return exit code and everything printed
   */
  public static Result aggregateAll(String... args) {
    String[] all = new String[5 + args.length];
    System.arraycopy(
        new String[] {
          "aggregate", "--factors", "multi,top", "--error-type", "class,metaclass,real_class"
        },
        0,
        all,
        0,
        5);
    System.arraycopy(args, 0, all, 5, args.length);
    return run(all);
  }
}
