package org.imagenetx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.imagenetx.testing.CliRunner;
import org.junit.jupiter.api.Test;

/** The help texts rendered at build time are what picocli prints, for every command. */
class HelpTextsTest {
  @Test
  void everyBuiltTextEqualsWhatPicocliPrints() {
    String top = HelpTexts.lookup(new String[] {"--help"});
    assertThat(top).isNotNull().startsWith("Usage: imagenetx ");
    assertThat(top).isEqualTo(CliRunner.run("--help").out());
    assertThat(HelpTexts.lookup(new String[] {"-h"})).isEqualTo(top);
    int checked = 0;
    for (Main.Subcommand s : Main.SUBCOMMANDS) {
      if (s.name().equals("help")) {
        continue;
      }
      String text = HelpTexts.lookup(new String[] {s.name(), "--help"});
      assertThat(text).as(s.name()).isNotNull().startsWith("Usage: imagenetx " + s.name());
      assertThat(text).as(s.name()).isEqualTo(CliRunner.run(s.name(), "--help").out());
      assertThat(HelpTexts.lookup(new String[] {"help", s.name()})).isEqualTo(text);
      checked++;
    }
    assertThat(checked).isEqualTo(Main.SUBCOMMANDS.size() - 1);
  }

  @Test
  void otherArgumentsGoToPicocli() {
    assertThat(HelpTexts.lookup(new String[] {"ratios"})).isNull();
    assertThat(HelpTexts.lookup(new String[] {"ratios", "--help", "--ci"})).isNull();
    assertThat(HelpTexts.lookup(new String[] {"study", "groups", "--help"})).isNull();
    assertThat(HelpTexts.lookup(new String[] {"nosuch", "--help"})).isNull();
    assertThat(HelpTexts.lookup(new String[] {"help", "help"})).isNull();
    assertThat(HelpTexts.lookup(new String[0])).isNull();
  }
}
