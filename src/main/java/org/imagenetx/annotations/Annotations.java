package org.imagenetx.annotations;

import java.nio.file.Path;
import java.util.Set;
import java.util.function.Function;
import org.imagenetx.io.BadInputException;

/**
 * A set of ImageNet-X annotations ready to load datasets from: the release embedded in imagenetx
 * ({@link #release()}) or the files at a user's path ({@link #open(Path)}), both read through a
 * {@link Snapshot}. Loading a dataset reads only what its options need; the texts and class names
 * are read when first asked for.
 *
 * <pre>{@code
 * Annotations release = Annotations.release();
 * Dataset val = release.dataset(AnnotationLoader.Options.defaults());
 * }</pre>
 */
public final class Annotations {
  private final Path path;
  private final Path cacheDir;
  private final String description;
  private volatile Snapshot snapshot;

  private Annotations(Snapshot snapshot, Path path, Path cacheDir, String description) {
    this.snapshot = snapshot;
    this.path = path;
    this.cacheDir = cacheDir;
    this.description = description;
  }

  /**
   * @return the ImageNet-X release embedded in imagenetx
   * @throws BadInputException when this build carries none, or it is damaged
   */
  public static Annotations release() {
    return new Annotations(Release.snapshot(), null, null, Release.DESCRIPTION);
  }

  /**
   * @param path a folder, a zip/wheel, or one annotation jsonl
   * @return its annotations (parsed on first use of the path, then read from the cache)
   * @throws BadInputException when the path is not an annotation source
   */
  public static Annotations open(Path path) {
    return open(path, SnapshotCache.directory());
  }

  static Annotations open(Path path, Path cacheDir) {
    try (AnnotationSource source = AnnotationSource.open(path)) {
      return new Annotations(
          SnapshotCache.load(source, cacheDir), path, cacheDir, source.description());
    }
  }

  /**
   * @return where the annotations come from, for reports
   */
  public String description() {
    return description;
  }

  /**
   * @return true for the embedded release
   */
  public boolean isRelease() {
    return path == null;
  }

  /**
   * @param partition val or train
   * @return true when the source offers a factor file of that partition
   */
  public boolean has(Partition partition) {
    for (FactorSelection s : FactorSelection.values()) {
      Snapshot.FileEntry e = snapshot.file(AnnotationSource.annotationFile(partition, s));
      if (e.present() && e.offered()) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param options what to load
   * @return the dataset
   * @throws BadInputException for a missing or malformed file the options need
   */
  public Dataset dataset(AnnotationLoader.Options options) {
    if (path == null) {
      // the embedded release cannot change: one dataset per options, so what is derived from it
      // (count plans, correctness tables) is built once per JVM, not once per command of a
      // resident server or per call of a library user
      AnnotationLoader.Options key =
          new AnnotationLoader.Options(
              options.partition(),
              Set.copyOf(options.selections()),
              options.keepPrototypes(),
              options.real());
      return RELEASE_DATASETS.computeIfAbsent(
          key, o -> decode(s -> SnapshotDatasets.dataset(this, s, o, description)));
    }
    return decode(s -> SnapshotDatasets.dataset(this, s, options, description));
  }

  /** Datasets of the embedded release, by options (a few: partitions x selections x flags). */
  private static final java.util.concurrent.ConcurrentHashMap<AnnotationLoader.Options, Dataset>
      RELEASE_DATASETS = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Decodes from the snapshot. A cached snapshot whose checksums hold but whose content does not
   * decode is discarded and rebuilt once from the source; the embedded one is refused.
   */
  <T> T decode(Function<Snapshot, T> f) {
    Snapshot s = snapshot;
    try {
      return f.apply(s);
    } catch (SnapshotCodec.Corrupt e) {
      if (path == null) {
        throw Release.corrupt(e);
      }
      try (AnnotationSource source = AnnotationSource.open(path)) {
        if (cacheDir != null) {
          SnapshotCache.discard(source, cacheDir);
        }
        Snapshot rebuilt = SnapshotCache.load(source, cacheDir);
        snapshot = rebuilt;
        try {
          return f.apply(rebuilt);
        } catch (SnapshotCodec.Corrupt again) {
          throw new BadInputException(
              description, 0, "annotation snapshot does not decode: " + again.getMessage());
        }
      }
    }
  }
}
