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
}
