package org.imagenetx.stats;

import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.bits.Correctness;
import org.imagenetx.bits.Words;

/**
 * One model's correctness words restricted to the evaluated images of a selection, the input of the
 * bootstrap and of the pairwise tests. Bit i is set when image i is evaluated, predicted and
 * correct under the error type; bits past the index size stay clear (ghost bits clear).
 */
public final class CorrectWords {
  private CorrectWords() {}

  /**
   * @param dataset annotations
   * @param evaluated the selection's evaluated mask (row 16 of {@code FactorSet.words()})
   * @param pred predicted class per image position, below 0 where missing
   * @param type error type
   * @param out {@code ceil(n/64)} words, overwritten
   */
  public static void compute(Dataset dataset, long[] evaluated, short[] pred, ErrorType type, long[] out) {
    int n = dataset.index().size();
    switch (type) {
      case CLASS:
        Correctness.classCorrect(pred, dataset.index().labels(), n, out);
        break;
      case METACLASS:
        Correctness.metaclassCorrect(
            pred, dataset.index().metaclassOfImage(), dataset.metaclasses().table(), n, out);
        break;
      case REAL_CLASS:
        if (!dataset.hasReal()) {
          throw new IllegalStateException("ReaL labels are not loaded");
        }
        Correctness.realCorrect(pred, dataset.realOffsets(), dataset.realLabels(), n, out);
        break;
      default:
        throw new AssertionError(type);
    }
    Words.and(out, evaluated, out, Words.numWords(n));
  }

  /**
   * @param pred predictions
   * @param evaluated evaluated mask
   * @param n index size
   * @param out words: evaluated and predicted
   */
  public static void covered(short[] pred, long[] evaluated, int n, long[] out) {
    Correctness.covered(pred, n, out);
    Words.and(out, evaluated, out, Words.numWords(n));
  }

  /** Row of the evaluated mask in {@code FactorSet.words()}. */
  public static final int EVALUATED_ROW = Factor.COUNT;
}
