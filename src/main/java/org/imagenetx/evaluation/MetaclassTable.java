package org.imagenetx.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.Metaclasses;

/**
 * The per-metaclass table {@code accuracies_per_factor_metaclass.csv}: one row per (model, true
 * metaclass) in the study's metaclass order; columns the 16 factor accuracies, {@code worst_factor}
 * (over defined factors) and {@code average}. A factor with no image in a metaclass is NaN (an
 * empty cell). Rows are stored model by model; {@link #upstreamOrder()} is the order of the
 * upstream files.
 */
public final class MetaclassTable {
  /** Column names after {@code model, metaclass}. */
  public static final List<String> COLUMNS;

  /** Column of {@code worst_factor}. */
  public static final int WORST_FACTOR = Factor.COUNT;

  /** Column of {@code average}. */
  public static final int AVERAGE = Factor.COUNT + 1;

  static {
    List<String> c = new ArrayList<>(List.of(Factor.columns()));
    c.add("worst_factor");
    c.add("average");
    COLUMNS = Collections.unmodifiableList(c);
  }

  private final List<String> models;
  private final double[][] rows;

  MetaclassTable(List<String> models, double[][] rows) {
    this.models = List.copyOf(models);
    this.rows = rows;
  }

  /**
   * @param models model names
   * @param counts counts per model
   * @return the table with {@code 17 * models.size()} rows
   */
  public static MetaclassTable of(List<String> models, List<FactorCounts> counts) {
    double[][] rows = new double[counts.size() * Metaclasses.COUNT][];
    for (int i = 0; i < counts.size(); i++) {
      fillRows(counts.get(i), rows, i * Metaclasses.COUNT);
    }
    return new MetaclassTable(models, rows);
  }

  /**
   * Writes one model's 17 rows.
   *
   * @param c the model's counts
   * @param rows destination
   * @param at index of the model's first row
   */
  static void fillRows(FactorCounts c, double[][] rows, int at) {
    for (int m = 0; m < Metaclasses.COUNT; m++) {
      // the columns, then the image count of each factor and of the whole metaclass (for n)
      double[] r = new double[COLUMNS.size() + Factor.COUNT + 1];
      r[COLUMNS.size() + Factor.COUNT] = c.total(m, FactorCounts.ALL);
      double worst = Double.POSITIVE_INFINITY;
      for (int f = 0; f < Factor.COUNT; f++) {
        int total = c.total(m, f);
        r[COLUMNS.size() + f] = total;
        r[f] = FactorTable.ratio(c.correct(m, f), total);
        // min over the defined ratios (a ratio is undefined, NaN, exactly when its total is 0)
        worst = total == 0 ? worst : Math.min(worst, r[f]);
      }
      r[WORST_FACTOR] = worst == Double.POSITIVE_INFINITY ? Double.NaN : worst;
      r[AVERAGE] = FactorTable.ratio(c.correct(m, FactorCounts.ALL), c.total(m, FactorCounts.ALL));
      rows[at + m] = r;
    }
  }

  /**
   * @return number of rows (models × 17)
   */
  public int size() {
    return rows.length;
  }

  /**
   * @param row row
   * @return the model of that row
   */
  public String model(int row) {
    return models.get(row / Metaclasses.COUNT);
  }

  /**
   * @param row row
   * @return the metaclass name of that row
   */
  public String metaclass(int row) {
    return Metaclasses.NAMES.get(row % Metaclasses.COUNT);
  }

  /**
   * @param row row
   * @param column index into {@link #COLUMNS}
   * @return the value, NaN when undefined
   */
  public double get(int row, int column) {
    return rows[row][column];
  }

  /**
   * The row order of the upstream files, so that ours diff cleanly against them: grouped by
   * metaclass in the study's order ({@code device, dog, …, natural_object, other}), and within a
   * metaclass by model name in code-point order (so {@code human} comes after {@code ViT}).
   *
   * @return row indices in that order
   */
  public int[] upstreamOrder() {
    Integer[] byName = new Integer[models.size()];
    for (int i = 0; i < byName.length; i++) {
      byName[i] = i;
    }
    java.util.Arrays.sort(byName, (a, b) -> models.get(a).compareTo(models.get(b)));
    int[] out = new int[rows.length];
    int k = 0;
    for (int m = 0; m < Metaclasses.COUNT; m++) {
      for (int i : byName) {
        out[k++] = i * Metaclasses.COUNT + m;
      }
    }
    return out;
  }

  /**
   * @param row row
   * @param factor a factor
   * @return images of the row's metaclass having the factor (the cell's n)
   */
  public int images(int row, Factor factor) {
    return (int) rows[row][COLUMNS.size() + factor.ordinal()];
  }

  /**
   * @param row row
   * @param factor a factor
   * @return the model's errors among those images
   */
  public int errors(int row, Factor factor) {
    int n = images(row, factor);
    return n == 0 ? 0 : n - (int) Math.round(rows[row][factor.ordinal()] * n);
  }

  /**
   * @param row row
   * @param factor a factor
   * @return whether the cell is too small to read without a flag ({@link SmallCells})
   */
  public boolean isSmall(int row, Factor factor) {
    return SmallCells.isSmall(images(row, factor), errors(row, factor));
  }

  /**
   * @return model names
   */
  public List<String> models() {
    return models;
  }
}
