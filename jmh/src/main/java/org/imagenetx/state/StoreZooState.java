package org.imagenetx.state;

import java.nio.file.Path;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.zoo.ZooStore;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A store of {@code models} synthetic models (the same predictions as {@link SyntheticZooState} and
 * {@link CsvZooState}: seed 42, 50,000 images), ingested from the CSV folder, opened (mapped).
 */
@State(Scope.Benchmark)
public class StoreZooState {
  /** Models in the zoo. */
  @Param({"4", "200", "2200"})
  public int models;

  /** The annotations. */
  public Dataset dataset;

  /** The store file. */
  public Path path;

  /** The opened store. */
  public ZooStore store;

  /** Builds (or reuses) the store once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    dataset = ZooFiles.dataset();
    path = ZooFiles.storeFromCsv(dataset, models);
    store = ZooStore.open(path, dataset.index());
  }
}
