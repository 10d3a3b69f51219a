package org.imagenetx.resampling;

import java.util.concurrent.TimeUnit;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.state.SyntheticZooState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SPEC section 5: bootstrap intervals, B = 1,000, accuracy and error ratio for 16 factors + overall
 * for every model of the zoo (class error), 2 threads; under 10 s for 2,200 models. Includes
 * reading predictions and building correctness words per model.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
public class BootstrapBenchmark {
  /** Interval method: BCa adds the jackknife and two normal quantiles per statistic. */
  @Param({"PERCENTILE", "BCA"})
  public IntervalMethod method;

  /** Factor selection: TOP runs joint cells (32), MULTI marginal mode (16 × 4 cells). */
  @Param({"TOP", "MULTI"})
  public FactorSelection selection;

  /**
   * @param state dataset and zoo
   * @return the intervals
   */
  @Benchmark
  public ZooBootstrap.Result allModels(SyntheticZooState state) {
    return ZooBootstrap.run(
        state.dataset,
        state.zoo,
        selection,
        ErrorType.CLASS,
        false,
        new ZooBootstrap.Settings(1000, 0.95, method, 42),
        2);
  }
}
