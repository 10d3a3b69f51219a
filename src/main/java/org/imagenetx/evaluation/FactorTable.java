package org.imagenetx.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.imagenetx.annotations.Factor;

/**
 * The upstream {@code accuracies_per_factor.csv}: one row per model, columns the 16 factor
 * accuracies, {@code worst_factor}, {@code average} and {@code worst_100_classes}. Undefined values
 * (a factor without images) are NaN and written as empty cells.
 */
public final class FactorTable {
  /** Column names after {@code model}, in the upstream order. */
  public static final List<String> COLUMNS;

  /** Column of {@code worst_factor}. */
  public static final int WORST_FACTOR = Factor.COUNT;

  /** Column of {@code average}. */
  public static final int AVERAGE = Factor.COUNT + 1;

  /** Column of {@code worst_100_classes}. */
  public static final int WORST_100_CLASSES = Factor.COUNT + 2;

  static {
    List<String> c = new ArrayList<>(List.of(Factor.columns()));
    c.add("worst_factor");
    c.add("average");
    c.add("worst_100_classes");
    COLUMNS = Collections.unmodifiableList(c);
  }

  private final List<String> models;
  private final double[][] rows;

  /**
   * @param models row names
   * @param rows one {@code double[19]} per model (copied by reference; do not modify afterwards)
   */
  public FactorTable(List<String> models, double[][] rows) {
    if (models.size() != rows.length) {
      throw new IllegalArgumentException("one row per model");
    }
    for (double[] r : rows) {
      if (r.length != COLUMNS.size()) {
        throw new IllegalArgumentException("rows need " + COLUMNS.size() + " columns");
      }
    }
    this.models = List.copyOf(models);
    this.rows = rows;
  }

  /**
   * @param models row names
   * @param counts counts per model
   * @return the accuracy table
   */
  public static FactorTable of(List<String> models, List<FactorCounts> counts) {
    double[][] rows = new double[counts.size()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = row(counts.get(i));
    }
    return new FactorTable(models, rows);
  }

  /**
   * @param c one model's counts
   * @return its row: 16 accuracies, worst_factor, average, worst_100_classes
   */
  public static double[] row(FactorCounts c) {
    double[] r = new double[COLUMNS.size()];
    double worst = Double.POSITIVE_INFINITY;
    for (int f = 0; f < Factor.COUNT; f++) {
      int total = c.total(f);
      r[f] = ratio(c.correct(f), total);
      worst = total == 0 ? worst : Math.min(worst, r[f]);
    }
    r[WORST_FACTOR] = worst == Double.POSITIVE_INFINITY ? Double.NaN : worst;
    r[AVERAGE] = ratio(c.correct(FactorCounts.ALL), c.total(FactorCounts.ALL));
    r[WORST_100_CLASSES] = c.worst100Classes();
    return r;
  }

  static double ratio(int correct, int total) {
    return total == 0 ? Double.NaN : (double) correct / total;
  }

  /**
   * @return model names, in row order
   */
  public List<String> models() {
    return models;
  }

  /**
   * @return number of rows
   */
  public int size() {
    return rows.length;
  }

  /**
   * @param row model row
   * @param column column index into {@link #COLUMNS}
   * @return the value, NaN when undefined
   */
  public double get(int row, int column) {
    return rows[row][column];
  }

  /**
   * @param model a model name
   * @return its row, or -1
   */
  public int rowOf(String model) {
    return models.indexOf(model);
  }

  /**
   * Error ratio {@code ER_f = (1 − acc_f) / (1 − average)}: above 1, the factor makes the model
   * fail more than on average.
   *
   * @param row model row
   * @param factor factor
   * @return the ratio (NaN when undefined; infinite for a perfect model)
   */
  public double errorRatio(int row, Factor factor) {
    return ErrorRatio.of(rows[row][factor.ordinal()], rows[row][AVERAGE]);
  }

  /**
   * @param keep row indices to keep, in the new order
   * @return a table of those rows
   */
  public FactorTable select(int[] keep) {
    List<String> m = new ArrayList<>(keep.length);
    double[][] r = new double[keep.length][];
    for (int i = 0; i < keep.length; i++) {
      m.add(models.get(keep[i]));
      r[i] = rows[keep[i]];
    }
    return new FactorTable(m, r);
  }
}
