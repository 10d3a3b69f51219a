package org.imagenetx.state;

import java.sql.Connection;
import java.sql.SQLException;
import org.imagenetx.baseline.DuckDbBaseline;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** DuckDB (2 threads) with the CSV zoo of {@link CsvZooState} loaded once per trial. */
@State(Scope.Benchmark)
public class DuckDbState {
  /** The loaded database. */
  public Connection connection;

  /**
   * @param csv the zoo files
   * @throws SQLException on a driver failure
   */
  @Setup(Level.Trial)
  public void setUp(CsvZooState csv) throws SQLException {
    connection = DuckDbBaseline.connect(2);
    DuckDbBaseline.load(connection, csv.csvFolder, csv.truthCsv);
  }

  /**
   * @throws SQLException on a driver failure
   */
  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    connection.close();
  }
}
