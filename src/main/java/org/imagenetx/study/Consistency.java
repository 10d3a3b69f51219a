package org.imagenetx.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.stat.interval.BinomialProportion;
import org.hipparchus.stat.interval.ConfidenceInterval;
import org.imagenetx.annotations.Factor;
import org.imagenetx.compare.RankCorrelation;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.resampling.Interval;
import org.imagenetx.resampling.UnitBootstrap;
import org.imagenetx.resampling.ZooBootstrap;

/**
 * How consistent the failure modes are across models: per factor, the share of models whose error
 * ratio exceeds 1 (the factor hurts them more than their average); per model, Spearman's ρ between
 * its 16-factor error-ratio profile and the pooled profile (the mean error ratio of each factor
 * over the models), summarised by the median, the minimum and the share of models with ρ ≥ {@value
 * #HIGH}. Ranks average ties (as scipy's {@code spearmanr}; {@link RankCorrelation}).
 *
 * <p>The share of models above 1 on a factor is a binomial proportion of independent units (each
 * model's error ratio is its own, whatever the other models are): its interval is the Wilson score
 * interval ({@link #wilson}). A percentile bootstrap of that 0/1 mean is degenerate at 0 and 1
 * (every resample of models that all exceed 1 has share 1, so the interval is [1, 1]), which is
 * where most factors are; the Wilson interval is not. The median ρ and the high share are
 * bootstrapped by {@link UnitBootstrap}, recomputing the pooled profile on every resample: ρ is
 * computed against that profile, so a model's ρ depends on which other models are drawn, and the
 * high share, although a proportion, is not one of independent units (no binomial interval applies
 * to it). The minimum has no bootstrap interval (a resample's minimum is never below it). Models
 * with a non-finite error ratio on any factor are left out and counted.
 *
 * @param modelSet which models, e.g. {@code published} or {@code all_zoos}
 * @param models the models used, in table order
 * @param dropped models left out for a non-finite error ratio
 * @param spearman ρ of each model of {@code models} with the pooled profile of all of them
 * @param shareAboveOne per factor (ordinal), the share of models with error ratio &gt; 1 and its
 *     Wilson score interval (method null: not a bootstrap)
 * @param medianSpearman median ρ over models
 * @param minSpearman minimum ρ over models
 * @param shareHigh share of models with ρ ≥ {@value #HIGH}
 */
