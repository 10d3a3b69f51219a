package org.imagenetx.bits;

import java.util.concurrent.TimeUnit;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.ImageIndex;
import org.imagenetx.state.StoreZooState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Correctness words of every model of a store, one thread: copy the model's 16-bit block out of the
 * mapping, build its {@code class} correctness words (the one streaming pass the SPEC's budget is
 * built around), and derive {@code metaclass} or {@code real_class} words by the engine's fix-ups
 * over the evaluated (multi) images. Returns the total number of correct images so nothing is dead
 * code.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
public class CorrectnessBenchmark {
  /** The fix-up inputs the evaluator precomputes once per dataset. */
  @State(Scope.Benchmark)
  public static class Inputs {
    /** Evaluated images (multi). */
    public long[] within;

    /** Metaclass of class c at c + 1, -1 at 0. */
    public byte[] metaclassOfPredPlus1;

    /** Images whose ReaL set is exactly their label. */
    public long[] labelOnly;

    /** Evaluated images with another non-empty ReaL set, grouped by set size. */
    public int[] special;

    /**
     * @param s the store's dataset
     */
    @Setup(Level.Trial)
    public void setUp(StoreZooState s) {
      Dataset ds = s.dataset;
      ImageIndex index = ds.index();
      int n = index.size();
      within = ds.factors(FactorSelection.MULTI).words()[Factor.COUNT].clone();
      byte[] meta = ds.metaclasses().table();
      metaclassOfPredPlus1 = new byte[meta.length + 1];
      metaclassOfPredPlus1[0] = -1;
      System.arraycopy(meta, 0, metaclassOfPredPlus1, 1, meta.length);
      int[] offsets = ds.realOffsets();
      short[] values = ds.realLabels();
      labelOnly = new long[Words.numWords(n)];
      it.unimi.dsi.fastutil.ints.IntArrayList sp = new it.unimi.dsi.fastutil.ints.IntArrayList();
      for (int size = 1; size <= 16; size++) {
        for (int i = 0; i < n; i++) {
          if (offsets[i + 1] - offsets[i] != size) {
            continue;
          }
          if (size == 1 && values[offsets[i]] == index.label(i)) {
            labelOnly[i >>> 6] |= 1L << i;
          } else if ((within[i >>> 6] & (1L << i)) != 0) {
            sp.add(i);
          }
        }
      }
      special = sp.toIntArray();
    }
  }

  private static long run(StoreZooState s, Inputs in, int type) {
    Dataset ds = s.dataset;
    ImageIndex index = ds.index();
    int n = index.size();
    int numWords = Words.numWords(n);
    short[] pred = new short[n];
    long[] classWords = new long[numWords];
    long[] words = new long[numWords];
    long correct = 0;
    for (int m = 0; m < s.store.size(); m++) {
      s.store.readClasses(m, pred);
      Correctness.classCorrect(pred, index.labels(), n, classWords);
      long[] w = classWords;
      if (type == 1) {
        Correctness.metaclassFromClass(
            classWords, in.within, pred, index.metaclassOfImage(), in.metaclassOfPredPlus1, numWords, words);
        w = words;
      } else if (type == 2) {
        Correctness.realFromClass(
            classWords, in.labelOnly, in.special, in.special.length, pred, ds.realOffsets(), ds.realLabels(),
            numWords, words);
        w = words;
      }
      correct += Words.andCountRange(w, in.within, 0, n);
    }
    return correct;
  }

  /**
   * @param s the store
   * @param in fix-up inputs
   * @return evaluated images predicted right (class), summed over models
   */
  @Benchmark
  public long classCorrect(StoreZooState s, Inputs in) {
    return run(s, in, 0);
  }

  /**
   * @param s the store
   * @param in fix-up inputs
   * @return evaluated images predicted right (metaclass), summed over models
   */
  @Benchmark
  public long metaclassCorrect(StoreZooState s, Inputs in) {
    return run(s, in, 1);
  }

  /**
   * @param s the store
   * @param in fix-up inputs
   * @return evaluated images predicted right (ReaL), summed over models
   */
  @Benchmark
  public long realCorrect(StoreZooState s, Inputs in) {
    return run(s, in, 2);
  }

  /**
   * The read alone: copying every model's block out of the mapping.
   *
   * @param s the store
   * @return a checksum of the copied values
   */
  @Benchmark
  public long readClasses(StoreZooState s) {
    short[] pred = new short[s.store.numImages()];
    long sum = 0;
    for (int m = 0; m < s.store.size(); m++) {
      s.store.readClasses(m, pred);
      sum += pred[m % pred.length];
    }
    return sum;
  }
}
