package org.imagenetx.annotations;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.imagenetx.io.BadInputException;
import org.roaringbitmap.RoaringBitmap;

/**
 * Parses every file an annotation source holds into a {@link Snapshot}. A file that fails to parse
 * does not stop the others: its error is kept and reported only to a command that needs that file,
 * exactly as when each command parsed just its own files; such a snapshot is never stored.
 */
final class SnapshotBuilder {
  /** The upstream names a snapshot describes, in the order of the manifest. */
  static final List<String> NAMES =
      List.of(
          AnnotationSource.METACLASSES,
          AnnotationSource.HUMAN_LABELS,
          AnnotationSource.FILENAME_LABEL,
          AnnotationSource.PROTOTYPES,
          AnnotationSource.REAL_LABELS,
          AnnotationSource.annotationFile(Partition.VAL, FactorSelection.MULTI),
          AnnotationSource.annotationFile(Partition.VAL, FactorSelection.TOP),
          AnnotationSource.annotationFile(Partition.TRAIN, FactorSelection.MULTI),
          AnnotationSource.annotationFile(Partition.TRAIN, FactorSelection.TOP));

  private final AnnotationSource source;
  private final Map<String, Snapshot.FileEntry> files = new LinkedHashMap<>();
  private final Map<SnapshotSection, byte[]> sections = new EnumMap<>(SnapshotSection.class);
  private final Map<SnapshotSection, Snapshot.Failure> failures =
      new EnumMap<>(SnapshotSection.class);

  private SnapshotBuilder(AnnotationSource source, Function<String, String> shownAs) {
    this.source = source;
    for (String name : NAMES) {
      boolean offered = true;
      for (FactorSelection s : FactorSelection.values()) {
        for (Partition p : Partition.values()) {
          if (name.equals(AnnotationSource.annotationFile(p, s)) && !source.offers(s)) {
            offered = false;
          }
        }
      }
      files.put(name, new Snapshot.FileEntry(source.has(name), offered, shownAs.apply(name)));
    }
  }

  /**
   * @param source the annotation files
   * @param stamps the source files as they were before parsing
   * @return the snapshot, in memory
   */
  static Snapshot build(AnnotationSource source, List<Snapshot.Stamp> stamps) {
    return build(source, stamps, Map.of(), source::describe, source.description());
  }

  /**
   * @param source the annotation files
   * @param stamps the source files as they were before parsing
   * @param extra sections that do not come from the source (the release's base models)
   * @param shownAs how messages name each upstream file
   * @param description how the snapshot names its source
   * @return the snapshot, in memory
   */
  static Snapshot build(
      AnnotationSource source,
      List<Snapshot.Stamp> stamps,
      Map<SnapshotSection, byte[]> extra,
      Function<String, String> shownAs,
      String description) {
    SnapshotBuilder b = new SnapshotBuilder(source, shownAs);
    b.run();
    b.sections.putAll(extra);
    return Snapshot.inMemory(description, b.files, stamps, b.sections, b.failures);
  }

  private boolean usable(String name) {
    Snapshot.FileEntry e = files.get(name);
    return e.present() && e.offered();
  }

  private void fail(SnapshotSection s, BadInputException e, boolean mapStage) {
    failures.put(s, new Snapshot.Failure(e, mapStage));
  }

  private void run() {
    if (!usable(AnnotationSource.METACLASSES)) {
      return; // every derivation reports the missing class table first
    }
    Metaclasses metaclasses;
    try {
      metaclasses = AnnotationParser.readMetaclasses(source);
    } catch (BadInputException e) {
      fail(SnapshotSection.CLASSES, e, false);
      return;
    }
    byte[] ids = new byte[metaclasses.numClasses()];
    for (int c = 0; c < ids.length; c++) {
      ids[c] = (byte) metaclasses.of(c);
    }
    sections.put(SnapshotSection.CLASSES, new SnapshotCodec.Out().putBytes(ids).toBytes());
    if (usable(AnnotationSource.HUMAN_LABELS)) {
      try {
        AnnotationParser.HumanLabels labels = AnnotationParser.readHumanLabels(source);
        SnapshotCodec.Out out = new SnapshotCodec.Out().putInt(labels.wnids().length);
        for (int c = 0; c < labels.wnids().length; c++) {
          out.putString(labels.wnids()[c]).putString(labels.labels()[c]);
        }
        sections.put(SnapshotSection.HUMAN_LABELS, out.toBytes());
      } catch (BadInputException e) {
        fail(SnapshotSection.HUMAN_LABELS, e, false);
      }
    }
    validation(metaclasses);
    training(metaclasses);
  }

  private Map<FactorSelection, List<AnnotationParser.Row>> rows(Partition p, int numClasses) {
    Map<FactorSelection, List<AnnotationParser.Row>> rows = new EnumMap<>(FactorSelection.class);
    for (FactorSelection s : FactorSelection.values()) {
      String name = AnnotationSource.annotationFile(p, s);
      if (!usable(name)) {
        continue;
      }
      try {
        rows.put(s, AnnotationParser.readAnnotations(source, name, numClasses));
      } catch (BadInputException e) {
        fail(SnapshotSection.factors(p, s), e, false);
      }
    }
    return rows;
  }

