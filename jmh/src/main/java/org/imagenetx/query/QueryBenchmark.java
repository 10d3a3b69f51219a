package org.imagenetx.query;

import java.util.concurrent.TimeUnit;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.state.QuerySessionState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one query of the shell and the explorer on a loaded session (issue 7: every query
 * under 100 ms on a 2,200-model zoo). Arguments change on every call (seeded), see {@link
 * QuerySessionState}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx3g"})
public class QueryBenchmark {
  /**
   * @param s session
   * @return the full ranking on a random factor (all models sorted)
   */
  @Benchmark
  public Results.Ranking rank(QuerySessionState s) {
    return s.engine.rank(new Query.Rank(s.nextFactor(), null, ErrorType.CLASS, null, 10));
  }

  /**
   * @param s session
   * @return one model's report, with its rank on every factor
   */
  @Benchmark
  public Results.ModelReport show(QuerySessionState s) {
    return s.engine.show(s.nextModel(), ErrorType.CLASS);
  }

  /**
   * @param s session
   * @return one model's report with bootstrap intervals; models are drawn at random from the zoo,
   *     so on 2,200 models most calls pay one single-model bootstrap (B = 1,000), not the cache
   */
  @Benchmark
  public Results.ModelReport showWithIntervals(QuerySessionState s) {
    return s.withIntervals.show(s.nextModel(), ErrorType.CLASS);
  }

  /**
   * @param s session
   * @return the top 10 on a random factor with intervals (bootstraps of rows not yet cached)
   */
  @Benchmark
  public Results.Ranking rankWithIntervals(QuerySessionState s) {
    return s.withIntervals.rank(new Query.Rank(s.nextFactor(), null, ErrorType.CLASS, null, 10));
  }

  /**
   * @param s session
   * @return the nearest profiles of one model against all others
   */
  @Benchmark
  public Results.Similarity similar(QuerySessionState s) {
    return s.engine.similar(new Query.Similar(s.nextModel(), ErrorType.CLASS, 10, false));
  }

  /**
   * @param s session
   * @return a paired comparison (reads both models' predictions)
   */
  @Benchmark
  public Results.Comparison compare(QuerySessionState s) {
    String a = s.nextModel();
    return s.engine.compare(a, s.otherModel(a), ErrorType.CLASS);
  }

  /**
   * @param s session
   * @return the heatmap's data (every model's profile)
   */
  @Benchmark
  public Results.Matrix matrix(QuerySessionState s) {
    return s.engine.matrix(ErrorType.CLASS);
  }
}
