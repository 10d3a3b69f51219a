package org.imagenetx.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.compare.AllPairs;
import org.imagenetx.compare.Comparisons;
import org.imagenetx.compare.GroupComparison;
import org.imagenetx.compare.GroupTestResult;
import org.imagenetx.compare.McNemar;
import org.imagenetx.compare.PairwiseData;
import org.imagenetx.compare.SliceComparison;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.SmallCells;
import org.imagenetx.resampling.Interval;
import org.imagenetx.resampling.ZooBootstrap;

/**
 * The tables of model comparisons, defined once for every front end: {@code imagenetx compare}, the
 * shell and {@code imagenetx query}, the explorer's JSON (whose keys are these column names) and
 * {@code reproduce}'s {@code base_pairs.csv}.
 */
public final class ComparisonTables {
  /**
   * The 20 columns of a two-model comparison, one row per slice ({@link SliceComparison}, whose
   * component names these are in snake case).
   */
  public static final List<String> PAIR_COLUMNS =
      List.of(
          "slice",
          "images",
          "error_a",
          "error_b",
          "only_a_wrong",
          "only_b_wrong",
          "p_exact",
          "p_mid",
          "p_holm",
          "p_bh",
          "error_diff",
          "error_diff_lower",
          "error_diff_upper",
          "er_diff",
          "er_diff_lower",
          "er_diff_upper",
          "er_diff_sim",
          "er_diff_sim_lower",
          "er_diff_sim_upper",
          "verdict");

  /** Columns of one model against every other ({@link Comparisons.Versus}). */
  public static final List<String> VERSUS_COLUMNS = versusColumns();

  /** Columns of the strongest pairs of a zoo ({@code compare --all-pairs}). */
  public static final List<String> ALL_PAIRS_COLUMNS =
      List.of("model_a", "model_b", "only_a_wrong", "only_b_wrong", "z", "p_exact", "p_mid");

  /** Columns of groups of models compared per factor ({@code compare --groups}). */
  public static final List<String> GROUP_COLUMNS =
      List.of(
          "factor",
          "group",
          "models",
          "mean_er",
          "mean_er_lower",
          "mean_er_upper",
          "ag_statistic",
          "ag_df",
          "ag_p",
          "welch_f",
          "welch_df1",
          "welch_df2",
          "welch_p");

  private ComparisonTables() {}

  /** rank, model_b, then the pair table's per-model and test columns, then the verdict. */
  private static List<String> versusColumns() {
    List<String> c = new ArrayList<>(List.of("rank", "model_b"));
    c.addAll(
        PAIR_COLUMNS.subList(PAIR_COLUMNS.indexOf("error_a"), PAIR_COLUMNS.indexOf("p_bh") + 1));
    c.add("verdict");
    return List.copyOf(c);
  }

  /**
   * @param r one slice
   * @return its 20 cells, {@link #PAIR_COLUMNS} order
   */
  public static Object[] pairRow(SliceComparison r) {
    return new Object[] {
      r.slice(),
      r.images(),
      r.errorA(),
      r.errorB(),
      r.onlyAWrong(),
      r.onlyBWrong(),
      r.pExact(),
      r.pMid(),
      r.pHolm(),
      r.pBh(),
      r.errorDiff().point(),
      r.errorDiff().lower(),
      r.errorDiff().upper(),
      r.erDiff().point(),
      r.erDiff().lower(),
      r.erDiff().upper(),
      r.erDiffSim().point(),
      r.erDiffSim().lower(),
      r.erDiffSim().upper(),
      r.verdict()
    };
  }

