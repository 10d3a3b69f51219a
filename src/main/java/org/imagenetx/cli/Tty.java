package org.imagenetx.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Whether the command's user is at a terminal (progress bars, the shell's line editor). A command
 * run in-process asks the JVM; a command a resident server runs for a client gets the client's
 * answer, since the server itself has no terminal.
 */
final class Tty {
  private static volatile Boolean served;

  private Tty() {}

  /**
   * @return true when standard input and output are a terminal
   */
  static boolean attached() {
    Boolean s = served;
    return s != null ? s : System.console() != null;
  }

  /**
   * @param attached the client's answer for the request being served, or null after it
   */
  static void serve(Boolean attached) {
    served = attached;
  }

  /**
   * A progress bar for a terminal, drawn on the command's standard error ({@code System.err}: the
   * client's when a resident server runs the command; the library's default would write to the
   * server's own file descriptor 2).
   *
   * @param task the bar's label
   * @return the builder, or null when no terminal is attached (scripts, CI, tests: no bar)
   */
  static ProgressBarBuilder progressBar(String task) {
    if (!attached()) {
      return null;
    }
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setStyle(ProgressBarStyle.ASCII)
        .showSpeed()
        .setConsumer(new ConsoleProgressBarConsumer(System.err));
  }
}
