package org.imagenetx.figures;

import java.util.ArrayList;
import java.util.List;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSet;
import org.imagenetx.annotations.ImageIndex;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.evaluation.ErrorRatio;
import org.imagenetx.evaluation.MetaclassTable;
import org.imagenetx.evaluation.SmallCells;
import org.imagenetx.report.ReportTable;
import org.imagenetx.resampling.ZooBootstrap;
import org.imagenetx.study.MistakePrevalence;

/** Figures of single models: per-metaclass error ratios, prevalence shift of mistakes. */
public final class ModelFigures {
  private ModelFigures() {}

  /**
   * The published ViT example: error ratio of each factor within each true metaclass, {@code (1 −
   * acc_{m,f}) / (1 − average_m)}, as a heatmap centred on 1 (blue: fewer errors than the metaclass
   * average, vermillion: more). Cells without images are grey.
   *
   * @param table per-metaclass accuracies
   * @param model the model to draw
   * @param images {@code [metaclass][factor]} evaluated images of the cell ({@link
   *     #metaclassImages}), written to the CSV with the cell's errors
   * @return figure {@code metaclass-ratios}
   */
  public static Figure metaclassRatios(MetaclassTable table, String model, int[][] images) {
    int first = -1;
    for (int r = 0; r < table.size(); r += Metaclasses.COUNT) {
      if (table.model(r).equals(model)) {
        first = r;
      }
    }
    if (first < 0) {
      throw new IllegalArgumentException("no model " + model + " in the metaclass table");
    }
    double[][] er = new double[Metaclasses.COUNT][Factor.COUNT];
    // small cells (SmallCells) are masked: their ratio stays in the CSV beside its n
    boolean[][] small = new boolean[Metaclasses.COUNT][Factor.COUNT];
    List<String> rows = new ArrayList<>();
    List<String> cols = new ArrayList<>();
    for (Factor f : Factor.values()) {
      cols.add(f.label());
    }
    ReportTable data =
        new ReportTable(
            List.of(
                "model",
                "metaclass",
                "factor",
                "images",
                "errors",
                "accuracy",
                "metaclass_average",
                "error_ratio"));
    for (int m = 0; m < Metaclasses.COUNT; m++) {
      int r = first + m;
      rows.add(table.metaclass(r).replace('_', ' '));
      for (Factor f : Factor.values()) {
        er[m][f.ordinal()] =
            ErrorRatio.of(table.get(r, f.ordinal()), table.get(r, MetaclassTable.AVERAGE));
        int n = images[Metaclasses.idOf(table.metaclass(r))][f.ordinal()];
        double acc = table.get(r, f.ordinal());
        long errors = n == 0 ? 0 : Math.round(n * (1 - acc));
        small[m][f.ordinal()] = n > 0 && SmallCells.isSmall(n, errors);
        data.addRow(
            model,
            table.metaclass(r),
            f.column(),
            n,
            errors,
            acc,
            table.get(r, MetaclassTable.AVERAGE),
            er[m][f.ordinal()]);
      }
    }
    HeatmapSpec spec =
        new HeatmapSpec(
            model + ": error ratio within each true metaclass",
            "Factor",
            "True metaclass",
            cols,
            rows,
            er,
            small,
            1,
            1,
            "Error ratio",
            "no image, or a small cell: fewer than "
                + SmallCells.MIN_IMAGES
                + " images or "
                + SmallCells.MIN_ERRORS
                + " errors (n in the CSV)");
    return Figure.single(
        "metaclass-ratios",
        model
            + ": error ratio of each factor within each true metaclass (1 = the metaclass's average"
            + " error; blue below, vermillion above, saturating at 0 and 2). Grey: no image of the metaclass"
            + " has the factor, or a small cell (fewer than "
            + SmallCells.MIN_IMAGES
            + " images or "
            + SmallCells.MIN_ERRORS
            + " errors; its ratio and n are in the CSV).",
        spec,
        820,
        620,
        data);
  }

