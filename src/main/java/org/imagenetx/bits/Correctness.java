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
      for (int j = 0; j < 64; j++) {
        bits |= (pred[base + j] == label[base + j] ? 1L : 0L) << j;
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
   * {@code metaclass}: the metaclass of the prediction equals that of the true class.
   *
   * @param pred predicted class per image
   * @param metaclassOfImage metaclass of the true class per image
   * @param metaclassOfClass metaclass per class id
   * @param n number of images
   * @param out words, overwritten
   */
  public static void metaclassCorrect(
      short[] pred, byte[] metaclassOfImage, byte[] metaclassOfClass, int n, long[] out) {
    assert pred.length >= n && metaclassOfImage.length >= n;
    int numWords = Words.numWords(n);
    for (int w = 0; w < numWords; w++) {
      int base = w << 6;
      int end = Math.min(64, n - base);
      long bits = 0;
      for (int j = 0; j < end; j++) {
        int p = pred[base + j];
        bits |= (p >= 0 && metaclassOfClass[p] == metaclassOfImage[base + j] ? 1L : 0L) << j;
      }
      out[w] = bits;
    }
  }

  /**
   * {@code real_class}: the prediction is one of the image's ReaL labels (an empty set makes every
   * prediction wrong).
   *
   * @param pred predicted class per image
   * @param offsets CSR offsets, {@code n+1} entries
   * @param values CSR values
   * @param n number of images
   * @param out words, overwritten
   */
  public static void realCorrect(short[] pred, int[] offsets, short[] values, int n, long[] out) {
    assert offsets.length >= n + 1;
    int numWords = Words.numWords(n);
    for (int w = 0; w < numWords; w++) {
      int base = w << 6;
      int end = Math.min(64, n - base);
      long bits = 0;
      for (int j = 0; j < end; j++) {
        int i = base + j;
        short p = pred[i];
        for (int k = offsets[i], e = offsets[i + 1]; k < e; k++) {
          if (values[k] == p) {
            bits |= 1L << j;
            break;
          }
        }
      }
      out[w] = bits;
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
}
