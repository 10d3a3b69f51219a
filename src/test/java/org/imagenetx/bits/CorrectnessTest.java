package org.imagenetx.bits;

import static org.assertj.core.api.Assertions.assertThat;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.imagenetx.testing.Shapes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The correctness kernels against per-image reference loops, including missing predictions. */
class CorrectnessTest {
  static List<Shapes.Case> cases() {
    return Shapes.cases();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void kernelsEqualReference(Shapes.Case c) {
    SplittableRandom rnd = c.random();
    int n = c.size();
    int numClasses = 1000; // ids of every magnitude up to the real 999
    short[] label = new short[n];
    short[] pred = new short[n];
    byte[] metaOfClass = new byte[numClasses];
    for (int k = 0; k < numClasses; k++) {
      metaOfClass[k] = (byte) rnd.nextInt(4);
    }
    byte[] metaOfImage = new byte[n];
    boolean[] right = c.bits(rnd);
    int[] offsets = new int[n + 1];
    short[] values = new short[4 * n];
    for (int i = 0; i < n; i++) {
      label[i] = (short) rnd.nextInt(numClasses);
    }
    if (c.clustered()) {
      // images ordered by metaclass, as in the index
      short[] sorted = new short[n];
      int at = 0;
      for (int m = 0; m < 4; m++) {
        for (int i = 0; i < n; i++) {
          if (metaOfClass[label[i]] == m) {
            sorted[at++] = label[i];
          }
        }
      }
      System.arraycopy(sorted, 0, label, 0, n);
    }
    for (int i = 0; i < n; i++) {
      metaOfImage[i] = metaOfClass[label[i]];
      pred[i] = right[i] ? label[i] : (short) rnd.nextInt(numClasses);
      if (rnd.nextDouble() < 0.05) {
        pred[i] = -1;
      }
      int size = rnd.nextInt(4); // 0..3: empty, the label only, and sets with two other labels
      offsets[i + 1] = offsets[i] + size;
      for (int k = 0; k < size; k++) {
        values[offsets[i] + k] =
            (short) (k == 0 && rnd.nextBoolean() ? label[i] : rnd.nextInt(numClasses));
      }
    }
    long[] out = new long[Words.numWords(n)];
    long[] predPacked = new long[Lanes.numLongs(n)];
    Lanes.pack(pred, n, predPacked);
    long[] labelPacked = new long[Lanes.numLongs(n)];
    Lanes.pack(label, n, labelPacked);
    Correctness.classCorrectPacked(predPacked, labelPacked, n, out);
    boolean[] expected = new boolean[n];
    for (int i = 0; i < n; i++) {
      expected[i] = pred[i] == label[i];
    }
    assertThat(out).as("class %s", c).isEqualTo(Shapes.words(expected));
    assertThat(Words.ghostBitsClear(out, n)).isTrue();

    // derived kernels: exact inside a random "within" mask
    boolean[] within = c.bits(rnd);
    long[] withinWords = Shapes.words(within);
    long[] classWords = out.clone();
    byte[] metaOfLane = new byte[1 << 16];
    Arrays.fill(metaOfLane, (byte) -1);
    System.arraycopy(metaOfClass, 0, metaOfLane, 0, numClasses);
    long[] meta = new long[out.length];
    Correctness.metaclassFromClassPacked(
        classWords, withinWords, predPacked, metaOfImage, metaOfLane, out.length, meta);
    for (int i = 0; i < n; i++) {
      // inside "within": the metaclass rule; outside: only class-correct images are marked
      expected[i] =
          within[i] ? pred[i] >= 0 && metaOfClass[pred[i]] == metaOfImage[i] : pred[i] == label[i];
    }
    assertThat(meta).as("metaclass %s", c).isEqualTo(Shapes.words(expected));

    // metaclass and real_class in one walk: real_class exact inside "within"
    long[] labelInReal = new long[out.length];
    char[] realOther = new char[n];
    Arrays.fill(realOther, (char) 0xFFFE);
    IntArrayList more = new IntArrayList();
    for (int i = 0; i < n; i++) {
      int others = 0;
      for (int k = offsets[i]; k < offsets[i + 1]; k++) {
        if (values[k] == label[i]) {
          labelInReal[i >>> 6] |= 1L << i;
        } else if (others++ == 0) {
          realOther[i] = (char) values[k];
        }
      }
      if (others > 1 && within[i]) {
        more.add(i);
      }
    }
    long[] meta2 = new long[out.length];
    long[] real = new long[out.length];
    Correctness.metaclassAndRealFromClassPacked(
        classWords,
        withinWords,
        predPacked,
        metaOfImage,
        metaOfLane,
        labelInReal,
        realOther,
        more.toIntArray(),
        more.size(),
        offsets,
        values,
        out.length,
        meta2,
        real);
    assertThat(meta2).as("metaclass (with real) %s", c).isEqualTo(meta);
    for (int i = 0; i < n; i++) {
      boolean reference = false;
      for (int k = offsets[i]; k < offsets[i + 1]; k++) {
        reference |= pred[i] >= 0 && values[k] == pred[i];
      }
      expected[i] = within[i] && reference;
    }
    long[] withinOnly = real.clone();
    Words.and(real, withinWords, withinOnly, real.length);
    assertThat(withinOnly).as("real %s", c).isEqualTo(Shapes.words(expected));

    Correctness.coveredPacked(predPacked, n, out);
    for (int i = 0; i < n; i++) {
      expected[i] = pred[i] >= 0;
    }
    assertThat(out).as("covered %s", c).isEqualTo(Shapes.words(expected));
  }
}
