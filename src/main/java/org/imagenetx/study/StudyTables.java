package org.imagenetx.study;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.compare.GroupComparison;
import org.imagenetx.compare.GroupTestResult;
import org.imagenetx.report.ReportTable;
import org.imagenetx.resampling.Interval;

/**
 * The study's results as {@link ReportTable}s (one renderer for text, CSV, Markdown, JSON and
 * LaTeX). Row order is deterministic: groups in the order asked, factors and metaclasses in
 * canonical order, models in table order.
 */
public final class StudyTables {
  private StudyTables() {}

  private static List<String> withFactors(String... head) {
    List<String> c = new ArrayList<>(List.of(head));
    c.addAll(List.of(Factor.columns()));
    return c;
  }

  /**
   * @param c a group comparison
   * @return one row per group: group, models, mean error ratio per factor
   */
  public static ReportTable groupMeans(GroupComparison c) {
    ReportTable t = new ReportTable(withFactors("group", "models"));
    for (int g = 0; g < c.groups().size(); g++) {
      Object[] row = new Object[2 + Factor.COUNT];
      row[0] = c.groups().get(g);
      row[1] = c.count(g);
      for (Factor f : Factor.values()) {
        row[2 + f.ordinal()] = c.mean(g, f).point();
      }
      t.addRow(row);
    }
    t.note(
        "mean error ratio over each group's models; intervals ("
            + c.settings().describe("models")
            + ") and group tests: --detail");
    return t;
  }

  /**
   * @param c a group comparison
   * @return one row per (factor, group): mean, interval, and the factor's group test (the first the
   *     comparison ran)
   */
  public static ReportTable groupDetail(GroupComparison c) {
    ReportTable t =
        new ReportTable(
            List.of(
                "factor",
                "group",
                "models",
                "mean",
                "lower",
                "upper",
                "test",
                "statistic",
                "df1",
                "df2",
                "p_value"));
    for (Factor f : Factor.values()) {
      GroupTestResult r = c.test(0, f);
      for (int g = 0; g < c.groups().size(); g++) {
        Interval m = c.mean(g, f);
        t.addRow(
            f.column(),
            c.groups().get(g),
            c.count(g),
            m.point(),
            m.lower(),
            m.upper(),
            r.method(),
            r.statistic(),
            r.numeratorDf(),
            r.denominatorDf(),
            r.pValue());
      }
    }
    return t;
  }

  /**
   * @param list consistency over one or more model sets
   * @param settings the bootstrap over models behind the intervals of the median and the high
   *     share, and the level of the shares' Wilson intervals
   * @return per model set: per factor the share of models with error ratio &gt; 1, then the median,
   *     minimum and high share of the models' Spearman ρ with the pooled profile
   */
  public static ReportTable consistency(
      List<Consistency> list, org.imagenetx.resampling.ZooBootstrap.Settings settings) {
    ReportTable t =
        new ReportTable(
            List.of("model_set", "models", "statistic", "factor", "estimate", "lower", "upper"));
    for (Consistency c : list) {
      int n = c.models().size();
      Interval[] shares = c.shareAboveOne();
      for (Factor f : Factor.values()) {
        Interval s = shares[f.ordinal()];
        t.addRow(c.modelSet(), n, "share_er_above_1", f.column(), s.point(), s.lower(), s.upper());
      }
      Interval m = c.medianSpearman();
      t.addRow(c.modelSet(), n, "median_spearman", "", m.point(), m.lower(), m.upper());
      t.addRow(c.modelSet(), n, "min_spearman", "", c.minSpearman(), null, null);
      Interval h = c.shareHigh();
      t.addRow(
          c.modelSet(),
          n,
          "share_spearman_ge_" + Consistency.HIGH,
          "",
          h.point(),
          h.lower(),
          h.upper());
      if (c.dropped() > 0) {
        t.note(c.modelSet() + ": " + c.dropped() + " models left out (a non-finite error ratio)");
      }
    }
    t.note(
        "spearman: each model's 16-factor error-ratio profile against the pooled mean profile;"
            + " intervals: share_er_above_1 "
            + new BigDecimal(Double.toString(settings.confidenceLevel() * 100))
                .stripTrailingZeros()
                .toPlainString()
            + "% Wilson score interval over models; median_spearman and share_spearman_ge_"
            + Consistency.HIGH
            + " "
            + settings.describe("models")
            + "; none for min_spearman");
    return t;
  }

