package org.imagenetx.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.imagenetx.io.BadInputException;
import org.imagenetx.stats.CellBootstrap;
import org.imagenetx.stats.Interval;
import org.imagenetx.stats.IntervalMethod;

/**
 * A statistic (e.g. one factor's error ratio) compared across groups of models (model types): group
 * means with percentile bootstrap intervals over the models of each group, and the Alexander–Govern
 * and Welch tests of equal group means ({@link GroupTests}).
 *
 * <p>The unit here is the model, not the image: the interval says how well the group's mean is
 * pinned down by the models it happens to contain. Models are treated as independent draws from
 * their group, which overstates certainty when a group is many checkpoints of one recipe.
 */
public final class GroupComparison {
  private GroupComparison() {}

  /**
   * One group's summary.
   *
   * @param group group name
   * @param models models with a defined value
   * @param mean percentile bootstrap interval around the mean over those models
   */
  public record GroupMean(String group, int models, Interval mean) {}

  /**
   * Groups compared on one statistic.
   *
   * @param groups per group (name order)
   * @param alexanderGovern test over the groups with ≥ 2 models (null when fewer than 2 such
   *     groups)
   * @param welch Welch's ANOVA over the same groups (null likewise)
   */
  public record Result(
      List<GroupMean> groups, GroupTestResult alexanderGovern, GroupTestResult welch) {}

  /**
   * @param values statistic per model (NaN = undefined, skipped)
   * @param groupOfModel group per model (null = not in any group, skipped)
   * @param numResamples bootstrap resamples of each group's models
   * @param confidenceLevel two-sided level
   * @param masterSeed seed; each group derives its own from its name and {@code key}
   * @param key what is compared (e.g. the factor), part of the seed
   * @return group means and tests
   */
  public static Result compare(
      double[] values,
      String[] groupOfModel,
      int numResamples,
      double confidenceLevel,
      long masterSeed,
      String key) {
    Map<String, List<Double>> byGroup = new TreeMap<>();
    for (int m = 0; m < values.length; m++) {
      if (groupOfModel[m] != null && !Double.isNaN(values[m])) {
        byGroup.computeIfAbsent(groupOfModel[m], g -> new ArrayList<>()).add(values[m]);
      }
    }
    List<GroupMean> means = new ArrayList<>();
    List<double[]> testable = new ArrayList<>();
    double alpha = (1 - confidenceLevel) / 2;
    for (Map.Entry<String, List<Double>> e : byGroup.entrySet()) {
      double[] x = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
      double mean = mean(x);
      SplittableRandom rng =
          new SplittableRandom(CellBootstrap.seed(masterSeed, e.getKey() + "|" + key));
      double[] reps = new double[numResamples];
      for (int b = 0; b < numResamples; b++) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
          s += x[rng.nextInt(x.length)];
        }
        reps[b] = s / x.length;
      }
      java.util.Arrays.sort(reps);
      means.add(
          new GroupMean(
              e.getKey(),
              x.length,
              new Interval(
                  mean,
                  quantile(reps, alpha),
                  quantile(reps, 1 - alpha),
                  confidenceLevel,
                  IntervalMethod.PERCENTILE)));
      if (x.length >= 2) {
        testable.add(x);
      }
    }
    GroupTestResult ag = null;
    GroupTestResult welch = null;
    if (testable.size() >= 2) {
      double[][] g = testable.toArray(new double[0][]);
      ag = GroupTests.alexanderGovern(g);
      welch = GroupTests.welchAnova(g);
    }
    return new Result(means, ag, welch);
  }

  private static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  /** Type-7 quantile of sorted values. */
  private static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    if (lo + 1 >= sorted.length) {
      return sorted[sorted.length - 1];
    }
    return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
  }

  /**
   * Reads a {@code model,group} CSV with a header line (e.g. {@code model_types.csv}: {@code
   * model,model_type}). Values may be double-quoted.
   *
   * @param file the CSV
   * @return group per model, file order
   * @throws BadInputException on a malformed or duplicate row
   */
  public static Map<String, String> readGroups(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInputException(file.toString(), 0, "cannot read: " + e.getMessage());
    }
    if (lines.isEmpty()) {
      throw new BadInputException(file.toString(), 1, "empty file; expected a header model,group");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      List<String> cells = splitCsv(line);
      if (cells.size() != 2 || cells.get(0).isEmpty() || cells.get(1).isEmpty()) {
        throw new BadInputException(
            file.toString(), i + 1, "expected 2 non-empty fields model,group, got: " + line);
      }
      if (out.put(cells.get(0), cells.get(1)) != null) {
        throw new BadInputException(
            file.toString(), i + 1, "duplicate model '" + cells.get(0) + "'");
      }
    }
    return out;
  }

  private static List<String> splitCsv(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cur.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        cells.add(cur.toString().trim());
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    cells.add(cur.toString().trim());
    return cells;
  }
}
