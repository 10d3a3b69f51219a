package org.imagenetx.annotations;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.imagenetx.io.BadInputException;
import org.roaringbitmap.RoaringBitmap;

/**
 * Builds a {@link Dataset} from the sections of a {@link Snapshot} that the options ask for, and
 * reports problems in the order a loader reading the files one after another would meet them:
 * missing files, the class table, the factor files, the image index, the prototypes, rows that do
 * not fit the index, the ReaL labels.
 */
final class SnapshotDatasets {
  private SnapshotDatasets() {}

  /**
   * @param owner decodes the lazily read parts (texts, class names) and recovers from a damaged
   *     cache entry
   * @param snap the snapshot
   * @param o what to load
   * @param source how the dataset names its origin in reports
   * @return the dataset
   * @throws BadInputException for a missing or malformed file the options need
   * @throws SnapshotCodec.Corrupt when a section does not decode
   */
  static Dataset dataset(
      Annotations owner, Snapshot snap, AnnotationLoader.Options o, String source) {
    Partition p = o.partition();
    List<FactorSelection> selections = new ArrayList<>(EnumSet.copyOf(o.selections()));
    if (selections.isEmpty()) {
      throw new IllegalArgumentException("no factor selection to load");
    }
    for (FactorSelection s : selections) {
      Snapshot.FileEntry e = snap.file(AnnotationSource.annotationFile(p, s));
      if (!e.offered()) {
        throw new BadInputException(
            snap.description(),
            0,
            "this annotation file only holds "
                + (s == FactorSelection.MULTI ? "top" : "multi")
                + " factors; pass its folder to get "
                + s.key()
                + " factors");
      }
      requirePresent(
          snap, AnnotationSource.annotationFile(p, s), "missing; " + AnnotationSource.HOW_TO_GET);
    }
    requirePresent(snap, AnnotationSource.METACLASSES, "missing; " + AnnotationSource.HOW_TO_GET);
    rethrow(snap, SnapshotSection.CLASSES, false);
    for (FactorSelection s : selections) {
      rethrow(snap, SnapshotSection.factors(p, s), false);
    }
    boolean val = p == Partition.VAL;
    if (val) {
      requirePresent(
          snap, AnnotationSource.FILENAME_LABEL, "missing; " + AnnotationSource.HOW_TO_GET);
      rethrow(snap, SnapshotSection.VAL_INDEX, false);
    }
    boolean filter = val && !o.keepPrototypes();
    if (filter) {
      requirePresent(
          snap,
          AnnotationSource.PROTOTYPES,
          "missing (needed to filter prototypes; pass --keep-prototypes to keep them)");
      rethrow(snap, SnapshotSection.VAL_PROTOTYPES, false);
    }
    for (FactorSelection s : selections) {
      rethrow(snap, SnapshotSection.factors(p, s), true);
    }
    boolean real = false;
    if (val) {
      boolean present = snap.file(AnnotationSource.REAL_LABELS).present();
      if (o.real() == AnnotationLoader.RealLabels.REQUIRED && !present) {
        throw new BadInputException(
            snap.file(AnnotationSource.REAL_LABELS).shownAs(),
            0,
            "missing (needed for the real_class error type)");
      }
      real = present && o.real() != AnnotationLoader.RealLabels.SKIP;
      if (real) {
        rethrow(snap, SnapshotSection.VAL_REAL, false);
      }
    } else if (o.real() == AnnotationLoader.RealLabels.REQUIRED) {
      throw new BadInputException(
          snap.file(AnnotationSource.REAL_LABELS).shownAs(),
          0,
          "ReaL labels exist for validation images only; drop real_class from --error-types");
    }

    EnumSet<SnapshotSection> needed = EnumSet.of(SnapshotSection.CLASSES, SnapshotSection.index(p));
    if (filter) {
      needed.add(SnapshotSection.VAL_PROTOTYPES);
    }
    for (FactorSelection s : selections) {
      needed.add(SnapshotSection.factors(p, s));
    }
    if (real) {
      needed.add(SnapshotSection.VAL_REAL);
    }
    snap.prefetch(needed);

    Metaclasses metaclasses = snap.decoded(SnapshotSection.CLASSES, SnapshotDatasets::metaclasses);
    SnapshotSection indexSection = SnapshotSection.index(p);
    ImageIndex index = snap.decoded(indexSection, x -> index(x, indexSection, metaclasses));
    int n = index.size();
    RoaringBitmap prototypes =
        filter ? snap.decoded(SnapshotSection.VAL_PROTOTYPES, x -> bitmap(x, n)) : null;
    Map<FactorSelection, FactorSet> sets = new EnumMap<>(FactorSelection.class);
    int removed = 0;
    for (FactorSelection s : selections) {
      SnapshotSection section = SnapshotSection.factors(p, s);
      RoaringBitmap[] stored = snap.decoded(section, x -> factorBitmaps(x, section, n));
      RoaringBitmap annotated = stored[Factor.COUNT];
      RoaringBitmap evaluated = annotated;
      if (prototypes != null) {
        removed = Math.max(removed, RoaringBitmap.andCardinality(annotated, prototypes));
        evaluated = RoaringBitmap.andNot(annotated, prototypes);
      }
      sets.put(s, new FactorSet(s, n, evaluated, java.util.Arrays.copyOf(stored, Factor.COUNT)));
    }
    int[] offsets = null;
    short[] labels = null;
    if (real) {
      Object[] csr = snap.decoded(SnapshotSection.VAL_REAL, x -> real(x, n));
      offsets = (int[]) csr[0];
      labels = (short[]) csr[1];
    }
    Partition partition = p;
    int numClasses = metaclasses.numClasses();
    Supplier<ImageTexts> texts = () -> owner.decode(s -> texts(s, partition, n));
    Supplier<ClassNames> names = () -> owner.decode(s -> classNames(s, numClasses));
    return new Dataset(
        p, index, metaclasses, sets, offsets, labels, removed, false, source, names, texts);
  }

