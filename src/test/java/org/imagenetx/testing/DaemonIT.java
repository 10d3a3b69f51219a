package org.imagenetx.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The resident server as users meet it: {@code java -jar target/imagenetx.jar} runs the first
 * command in its own JVM and starts a server; the next commands are served by it, with the same
 * output and exit codes; removing its socket stops it.
 */
class DaemonIT {
  private static JarProcess.Run java(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    return JarProcess.run(env, null, args);
  }

  /** Reads 100 bytes of a long listing, closes the pipe, returns the exit code. */
  private static int headOf(Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JarProcess.JAR.toString(),
                "images",
                "pose",
                "--limit",
                "100000")
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    assertThat(p.getInputStream().readNBytes(100)).hasSize(100);
    p.getInputStream().close();
    assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
    return p.exitValue();
  }

  private static Path only(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(suffix)).findFirst().orElse(null);
    }
  }

  /**
   * Blocks until the server listens: its log says so once its socket is bound (a socket file alone
   * may be the bind it tries before its warm-up). Woken by the directory's file events, not by a
   * clock.
   */
  private static void awaitListening(Path daemon) throws Exception {
    try (WatchService w = daemon.getFileSystem().newWatchService()) {
      daemon.register(
          w, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
      while (!listening(daemon)) {
        w.take().reset();
      }
    }
  }

  private static boolean listening(Path daemon) throws IOException {
    Path log = only(daemon, ".log");
    return log != null && Files.readString(log).contains("listening on");
  }

  @Test
  void theNextCommandsAreServedWithTheSameOutput() throws Exception {
    // short: the socket path must fit sun_path
    Path cache = Files.createTempDirectory(Path.of("/tmp"), "ixd");
    // a server left by a failed run stops after a minute
    Map<String, String> env =
        Map.of("IMAGENETX_CACHE", cache.toString(), "IMAGENETX_DAEMON_IDLE", "1");
    Map<String, String> off =
        Map.of("IMAGENETX_CACHE", cache.toString(), "IMAGENETX_DAEMON", "off");
    Path daemon = cache.resolve("daemon");

    JarProcess.Run first = java(env, "ratios", "--factors", "multi");
    assertThat(first.code()).as(first.out()).isZero();
    assertThat(first.out()).contains("ResNet50");
    // the first command made the directory before it started the server
    assertThat(daemon).isDirectory();
    awaitListening(daemon);
    assertThat(Files.getPosixFilePermissions(daemon))
        .containsExactlyInAnyOrderElementsOf(
            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    Path log = only(daemon, ".log");

    JarProcess.Run second = java(env, "ratios", "--factors", "multi");
    assertThat(second).isEqualTo(first);
    // standard output and error merged: the same bytes in the same order
    for (String[] args :
        new String[][] {
          {"ratios", "--bogus"},
          {"ratios", "--zoo", "does-not-exist"},
          {"ratios"},
          {"ratios", "--synthetic"}
        }) {
      assertThat(java(env, args)).as(String.join(" ", args)).isEqualTo(java(off, args));
    }
    // `| head`: the reader goes away after a few lines; the exit code is the command's own
    assertThat(headOf(env)).isEqualTo(headOf(off)).isZero();
    assertThat(Files.readString(log))
        .contains("served ratios: exit 0")
        .contains("served ratios: exit 2")
        .contains("served ratios: exit 1");

    // removing the socket stops the server: its lock is released (this blocks until then)
    Path lock = only(daemon, ".lock");
    Files.delete(only(daemon, ".sock"));
    try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.WRITE);
        FileLock l = ch.lock()) {
      assertThat(l.isValid()).isTrue();
    }
    assertThat(Files.readString(log)).contains("stopped: socket removed");
    try (Stream<Path> files = Files.walk(cache)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
