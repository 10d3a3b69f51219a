package org.imagenetx.figures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imagenetx.annotations.Factor;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.report.ReportTable;
import org.imagenetx.resampling.Interval;
import org.imagenetx.resampling.ZooBootstrap;
import org.imagenetx.study.Consistency;
import org.imagenetx.study.ModelTypes;

/**
 * Figures of whole zoos from their aggregated tables: accuracy scatter, comparison, consistency of
 * failure modes, augmentation.
 */
public final class ZooFigures {
  /** The four model types of the published comparison, in its order. */
  public static final List<String> PUBLISHED_GROUPS = ModelTypes.STUDY_GROUPS;

  /** Series name of models without one of the requested types. */
  public static final String OTHER = "Other";

  /** Reference line of the share panel: half of the models. */
  static final double HALF = 0.5;

  /** About this many histogram bins span the models' ρ (the width is rounded to a nice step). */
  static final int BINS = 15;

  private ZooFigures() {}

  /**
   * Per-factor accuracy against overall (top-1) accuracy, one panel per factor, one colour per
   * model type, with the identity line: points under it are models that do worse on the factor than
   * overall.
   *
   * @param table accuracies of the models
   * @param types model → type
   * @param groups types drawn in their own colour (others go to {@value #OTHER})
   * @return figure {@code accuracy-vs-top1}
   */
  public static Figure accuracyVsTop1(
      FactorTable table, Map<String, String> types, List<String> groups) {
    int numSeries = groups.size() + 1;
    List<List<Integer>> members = new ArrayList<>();
    for (int g = 0; g < numSeries; g++) {
      members.add(new ArrayList<>());
    }
    for (int r = 0; r < table.size(); r++) {
      int g = groups.indexOf(types.getOrDefault(table.models().get(r), ""));
      members.get(g < 0 ? groups.size() : g).add(r);
    }
    ReportTable data =
        new ReportTable(
            List.of(
                "model",
                "model_type",
                "type_models",
                "factor",
                "top1_percent",
                "factor_accuracy_percent"));
    for (int r = 0; r < table.size(); r++) {
      int g = groups.indexOf(types.getOrDefault(table.models().get(r), ""));
      String type = g < 0 ? OTHER : groups.get(g);
      int size = members.get(g < 0 ? groups.size() : g).size();
      for (Factor f : Factor.values()) {
        data.addRow(
            table.models().get(r),
            type,
            size,
            f.column(),
            100 * table.get(r, FactorTable.AVERAGE),
            100 * table.get(r, f.ordinal()));
      }
    }
    List<Panel> panels = new ArrayList<>();
    for (Factor f : Factor.values()) {
      List<ScatterSeries> series = new ArrayList<>();
      for (int g = 0; g < numSeries; g++) {
        List<Integer> rows = members.get(g);
        double[] x = new double[rows.size()];
        double[] y = new double[rows.size()];
        for (int i = 0; i < x.length; i++) {
          x[i] = 100 * table.get(rows.get(i), FactorTable.AVERAGE);
          y[i] = 100 * table.get(rows.get(i), f.ordinal());
        }
        String name = g < groups.size() ? groups.get(g) : OTHER;
        series.add(new ScatterSeries(name + " (" + rows.size() + ")", x, y));
      }
      panels.add(
          new ScatterSpec(
              f.label(), "Top-1 accuracy (%)", "Accuracy on factor (%)", series, List.of(), true));
    }
    return new Figure(
        "accuracy-vs-top1",
        "Accuracy on images with each factor against overall top-1 accuracy, for "
            + table.size()
            + " models, coloured by model type (the groups of the model-comparison figure; Other: models"
            + " outside it); dashed: identity. Points below it do worse on the factor than overall.",
        panels,
        4,
        300,
        260,
        data);
  }

