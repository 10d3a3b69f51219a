package org.imagenetx.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A set of files written into one output folder as a unit. The files are written into an empty
 * staging folder beside the output ({@code .<out>.<pid>.<n>.staging}); {@link #commit} then moves
 * each into place, after all were written. A failure while writing leaves the output folder as it
 * was; a failure while moving (a folder in the way, a read-only target) moves back what was moved,
 * so the previous set is whole again. Files of the output folder that the set does not name are
 * left alone: commands write into folders that hold other outputs (a results tree of several zoos).
 *
 * <p>Not covered: SIGKILL or a power cut during the moves of {@link #commit} (renames, milliseconds
 * for a set of hundreds of files) can leave part of the new set in place.
 */
public final class OutputSet implements AutoCloseable {
  private static final String SUFFIX = ".staging";
  private static final AtomicLong COUNTER = new AtomicLong();

  /** Staging folders of this process, removed by a shutdown hook on SIGTERM and Ctrl-C. */
  private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (Path p : LIVE) {
                    deleteTree(p);
                  }
                },
                "imagenetx-staging-cleanup"));
  }

  private final Path out;
  private final Path stage;
  private boolean committed;

  private OutputSet(Path out, Path stage) {
    this.out = out;
    this.stage = stage;
  }

  /**
   * Starts a set: creates the staging folder (and the output folder's parent), after sweeping the
   * staging folders of this output left by processes that are gone.
   *
   * @param out the output folder the set is for (it need not exist)
   * @return the set; write its files under {@link #folder()}
   */
  public static OutputSet begin(Path out) {
    Path abs = out.toAbsolutePath().normalize();
    Path parent = abs.getParent() == null ? abs : abs.getParent();
    String name = abs.getFileName() == null ? "out" : abs.getFileName().toString();
    try {
      Files.createDirectories(parent);
      sweepStale(parent, name);
      long pid = ProcessHandle.current().pid();
      while (true) {
        Path stage =
            parent.resolve("." + name + "." + pid + "." + COUNTER.incrementAndGet() + SUFFIX);
        try {
          Files.createDirectory(stage);
          LIVE.add(stage);
          return new OutputSet(out, stage);
        } catch (java.nio.file.FileAlreadyExistsException e) {
          // a leftover of an earlier process with this pid: take the next number
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
    }
  }

  /**
   * @return the staging folder: write the set's files here, at the paths they have under the output
   */
  public Path folder() {
    return stage;
  }

  /**
   * @param staged a path under {@link #folder()}
   * @return where it goes under the output folder
   */
  public Path target(Path staged) {
    return out.resolve(stage.relativize(staged).toString());
  }

  /**
   * Moves every file of the staging folder into the output folder, at the same relative path,
   * replacing files there (they keep their permissions). All or nothing: on a failure the files
   * already moved are moved back and the files they replaced restored.
   *
   * @return the files written, as paths under the output folder, in path order
   * @throws UncheckedIOException naming the file that could not be put in place
   */
  public List<Path> commit() {
    List<Path> files;
    try (Stream<Path> s = Files.walk(stage)) {
      files = s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
    }
    Path backup = stage.resolveSibling(stage.getFileName() + ".replaced");
    List<Path> moved = new ArrayList<>();
    List<Path> replaced = new ArrayList<>();
    List<Path> createdDirs = new ArrayList<>();
    Path current = null;
    try {
      for (Path f : files) {
        Path rel = stage.relativize(f);
        Path target = out.resolve(rel.toString());
        current = target;
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
          throw new IOException("a folder is in the way");
        }
        createParents(target.toAbsolutePath().getParent(), createdDirs);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
          copyPermissions(target, f);
          Path old = backup.resolve(rel.toString());
          Files.createDirectories(old.getParent());
          move(target, old);
          replaced.add(rel);
        }
        move(f, target);
        moved.add(rel);
      }
      committed = true;
      List<Path> written = new ArrayList<>();
      for (Path rel : moved) {
        written.add(out.resolve(rel.toString()));
      }
      return written;
    } catch (IOException e) {
      rollBack(moved, replaced, backup, createdDirs);
      throw new UncheckedIOException(
          "cannot write "
              + current
              + ": "
              + e.getMessage()
              + " (nothing written: the previous files are as they were)",
          e);
    } finally {
      deleteTree(backup);
    }
  }

  /** Removes the staging folder (and whatever a failed run left in it). */
  @Override
  public void close() {
    deleteTree(stage);
    LIVE.remove(stage);
  }

  /**
   * @return whether {@link #commit} completed
   */
  public boolean committed() {
    return committed;
  }

  private void rollBack(
      List<Path> moved, List<Path> replaced, Path backup, List<Path> createdDirs) {
    for (int i = moved.size() - 1; i >= 0; i--) {
      Path rel = moved.get(i);
      try {
        Path target = out.resolve(rel.toString());
        move(target, stage.resolve(rel.toString()));
      } catch (IOException ignored) {
        // best effort: the restore below still puts the old file back over it
      }
    }
    for (Path rel : replaced) {
      try {
        move(backup.resolve(rel.toString()), out.resolve(rel.toString()));
      } catch (IOException ignored) {
        // best effort
      }
    }
    for (int i = createdDirs.size() - 1; i >= 0; i--) {
      try {
        Files.deleteIfExists(createdDirs.get(i));
      } catch (IOException ignored) {
        // not empty: someone else's file is in it
      }
    }
  }

  private static void createParents(Path dir, List<Path> created) throws IOException {
    List<Path> missing = new ArrayList<>();
    for (Path d = dir; d != null && !Files.exists(d); d = d.getParent()) {
      missing.add(d);
    }
    for (int i = missing.size() - 1; i >= 0; i--) {
      Files.createDirectory(missing.get(i));
      created.add(missing.get(i));
    }
  }

  private static void copyPermissions(Path from, Path to) throws IOException {
    if (from.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Deletes the staging folders of {@code name} whose process is gone (SIGKILL runs no hook). */
  static void sweepStale(Path parent, String name) {
    String prefix = "." + name + ".";
    try (DirectoryStream<Path> ds =
        Files.newDirectoryStream(
            parent,
            p -> {
              String n = p.getFileName().toString();
              return n.startsWith(prefix)
                  && (n.endsWith(SUFFIX) || n.endsWith(SUFFIX + ".replaced"));
            })) {
      for (Path p : ds) {
        String n = p.getFileName().toString();
        String[] parts = n.substring(prefix.length()).split("\\.");
        if (parts.length >= 3 && AtomicFiles.abandoned(parts)) {
          deleteTree(p);
        }
      }
    } catch (IOException ignored) {
      // housekeeping only
    }
  }

  /**
   * Deletes a folder and everything in it, best effort: what cannot be deleted stays (staging
   * folders are swept by the next run; a server's warm-up folder is in the temporary directory).
   *
   * @param root the folder (nothing happens when it does not exist)
   */
  public static void deleteTree(Path root) {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException ignored) {
      // best effort: a dot folder beside the output, swept by the next run
    }
  }
}
