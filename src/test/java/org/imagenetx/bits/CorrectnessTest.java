package org.imagenetx.bits;

import static org.assertj.core.api.Assertions.assertThat;

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
    int numClasses = 20;
    short[] label = new short[n];
    short[] pred = new short[n];
    byte[] metaOfClass = new byte[numClasses];
    for (int k = 0; k < numClasses; k++) {
      metaOfClass[k] = (byte) rnd.nextInt(4);
    }
    byte[] metaOfImage = new byte[n];
    boolean[] right = c.bits(rnd);
    int[] offsets = new int[n + 1];
    short[] values = new short[3 * n];
    for (int i = 0; i < n; i++) {
      label[i] = (short) rnd.nextInt(numClasses);
      metaOfImage[i] = metaOfClass[label[i]];
      pred[i] = right[i] ? label[i] : (short) rnd.nextInt(numClasses);
      if (rnd.nextDouble() < 0.05) {
        pred[i] = -1;
      }
      int size = rnd.nextInt(3);
      offsets[i + 1] = offsets[i] + size;
      for (int k = 0; k < size; k++) {
        values[offsets[i] + k] = (short) (k == 0 && rnd.nextBoolean() ? label[i] : rnd.nextInt(numClasses));
      }
    }
    long[] out = new long[Words.numWords(n)];
    Correctness.classCorrect(pred, label, n, out);
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
    byte[] metaPlus1 = new byte[numClasses + 1];
    metaPlus1[0] = -1;
    System.arraycopy(metaOfClass, 0, metaPlus1, 1, numClasses);
    long[] meta = new long[out.length];
    Correctness.metaclassFromClass(classWords, withinWords, pred, metaOfImage, metaPlus1, out.length, meta);
    for (int i = 0; i < n; i++) {
      // inside "within": the metaclass rule; outside: only class-correct images are marked
      expected[i] = within[i] ? pred[i] >= 0 && metaOfClass[pred[i]] == metaOfImage[i] : pred[i] == label[i];
    }
    assertThat(meta).as("metaclass %s", c).isEqualTo(Shapes.words(expected));
    long[] labelOnly = new long[out.length];
    it.unimi.dsi.fastutil.ints.IntArrayList special = new it.unimi.dsi.fastutil.ints.IntArrayList();
    for (int i = 0; i < n; i++) {
      int size = offsets[i + 1] - offsets[i];
      if (size == 1 && values[offsets[i]] == label[i]) {
        labelOnly[i >>> 6] |= 1L << i;
      } else if (within[i] && size > 0) {
        special.add(i);
      }
    }
    long[] real = new long[out.length];
    Correctness.realFromClass(
        classWords, labelOnly, special.toIntArray(), special.size(), pred, offsets, values, out.length, real);
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

    Correctness.covered(pred, n, out);
    for (int i = 0; i < n; i++) {
      expected[i] = pred[i] >= 0;
    }
    assertThat(out).as("covered %s", c).isEqualTo(Shapes.words(expected));
  }
}
