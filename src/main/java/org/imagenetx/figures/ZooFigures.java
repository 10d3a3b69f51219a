package org.imagenetx.figures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imagenetx.annotations.Factor;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.report.ReportTable;
import org.imagenetx.study.ModelTypes;

/**
 * Figures of whole zoos from their aggregated tables: accuracy scatter, comparison, augmentation.
 */
public final class ZooFigures {
  /** The four model types of the published comparison, in its order. */
  public static final List<String> PUBLISHED_GROUPS = ModelTypes.STUDY_GROUPS;

  /** Series name of models without one of the requested types. */
  public static final String OTHER = "Other";

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
}