public record Consistency(
    String modelSet,
    List<String> models,
    int dropped,
    double[] spearman,
    Interval[] shareAboveOne,
    Interval medianSpearman,
    double minSpearman,
    Interval shareHigh) {

  /** The ρ above which a model's profile counts as consistent with the pooled one. */
  public static final double HIGH = 0.8;

  /**
   * How far below a value ρ may fall by floating-point rounding and still count as that value: ρ
   * over 16 factors is rational, and its exact values (such as 0.8) may be computed a few ulps low.
   */
  public static final double TOLERANCE = 1e-12;

  /** Copies the arrays: the record stays immutable. */
  public Consistency {
    models = List.copyOf(models);
    spearman = spearman.clone();
    shareAboveOne = shareAboveOne.clone();
  }

  /**
   * @return ρ of each model of {@link #models()} (a copy)
   */
  @Override
  public double[] spearman() {
    return spearman.clone();
  }

  /**
   * @return per factor (ordinal), the share of models with error ratio &gt; 1 and its Wilson score
   *     interval (a copy)
   */
  @Override
  public Interval[] shareAboveOne() {
    return shareAboveOne.clone();
  }

  /**
   * @param modelSet a name for the models, part of every bootstrap key
   * @param table their error ratios
   * @param settings bootstrap over models (the median ρ and the high share), whose confidence level
   *     the shares' Wilson intervals take too
   * @return the consistency of their failure modes
   */
  public static Consistency compute(
      String modelSet, FactorTable table, ZooBootstrap.Settings settings) {
    List<String> models = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    int dropped = 0;
    for (int r = 0; r < table.size(); r++) {
      double[] er = new double[Factor.COUNT];
      boolean finite = true;
      for (Factor f : Factor.values()) {
        er[f.ordinal()] = table.errorRatio(r, f);
        finite &= Double.isFinite(er[f.ordinal()]);
      }
      if (finite) {
        models.add(table.models().get(r));
        rows.add(er);
      } else {
        dropped++;
      }
    }
    int n = rows.size();
    double[][] er = rows.toArray(new double[0][]);
    double[][] ranks = new double[n][];
    for (int m = 0; m < n; m++) {
      ranks[m] = RankCorrelation.ranks(er[m]);
    }
    int[] all = new int[n];
    Arrays.setAll(all, i -> i);
    double[] rho = spearmanToPooled(er, ranks, all, n);
    Interval[] shares = new Interval[Factor.COUNT];
    for (Factor f : Factor.values()) {
      int above = 0;
      for (int m = 0; m < n; m++) {
        above += er[m][f.ordinal()] > 1 ? 1 : 0;
      }
      shares[f.ordinal()] = wilson(above, n, settings.confidenceLevel());
    }
    Interval median =
        UnitBootstrap.interval(
            n,
            (units, count) -> median(spearmanToPooled(er, ranks, units, count)),
            settings,
            "consistency|" + modelSet + "|median_spearman");
    Interval high =
        UnitBootstrap.interval(
            n,
            (units, count) -> shareHigh(spearmanToPooled(er, ranks, units, count)),
            settings,
            "consistency|" + modelSet + "|share_spearman_high");
    double min = Double.NaN;
    for (double r : rho) {
      min = Double.isNaN(min) ? r : Math.min(min, r);
    }
    return new Consistency(modelSet, models, dropped, rho, shares, median, min, high);
  }

  /**
   * The Wilson score interval of a binomial proportion (Hipparchus' {@link
   * BinomialProportion#getWilsonScoreInterval}): with p̂ = k/n and z the standard normal quantile
   * at (1 + level)/2, {@code (p̂ + z²/2n ± z·sqrt(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n)}. Its bound
   * at k = 0 is exactly 0 and at k = n exactly 1, and is set so: the computed formula reaches it
   * only up to rounding, on either side (4.9e-17 for 0 of 3, 0.9999999999999999 for 13 of 13),
   * which would put the bound past the point.
   *
   * @param k successes
   * @param n trials (≥ 0)
   * @param confidenceLevel two-sided level in (0, 1)
   * @return k/n with its interval, method null (not a bootstrap); NaN point and bounds for n = 0
   */
  static Interval wilson(int k, int n, double confidenceLevel) {
    if (n == 0) {
      return new Interval(Double.NaN, Double.NaN, Double.NaN, confidenceLevel, null);
    }
    double p = (double) k / n;
    ConfidenceInterval ci = BinomialProportion.getWilsonScoreInterval(n, p, confidenceLevel);
    double lower = k == 0 ? 0 : ci.getLowerBound();
    double upper = k == n ? 1 : ci.getUpperBound();
    return new Interval(p, lower, upper, confidenceLevel, null);
  }

  /**
   * ρ of each sampled model with the pooled profile of the sample (repeats count as often as they
   * are drawn).
   */
  private static double[] spearmanToPooled(double[][] er, double[][] ranks, int[] units, int n) {
    double[] pooled = new double[Factor.COUNT];
    for (int i = 0; i < n; i++) {
      double[] row = er[units[i]];
      for (int f = 0; f < Factor.COUNT; f++) {
        pooled[f] += row[f];
      }
    }
    for (int f = 0; f < Factor.COUNT; f++) {
      pooled[f] /= n;
    }
    double[] pooledRanks = RankCorrelation.ranks(pooled);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = RankCorrelation.pearson(ranks[units[i]], pooledRanks);
    }
    return out;
  }

  /** The median of the finite values (the mean of the two middle ones for an even count). */
  static double median(double[] v) {
    double[] s = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
    int k = s.length;
    if (k == 0) {
      return Double.NaN;
    }
    return k % 2 == 1 ? s[k / 2] : (s[k / 2 - 1] + s[k / 2]) / 2;
  }

  /**
   * The share of ρ ≥ {@value #HIGH}. ρ over 16 factors is rational and often exactly 0.8 (Σd² = 136
   * without ties), which floating point may compute a few ulps low: values within {@value
   * #TOLERANCE} below count.
   */
  static double shareHigh(double[] v) {
    int n = 0;
    int hit = 0;
    for (double x : v) {
      if (Double.isFinite(x)) {
        n++;
        hit += isHigh(x) ? 1 : 0;
      }
    }
    return n == 0 ? Double.NaN : (double) hit / n;
  }

  /**
   * @param rho a model's ρ with the pooled profile
   * @return whether it counts as ρ ≥ {@value #HIGH} (values within {@value #TOLERANCE} below count,
   *     see {@link #shareHigh})
   */
  public static boolean isHigh(double rho) {
    return rho >= HIGH - TOLERANCE;
  }

  /**
   * @param model a model of {@link #models()}
   * @return its ρ with the pooled profile
   */
  public double spearmanOf(String model) {
    return spearman[models.indexOf(model)];
  }
}
