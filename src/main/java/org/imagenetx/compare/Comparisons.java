package org.imagenetx.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.evaluation.FactorCounts;
import org.imagenetx.resampling.CellBootstrap;
import org.imagenetx.resampling.CellLayout;
import org.imagenetx.resampling.Interval;
import org.imagenetx.resampling.ZooBootstrap;

/**
 * Model-versus-model comparisons on the same images: McNemar tests per slice with Holm and
 * Benjamini–Hochberg adjustment, paired bootstrap intervals of the error and error-ratio
 * differences (joint cells (pattern, A correct?, B correct?), {@link CellBootstrap}).
 */
public final class Comparisons {
  /** Family-wise level of the verdicts. */
  public static final double ALPHA = 0.05;

  private Comparisons() {}

  /**
   * A against B on every slice (16 factors, overall, 17 metaclasses); the family of the adjustments
   * is these 34 tests.
   *
   * @param data error words of the zoo
   * @param a model A
   * @param b model B
   * @param settings bootstrap settings (seed key: "A|B")
   * @return one row per slice, slice order
   */
  public static List<SliceComparison> compare(
      PairwiseData data, int a, int b, ZooBootstrap.Settings settings) {
    return compare(data, a, b, settings, true);
  }

  /**
   * As {@link #compare(PairwiseData, int, int, ZooBootstrap.Settings)}, optionally without the
   * per-metaclass paired bootstrap: its 17 × patterns × 4 joint cells are most of the cost (about
   * 55 ms at B = 1,000 on the top selection, against 5 ms for the rest), too slow for an
   * interactive query under load. Every other number — counts, p-values, adjustments, verdicts, the
   * factor and overall intervals, which use their own layout and seed — is identical either way.
   *
   * @param data error words of the zoo
   * @param a model A
   * @param b model B
   * @param settings bootstrap settings (seed key: "A|B")
   * @param metaclassIntervals false: the metaclass rows' error-difference intervals are NaN
   * @return one row per slice, slice order
   */
  public static List<SliceComparison> compare(
      PairwiseData data, int a, int b, ZooBootstrap.Settings settings, boolean metaclassIntervals) {
    int cells = data.numCells();
    int[] both = new int[cells];
    data.bothWrong(a, b, both);
    int[] wa = data.wrongPerCell(a);
    int[] wb = data.wrongPerCell(b);
    int n = PairwiseData.NUM_SLICES;
    int[] sBoth = new int[n];
    int[] sA = new int[n];
    int[] sB = new int[n];
    data.toSlices(both, sBoth, n);
    data.toSlices(wa, sA, n);
    data.toSlices(wb, sB, n);
    int[] size = data.sliceSizes();
    double[] p = new double[n];
    for (int s = 0; s < n; s++) {
      p[s] = size[s] == 0 ? Double.NaN : McNemar.exactP(sA[s] - sBoth[s], sB[s] - sBoth[s]);
    }
    double[] holm = Multiplicity.holm(p);
    double[] bh = Multiplicity.benjaminiHochberg(p);

    // Paired bootstrap: factor layout and per-metaclass layout over joint cells.
    int[] patterns = data.patterns();
    int np = patterns.length;
    String key = data.models().get(a) + "|" + data.models().get(b);
    long seed = CellBootstrap.seed(settings.masterSeed(), key);
    CellLayout fl = CellLayout.factors(patterns, 2);
    int[] fCells = new int[fl.numCells()];
    CellLayout ml = metaclassIntervals ? CellLayout.metaclassFactors(patterns, 2) : null;
    int[] mCells = metaclassIntervals ? new int[ml.numCells()] : null;
    for (int q = 0; q < np; q++) {
      for (int m = 0; m < Metaclasses.COUNT; m++) {
        int c = q * Metaclasses.COUNT + m;
        int total = data.cellSize(c);
        int[] joint = {both[c], wb[c] - both[c], wa[c] - both[c], total - wa[c] - wb[c] + both[c]};
        for (int k = 0; k < 4; k++) {
          fCells[4 * q + k] += joint[k];
          if (mCells != null) {
            mCells[4 * (m * np + q) + k] = joint[k];
          }
        }
      }
    }
    CellBootstrap fBoot =
        new CellBootstrap(
            fl, settings.numResamples(), settings.confidenceLevel(), settings.method());
    double[][] f = {
      new double[fl.numStatistics()], new double[fl.numStatistics()], new double[fl.numStatistics()]
    };
    fBoot.estimate(fCells, seed, f[0], f[1], f[2]);
    // the family of the factor verdicts: the 16 error-ratio differences of this pair
    int[] family = new int[Factor.COUNT];
    for (int s = 0; s < Factor.COUNT; s++) {
      family[s] = 2 * s + 1;
    }
    double[] simLower = new double[Factor.COUNT];
    double[] simUpper = new double[Factor.COUNT];
    fBoot.simultaneousBands(family, f[0], simLower, simUpper);
    double[][] mc = metaclassIntervals ? run(ml, mCells, settings, seed) : null;

    List<SliceComparison> rows = new ArrayList<>(n);
    for (int s = 0; s < n; s++) {
      Interval errDiff;
      Interval erDiff;
      Interval erSim = nan(settings);
      if (s <= PairwiseData.OVERALL) {
        errDiff = negated(f, 2 * s, settings);
        erDiff = s < Factor.COUNT ? interval(f, 2 * s + 1, settings) : nan(settings);
        if (s < Factor.COUNT) {
          erSim =
              new Interval(
                  f[0][2 * s + 1],
                  simLower[s],
                  simUpper[s],
                  settings.confidenceLevel(),
                  settings.method());
        }
      } else {
        int m = s - PairwiseData.OVERALL - 1;
        errDiff =
            mc == null
                ? new Interval(
                    ratio(sA[s], size[s]) - ratio(sB[s], size[s]),
                    Double.NaN,
                    Double.NaN,
                    settings.confidenceLevel(),
                    settings.method())
                : negated(mc, 2 * (m * FactorCounts.COLUMNS + FactorCounts.ALL), settings);
        erDiff = nan(settings);
      }
      int onlyA = sA[s] - sBoth[s];
      int onlyB = sB[s] - sBoth[s];
      rows.add(
          new SliceComparison(
              PairwiseData.sliceName(s),
              size[s],
              ratio(sA[s], size[s]),
              ratio(sB[s], size[s]),
              onlyA,
              onlyB,
              p[s],
              size[s] == 0 ? Double.NaN : McNemar.midP(onlyA, onlyB),
              holm[s],
              bh[s],
              errDiff,
              erDiff,
              erSim,
              verdict(data.models().get(a), data.models().get(b), onlyA, onlyB, holm[s], erSim)));
    }
    return rows;
  }