  private static RoaringBitmap bitmap(Snapshot snap, int n) {
    SnapshotCodec.In in = snap.section(SnapshotSection.VAL_PROTOTYPES);
    RoaringBitmap b = in.getBitmap(n);
    in.end();
    return b;
  }

  /** The 16 factor bitmaps, then the annotated images, as stored; shared, not to be modified. */
  private static RoaringBitmap[] factorBitmaps(Snapshot snap, SnapshotSection s, int n) {
    SnapshotCodec.In in = snap.section(s);
    RoaringBitmap[] out = new RoaringBitmap[Factor.COUNT + 1];
    out[Factor.COUNT] = in.getBitmap(n);
    for (int f = 0; f < Factor.COUNT; f++) {
      out[f] = in.getBitmap(n);
    }
    in.end();
    return out;
  }

  private static Object[] real(Snapshot snap, int n) {
    SnapshotCodec.In in = snap.section(SnapshotSection.VAL_REAL);
    int[] offsets = in.getInts();
    short[] labels = in.getShorts();
    in.end();
    checkReal(offsets, labels, n);
    return new Object[] {offsets, labels};
  }

  private static void requirePresent(Snapshot snap, String name, String problem) {
    Snapshot.FileEntry e = snap.file(name);
    if (!e.present()) {
      throw new BadInputException(e.shownAs(), 0, problem);
    }
  }

  private static void rethrow(Snapshot snap, SnapshotSection s, boolean mapStage) {
    Snapshot.Failure f = snap.failure(s);
    if (f != null && f.mapStage() == mapStage) {
      throw f.error();
    }
  }

  static Metaclasses metaclasses(Snapshot snap) {
    SnapshotCodec.In in = snap.section(SnapshotSection.CLASSES);
    byte[] ids = in.getBytes();
    in.end();
    try {
      return Metaclasses.of(ids);
    } catch (IllegalArgumentException e) {
      throw new SnapshotCodec.Corrupt(e.getMessage());
    }
  }

  static ImageIndex index(Snapshot snap, SnapshotSection s, Metaclasses metaclasses) {
    SnapshotCodec.In in = snap.section(s);
    int kind = in.getByte();
    int[] numbers = null;
    int[] denseOfNumber = null;
    String[] names = null;
    if (kind == 0) {
      numbers = in.getInts();
      denseOfNumber = in.getInts();
    } else if (kind == 1) {
      names = new String[in.getInt()];
      for (int d = 0; d < names.length; d++) {
        names[d] = in.getString();
        if (names[d] == null) {
          throw new SnapshotCodec.Corrupt("null file name");
        }
      }
    } else {
      throw new SnapshotCodec.Corrupt("unknown index kind " + kind);
    }
    short[] labels = in.getShorts();
    byte[] metaclassOfImage = in.getBytes();
    int[] classFrom = in.getInts();
    int[] classTo = in.getInts();
    int[] metaFrom = in.getInts();
    int[] metaTo = in.getInts();
    in.end();
    int n = labels.length;
    if ((numbers != null ? numbers.length : names.length) != n
        || metaclassOfImage.length != n
        || classFrom.length != metaclasses.numClasses()
        || classTo.length != classFrom.length
        || metaFrom.length != Metaclasses.COUNT
        || metaTo.length != Metaclasses.COUNT) {
      throw new SnapshotCodec.Corrupt("index arrays of inconsistent lengths");
    }
    return ImageIndex.ofStored(
        new ImageIndex.Stored(
            names,
            numbers,
            labels,
            metaclassOfImage,
            classFrom,
            classTo,
            metaFrom,
            metaTo,
            denseOfNumber));
  }

  /** Lengths only: the section's values are trusted after its checksum (see ImageIndex). */
  private static void checkReal(int[] offsets, short[] labels, int n) {
    if (offsets.length != n + 1 || offsets[0] != 0 || offsets[n] != labels.length) {
      throw new SnapshotCodec.Corrupt("bad ReaL offsets");
    }
  }

  private static ClassNames classNames(Snapshot snap, int numClasses) {
    if (!snap.has(SnapshotSection.HUMAN_LABELS)) {
      Snapshot.Failure f = snap.failure(SnapshotSection.HUMAN_LABELS);
      if (f != null) {
        throw f.error();
      }
      return ClassNames.unknown(numClasses);
    }
    SnapshotCodec.In in = snap.section(SnapshotSection.HUMAN_LABELS);
    int n = in.getInt();
    if (n != numClasses) {
      throw new SnapshotCodec.Corrupt("labels of " + n + " classes, expected " + numClasses);
    }
    String[] wnids = new String[n];
    String[] labels = new String[n];
    for (int c = 0; c < n; c++) {
      wnids[c] = in.getString();
      labels[c] = in.getString();
    }
    in.end();
    return new ClassNames(wnids, labels);
  }

  private static ImageTexts texts(Snapshot snap, Partition p, int n) {
    SnapshotSection s = SnapshotSection.texts(p);
    if (!snap.has(s)) {
      return ImageTexts.none(n);
    }
    SnapshotCodec.In in = snap.section(s);
    int size = in.getInt();
    if (size != n) {
      throw new SnapshotCodec.Corrupt("texts cover " + size + " images, the index " + n);
    }
    String[] justification = new String[n];
    String[] oneWord = new String[n];
    for (int d = 0; d < n; d++) {
      justification[d] = in.getString();
      oneWord[d] = in.getString();
    }
    in.end();
    return new ImageTexts(justification, oneWord);
  }
}
