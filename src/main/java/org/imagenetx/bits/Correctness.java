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
   * {@code class}: prediction equals the true class, on packed ids ({@link Lanes}), four images per
   * operation (SWAR). A lane of {@code pred ^ label} is non-zero exactly where the two ids differ;
   * the flags of four words (sixteen images) are gathered with one multiply ({@link
   * Lanes#gatherSigns}) and inverted. ~16–24 µs per 50,000 images, against ~41 µs for the best
   * one-image-at-a-time loop over a {@code short[]} (same machine, hot caches).
   *
   * @param pred packed predicted ids, {@link Lanes#numLongs}{@code (n)} longs
   * @param label packed true classes, as many longs
   * @param n number of images
   * @param out {@code ceil(n/64)} words, overwritten; bits past {@code n} clear
   */
  public static void classCorrectPacked(long[] pred, long[] label, int n, long[] out) {
    int numWords = Words.numWords(n);
    assert pred.length >= numWords << 4 && label.length >= numWords << 4 && out.length >= numWords;
    for (int w = 0; w < numWords; w++) {
      int k = w << 4;
      long bits = 0;
      for (int j = 0; j < 16; j += 4) {
        int q = k + j;
        long differ =
            Lanes.gatherSigns(
                Lanes.nonZeroLanes(pred[q] ^ label[q]),
                Lanes.nonZeroLanes(pred[q + 1] ^ label[q + 1]),
                Lanes.nonZeroLanes(pred[q + 2] ^ label[q + 2]),
                Lanes.nonZeroLanes(pred[q + 3] ^ label[q + 3]));
        bits |= differ << (j << 2);
      }
      out[w] = ~bits;
    }
    clearGhostBits(n, out);
  }

  /**
   * Coverage on packed ids: bit set where the id is not negative.
   *
   * @param pred packed predicted ids
   * @param n number of images
   * @param out words, overwritten; bits past {@code n} clear
   */
  public static void coveredPacked(long[] pred, int n, long[] out) {
    int numWords = Words.numWords(n);
    for (int w = 0; w < numWords; w++) {
      int k = w << 4;
      long bits = 0;
      for (int j = 0; j < 16; j += 4) {
        int q = k + j;
        long negative =
            Lanes.gatherSigns(
                pred[q] & Lanes.SIGN,
                pred[q + 1] & Lanes.SIGN,
                pred[q + 2] & Lanes.SIGN,
                pred[q + 3] & Lanes.SIGN);
        bits |= negative << (j << 2);
      }
      out[w] = ~bits;
    }
    clearGhostBits(n, out);
  }

  private static void clearGhostBits(int n, long[] out) {
    if ((n & 63) != 0) {
      out[n >>> 6] &= -1L >>> -n;
    }
  }

  /**
   * {@code metaclass} correctness derived from {@code class} correctness: a right class is a right
   * metaclass, so only the wrong predictions inside {@code within} are looked up (about a quarter
   * of the images instead of all of them), by the lane's unsigned value (so a missing id, 0xFFFF,
   * needs no branch and no sign fix). Exact inside {@code within}; outside it only class-correct
   * images are marked. {@link #metaclassAndRealFromClassPacked} derives the ReaL words in the same
   * walk.
   *
   * @param classCorrect class correctness words
   * @param within images that matter (ghost bits clear)
   * @param pred packed predicted ids
   * @param metaclassOfImage metaclass of the true class per image
   * @param metaclassOfLane 65,536 entries: the metaclass of class id {@code v} at {@code v}, a
   *     value no image has (e.g. -1) at every other value
   * @param numWords words to fill
   * @param out words, overwritten (may not alias {@code classCorrect})
   */
  public static void metaclassFromClassPacked(
      long[] classCorrect,
      long[] within,
      long[] pred,
      byte[] metaclassOfImage,
      byte[] metaclassOfLane,
      int numWords,
      long[] out) {
    for (int w = 0; w < numWords; w++) {
      long c = classCorrect[w];
      long wrong = ~c & within[w];
      int base = w << 6;
      while (wrong != 0) {
        int j = Long.numberOfTrailingZeros(wrong);
        int i = base + j;
        int lane = (int) (pred[i >>> 2] >>> (i << 4)) & 0xFFFF;
        c |= (metaclassOfLane[lane] == metaclassOfImage[i] ? 1L : 0L) << j;
        wrong &= wrong - 1;
      }
      out[w] = c;
    }
  }

  /**
   * {@code metaclass} and {@code real_class} correctness in one walk over the wrong predictions
   * inside {@code within}: a right class is a right metaclass, and is a right ReaL label exactly
   * when the label is in the image's ReaL set; a wrong class is a right ReaL label when it is one
   * of the set's other labels. Each wrong image's lane is extracted once for both types (one loop
   * instead of two: ~50 µs instead of ~72 µs per model on the synthetic zoo). Images with two or
   * more other labels (rare) are looked up in the CSR sets afterwards. Exact inside {@code within}.
   *
   * @param classCorrect class correctness words
   * @param within images that matter (ghost bits clear)
   * @param pred packed predicted ids
   * @param metaclassOfImage metaclass of the true class per image
   * @param metaclassOfLane as in {@link #metaclassFromClassPacked}
   * @param labelInReal images whose ReaL set holds their label
   * @param realOther per image, its one ReaL label other than the label, 0xFFFE when none (no id
   *     equals it)
   * @param more images inside {@code within} with two or more other labels
   * @param numMore entries of {@code more} to use
   * @param offsets CSR offsets of the ReaL sets
   * @param values CSR values
   * @param numWords words to fill
   * @param metaOut metaclass words, overwritten
   * @param realOut real_class words, overwritten
   */
  public static void metaclassAndRealFromClassPacked(
      long[] classCorrect,
      long[] within,
      long[] pred,
      byte[] metaclassOfImage,
      byte[] metaclassOfLane,
      long[] labelInReal,
      char[] realOther,
      int[] more,
      int numMore,
      int[] offsets,
      short[] values,
      int numWords,
      long[] metaOut,
      long[] realOut) {
    for (int w = 0; w < numWords; w++) {
      long c = classCorrect[w];
      long wrong = ~c & within[w];
      int base = w << 6;
      long meta = c;
      long real = c & labelInReal[w];
      while (wrong != 0) {
        int j = Long.numberOfTrailingZeros(wrong);
        int i = base + j;
        int lane = (int) (pred[i >>> 2] >>> (i << 4)) & 0xFFFF;
        meta |= (metaclassOfLane[lane] == metaclassOfImage[i] ? 1L : 0L) << j;
        real |= (lane == realOther[i] ? 1L : 0L) << j;
        wrong &= wrong - 1;
      }
      metaOut[w] = meta;
      realOut[w] = real;
    }
    for (int k = 0; k < numMore; k++) {
      int i = more[k];
      short p = (short) (pred[i >>> 2] >>> (i << 4));
      long hit = 0;
      for (int e = offsets[i], end = offsets[i + 1]; e < end; e++) {
        hit |= values[e] == p ? 1L : 0L;
      }
      realOut[i >>> 6] |= hit << i;
    }
  }
}
