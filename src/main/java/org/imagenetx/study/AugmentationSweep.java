package org.imagenetx.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.hipparchus.stat.inference.TTest;
import org.imagenetx.annotations.Factor;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.io.BadInputException;

/**
 * How one augmentation's strength moves each factor's error ratio, over a sweep of models trained
 * at many strengths (the study's "spill-over" analysis).
 *
 * <p>The published statistic per factor ({@link Effect#t()}): fit a cubic of error ratio on
 * strength over every model of the kept levels, evaluate it at each kept level, take the level
 * where it is lowest and the level where it is highest, and run Welch's t-test between the models
 * trained at those two levels, signed so that a positive t means the error ratio is lower at the
 * stronger of the two (the augmentation helps the factor). Levels with {@link
 * #MIN_MODELS_PER_LEVEL} − 1 models or fewer are dropped first. Beyond it: least-squares lines of
 * error ratio and of accuracy on strength.
 *
 * @param augmentation which augmentation
 * @param models the sweep's models in table order, those of dropped levels included
 * @param strength per model, its strength (same order as {@code models})
 * @param levels kept strength levels, ascending
 * @param levelCounts models per kept level
 * @param droppedLevels strength levels dropped for having too few models, ascending
 * @param table the sweep's accuracies (rows = {@code models})
 * @param effects per factor, in canonical order
 * @param averageAccuracy the line of overall accuracy ({@code average}) on strength
 */
