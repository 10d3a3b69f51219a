package org.imagenetx.bits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.imagenetx.testing.Shapes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every counting kernel against a plain {@code boolean[]} loop, on shaped random inputs. */
class WordsTest {
  static List<Shapes.Case> cases() {
    return Shapes.cases();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void countsEqualBooleanLoops(Shapes.Case c) {
    SplittableRandom rnd = c.random();
    boolean[] a = c.bits(rnd);
    boolean[] b = c.bits(rnd);
    long[] wa = Shapes.words(a);
    long[] wb = Shapes.words(b);
    int and = 0;
    int andNot = 0;
    int ca = 0;
    for (int i = 0; i < a.length; i++) {
      and += a[i] && b[i] ? 1 : 0;
      andNot += a[i] && !b[i] ? 1 : 0;
      ca += a[i] ? 1 : 0;
    }
    assertThat(Words.andCount(wa, wb, 0, wa.length)).as("%s", c).isEqualTo(and);
    assertThat(Words.andNotCount(wa, wb, 0, wa.length)).as("%s", c).isEqualTo(andNot);
    assertThat(Words.count(wa, 0, wa.length)).as("%s", c).isEqualTo(ca);
    // invariant: |a & b| + |a & ~b| == |a|
    assertThat(and + andNot).isEqualTo(ca);
    assertThat(Words.ghostBitsClear(wa, a.length)).isTrue();
    for (int k = 0; k < 8; k++) {
      int from = a.length == 0 ? 0 : rnd.nextInt(a.length + 1);
      int to = from + (a.length - from == 0 ? 0 : rnd.nextInt(a.length - from + 1));
      int rangeAnd = 0;
      int rangeA = 0;
      for (int i = from; i < to; i++) {
        rangeAnd += a[i] && b[i] ? 1 : 0;
        rangeA += a[i] ? 1 : 0;
      }
      assertThat(Words.andCountRange(wa, wb, from, to))
          .as("%s [%d,%d)", c, from, to)
          .isEqualTo(rangeAnd);
      assertThat(Words.countRange(wa, from, to)).as("%s [%d,%d)", c, from, to).isEqualTo(rangeA);
    }
  }

  /** The fused three-bitset plan count equals three single ones, on plans with empty groups too. */
  @ParameterizedTest
  @MethodSource("cases")
  void planCounts3EqualsThreePlanCounts(Shapes.Case c) {
    SplittableRandom rnd = c.random();
    long[][] w = {Shapes.words(c.bits(rnd)), Shapes.words(c.bits(rnd)), Shapes.words(c.bits(rnd))};
    int numGroups = 1 + rnd.nextInt(6);
    int[] start = new int[numGroups + 1];
    int entries = w[0].length == 0 ? 0 : rnd.nextInt(3 * w[0].length + 1);
    int[] index = new int[entries];
    long[] mask = new long[entries];
    for (int k = 0; k < entries; k++) {
      index[k] = rnd.nextInt(w[0].length);
      mask[k] = rnd.nextLong();
    }
    for (int g = 1; g < numGroups; g++) {
      start[g] =
          start[g - 1]
              + (entries - start[g - 1] == 0 ? 0 : rnd.nextInt(entries - start[g - 1] + 1));
    }
    start[numGroups] = entries;
    int[][] fused = new int[3][numGroups];
    Words.planCounts3(
        w[0], w[1], w[2], index, mask, start, numGroups, fused[0], fused[1], fused[2]);
    for (int t = 0; t < 3; t++) {
      int[] single = new int[numGroups];
      Words.planCounts(w[t], index, mask, start, numGroups, single);
      int[] plain = new int[numGroups];
      for (int g = 0; g < numGroups; g++) {
        for (int k = start[g]; k < start[g + 1]; k++) {
          plain[g] += Long.bitCount(w[t][index[k]] & mask[k]);
        }
      }
      assertThat(fused[t]).as("%s bitset %d", c, t).containsExactly(single).containsExactly(plain);
    }
  }

  @Test
  void rangeEdgesOnWordBoundaries() {
    long[] all = {-1L, -1L, -1L};
    assertThat(Words.countRange(all, 0, 64)).isEqualTo(64);
    assertThat(Words.countRange(all, 63, 65)).isEqualTo(2);
    assertThat(Words.countRange(all, 64, 64)).isZero();
    assertThat(Words.countRange(all, 1, 192)).isEqualTo(191);
    assertThat(Words.andCountRange(all, new long[] {0, 1L << 63, 1}, 127, 129)).isEqualTo(2);
  }

  @Test
  void ghostBitsDetected() {
    assertThat(Words.ghostBitsClear(new long[] {1L << 5}, 5)).isFalse();
    assertThat(Words.ghostBitsClear(new long[] {1L << 4}, 5)).isTrue();
    assertThat(Words.ghostBitsClear(new long[] {-1L, 1}, 64)).isFalse();
  }
}
