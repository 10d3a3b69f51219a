package org.imagenetx.annotations;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.imagenetx.io.BadInputException;

/**
 * Snapshots of user-given annotation sources, cached on disk so that only the first command on a
 * source parses its JSON lines.
 *
 * <p>A cache entry is keyed by the source's path and records a stamp of every source file: size,
 * modification time and two checksums of the content (CRC32C and CRC32). An entry is used when
 * every file still has its size and time; when a size or time differs, the content checksums decide
 * (a touched but unchanged file keeps the entry; a changed one rebuilds it). A wrong magic,
 * version, header or section checksum rebuilds the entry too. Entries are written to a temporary
 * file and moved into place, so a reader never sees half an entry.
 *
 * <p>The directory is {@link org.imagenetx.io.CacheDirectory}; its value {@code off} disables
 * caching. A directory that cannot be written is not an error: the snapshot is then built in memory
 * on every run.
 */
final class SnapshotCache {
  private SnapshotCache() {}

  /**
   * @return the cache directory, or null when caching is off
   */
  static Path directory() {
    return org.imagenetx.io.CacheDirectory.resolve();
  }

  /**
   * @param source annotation files
   * @return the cache file of that source (whether or not it exists)
   */
  static Path entry(Path dir, AnnotationSource source) {
    byte[] key = source.cacheKey().getBytes(StandardCharsets.UTF_8);
    long h = 0xcbf29ce484222325L;
    for (byte b : key) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    return dir.resolve(String.format(Locale.ROOT, "annotations-%016x.ixs", h));
  }

  /**
   * The snapshot of a source: the cached one when fresh, else a new one (stored when it has no
   * failed part and the cache can be written).
   *
   * @param source annotation files
   * @return the snapshot
   */
  static Snapshot load(AnnotationSource source) {
    return load(source, directory());
  }

  /**
   * @param source annotation files
   * @param dir cache directory, or null for none
   * @return the snapshot
   */
  static Snapshot load(AnnotationSource source, Path dir) {
    Path file = dir == null ? null : entry(dir, source);
    List<Path> files = source.files();
    if (file != null) {
      Snapshot cached = fresh(file, source, files);
      if (cached != null) {
        return cached;
      }
    }
    List<Snapshot.Stamp> stamps = new ArrayList<>();
    for (Path p : files) {
      stamps.add(stamp(p));
    }
    Snapshot built = SnapshotBuilder.build(source, stamps);
    if (file != null && built.failures().isEmpty()) {
      store(file, built);
    }
    return built;
  }

  /** Removes the cache entry of a source (a section of it did not decode). */
  static void discard(AnnotationSource source, Path dir) {
    try {
      Files.deleteIfExists(entry(dir, source));
    } catch (IOException | SecurityException e) {
      // a read-only cache: the next run rebuilds in memory as well
    }
  }

  private static Snapshot fresh(Path file, AnnotationSource source, List<Path> files) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    Snapshot snap;
    try {
      snap = Snapshot.open(fileSource(file));
    } catch (IOException | SnapshotCodec.Corrupt e) {
      return null;
    }
    if (!snap.description().equals(source.description()) || snap.stamps().size() != files.size()) {
      return null;
    }
    List<Snapshot.Stamp> now = new ArrayList<>(files.size());
    boolean touched = false;
    for (int i = 0; i < files.size(); i++) {
      Snapshot.Stamp was = snap.stamps().get(i);
      Path p = files.get(i);
      if (!was.path().equals(p.toAbsolutePath().normalize().toString())) {
        return null;
      }
      try {
        long size = Files.size(p);
        long mtime = Files.getLastModifiedTime(p).toMillis();
        if (size == was.size() && mtime == was.mtimeMillis()) {
          now.add(was);
          continue;
        }
      } catch (IOException e) {
        return null;
      }
      Snapshot.Stamp is = stamp(p);
      if (is.size() != was.size() || is.crc32c() != was.crc32c() || is.crc32() != was.crc32()) {
        return null; // stale: rebuilt by the caller
      }
      now.add(is);
      touched = true;
    }
    if (touched) {
      snap = snap.withStamps(now);
      store(file, snap);
    }
    return snap;
  }

  static Snapshot.Source fileSource(Path file) {
    return new Snapshot.Source() {
      @Override
      public InputStream open() throws IOException {
        return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
      }

      @Override
      public String describe() {
        return file.toString();
      }
    };
  }

  /**
   * @param p a source file
   * @return its stamp, content checksums included
   */
  static Snapshot.Stamp stamp(Path p) {
    try (FileChannel ch = FileChannel.open(p)) {
      long mtime = Files.getLastModifiedTime(p).toMillis();
      CRC32C c = new CRC32C();
      CRC32 d = new CRC32();
      ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
      long size = 0;
      while (ch.read(buf) >= 0) {
        buf.flip();
        size += buf.remaining();
        c.update(buf.duplicate());
        d.update(buf);
        buf.clear();
      }
      return new Snapshot.Stamp(
          p.toAbsolutePath().normalize().toString(),
          size,
          mtime,
          (int) c.getValue(),
          (int) d.getValue());
    } catch (IOException e) {
      throw new BadInputException(p.toString(), 0, "cannot read: " + e.getMessage());
    }
  }

  private static void store(Path file, Snapshot snap) {
    Path tmp = null;
    try {
      Files.createDirectories(file.getParent());
      tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      try (OutputStream out =
          new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        snap.write(out);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException | SecurityException | UnsupportedOperationException e) {
      // not an error: a read-only or full cache only means the next run parses again
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException | SecurityException e) {
          // nothing more to do
        }
      }
    }
  }
}
