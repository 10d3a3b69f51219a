package org.imagenetx.study;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.stat.inference.OneWayAnova;

/**
 * A test of equal means across groups of values (one group per model type; values are the models'
 * error ratios on one factor). Pluggable so the study can use the group tests of {@code
 * org.imagenetx.compare} (Alexander–Govern, Welch's ANOVA) or a classic one.
 */
@FunctionalInterface
public interface GroupTest {
  /**
   * The outcome of a group test.
   *
   * @param method the test's name, e.g. {@code Alexander-Govern}
   * @param statistic the test statistic
   * @param df degrees of freedom of the reference distribution (numerator df for F tests)
   * @param pValue p-value (NaN when the test is undefined, e.g. fewer than two usable groups)
   */
  record Result(String method, double statistic, double df, double pValue) {}

  /**
   * @param groups one array of values per group (NaN-free; groups with fewer than 2 values are
   *     allowed and handled by the test)
   * @return the test's result
   */
  Result test(double[][] groups);

  /**
   * Classic one-way ANOVA (equal variances), from Hipparchus. A fallback for when no better test is
   * available: the study's figure used Alexander–Govern, which does not assume equal variances.
   *
   * @return the test
   */
  static GroupTest oneWayAnova() {
    return groups -> {
      List<double[]> usable = new ArrayList<>();
      int n = 0;
      for (double[] g : groups) {
        if (g.length >= 2) {
          usable.add(g);
          n += g.length;
        }
      }
      if (usable.size() < 2) {
        return new Result("one-way ANOVA", Double.NaN, Double.NaN, Double.NaN);
      }
      OneWayAnova anova = new OneWayAnova();
      return new Result(
          "one-way ANOVA", anova.anovaFValue(usable), usable.size() - 1, anova.anovaPValue(usable));
    };
  }
}