  /**
   * Mean error ratio per factor per group, factors sorted by the mean over groups, with interval
   * error bars, a reference line at 1, and faded bars where the groups do not differ significantly.
   *
   * @param name file stem, e.g. {@code model-comparison}
   * @param caption caption
   * @param c the numbers
   * @return the figure
   */
  public static Figure comparison(String name, String caption, GroupBars c) {
    int numGroups = c.groups().size();
    double[] overall = new double[Factor.COUNT];
    for (int f = 0; f < Factor.COUNT; f++) {
      double[] col = new double[numGroups];
      for (int g = 0; g < numGroups; g++) {
        col[g] = c.mean()[g][f];
      }
      double sum = 0;
      int n = 0;
      for (double v : col) {
        if (!Double.isNaN(v)) {
          sum += v;
          n++;
        }
      }
      overall[f] = n == 0 ? Double.NaN : sum / n;
    }
    if (c.sortKey() != null) {
      overall = c.sortKey().clone();
    }
    Integer[] order = DatasetFigures.sortedFactors(overall, true);
    List<String> categories = new ArrayList<>();
    for (int i = 0; i < order.length; i++) {
      categories.add(Factor.of(order[i]).label());
    }
    List<BarSeries> series = new ArrayList<>();
    ReportTable data =
        new ReportTable(
            List.of(
                "group",
                "models",
                "factor",
                "error_ratio",
                "lower",
                "upper",
                "p_value",
                "significant"));
    for (int g = 0; g < numGroups; g++) {
      double[] lo = c.lower() == null ? null : DatasetFigures.permute(c.lower()[g], order);
      double[] hi = c.upper() == null ? null : DatasetFigures.permute(c.upper()[g], order);
      String label =
          c.groupSizes()[g] > 1
              ? c.groups().get(g) + " (" + c.groupSizes()[g] + ")"
              : c.groups().get(g);
      boolean[] sig = new boolean[Factor.COUNT];
      for (int i = 0; i < order.length; i++) {
        sig[i] = c.significant(g, order[i]);
      }
      series.add(new BarSeries(label, DatasetFigures.permute(c.mean()[g], order), lo, hi, sig));
      for (int f : order) {
        data.addRow(
            c.groups().get(g),
            c.groupSizes()[g],
            Factor.of(f).column(),
            c.mean()[g][f],
            c.lower() == null ? Double.NaN : c.lower()[g][f],
            c.upper() == null ? Double.NaN : c.upper()[g][f],
            c.pValue()[f],
            c.significant(g, f) ? "yes" : "no");
      }
    }
    BarSpec spec =
        new BarSpec(
            "", "Factor", "Error ratio (1 = the model's average error)", categories, series, 1.0);
    return Figure.single(name, caption + " " + c.method(), spec, 900, 480, data);
  }

