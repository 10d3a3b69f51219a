package org.imagenetx.figures;

import java.util.ArrayList;
import java.util.List;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.evaluation.ErrorRatio;
import org.imagenetx.evaluation.MetaclassTable;
import org.imagenetx.report.ReportTable;
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
   * @return figure {@code metaclass-ratios}
   */
  public static Figure metaclassRatios(MetaclassTable table, String model) {
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
    List<String> rows = new ArrayList<>();
    List<String> cols = new ArrayList<>();
    for (Factor f : Factor.values()) {
      cols.add(f.label());
    }
    ReportTable data =
        new ReportTable(
            List.of(
                "model", "metaclass", "factor", "accuracy", "metaclass_average", "error_ratio"));
    for (int m = 0; m < Metaclasses.COUNT; m++) {
      int r = first + m;
      rows.add(table.metaclass(r).replace('_', ' '));
      for (Factor f : Factor.values()) {
        er[m][f.ordinal()] =
            ErrorRatio.of(table.get(r, f.ordinal()), table.get(r, MetaclassTable.AVERAGE));
        data.addRow(
            model,
            table.metaclass(r),
            f.column(),
            table.get(r, f.ordinal()),
            table.get(r, MetaclassTable.AVERAGE),
            er[m][f.ordinal()]);
      }
    }
    HeatmapSpec spec =
        new HeatmapSpec("", "Factor", "True metaclass", cols, rows, er, null, 1, 1, "Error ratio");
    return Figure.single(
        "metaclass-ratios",
        model
            + ": error ratio of each factor within each true metaclass (1 = the metaclass's average"
            + " error; blue below, vermillion above, saturating at 0 and 2). Grey: no image of the metaclass"
            + " has the factor.",
        spec,
        820,
        620,
        data);
  }

  /**
   * How much more (or less) often each factor appears among a model's mistakes than among all
   * images: {@code 100 · (share among mistakes / share among all − 1)}, in percent (the study's
   * mistake prevalence; equal to {@code 100 · (ER_f − 1)}).
   *
   * @param p the study's mistake prevalence of some models
   * @param what what the counts are of, for the caption (e.g. "top-1 mistakes, top factor")
   * @return figure {@code prevalence-shift}
   */
  public static Figure prevalenceShift(MistakePrevalence p, String what) {
    List<String> models = p.models();
    double[][] shift = new double[models.size()][Factor.COUNT];
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
                "shift_percent"));
    double[] mean = new double[Factor.COUNT];
    for (int m = 0; m < models.size(); m++) {
      for (Factor f : Factor.values()) {
        int fi = f.ordinal();
        double all = 100.0 * p.factorImages()[m][fi] / p.numImages()[m];
        double mis = 100.0 * p.factorMistakes()[m][fi] / p.numMistakes()[m];
        shift[m][fi] = 100 * p.shift(m, f);
        mean[fi] += shift[m][fi] / models.size();
        data.addRow(
            models.get(m),
            f.column(),
            p.numImages()[m],
            p.factorImages()[m][fi],
            p.numMistakes()[m],
            p.factorMistakes()[m][fi],
            all,
            mis,
            shift[m][fi]);
      }
    }
    Integer[] order = DatasetFigures.sortedFactors(mean, true);
    List<String> cats = new ArrayList<>();
    for (int i : order) {
      cats.add(Factor.of(i).label());
    }
    List<BarSeries> series = new ArrayList<>();
    for (int m = 0; m < models.size(); m++) {
      series.add(BarSeries.of(models.get(m), DatasetFigures.permute(shift[m], order)));
    }
    BarSpec spec =
        new BarSpec("", "Factor", "Prevalence shift among mistakes (%)", cats, series, 0);
    return Figure.single(
        "prevalence-shift",
        "How much more often each factor appears among the models' mistakes than among all images ("
            + what
            + "): 100 × (share among mistakes ÷ share among all − 1). Above 0, the factor is"
            + " over-represented in the mistakes.",
        spec,
        900,
        460,
        data);
  }
}
