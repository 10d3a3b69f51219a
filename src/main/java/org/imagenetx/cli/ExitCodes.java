package org.imagenetx.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.imagenetx.io.BadInputException;
import org.imagenetx.io.Resources;
import org.imagenetx.query.QueryException;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * What the process's exit code and standard error say about a run, decided in one place:
 *
 * <ul>
 *   <li>0: success;
 *   <li>{@value #BAD_INPUT}: bad input or a failed write ({@link BadInputException}: one line
 *       naming file, line and cause; an I/O failure: one line); a request the heap cannot hold
 *       ({@link OutOfMemoryError}: one line with the heap's maximum);
 *   <li>{@value #USAGE}: a usage error (picocli's {@link CommandLine.ParameterException}, from
 *       parsing or from a command's own checks; a query the query language rejects): the message
 *       and a pointer to {@code --help};
 *   <li>{@value #INTERNAL}: anything else is a bug, not the user's doing (an {@code
 *       IllegalArgumentException} or {@code IllegalStateException} of a broken invariant included):
 *       one line {@code imagenetx: internal error, please report: <exception>}, and the stack trace
 *       with {@code --debug}.
 * </ul>
 *
 * It also prints the one-line note of each deprecated option spelling a command line used (hidden
 * options whose description starts with {@value #DEPRECATED}).
 */
final class ExitCodes {
  /** Exit code of a bad input or a failed run. */
  static final int BAD_INPUT = 1;

  /** Exit code of a usage error. */
  static final int USAGE = 2;

  /** Exit code of an internal error (sysexits.h {@code EX_SOFTWARE}). */
  static final int INTERNAL = 70;

  /** How the description of a deprecated, hidden option spelling starts. */
  static final String DEPRECATED = "deprecated, use ";

  private ExitCodes() {}

  /**
   * Installs the exception handlers and the deprecation notes on a command line.
   *
   * @param cl the top-level command line
   * @param debug whether {@code --debug} was given (read when an internal error is reported)
   */
  static void install(CommandLine cl, BooleanSupplier debug) {
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          if (ex instanceof CommandLine.ParameterException p) {
            return usage(p);
          }
          if (outOfMemory(ex)) {
            return outOfMemory(err);
          }
          if (ex instanceof BadInputException) {
            err.println("imagenetx: error: " + ex.getMessage());
            return BAD_INPUT;
          }
          if (ex instanceof UncheckedIOException) {
            err.println("imagenetx: error: " + ex.getMessage());
            return BAD_INPUT;
          }
          if (ex instanceof QueryException) {
            err.println("imagenetx: " + ex.getMessage());
            return USAGE;
          }
          err.println("imagenetx: internal error, please report: " + ex);
          if (debug.getAsBoolean()) {
            ex.printStackTrace(err);
          }
          return INTERNAL;
        });
    cl.setParameterExceptionHandler((ex, args) -> usage(ex));
    CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
    cl.setExecutionStrategy(
        parseResult -> {
          for (String note : deprecationNotes(parseResult)) {
            parseResult.commandSpec().commandLine().getErr().println(note);
          }
          return run.execute(parseResult);
        });
  }

  /**
   * Reports an {@link OutOfMemoryError} no size check foresaw: one line with the heap's maximum,
   * exit {@value #BAD_INPUT} (the input or the request was too large for the heap given, not a
   * bug).
   *
   * @param err standard error
   * @return {@value #BAD_INPUT}
   */
  static int outOfMemory(PrintWriter err) {
    err.println("imagenetx: error: " + Resources.outOfMemory());
    err.flush();
    return BAD_INPUT;
  }

  /**
   * @param ex a failure
   * @return whether it is, or was caused by, an {@link OutOfMemoryError} (a worker's, wrapped)
   */
  static boolean outOfMemory(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }

  private static int usage(CommandLine.ParameterException ex) {
    CommandLine c = ex.getCommandLine();
    c.getErr().println("imagenetx: " + ex.getMessage());
    c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
    return USAGE;
  }

  /**
   * @param parseResult a parsed command line
   * @return one note per deprecated spelling used, e.g. {@code imagenetx: warning: --bootstrap is
   *     deprecated and will be removed in the next release; use --resamples}
   */
  static List<String> deprecationNotes(ParseResult parseResult) {
    List<String> notes = new ArrayList<>();
    for (ParseResult r = parseResult; r != null; r = r.subcommand()) {
      for (OptionSpec o : r.matchedOptions()) {
        String d = o.description().length == 0 ? "" : o.description()[0];
        if (o.hidden() && d.startsWith(DEPRECATED)) {
          notes.add(
              "imagenetx: warning: "
                  + o.longestName()
                  + " is deprecated and will be removed in the next release; use "
                  + d.substring(DEPRECATED.length()));
        }
      }
    }
    return notes;
  }
}
