package org.imagenetx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.imagenetx.testing.CliRunner;
import org.imagenetx.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 4: a command that writes a set of files publishes it as one unit. A failure
 * part-way through {@code aggregate}'s 12 tables left the first ones new and the rest old ("a full
 * disk left 1 new and 11 old tables side by side"); now the previous set stays whole.
 */
class OutputSetCliTest {
  @TempDir Path tmp;

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  @Test
  void aggregateFailingPartWayLeavesThePreviousTablesWhole() throws IOException {
    Path fx = Fixtures.tiny(tmp.resolve("fx"));
    Path out = tmp.resolve("results");
    String[] args = {
      "--annotations", fx.resolve("annotations").toString(),
      "--zoo", fx.resolve("zoo").toString(),
      "--out", out.toString()
    };
    CliRunner.Result first = CliRunner.aggregateAll(args);
    assertThat(first.exitCode()).as(first.err()).isZero();
    List<Path> tables = files(out);
    assertThat(tables).hasSize(12);
    for (Path t : tables) {
      Files.writeString(t, "previous run\n");
    }
    // the 7th table of the set cannot be written: a folder is where it goes (the multi_factor
    // tables are written, and moved into place, before it)
    Path blocked = out.resolve("val/top_factor/zoo/class/accuracies_per_factor.csv");
    assertThat(tables).contains(blocked);
    Files.delete(blocked);
    Files.createDirectories(blocked.resolve("in-the-way"));

    CliRunner.Result second = CliRunner.aggregateAll(args);
    assertThat(second.exitCode()).as(second.err()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(second.err().strip())
        .doesNotContain("\n")
        .startsWith("imagenetx: error: cannot write " + blocked + ": a folder is in the way");
    for (Path t : tables) {
      if (!t.equals(blocked)) {
        assertThat(Files.readString(t)).as(t.toString()).isEqualTo("previous run\n");
      }
    }
    // no staging folder left beside the output
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("fx", "results");
    }

    // once the way is clear, the whole new set replaces the old
    Files.delete(blocked.resolve("in-the-way"));
    Files.delete(blocked);
    CliRunner.Result third = CliRunner.aggregateAll(args);
    assertThat(third.exitCode()).as(third.err()).isZero();
    assertThat(files(out)).hasSize(12);
    for (Path t : files(out)) {
      assertThat(Files.readString(t)).startsWith("model,");
    }
  }
}
