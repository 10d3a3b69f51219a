package org.imagenetx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.imagenetx.testing.CliRunner;
import org.imagenetx.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 7: a request larger than the heap is one line with the size asked for and the heap
 * available, checked before the work where the size is known ({@code synth --models 100000000}
 * ended in an OutOfMemoryError trace), and any other OutOfMemoryError is one line too ({@code
 * -Xmx16m zoo build}).
 */
class OutOfMemoryTest {
  @TempDir Path tmp;

  private static void oneErrorLine(CliRunner.Result r, String... contains) {
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
    // one line, after the synthetic-data banner of a --synthetic run
    assertThat(r.err().lines().filter(l -> !l.startsWith("SYNTHETIC DATA:")))
        .hasSize(1)
        .allMatch(l -> l.startsWith("imagenetx: error: "));
    assertThat(r.err()).contains(contains).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void aStoreOfAHundredMillionModelsIsRefusedBeforeAnyWork() throws IOException {
    Path out = tmp.resolve("big.zoo");
    CliRunner.Result r = CliRunner.run("synth", "--models", "100000000", "--out", out.toString());
    // the tests' heap is 3 GiB (-Xmx3g); the request needs at least 24 GiB
    oneErrorLine(
        r,
        "--models: 100,000,000 models x 50,000 images in a store need at least 24 GiB of memory;",
        "the Java heap has ",
        " available (maximum 3.0 GiB;",
        "-Xmx");
    assertThat(out).doesNotExist();
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s).isEmpty();
    }
  }

  @Test
  void aCsvFolderLargerThanTheDiskIsRefusedBeforeAnyWork() throws IOException {
    Path out = tmp.resolve("csvs");
    CliRunner.Result r = CliRunner.run("synth", "--models", "2000000000", "--out", out.toString());
    oneErrorLine(r, "--models: 2,000,000,000 models x 50,000 images as CSV files need at least");
    assertThat(r.err()).contains(" on disk; ").contains(" is free where " + out + " goes");
    assertThat(out).doesNotExist();
  }

  @Test
  void aSyntheticSessionLargerThanTheHeapIsRefused() {
    CliRunner.Result r =
        CliRunner.run(
            "query",
            "--synthetic",
            "--synthetic-models",
            "2000000000",
            "rank --by average",
            "--no-intervals");
    oneErrorLine(
        r, "--synthetic-models: 2,000,000,000 models x 50,000 images need at least 546 TiB");
  }

  @Test
  void anOutOfMemoryErrorAnywhereIsOneLine() {
    assertThat(ExitCodes.outOfMemory(new IllegalStateException(new OutOfMemoryError("x"))))
        .isTrue();
    assertThat(ExitCodes.outOfMemory(new IllegalStateException("x"))).isFalse();
    StringWriter err = new StringWriter();
    assertThat(ExitCodes.outOfMemory(new PrintWriter(err))).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString().strip())
        .doesNotContain("\n")
        .startsWith("imagenetx: error: out of memory: the Java heap's maximum is ")
        .contains("-Xmx");
  }

  /** The case: {@code zoo build} under {@code -Xmx16m}, in a process of its own. */
  @Test
  void aBuildUnderSixteenMegabytesOfHeapEndsInOneLine() throws Exception {
    Path dir = Fixtures.tiny(tmp.resolve("fx"));
    Path out = tmp.resolve("out.zoo");
    String java = ProcessHandle.current().info().command().orElse("java");
    Path log = tmp.resolve("err.txt");
    Process p =
        new ProcessBuilder(
                java,
                "-Xmx16m",
                "-cp",
                System.getProperty("java.class.path"),
                "org.imagenetx.cli.Main",
                "zoo",
                "build",
                "--annotations",
                dir.resolve("annotations").toString(),
                "--from",
                dir.resolve("zoo").toString(),
                "--out",
                out.toString())
            .redirectError(log.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String err = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(err).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.strip())
        .doesNotContain("\n")
        .isEqualTo(
            "imagenetx: error: out of memory: the Java heap's maximum is 16 MiB and this run needs"
                + " more (raise it with -Xmx, e.g. IMAGENETX_JAVA_OPTS=-Xmx8g, or give a smaller"
                + " input)");
    assertThat(out).doesNotExist();
  }
}
