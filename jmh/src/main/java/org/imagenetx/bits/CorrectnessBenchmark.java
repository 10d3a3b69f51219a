package org.imagenetx.bits;

import java.util.concurrent.TimeUnit;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.evaluation.TypeWords;
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
 * Correctness words of every model of a store, one thread: read the model's packed 16-bit block
 * ({@link org.imagenetx.zoo.Zoo#readPacked}), build its {@code class} correctness words by the SWAR
 * pass (the one streaming pass the SPEC's budget is built around), and derive {@code metaclass} or
 * {@code metaclass} and {@code real_class} words by the engine's walk over the wrong predictions
 * inside the evaluated (multi) images. Returns the total number of correct images so nothing is
 * dead code.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
public class CorrectnessBenchmark {
  /** The tables the evaluator builds once per dataset. */
  @State(Scope.Benchmark)
  public static class Inputs {
    /** Evaluated images (multi). */
    public long[] within;

    /** Packed labels, the metaclass of every lane value, the split ReaL sets. */
    public TypeWords typeWords;

    /**
     * @param s the store's dataset
     */
    @Setup(Level.Trial)
    public void setUp(StoreZooState s) {
      within = s.dataset.factors(FactorSelection.MULTI).words()[Factor.COUNT].clone();
      typeWords = TypeWords.of(s.dataset);
    }
  }

  private static long run(StoreZooState s, Inputs in, int type) {
    int n = s.dataset.index().size();
    int numWords = Words.numWords(n);
    long[] pred = new long[Lanes.numLongs(n)];
    long[] classWords = new long[numWords];
    long[] meta = new long[numWords];
    long[] real = new long[numWords];
    long correct = 0;
    for (int m = 0; m < s.store.size(); m++) {
      s.store.readPacked(m, pred);
      in.typeWords.classWords(pred, classWords);
      in.typeWords.derive(classWords, pred, type >= 1, type == 2, meta, real);
      long[] w = type == 0 ? classWords : type == 1 ? meta : real;
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
   * The metaclass and ReaL words together, as the evaluator derives them when both are asked for.
   *
   * @param s the store
   * @param in fix-up inputs
   * @return evaluated images predicted right (ReaL), summed over models
   */
  @Benchmark
  public long realCorrect(StoreZooState s, Inputs in) {
    return run(s, in, 2);
  }

  /**
   * The read alone: every model's packed block out of the store.
   *
   * @param s the store
   * @return a checksum of the copied values
   */
  @Benchmark
  public long readClasses(StoreZooState s) {
    long[] pred = new long[Lanes.numLongs(s.store.numImages())];
    long sum = 0;
    for (int m = 0; m < s.store.size(); m++) {
      s.store.readPacked(m, pred);
      sum += Lanes.get(pred, m % s.store.numImages());
    }
    return sum;
  }
}