  /**
   * @param sweeps augmentation sweeps
   * @return one row per (augmentation, factor): the published cubic/Welch statistic and the slopes
   */
  public static ReportTable augmentEffects(List<AugmentationSweep> sweeps) {
    return augmentEffects(sweeps, AugmentationPermutation.DEFAULT_PERMUTATIONS, 42);
  }

  /**
   * @param sweeps augmentation sweeps
   * @param permutations permutations of the whole procedure per factor ({@link
   *     AugmentationPermutation})
   * @param seed master seed of the permutations
   * @return one row per (augmentation, factor): the published cubic/Welch statistic, its
   *     Holm-adjusted p over every row of the table, the permutation p of the whole procedure, and
   *     the slopes
   */
  public static ReportTable augmentEffects(
      List<AugmentationSweep> sweeps, int permutations, long seed) {
    double[] welch = new double[sweeps.size() * Factor.COUNT];
    double[][] perm = new double[sweeps.size()][];
    for (int i = 0; i < sweeps.size(); i++) {
      for (AugmentationSweep.Effect e : sweeps.get(i).effects()) {
        welch[i * Factor.COUNT + e.factor().ordinal()] = e.pValue();
      }
      perm[i] = AugmentationPermutation.pValues(sweeps.get(i), permutations, seed);
    }
    double[] holm = org.imagenetx.compare.Multiplicity.holm(welch);
    ReportTable t =
        new ReportTable(
            List.of(
                "augmentation",
                "factor",
                "low_level",
                "high_level",
                "weak_mean",
                "strong_mean",
                "weak_models",
                "strong_models",
                "t",
                "df",
                "p_value",
                "p_holm",
                "p_perm",
                "er_slope",
                "er_slope_lower",
                "er_slope_upper",
                "er_intercept",
                "er_r2",
                "er_p_value",
                "acc_slope",
                "acc_slope_lower",
                "acc_slope_upper",
                "acc_r2",
                "acc_p_value"));
    for (int i = 0; i < sweeps.size(); i++) {
      AugmentationSweep s = sweeps.get(i);
      for (AugmentationSweep.Effect e : s.effects()) {
        int k = e.factor().ordinal();
        LinearFit er = e.errorRatio();
        LinearFit acc = e.accuracy();
        t.addRow(
            s.augmentation().key(),
            e.factor().column(),
            e.lowLevel(),
            e.highLevel(),
            e.weakMean(),
            e.strongMean(),
            e.weakCount(),
            e.strongCount(),
            e.t(),
            e.df(),
            e.pValue(),
            holm[i * Factor.COUNT + k],
            perm[i][k],
            er.slope(),
            er.slopeLower(),
            er.slopeUpper(),
            er.intercept(),
            er.rSquared(),
            er.pValue(),
            acc.slope(),
            acc.slopeLower(),
            acc.slopeUpper(),
            acc.rSquared(),
            acc.pValue());
      }
    }
    t.note(
        "t > 0: error ratio lower at the stronger of the two levels where the fitted cubic is"
            + " lowest/highest (Welch); p_value is the published one, anti-conservative because the"
            + " two levels are picked from the same data; p_holm: Holm over the "
            + welch.length
            + " tests of this table; p_perm: the whole procedure with strengths permuted ("
            + permutations
            + " permutations, seed "
            + seed
            + "); slopes per unit of strength, 95% intervals");
    return t;
  }

  /**
   * @param sweeps augmentation sweeps
   * @param alpha significance threshold
   * @param k factors per side
   * @return the spill-over summary: per augmentation, the k factors helped and hurt most
   */
  public static ReportTable spillOver(List<AugmentationSweep> sweeps, double alpha, int k) {
    ReportTable t =
        new ReportTable(List.of("augmentation", "effect", "rank", "factor", "t", "p_value"));
    for (AugmentationSweep s : sweeps) {
      List<List<AugmentationSweep.Effect>> so = s.spillOver(alpha, k);
      for (int side = 0; side < 2; side++) {
        List<AugmentationSweep.Effect> es = so.get(side);
        for (int i = 0; i < es.size(); i++) {
          t.addRow(
              s.augmentation().key(),
              side == 0 ? "helped" : "hurt",
              i + 1,
              es.get(i).factor().column(),
              es.get(i).t(),
              es.get(i).pValue());
        }
      }
    }
    t.note(
        "the study's rule: the factors with p < "
            + alpha
            + " ranked by t; the "
            + k
            + " highest are helped, the "
            + k
            + " lowest hurt, whatever the sign of t (the lists overlap when few are significant)");
    return t;
  }

