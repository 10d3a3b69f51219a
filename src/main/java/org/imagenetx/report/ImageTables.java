package org.imagenetx.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.imagenetx.annotations.Factor;
import org.imagenetx.confusions.ConfusionRow;
import org.imagenetx.confusions.ConfusionTable;
import org.imagenetx.images.ImageListing;
import org.imagenetx.images.ImageRow;
import org.imagenetx.images.Prediction;
import org.imagenetx.words.WordRow;

/**
 * The drill-down's tables: an image listing, a confusion table and a word table, with the columns
 * of {@code imagenetx images --format csv}. One definition for the CLI, the shell and the
 * explorer's JSON, so the three name every column alike.
 */
public final class ImageTables {
  private ImageTables() {}

  /**
   * @param page a page of an image set
   * @param probabilities whether the zoo has probabilities (adds {@code <model>_probability})
   * @param path an image's path under the user's copy, or null for no {@code path} column
   * @param text true for the text formats: line breaks in the annotators' texts become a visible
   *     mark, so a row stays on one line
   * @return columns {@code row, file_name, class, wnid, label, metaclass, top_factor,
   *     multi_factors}, per model {@code <model>, <model>_label, [<model>_probability],
   *     <model>_correct}, then {@code one_word, justification[, path]}
   */
  public static ReportTable listing(
      ImageListing page, boolean probabilities, Function<ImageRow, String> path, boolean text) {
    List<String> columns =
        new ArrayList<>(
            List.of(
                "row",
                "file_name",
                "class",
                "wnid",
                "label",
                "metaclass",
                "top_factor",
                "multi_factors"));
    for (String m : page.models()) {
      columns.add(m);
      columns.add(m + "_label");
      if (probabilities) {
        columns.add(m + "_probability");
      }
      columns.add(m + "_correct");
    }
    columns.add("one_word");
    columns.add("justification");
    if (path != null) {
      columns.add("path");
    }
    ReportTable t = new ReportTable(columns);
    int row = page.offset();
    for (ImageRow r : page.rows()) {
      List<Object> cells = new ArrayList<>(columns.size());
      cells.add(++row);
      cells.add(r.fileName());
      cells.add(r.classId());
      cells.add(r.wnid());
      cells.add(r.label());
      cells.add(r.metaclass());
      cells.add(factors(r.topFactors()));
      cells.add(factors(r.multiFactors()));
      for (Prediction p : r.predictions()) {
        cells.add(p.classId() < 0 ? null : p.classId());
        cells.add(p.label());
        if (probabilities) {
          cells.add(p.probability());
        }
        cells.add(p.correct());
      }
      cells.add(text ? oneLine(r.oneWord()) : r.oneWord());
      cells.add(text ? oneLine(r.justification()) : r.justification());
      if (path != null) {
        cells.add(path.apply(r));
      }
      t.addRow(cells.toArray());
    }
    return t;
  }

  /**
   * @param factors factors
   * @return their column names, space-separated
   */
  public static String factors(List<Factor> factors) {
    StringBuilder sb = new StringBuilder();
    for (Factor f : factors) {
      sb.append(sb.length() == 0 ? "" : " ").append(f.column());
    }
    return sb.toString();
  }

  /** Line breaks shown as a visible mark, so a text keeps to one row of an aligned table. */
  private static String oneLine(String s) {
    return s == null ? null : s.replace("\r\n", " ⏎ ").replace('\r', '\n').replace("\n", " ⏎ ");
  }

  /**
   * @param t a confusion table
   * @param limit rows to show
   * @return its first {@code limit} rows: the true and predicted class (id, WordNet id, label) or
   *     metaclass, {@code count, share, overall_count, overall_share, lift}
   */
  public static ReportTable confusions(ConfusionTable t, int limit) {
    List<String> columns =
        new ArrayList<>(
            t.metaclass()
                ? List.of("true_metaclass", "predicted_metaclass")
                : List.of(
                    "true_class",
                    "true_wnid",
                    "true_label",
                    "predicted_class",
                    "predicted_wnid",
                    "predicted_label"));
    columns.addAll(List.of("count", "share", "overall_count", "overall_share", "lift"));
    ReportTable out = new ReportTable(columns);
    for (ConfusionRow r : t.top(limit)) {
      List<Object> cells =
          new ArrayList<>(
              t.metaclass()
                  ? List.of(r.trueName(), r.predictedName())
                  : List.of(
                      r.trueId(),
                      r.trueWnid(),
                      r.trueName(),
                      r.predictedId(),
                      r.predictedWnid(),
                      r.predictedName()));
      cells.addAll(List.of(r.count(), r.share(), r.overallCount(), r.overallShare(), r.lift()));
      out.addRow(cells.toArray());
    }
    return out;
  }

  /**
   * @param rows word rows, in table order
   * @param limit rows to show
   * @param text true for the text formats: p and q in scientific notation below {@code decimals}
   * @param decimals decimals of the text formats
   * @return {@code term, mistakes, correct, mistake_share, correct_share, lift, p, q}
   */
  public static ReportTable words(List<WordRow> rows, int limit, boolean text, int decimals) {
    ReportTable t =
        new ReportTable(
            List.of(
                "term", "mistakes", "correct", "mistake_share", "correct_share", "lift", "p", "q"));
    for (WordRow r : rows.subList(0, Math.min(limit, rows.size()))) {
      t.addRow(
          r.term(),
          r.mistakes(),
          r.correct(),
          r.mistakeShare(),
          r.correctShare(),
          r.lift(),
          text ? new Probability(r.p(), decimals) : r.p(),
          text ? new Probability(r.q(), decimals) : r.q());
    }
    return t;
  }

  /**
   * A p-value cell of the text formats: fixed decimals while they show it, scientific below (the
   * words that matter most have p far below 10^-decimals). A Number, so the column stays
   * right-aligned.
   */
  static final class Probability extends Number {
    private static final long serialVersionUID = 1L;
    private final double value;
    private final int decimals;

    Probability(double value, int decimals) {
      this.value = value;
      this.decimals = decimals;
    }

    @Override
    public String toString() {
      if (value == 0 || value >= Math.pow(10, -decimals)) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
      }
      return String.format(Locale.ROOT, "%.1e", value);
    }

    @Override
    public int intValue() {
      return (int) value;
    }

    @Override
    public long longValue() {
      return (long) value;
    }

    @Override
    public float floatValue() {
      return (float) value;
    }

    @Override
    public double doubleValue() {
      return value;
    }
  }
}
