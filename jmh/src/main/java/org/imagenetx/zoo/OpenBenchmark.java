package org.imagenetx.zoo;

import java.util.concurrent.TimeUnit;
import org.imagenetx.state.StoreZooState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reopening a store (SPEC section 5: under 0.5 s for 2,200 models). {@code open} is what every
 * command does: header, directory and fingerprint checks, then a read-only mapping. {@code
 * openAndVerifyAll} adds the CRC32C of every block, the cost we avoid by checking each block on its
 * first read instead (file pages are in the page cache here; a cold cache adds the disk read).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
public class OpenBenchmark {
  /**
   * @param s the store
   * @return the opened store
   */
  @Benchmark
  public ZooStore open(StoreZooState s) {
    return ZooStore.open(s.path, s.dataset.index());
  }

  /**
   * @param s the store
   * @return the opened, fully verified store
   */
  @Benchmark
  public ZooStore openAndVerifyAll(StoreZooState s) {
    ZooStore z = ZooStore.open(s.path, s.dataset.index());
    z.verifyAll();
    return z;
  }
}
