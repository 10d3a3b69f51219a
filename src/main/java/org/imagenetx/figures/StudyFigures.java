package org.imagenetx.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.imagenetx.annotations.Factor;
import org.imagenetx.compare.GroupComparison;
import org.imagenetx.resampling.Interval;
import org.imagenetx.study.AugmentationSweep;
import org.imagenetx.study.AugmentationSweep.Effect;

/**
 * Turns the study's result records ({@code org.imagenetx.study}) into the figures' input records,
 * so the figures draw exactly the numbers the study tables print.
 */
public final class StudyFigures {
  private StudyFigures() {}

  /**
   * How the comparison figures decide what is faded, for their captions: the group test's p-values
   * Holm-adjusted over the figure's 16 factors (the p_value column of the figure's data holds the
   * adjusted values).
   */
  public static final String ADJUSTMENT = "Holm-adjusted within figure";

  /**
   * @param c a group comparison (bootstrap intervals over models; its first test is drawn)
   * @param alpha significance level below which a factor is drawn at full colour (Holm-adjusted p)
   * @return the figure's input
   */
  public static GroupBars comparison(GroupComparison c, double alpha) {
    int k = c.groups().size();
    int[] sizes = new int[k];
    double[][] mean = new double[k][Factor.COUNT];
    double[][] lower = new double[k][Factor.COUNT];
    double[][] upper = new double[k][Factor.COUNT];
    for (int g = 0; g < k; g++) {
      sizes[g] = c.count(g);
      for (Factor f : Factor.values()) {
        Interval m = c.mean(g, f);
        mean[g][f.ordinal()] = m.point();
        lower[g][f.ordinal()] = m.lower();
        upper[g][f.ordinal()] = m.upper();
      }
    }
    double[] raw = new double[Factor.COUNT];
    String test = "";
    for (Factor f : Factor.values()) {
      raw[f.ordinal()] = c.test(0, f).pValue();
      test = c.test(0, f).method();
    }
    // fade on adjusted evidence: Holm over the figure's 16 tests
    double[] p = org.imagenetx.compare.Multiplicity.holm(raw);
    String method =
        String.format(
            Locale.ROOT,
            "Error bars: %.0f%% %s bootstrap over the models of a group (B = %,d, seed %d). Faded: the"
                + " groups do not differ on that factor (%s test, "
                + ADJUSTMENT
                + " over the 16 factors, p ≥ %.2f).",
            100 * c.settings().confidenceLevel(),
            c.settings().method().key(),
            c.settings().numResamples(),
            c.settings().masterSeed(),
            test,
            alpha);
    double[] pooled = new double[Factor.COUNT];
    for (Factor f : Factor.values()) {
      pooled[f.ordinal()] = c.pooledMean(f);
    }
    return new GroupBars(c.groups(), sizes, mean, lower, upper, p, alpha, method, null, pooled);
  }

  /**
   * @param s the study's sweep
   * @param title human name, e.g. {@code Random crop}
   * @param name figure key, e.g. {@code crop}
   * @param axis x axis title with unit
   * @return the figure's input: models of the kept levels, per factor the least-squares line and
   *     the p-value of the published Welch test
   */
  public static SweepLines sweep(AugmentationSweep s, String title, String name, String axis) {
    List<String> models = new ArrayList<>();
    List<Double> strength = new ArrayList<>();
    List<double[]> ratios = new ArrayList<>();
    for (double level : s.levels()) {
      for (int r : s.rowsAt(level)) {
        double[] er = new double[Factor.COUNT];
        for (Factor f : Factor.values()) {
          er[f.ordinal()] = s.table().errorRatio(r, f);
        }
        models.add(s.table().models().get(r));
        strength.add(level);
        ratios.add(er);
      }
    }
    double[] slope = new double[Factor.COUNT];
    double[] intercept = new double[Factor.COUNT];
    double[] p = new double[Factor.COUNT];
    for (Effect e : s.effects()) {
      int f = e.factor().ordinal();
      slope[f] = e.errorRatio().slope();
      intercept[f] = e.errorRatio().intercept();
      p[f] = e.pValue();
    }
    return new SweepLines(
        name,
        title,
        axis,
        models,
        strength.stream().mapToDouble(Double::doubleValue).toArray(),
        ratios.toArray(new double[0][]),
        slope,
        intercept,
        p);
  }
}