  /**
   * Error ratio against augmentation strength, one panel per factor: the mean error ratio of the
   * models trained at each strength level (points) and the line fitted to every model.
   *
   * @param s the sweep
   * @return figure {@code augmentation-<name>}
   */
  public static Figure augmentation(SweepLines s) {
    double[] levels = Arrays.stream(s.strength()).distinct().sorted().toArray();
    int[] perLevel = new int[levels.length];
    int[] levelOf = new int[s.models().size()];
    for (int m = 0; m < levelOf.length; m++) {
      levelOf[m] = Arrays.binarySearch(levels, s.strength()[m]);
      perLevel[levelOf[m]]++;
    }
    ReportTable data =
        new ReportTable(
            List.of(
                "factor",
                "strength",
                "models",
                "mean_error_ratio",
                "fitted_slope",
                "fitted_intercept",
                "p_value"));
    List<Panel> panels = new ArrayList<>();
    double lo = levels.length == 0 ? 0 : levels[0];
    double hi = levels.length == 0 ? 1 : levels[levels.length - 1];
    for (Factor f : Factor.values()) {
      int fi = f.ordinal();
      double[] mean = new double[levels.length];
      for (int m = 0; m < levelOf.length; m++) {
        mean[levelOf[m]] += s.errorRatio()[m][fi] / perLevel[levelOf[m]];
      }
      for (int l = 0; l < levels.length; l++) {
        data.addRow(
            f.column(),
            levels[l],
            perLevel[l],
            mean[l],
            s.slope()[fi],
            s.intercept()[fi],
            s.pValue()[fi]);
      }
      List<FittedLine> lines = new ArrayList<>();
      String title = f.label();
      if (!Double.isNaN(s.slope()[fi])) {
        lines.add(new FittedLine(0, s.slope()[fi], s.intercept()[fi], lo, hi));
        // one fixed format for every panel: the fitted change over the drawn range, not the raw
        // slope (whose magnitudes span 1e-5 to 1e-2 and printed in mixed notations)
        title += String.format(Locale.ROOT, " (Δ %+.3f)", s.slope()[fi] * (hi - lo));
      }
      panels.add(
          new ScatterSpec(
              title,
              s.strengthAxis(),
              "Error ratio",
              List.of(new ScatterSeries("mean over the models of a strength", levels, mean)),
              lines,
              false));
    }
    return new Figure(
        "augmentation-" + s.name(),
        s.title()
            + ": error ratio of each factor against augmentation strength ("
            + s.models().size()
            + " ResNet-50s over "
            + levels.length
            + " strengths); points: mean over the models of a"
            + " strength, line: least-squares fit over every model; Δ: the fitted change of the error"
            + " ratio from the weakest to the strongest level. A rising line: the augmentation makes that"
            + " factor relatively harder.",
        panels,
        4,
        300,
        240,
        data);
  }

