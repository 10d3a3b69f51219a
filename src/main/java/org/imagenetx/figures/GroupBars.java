package org.imagenetx.figures;

import java.util.List;
import org.imagenetx.annotations.Factor;

/**
 * What the model-comparison figure shows: per group (of models, or single models) and factor, a
 * mean error ratio with an interval, and per factor the p-value of the test comparing the groups.
 * Bars of factors with {@code p ≥ alpha} are drawn faded.
 *
 * @param groups group names (legend entries)
 * @param groupSizes models per group (1 for single models)
 * @param mean {@code [group][factor]} error ratio (canonical factor order)
 * @param lower {@code [group][factor]} interval lower bound, or null
 * @param upper {@code [group][factor]} interval upper bound, or null
 * @param pValue per factor, the test across groups (NaN: untested, drawn at full colour)
 * @param alpha significance level
 * @param method how intervals and p-values were obtained, for the caption and the CSV
 * @param cellSignificant {@code [group][factor]} per-bar significance overriding {@code pValue}
 *     (e.g. "this model's ratio differs from 1"), or null
 * @param sortKey per factor, the value the figure sorts factors by (the study: the pooled mean over
 *     every model), or null for the unweighted mean of the groups' means
 */
public record GroupBars(
    List<String> groups,
    int[] groupSizes,
    double[][] mean,
    double[][] lower,
    double[][] upper,
    double[] pValue,
    double alpha,
    String method,
    boolean[][] cellSignificant,
    double[] sortKey) {
  /** Checks the shapes. */
  public GroupBars {
    groups = List.copyOf(groups);
    if (groupSizes.length != groups.size() || mean.length != groups.size()) {
      throw new IllegalArgumentException("one size and one mean row per group");
    }
    if ((lower == null) != (upper == null)) {
      throw new IllegalArgumentException("lower and upper go together");
    }
    if (pValue.length != Factor.COUNT) {
      throw new IllegalArgumentException("one p-value per factor");
    }
    if (sortKey != null && sortKey.length != Factor.COUNT) {
      throw new IllegalArgumentException("one sort key per factor");
    }
  }

  /**
   * @param factor canonical factor index
   * @return whether the groups differ significantly on it (or it was not tested)
   */
  public boolean significant(int factor) {
    return Double.isNaN(pValue[factor]) || pValue[factor] < alpha;
  }

  /**
   * @param group group index
   * @param factor canonical factor index
   * @return whether bar (group, factor) is drawn at full colour
   */
  public boolean significant(int group, int factor) {
    return cellSignificant != null ? cellSignificant[group][factor] : significant(factor);
  }
}
