package org.imagenetx.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.imagenetx.cli.Main;
import org.imagenetx.synth.SyntheticImageNetX;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real {@code imagenetx synth} process (SIGKILL) while it rewrites a store and checks the
 * previous store is still there, byte for byte, and still opens. The kill happens after the
 * temporary file appeared, at several delays, so it lands mid-write; a run that finished before the
 * kill must have left a complete new store.
 */
class ZooStoreKillTest {
  @TempDir Path tmp;

  private Process synth(Path out, int models) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path")));
    cmd.addAll(
        List.of(
            Main.class.getName(),
            "synth",
            "--models",
            "" + models,
            "--out",
            out.toString(),
            "--seed",
            "5"));
    return new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectOutput(tmp.resolve("child.log").toFile())
        .start();
  }

  private static int quietly(String... args) {
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    return Main.run(sink, sink, args);
  }

  private boolean tempFileExists() throws IOException {
    try (var s = Files.list(tmp)) {
      return s.anyMatch(
          p ->
              p.getFileName().toString().startsWith(".store.zoo.")
                  && p.toString().endsWith(".tmp"));
    }
  }

  @Test
  void killingAStoreWriteLeavesThePreviousStoreIntact() throws Exception {
    Path store = tmp.resolve("store.zoo");
    assertThat(
            quietly(
                "synth",
                "--models",
                "3",
                "--out",
                store.toString(),
                "--seed",
                "5",
                "--threads",
                "1"))
        .isEqualTo(0);
    byte[] before = Files.readAllBytes(store);
    var index = SyntheticImageNetX.generate(5, 50).dataset(false).index();
    int killedMidWrite = 0;
    int[] delaysMillis =
        Boolean.getBoolean("nightly")
            ? new int[] {0, 5, 20, 50, 100, 200, 400, 800}
            : new int[] {0, 30, 150};
    for (int delay : delaysMillis) {
      Process p = synth(store, 600);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!tempFileExists() && p.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(2);
      }
      Thread.sleep(delay);
      boolean alive = p.isAlive();
      p.destroyForcibly();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      if (alive) {
        killedMidWrite++;
        assertThat(Files.readAllBytes(store))
            .as("store after a kill %d ms into the write", delay)
            .isEqualTo(before);
        try (ZooStore s = ZooStore.open(store, index)) {
          assertThat(s.size()).isEqualTo(3);
          s.verifyAll();
        }
      } else {
        // finished before the kill: the new store is complete
        try (ZooStore s = ZooStore.open(store, index)) {
          assertThat(s.size()).isEqualTo(600);
          s.verifyAll();
        }
        assertThat(quietly("synth", "--models", "3", "--out", store.toString(), "--seed", "5"))
            .isEqualTo(0);
      }
    }
    assertThat(killedMidWrite).as("kills that landed during a write").isGreaterThan(0);
  }
}
