package org.imagenetx.state;

import java.nio.file.Path;
import org.imagenetx.annotations.Dataset;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A folder of {@code models} upstream prediction CSVs (seed 42, 50,000 rows each, ~2.1 MB per
 * model), plus the ground truth as a CSV for the SQL baseline. Files are cached ({@link ZooFiles}).
 */
@State(Scope.Benchmark)
public class CsvZooState {
  /** Models in the zoo. */
  @Param({"4", "200", "2200"})
  public int models;

  /** The annotations. */
  public Dataset dataset;

  /** The CSV folder. */
  public Path csvFolder;

  /** The ground truth CSV (evaluated images, multi factors). */
  public Path truthCsv;

  /** Bytes of CSV in the folder. */
  public long csvBytes;

  /** Writes (or reuses) the files once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    dataset = ZooFiles.dataset();
    csvFolder = ZooFiles.csvFolder(dataset, models);
    truthCsv = ZooFiles.truthCsv(dataset);
    csvBytes = ZooFiles.bytes(csvFolder);
  }
}
