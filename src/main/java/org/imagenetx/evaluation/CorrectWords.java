package org.imagenetx.evaluation;

import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.bits.Correctness;
import org.imagenetx.bits.Words;

/**
 * One model's correctness words restricted to the evaluated images of a selection, the input of the
 * bootstrap and of the pairwise tests. Bit i is set when image i is evaluated, predicted and
 * correct under the error type; bits past the index size stay clear (ghost bits clear). Built from
 * packed class ids by the same kernels as the tables ({@link TypeWords}).
 *
 * <p>Not thread-safe: it owns scratch words. One per worker thread; the dataset's tables are
 * shared.
 */
public final class CorrectWords {
  /** Row of the evaluated mask in {@code FactorSet.words()}. */
  public static final int EVALUATED_ROW = Factor.COUNT;

  private final TypeWords typeWords;
  private final long[] evaluated;
  private final int n;
  private final long[] classWords;
  private final long[] metaclassWords;
  private final long[] realWords;

  /**
   * @param dataset annotations
   * @param evaluated the selection's evaluated mask (row {@link #EVALUATED_ROW} of {@code
   *     FactorSet.words()})
   */
  public CorrectWords(Dataset dataset, long[] evaluated) {
    this.typeWords = TypeWords.of(dataset);
    this.evaluated = evaluated;
    this.n = dataset.index().size();
    int numWords = Words.numWords(n);
    this.classWords = new long[numWords];
    this.metaclassWords = new long[numWords];
    this.realWords = new long[numWords];
  }

  /**
   * @param pred packed predicted class per image position ({@link
   *     org.imagenetx.zoo.Zoo#readPacked}), -1 where missing
   * @param type error type
   * @param out {@code ceil(n/64)} words, overwritten: evaluated, predicted and correct
   */
  public void compute(long[] pred, ErrorType type, long[] out) {
    typeWords.classWords(pred, classWords);
    long[] words = classWords;
    if (type != ErrorType.CLASS) {
      typeWords.derive(
          classWords,
          pred,
          type == ErrorType.METACLASS,
          type == ErrorType.REAL_CLASS,
          metaclassWords,
          realWords);
      words = type == ErrorType.METACLASS ? metaclassWords : realWords;
    }
    Words.and(words, evaluated, out, Words.numWords(n));
  }

  /**
   * @param pred packed predictions
   * @param out words, overwritten: evaluated and predicted
   */
  public void covered(long[] pred, long[] out) {
    Correctness.coveredPacked(pred, n, out);
    Words.and(out, evaluated, out, Words.numWords(n));
  }
}
