package org.imagenetx.compare;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.imagenetx.state.PairwiseState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SPEC section 5 pairwise targets on loaded error words: one model against the zoo (McNemar counts
 * and exact/mid-p, Holm and BH, ranked; under 20 ms for 2,200 models), and the discordant counts of
 * all pairs on 17 slices (16 factors + overall; under 30 s for 2.4 M pairs), both on 2 threads
 * where parallel.
 */
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
public class PairwiseBenchmark {
  /**
   * @param state error words
   * @return the ranked rows
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public List<Comparisons.Versus> oneVsAll(PairwiseState state) {
    return Comparisons.oneVsAll(state.data, 0, PairwiseData.OVERALL);
  }

  /**
   * @param state error words
   * @return a checksum of every pair's discordant counts (so nothing is dead code)
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public long allPairsCounts(PairwiseState state) {
    long[] sum = new long[1];
    AllPairs.run(
        state.data,
        2,
        (a, b, onlyA, onlyB) -> {
          long s = 0;
          for (int j = 0; j < onlyA.length; j++) {
            s += onlyA[j] - 3L * onlyB[j];
          }
          sum[0] += s;
        });
    return sum[0];
  }
}
