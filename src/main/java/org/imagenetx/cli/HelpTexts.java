package org.imagenetx.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * The help of the top level and of every subcommand, rendered by picocli at build time and read
 * back as text. {@code imagenetx --help} and {@code imagenetx <command> --help} are then answered
 * without building picocli's model of the commands from their annotations (most of a cold start's
 * time before any work). {@code HelpTextsTest} checks that each text equals what picocli renders,
 * so the two cannot drift. Help is plain text (no ANSI colours); with {@code picocli.usage.width}
 * set, or in a build without the texts, picocli renders it as usual.
 */
public final class HelpTexts {
  /** Resource folder of the texts, beside this class. */
  static final String FOLDER = "help/";

  /** File name of the top-level help. */
  static final String TOP = "imagenetx.txt";

  private HelpTexts() {}

  /**
   * @param args the command line
   * @return the help text these arguments ask for, or null when picocli should answer
   */
  static String lookup(String[] args) {
    String name;
    if (args.length == 1 && isHelp(args[0])) {
      name = TOP;
    } else if (args.length == 2 && isHelp(args[1]) && isSubcommand(args[0])) {
      name = args[0] + ".txt";
    } else if (args.length == 2 && args[0].equals("help") && isSubcommand(args[1])) {
      name = args[1] + ".txt";
    } else {
      return null;
    }
    if (System.getProperty("picocli.usage.width") != null) {
      return null;
    }
    try (InputStream in = HelpTexts.class.getResourceAsStream(FOLDER + name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean isHelp(String a) {
    return a.equals("--help") || a.equals("-h");
  }

  private static boolean isSubcommand(String name) {
    if (name.equals("help")) {
      return false;
    }
    for (Main.Subcommand s : Main.SUBCOMMANDS) {
      if (s.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * @return the top-level help as picocli renders it
   */
  static String renderTop() {
    return Main.commandLine("--help").getUsageMessage(CommandLine.Help.Ansi.OFF);
  }

  /**
   * @param name a subcommand
   * @return its help as picocli renders it
   */
  static String render(String name) {
    return Main.commandLine(name, "--help")
        .getSubcommands()
        .get(name)
        .getUsageMessage(CommandLine.Help.Ansi.OFF);
  }

  /**
   * Build step: writes every help text into the classes folder.
   *
   * @param args the classes folder
   * @throws IOException when a text cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]).resolve("org/imagenetx/cli").resolve(FOLDER);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(TOP), renderTop(), StandardCharsets.UTF_8);
    for (Main.Subcommand s : Main.SUBCOMMANDS) {
      if (!s.name().equals("help")) {
        Files.writeString(dir.resolve(s.name() + ".txt"), render(s.name()), StandardCharsets.UTF_8);
      }
    }
  }

  /**
   * Prints a text as {@code --help} does and flushes.
   *
   * @param out where
   * @param text the text
   */
  static void print(PrintStream out, String text) {
    out.print(text);
    out.flush();
  }
}
