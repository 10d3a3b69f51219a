package org.imagenetx.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonKeyTest {
  @TempDir Path tmp;

  private Path jar(int size) throws IOException {
    Path jar = tmp.resolve("imagenetx-" + size + ".jar");
    Files.write(jar, new byte[size]);
    return jar;
  }

  @Test
  void keyOfAJavaJarCommandLine() throws IOException {
    Path jar = jar(10);
    String[] args = {"ratios", "--factors", "multi"};
    DaemonKey key =
        DaemonKey.of(
            List.of("java", "-jar", jar.toString(), "ratios", "--factors", "multi"),
            args,
            tmp.resolve("cache"));
    assertThat(key).isNotNull();
    assertThat(key.jar()).isEqualTo(jar.toAbsolutePath());
    assertThat(key.directory()).isEqualTo(tmp.resolve("cache").toAbsolutePath().resolve("daemon"));
    assertThat(key.socket()).isEqualTo(key.directory().resolve(key.hash() + ".sock"));
    assertThat(key.hash()).matches("[0-9a-f]{16}").isEqualTo(DaemonKey.hash(key.text()));
    String status = Files.readString(Path.of("/proc/self/status"));
    String umask = status.lines().filter(l -> l.startsWith("Umask:")).findFirst().orElseThrow();
    assertThat(key.text())
        .contains("cwd " + System.getProperty("user.dir") + "\n")
        .contains("jar " + jar.toAbsolutePath() + " 10 ")
        .contains("umask " + umask.substring(6).trim() + "\n");
    if (System.getenv("LANG") != null) {
      assertThat(key.text()).contains("LANG=" + System.getenv("LANG") + "\n");
    }
    // the arguments are not part of the key: every command of the same JVM shares one server
    DaemonKey other =
        DaemonKey.of(List.of("java", "-jar", jar.toString()), new String[0], tmp.resolve("cache"));
    assertThat(other).isEqualTo(key);
  }

  @Test
  void onlyPlainJavaJarCommandLinesHaveAKey() throws IOException {
    Path jar = jar(10);
    Path cache = tmp.resolve("cache");
    String[] args = {"ratios"};
    // a JVM option may not mean the same in a shared server
    assertThat(
            DaemonKey.of(List.of("java", "-Xmx1g", "-jar", jar.toString(), "ratios"), args, cache))
        .isNull();
    assertThat(
            DaemonKey.of(
                List.of("java", "-cp", jar.toString(), "org.imagenetx.cli.Main", "ratios"),
                args,
                cache))
        .isNull();
    // the tail of the command line must be the arguments
    assertThat(DaemonKey.of(List.of("java", "-jar", jar.toString(), "aggregate"), args, cache))
        .isNull();
    assertThat(DaemonKey.of(List.of("java", "-jar", jar.toString(), "ratios"), args, null))
        .isNull();
    assertThat(
            DaemonKey.of(
                List.of("java", "-jar", tmp.resolve("missing.jar").toString(), "ratios"),
                args,
                cache))
        .isNull();
    // a socket path beyond sun_path's 108 bytes cannot be bound
    assertThat(
            DaemonKey.of(
                List.of("java", "-jar", jar.toString(), "ratios"),
                args,
                tmp.resolve("c".repeat(120))))
        .isNull();
  }

  @Test
  void anotherJarIsAnotherKey() throws IOException {
    String[] args = {"ratios"};
    Path cache = tmp.resolve("cache");
    DaemonKey a = DaemonKey.of(List.of("java", "-jar", jar(10).toString(), "ratios"), args, cache);
    DaemonKey b = DaemonKey.of(List.of("java", "-jar", jar(11).toString(), "ratios"), args, cache);
    assertThat(a.hash()).isNotEqualTo(b.hash());
    assertThat(a.socket()).isNotEqualTo(b.socket());
  }

  @Test
  void hashIsFnv1a() {
    // FNV-1a 64 of "a" (the published test vector)
    assertThat(DaemonKey.hash("a")).isEqualTo("af63dc4c8601ec8c");
    assertThat(DaemonKey.hash("")).isEqualTo("cbf29ce484222325");
  }
}