  /**
   * @param factors evaluated images and their factors
   * @param index the image index (images laid out by metaclass)
   * @return {@code [metaclass][factor]} number of evaluated images of the metaclass with the factor
   */
  public static int[][] metaclassImages(FactorSet factors, ImageIndex index) {
    int[][] n = new int[Metaclasses.COUNT][Factor.COUNT];
    for (int m = 0; m < Metaclasses.COUNT; m++) {
      long from = index.metaclassFrom(m);
      long to = index.metaclassTo(m);
      for (Factor f : Factor.values()) {
        n[m][f.ordinal()] = (int) factors.factor(f).rangeCardinality(from, to);
      }
    }
    return n;
  }

  /**
   * How much more (or less) often each factor appears among a model's mistakes than among all
   * images: {@code 100 · (share among mistakes / share among all − 1)}, in percent (the study's
   * mistake prevalence; equal to {@code 100 · (ER_f − 1)}).
   *
   * @param p the study's mistake prevalence of some models
   * @param intervals bootstrap intervals of the same models' error ratios (top factors, class
   *     errors), drawn as {@code 100 · (ER − 1)}; null for none
   * @param what what the counts are of, for the caption (e.g. "top-1 mistakes, top factor")
   * @return figure {@code prevalence-shift}
   */
  public static Figure prevalenceShift(
      MistakePrevalence p, ZooBootstrap.Result intervals, String what) {
    List<String> models = p.models();
    double[][] shift = new double[models.size()][Factor.COUNT];
    double[][] lower = new double[models.size()][Factor.COUNT];
    double[][] upper = new double[models.size()][Factor.COUNT];
    ReportTable data =
        new ReportTable(
            List.of(
                "model",
                "factor",
                "images",
                "images_with_factor",
                "mistakes",
                "mistakes_with_factor",
                "share_all_percent",
                "share_mistakes_percent",
                "shift_percent",
                "shift_lower",
                "shift_upper"));
    double[] mean = new double[Factor.COUNT];
    for (int m = 0; m < models.size(); m++) {
      for (Factor f : Factor.values()) {
        int fi = f.ordinal();
        double all = 100.0 * p.factorImages()[m][fi] / p.numImages()[m];
        double mis = 100.0 * p.factorMistakes()[m][fi] / p.numMistakes()[m];
        shift[m][fi] = 100 * p.shift(m, f);
        mean[fi] += shift[m][fi] / models.size();
        lower[m][fi] = Double.NaN;
        upper[m][fi] = Double.NaN;
        if (intervals != null && intervals.indexOf(models.get(m)) >= 0) {
          int row = intervals.indexOf(models.get(m));
          int k = ZooBootstrap.Result.errorRatio(f);
          lower[m][fi] = 100 * (intervals.lower()[row][k] - 1);
          upper[m][fi] = 100 * (intervals.upper()[row][k] - 1);
        }
        data.addRow(
            models.get(m),
            f.column(),
            p.numImages()[m],
            p.factorImages()[m][fi],
            p.numMistakes()[m],
            p.factorMistakes()[m][fi],
            all,
            mis,
            shift[m][fi],
            lower[m][fi],
            upper[m][fi]);
      }
    }
    Integer[] order = DatasetFigures.sortedFactors(mean, true);
    List<String> cats = new ArrayList<>();
    for (int i : order) {
      cats.add(Factor.of(i).label());
    }
    List<BarSeries> series = new ArrayList<>();
    for (int m = 0; m < models.size(); m++) {
      if (intervals == null) {
        series.add(BarSeries.of(models.get(m), DatasetFigures.permute(shift[m], order)));
      } else {
        series.add(
            new BarSeries(
                models.get(m),
                DatasetFigures.permute(shift[m], order),
                DatasetFigures.permute(lower[m], order),
                DatasetFigures.permute(upper[m], order),
                null));
      }
    }
    BarSpec spec =
        new BarSpec("", "Factor", "Prevalence shift among mistakes (%)", cats, series, 0);
    return Figure.single(
        "prevalence-shift",
        "How much more often each factor appears among the models' mistakes than among all images ("
            + what
            + "): 100 × (share among mistakes ÷ share among all − 1), which equals 100 × (error ratio − 1)"
            + " of the base-model comparison. Above 0, the factor is over-represented in the mistakes"
            + (intervals == null
                ? "."
                : "; error bars: the error ratio's bootstrap interval, shifted."),
        spec,
        900,
        460,
        data);
  }
}
