package org.imagenetx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@code --help} is never cut: the top-level help lists every command with its whole summary (a
 * complete sentence), and each command's help shows its whole description. Descriptions are
 * compared with white space folded (the summaries) or removed (the descriptions), since picocli
 * wraps them.
 */
class HelpTextTest {
  static String help(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    assertThat(code).as(err.toString()).isZero();
    return fold(out.toString());
  }

  static String fold(String s) {
    return s.replaceAll("\\s+", " ").trim();
  }

  static List<String> names() {
    return Main.SUBCOMMANDS.stream().map(Main.Subcommand::name).toList();
  }

  @Test
  void topLevelHelpListsEveryCommandWithItsWholeSummary() {
    String top = help("--help");
    for (Main.Subcommand s : Main.SUBCOMMANDS) {
      assertThat(s.summary()).as("summary of %s", s.name()).endsWith(".");
      assertThat(top).contains(s.name() + " " + fold(s.summary()));
    }
    assertThat(top)
        .contains(
            "Why do image classifiers fail? Per-factor accuracies and error ratios of ImageNet-X,"
                + " for one model or thousands.");
  }

  @ParameterizedTest
  @MethodSource("names")
  void eachCommandsHelpShowsItsWholeDescription(String name) throws Exception {
    Main.Subcommand sub =
        Main.SUBCOMMANDS.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    Object command = Class.forName(sub.className()).getDeclaredConstructor().newInstance();
    String[] description = new CommandLine(command).getCommandSpec().usageMessage().description();
    assertThat(description).as("description of %s", name).isNotEmpty();
    String own = help(name, "--help");
    for (String line : description) {
      String text = fold(line.replaceAll("\\$\\{[^}]+}", "").replace("%n", " "));
      if (!text.isEmpty() && !text.contains("@|")) {
        // picocli may break a line after a comma too: compare without any white space
        assertThat(own.replace(" ", "")).as("help of %s", name).contains(text.replace(" ", ""));
      }
    }
    assertThat(own).contains("Usage: imagenetx " + name);
  }

  /**
   * Each element of a picocli description is a paragraph (picocli wraps it and starts the next one
   * on a new line), so an element that stops mid-sentence breaks the help mid-sentence. Elements
   * that end a sentence, introduce a list ({@code :}) or are indented (examples, list items) are
   * fine; anything else is a paragraph split in the source.
   */
  @Test
  void noDescriptionParagraphStopsMidSentence() {
    List<String> broken = new java.util.ArrayList<>();
    for (Main.Subcommand sub : Main.SUBCOMMANDS) {
      collect(Main.commandLine(sub.name(), "--help").getSubcommands().get(sub.name()), broken);
    }
    assertThat(broken).isEmpty();
  }

  private static void collect(CommandLine cl, List<String> broken) {
    CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
    check(spec.qualifiedName(), spec.usageMessage().description(), broken);
    for (CommandLine.Model.OptionSpec o : spec.options()) {
      check(spec.qualifiedName() + " " + o.longestName(), o.description(), broken);
    }
    for (CommandLine.Model.PositionalParamSpec p : spec.positionalParameters()) {
      check(spec.qualifiedName() + " " + p.paramLabel(), p.description(), broken);
    }
    for (CommandLine sub : cl.getSubcommands().values()) {
      if (sub != cl && !sub.getCommandName().equals("help")) {
        collect(sub, broken);
      }
    }
  }

  private static void check(String where, String[] paragraphs, List<String> broken) {
    for (int i = 0; i + 1 < paragraphs.length; i++) {
      String p = paragraphs[i].stripTrailing();
      boolean listed = p.startsWith(" ") || p.isEmpty();
      if (!listed && !p.matches("(?s).*[.:!?)]$")) {
        broken.add(where + ": \"" + p + "\"");
      }
    }
  }
}