public record AugmentationSweep(
    Augmentation augmentation,
    List<AugmentationModel> models,
    double[] strength,
    double[] levels,
    int[] levelCounts,
    double[] droppedLevels,
    FactorTable table,
    List<Effect> effects,
    LinearFit averageAccuracy) {

  /** A level needs at least this many models to be kept (the study drops levels with ≤ 4). */
  public static final int MIN_MODELS_PER_LEVEL = 5;

  /** Confidence level of the slope intervals. */
  public static final double CONFIDENCE = 0.95;

  /**
   * One factor's response to the augmentation.
   *
   * @param factor the factor
   * @param cubic the cubic of error ratio on strength
   * @param lowLevel strength where the fitted cubic is lowest among kept levels
   * @param highLevel strength where it is highest
   * @param weakMean mean error ratio at the weaker of the two levels
   * @param strongMean mean error ratio at the stronger of the two levels
   * @param weakCount models at the weaker level
   * @param strongCount models at the stronger level
   * @param t Welch's t, (weak − strong) / SE: positive = error ratio lower with stronger
   *     augmentation
   * @param df Welch–Satterthwaite degrees of freedom
   * @param pValue two-sided p-value of t
   * @param errorRatio least-squares line of error ratio on strength
   * @param accuracy least-squares line of factor accuracy on strength
   */
  public record Effect(
      Factor factor,
      CubicFit cubic,
      double lowLevel,
      double highLevel,
      double weakMean,
      double strongMean,
      int weakCount,
      int strongCount,
      double t,
      double df,
      double pValue,
      LinearFit errorRatio,
      LinearFit accuracy) {}

  /**
   * @param augmentation which augmentation the table sweeps
   * @param full the sweep's accuracies, e.g. {@code results/val/top_factor/crop/class/…} (a {@value
   *     #HUMAN} row is dropped)
   * @param source the table's file, for errors
   * @return the sweep
   * @throws BadInputException when a model name does not parse or lacks the strength parameter
   *     (line = the row's line in a file without blank lines), or when fewer than two levels are
   *     kept
   */
  public static AugmentationSweep compute(
      Augmentation augmentation, FactorTable full, String source) {
    // the real_class tables carry a "human" row (the original label as a prediction); upstream
    // drops it before parsing the sweep's model names
    FactorTable table = withoutHuman(full);
    int n = table.size();
    List<AugmentationModel> models = new ArrayList<>(n);
    double[] strength = new double[n];
    TreeMap<Double, Integer> counts = new TreeMap<>();
    for (int r = 0; r < n; r++) {
      AugmentationModel m;
      try {
        m = AugmentationModel.parse(table.models().get(r));
      } catch (IllegalArgumentException e) {
        throw new BadInputException(source, sourceLine(full, table, r), e.getMessage());
      }
      strength[r] = augmentation.strength(m);
      if (Double.isNaN(strength[r])) {
        throw new BadInputException(
            source,
            sourceLine(full, table, r),
            "model " + m.model() + " has no " + augmentation.param() + " value in its name");
      }
      models.add(m);
      counts.merge(strength[r], 1, Integer::sum);
    }
    List<Double> kept = new ArrayList<>();
    List<Double> dropped = new ArrayList<>();
    counts.forEach((s, c) -> (c >= MIN_MODELS_PER_LEVEL ? kept : dropped).add(s));
    if (kept.size() < 2) {
      throw new BadInputException(
          source,
          0,
          "fewer than two "
              + augmentation.key()
              + " strength levels with "
              + MIN_MODELS_PER_LEVEL
              + " or more models");
    }
    double[] levels = kept.stream().mapToDouble(Double::doubleValue).toArray();
    int[] levelCounts = new int[levels.length];
    int[] keptRows = new int[n];
    int numKept = 0;
    for (int r = 0; r < n; r++) {
      int l = Arrays.binarySearch(levels, strength[r]);
      if (l >= 0) {
        levelCounts[l]++;
        keptRows[numKept++] = r;
      }
    }
    keptRows = Arrays.copyOf(keptRows, numKept);
    double[] x = new double[numKept];
    double[] avg = new double[numKept];
    for (int i = 0; i < numKept; i++) {
      x[i] = strength[keptRows[i]];
      avg[i] = table.get(keptRows[i], FactorTable.AVERAGE);
    }
    List<Effect> effects = new ArrayList<>();
    for (Factor f : Factor.values()) {
      effects.add(effect(f, table, keptRows, x, levels));
    }
    return new AugmentationSweep(
        augmentation,
        List.copyOf(models),
        strength,
        levels,
        levelCounts,
        dropped.stream().mapToDouble(Double::doubleValue).toArray(),
        table,
        List.copyOf(effects),
        LinearFit.of(x, avg, CONFIDENCE));
  }

  /** The row named {@value #HUMAN} in the real_class tables: not a trained model. */
  public static final String HUMAN = "human";

  private static FactorTable withoutHuman(FactorTable t) {
    int h = t.models().indexOf(HUMAN);
    if (h < 0) {
      return t;
    }
    return t.select(IntStream.range(0, t.size()).filter(r -> r != h).toArray());
  }

  /** Line of row {@code r} of {@code kept} in the file of {@code full} (header = line 1). */
  private static long sourceLine(FactorTable full, FactorTable kept, int r) {
    return full.models().indexOf(kept.models().get(r)) + 2L;
  }

  private static Effect effect(
      Factor f, FactorTable table, int[] keptRows, double[] x, double[] levels) {
    int n = keptRows.length;
    double[] er = new double[n];
    double[] acc = new double[n];
    int numFinite = 0;
    for (int i = 0; i < n; i++) {
      er[i] = table.errorRatio(keptRows[i], f);
      acc[i] = table.get(keptRows[i], f.ordinal());
      if (Double.isFinite(er[i])) {
        numFinite++;
      }
    }
    double[] fx = new double[numFinite];
    double[] fy = new double[numFinite];
    int j = 0;
    for (int i = 0; i < n; i++) {
      if (Double.isFinite(er[i])) {
        fx[j] = x[i];
        fy[j++] = er[i];
      }
    }
    CubicFit cubic = CubicFit.of(fx, fy, (int) Arrays.stream(fx).distinct().count());
    int lo = 0;
    int hi = 0;
    for (int l = 1; l < levels.length; l++) {
      double v = cubic.value(levels[l]);
      if (v < cubic.value(levels[lo])) {
        lo = l;
      }
      if (v > cubic.value(levels[hi])) {
        hi = l;
      }
    }
    double weak = levels[Math.min(lo, hi)];
    double strong = levels[Math.max(lo, hi)];
    double[] a = at(fx, fy, weak);
    double[] b = at(fx, fy, strong);
    double t = Double.NaN;
    double p = Double.NaN;
    double df = Double.NaN;
    if (lo != hi && a.length >= 2 && b.length >= 2) {
      TTest test = new TTest();
      t = test.t(a, b);
      p = test.tTest(a, b);
      df = welchDf(a, b);
    }
    return new Effect(
        f,
        cubic,
        levels[lo],
        levels[hi],
        CubicFit.mean(a),
        CubicFit.mean(b),
        a.length,
        b.length,
        t,
        df,
        p,
        LinearFit.of(x, er, CONFIDENCE),
        LinearFit.of(x, acc, CONFIDENCE));
  }

  private static double[] at(double[] x, double[] y, double level) {
    int c = 0;
    for (double v : x) {
      if (v == level) {
        c++;
      }
    }
    double[] out = new double[c];
    int j = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i] == level) {
        out[j++] = y[i];
      }
    }
    return out;
  }

  /** Welch–Satterthwaite degrees of freedom. */
  static double welchDf(double[] a, double[] b) {
    double va = variance(a) / a.length;
    double vb = variance(b) / b.length;
    return (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
  }

  private static double variance(double[] v) {
    double m = CubicFit.mean(v);
    double ss = 0;
    for (double x : v) {
      ss += (x - m) * (x - m);
    }
    return ss / (v.length - 1);
  }

  /**
   * The study's spill-over summary, by the published rule: rank the factors whose t-test has p
   * below {@code alpha} by t; the {@code k} highest are "helped" and the {@code k} lowest "hurt",
   * whatever their sign. When fewer than {@code 2k} factors are significant the two lists overlap
   * (a factor with p &lt; alpha and t &lt; 0 can be among the "helped" when fewer than k have t
   * &gt; 0): that is the published table, read with the sign of t.
   *
   * @param alpha significance threshold, e.g. 0.05
   * @param k how many per side, e.g. 3
   * @return {helped (highest t first), hurt (lowest t first)}
   */
  public List<List<Effect>> spillOver(double alpha, int k) {
    List<Effect> significant = new ArrayList<>();
    for (Effect e : effects) {
      if (e.pValue() < alpha) {
        significant.add(e);
      }
    }
    List<Effect> helped = new ArrayList<>(significant);
    helped.sort(Comparator.comparingDouble(Effect::t).reversed());
    List<Effect> hurt = new ArrayList<>(significant);
    hurt.sort(Comparator.comparingDouble(Effect::t));
    return List.of(
        List.copyOf(helped.subList(0, Math.min(k, helped.size()))),
        List.copyOf(hurt.subList(0, Math.min(k, hurt.size()))));
  }

  /**
   * @return the strongest kept level
   */
  public double highestLevel() {
    return levels[levels.length - 1];
  }

  /**
   * @param level a strength
   * @return rows of {@link #table()} trained at that strength
   */
  public int[] rowsAt(double level) {
    return IntStream.range(0, strength.length).filter(r -> strength[r] == level).toArray();
  }
}
