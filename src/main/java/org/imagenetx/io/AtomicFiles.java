package org.imagenetx.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes output files atomically: the content goes to a temporary file in the same directory, which
 * is then moved over the target. A crash or a failed computation never leaves a partial file under
 * the final name.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Receives the stream of a file being written. */
  @FunctionalInterface
  public interface StreamBody {
    /**
     * @param out where to write the content
     * @throws IOException on a write failure
     */
    void write(OutputStream out) throws IOException;
  }

  /** Writes a temporary file by any means (e.g. positional writes through a channel). */
  @FunctionalInterface
  public interface FileBody {
    /**
     * @param tmp the temporary file, empty, in the target's folder
     * @throws IOException on a write failure
     */
    void write(Path tmp) throws IOException;
  }

  /** Receives the writer of a text file being written. */
  @FunctionalInterface
  public interface TextBody {
    /**
     * @param out where to write the content (UTF-8)
     * @throws IOException on a write failure
     */
    void write(Writer out) throws IOException;
  }

  /**
   * Writes {@code target} atomically.
   *
   * @param target final path; its parent directories are created
   * @param body produces the bytes
   */
  public static void write(Path target, StreamBody body) {
    writeFile(
        target,
        tmp -> {
          try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            body.write(out);
          }
        });
  }

  /**
   * Writes {@code target} atomically through a temporary file that {@code body} fills; the file
   * gets the replaced file's permissions (rw-r--r-- when new) and is then moved over the target.
   *
   * @param target final path; its parent directories are created
   * @param body fills the temporary file
   */
  public static void writeFile(Path target, FileBody body) {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = null;
    Path created = null;
    try {
      Files.createDirectories(dir);
      sweepStale(dir, target);
      tmp = createTemp(dir, target);
      created = tmp;
      LIVE.add(tmp);
      body.write(tmp);
      setPermissions(tmp, target);
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: the temporary file has a dot name and never shadows an output
        }
      }
      if (created != null) {
        LIVE.remove(created);
      }
    }
  }

  /**
   * Temporary files being written by this process. SIGTERM or Ctrl-C during a 40 MB store build
   * left its temporary file behind every time (issue 15); the shutdown hook removes them. SIGKILL
   * runs no hook: {@link #sweepStale} removes those on the next write to the same folder.
   */
  private static final Set<Path> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

  static {
    Thread hook =
        new Thread(
            () -> {
              for (Path p : LIVE) {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException ignored) {
                  // exiting: the next write's sweep retries
                }
              }
            },
            "imagenetx-temp-cleanup");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Deletes {@code .<target>.<pid>.<n>.tmp} files of this target whose process is gone: debris of a
   * killed earlier write. A live process's file (another writer at work) is left alone.
   */
  static void sweepStale(Path dir, Path target) {
    String prefix = "." + target.getFileName() + ".";
    try (java.nio.file.DirectoryStream<Path> ds =
        Files.newDirectoryStream(
            dir,
            p -> {
              String n = p.getFileName().toString();
              return n.startsWith(prefix) && n.endsWith(".tmp");
            })) {
      for (Path p : ds) {
        String n = p.getFileName().toString();
        String[] parts = n.substring(prefix.length(), n.length() - 4).split("\\.");
        if (parts.length == 2 && abandoned(parts)) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException ignored) {
      // a sweep is housekeeping: the write itself reports real problems
    }
  }

  /**
   * Whether a temporary name's writer is gone: the name carries {@code <pid>.<counter>} (its first
   * two dot-separated parts after the target's prefix), and no live process other than this one has
   * that pid. A name of another shape is never taken for abandoned.
   *
   * @param parts the dot-separated parts after the prefix
   * @return true when the temporary can be deleted
   */
  static boolean abandoned(String[] parts) {
    long pid;
    try {
      pid = Long.parseLong(parts[0]);
      Long.parseLong(parts[1]);
    } catch (NumberFormatException e) {
      return false;
    }
    return pid != ProcessHandle.current().pid()
        && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static final java.util.concurrent.atomic.AtomicLong COUNTER =
      new java.util.concurrent.atomic.AtomicLong();

  /**
   * A new empty file {@code .<target>.<pid>.<n>.tmp} beside the target. Not {@link
   * Files#createTempFile}: its random names seed a SecureRandom, ~20 ms of a cold start.
   */
  private static Path createTemp(Path dir, Path target) throws IOException {
    long pid = ProcessHandle.current().pid();
    while (true) {
      Path tmp =
          dir.resolve(
              "." + target.getFileName() + "." + pid + "." + COUNTER.incrementAndGet() + ".tmp");
      try {
        return Files.createFile(tmp);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // a leftover of an earlier process with the same pid: take the next number
      }
    }
  }

  /**
   * Temporary files are created owner-only; give the result the permissions of the file it
   * replaces, or the usual rw-r--r-- of a new output.
   */
  private static void setPermissions(Path tmp, Path target) throws IOException {
    if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    Set<PosixFilePermission> perms =
        Files.exists(target)
            ? Files.getPosixFilePermissions(target)
            : PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(tmp, perms);
  }

  /**
   * Writes a UTF-8 text file atomically.
   *
   * @param target final path
   * @param body produces the text
   */
  public static void writeText(Path target, TextBody body) {
    write(
        target,
        out -> {
          Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          body.write(w);
          w.flush();
        });
  }

  /**
   * Writes a UTF-8 string atomically.
   *
   * @param target final path
   * @param text content
   */
  public static void writeString(Path target, String text) {
    write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }
}
