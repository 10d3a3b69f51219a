package org.imagenetx.bits;

/**
 * Count-only kernels over dense bitsets stored as {@code long[]} words (bit {@code i} is bit {@code
 * i & 63} of word {@code i >>> 6}). Nothing here allocates or builds a set.
 *
 * <p>Depends on the ghost bits being clear: bits past the logical size are zero in every operand,
 * so whole-word loops need no tail mask. Range variants mask their edges themselves.
 *
 * @internal kernels of the engine; reference implementations live in the tests.
 */
public final class Words {
  private Words() {}

  /**
   * @param numBits logical size
   * @return words needed to hold it
   */
  public static int numWords(int numBits) {
    return (numBits + 63) >>> 6;
  }

  /**
   * @param a words
   * @param wordOffset first word
   * @param numWords number of words
   * @return set bits in {@code a[wordOffset .. wordOffset+numWords)}
   */
  public static long count(long[] a, int wordOffset, int numWords) {
    long n = 0;
    for (int i = wordOffset, end = wordOffset + numWords; i < end; i++) {
      n += Long.bitCount(a[i]);
    }
    return n;
  }

  /**
   * @param a words
   * @param b words
   * @param wordOffset first word
   * @param numWords number of words
   * @return |a ∧ b| over the words
   */
  public static long andCount(long[] a, long[] b, int wordOffset, int numWords) {
    long n = 0;
    for (int i = wordOffset, end = wordOffset + numWords; i < end; i++) {
      n += Long.bitCount(a[i] & b[i]);
    }
    return n;
  }

  /**
   * @param a words
   * @param b words
   * @param wordOffset first word
   * @param numWords number of words
   * @return |a ∧ ¬b| over the words
   */
  public static long andNotCount(long[] a, long[] b, int wordOffset, int numWords) {
    long n = 0;
    for (int i = wordOffset, end = wordOffset + numWords; i < end; i++) {
      n += Long.bitCount(a[i] & ~b[i]);
    }
    return n;
  }

  /**
   * @param a words
   * @param fromBit first bit, inclusive
   * @param toBit last bit, exclusive
   * @return set bits of {@code a} in {@code [fromBit, toBit)}
   */
  public static int countRange(long[] a, int fromBit, int toBit) {
    if (fromBit >= toBit) {
      return 0;
    }
    int fw = fromBit >>> 6;
    int lw = (toBit - 1) >>> 6;
    long first = -1L << fromBit;
    long last = -1L >>> -toBit;
    if (fw == lw) {
      return Long.bitCount(a[fw] & first & last);
    }
    int n = Long.bitCount(a[fw] & first);
    for (int i = fw + 1; i < lw; i++) {
      n += Long.bitCount(a[i]);
    }
    return n + Long.bitCount(a[lw] & last);
  }

  /**
   * @param a words
   * @param b words
   * @param fromBit first bit, inclusive
   * @param toBit last bit, exclusive
   * @return |a ∧ b| in {@code [fromBit, toBit)}
   */
  public static int andCountRange(long[] a, long[] b, int fromBit, int toBit) {
    if (fromBit >= toBit) {
      return 0;
    }
    int fw = fromBit >>> 6;
    int lw = (toBit - 1) >>> 6;
    long first = -1L << fromBit;
    long last = -1L >>> -toBit;
    if (fw == lw) {
      return Long.bitCount(a[fw] & b[fw] & first & last);
    }
    int n = Long.bitCount(a[fw] & b[fw] & first);
    for (int i = fw + 1; i < lw; i++) {
      n += Long.bitCount(a[i] & b[i]);
    }
    return n + Long.bitCount(a[lw] & b[lw] & last);
  }

  /**
   * {@code dst[i] = a[i] & b[i]} for the given words.
   *
   * @param a words
   * @param b words
   * @param dst output, may be {@code a}
   * @param numWords number of words from 0
   */
  public static void and(long[] a, long[] b, long[] dst, int numWords) {
    for (int i = 0; i < numWords; i++) {
      dst[i] = a[i] & b[i];
    }
  }

  /**
   * @param a words
   * @param numBits logical size
   * @return true when no bit at or past {@code numBits} is set
   */
  public static boolean ghostBitsClear(long[] a, int numBits) {
    int w = numBits >>> 6;
    if ((numBits & 63) != 0) {
      if ((a[w] & (-1L << numBits)) != 0) {
        return false;
      }
      w++;
    }
    for (; w < a.length; w++) {
      if (a[w] != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Applies a count plan: group {@code g} counts {@code Σ bitCount(words[index[k]] & mask[k])} for
   * {@code k} in {@code [groupStart[g], groupStart[g+1])}. A plan folds range edges and sparse
   * masks into a compact list of (word, mask) pairs built once, so per-model counting touches no
   * zero word and branches on no range edge.
   *
   * @param words the bitset being counted (e.g. a model's correctness words)
   * @param index word index per plan entry
   * @param mask mask per plan entry
   * @param groupStart {@code numGroups + 1} offsets into the entries
   * @param numGroups number of groups
   * @param out count per group, overwritten
   */
  public static void planCounts(
      long[] words, int[] index, long[] mask, int[] groupStart, int numGroups, int[] out) {
    for (int g = 0; g < numGroups; g++) {
      int n = 0;
      for (int k = groupStart[g], end = groupStart[g + 1]; k < end; k++) {
        n += Long.bitCount(words[index[k]] & mask[k]);
      }
      out[g] = n;
    }
  }

  /**
   * {@link #planCounts} for three bitsets at once — a model's correctness words under the three
   * error types: each plan entry (word index, mask) is loaded once for the three counts, instead of
   * once per type. Equal to three {@link #planCounts} calls (a test compares them).
   *
   * @param a first bitset
   * @param b second bitset
   * @param c third bitset
   * @param index word index per plan entry
   * @param mask mask per plan entry
   * @param groupStart {@code numGroups + 1} offsets into the entries
   * @param numGroups number of groups
   * @param outA counts of {@code a} per group, overwritten
   * @param outB counts of {@code b}
   * @param outC counts of {@code c}
   */
  public static void planCounts3(
      long[] a,
      long[] b,
      long[] c,
      int[] index,
      long[] mask,
      int[] groupStart,
      int numGroups,
      int[] outA,
      int[] outB,
      int[] outC) {
    for (int g = 0; g < numGroups; g++) {
      int na = 0;
      int nb = 0;
      int nc = 0;
      for (int k = groupStart[g], end = groupStart[g + 1]; k < end; k++) {
        int w = index[k];
        long m = mask[k];
        na += Long.bitCount(a[w] & m);
        nb += Long.bitCount(b[w] & m);
        nc += Long.bitCount(c[w] & m);
      }
      outA[g] = na;
      outB[g] = nb;
      outC[g] = nc;
    }
  }
}
