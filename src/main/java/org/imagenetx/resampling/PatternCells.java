package org.imagenetx.resampling;

import java.util.Arrays;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.ImageIndex;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.bits.Words;

/**
 * The factor patterns of a selection (the distinct sets of factors images carry: 16 for the top
 * selection, a few hundred for multi) with one bitset per pattern, and the kernels that turn
 * correctness words into the cell counts of a {@link CellLayout}: popcounts of {@code correct ∧
 * pattern}, no per-image loop.
 *
 * <p>Thread-safe (immutable).
 */
public final class PatternCells {
  private final ImageIndex index;
  private final int[] patterns;
  private final long[][] patternWords;
  private final long[] evaluated;

  private PatternCells(ImageIndex index, int[] patterns, long[][] patternWords, long[] evaluated) {
    this.index = index;
    this.patterns = patterns;
    this.patternWords = patternWords;
    this.evaluated = evaluated;
  }

  /**
   * @param dataset annotations
   * @param selection multi or top (must be loaded)
   * @return the patterns, ordered by mask value
   */
  public static PatternCells of(Dataset dataset, FactorSelection selection) {
    long[][] w = dataset.factors(selection).words();
    int n = dataset.index().size();
    int numWords = Words.numWords(n);
    long[] eval = w[Factor.COUNT];
    int[] maskOf = new int[n];
    boolean[] seen = new boolean[1 << Factor.COUNT];
    for (int word = 0; word < numWords; word++) {
      for (long bits = eval[word]; bits != 0; bits &= bits - 1) {
        int i = (word << 6) + Long.numberOfTrailingZeros(bits);
        int mask = 0;
        for (int f = 0; f < Factor.COUNT; f++) {
          mask |= (int) ((w[f][word] >>> i) & 1L) << f;
        }
        maskOf[i] = mask;
        seen[mask] = true;
      }
    }
    int[] slotOf = new int[1 << Factor.COUNT];
    int p = 0;
    for (int m = 0; m < seen.length; m++) {
      slotOf[m] = seen[m] ? p++ : -1;
    }
    int[] patterns = new int[p];
    for (int m = 0; m < seen.length; m++) {
      if (seen[m]) {
        patterns[slotOf[m]] = m;
      }
    }
    long[][] pw = new long[p][numWords];
    for (int word = 0; word < numWords; word++) {
      for (long bits = eval[word]; bits != 0; bits &= bits - 1) {
        int i = (word << 6) + Long.numberOfTrailingZeros(bits);
        pw[slotOf[maskOf[i]]][word] |= 1L << i;
      }
    }
    return new PatternCells(dataset.index(), patterns, pw, eval);
  }

  /**
   * @return factor mask per pattern (bit f = factor f); do not modify
   */
  public int[] patterns() {
    return patterns;
  }

  /**
   * @return the evaluated mask (do not modify)
   */
  public long[] evaluated() {
    return evaluated;
  }

  /**
   * @param byMetaclass per-metaclass layout ({@link CellLayout#metaclassFactors}) or factor layout
   * @param numModels 1 or 2
   * @return the matching layout
   */
  public CellLayout layout(boolean byMetaclass, int numModels) {
    return byMetaclass
        ? CellLayout.metaclassFactors(patterns, numModels)
        : CellLayout.factors(patterns, numModels);
  }

  /**
   * One model's cells.
   *
   * @param correct correct words, zero outside {@code covered}
   * @param covered evaluated images the model predicted, or null when it predicted all
   * @param byMetaclass which layout
   * @param dst {@code 2 · slots} counts, overwritten
   */
  public void cells(long[] correct, long[] covered, boolean byMetaclass, int[] dst) {
    int p = patterns.length;
    int ranges = byMetaclass ? Metaclasses.COUNT : 1;
    for (int m = 0; m < ranges; m++) {
      int from = byMetaclass ? index.metaclassFrom(m) : 0;
      int to = byMetaclass ? index.metaclassTo(m) : index.size();
      for (int q = 0; q < p; q++) {
        long[] pw = patternWords[q];
        int total =
            covered == null
                ? Words.countRange(pw, from, to)
                : Words.andCountRange(pw, covered, from, to);
        int ok = Words.andCountRange(correct, pw, from, to);
        int slot = m * p + q;
        dst[2 * slot] = total - ok;
        dst[2 * slot + 1] = ok;
      }
    }
  }

  @Override
  public String toString() {
    return "PatternCells" + Arrays.toString(patterns);
  }
}