  private void validation(Metaclasses metaclasses) {
    Map<FactorSelection, List<AnnotationParser.Row>> rows =
        rows(Partition.VAL, metaclasses.numClasses());
    if (!usable(AnnotationSource.FILENAME_LABEL)) {
      return;
    }
    ImageIndex index;
    try {
      index = AnnotationParser.readFilenameLabels(source, metaclasses);
    } catch (BadInputException e) {
      fail(SnapshotSection.VAL_INDEX, e, false);
      return;
    }
    sections.put(SnapshotSection.VAL_INDEX, encodeIndex(index));
    if (usable(AnnotationSource.PROTOTYPES)) {
      try {
        Set<String> names = AnnotationParser.readPrototypes(source);
        RoaringBitmap prototypes = new RoaringBitmap();
        for (String name : names) {
          int d = index.lookup(name);
          if (d >= 0) {
            prototypes.add(d);
          }
        }
        prototypes.runOptimize();
        sections.put(
            SnapshotSection.VAL_PROTOTYPES,
            new SnapshotCodec.Out().putBitmap(prototypes).toBytes());
      } catch (BadInputException e) {
        fail(SnapshotSection.VAL_PROTOTYPES, e, false);
      }
    }
    factors(Partition.VAL, index, rows);
    if (usable(AnnotationSource.REAL_LABELS)) {
      try {
        int[][] csr = AnnotationParser.readReal(source, index);
        short[] labels = new short[csr[1].length];
        for (int i = 0; i < labels.length; i++) {
          labels[i] = (short) csr[1][i];
        }
        sections.put(
            SnapshotSection.VAL_REAL,
            new SnapshotCodec.Out().putInts(csr[0]).putShorts(labels).toBytes());
      } catch (BadInputException e) {
        fail(SnapshotSection.VAL_REAL, e, false);
      }
    }
  }

  private void training(Metaclasses metaclasses) {
    Map<FactorSelection, List<AnnotationParser.Row>> rows =
        rows(Partition.TRAIN, metaclasses.numClasses());
    if (rows.isEmpty()) {
      return;
    }
    // The index is the union of the annotated images; the first label seen (multi, then top)
    // is the image's label, and the other file must agree (checked when mapping its rows).
    Map<String, Integer> labels = new LinkedHashMap<>();
    for (List<AnnotationParser.Row> rs : rows.values()) {
      for (AnnotationParser.Row r : rs) {
        labels.putIfAbsent(r.fileName(), r.classId());
      }
    }
    String[] names = labels.keySet().toArray(new String[0]);
    int[] classes = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      classes[i] = labels.get(names[i]);
    }
    ImageIndex index = ImageIndex.build(names, classes, metaclasses);
    sections.put(SnapshotSection.TRAIN_INDEX, encodeIndex(index));
    factors(Partition.TRAIN, index, rows);
  }

  /** Maps each selection's rows onto the index: annotated positions, factor bitmaps, texts. */
  private void factors(
      Partition p, ImageIndex index, Map<FactorSelection, List<AnnotationParser.Row>> rows) {
    String[] justification = null;
    String[] oneWord = null;
    for (Map.Entry<FactorSelection, List<AnnotationParser.Row>> e : rows.entrySet()) {
      FactorSelection s = e.getKey();
      String file = files.get(AnnotationSource.annotationFile(p, s)).shownAs();
      RoaringBitmap annotated = new RoaringBitmap();
      RoaringBitmap[] factors = new RoaringBitmap[Factor.COUNT];
      for (int f = 0; f < Factor.COUNT; f++) {
        factors[f] = new RoaringBitmap();
      }
      boolean texts = justification == null;
      String[] j = texts ? new String[index.size()] : null;
      String[] w = texts ? new String[index.size()] : null;
      try {
        for (AnnotationParser.Row r : e.getValue()) {
          int dense = index.lookup(r.fileName());
          if (dense < 0) {
            throw new BadInputException(
                file,
                r.line(),
                "unknown file name "
                    + r.fileName()
                    + " (not in "
                    + AnnotationSource.FILENAME_LABEL
                    + ")");
          }
          if (index.label(dense) != r.classId()) {
            throw new BadInputException(
                file,
                r.line(),
                "class "
                    + r.classId()
                    + " of "
                    + r.fileName()
                    + " disagrees with its label "
                    + index.label(dense)
                    + (p == Partition.VAL ? " in " + AnnotationSource.FILENAME_LABEL : ""));
          }
          annotated.add(dense);
          for (int f = 0; f < Factor.COUNT; f++) {
            if ((r.mask() & (1 << f)) != 0) {
              factors[f].add(dense);
            }
          }
          if (texts) {
            j[dense] = r.justification();
            w[dense] = r.oneWord();
          }
        }
      } catch (BadInputException ex) {
        fail(SnapshotSection.factors(p, s), ex, true);
        continue;
      }
      SnapshotCodec.Out out = new SnapshotCodec.Out();
      annotated.runOptimize();
      out.putBitmap(annotated);
      for (RoaringBitmap f : factors) {
        f.runOptimize();
        out.putBitmap(f);
      }
      sections.put(SnapshotSection.factors(p, s), out.toBytes());
      if (texts) {
        justification = j;
        oneWord = w;
      }
    }
    if (justification != null) {
      SnapshotCodec.Out out = new SnapshotCodec.Out().putInt(index.size());
      for (int d = 0; d < index.size(); d++) {
        out.putString(justification[d]).putString(oneWord[d]);
      }
      sections.put(SnapshotSection.texts(p), out.toBytes());
    }
  }

  static byte[] encodeIndex(ImageIndex index) {
    ImageIndex.Stored st = index.stored();
    SnapshotCodec.Out out = new SnapshotCodec.Out();
    if (st.valNumbers() != null) {
      out.putByte(0).putInts(st.valNumbers()).putInts(st.denseOfValNumber());
    } else {
      out.putByte(1).putInt(index.size());
      for (String name : st.fileNames()) {
        out.putString(name);
      }
    }
    out.putShorts(st.labels()).putBytes(st.metaclassOfImage());
    out.putInts(st.classFrom()).putInts(st.classTo()).putInts(st.metaFrom()).putInts(st.metaTo());
    return out.toBytes();
  }
}