  /**
   * Model A against model B on every slice, with the notes that say how it was computed.
   *
   * @param a model A
   * @param b model B
   * @param selection factor selection
   * @param type error type
   * @param rows {@link Comparisons#compare} of A and B
   * @param settings the paired bootstrap's settings
   * @param metaclassIntervals whether the metaclass rows' error differences have intervals
   * @return the table
   */
  public static ReportTable pair(
      String a,
      String b,
      FactorSelection selection,
      ErrorType type,
      List<SliceComparison> rows,
      ZooBootstrap.Settings settings,
      boolean metaclassIntervals) {
    ReportTable t = new ReportTable(PAIR_COLUMNS);
    boolean anySmall = false;
    for (SliceComparison r : rows) {
      t.addRow(pairRow(r));
      anySmall |= flagSmall(t, r, 0);
    }
    t.note(
        String.format(
            Locale.ROOT,
            "A = %s, B = %s (%s factors, %s error); differences are A - B;"
                + " p_holm/p_bh adjust p_exact over the %d tests of this table;"
                + " verdicts family-wise at 5%%: errors by p_holm, \"factor hurts\" by"
                + " er_diff_sim (max-|t| simultaneous bands over the 16 factors from the same paired"
                + " bootstrap replicates; er_diff_lower/upper are unadjusted).",
            a,
            b,
            selection.key(),
            type.key(),
            rows.size()));
    t.note("(intervals: " + settings.describe("images") + ", paired)");
    if (!metaclassIntervals) {
      t.note("(metaclass rows: error_diff without interval here; imagenetx compare A B gives it)");
    }
    if (anySmall) {
      t.note(SmallCells.NOTE + " (for either model; images = the slice's n)");
    }
    return t;
  }

  /**
   * Flags the differences of a slice too small to read for either model ({@link SmallCells}) in the
   * last row added.
   *
   * @param offset columns before the {@link #PAIR_COLUMNS}
   * @return whether the slice is small
   */
  private static boolean flagSmall(ReportTable t, SliceComparison r, int offset) {
    long errorsA = Math.round(r.errorA() * r.images());
    long errorsB = Math.round(r.errorB() * r.images());
    if (!SmallCells.isSmall(r.images(), Math.min(errorsA, errorsB))) {
      return false;
    }
    t.flag(offset + PAIR_COLUMNS.indexOf("error_diff"), SmallCells.FLAG);
    t.flag(offset + PAIR_COLUMNS.indexOf("er_diff"), SmallCells.FLAG);
    return true;
  }

  /**
   * Every pair of a small zoo on every slice, as {@code reproduce} writes it: {@code model_a},
   * {@code model_b}, then the {@link #PAIR_COLUMNS}.
   *
   * @param pairs {@code "A vs B"} → its slices
   * @return the table
   */
  public static ReportTable pairs(Map<String, List<SliceComparison>> pairs) {
    List<String> cols = new ArrayList<>(List.of("model_a", "model_b"));
    cols.addAll(PAIR_COLUMNS);
    ReportTable t = new ReportTable(cols);
    boolean anySmall = false;
    for (Map.Entry<String, List<SliceComparison>> e : pairs.entrySet()) {
      String[] ab = e.getKey().split(" vs ", 2);
      for (SliceComparison c : e.getValue()) {
        Object[] cells = pairRow(c);
        Object[] row = new Object[cells.length + 2];
        row[0] = ab[0];
        row[1] = ab[1];
        System.arraycopy(cells, 0, row, 2, cells.length);
        t.addRow(row);
        anySmall |= flagSmall(t, c, 2);
      }
    }
    if (anySmall) {
      t.note(SmallCells.NOTE + " (for either model; images = the slice's n)");
    }
    return t;
  }

  /**
   * One model against every other, ranked.
   *
   * @param modelA model A
   * @param slice slice index ({@link PairwiseData#sliceName})
   * @param rows {@link Comparisons#oneVsAll}
   * @return the table
   */
  public static ReportTable versus(String modelA, int slice, List<Comparisons.Versus> rows) {
    ReportTable t = new ReportTable(VERSUS_COLUMNS);
    int rank = 1;
    for (Comparisons.Versus v : rows) {
      t.addRow(
          rank++,
          v.modelB(),
          v.errorA(),
          v.errorB(),
          v.onlyAWrong(),
          v.onlyBWrong(),
          v.pExact(),
          v.pMid(),
          v.pHolm(),
          v.pBh(),
          v.verdict());
    }
    t.note(
        String.format(
            Locale.ROOT,
            "A = %s on slice %s; ranked by p_exact; p_holm/p_bh adjust over the %d other models.",
            modelA,
            PairwiseData.sliceName(slice),
            rows.size()));
    return t;
  }