  /**
   * @param s a sweep
   * @return one row per model: every parsed hyper-parameter, the strength, whether its level was
   *     kept, and its error ratio per factor (columns {@code er_<factor>}, since {@code color} is
   *     both a hyper-parameter and a factor)
   */
  public static ReportTable augmentModels(AugmentationSweep s) {
    Set<String> keys = new LinkedHashSet<>();
    for (AugmentationModel m : s.models()) {
      keys.addAll(m.params().keySet());
    }
    List<String> cols = new ArrayList<>(List.of("augmentation", "model", "architecture"));
    cols.addAll(keys);
    cols.addAll(List.of("id", "strength", "kept"));
    for (String f : Factor.columns()) {
      cols.add("er_" + f);
    }
    ReportTable t = new ReportTable(cols);
    for (int r = 0; r < s.models().size(); r++) {
      AugmentationModel m = s.models().get(r);
      List<Object> row =
          new ArrayList<>(List.of(s.augmentation().key(), m.model(), m.architecture()));
      for (String k : keys) {
        row.add(m.param(k));
      }
      row.add(m.id());
      row.add(s.strength()[r]);
      row.add(Arrays.binarySearch(s.levels(), s.strength()[r]) >= 0 ? "yes" : "no");
      for (Factor f : Factor.values()) {
        row.add(s.table().errorRatio(r, f));
      }
      t.addRow(row.toArray());
    }
    return t;
  }

  /**
   * @param p prevalence counts
   * @return one row per metaclass: images, then the relative shift per factor; plus an {@code all}
   *     row with the overall prevalence
   */
  public static ReportTable prevalence(Prevalence p) {
    ReportTable t = new ReportTable(withFactors("metaclass", "images", "quantity"));
    Object[] all = new Object[3 + Factor.COUNT];
    all[0] = "all";
    all[1] = p.numImages();
    all[2] = "prevalence";
    for (Factor f : Factor.values()) {
      all[3 + f.ordinal()] = p.overall(f);
    }
    t.addRow(all);
    for (int m = 0; m < Metaclasses.COUNT; m++) {
      Object[] row = new Object[3 + Factor.COUNT];
      row[0] = Metaclasses.NAMES.get(m);
      row[1] = p.metaclassImages()[m];
      row[2] = "shift";
      for (Factor f : Factor.values()) {
        row[3 + f.ordinal()] = p.shift(m, f);
      }
      t.addRow(row);
    }
    t.note(
        "shift = prevalence in the metaclass / overall prevalence - 1 ("
            + p.selection().key()
            + " factors)");
    return t;
  }

  /**
   * @param p per-model mistake prevalence
   * @return one row per model: images, mistakes, shift per factor
   */
  public static ReportTable mistakePrevalence(MistakePrevalence p) {
    ReportTable t = new ReportTable(withFactors("model", "images", "mistakes"));
    for (int m = 0; m < p.models().size(); m++) {
      Object[] row = new Object[3 + Factor.COUNT];
      row[0] = p.models().get(m);
      row[1] = p.numImages()[m];
      row[2] = p.numMistakes()[m];
      for (Factor f : Factor.values()) {
        row[3 + f.ordinal()] = p.shift(m, f);
      }
      t.addRow(row);
    }
    t.note(
        "shift = factor prevalence among the model's mistakes / among its images - 1 (= error ratio - 1)");
    return t;
  }

  /**
   * @param c calibration
   * @return one row per model: overall ECE, then ECE per factor
   */
  public static ReportTable calibration(Calibration c) {
    ReportTable t = new ReportTable(withFactors("model", "ece"));
    for (int m = 0; m < c.models().size(); m++) {
      Object[] row = new Object[2 + Factor.COUNT];
      row[0] = c.models().get(m);
      row[1] = c.overall()[m];
      for (int f = 0; f < Factor.COUNT; f++) {
        row[2 + f] = c.perFactor()[m][f];
      }
      t.addRow(row);
    }
    t.note(
        "expected calibration error, "
            + Calibration.NUM_BINS
            + " equal-width confidence bins, "
            + c.type().key()
            + " correctness, "
            + c.selection().key()
            + " factors");
    return t;
  }

