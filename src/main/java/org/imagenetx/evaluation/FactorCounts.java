package org.imagenetx.evaluation;

import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.Metaclasses;

/**
 * The counts one model's tables are made of, for one error type and one factor selection: per (true
 * metaclass, column) the number of evaluated images and of correct ones, where the columns are the
 * 16 factors and, last, all images; plus {@code worst_100_classes}, which needs per-class counts
 * that are not kept.
 *
 * <p>Every accuracy of the upstream tables is a ratio of two of these counts.
 */
public final class FactorCounts {
  /** Columns per metaclass row: 16 factors + all images. */
  public static final int COLUMNS = Factor.COUNT + 1;

  /** Column of "all images" (the {@code average}). */
  public static final int ALL = Factor.COUNT;

  private final int[] correct;
  private final int[] total;
  private final double worst100Classes;

  /**
   * @param correct {@code [17 * 17]} correct counts, row-major by metaclass
   * @param total {@code [17 * 17]} image counts
   * @param worst100Classes pooled accuracy of the 100 worst classes
   */
  public FactorCounts(int[] correct, int[] total, double worst100Classes) {
    if (correct.length != Metaclasses.COUNT * COLUMNS || total.length != correct.length) {
      throw new IllegalArgumentException("counts must have 17 x 17 cells");
    }
    this.correct = correct;
    this.total = total;
    this.worst100Classes = worst100Classes;
  }

  /**
   * @param metaclass 0..16
   * @param column factor ordinal, or {@link #ALL}
   * @return correct images in the cell
   */
  public int correct(int metaclass, int column) {
    return correct[metaclass * COLUMNS + column];
  }

  /**
   * @param metaclass 0..16
   * @param column factor ordinal, or {@link #ALL}
   * @return evaluated images in the cell
   */
  public int total(int metaclass, int column) {
    return total[metaclass * COLUMNS + column];
  }

  /**
   * @param column factor ordinal, or {@link #ALL}
   * @return correct images over all metaclasses
   */
  public int correct(int column) {
    int n = 0;
    for (int m = 0; m < Metaclasses.COUNT; m++) {
      n += correct[m * COLUMNS + column];
    }
    return n;
  }

  /**
   * @param column factor ordinal, or {@link #ALL}
   * @return evaluated images over all metaclasses
   */
  public int total(int column) {
    int n = 0;
    for (int m = 0; m < Metaclasses.COUNT; m++) {
      n += total[m * COLUMNS + column];
    }
    return n;
  }

  /**
   * @return pooled accuracy over the images of the 100 classes with the lowest accuracy
   */
  public double worst100Classes() {
    return worst100Classes;
  }
}
