package org.imagenetx.annotations;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * Loads annotation files into a {@link Dataset}. The first load of a source parses its files into a
 * {@link Snapshot} and caches it ({@link SnapshotCache}); later loads read only the sections they
 * need. Every malformed line is reported as a {@link org.imagenetx.io.BadInputException} with file,
 * line and cause; nothing is guessed. The release that ships with imagenetx loads through {@link
 * Release}.
 */
public final class AnnotationLoader {
  /** Whether to load the ReaL label sets. */
  public enum RealLabels {
    /** Do not load them (commands that never use {@code real_class}). */
    SKIP,
    /** Load them when the source has them. */
    IF_PRESENT,
    /** Load them; a source without them is an error. */
    REQUIRED
  }

  /**
   * What to load.
   *
   * @param partition val or train
   * @param selections which factor files to read
   * @param keepPrototypes keep the 3,000 prototype images (filtered out by default, as upstream)
   * @param real whether to load the ReaL labels (needed for {@code real_class})
   */
  public record Options(
      Partition partition,
      Set<FactorSelection> selections,
      boolean keepPrototypes,
      RealLabels real) {
    /**
     * @param partition val or train
     * @param selections which factor files to read
     * @param keepPrototypes keep the prototype images
     * @param requireReal true: ReaL labels required; false: loaded when present
     */
    public Options(
        Partition partition,
        Set<FactorSelection> selections,
        boolean keepPrototypes,
        boolean requireReal) {
      this(
          partition,
          selections,
          keepPrototypes,
          requireReal ? RealLabels.REQUIRED : RealLabels.IF_PRESENT);
    }

    /**
     * @return true when the ReaL labels are required
     */
    public boolean requireReal() {
      return real == RealLabels.REQUIRED;
    }

    /**
     * @return val, both selections, prototypes filtered, ReaL when present
     */
    public static Options defaults() {
      return new Options(Partition.VAL, EnumSet.allOf(FactorSelection.class), false, false);
    }
  }

  private AnnotationLoader() {}

  /**
   * @param path folder, zip/wheel or single annotation file
   * @param options what to load
   * @return the dataset
   */
  public static Dataset load(Path path, Options options) {
    return Annotations.open(path).dataset(options);
  }
}
