package org.imagenetx.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.imagenetx.io.CacheDirectory;

/**
 * The tool's jar inside the launcher's ({@value #ENTRY}, stored uncompressed), unpacked to {@code
 * <cache>/engine/<crc>-<size>.jar} on first use and loaded from there. A copy is used only when its
 * size and CRC-32 are the entry's (a truncated, corrupted or replaced copy is unpacked again); a
 * cache directory that is off or not writable gets a temporary copy, deleted at exit. Unpacking a
 * new copy removes the copies of other builds not used for a day.
 */
final class EngineJar {
  /** Where the build puts the tool's jar inside the launcher's. */
  static final String ENTRY = "META-INF/imagenetx/engine.jar";

  private static final long UNUSED_MILLIS = TimeUnit.DAYS.toMillis(1);

  private EngineJar() {}

  /**
   * @param launcher a class of the launcher
   * @return a class loader of the tool's classes: over the unpacked tool's jar, or the launcher's
   *     own when it is not a jar carrying one (the classes directory, the tool's jar itself)
   * @throws IOException when the tool's jar cannot be unpacked anywhere
   */
  static ClassLoader loader(Class<?> launcher) throws IOException {
    ClassLoader own = launcher.getClassLoader();
    Path jar = location(launcher);
    if (jar == null || !Files.isRegularFile(jar)) {
      return own;
    }
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry entry = zip.getEntry(ENTRY);
      if (entry == null) {
        return own;
      }
      Path engine = unpacked(zip, entry, CacheDirectory.resolve());
      return new URLClassLoader("imagenetx", new URL[] {engine.toUri().toURL()}, own);
    }
  }

  private static Path location(Class<?> c) {
    CodeSource source = c.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return null;
    }
    try {
      return Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * @param zip the launcher's jar
   * @param entry the tool's jar in it
   * @param cache the cache directory, or null when it is off
   * @return an intact copy of the entry: the cached one, a newly cached one, or a temporary one
   * @throws IOException when not even a temporary copy can be written
   */
  static Path unpacked(ZipFile zip, ZipEntry entry, Path cache) throws IOException {
    String name = Long.toHexString(entry.getCrc()) + "-" + entry.getSize() + ".jar";
    if (cache != null) {
      Path dir = cache.resolve("engine");
      Path copy = dir.resolve(name);
      try {
        if (intact(copy, entry)) {
          // marks the copy as in use, so that another build's unpacking keeps it
          Files.setLastModifiedTime(copy, FileTime.fromMillis(System.currentTimeMillis()));
          return copy;
        }
        Files.createDirectories(dir);
        Path partial = Files.createTempFile(dir, name, ".partial");
        try {
          write(zip, entry, partial);
          Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(partial);
        }
        if (intact(copy, entry)) {
          sweep(dir, copy);
          return copy;
        }
      } catch (IOException | SecurityException | UnsupportedOperationException e) {
        // a read-only or full cache directory: a temporary copy below
      }
    }
    Path temporary = Files.createTempFile("imagenetx-", ".jar");
    temporary.toFile().deleteOnExit();
    write(zip, entry, temporary);
    if (!intact(temporary, entry)) {
      throw new IOException("the copy of " + ENTRY + " in " + temporary + " does not match it");
    }
    return temporary;
  }

  private static void write(ZipFile zip, ZipEntry entry, Path to) throws IOException {
    try (InputStream in = zip.getInputStream(entry);
        OutputStream out = Files.newOutputStream(to)) {
      in.transferTo(out);
    }
  }

  /** Whether a file has the entry's size and CRC-32. */
  static boolean intact(Path file, ZipEntry entry) {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) != entry.getSize()) {
        return false;
      }
      return crc(file) == entry.getCrc();
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * @param file a file
   * @return its CRC-32
   * @throws IOException when it cannot be read
   */
  static long crc(Path file) throws IOException {
    CRC32 crc = new CRC32();
    byte[] buf = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        crc.update(buf, 0, n);
      }
    }
    return crc.getValue();
  }

  /** Removes the copies of other builds that no command used for a day (best effort). */
  private static void sweep(Path dir, Path keep) {
    long before = System.currentTimeMillis() - UNUSED_MILLIS;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.jar")) {
      for (Path f : files) {
        if (!f.equals(keep) && Files.getLastModifiedTime(f).toMillis() < before) {
          Files.deleteIfExists(f);
        }
      }
    } catch (IOException | RuntimeException e) {
      // another day
    }
  }
}
