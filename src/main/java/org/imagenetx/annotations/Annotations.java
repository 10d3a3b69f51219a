package org.imagenetx.annotations;

import java.nio.file.Path;
import org.imagenetx.io.BadInputException;

/**
 * A set of ImageNet-X annotations ready to load datasets from: the release embedded in imagenetx
 * ({@link #release()}) or the files at a user's path ({@link #open(Path)}), both read through a
 * {@link Snapshot}. Loading a dataset reads only what its options need.
 *
 * <pre>{@code
 * Annotations release = Annotations.release();
 * Dataset val = release.dataset(AnnotationLoader.Options.defaults());
 * }</pre>
 */
public final class Annotations {
  private final Snapshot snapshot;
  private final Path path;
  private final String description;

  private Annotations(Snapshot snapshot, Path path, String description) {
    this.snapshot = snapshot;
    this.path = path;
    this.description = description;
  }

  /**
   * @return the ImageNet-X release embedded in imagenetx
   * @throws BadInputException when this build carries none, or it is damaged
   */
  public static Annotations release() {
    return new Annotations(Release.snapshot(), null, Release.DESCRIPTION);
  }

  /**
   * @param path a folder, a zip/wheel, or one annotation jsonl
   * @return its annotations (parsed on first use of the path, then read from the cache)
   * @throws BadInputException when the path is not an annotation source
   */
  public static Annotations open(Path path) {
    try (AnnotationSource source = AnnotationSource.open(path)) {
      return new Annotations(SnapshotCache.load(source), path, source.description());
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
      return Release.load(options);
    }
    try {
      return SnapshotDatasets.dataset(snapshot, options, description);
    } catch (SnapshotCodec.Corrupt e) {
      // a cached entry whose checksums hold but whose content does not decode: rebuild it once
      try (AnnotationSource source = AnnotationSource.open(path)) {
        SnapshotCache.discard(source);
        Snapshot rebuilt = SnapshotCache.load(source);
        try {
          return SnapshotDatasets.dataset(rebuilt, options, description);
        } catch (SnapshotCodec.Corrupt again) {
          throw new BadInputException(
              description, 0, "annotation snapshot does not decode: " + again.getMessage());
        }
      }
    }
  }
}