  /**
   * @param list co-occurrence matrices
   * @return one row per (matrix, unordered pair of distinct variables)
   */
  public static ReportTable cooccurrence(List<Cooccurrence> list) {
    ReportTable t =
        new ReportTable(List.of("partition", "selection", "images", "a", "b", "rho", "p_value"));
    for (Cooccurrence c : list) {
      for (int a = 0; a < c.variables().size(); a++) {
        for (int b = a + 1; b < c.variables().size(); b++) {
          t.addRow(
              c.partition().key(),
              c.selection().key(),
              c.numImages(),
              c.variables().get(a),
              c.variables().get(b),
              c.rho()[a][b],
              c.pValue()[a][b]);
        }
      }
    }
    return t;
  }

  /**
   * @param list distributions
   * @return one row per (distribution, factor): images with it and share
   */
  public static ReportTable factorShares(List<FactorDistribution> list) {
    ReportTable t =
        new ReportTable(List.of("partition", "selection", "factor", "images", "total", "share"));
    for (FactorDistribution d : list) {
      for (Factor f : Factor.values()) {
        t.addRow(
            d.partition().key(),
            d.selection().key(),
            f.column(),
            d.counts()[f.ordinal()],
            d.numImages(),
            d.share(f));
      }
    }
    return t;
  }

  /**
   * @param list distributions
   * @return one row per (distribution, k): images with exactly k active factors, and share
   */
  public static ReportTable activeFactors(List<FactorDistribution> list) {
    ReportTable t =
        new ReportTable(List.of("partition", "selection", "active_factors", "images", "share"));
    for (FactorDistribution d : list) {
      int max = 0;
      for (int k = 0; k < d.activeHistogram().length; k++) {
        if (d.activeHistogram()[k] > 0) {
          max = k;
        }
      }
      for (int k = 0; k <= max; k++) {
        t.addRow(
            d.partition().key(),
            d.selection().key(),
            k,
            d.activeHistogram()[k],
            (double) d.activeHistogram()[k] / d.numImages());
      }
    }
    return t;
  }

  /**
   * @param sweeps augmentation sweeps
   * @return the compact view: per (augmentation, factor) the published t and p, and the error-ratio
   *     slope with its interval and p-value
   */
  public static ReportTable augmentSummary(List<AugmentationSweep> sweeps) {
    int permutations = AugmentationPermutation.DEFAULT_PERMUTATIONS;
    long seed = 42;
    double[] welch = new double[sweeps.size() * Factor.COUNT];
    double[][] perm = new double[sweeps.size()][];
    for (int i = 0; i < sweeps.size(); i++) {
      for (AugmentationSweep.Effect e : sweeps.get(i).effects()) {
        welch[i * Factor.COUNT + e.factor().ordinal()] = e.pValue();
      }
      perm[i] = AugmentationPermutation.pValues(sweeps.get(i), permutations, seed);
    }
    double[] holm = org.imagenetx.compare.Multiplicity.holm(welch);
    ReportTable t =
        new ReportTable(
            List.of(
                "augmentation",
                "factor",
                "low_level",
                "high_level",
                "t",
                "p_value",
                "p_holm",
                "p_perm",
                "er_slope",
                "er_slope_lower",
                "er_slope_upper",
                "er_p_value"));
    for (int i = 0; i < sweeps.size(); i++) {
      AugmentationSweep s = sweeps.get(i);
      for (AugmentationSweep.Effect e : s.effects()) {
        int k = e.factor().ordinal();
        LinearFit er = e.errorRatio();
        t.addRow(
            s.augmentation().key(),
            e.factor().column(),
            e.lowLevel(),
            e.highLevel(),
            e.t(),
            e.pValue(),
            holm[i * Factor.COUNT + k],
            perm[i][k],
            er.slope(),
            er.slopeLower(),
            er.slopeUpper(),
            er.pValue());
      }
    }
    t.note(
        "t > 0: error ratio lower at the stronger of the two levels where the fitted cubic is"
            + " lowest/highest (Welch; anti-conservative: the two levels are picked from the same"
            + " data); p_holm: Holm over the "
            + welch.length
            + " tests; p_perm: the whole procedure with strengths permuted ("
            + permutations
            + " permutations, seed "
            + seed
            + "); er_slope: error ratio per unit of strength, 95% interval; all columns: --table"
            + " effects");
    return t;
  }
}