  /**
   * How consistent the failure modes are across models, in two panels. Left: per factor, the share
   * of models whose error ratio exceeds 1 with its Wilson score interval over models, factors
   * sorted by share (ties in the canonical factor order), a dashed line at {@value #HALF}. Right: a
   * histogram of each model's Spearman ρ between its 16-factor error-ratio profile and the pooled
   * profile, with the median (solid, its bootstrap interval over models in the legend) and ρ =
   * {@value Consistency#HIGH} (dashed). The caption names each interval's method.
   *
   * <p>The data has one row per factor ({@code share_er_above_1}: {@code count} models above 1 of
   * {@code models}), the summary rows of {@code study consistency} ({@code median_spearman}, {@code
   * share_spearman_ge_0.8} with its count, {@code min_spearman}) under the same names, and one row
   * per model ({@code spearman}), the values the histogram counts.
   *
   * @param c the study's consistency over one model set
   * @param settings the bootstrap over models behind the median's interval, and the level of the
   *     shares' Wilson intervals, for the caption
   * @param what the models in words, e.g. {@code the 209 models of the published comparison}
   * @return figure {@code consistency}
   */
  public static Figure consistency(Consistency c, ZooBootstrap.Settings settings, String what) {
    int n = c.models().size();
    Interval[] shares = c.shareAboveOne();
    double[] point = new double[Factor.COUNT];
    for (int f = 0; f < Factor.COUNT; f++) {
      point[f] = shares[f].point();
    }
    Integer[] order = DatasetFigures.sortedFactors(point, true);
    List<String> categories = new ArrayList<>();
    double[] value = new double[Factor.COUNT];
    double[] lower = new double[Factor.COUNT];
    double[] upper = new double[Factor.COUNT];
    ReportTable data =
        new ReportTable(
            List.of(
                "statistic", "factor", "model", "models", "count", "estimate", "lower", "upper"));
    for (int i = 0; i < order.length; i++) {
      Interval s = shares[order[i]];
      Factor f = Factor.of(order[i]);
      categories.add(f.label());
      value[i] = s.point();
      lower[i] = s.lower();
      upper[i] = s.upper();
      // the share is a mean of 0/1 values over the n models: the count is exact
      data.addRow(
          "share_er_above_1",
          f.column(),
          null,
          n,
          Math.round(s.point() * n),
          s.point(),
          s.lower(),
          s.upper());
    }
    BarSpec bars =
        new BarSpec(
            "Factors harder than a model's average",
            "Factor",
            "Share of models with error ratio > 1",
            categories,
            List.of(new BarSeries("Share of models", value, lower, upper, null)),
            HALF,
            true);

    double[] rho = c.spearman();
    int high = 0;
    double min = Double.NaN;
    double max = Double.NaN;
    for (double r : rho) {
      if (Double.isFinite(r)) {
        high += Consistency.isHigh(r) ? 1 : 0;
        min = Double.isNaN(min) ? r : Math.min(min, r);
        max = Double.isNaN(max) ? r : Math.max(max, r);
      }
    }
    if (Double.isNaN(min)) {
      min = 0;
      max = 1;
    }
    double width = Charts.niceStep(Math.max(max - min, 0.01) / BINS);
    double[] edges = edges(min, max, width);
    int[] counts = HistogramSpec.count(rho, edges, Consistency.TOLERANCE);
    Interval median = c.medianSpearman();
    Interval share = c.shareHigh();
    HistogramSpec histogram =
        new HistogramSpec(
            "Each model against the pooled profile",
            "Spearman ρ with the pooled profile",
            "Models",
            edges,
            counts,
            List.of(
                new HistogramSpec.Line(
                    median.point(),
                    String.format(
                        Locale.ROOT,
                        "median ρ %.3f [%.3f, %.3f]",
                        median.point(),
                        median.lower(),
                        median.upper()),
                    false),
                new HistogramSpec.Line(
                    Consistency.HIGH,
                    String.format(
                        Locale.ROOT, "ρ ≥ %s: %d of %d models", Consistency.HIGH, high, n),
                    true)));
    data.addRow(
        "median_spearman", null, null, n, null, median.point(), median.lower(), median.upper());
    data.addRow(
        "share_spearman_ge_" + Consistency.HIGH,
        null,
        null,
        n,
        high,
        share.point(),
        share.lower(),
        share.upper());
    data.addRow("min_spearman", null, null, n, null, c.minSpearman(), null, null);
    for (int m = 0; m < n; m++) {
      data.addRow("spearman", null, c.models().get(m), n, null, rho[m], null, null);
    }
    String caption =
        String.format(
            Locale.ROOT,
            "Do models fail on the same factors? Over %s. Left: per factor, the share of models whose"
                + " error ratio exceeds 1 (the factor's images are harder for the model than its"
                + " average), factors sorted by share; error bars: %.0f%% Wilson score interval over"
                + " models; dashed: %s, half of the models. Right: each model's Spearman ρ between its"
                + " 16-factor error-ratio profile and the pooled profile (each factor's mean error"
                + " ratio over the models), in bins of %s; solid: the median ρ with its %.0f%% %s"
                + " bootstrap interval over models (B = %,d, seed %d; the pooled profile recomputed"
                + " on every resample), dashed: ρ = %s. Descriptive: no test.",
            what,
            100 * settings.confidenceLevel(),
            HALF,
            new java.math.BigDecimal(Double.toString(width)).stripTrailingZeros().toPlainString(),
            100 * settings.confidenceLevel(),
            settings.method().key(),
            settings.numResamples(),
            settings.masterSeed(),
            Consistency.HIGH);
    return new Figure("consistency", caption, List.of(bars, histogram), 2, 460, 440, data);
  }

  /**
   * Bin edges at multiples of {@code width} covering {@code [min, max]}: the first edge is the
   * multiple at or below {@code min} (or the next one when {@code min} is within the tolerance
   * below it), the last the multiple at or above {@code max}.
   */
  static double[] edges(double min, double max, double width) {
    long k0 = (long) Math.floor(min / width);
    if (min >= (k0 + 1) * width - Consistency.TOLERANCE) {
      k0++;
    }
    long k1 = Math.max(k0 + 1, (long) Math.ceil(max / width));
    double[] edges = new double[(int) (k1 - k0 + 1)];
    for (int i = 0; i < edges.length; i++) {
      edges[i] = (k0 + i) * width;
    }
    return edges;
  }
}
