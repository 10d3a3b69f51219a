package org.imagenetx.evaluation;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.bits.Lanes;
import org.imagenetx.state.StoreZooState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Factor counts of every model of a store for error type class and both factor selections, one
 * thread: the packed block read, correctness words, then the per-(metaclass, factor) and per-class
 * range popcounts and the worst-100-classes selection. Returns the total correct count so nothing
 * is dead code.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
public class FactorCountsBenchmark {
  /**
   * @param s the store
   * @return correct images (ALL column, multi) summed over models
   */
  @Benchmark
  public long evaluateAllModels(StoreZooState s) {
    Evaluator ev = new Evaluator(s.dataset, List.of(FactorSelection.MULTI, FactorSelection.TOP));
    long[] pred = new long[Lanes.numLongs(s.store.numImages())];
    List<ErrorType> types = List.of(ErrorType.CLASS);
    long correct = 0;
    for (int m = 0; m < s.store.size(); m++) {
      int missing = s.store.readPacked(m, pred);
      FactorCounts[] c = ev.evaluatePacked(pred, missing, types)[0];
      correct += c[0].correct(FactorCounts.ALL);
    }
    return correct;
  }
}
