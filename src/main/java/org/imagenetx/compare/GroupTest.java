package org.imagenetx.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A test of equal means across groups of values (one group per model type; values are the models'
 * error ratios on one factor). Pluggable so a study can swap the test; the study's figure used
 * Alexander–Govern ({@link #alexanderGovern()}), which does not assume equal variances.
 */
@FunctionalInterface
public interface GroupTest {
  /**
   * @param groups one array of finite values per group, as many as the comparison has groups (some
   *     may hold fewer than 2 values)
   * @return the test's result
   */
  GroupTestResult test(double[][] groups);

  /**
   * Alexander–Govern ({@link GroupTests#alexanderGovern}) over the groups holding at least 2
   * values; NaN statistic and p-value when fewer than 2 such groups remain.
   *
   * @return the test
   */
  static GroupTest alexanderGovern() {
    return groups -> usable(groups, GroupTests.ALEXANDER_GOVERN, GroupTests::alexanderGovern);
  }

  /**
   * Welch's heteroscedastic one-way ANOVA ({@link GroupTests#welchAnova}) over the groups holding
   * at least 2 values.
   *
   * @return the test
   */
  static GroupTest welchAnova() {
    return groups -> usable(groups, GroupTests.WELCH_ANOVA, GroupTests::welchAnova);
  }

  /**
   * @param name {@code alexander-govern} (or {@code ag}) or {@code welch}
   * @return the test
   */
  static GroupTest parse(String name) {
    switch (name.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
      case "alexander-govern":
      case "ag":
        return alexanderGovern();
      case "welch":
      case "welch-anova":
        return welchAnova();
      default:
        throw new IllegalArgumentException(
            "unknown group test '" + name + "' (alexander-govern, welch)");
    }
  }

  private static GroupTestResult usable(
      double[][] groups, String method, Function<double[][], GroupTestResult> test) {
    List<double[]> keep = new ArrayList<>();
    for (double[] g : groups) {
      if (g.length >= 2) {
        keep.add(g);
      }
    }
    if (keep.size() < 2) {
      return new GroupTestResult(method, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    return test.apply(keep.toArray(new double[0][]));
  }
}
