package org.imagenetx.annotations;

import java.util.Arrays;
import org.roaringbitmap.BitSetUtil;
import org.roaringbitmap.RoaringBitmap;

/**
 * The factor annotations of one selection (multi or top) over an {@link ImageIndex}: which images
 * are evaluated (annotated, prototypes removed unless kept) and, per factor, the evaluated images
 * that have it.
 *
 * <p>Invariant the kernels depend on: every factor set is a subset of {@link #evaluated()}, and in
 * the dense word views the bits past {@code index.size()} are zero ("ghost bits clear").
 */
public final class FactorSet {
  private final FactorSelection selection;
  private final int numImages;
  private final RoaringBitmap evaluated;
  private final RoaringBitmap[] factors;
  private volatile long[][] words;

  /**
   * @param selection multi or top
   * @param numImages size of the image index
   * @param evaluated positions of the evaluated images
   * @param factors per factor (canonical order), positions having it; intersected with {@code
   *     evaluated} here
   */
  public FactorSet(
      FactorSelection selection, int numImages, RoaringBitmap evaluated, RoaringBitmap[] factors) {
    if (factors.length != Factor.COUNT) {
      throw new IllegalArgumentException("need " + Factor.COUNT + " factor sets");
    }
    if (!evaluated.isEmpty() && evaluated.last() >= numImages) {
      throw new IllegalArgumentException("evaluated image past the index");
    }
    this.selection = selection;
    this.numImages = numImages;
    this.evaluated = evaluated.clone();
    this.evaluated.runOptimize();
    this.factors = new RoaringBitmap[Factor.COUNT];
    for (int f = 0; f < Factor.COUNT; f++) {
      this.factors[f] = RoaringBitmap.and(factors[f], this.evaluated);
      this.factors[f].runOptimize();
    }
  }

  /**
   * @return multi or top
   */
  public FactorSelection selection() {
    return selection;
  }

  /**
   * @return size of the image index these sets live in
   */
  public int numImages() {
    return numImages;
  }

  /**
   * @return evaluated positions (do not modify)
   */
  public RoaringBitmap evaluated() {
    return evaluated;
  }

  /**
   * @param factor a factor
   * @return evaluated positions having it (do not modify)
   */
  public RoaringBitmap factor(Factor factor) {
    return factors[factor.ordinal()];
  }

  /**
   * @return number of evaluated images
   */
  public int numEvaluated() {
    return evaluated.getCardinality();
  }

  /**
   * Dense views for the word kernels: rows 0..15 are the factors, row 16 the evaluated mask. Built
   * once and shared; callers must not modify them.
   *
   * @return {@code long[17][ceil(numImages/64)]}
   */
  public long[][] words() {
    long[][] w = words;
    if (w == null) {
      synchronized (this) {
        w = words;
        if (w == null) {
          int numWords = (numImages + 63) >>> 6;
          w = new long[Factor.COUNT + 1][];
          for (int f = 0; f < Factor.COUNT; f++) {
            w[f] = toWords(factors[f], numWords);
          }
          w[Factor.COUNT] = toWords(evaluated, numWords);
          words = w;
        }
      }
    }
    return w;
  }

  /** Container by container (BitSetUtil), not bit by bit: a cold start reads these words first. */
  private static long[] toWords(RoaringBitmap set, int numWords) {
    long[] words = BitSetUtil.toLongArray(set);
    return words.length == numWords ? words : Arrays.copyOf(words, numWords);
  }

  /**
   * @param dense an image position
   * @return bit f set when the image has factor f (0 when not evaluated)
   */
  public int factorMask(int dense) {
    int mask = 0;
    for (int f = 0; f < Factor.COUNT; f++) {
      if (factors[f].contains(dense)) {
        mask |= 1 << f;
      }
    }
    return mask;
  }
}