  /**
   * @return an empty table of {@link #ALL_PAIRS_COLUMNS}
   */
  public static ReportTable allPairs() {
    return new ReportTable(ALL_PAIRS_COLUMNS);
  }

  /**
   * Adds one pair to an {@link #allPairs()} table.
   *
   * @param t the table
   * @param a model A's name
   * @param b model B's name
   * @param onlyAWrong images only A gets wrong
   * @param onlyBWrong images only B gets wrong
   */
  public static void addPair(ReportTable t, String a, String b, int onlyAWrong, int onlyBWrong) {
    t.addRow(
        a,
        b,
        onlyAWrong,
        onlyBWrong,
        McNemar.z(onlyAWrong, onlyBWrong),
        McNemar.exactP(onlyAWrong, onlyBWrong),
        McNemar.midP(onlyAWrong, onlyBWrong));
  }

  /**
   * The pairs with the strongest evidence of a zoo.
   *
   * @param models the zoo's model names
   * @param slice slice index
   * @param top the pairs, largest |z| first ({@link AllPairs#top})
   * @param k how many were asked for
   * @return the table
   */
  public static ReportTable topPairs(
      List<String> models, int slice, List<AllPairs.PairCount> top, int k) {
    ReportTable t = allPairs();
    for (AllPairs.PairCount pc : top) {
      addPair(t, models.get(pc.a()), models.get(pc.b()), pc.onlyA(), pc.onlyB());
    }
    t.note(
        String.format(
            Locale.ROOT,
            "top %d of all pairs on slice %s by |z| = |b - c|/sqrt(b + c);"
                + " p-values unadjusted (family: all %d pairs).",
            k,
            PairwiseData.sliceName(slice),
            (long) models.size() * (models.size() - 1) / 2));
    return t;
  }

  /**
   * Groups of models compared per factor: one row per (factor, group with at least one defined
   * ratio), with the group's mean error ratio, its interval, and the factor's Alexander–Govern and
   * Welch tests.
   *
   * @param c the comparison, computed with the tests {@link
   *     org.imagenetx.compare.GroupTest#alexanderGovern()} and {@link
   *     org.imagenetx.compare.GroupTest#welchAnova()} in that order
   * @param only the factor to show, or null for all
   * @return the table
   */
  public static ReportTable groups(GroupComparison c, Factor only) {
    ReportTable out = new ReportTable(GROUP_COLUMNS);
    int grouped = 0;
    for (int g = 0; g < c.groups().size(); g++) {
      grouped += c.count(g);
    }
    for (Factor f : Factor.values()) {
      if (only != null && f != only) {
        continue;
      }
      GroupTestResult ag = c.test(0, f);
      GroupTestResult w = c.test(1, f);
      for (int g = 0; g < c.groups().size(); g++) {
        int defined = c.defined(g, f);
        if (defined == 0) {
          continue;
        }
        Interval m = c.mean(g, f);
        out.addRow(
            f.column(),
            c.groups().get(g),
            defined,
            m.point(),
            m.lower(),
            m.upper(),
            ag.statistic(),
            ag.numeratorDf(),
            ag.pValue(),
            w.statistic(),
            w.numeratorDf(),
            w.denominatorDf(),
            w.pValue());
      }
    }
    out.note(
        String.format(
            Locale.ROOT,
            "%d of %d models grouped; mean_er intervals: %s; tests over groups with >= 2 models.",
            grouped,
            c.numModels(),
            c.settings().describe("the models of each group")));
    return out;
  }
}