  /**
   * The one verdict rule of every comparison the tool prints (pairs, one against all, the shell,
   * the explorer, {@code reproduce}): the McNemar decision at family-wise level {@value #ALPHA}
   * (Holm), then, when an error-ratio difference with an interval is given, whether that interval
   * excludes 0: pass a simultaneous band over the family the verdict speaks for (the 16 factors of
   * a pair: {@link SliceComparison#erDiffSim}), never an unadjusted interval.
   *
   * @param a model A's name
   * @param b model B's name
   * @param onlyAWrong images only A gets wrong
   * @param onlyBWrong images only B gets wrong
   * @param pHolm Holm-adjusted exact p (NaN: the slice has no images)
   * @param erDiff ER(A) − ER(B) with its interval, or null when not part of the comparison
   * @return e.g. {@code "ViT makes fewer errors; factor hurts ResNet50 relatively more"}
   */
  public static String verdict(
      String a, String b, int onlyAWrong, int onlyBWrong, double pHolm, Interval erDiff) {
    if (Double.isNaN(pHolm)) {
      return "no images";
    }
    StringBuilder sb = new StringBuilder();
    if (pHolm < ALPHA) {
      sb.append(onlyAWrong < onlyBWrong ? a : b).append(" makes fewer errors");
    } else {
      sb.append("no significant difference in errors");
    }
    if (erDiff != null
        && !Double.isNaN(erDiff.point())
        && (erDiff.lower() > 0 || erDiff.upper() < 0)) {
      sb.append(
          String.format(
              Locale.ROOT, "; factor hurts %s relatively more", erDiff.lower() > 0 ? a : b));
    }
    return sb.toString();
  }

