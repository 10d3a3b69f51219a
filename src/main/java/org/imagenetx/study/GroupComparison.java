package org.imagenetx.study;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.imagenetx.annotations.Factor;
import org.imagenetx.compare.GroupTestResult;
import org.imagenetx.stats.FactorTable;

/**
 * Mean error ratio per factor per model group, with a bootstrap interval over the group's models
 * and a test of equal means across groups per factor. The unit of variation is the model: the
 * interval says how much the group mean depends on which models happen to be in the zoo, not how
 * precisely each model's ratio is measured on the images.
 *
 * @param groups group names, in the order asked for
 * @param members per group, its models in table order
 * @param values {@code [group][factor][member]}: each member's error ratio (NaN when undefined)
 * @param mean {@code [group][factor]}: mean over members with a defined ratio
 * @param lower {@code [group][factor]}: lower bound of the percentile bootstrap interval
 * @param upper {@code [group][factor]}: upper bound
 * @param tests {@code [factor]}: the group test over the groups' defined ratios
 * @param confidenceLevel of the intervals, e.g. 0.95
 * @param numResamples bootstrap resamples B
 * @param seed master seed; the interval of (group g, factor f) uses stream {@code g * 16 + f}
 */
public record GroupComparison(
    List<String> groups,
    List<List<String>> members,
    double[][][] values,
    double[][] mean,
    double[][] lower,
    double[][] upper,
    GroupTestResult[] tests,
    double confidenceLevel,
    int numResamples,
    long seed) {

  /**
   * @param table per-model accuracies
   * @param groupOf model → group name (null: the model is left out)
   * @param groups the groups to compare, in output order; models of other groups are left out
   * @param numResamples bootstrap resamples B (e.g. 1,000)
   * @param confidenceLevel e.g. 0.95
   * @param seed master seed
   * @param test the group test per factor
   * @return the comparison
   */
  public static GroupComparison compute(
      FactorTable table,
      Function<String, String> groupOf,
      List<String> groups,
      int numResamples,
      double confidenceLevel,
      long seed,
      GroupTest test) {
    int k = groups.size();
    List<List<String>> members = new ArrayList<>();
    List<List<Integer>> rows = new ArrayList<>();
    for (int g = 0; g < k; g++) {
      members.add(new ArrayList<>());
      rows.add(new ArrayList<>());
    }
    for (int r = 0; r < table.size(); r++) {
      String group = groupOf.apply(table.models().get(r));
      int g = group == null ? -1 : groups.indexOf(group);
      if (g >= 0) {
        members.get(g).add(table.models().get(r));
        rows.get(g).add(r);
      }
    }
    double[][][] values = new double[k][Factor.COUNT][];
    double[][] mean = new double[k][Factor.COUNT];
    double[][] lower = new double[k][Factor.COUNT];
    double[][] upper = new double[k][Factor.COUNT];
    GroupTestResult[] tests = new GroupTestResult[Factor.COUNT];
    for (int f = 0; f < Factor.COUNT; f++) {
      double[][] defined = new double[k][];
      for (int g = 0; g < k; g++) {
        List<Integer> rs = rows.get(g);
        double[] v = new double[rs.size()];
        int numDefined = 0;
        for (int i = 0; i < v.length; i++) {
          v[i] = table.errorRatio(rs.get(i), Factor.of(f));
          if (Double.isFinite(v[i])) {
            numDefined++;
          }
        }
        double[] d = new double[numDefined];
        int j = 0;
        for (double x : v) {
          if (Double.isFinite(x)) {
            d[j++] = x;
          }
        }
        values[g][f] = v;
        defined[g] = d;
        mean[g][f] = Bootstrap.mean(d);
        double[] ci =
            Bootstrap.meanInterval(
                d,
                numResamples,
                confidenceLevel,
                Bootstrap.random(seed, (long) g * Factor.COUNT + f));
        lower[g][f] = ci[0];
        upper[g][f] = ci[1];
      }
      tests[f] = test.test(defined);
    }
    List<List<String>> frozen = new ArrayList<>();
    for (List<String> m : members) {
      frozen.add(List.copyOf(m));
    }
    return new GroupComparison(
        List.copyOf(groups),
        List.copyOf(frozen),
        values,
        mean,
        lower,
        upper,
        tests,
        confidenceLevel,
        numResamples,
        seed);
  }

  /**
   * @param group group position
   * @return number of models in the group
   */
  public int count(int group) {
    return members.get(group).size();
  }
}
