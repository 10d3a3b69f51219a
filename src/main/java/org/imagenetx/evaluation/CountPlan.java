package org.imagenetx.evaluation;

import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.eclipse.collections.impl.list.mutable.primitive.LongArrayList;
import org.imagenetx.bits.Words;

/**
 * A precomputed list of (word index, mask) pairs per count group, for {@link Words#planCounts}: the
 * mask of group {@code g} is its source bitset restricted to its bit range, with zero words
 * dropped. Built once per dataset; applying it to a model's correctness words gives every cell of a
 * table in one tight loop.
 */
final class CountPlan {
  final int[] index;
  final long[] mask;
  final int[] groupStart;
  final int numGroups;

  private CountPlan(int[] index, long[] mask, int[] groupStart, int numGroups) {
    this.index = index;
    this.mask = mask;
    this.groupStart = groupStart;
    this.numGroups = numGroups;
  }

  /**
   * @param numGroups number of groups
   * @param source bitset of each group (ghost bits clear)
   * @param from first bit of each group's range
   * @param to one past the last bit of each group's range
   * @return the plan
   */
  static CountPlan build(
      int numGroups, IntFunction<long[]> source, IntUnaryOperator from, IntUnaryOperator to) {
    IntArrayList idx = new IntArrayList();
    LongArrayList masks = new LongArrayList();
    int[] start = new int[numGroups + 1];
    for (int g = 0; g < numGroups; g++) {
      start[g] = idx.size();
      long[] words = source.apply(g);
      int lo = from.applyAsInt(g);
      int hi = to.applyAsInt(g);
      if (lo < hi) {
        for (int w = lo >>> 6, last = (hi - 1) >>> 6; w <= last; w++) {
          long m = words[w];
          if (w == lo >>> 6) {
            m &= -1L << lo;
          }
          if (w == last) {
            m &= -1L >>> -hi;
          }
          if (m != 0) {
            idx.add(w);
            masks.add(m);
          }
        }
      }
    }
    start[numGroups] = idx.size();
    return new CountPlan(idx.toArray(), masks.toArray(), start, numGroups);
  }

  /**
   * @param words bitset to count
   * @param out one count per group
   */
  void count(long[] words, int[] out) {
    Words.planCounts(words, index, mask, groupStart, numGroups, out);
  }

  /**
   * Three bitsets in one pass over the plan.
   *
   * @param a first bitset
   * @param b second bitset
   * @param c third bitset
   * @param outA counts of {@code a} per group
   * @param outB counts of {@code b}
   * @param outC counts of {@code c}
   */
  void count3(long[] a, long[] b, long[] c, int[] outA, int[] outB, int[] outC) {
    Words.planCounts3(a, b, c, index, mask, groupStart, numGroups, outA, outB, outC);
  }

  /**
   * @return heap bytes of the plan
   */
  long ramBytesUsed() {
    return 12L * index.length + 4L * groupStart.length;
  }
}