  private static double[][] run(
      CellLayout layout, int[] cells, ZooBootstrap.Settings settings, long seed) {
    CellBootstrap boot =
        new CellBootstrap(
            layout, settings.numResamples(), settings.confidenceLevel(), settings.method());
    int k = layout.numStatistics();
    double[][] out = {new double[k], new double[k], new double[k]};
    boot.estimate(cells, seed, out[0], out[1], out[2]);
    return out;
  }

  private static Interval interval(double[][] r, int s, ZooBootstrap.Settings st) {
    return new Interval(r[0][s], r[1][s], r[2][s], st.confidenceLevel(), st.method());
  }

  /** Error difference = −(accuracy difference): negate and swap bounds. */
  private static Interval negated(double[][] r, int s, ZooBootstrap.Settings st) {
    return new Interval(-r[0][s], -r[2][s], -r[1][s], st.confidenceLevel(), st.method());
  }

  private static Interval nan(ZooBootstrap.Settings st) {
    return new Interval(Double.NaN, Double.NaN, Double.NaN, st.confidenceLevel(), st.method());
  }

  private static double ratio(int k, int n) {
    return n == 0 ? Double.NaN : (double) k / n;
  }

  /**
   * One model against every other on one slice: a row of {@code imagenetx compare A}.
   *
   * @param modelB the other model
   * @param errorA A's error rate on the slice
   * @param errorB B's error rate
   * @param onlyAWrong images only A gets wrong
   * @param onlyBWrong images only B gets wrong
   * @param pExact McNemar exact p
   * @param pMid mid-p
   * @param pHolm Holm-adjusted over the other models
   * @param pBh BH-adjusted over the other models
   * @param verdict {@link #verdict} of the row (no error-ratio part)
   */
  public record Versus(
      String modelB,
      double errorA,
      double errorB,
      int onlyAWrong,
      int onlyBWrong,
      double pExact,
      double pMid,
      double pHolm,
      double pBh,
      String verdict) {}

  /**
   * A against every other model on one slice; family = the other models. Ranked by exact p, then by
   * B's error rate, then name.
   *
   * @param data error words
   * @param a model A
   * @param slice slice index (factor, {@link PairwiseData#OVERALL} or metaclass)
   * @return one row per other model, ranked
   */
  public static List<Versus> oneVsAll(PairwiseData data, int a, int slice) {
    int models = data.models().size();
    int[] sA = data.wrongPerSlice(a);
    int size = data.sliceSizes()[slice];
    int[] onlyA = new int[models];
    int[] onlyB = new int[models];
    double[] p = new double[models];
    double[] mid = new double[models];
    Arrays.fill(p, Double.NaN);
    Arrays.fill(mid, Double.NaN);
    double[] test = new double[2];
    for (int b = 0; b < models; b++) {
      if (b == a) {
        continue;
      }
      int both = data.bothWrong(a, b, slice);
      onlyA[b] = sA[slice] - both;
      onlyB[b] = data.wrongPerSlice(b)[slice] - both;
      if (size > 0) {
        McNemar.test(onlyA[b], onlyB[b], test);
        p[b] = test[0];
        mid[b] = test[1];
      }
    }
    double[] holm = Multiplicity.holm(p);
    double[] bh = Multiplicity.benjaminiHochberg(p);
    List<Versus> rows = new ArrayList<>(models - 1);
    double errA = ratio(sA[slice], size);
    for (int b = 0; b < models; b++) {
      if (b == a) {
        continue;
      }
      double errB = ratio(sA[slice] - onlyA[b] + onlyB[b], size);
      String nameB = data.models().get(b);
      rows.add(
          new Versus(
              nameB,
              errA,
              errB,
              onlyA[b],
              onlyB[b],
              p[b],
              mid[b],
              holm[b],
              bh[b],
              verdict(data.models().get(a), nameB, onlyA[b], onlyB[b], holm[b], null)));
    }
    rows.sort(
        (x, y) -> {
          int c = Double.compare(x.pExact(), y.pExact());
          if (c == 0) {
            c = Double.compare(x.errorB(), y.errorB());
          }
          return c != 0 ? c : x.modelB().compareTo(y.modelB());
        });
    return rows;
  }
}
