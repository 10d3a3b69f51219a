package org.imagenetx.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.eclipse.collections.api.list.MutableList;
import org.eclipse.collections.api.list.primitive.MutableDoubleList;
import org.eclipse.collections.api.list.primitive.MutableIntList;
import org.eclipse.collections.impl.list.mutable.FastList;
import org.eclipse.collections.impl.list.mutable.primitive.DoubleArrayList;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.evaluation.Aggregation;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.resampling.Interval;
import org.imagenetx.resampling.MeanBootstrap;
import org.imagenetx.resampling.ZooBootstrap;
import org.imagenetx.zoo.Zoo;

/**
 * Groups of models (model types, architecture families, augmentation recipes, a user's groups)
 * compared on each factor's error ratio: per group and factor the mean over the group's models with
 * a bootstrap interval ({@link MeanBootstrap}, seeded by {@code group|factor}, never by position),
 * and per factor the group tests asked for (Alexander–Govern, Welch, …) over the groups' defined
 * ratios. The one implementation behind {@code compare --groups}, {@code study groups}, the study's
 * augmentation-recipe comparison and the model-comparison figure.
 *
 * <p>The unit of variation is the model: the interval says how much the group mean depends on which
 * models happen to be in the zoo, not how precisely each model's ratio is measured on the images.
 * Models are treated as independent draws from their group, which overstates certainty when a group
 * is many checkpoints of one recipe. A ratio that is not finite (a factor without images, or a
 * model without errors) is left out of its group's mean and tests.
 *
 * @param groups group names, in the order asked for
 * @param members per group, its models in table order
 * @param values {@code [group][factor][member]}: each member's error ratio (NaN when undefined)
 * @param means {@code [group][factor]}: mean over the members with a finite ratio, with its
 *     interval (NaN for a group without such members)
 * @param tests {@code [test][factor]}: each asked-for test over the groups' finite ratios
 * @param settings B, level, interval method and master seed of the intervals
 * @param numModels rows of the table the groups were drawn from, grouped or not
 */
public record GroupComparison(
    List<String> groups,
    List<List<String>> members,
    double[][][] values,
    Interval[][] means,
    GroupTestResult[][] tests,
    ZooBootstrap.Settings settings,
    int numModels) {

  /**
   * @param table per-model accuracies
   * @param groupOf model → group name (null: the model is left out)
   * @param groups the groups to compare, in output order; models of other groups are left out
   * @param settings B, level, method and master seed of the group-mean intervals
   * @param tests the tests to run per factor (at least one), e.g. {@link
   *     GroupTest#alexanderGovern()}
   * @return the comparison
   */
  public static GroupComparison compute(
      FactorTable table,
      Function<String, String> groupOf,
      List<String> groups,
      ZooBootstrap.Settings settings,
      List<GroupTest> tests) {
    if (tests.isEmpty()) {
      throw new IllegalArgumentException("no group test asked for");
    }
    int k = groups.size();
    // each group's table rows, in table order (Eclipse Collections' primitive lists: no boxing;
    // the implementation classes directly, whose factories the fat jar does not ship)
    MutableList<MutableIntList> rows = FastList.newList(k);
    for (int g = 0; g < k; g++) {
      rows.add(new IntArrayList());
    }
    for (int r = 0; r < table.size(); r++) {
      String group = groupOf.apply(table.models().get(r));
      int g = group == null ? -1 : groups.indexOf(group);
      if (g >= 0) {
        rows.get(g).add(r);
      }
    }
    List<List<String>> members = new ArrayList<>(k);
    for (MutableIntList rs : rows) {
      members.add(List.copyOf(rs.collect(r -> table.models().get(r), FastList.newList(rs.size()))));
    }
    double[][][] values = new double[k][Factor.COUNT][];
    Interval[][] means = new Interval[k][Factor.COUNT];
    GroupTestResult[][] results = new GroupTestResult[tests.size()][Factor.COUNT];
    for (Factor f : Factor.values()) {
      int fi = f.ordinal();
      double[][] defined = new double[k][];
      for (int g = 0; g < k; g++) {
        MutableDoubleList v = new DoubleArrayList(rows.get(g).size());
        rows.get(g).forEach(r -> v.add(table.errorRatio(r, f)));
        double[] d = v.select(Double::isFinite).toArray();
        values[g][fi] = v.toArray();
        defined[g] = d;
        means[g][fi] =
            MeanBootstrap.interval(
                d,
                settings.numResamples(),
                settings.confidenceLevel(),
                settings.method(),
                settings.masterSeed(),
                groups.get(g) + "|" + f.column());
      }
      for (int t = 0; t < tests.size(); t++) {
        results[t][fi] = tests.get(t).test(defined);
      }
    }
    return new GroupComparison(
        List.copyOf(groups), List.copyOf(members), values, means, results, settings, table.size());
  }

  /**
   * The groups of a zoo's models ({@code compare --groups}): every model's error ratios from the
   * batch tables ({@link Aggregation}), grouped by {@code groupOf}, groups in name order, tested
   * with Alexander–Govern and Welch (in that order).
   *
   * @param dataset the annotations
   * @param zoo the models
   * @param selection factor selection
   * @param type error type
   * @param groupOf group per model name (e.g. {@link org.imagenetx.zoo.ModelGroupCsv#read}); models
   *     of the zoo not listed are left out
   * @param settings the group-mean intervals' settings
   * @param threads worker threads of the aggregation
   * @return the comparison; no groups when no model of the zoo is listed
   */
  public static GroupComparison ofZoo(
      Dataset dataset,
      Zoo zoo,
      FactorSelection selection,
      ErrorType type,
      Map<String, String> groupOf,
      ZooBootstrap.Settings settings,
      int threads) {
    FactorTable t =
        Aggregation.run(dataset, zoo, List.of(selection), List.of(type), threads, null)
            .get(selection, type)
            .factors();
    TreeSet<String> groups = new TreeSet<>();
    for (String m : t.models()) {
      String g = groupOf.get(m);
      if (g != null) {
        groups.add(g);
      }
    }
    return compute(
        t,
        groupOf::get,
        List.copyOf(groups),
        settings,
        List.of(GroupTest.alexanderGovern(), GroupTest.welchAnova()));
  }

  /**
   * @param group group position
   * @return number of models in the group
   */
  public int count(int group) {
    return members.get(group).size();
  }

  /**
   * @param group group position
   * @param factor the factor
   * @return the group's models with a finite error ratio on the factor
   */
  public int defined(int group, Factor factor) {
    int n = 0;
    for (double v : values[group][factor.ordinal()]) {
      n += Double.isFinite(v) ? 1 : 0;
    }
    return n;
  }

  /**
   * @param group group position
   * @param factor the factor
   * @return the group's mean error ratio with its interval
   */
  public Interval mean(int group, Factor factor) {
    return means[group][factor.ordinal()];
  }

  /**
   * The mean over every compared model's finite ratio, whatever its group (the order of factors in
   * the study's comparison figures): a large group weighs more than in the mean of group means.
   *
   * @param factor the factor
   * @return the pooled mean error ratio (NaN when no model has a finite ratio)
   */
  public double pooledMean(Factor factor) {
    double sum = 0;
    int n = 0;
    for (double[][] group : values) {
      for (double v : group[factor.ordinal()]) {
        if (Double.isFinite(v)) {
          sum += v;
          n++;
        }
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /**
   * @param test position in the tests asked for
   * @param factor the factor
   * @return that test's result on the factor
   */
  public GroupTestResult test(int test, Factor factor) {
    return tests[test][factor.ordinal()];
  }
}
