package org.imagenetx.study;

import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSet;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.io.BadInputException;

/**
 * Per-image views the study's image-level analyses loop over: a factor bit mask per image position
 * and the correctness of one prediction under an error type. Plain loops: these analyses make one
 * pass per model, far from the engine's hot path.
 */
final class PerImage {
  /** Bit set in a mask when the image is evaluated (annotated, prototype filter passed). */
  static final int EVALUATED = 1 << Factor.COUNT;

  private PerImage() {}

  /**
   * @param set one selection's factor sets
   * @return per image position: bit f = has factor f, bit 16 = evaluated
   */
  static int[] masks(FactorSet set) {
    int[] masks = new int[set.numImages()];
    set.evaluated().forEach((int i) -> masks[i] |= EVALUATED);
    for (Factor f : Factor.values()) {
      int bit = 1 << f.ordinal();
      set.factor(f).forEach((int i) -> masks[i] |= bit);
    }
    return masks;
  }

  /**
   * @param dataset annotations (labels, metaclasses, ReaL sets)
   * @param metaclassOfClass metaclass per class id ({@code dataset.metaclasses().table()}, hoisted)
   * @param type what counts as correct
   * @param dense image position
   * @param pred predicted class (≥ 0)
   * @return whether the prediction is correct
   */
  static boolean correct(
      Dataset dataset, byte[] metaclassOfClass, ErrorType type, int dense, int pred) {
    switch (type) {
      case CLASS:
        return pred == dataset.index().label(dense);
      case METACLASS:
        return pred < metaclassOfClass.length
            && metaclassOfClass[pred] == dataset.index().metaclassOfImage()[dense];
      default:
        int[] off = dataset.realOffsets();
        short[] labels = dataset.realLabels();
        for (int k = off[dense]; k < off[dense + 1]; k++) {
          if (labels[k] == pred) {
            return true;
          }
        }
        return false;
    }
  }

  /**
   * @param dataset annotations
   * @param type the error type
   * @throws BadInputException when {@code real_class} is asked of annotations without ReaL labels
   */
  static void check(Dataset dataset, ErrorType type) {
    if (type == ErrorType.REAL_CLASS && !dataset.hasReal()) {
      throw new BadInputException(
          dataset.source(), 0, "real_class needs the ReaL labels (imagenet_real_labels.jsonl)");
    }
  }
}
