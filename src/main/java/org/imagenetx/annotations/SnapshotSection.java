package org.imagenetx.annotations;

/**
 * The sections of an annotation {@link Snapshot}, in file order: what most commands need comes
 * first, so a reader streaming the file stops early (the ~3 MB of annotator texts and the base
 * models' predictions are read only by the commands that use them).
 */
enum SnapshotSection {
  /** Metaclass and WordNet id per class. */
  CLASSES,
  /** Validation image index: names (or validation numbers) and labels in index order. */
  VAL_INDEX,
  /** Validation prototypes, as index positions. */
  VAL_PROTOTYPES,
  /** Validation top factors: annotated positions and one bitmap per factor. */
  VAL_TOP,
  /** Validation multi factors. */
  VAL_MULTI,
  /** ReaL label sets of the validation images, CSR in index order. */
  VAL_REAL,
  /** Human-readable label per class. */
  HUMAN_LABELS,
  /** Predictions of the release's base models, by validation number (embedded release only). */
  BASE_MODELS,
  /** Training image index. */
  TRAIN_INDEX,
  /** Training top factors. */
  TRAIN_TOP,
  /** Training multi factors. */
  TRAIN_MULTI,
  /** Annotator texts of the validation images. */
  VAL_TEXTS,
  /** Annotator texts of the training images. */
  TRAIN_TEXTS;

  private static final SnapshotSection[] VALUES = values();

  static SnapshotSection of(int ordinal) {
    return ordinal >= 0 && ordinal < VALUES.length ? VALUES[ordinal] : null;
  }

  static SnapshotSection index(Partition p) {
    return p == Partition.VAL ? VAL_INDEX : TRAIN_INDEX;
  }

  static SnapshotSection factors(Partition p, FactorSelection s) {
    if (p == Partition.VAL) {
      return s == FactorSelection.TOP ? VAL_TOP : VAL_MULTI;
    }
    return s == FactorSelection.TOP ? TRAIN_TOP : TRAIN_MULTI;
  }

  static SnapshotSection texts(Partition p) {
    return p == Partition.VAL ? VAL_TEXTS : TRAIN_TEXTS;
  }
}
