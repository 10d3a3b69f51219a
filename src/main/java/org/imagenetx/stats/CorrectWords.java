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
    int numWords = Words.numWords(n);
    Correctness.classCorrect(pred, dataset.index().labels(), n, out);
    switch (type) {
      case CLASS:
        break;
      case METACLASS:
        {
          byte[] table = dataset.metaclasses().table();
          byte[] plus1 = new byte[table.length + 1];
          plus1[0] = -1;
          System.arraycopy(table, 0, plus1, 1, table.length);
          long[] classOk = out.clone();
          Correctness.metaclassFromClass(
              classOk, evaluated, pred, dataset.index().metaclassOfImage(), plus1, numWords, out);
          break;
        }
      case REAL_CLASS:
        {
          if (!dataset.hasReal()) {
            throw new IllegalStateException("ReaL labels are not loaded");
          }
          int[] offsets = dataset.realOffsets();
          short[] values = dataset.realLabels();
          for (int w = 0; w < numWords; w++) {
            long bits = 0;
            for (long e = evaluated[w]; e != 0; e &= e - 1) {
              int j = Long.numberOfTrailingZeros(e);
              int i = (w << 6) + j;
              short p = pred[i];
              for (int k = offsets[i], end = offsets[i + 1]; k < end; k++) {
                if (values[k] == p) {
                  bits |= 1L << j;
                  break;
                }
              }
            }
            out[w] = bits;
          }
          break;
        }
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
