package org.imagenetx.evaluation;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.state.StoreZooState;
import org.imagenetx.state.SyntheticZooState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The full upstream tables of a loaded zoo: 16 factors + worst_factor + average +
 * worst_100_classes, per metaclass too, for 3 error types and both factor selections, on 2 threads
 * (SPEC section 5: under 0.25 s for 2,200 models).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
public class AggregationBenchmark {
  /**
   * @param state dataset and zoo
   * @return the tables (consumed by JMH)
   */
  @Benchmark
  public Aggregation fullTables(SyntheticZooState state) {
    return Aggregation.run(
        state.dataset,
        state.zoo,
        List.of(FactorSelection.MULTI, FactorSelection.TOP),
        List.of(ErrorType.values()),
        2,
        null);
  }

  /**
   * The same tables read from a memory-mapped store (what {@code aggregate --zoo <store>} does once
   * the store is open).
   *
   * @param state the opened store
   * @return the tables (consumed by JMH)
   */
  @Benchmark
  public Aggregation fullTablesFromStore(StoreZooState state) {
    return Aggregation.run(
        state.dataset,
        state.store,
        List.of(FactorSelection.MULTI, FactorSelection.TOP),
        List.of(ErrorType.values()),
        2,
        null);
  }
}
