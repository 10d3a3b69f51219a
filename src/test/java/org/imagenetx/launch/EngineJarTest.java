package org.imagenetx.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's jar as {@link LauncherJar} writes it, and the tool's jar unpacked from it: cached
 * once, used while intact, unpacked again when truncated or corrupted, a temporary copy when the
 * cache is off or cannot be written, and other builds' unused copies removed.
 */
class EngineJarTest {
  @TempDir Path tmp;

  private Path classes;
  private Path engine;
  private Path launcher;

  @BeforeEach
  void writeJars() throws IOException {
    classes = tmp.resolve("classes");
    for (String name :
        List.of(
            "org/imagenetx/launch/Launcher.class",
            "org/imagenetx/daemon/DaemonClient.class",
            "org/imagenetx/daemon/Frames$Request.class",
            "org/imagenetx/io/CacheDirectory.class",
            "org/imagenetx/io/AtomicFiles.class",
            "org/imagenetx/cli/Main.class",
            "org/imagenetx/release/imagenet-x.ixs")) {
      Path f = classes.resolve(name);
      Files.createDirectories(f.getParent());
      Files.writeString(f, name);
    }
    engine = tmp.resolve("engine.jar");
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(engine))) {
      jar.putNextEntry(new JarEntry("org/imagenetx/cli/Main.class"));
      jar.write(new byte[100_000]);
      jar.putNextEntry(new JarEntry("hello.txt"));
      jar.write("hello".getBytes(StandardCharsets.UTF_8));
    }
    launcher = tmp.resolve("imagenetx.jar");
    LauncherJar.write(classes, engine, launcher);
  }

  @Test
  void theLauncherJarHoldsTheLauncherTheClientAndTheStoredToolJar() throws IOException {
    List<String> names = new ArrayList<>();
    try (JarFile jar = new JarFile(launcher.toFile())) {
      Collections.list(jar.entries()).forEach(e -> names.add(e.getName()));
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo(Launcher.class.getName());
      JarEntry tool = jar.getJarEntry(EngineJar.ENTRY);
      assertThat(tool.getMethod()).isEqualTo(ZipEntry.STORED);
      assertThat(tool.getSize()).isEqualTo(Files.size(engine));
      assertThat(tool.getCrc()).isEqualTo(EngineJar.crc(engine));
      assertThat(jar.getInputStream(tool).readAllBytes()).isEqualTo(Files.readAllBytes(engine));
    }
    assertThat(names)
        .containsExactly(
            "META-INF/MANIFEST.MF",
            "org/imagenetx/daemon/DaemonClient.class",
            "org/imagenetx/daemon/Frames$Request.class",
            "org/imagenetx/io/CacheDirectory.class",
            "org/imagenetx/launch/Launcher.class",
            EngineJar.ENTRY);
    // the same inputs give the same bytes
    Path again = tmp.resolve("again.jar");
    LauncherJar.write(classes, engine, again);
    assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(launcher));
  }

  @Test
  void theToolJarIsUnpackedOnceAndUsedWhileIntact() throws IOException {
    Path cache = tmp.resolve("cache");
    try (ZipFile zip = new ZipFile(launcher.toFile())) {
      ZipEntry entry = zip.getEntry(EngineJar.ENTRY);
      Path first = EngineJar.unpacked(zip, entry, cache);
      assertThat(first.getParent()).isEqualTo(cache.resolve("engine"));
      assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(engine));
      // an intact copy is used as it is, not written again
      long inode = (long) Files.getAttribute(first, "unix:ino");
      assertThat(EngineJar.unpacked(zip, entry, cache)).isEqualTo(first);
      assertThat((long) Files.getAttribute(first, "unix:ino")).isEqualTo(inode);

      // corrupted (same size), then truncated: unpacked again
      byte[] bytes = Files.readAllBytes(first);
      bytes[bytes.length / 2] ^= 1;
      Files.write(first, bytes);
      assertThat(EngineJar.intact(first, entry)).isFalse();
      assertThat(Files.readAllBytes(EngineJar.unpacked(zip, entry, cache)))
          .isEqualTo(Files.readAllBytes(engine));
      Files.write(first, java.util.Arrays.copyOf(bytes, 10));
      assertThat(Files.readAllBytes(EngineJar.unpacked(zip, entry, cache)))
          .isEqualTo(Files.readAllBytes(engine));
      assertThat(EngineJar.intact(first, entry)).isTrue();
    }
  }

  @Test
  void aCacheThatIsOffOrNotADirectoryGetsATemporaryCopy() throws IOException {
    Path notADirectory = tmp.resolve("cache-file");
    Files.writeString(notADirectory, "x");
    try (ZipFile zip = new ZipFile(launcher.toFile())) {
      ZipEntry entry = zip.getEntry(EngineJar.ENTRY);
      for (Path cache : new Path[] {null, notADirectory}) {
        Path copy = EngineJar.unpacked(zip, entry, cache);
        assertThat(copy.getParent()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
        assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(engine));
        Files.delete(copy);
      }
      assertThat(Files.readString(notADirectory)).isEqualTo("x");
    }
  }

  @Test
  void unpackingANewBuildRemovesOtherBuildsUnusedForADay() throws IOException {
    Path dir = tmp.resolve("cache").resolve("engine");
    Files.createDirectories(dir);
    Path stale = dir.resolve("0-1.jar");
    Path recent = dir.resolve("1-1.jar");
    Path other = dir.resolve("notes.txt");
    for (Path f : List.of(stale, recent, other)) {
      Files.writeString(f, "x");
      Files.setLastModifiedTime(
          f, FileTime.fromMillis(System.currentTimeMillis() - TimeUnit.DAYS.toMillis(2)));
    }
    Files.setLastModifiedTime(recent, FileTime.fromMillis(System.currentTimeMillis()));
    try (ZipFile zip = new ZipFile(launcher.toFile())) {
      EngineJar.unpacked(zip, zip.getEntry(EngineJar.ENTRY), tmp.resolve("cache"));
    }
    assertThat(stale).doesNotExist();
    assertThat(recent).exists();
    assertThat(other).exists();
  }

  @Test
  void classesOutsideALauncherJarLoadThemselves() throws IOException {
    // the test classes directory: no jar, no tool jar inside, the launcher's own loader
    assertThat(EngineJar.loader(EngineJarTest.class)).isSameAs(getClass().getClassLoader());
  }
}
