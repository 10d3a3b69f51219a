package org.imagenetx.zoo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.imagenetx.annotations.ImageIndex;

/**
 * Prediction CSVs parsed ahead of time, taken once by the zoo that reads them. A command's first
 * read of a small zoo waits on a cold JVM's parse; {@link Zoos#prefetch} lets a thread that is idle
 * while the command line is being parsed do it instead. An entry is used only for the same file
 * (path, size, modification time) and the same index object, and is removed when taken, so nothing
 * is kept beyond the read it replaces.
 */
final class CsvPrefetch {
  private static final ConcurrentHashMap<Key, FutureTask<Parsed>> PARSED =
      new ConcurrentHashMap<>();

  private CsvPrefetch() {}

  /** A parsed file. */
  record Parsed(short[] classes, float[] probabilities, int numMissing) {}

  private record Key(String path, long size, long mtime, ImageIndex index) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && k.path.equals(path)
          && k.size == size
          && k.mtime == mtime
          && k.index == index;
    }

    @Override
    public int hashCode() {
      return path.hashCode() * 31 + Long.hashCode(mtime);
    }
  }

  private static Key key(Path file, ImageIndex index) {
    try {
      return new Key(
          file.toAbsolutePath().normalize().toString(),
          Files.size(file),
          Files.getLastModifiedTime(file).toMillis(),
          index);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Parses files on the calling thread, for later {@link #take}s. Every file is announced before
   * the first is parsed, so a reader arriving meanwhile waits instead of parsing it twice.
   */
  static void parse(java.util.List<Path> files, ImageIndex index) {
    java.util.List<FutureTask<Parsed>> mine = new java.util.ArrayList<>();
    for (Path file : files) {
      Key k = key(file, index);
      if (k == null) {
        continue;
      }
      FutureTask<Parsed> task = new FutureTask<>(new Parse(file, index));
      if (PARSED.putIfAbsent(k, task) == null) {
        mine.add(task);
      }
    }
    for (FutureTask<Parsed> task : mine) {
      task.run();
    }
  }

  /**
   * @return the file parsed ahead of time (waiting for a parse in progress), or null
   */
  static Parsed take(Path file, ImageIndex index) {
    if (PARSED.isEmpty()) {
      return null;
    }
    Key k = key(file, index);
    FutureTask<Parsed> task = k == null ? null : PARSED.remove(k);
    if (task == null) {
      return null;
    }
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      return null; // the reader parses the file again and reports the problem itself
    }
  }

  private static final class Parse implements Callable<Parsed> {
    private final Path file;
    private final ImageIndex index;

    Parse(Path file, ImageIndex index) {
      this.file = file;
      this.index = index;
    }

    @Override
    public Parsed call() {
      short[] classes = new short[index.size()];
      float[] probabilities = new float[index.size()];
      PredictionCsv.Result r = PredictionCsv.read(file, index, classes, probabilities);
      return new Parsed(classes, r.hasProbabilities() ? probabilities : null, r.numMissing());
    }
  }
}
