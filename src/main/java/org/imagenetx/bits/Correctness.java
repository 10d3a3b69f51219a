package org.imagenetx.bits;

/**
 * Builds correctness bitsets: bit {@code i} is set when the prediction for image {@code i} counts
 * as correct under one error type. A prediction below 0 marks an image the model did not predict;
 * it is never correct. Bits past {@code n} are left clear.
 *
 * @internal kernels of the engine; reference implementations live in the tests.
 */
public final class Correctness {
  private Correctness() {}

  /**
   * {@code class}: prediction equals the true class.
   *
   * @param pred predicted class per image
   * @param label true class per image
   * @param n number of images
   * @param out {@code ceil(n/64)} words, overwritten
   */
  public static void classCorrect(short[] pred, short[] label, int n, long[] out) {
    assert pred.length >= n && label.length >= n && out.length >= Words.numWords(n);
    int full = n >>> 6;
    for (int w = 0; w < full; w++) {
      int base = w << 6;
      long bits = 0;
      // four images per step with constant shifts: 41 us instead of 60 us per 50,000 images
      // (thread CPU time, 1,000 repetitions; the 1-at-a-time loop's variable shift serialises)
      for (int j = 0; j < 64; j += 4) {
        int i = base + j;
        long b0 = pred[i] == label[i] ? 1L : 0L;
        long b1 = pred[i + 1] == label[i + 1] ? 2L : 0L;
        long b2 = pred[i + 2] == label[i + 2] ? 4L : 0L;
        long b3 = pred[i + 3] == label[i + 3] ? 8L : 0L;
        bits |= (b0 | b1 | b2 | b3) << j;
      }
      out[w] = bits;
    }
    if ((n & 63) != 0) {
      int base = full << 6;
      long bits = 0;
      for (int j = 0; base + j < n; j++) {
        bits |= (pred[base + j] == label[base + j] ? 1L : 0L) << j;
      }
      out[full] = bits;
    }
  }

  /**
   * Coverage: bit set where the model gave a prediction.
   *
   * @param pred predicted class per image, below 0 where missing
   * @param n number of images
   * @param out words, overwritten
   */
  public static void covered(short[] pred, int n, long[] out) {
    int numWords = Words.numWords(n);
    for (int w = 0; w < numWords; w++) {
      int base = w << 6;
      int end = Math.min(64, n - base);
      long bits = 0;
      for (int j = 0; j < end; j++) {
        bits |= (pred[base + j] >= 0 ? 1L : 0L) << j;
      }
      out[w] = bits;
    }
  }

  /**
   * {@code metaclass} correctness derived from {@code class} correctness: a right class is a right
   * metaclass, so only the wrong predictions inside {@code within} are looked up (about a quarter of
   * the images instead of all of them). Exact inside {@code within}; outside it only class-correct
   * images are marked.
   *
   * @param classCorrect class correctness words
   * @param within images that matter (ghost bits clear)
   * @param pred predicted class per image, below 0 where missing
   * @param metaclassOfImage metaclass of the true class per image
   * @param metaclassOfPredPlus1 metaclass of class {@code c} at {@code c + 1}, and at 0 a value no
   *     image has (e.g. -1), so a missing prediction (-1) needs no branch
   * @param numWords words to fill
   * @param out words, overwritten (may not alias {@code classCorrect})
   */
  public static void metaclassFromClass(
      long[] classCorrect,
      long[] within,
      short[] pred,
      byte[] metaclassOfImage,
      byte[] metaclassOfPredPlus1,
      int numWords,
      long[] out) {
    for (int w = 0; w < numWords; w++) {
      long c = classCorrect[w];
      long wrong = ~c & within[w];
      int base = w << 6;
      while (wrong != 0) {
        int j = Long.numberOfTrailingZeros(wrong);
        // half of the wrong predictions stay in the metaclass: a branch here mispredicts, a
        // conditional set does not (measured: ~2x on the fix-up loop, Prof on 200 synthetic models)
        c |= (metaclassOfPredPlus1[pred[base + j] + 1] == metaclassOfImage[base + j] ? 1L : 0L) << j;
        wrong &= wrong - 1;
      }
      out[w] = c;
    }
  }

  /**
   * {@code real_class} correctness derived from {@code class} correctness: where the ReaL set is
   * exactly {the label} (about 70% of the images) the two agree, so only the other images are looked
   * up in the CSR sets.
   *
   * @param classCorrect class correctness words
   * @param labelOnly images whose ReaL set is exactly their label
   * @param special the other images that matter and have a non-empty set (an empty set is never
   *     right), best grouped by set size so the inner loop's trip count is predictable
   * @param numSpecial entries of {@code special} to use
   * @param pred predicted class per image, below 0 where missing
   * @param offsets CSR offsets
   * @param values CSR values
   * @param numWords words to fill
   * @param out words, overwritten
   */
  public static void realFromClass(
      long[] classCorrect,
      long[] labelOnly,
      int[] special,
      int numSpecial,
      short[] pred,
      int[] offsets,
      short[] values,
      int numWords,
      long[] out) {
    for (int w = 0; w < numWords; w++) {
      out[w] = classCorrect[w] & labelOnly[w];
    }
    for (int k = 0; k < numSpecial; k++) {
      int i = special[k];
      short p = pred[i];
      long hit = 0;
      for (int e = offsets[i], end = offsets[i + 1]; e < end; e++) {
        hit |= values[e] == p ? 1L : 0L;
      }
      out[i >>> 6] |= hit << i;
    }
  }
}
