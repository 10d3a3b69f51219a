package org.imagenetx.baseline;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.evaluation.Aggregation;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.state.CsvZooState;
import org.imagenetx.state.DuckDbState;
import org.imagenetx.state.StoreZooState;
import org.imagenetx.zoo.Zoo;
import org.imagenetx.zoo.ZooStore;
import org.imagenetx.zoo.Zoos;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * imagenetx against DuckDB on the same synthetic zoo and the same table (per-factor accuracies,
 * multi factors, error type class), both on 2 threads. DuckDB's CSV load and its query are timed
 * separately; a 2,200-model load takes tens of seconds, so the slow paths are single shots.
 *
 * <p>Pairs to compare: CSV folder → table ({@code duckdbLoadCsv + duckdbQuery} vs {@code
 * imagenetxCsvToTable}); loaded data → table ({@code duckdbQuery} vs {@code imagenetxLoadedTable});
 * {@code imagenetxStoreToTable} adds opening the store.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
public class DuckDbBenchmark {
  private static final List<FactorSelection> MULTI = List.of(FactorSelection.MULTI);
  private static final List<ErrorType> CLASS = List.of(ErrorType.CLASS);

  /**
   * @param csv the zoo files
   * @return rows loaded
   * @throws SQLException on a driver failure
   */
  @Benchmark
  public long duckdbLoadCsv(CsvZooState csv) throws SQLException {
    try (Connection c = DuckDbBaseline.connect(2)) {
      return DuckDbBaseline.load(c, csv.csvFolder, csv.truthCsv);
    }
  }

  /**
   * @param csv the zoo files (parameters)
   * @param db the loaded database
   * @return the table
   * @throws SQLException on a driver failure
   */
  @Benchmark
  public DuckDbBaseline.Table duckdbQuery(CsvZooState csv, DuckDbState db) throws SQLException {
    return DuckDbBaseline.table(db.connection);
  }

  /**
   * Parses every CSV (2 threads) and computes the table.
   *
   * @param csv the zoo files
   * @return the table
   */
  @Benchmark
  public FactorTable imagenetxCsvToTable(CsvZooState csv) {
    Zoo zoo = Zoos.open(csv.csvFolder, csv.dataset.index());
    return Aggregation.run(csv.dataset, zoo, MULTI, CLASS, 2, null)
        .get(FactorSelection.MULTI, ErrorType.CLASS)
        .factors();
  }

  /**
   * Opens the store (mapped, checksums on first read) and computes the table.
   *
   * @param store the store
   * @return the table
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 2, time = 1)
  @Measurement(iterations = 3, time = 1)
  public FactorTable imagenetxStoreToTable(StoreZooState store) {
    ZooStore zoo = ZooStore.open(store.path, store.dataset.index());
    return Aggregation.run(store.dataset, zoo, MULTI, CLASS, 2, null)
        .get(FactorSelection.MULTI, ErrorType.CLASS)
        .factors();
  }

  /**
   * The table from an open store.
   *
   * @param store the store
   * @return the table
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 2, time = 1)
  @Measurement(iterations = 3, time = 1)
  public FactorTable imagenetxLoadedTable(StoreZooState store) {
    return Aggregation.run(store.dataset, store.store, MULTI, CLASS, 2, null)
        .get(FactorSelection.MULTI, ErrorType.CLASS)
        .factors();
  }
}
