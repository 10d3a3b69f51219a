package org.imagenetx.figures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.FactorSet;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.compare.Multiplicity;
import org.imagenetx.report.ReportTable;
import org.imagenetx.study.Cooccurrence;
import org.roaringbitmap.IntIterator;

/** Figures of the annotations alone: factor shares, active-factor counts, co-occurrence. */
public final class DatasetFigures {
  /** Significance level below which a correlation cell is shown. */
  public static final double ALPHA = 0.05;

  private DatasetFigures() {}

  /**
   * Share of evaluated images having each factor, for validation and training, multi and top
   * selections; factors sorted by their validation multi-factor share.
   *
   * @param val validation annotations (both selections loaded)
   * @param train training annotations (both selections loaded)
   * @return figure {@code factor-distribution}
   */
  public static Figure factorDistribution(Dataset val, Dataset train) {
    Dataset[] parts = {val, train};
    FactorSelection[] sels = {FactorSelection.MULTI, FactorSelection.TOP};
    double[][] share = new double[4][Factor.COUNT];
    ReportTable data =
        new ReportTable(
            List.of(
                "partition",
                "selection",
                "factor",
                "images",
                "images_with_factor",
                "share_percent"));
    List<String> names = new ArrayList<>();
    for (int p = 0; p < 2; p++) {
      for (int s = 0; s < 2; s++) {
        FactorSet fs = parts[p].factors(sels[s]);
        int n = fs.numEvaluated();
        names.add(parts[p].partition().key() + ", " + sels[s].key() + " factor");
        for (Factor f : Factor.values()) {
          int k = fs.factor(f).getCardinality();
          share[p * 2 + s][f.ordinal()] = 100.0 * k / n;
          data.addRow(parts[p].partition().key(), sels[s].key(), f.column(), n, k, 100.0 * k / n);
        }
      }
    }
    Integer[] order = sortedFactors(share[0], true);
    List<String> categories = new ArrayList<>();
    for (int i : order) {
      categories.add(Factor.of(i).label());
    }
    List<BarSeries> series = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      series.add(BarSeries.of(names.get(k), permute(share[k], order)));
    }
    BarSpec spec =
        new BarSpec("", "Factor", "Images with the factor (%)", categories, series, Double.NaN);
    return Figure.single(
        "factor-distribution",
        "Share of annotated images showing each factor, validation vs training and every selected factor"
            + " (multi) vs the most salient one (top). Factors sorted by their validation multi-factor share.",
        spec,
        900,
        480,
        data);
  }

  /**
   * Distribution of the number of factors annotated per image (multi-factor selection).
   *
   * @param val validation annotations
   * @param train training annotations
   * @return figure {@code active-factor-count}
   */
  public static Figure activeFactorCount(Dataset val, Dataset train) {
    long[][] counts = {
      activeCounts(val.factors(FactorSelection.MULTI)),
      activeCounts(train.factors(FactorSelection.MULTI))
    };
    // images without any factor exist in the release (6 training images): start at 0 then
    int min = 1;
    int max = 1;
    for (long[] c : counts) {
      for (int k = 0; k < c.length; k++) {
        if (c[k] > 0) {
          max = Math.max(max, k);
          min = Math.min(min, k);
        }
      }
    }
    List<String> categories = new ArrayList<>();
    for (int k = min; k <= max; k++) {
      categories.add(Integer.toString(k));
    }
    ReportTable data =
        new ReportTable(List.of("partition", "active_factors", "images", "share_percent"));
    List<BarSeries> series = new ArrayList<>();
    Dataset[] parts = {val, train};
    for (int p = 0; p < 2; p++) {
      long total = Arrays.stream(counts[p]).sum();
      double[] v = new double[max - min + 1];
      for (int k = min; k <= max; k++) {
        v[k - min] = 100.0 * counts[p][k] / total;
        data.addRow(parts[p].partition().key(), k, counts[p][k], v[k - min]);
      }
      series.add(BarSeries.of(parts[p].partition().key() + " (" + total + " images)", v));
    }
    BarSpec spec =
        new BarSpec(
            "",
            "Factors annotated per image (multi-factor)",
            "Images (%)",
            categories,
            series,
            Double.NaN);
    return Figure.single(
        "active-factor-count",
        "How many factors annotators selected per image (multi-factor annotations), validation vs training.",
        spec,
        800,
        420,
        data);
  }

  /**
   * @param set one selection's annotations
   * @return {@code out[k]} = evaluated images with exactly k factors, k = 0..16
   */
  static long[] activeCounts(FactorSet set) {
    long[][] w = set.words();
    long[] out = new long[Factor.COUNT + 1];
    IntIterator it = set.evaluated().getIntIterator();
    while (it.hasNext()) {
      int i = it.next();
      int k = 0;
      for (int f = 0; f < Factor.COUNT; f++) {
        k += (int) ((w[f][i >>> 6] >>> i) & 1L);
      }
      out[k]++;
    }
    return out;
  }

  /**
   * Spearman correlation between the 16 factor indicators (the study's co-occurrence table); the
   * diagonal and the cells whose p, Holm-adjusted over the figure's 120 pairs, is ≥ {@value #ALPHA}
   * are masked.
   *
   * @param c the study's co-occurrence of one partition and selection
   * @return figure {@code cooccurrence-<partition>}
   */
  public static Figure cooccurrence(Cooccurrence c) {
    double[][] rho = new double[Factor.COUNT][Factor.COUNT];
    boolean[][] mask = new boolean[Factor.COUNT][Factor.COUNT];
    ReportTable data =
        new ReportTable(
            List.of(
                "factor_a", "factor_b", "images", "spearman_rho", "p_value", "p_holm", "shown"));
    // the family: each unordered pair once (the matrix is symmetric)
    int pairs = Factor.COUNT * (Factor.COUNT - 1) / 2;
    double[] family = new double[pairs];
    for (int i = 0, k = 0; i < Factor.COUNT; i++) {
      for (int j = i + 1; j < Factor.COUNT; j++) {
        family[k++] = c.pValue()[i][j];
      }
    }
    double[] adjusted = Multiplicity.holm(family);
    double[][] holm = new double[Factor.COUNT][Factor.COUNT];
    for (int i = 0, k = 0; i < Factor.COUNT; i++) {
      holm[i][i] = Double.NaN;
      for (int j = i + 1; j < Factor.COUNT; j++, k++) {
        holm[i][j] = adjusted[k];
        holm[j][i] = adjusted[k];
      }
    }
    List<String> labels = new ArrayList<>();
    for (Factor a : Factor.values()) {
      labels.add(a.label());
      for (Factor b : Factor.values()) {
        int i = a.ordinal();
        int j = b.ordinal();
        rho[i][j] = c.rho()[i][j];
        mask[i][j] = a == b || !(holm[i][j] < ALPHA);
        data.addRow(
            a.column(),
            b.column(),
            c.numImages(),
            rho[i][j],
            c.pValue()[i][j],
            holm[i][j],
            mask[i][j] ? "no" : "yes");
      }
    }
    String part = c.partition().key();
    HeatmapSpec spec =
        new HeatmapSpec(
            "",
            "Factor",
            "Factor",
            labels,
            labels,
            rho,
            mask,
            0,
            0.3,
            "Spearman ρ (saturates at ±0.3)");
    return Figure.single(
        "cooccurrence-" + part,
        "Spearman correlation between factor indicators on the "
            + c.numImages()
            + " "
            + part
            + " images ("
            + c.selection().key()
            + "-factor annotations). Grey: diagonal or not significant (Holm-adjusted p ≥ 0.05 over the"
            + " 120 pairs).",
        spec,
        760,
        640,
        data);
  }

  /**
   * Spearman correlation between each factor indicator and each true-metaclass indicator over the
   * evaluated images: which factors are typical of which kinds of objects. Cells whose p,
   * Holm-adjusted over the figure's 17 × 16 cells, is ≥ {@value #ALPHA} are masked.
   *
   * @param c the study's co-occurrence (its metaclass rows)
   * @return figure {@code factor-metaclass-<partition>}
   */
  public static Figure factorMetaclass(Cooccurrence c) {
    int numMeta = Metaclasses.COUNT;
    double[][] rho = new double[numMeta][Factor.COUNT];
    boolean[][] mask = new boolean[numMeta][Factor.COUNT];
    List<String> rows = new ArrayList<>();
    List<String> cols = new ArrayList<>();
    for (Factor f : Factor.values()) {
      cols.add(f.label());
    }
    ReportTable data =
        new ReportTable(
            List.of("metaclass", "factor", "images", "spearman_rho", "p_value", "p_holm", "shown"));
    double[] family = new double[numMeta * Factor.COUNT];
    for (int m = 0; m < numMeta; m++) {
      for (Factor f : Factor.values()) {
        family[m * Factor.COUNT + f.ordinal()] = c.pValue()[Factor.COUNT + m][f.ordinal()];
      }
    }
    double[] holm = Multiplicity.holm(family);
    for (int m = 0; m < numMeta; m++) {
      String name = Metaclasses.NAMES.get(m);
      rows.add(name.replace('_', ' '));
      int v = Factor.COUNT + m;
      for (Factor f : Factor.values()) {
        rho[m][f.ordinal()] = c.rho()[v][f.ordinal()];
        double p = c.pValue()[v][f.ordinal()];
        double adjusted = holm[m * Factor.COUNT + f.ordinal()];
        mask[m][f.ordinal()] = !(adjusted < ALPHA);
        data.addRow(
            name,
            f.column(),
            c.numImages(),
            rho[m][f.ordinal()],
            p,
            adjusted,
            mask[m][f.ordinal()] ? "no" : "yes");
      }
    }
    String part = c.partition().key();
    HeatmapSpec spec =
        new HeatmapSpec(
            "",
            "Factor",
            "True metaclass",
            cols,
            rows,
            rho,
            mask,
            0,
            0.3,
            "Spearman ρ (saturates at ±0.3)");
    return Figure.single(
        "factor-metaclass-" + part,
        "Spearman correlation between factor indicators and true-metaclass indicators on the "
            + c.numImages()
            + " "
            + part
            + " images ("
            + c.selection().key()
            + "-factor annotations): which factors are typical of"
            + " which objects. Grey: not significant (Holm-adjusted p ≥ 0.05 over the figure's cells).",
        spec,
        800,
        640,
        data);
  }

  static Integer[] sortedFactors(double[] key, boolean descending) {
    Integer[] order = new Integer[key.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Comparator<Integer> c =
        Comparator.comparingDouble(i -> Double.isNaN(key[i]) ? Double.NEGATIVE_INFINITY : key[i]);
    Arrays.sort(order, descending ? c.reversed() : c);
    return order;
  }

  static double[] permute(double[] v, Integer[] order) {
    double[] out = new double[order.length];
    for (int i = 0; i < order.length; i++) {
      out[i] = v[order[i]];
    }
    return out;
  }
}
