package org.imagenetx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.imagenetx.testing.CliRunner;
import org.imagenetx.testing.Fixtures;
import org.imagenetx.testing.RealData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, items 4, 5 and 8: writers of a store never lose each other's models, outputs never
 * replace inputs, and an interrupted write leaves no temporary file.
 */
class StoreWritersTest {
  @TempDir Path tmp;
  private Path ann;
  private Path zoo;

  @BeforeEach
  void fixture() {
    Path fx = Fixtures.tiny(tmp.resolve("fx"));
    ann = fx.resolve("annotations");
    zoo = fx.resolve("zoo");
  }

  private CliRunner.Result build(Path from, Path out) {
    return CliRunner.run(
        "zoo",
        "build",
        "--annotations",
        ann.toString(),
        "--from",
        from.toString(),
        "--out",
        out.toString());
  }

  @Test
  void overlappingAddsKeepBothModelsTwentyOfTwentyTries() throws Exception {
    Path first = tmp.resolve("first");
    Files.createDirectories(first);
    Files.copy(zoo.resolve("synthetic_model_0000.csv"), first.resolve("synthetic_model_0000.csv"));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      int kept = 0;
      for (int attempt = 0; attempt < 20; attempt++) {
        Path store = tmp.resolve("s" + attempt + ".zoo");
        assertThat(build(first, store).exitCode()).isZero();
        List<Future<CliRunner.Result>> adds = new ArrayList<>();
        for (String m : new String[] {"synthetic_model_0001", "synthetic_model_0002"}) {
          adds.add(
              pool.submit(
                  () ->
                      CliRunner.run(
                          "zoo",
                          "add",
                          "--annotations",
                          ann.toString(),
                          store.toString(),
                          zoo.resolve(m + ".csv").toString())));
        }
        for (Future<CliRunner.Result> f : adds) {
          CliRunner.Result r = f.get(30, TimeUnit.SECONDS);
          assertThat(r.exitCode()).as(r.err()).isZero();
        }
        CliRunner.Result info = CliRunner.run("zoo", "info", "--list-models", store.toString());
        if (info.out()
            .contains("models:        3 (synthetic_model_0000 .. synthetic_model_0002)")) {
          kept++;
        }
      }
      assertThat(kept).isEqualTo(20);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anOutputInsideAnInputIsRefusedAndTheInputKept() throws IOException {
    Path victim = zoo.resolve("synthetic_model_0000.csv");
    byte[] before = Files.readAllBytes(victim);

    CliRunner.Result r = build(zoo, victim);

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().strip()).doesNotContain("\n").contains("output is");
    assertThat(Files.readAllBytes(victim)).isEqualTo(before);
    CliRunner.Result inside = build(zoo, zoo.resolve("../zoo/new.zoo"));
    assertThat(inside.exitCode()).isEqualTo(1);
    assertThat(inside.err()).contains("inside the input folder");
    assertThat(zoo.resolve("new.zoo")).doesNotExist();

    Path store = tmp.resolve("s.zoo");
    assertThat(build(zoo, store).exitCode()).isZero();
    CliRunner.Result add =
        CliRunner.run(
            "zoo", "add", "--annotations", ann.toString(), store.toString(), store.toString());
    assertThat(add.exitCode()).isEqualTo(1);
    assertThat(add.err()).contains("output is also an input");
  }

  @Test
  void twoZoosOfOneNameAreRefusedBeforeAnyTableIsWritten() throws IOException {
    Path a = tmp.resolve("a/zoo");
    Path b = tmp.resolve("b/zoo");
    for (Path d : new Path[] {a, b}) {
      Files.createDirectories(d);
      Files.copy(zoo.resolve("synthetic_model_0000.csv"), d.resolve("synthetic_model_0000.csv"));
    }
    Path out = tmp.resolve("tables");

    CliRunner.Result r =
        CliRunner.run(
            "aggregate",
            "--annotations",
            ann.toString(),
            "--zoo",
            a.toString(),
            "--zoo",
            b.toString(),
            "--out",
            out.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("two zoos named 'zoo'");
    assertThat(out).doesNotExist();
  }

  @Test
  void staleTemporaryFilesOfDeadProcessesAreSweptOnTheNextWrite() throws IOException {
    Path store = tmp.resolve("s.zoo");
    Path stale = tmp.resolve(".s.zoo.2147483646.1.tmp");
    Files.write(stale, new byte[1000]);
    Path foreign = tmp.resolve(".other.zoo.2147483646.1.tmp");
    Files.write(foreign, new byte[10]);

    assertThat(build(zoo, store).exitCode()).isZero();

    assertThat(stale).doesNotExist();
    assertThat(foreign).exists();
  }

  @Test
  void sigtermDuringABuildLeavesNoTemporaryFile() throws Exception {
    Path out = tmp.resolve("term");
    Files.createDirectories(out);
    String java = ProcessHandle.current().info().command().orElse("java");
    int interrupted = 0;
    for (int attempt = 0; attempt < 5 && interrupted == 0; attempt++) {
      Process p =
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  "org.imagenetx.cli.Main",
                  "zoo",
                  "build",
                  "--threads",
                  "1",
                  "--from",
                  RealData.baseZoo().toString(),
                  "--out",
                  out.resolve("base.zoo").toString())
              .redirectErrorStream(true)
              .redirectOutput(tmp.resolve("log.txt").toFile())
              .start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (p.isAlive() && temps(out).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      if (p.isAlive() && !temps(out).isEmpty()) {
        p.destroy(); // SIGTERM
        interrupted++;
      }
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(temps(out)).isEmpty();
      Files.deleteIfExists(out.resolve("base.zoo"));
    }
    assertThat(interrupted).as("a build caught while writing").isEqualTo(1);
  }

  private static List<Path> temps(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
