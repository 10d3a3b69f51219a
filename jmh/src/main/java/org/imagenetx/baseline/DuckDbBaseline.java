package org.imagenetx.baseline;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.imagenetx.annotations.Factor;

/**
 * What a data-savvy user writes instead of imagenetx: DuckDB (in process) loads the prediction CSVs
 * and the ground truth, and one SQL query computes the upstream per-factor accuracy table (multi
 * factors, class): the 16 factor accuracies, worst_factor, average and worst_100_classes (the
 * pooled accuracy of the 100 classes with the lowest accuracy, ties by class id as upstream).
 */
public final class DuckDbBaseline {
  private DuckDbBaseline() {}

  /** The table a query returns: model names and rows in {@code FactorTable.COLUMNS} order. */
  public record Table(List<String> models, List<double[]> rows) {}

  /**
   * @param threads DuckDB worker threads
   * @return an in-memory database
   * @throws SQLException on a driver failure
   */
  public static Connection connect(int threads) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = c.createStatement()) {
      s.execute("SET threads=" + threads);
      s.execute("SET preserve_insertion_order=false");
    }
    return c;
  }

  /**
   * Loads the ground truth and every {@code <model>.csv} of a folder into tables {@code truth} and
   * {@code preds(model, file_name, predicted_class, predicted_probability)}.
   *
   * @param c connection
   * @param csvFolder folder of prediction CSVs
   * @param truthCsv {@code file_name,label,<16 factors>} of the evaluated images
   * @return rows loaded into {@code preds}
   * @throws SQLException on a failure
   */
  public static long load(Connection c, Path csvFolder, Path truthCsv) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE truth AS SELECT * FROM read_csv('" + truthCsv + "', header=true)");
      s.execute(
          "CREATE TABLE preds AS SELECT regexp_extract(filename, '([^/]+)\\.csv$', 1) AS model,"
              + " file_name, predicted_class, predicted_probability"
              + " FROM read_csv('"
              + csvFolder
              + "/*.csv', header=true, filename=true,"
              + " columns={'file_name': 'VARCHAR', 'predicted_class': 'INTEGER', 'predicted_probability': 'DOUBLE'})");
      try (ResultSet r = s.executeQuery("SELECT count(*) FROM preds")) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  /**
   * @return the SQL of the per-factor accuracy table
   */
  public static String query() {
    StringBuilder perFactor = new StringBuilder();
    StringBuilder cols = new StringBuilder();
    StringBuilder least = new StringBuilder();
    for (Factor f : Factor.values()) {
      String x = f.column();
      perFactor
          .append(", SUM(c * ")
          .append(x)
          .append(")::DOUBLE / SUM(")
          .append(x)
          .append(") AS ")
          .append(x);
      cols.append(", t.").append(x);
      least.append(least.length() == 0 ? "" : ", ").append(x);
    }
    return "WITH j AS (SELECT p.model, t.label, (p.predicted_class = t.label)::INTEGER AS c"
        + cols
        + " FROM preds p JOIN truth t ON p.file_name = t.file_name),"
        + " per_model AS (SELECT model"
        + perFactor
        + ", SUM(c)::DOUBLE / COUNT(*) AS average"
        + " FROM j GROUP BY model),"
        + " per_class AS (SELECT model, label, SUM(c) AS correct, COUNT(*) AS total,"
        + " SUM(c)::DOUBLE / COUNT(*) AS acc FROM j GROUP BY model, label),"
        + " ranked AS (SELECT model, correct, total,"
        + " row_number() OVER (PARTITION BY model ORDER BY acc, label) AS r FROM per_class),"
        + " worst AS (SELECT model, SUM(correct)::DOUBLE / SUM(total) AS worst_100_classes"
        + " FROM ranked WHERE r <= 100 GROUP BY model)"
        + " SELECT m.*, least("
        + least
        + ") AS worst_factor, w.worst_100_classes"
        + " FROM per_model m JOIN worst w ON m.model = w.model ORDER BY m.model";
  }

  /**
   * Runs {@link #query()}.
   *
   * @param c a loaded connection
   * @return the table, rows by model name
   * @throws SQLException on a failure
   */
  public static Table table(Connection c) throws SQLException {
    List<String> models = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(query())) {
      while (r.next()) {
        models.add(r.getString("model"));
        double[] row = new double[Factor.COUNT + 3];
        for (Factor f : Factor.values()) {
          row[f.ordinal()] = r.getDouble(f.column());
        }
        row[Factor.COUNT] = r.getDouble("worst_factor");
        row[Factor.COUNT + 1] = r.getDouble("average");
        row[Factor.COUNT + 2] = r.getDouble("worst_100_classes");
        rows.add(row);
      }
    }
    return new Table(models, rows);
  }
}
