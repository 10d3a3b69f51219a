package org.imagenetx.cli;

import java.io.PrintWriter;
import java.util.List;
import org.imagenetx.daemon.DaemonClient;
import org.imagenetx.daemon.DaemonKey;
import org.imagenetx.daemon.DaemonServer;
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
      // one string per paragraph: picocli wraps it; a line break in the source would start a new
      // line in the help, mid-sentence
      "Why do image classifiers fail? Per-factor accuracies and error ratios of ImageNet-X, for"
          + " one model or thousands."
    },
    footer = {
      "",
      "Default data: the ImageNet-X release embedded in imagenetx (CC BY-NC 4.0, \"ImageNet-X,"
          + " Idrissi et al. 2022, arXiv:2211.01866\") and its four base models."
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
    boolean served = DaemonClient.serves(args);
    if (served) {
      DaemonClient.preload();
    }
    String help = HelpTexts.lookup(args);
    if (help != null) {
      HelpTexts.print(System.out, help);
      System.exit(0);
    }
    String serve = System.getenv(DaemonServer.SERVE);
    if (serve != null && args.length == 0) {
      DaemonKey own = DaemonKey.of(args);
      if (own != null && own.hash().equals(serve)) {
        DaemonServer.run(own, Main::runServed, Main::warmUp);
        System.exit(0);
      }
    }
    DaemonKey key = served ? DaemonKey.of(args) : null;
    int daemon = key == null ? DaemonClient.DECLINED : DaemonClient.run(key, args, Tty.attached());
    if (daemon >= 0) {
      System.exit(daemon);
    }
    Prefetch.start(args);
    int code;
    try {
      code = run(args);
    } catch (OutOfMemoryError e) {
      // before the command line was built (run catches the rest)
      System.err.println("imagenetx: error: " + org.imagenetx.io.Resources.outOfMemory());
      code = ExitCodes.BAD_INPUT;
    }
    if (daemon == DaemonClient.ABSENT) {
      System.out.flush();
      DaemonClient.spawn(key);
    }
    System.exit(code);
  }

  /** Bounds of a new server's warm-up: enough rounds for the compiler to reach the hot code. */
  private static final int WARM_UP_ROUNDS = 100;

  private static final long WARM_UP_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

  /**
   * What a new server runs before its first client, output discarded: the everyday tables of the
   * embedded release, and a CSV folder's tables written to files (a small synthetic zoo in a
   * temporary directory), so that parsing, evaluation and writing are compiled code when the first
   * client comes.
   */
  static void warmUp() {
    java.io.PrintWriter discard = new PrintWriter(java.io.OutputStream.nullOutputStream());
    java.nio.file.Path tmp = null;
    try {
      tmp = java.nio.file.Files.createTempDirectory("imagenetx-warm-up");
      String csv = tmp.resolve("zoo").toString();
      String out = tmp.resolve("out").toString();
      run(discard, discard, "synth", "--models", "4", "--out", csv);
      List<String[]> commands =
          List.of(
              new String[] {"ratios"},
              new String[] {"ratios", "--factors", "multi"},
              new String[] {
                "aggregate",
                "--synthetic",
                "--factors",
                "multi",
                "--error-type",
                "class",
                "--zoo",
                csv,
                "--out",
                out
              });
      long start = System.nanoTime();
      for (int round = 0;
          round < WARM_UP_ROUNDS && System.nanoTime() - start < WARM_UP_NANOS;
          round++) {
        for (String[] args : commands) {
          run(discard, discard, args);
        }
        if (round % 10 == 9) {
          // keeps the heap committed for the warm-up near what a command needs
          System.gc();
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      // a warm-up is an optimization: the server serves either way
    } finally {
      if (tmp != null) {
        org.imagenetx.io.OutputSet.deleteTree(tmp);
      }
    }
  }

  /** A command run by a resident server for a client: as {@link #main} runs it, minus the exit. */
  static int runServed(
      String[] args, java.io.PrintStream out, java.io.PrintStream err, boolean tty) {
    Tty.serve(tty);
    try {
      // autoflush, as picocli's own writers over System.out and System.err
      return run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    } catch (OutOfMemoryError e) {
      err.println("imagenetx: error: " + org.imagenetx.io.Resources.outOfMemory());
      return ExitCodes.BAD_INPUT;
    } finally {
      Tty.serve(null);
    }
  }

  /**
   * Runs the CLI without exiting (tests call this).
   *
   * @param args command line
   * @return exit code
   */
  public static int run(String... args) {
    CommandLine cl = commandLine(args);
    int code = execute(cl, args);
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
    CommandLine cl = commandLine(args);
    cl.setOut(out);
    cl.setErr(err);
    int code = execute(cl, args);
    out.flush();
    err.flush();
    return code;
  }

  /**
   * picocli hands exceptions to {@link ExitCodes}' handler but lets an {@link Error} through: an
   * {@link OutOfMemoryError} is caught here, once the stack that filled the heap is gone, and
   * becomes one line.
   */
  private static int execute(CommandLine cl, String... args) {
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      return ExitCodes.outOfMemory(cl.getErr());
    }
  }

  /**
   * A subcommand: its name, the class that implements it, and the sentence the top-level help shows
   * for it (a test checks it against the command's own description).
   */
  record Subcommand(String name, String className, String summary) {}

  /** Every subcommand, in the order the top-level help lists them. */
  static final List<Subcommand> SUBCOMMANDS =
      List.of(
          new Subcommand(
              "ratios",
              "org.imagenetx.cli.RatiosCommand",
              "Print the error ratio (1 - acc_f) / (1 - average) of every model on every factor."),
          new Subcommand(
              "aggregate",
              "org.imagenetx.cli.AggregateCommand",
              "Write the upstream accuracies_per_factor tables of whole zoos."),
          new Subcommand(
              "compare",
              "org.imagenetx.cli.CompareCommand",
              "Compare models on the same images: paired tests per factor, overall and per"
                  + " metaclass."),
          new Subcommand(
              "study",
              "org.imagenetx.cli.StudyCommand",
              "The analyses of the ImageNet-X paper: groups, augmentation, prevalence,"
                  + " calibration, co-occurrence, distributions, LaTeX."),
          new Subcommand(
              "images",
              "org.imagenetx.cli.ImagesCommand",
              "List the images an expression selects, with their classes, factors, the annotators'"
                  + " words and the models' predictions; or a model's confusions, or the words"
                  + " over-represented among its mistakes."),
          new Subcommand(
              "query",
              "org.imagenetx.cli.QueryCommand",
              "Answer one interactive query over a zoo and exit."),
          new Subcommand(
              "shell",
              "org.imagenetx.cli.ShellCommand",
              "Interactive queries over a zoo: rank, show, compare, similar, groups."),
          new Subcommand(
              "serve",
              "org.imagenetx.cli.ServeCommand",
              "Serve a local explorer page over a zoo (loopback only)."),
          new Subcommand(
              "zoo",
              "org.imagenetx.cli.ZooCommand",
              "Binary zoo stores: build, add, info, export."),
          new Subcommand(
              "synth",
              "org.imagenetx.cli.SynthCommand",
              "Generate a seeded synthetic zoo over the synthetic ImageNet-X."),
          new Subcommand(
              "figures",
              "org.imagenetx.cli.FiguresCommand",
              "Draw the study's figures (SVG, PNG and the CSV behind each)."),
          new Subcommand(
              "reproduce",
              "org.imagenetx.cli.ReproduceCommand",
              "Regenerate every table and figure of the study, with a results page."),
          new Subcommand(
              "help",
              "picocli.CommandLine$HelpCommand",
              "Display help information about the" + " specified command."));

  /**
   * The command line for these arguments. Only the subcommand the arguments name is built from its
   * class; the others are placeholders holding a name and a sentence, enough for the top-level help
   * and for suggestions on a misspelt name. Building every command's model by reflection cost ~0.3
   * s of a cold start; one command costs a tenth of that.
   *
   * @param args the arguments
   * @return the command line
   */
  static CommandLine commandLine(String... args) {
    return commandLine(false, args);
  }

  /**
   * @return the command line with every subcommand built (for tests that walk all options)
   */
  static CommandLine fullCommandLine() {
    return commandLine(true);
  }

  private static CommandLine commandLine(boolean all, String... args) {
    String invoked = null;
    String helpTarget = null;
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("-")) {
        invoked = args[i];
        if (invoked.equals("help") && i + 1 < args.length) {
          helpTarget = args[i + 1];
        }
        break;
      }
    }
    boolean known = false;
    for (Subcommand sub : SUBCOMMANDS) {
      known |= sub.name().equals(invoked) && !invoked.equals("help");
    }
    if (System.getProperty(CONVERTER_EXCLUDES) == null) {
      System.setProperty(CONVERTER_EXCLUDES, "java\\.(sql|time)\\..*");
    }
    Main main = new Main();
    CommandLine cl = new CommandLine(main);
    for (Subcommand sub : SUBCOMMANDS) {
      if (all || sub.name().equals(invoked) || sub.name().equals(helpTarget)) {
        cl.addSubcommand(sub.name(), instantiate(sub.className()));
      } else if (!known) {
        // placeholders for the top-level help and for suggestions on a misspelt name; a run of
        // one known command needs neither
        CommandLine.Model.CommandSpec placeholder = CommandLine.Model.CommandSpec.create();
        placeholder.usageMessage().description(sub.summary());
        cl.addSubcommand(sub.name(), placeholder);
      }
    }
    ExitCodes.install(cl, () -> main.debug);
    return cl;
  }

  /**
   * picocli's system property naming built-in type converters not to register. No option of the
   * tool is a {@code java.sql} or {@code java.time} type, and registering those converters costs
   * reflection on every command line picocli builds.
   */
  private static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";

  private static Object instantiate(String className) {
    try {
      return Class.forName(className).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create command " + className, e);
    }
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
