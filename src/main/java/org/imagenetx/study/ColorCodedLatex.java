package org.imagenetx.study;

import java.util.List;
import java.util.Locale;
import org.imagenetx.annotations.Factor;
import org.imagenetx.evaluation.ErrorRatio;
import org.imagenetx.evaluation.MetaclassTable;
import org.imagenetx.report.ReportTable;

/**
 * The study's colour-coded LaTeX table of per-metaclass error ratios: one row per (model, true
 * metaclass), one column per factor, cell = the factor's error ratio within the metaclass, {@code
 * (1 − acc_{m,f}) / (1 − average_m)}. Cells below 1 are shaded green, above 1 red, with an
 * intensity proportional to the distance from 1, saturating at {@link #SATURATION} (ratio 0 or 2)
 * and capped at {@link #MAX_PERCENT}% so the numbers stay readable. Needs the LaTeX packages
 * booktabs and xcolor (with its table option).
 */
public final class ColorCodedLatex {
  /** Distance from 1 at which the colour stops getting stronger. */
  public static final double SATURATION = 1.0;

  /** Strongest tint, in xcolor percent. */
  public static final int MAX_PERCENT = 60;

  private ColorCodedLatex() {}

  /**
   * @param table per-metaclass accuracies
   * @param models models to show, in this order (each must be in the table)
   * @param decimals decimals per cell
   * @return a complete {@code tabular}
   * @throws IllegalArgumentException naming a model not in the table
   */
  public static String render(MetaclassTable table, List<String> models, int decimals) {
    StringBuilder sb = new StringBuilder();
    sb.append("% needs \\usepackage{booktabs} and \\usepackage[table]{xcolor}\n");
    sb.append("% error ratio per factor within each true metaclass; green < 1 < red\n");
    sb.append("\\begin{tabular}{ll").append("r".repeat(Factor.COUNT)).append("}\n\\toprule\n");
    sb.append("model & metaclass");
    for (Factor f : Factor.values()) {
      sb.append(" & ").append(ReportTable.latexEscape(f.label()));
    }
    sb.append(" \\\\\n\\midrule\n");
    for (String model : models) {
      int first = table.models().indexOf(model);
      if (first < 0) {
        throw new IllegalArgumentException("model " + model + " is not in the table");
      }
      for (int r = 0; r < table.size(); r++) {
        if (!table.model(r).equals(model)) {
          continue;
        }
        sb.append(ReportTable.latexEscape(model))
            .append(" & ")
            .append(ReportTable.latexEscape(table.metaclass(r)));
        double avg = table.get(r, MetaclassTable.AVERAGE);
        for (int f = 0; f < Factor.COUNT; f++) {
          sb.append(" & ").append(cell(ErrorRatio.of(table.get(r, f), avg), decimals));
        }
        sb.append(" \\\\\n");
      }
    }
    sb.append("\\bottomrule\n\\end{tabular}\n");
    return sb.toString();
  }

  /**
   * @param ratio an error ratio
   * @param decimals decimals
   * @return the cell: the value behind a green or red cellcolor command, or empty for NaN
   */
  static String cell(double ratio, int decimals) {
    if (!Double.isFinite(ratio)) {
      return Double.isNaN(ratio) ? "" : "\\cellcolor{red!" + MAX_PERCENT + "}$\\infty$";
    }
    String v = String.format(Locale.ROOT, "%." + decimals + "f", ratio);
    int pct = percent(ratio);
    if (pct == 0) {
      return v;
    }
    return "\\cellcolor{" + (ratio < 1 ? "green" : "red") + "!" + pct + "}" + v;
  }

  /**
   * @param ratio an error ratio
   * @return tint in percent: {@code round(MAX_PERCENT · min(1, |ratio − 1| / SATURATION))}
   */
  static int percent(double ratio) {
    return (int) Math.round(MAX_PERCENT * Math.min(1, Math.abs(ratio - 1) / SATURATION));
  }
}
