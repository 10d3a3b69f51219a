package org.imagenetx.bits;

import java.util.concurrent.TimeUnit;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.ImageIndex;
import org.imagenetx.state.StoreZooState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Correctness words of every model of a store, one thread: copy the model's 16-bit block out of the
 * mapping, then build its correctness bitset for one error type. This is the one streaming pass the
 * SPEC's budget is built around (~40 ms for 2,200 models on one core for the read alone). Returns
 * the total number of correct images so nothing is dead code.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
public class CorrectnessBenchmark {
  private static long run(StoreZooState s, int type) {
    Dataset ds = s.dataset;
    ImageIndex index = ds.index();
    int n = index.size();
    short[] pred = new short[n];
    long[] words = new long[Words.numWords(n)];
    byte[] metaOfClass = ds.metaclasses().table();
    long correct = 0;
    for (int m = 0; m < s.store.size(); m++) {
      s.store.readClasses(m, pred);
      switch (type) {
        case 0 -> Correctness.classCorrect(pred, index.labels(), n, words);
        case 1 -> Correctness.metaclassCorrect(pred, index.metaclassOfImage(), metaOfClass, n, words);
        default -> Correctness.realCorrect(pred, ds.realOffsets(), ds.realLabels(), n, words);
      }
      correct += Words.countRange(words, 0, n);
    }
    return correct;
  }

  /**
   * @param s the store
   * @return correct images summed over models
   */
  @Benchmark
  public long classCorrect(StoreZooState s) {
    return run(s, 0);
  }

  /**
   * @param s the store
   * @return correct images summed over models
   */
  @Benchmark
  public long metaclassCorrect(StoreZooState s) {
    return run(s, 1);
  }

  /**
   * @param s the store
   * @return correct images summed over models
   */
  @Benchmark
  public long realCorrect(StoreZooState s) {
    return run(s, 2);
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
