package org.imagenetx.zoo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.state.CsvZooState;
import org.imagenetx.state.ZooFiles;
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
 * Ingest (SPEC section 5: at least 150 MB/s per core). {@code parseOneCsv} is the parser alone on
 * one core, a 50,000-row file already in memory (MB/s = file bytes / time); {@code buildStore} is
 * {@code zoo build} end to end on 2 threads: read every CSV, parse, checksum, write, sync, rename.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
public class IngestBenchmark {
  /** One model's CSV bytes and the output buffers. */
  @State(Scope.Thread)
  public static class OneFile {
    /** The annotations. */
    public Dataset dataset;

    /** CSV bytes (upstream format with probabilities). */
    public byte[] bytes;

    /** Output classes. */
    public short[] classes;

    /** Output probabilities. */
    public float[] probabilities;

    /** The CSV bytes followed by the slack {@link PredictionCsv#read} leaves after a file. */
    public byte[] padded;

    /**
     * @throws IOException when the cached file cannot be read
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
      dataset = ZooFiles.dataset();
      Path dir = ZooFiles.csvFolder(dataset, 4);
      bytes = Files.readAllBytes(dir.resolve("synthetic_model_0000.csv"));
      classes = new short[dataset.index().size()];
      probabilities = new float[dataset.index().size()];
      padded = java.util.Arrays.copyOf(bytes, bytes.length + 64);
    }
  }

  /**
   * @param f the file
   * @return what the parser read
   */
  @Benchmark
  public PredictionCsv.Result parseOneCsv(OneFile f) {
    return PredictionCsv.parse(
        f.bytes, f.bytes.length, "bench.csv", f.dataset.index(), f.classes, f.probabilities);
  }

  /**
   * The parse of a class table (probabilities checked, not converted), from a buffer as {@link
   * PredictionCsv#read} fills it: the word-at-a-time row path.
   *
   * @param f the file
   * @return what the parser read
   */
  @Benchmark
  public PredictionCsv.Result parseOneCsvClasses(OneFile f) {
    return PredictionCsv.parse(
        f.padded, f.bytes.length, "bench.csv", f.dataset.index(), f.classes, null);
  }

  /**
   * @param csv the CSV folder
   * @return bytes of the store written
   * @throws IOException when the store cannot be sized
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 1)
  @Measurement(iterations = 2)
  public long buildStore(CsvZooState csv) throws IOException {
    Path out = ZooFiles.root().resolve("ingest-bench-" + csv.models + ".zoo");
    ZooFiles.buildStore(csv.dataset.index(), csv.csvFolder, out, 2);
    return Files.size(out);
  }
}
