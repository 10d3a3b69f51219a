package org.imagenetx.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code imagenetx} command line. Exit codes ({@link ExitCodes}): 0 success, 1 bad input or
 * failure (one line on stderr naming file, line and cause), 2 usage error, 70 internal error (one
 * line; the stack trace with {@code --debug}).
 */
@Command(
    name = "imagenetx",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Why do image classifiers fail? Per-factor accuracies and error ratios of ImageNet-X,",
      "for one model or thousands."
    },
    subcommands = {
      AggregateCommand.class,
      RatiosCommand.class,
      CompareCommand.class,
      StudyCommand.class,
      QueryCommand.class,
      ShellCommand.class,
      ServeCommand.class,
      ZooCommand.class,
      SynthCommand.class,
      FiguresCommand.class,
      ReproduceCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** Exit code of a bad input or a failed run. */
  public static final int EXIT_FAILURE = 1;

  /** Exit code of a usage error. */
  public static final int EXIT_USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(
      names = "--debug",
      scope = CommandLine.ScopeType.INHERIT,
      description = "On an internal error, print the stack trace.")
  boolean debug;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
  }

  /**
   * @param args command line
   */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the CLI without exiting (tests call this).
   *
   * @param args command line
   * @return exit code
   */
  public static int run(String... args) {
    CommandLine cl = commandLine();
    int code = cl.execute(args);
    cl.getOut().flush();
    cl.getErr().flush();
    return code;
  }

  /**
   * @param out where standard output goes
   * @param err where errors go
   * @param args command line
   * @return exit code
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = commandLine();
    cl.setOut(out);
    cl.setErr(err);
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  static CommandLine commandLine() {
    Main main = new Main();
    CommandLine cl = new CommandLine(main);
    ExitCodes.install(cl, () -> main.debug);
    return cl;
  }

  /** Version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"imagenetx " + (v == null ? "development" : v)};
    }
  }
}
