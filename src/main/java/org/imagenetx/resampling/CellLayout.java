package org.imagenetx.resampling;

import java.util.Arrays;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.evaluation.FactorCounts;

/**
 * How the images of a bootstrap are grouped into cells and which cells feed which statistic.
 *
 * <p>A <em>slot</em> is a set of images that every statistic treats alike: for the factor table,
 * the images sharing one factor pattern (the set of factors an image has; for the top selection a
 * single factor); for the per-metaclass table, one (metaclass, pattern). A <em>cell</em> is a slot
 * split by correctness: with one model, (slot, correct?) — 2 cells; with a pair, (slot, A correct?,
 * B correct?) — 4 cells, the joint cells of the paired bootstrap. Cell index = {@code slot ·
 * cellsPerSlot + bits}, bit 0 = model A correct, bit 1 = model B correct.
 *
 * <p>A <em>group</em> is a column of the output: images having a factor, or all images (per
 * metaclass too). Each slot belongs to the groups listed for it; each group has a reference group
 * (all images of the same scope) whose accuracy is the denominator of the error ratio.
 */
public final class CellLayout {
  private final int numSlots;
  private final int numModels;
  private final int numGroups;
  private final int[] slotGroupStart;
  private final int[] slotGroups;
  private final int[] reference;

  private CellLayout(
      int numSlots, int numModels, int numGroups, int[] start, int[] groups, int[] ref) {
    if (numModels != 1 && numModels != 2) {
      throw new IllegalArgumentException("1 or 2 models, got " + numModels);
    }
    this.numSlots = numSlots;
    this.numModels = numModels;
    this.numGroups = numGroups;
    this.slotGroupStart = start;
    this.slotGroups = groups;
    this.reference = ref;
  }

  /**
   * Factor table: slot p = pattern p; groups 0..15 = factors, 16 = all images (the reference).
   *
   * @param patterns factor mask per slot (bit f = factor f)
   * @param numModels 1 (intervals) or 2 (paired differences)
   * @return the layout
   */
  public static CellLayout factors(int[] patterns, int numModels) {
    int s = patterns.length;
    int[] start = new int[s + 1];
    int[] groups = new int[s * (Factor.COUNT + 1)];
    int k = 0;
    for (int p = 0; p < s; p++) {
      start[p] = k;
      for (int f = 0; f < Factor.COUNT; f++) {
        if ((patterns[p] & (1 << f)) != 0) {
          groups[k++] = f;
        }
      }
      groups[k++] = FactorCounts.ALL;
    }
    start[s] = k;
    int[] ref = new int[FactorCounts.COLUMNS];
    Arrays.fill(ref, FactorCounts.ALL);
    return new CellLayout(s, numModels, FactorCounts.COLUMNS, start, Arrays.copyOf(groups, k), ref);
  }

  /**
   * One factor against all images, the marginal-mode layout: slot 0 = images without the factor,
   * slot 1 = images with it; group 0 = images with the factor, group 1 = all images (the
   * reference). Statistics: 0 = accuracy, 1 = error ratio of the factor; 2, 3 = the same for all.
   *
   * @param numModels 1 or 2
   * @return the layout
   */
  public static CellLayout singleFactor(int numModels) {
    return new CellLayout(
        2, numModels, 2, new int[] {0, 1, 3}, new int[] {1, 0, 1}, new int[] {1, 1});
  }

  /**
   * Per-metaclass table: slot {@code m · P + p} = images of metaclass m with pattern p; group
   * {@code m · 17 + column} (column = factor or {@link FactorCounts#ALL}), referenced to {@code m ·
   * 17 + ALL}: the error ratio of a factor within a metaclass is relative to that metaclass's error
   * rate.
   *
   * @param patterns factor mask per pattern
   * @param numModels 1 or 2
   * @return the layout
   */
  public static CellLayout metaclassFactors(int[] patterns, int numModels) {
    int p = patterns.length;
    int s = Metaclasses.COUNT * p;
    int[] start = new int[s + 1];
    int[] groups = new int[s * (Factor.COUNT + 1)];
    int k = 0;
    for (int m = 0; m < Metaclasses.COUNT; m++) {
      for (int q = 0; q < p; q++) {
        start[m * p + q] = k;
        int row = m * FactorCounts.COLUMNS;
        for (int f = 0; f < Factor.COUNT; f++) {
          if ((patterns[q] & (1 << f)) != 0) {
            groups[k++] = row + f;
          }
        }
        groups[k++] = row + FactorCounts.ALL;
      }
    }
    start[s] = k;
    int g = Metaclasses.COUNT * FactorCounts.COLUMNS;
    int[] ref = new int[g];
    for (int i = 0; i < g; i++) {
      ref[i] = (i / FactorCounts.COLUMNS) * FactorCounts.COLUMNS + FactorCounts.ALL;
    }
    return new CellLayout(s, numModels, g, start, Arrays.copyOf(groups, k), ref);
  }

  /**
   * @return slots
   */
  public int numSlots() {
    return numSlots;
  }

  /**
   * @return 1 or 2
   */
  public int numModels() {
    return numModels;
  }

  /**
   * @return cells per slot, {@code 2^numModels}
   */
  public int cellsPerSlot() {
    return 1 << numModels;
  }

  /**
   * @return cells, {@code numSlots · cellsPerSlot}
   */
  public int numCells() {
    return numSlots << numModels;
  }

  /**
   * @return output groups (columns)
   */
  public int numGroups() {
    return numGroups;
  }

  /**
   * Statistics per group: with one model, index {@code 2g} = accuracy and {@code 2g + 1} = error
   * ratio; with two, {@code 2g} = accuracy(A) − accuracy(B) and {@code 2g + 1} = ER(A) − ER(B).
   *
   * @return {@code 2 · numGroups}
   */
  public int numStatistics() {
    return 2 * numGroups;
  }

  int[] slotGroupStart() {
    return slotGroupStart;
  }

  int[] slotGroups() {
    return slotGroups;
  }

  int[] reference() {
    return reference;
  }
}
