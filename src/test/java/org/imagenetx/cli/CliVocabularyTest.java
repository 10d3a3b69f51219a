package org.imagenetx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.imagenetx.testing.CliRunner;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One vocabulary: every option name means the same thing in every command. Walks the picocli model
 * of every command and subcommand; hidden options are the deprecated spellings, kept for one
 * release, and must say what replaces them.
 */
class CliVocabularyTest {
  private record Seen(String command, String defaultValue, String description, String type) {}

  @Test
  void sameNameMeansSameDefaultDescriptionAndType() {
    Map<String, List<Seen>> byName = new TreeMap<>();
    walk(Main.fullCommandLine(), byName);
    assertThat(byName)
        .containsKeys("--format", "--decimals", "--out", "--resamples", "--partition");
    List<String> drift = new ArrayList<>();
    byName.forEach(
        (name, seen) -> {
          Seen first = seen.get(0);
          for (Seen s : seen) {
            if (!s.defaultValue().equals(first.defaultValue())
                || !s.description().equals(first.description())
                || !s.type().equals(first.type())) {
              drift.add(name + ": " + first + " vs " + s);
            }
          }
        });
    assertThat(drift).isEmpty();
    // one default seed, one number of decimals, everywhere
    assertThat(byName.get("--bootstrap-seed")).extracting(Seen::defaultValue).containsOnly("42");
    assertThat(byName.get("--decimals")).extracting(Seen::defaultValue).containsOnly("4");
    assertThat(byName.get("--bootstrap-seed"))
        .extracting(Seen::command)
        .contains("imagenetx compare", "imagenetx ratios", "imagenetx study groups");
  }

  @Test
  void everyHiddenOptionIsADeprecatedSpellingThatNamesItsReplacement() {
    List<OptionSpec> hidden = new ArrayList<>();
    hidden(Main.fullCommandLine(), hidden);
    assertThat(hidden)
        .extracting(OptionSpec::longestName)
        .contains("--bootstrap", "--selections", "--partitions", "--error-types");
    for (OptionSpec o : hidden) {
      assertThat(o.description()[0]).as(o.longestName()).startsWith(ExitCodes.DEPRECATED);
    }
  }

  @Test
  void oldSpellingsKeepWorkingWithAOneLineNote() {
    CliRunner.Result r =
        CliRunner.run(
            "study",
            "cooccurrence",
            "--synthetic",
            "--selections",
            "multi",
            "--partitions",
            "val",
            "--format",
            "csv");
    assertThat(r.exitCode()).isZero();
    assertThat(r.err())
        .contains(
            "imagenetx: warning: --selections is deprecated and will be removed in the next"
                + " release; use --factors")
        .contains("--partitions is deprecated");
    assertThat(r.out()).contains("multi");
  }

  private static void walk(CommandLine c, Map<String, List<Seen>> byName) {
    for (OptionSpec o : c.getCommandSpec().options()) {
      if (o.hidden()) {
        continue;
      }
      byName
          .computeIfAbsent(o.longestName(), k -> new ArrayList<>())
          .add(
              new Seen(
                  c.getCommandSpec().qualifiedName(),
                  String.valueOf(o.defaultValue()),
                  String.join(" ", o.description()),
                  o.typeInfo().getClassName()));
    }
    for (CommandLine s : c.getSubcommands().values()) {
      if (!(s.getCommand() instanceof CommandLine.HelpCommand)) {
        walk(s, byName);
      }
    }
  }

  private static void hidden(CommandLine c, List<OptionSpec> out) {
    for (OptionSpec o : c.getCommandSpec().options()) {
      if (o.hidden()) {
        out.add(o);
      }
    }
    for (CommandLine s : c.getSubcommands().values()) {
      hidden(s, out);
    }
  }
}
