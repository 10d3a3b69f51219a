package org.imagenetx.resampling;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.imagenetx.evaluation.ErrorRatio;

/**
 * Nonparametric bootstrap over images, computed on cell counts.
 *
 * <p><b>Why resampling cells is the image bootstrap.</b> Every statistic here (accuracy per factor,
 * average, error ratio, their paired differences) is a function of the data only through the number
 * of images in each cell of a {@link CellLayout}: images of the same cell are interchangeable.
 * Drawing N images with replacement, each draw picks cell k with probability {@code n_k/N},
 * independently; the number of draws landing in each cell is therefore Multinomial(N; n₁/N, …,
 * n_K/N) — and that vector is all the statistic sees. So drawing the cell counts from that
 * multinomial gives the statistic exactly the same distribution as the per-image bootstrap, at a
 * cost of K binomial draws per replicate instead of N uniforms. {@code
 * CellBootstrapEquivalenceTest} checks it by exact enumeration on tiny inputs and by a two-sample
 * Kolmogorov–Smirnov test on larger ones.
 *
 * <p>The multinomial is drawn by sequential conditional binomials ({@code x_k ~ Bin(N − Σ_{j<k}
 * x_j, n_k / Σ_{j≥k} n_j)}) with the exact {@link BinomialSampler}.
 *
 * <p>Replicates whose statistic is undefined (a factor absent from the resample, or an overall
 * error of zero under an error ratio) are left out of the interval; with B = 1,000 and factors of ≥
 * 100 images this does not happen in practice.
 *
 * <p>Not thread-safe: owns per-thread buffers reused across calls (no allocation per replicate).
 * Results depend only on the seed passed to {@link #estimate}, never on threads.
 */
public final class CellBootstrap {
  private final CellLayout layout;
  private final int numResamples;
  private final double confidenceLevel;
  private final IntervalMethod method;

  private final int[] remaining;
  private final int[] slotDraws;
  private final int[] slotTotal;
  private final int[] slotCorrect;
  private final int[] groupTotals;
  private final int[] groupCorrects;
  private final long[] groupTotal;
  private final long[] groupCorrect;
  private final double[] statistics;
  private final double[] replicates;
  private final double[] jackknife;
  private final double[] scratch;
  private final double[] bounds = new double[2];

  /**
   * @param layout cells and groups
   * @param numResamples B (≥ 1)
   * @param confidenceLevel two-sided level in (0, 1), e.g. 0.95
   * @param method percentile or BCa
   */
  public CellBootstrap(
      CellLayout layout, int numResamples, double confidenceLevel, IntervalMethod method) {
    if (numResamples < 1) {
      throw new IllegalArgumentException("need at least 1 resample, got " + numResamples);
    }
    if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
      throw new IllegalArgumentException(
          "confidence level must be in (0, 1), got " + confidenceLevel);
    }
    this.layout = layout;
    this.numResamples = numResamples;
    this.confidenceLevel = confidenceLevel;
    this.method = method;
    int stats = layout.numStatistics();
    this.remaining = new int[numResamples];
    this.slotDraws = new int[layout.cellsPerSlot() * numResamples];
    this.slotTotal = new int[numResamples];
    this.slotCorrect = new int[layout.numModels() * numResamples];
    this.groupTotals = new int[layout.numGroups() * numResamples];
    this.groupCorrects = new int[layout.numGroups() * layout.numModels() * numResamples];
    this.groupTotal = new long[layout.numGroups()];
    this.groupCorrect = new long[layout.numGroups() * layout.numModels()];
    this.statistics = new double[stats];
    this.replicates = new double[stats * numResamples];
    this.jackknife = method == IntervalMethod.BCA ? new double[layout.numCells() * stats] : null;
    this.scratch = new double[numResamples];
  }

  /**
   * @return the layout
   */
  public CellLayout layout() {
    return layout;
  }

  /**
   * @return B
   */
  public int numResamples() {
    return numResamples;
  }

  /**
   * @return the two-sided confidence level
   */
  public double confidenceLevel() {
    return confidenceLevel;
  }

  /**
   * @return percentile or BCa
   */
  public IntervalMethod method() {
    return method;
  }

  /**
   * Point estimates and intervals of every statistic of the layout ({@link
   * CellLayout#numStatistics()} order).
   *
   * @param cells image count per cell ({@link CellLayout#numCells()} entries, not modified)
   * @param seed seed of this estimate (derive it with {@link #seed})
   * @param point output, point estimates
   * @param lower output, lower bounds
   * @param upper output, upper bounds
   */
  public void estimate(int[] cells, long seed, double[] point, double[] lower, double[] upper) {
    int stats = layout.numStatistics();
    evaluate(cells, point);
    resample(cells, seed);
    if (method == IntervalMethod.BCA) {
      jackknife(cells);
    }
    for (int s = 0; s < stats; s++) {
      double theta = point[s];
      if (Double.isNaN(theta)) {
        lower[s] = Double.NaN;
        upper[s] = Double.NaN;
        continue;
      }
      int n = 0;
      for (int b = 0, off = s * numResamples; b < numResamples; b++) {
        double v = replicates[off + b];
        if (!Double.isNaN(v)) {
          scratch[n++] = v;
        }
      }
      if (n == 0) {
        lower[s] = Double.NaN;
        upper[s] = Double.NaN;
        continue;
      }
      double acc =
          method == IntervalMethod.BCA
              ? Quantiles.acceleration(jackknife, s, stats, cells, cells.length)
              : 0;
      Quantiles.bounds(scratch, n, theta, confidenceLevel, method, acc, bounds);
      lower[s] = bounds[0];
      upper[s] = bounds[1];
    }
  }

  /**
   * Intervals of profile statistics (functions of all the layout's statistics at once: the worst
   * factor, the largest error ratio, a contrast of two factors), from the replicates of the last
   * {@link #estimate} on the same cells (no new resampling): each replicate's statistics come from
   * one resample of the images, so the function sees the factors jointly. A smooth statistic gets
   * the quantiles of its replicates (BCa: acceleration from the function of each cell's
   * leave-one-out statistics); a maximum or minimum gets the extreme of the max-|t| simultaneous
   * bands of its family (see {@link ProfileStatistic}), with an exact Clopper–Pearson band for a
   * member whose images are all right or all wrong. The intervals carry the run's method as their
   * label, though an extreme's comes from bands. One-model layouts.
   *
   * @param cells the cells of the last {@link #estimate} (not modified)
   * @param profile the statistics, each a function of one model's statistics
   * @param statisticsPoint the point estimates of the last {@link #estimate}
   * @param point output, one per profile statistic
   * @param lower output
   * @param upper output
   */
  public void estimateProfile(
      int[] cells,
      ProfileStatistic[] profile,
      double[] statisticsPoint,
      double[] point,
      double[] lower,
      double[] upper) {
    if (layout.numModels() != 1) {
      throw new IllegalArgumentException("profile statistics need a one-model layout");
    }
    int stats = layout.numStatistics();
    double[] row = new double[stats];
    double[] leaveOneOut = method == IntervalMethod.BCA ? new double[cells.length] : null;
    for (int k = 0; k < profile.length; k++) {
      ProfileStatistic f = profile[k];
      double theta = f.of(statisticsPoint);
      point[k] = theta;
      lower[k] = Double.NaN;
      upper[k] = Double.NaN;
      if (Double.isNaN(theta)) {
        continue;
      }
      if (f.extremeOf() != null) {
        extremeBounds(cells, f, statisticsPoint, k, lower, upper);
        continue;
      }
      int n = 0;
      for (int b = 0; b < numResamples; b++) {
        for (int s = 0; s < stats; s++) {
          row[s] = replicates[s * numResamples + b];
        }
        double v = f.of(row);
        if (!Double.isNaN(v)) {
          scratch[n++] = v;
        }
      }
      if (n == 0) {
        continue;
      }
      double acc = 0;
      if (leaveOneOut != null) {
        for (int c = 0; c < cells.length; c++) {
          if (cells[c] > 0) {
            System.arraycopy(jackknife, c * stats, row, 0, stats);
            leaveOneOut[c] = f.of(row);
          }
        }
        acc = Quantiles.acceleration(leaveOneOut, 0, 1, cells, cells.length);
      }
      Quantiles.bounds(scratch, n, theta, confidenceLevel, method, acc, bounds);
      lower[k] = bounds[0];
      upper[k] = bounds[1];
    }
  }

  /**
   * [extreme of the lower bands, extreme of the upper bands] over the family. Members whose group
   * has every image right or every image wrong are degenerate: every resample repeats them, so the
   * bootstrap sees no uncertainty where a small group has much. They get the exact Clopper–Pearson
   * band of their accuracy instead (closed form at k = 0 and k = n), and an error ratio the band of
   * {@code (1 − accuracy) / (1 − overall accuracy)} at the overall point. The error rate is split
   * Bonferroni-wise: with K defined members of which m are degenerate, the max-|t| bands of the
   * others at level {@code 1 − α(K − m)/K} and each exact band at {@code 1 − α/K}, so all cover
   * together with probability at least {@code 1 − α}. Accuracy bands are clipped to [0, 1], error
   * ratios to ≥ 0.
   */
  private void extremeBounds(
      int[] cells,
      ProfileStatistic f,
      double[] statisticsPoint,
      int k,
      double[] lower,
      double[] upper) {
    int[] family = f.extremeOf();
    evaluate(cells, statistics); // group totals and corrects of these cells
    double overall = statisticsPoint[2 * (layout.numGroups() - 1)];
    int defined = 0;
    int degenerate = 0;
    boolean[] exact = new boolean[family.length];
    for (int i = 0; i < family.length; i++) {
      if (Double.isNaN(statisticsPoint[family[i]])) {
        continue;
      }
      defined++;
      int g = family[i] / 2;
      exact[i] = groupCorrect[g] == 0 || groupCorrect[g] == groupTotal[g];
      degenerate += exact[i] ? 1 : 0;
    }
    if (defined == 0) {
      return;
    }
    double alpha = 1 - confidenceLevel;
    int[] smooth = new int[defined - degenerate];
    for (int i = 0, j = 0; i < family.length; i++) {
      if (!Double.isNaN(statisticsPoint[family[i]]) && !exact[i]) {
        smooth[j++] = family[i];
      }
    }
    double[] lo = new double[smooth.length];
    double[] hi = new double[smooth.length];
    if (smooth.length > 0) {
      double level = degenerate == 0 ? confidenceLevel : 1 - alpha * smooth.length / defined;
      bands(smooth, statisticsPoint, level, lo, hi);
    }
    double l = Double.NaN;
    double u = Double.NaN;
    for (int i = 0, j = 0; i < family.length; i++) {
      int s = family[i];
      double p = statisticsPoint[s];
      if (Double.isNaN(p)) {
        continue;
      }
      double a;
      double b;
      boolean accuracy = s % 2 == 0;
      if (exact[i]) {
        int g = s / 2;
        long n = groupTotal[g];
        double tail = Math.pow(alpha / defined / 2, 1.0 / n);
        double accLo = groupCorrect[g] == 0 ? 0 : tail;
        double accHi = groupCorrect[g] == 0 ? 1 - tail : 1;
        a = accuracy ? accLo : (1 - accHi) / (1 - overall);
        b = accuracy ? accHi : (1 - accLo) / (1 - overall);
      } else {
        // a member without spread among the others (e.g. the overall) is its own band
        a = Double.isNaN(lo[j]) ? p : lo[j];
        b = Double.isNaN(hi[j]) ? p : hi[j];
        j++;
      }
      if (accuracy) {
        a = Math.max(0, Math.min(1, a));
        b = Math.max(0, Math.min(1, b));
      } else {
        a = Math.max(0, a);
        b = Math.max(0, b);
      }
      if (Double.isNaN(l)) {
        l = a;
        u = b;
      } else if (f.largest()) {
        l = Math.max(l, a);
        u = Math.max(u, b);
      } else {
        l = Math.min(l, a);
        u = Math.min(u, b);
      }
    }
    lower[k] = l;
    upper[k] = u;
  }

  /**
   * Simultaneous bands over a family of statistics, from the replicates of the last {@link
   * #estimate} (same seed, no new resampling): each statistic's bootstrap standard error {@code
   * se}, per replicate the largest studentized deviation {@code max |θ*ₛ − θₛ| / seₛ} over the
   * family, and its quantile {@code c} at the confidence level; the bands are {@code θₛ ± c·seₛ}.
   * All of them cover together with the stated level (max-|t| bands), so a decision that a band
   * excludes a value is family-wise at 1 − level. Statistics with a NaN point or no spread get NaN
   * bands and stay out of the maximum.
   *
   * @param family indices of the statistics of the family
   * @param point the point estimates of the last {@link #estimate}
   * @param lower output, lower band per statistic of {@code family} (same order)
   * @param upper output, upper band
   * @return the critical value c (NaN when no statistic of the family has spread)
   */
  public double simultaneousBands(int[] family, double[] point, double[] lower, double[] upper) {
    return bands(family, point, confidenceLevel, lower, upper);
  }

  private double bands(int[] family, double[] point, double level, double[] lower, double[] upper) {
    int k = family.length;
    double[] se = new double[k];
    for (int i = 0; i < k; i++) {
      int off = family[i] * numResamples;
      double sum = 0;
      double sq = 0;
      int n = 0;
      for (int b = 0; b < numResamples; b++) {
        double v = replicates[off + b];
        if (!Double.isNaN(v)) {
          sum += v;
          sq += v * v;
          n++;
        }
      }
      double var = n < 2 ? Double.NaN : (sq - sum * sum / n) / (n - 1);
      se[i] = Double.isNaN(point[family[i]]) || !(var > 0) ? Double.NaN : Math.sqrt(var);
    }
    int m = 0;
    for (int b = 0; b < numResamples; b++) {
      double max = Double.NaN;
      for (int i = 0; i < k; i++) {
        double v = replicates[family[i] * numResamples + b];
        if (!Double.isNaN(se[i]) && !Double.isNaN(v)) {
          double z = Math.abs(v - point[family[i]]) / se[i];
          max = Double.isNaN(max) ? z : Math.max(max, z);
        }
      }
      if (!Double.isNaN(max)) {
        scratch[m++] = max;
      }
    }
    double c = Double.NaN;
    if (m > 0) {
      Arrays.sort(scratch, 0, m);
      c = scratch[Math.min(m - 1, Math.max(0, (int) Math.ceil(level * m) - 1))];
    }
    for (int i = 0; i < k; i++) {
      double p = point[family[i]];
      lower[i] = Double.isNaN(se[i]) || Double.isNaN(c) ? Double.NaN : p - c * se[i];
      upper[i] = Double.isNaN(se[i]) || Double.isNaN(c) ? Double.NaN : p + c * se[i];
    }
    return c;
  }

  /**
   * Convenience form of {@link #estimate} for one statistic.
   *
   * @param cells counts per cell
   * @param seed seed
   * @param statistic index into the layout's statistics
   * @return the interval
   */
  public Interval interval(int[] cells, long seed, int statistic) {
    int stats = layout.numStatistics();
    double[] p = new double[stats];
    double[] lo = new double[stats];
    double[] hi = new double[stats];
    estimate(cells, seed, p, lo, hi);
    return new Interval(p[statistic], lo[statistic], hi[statistic], confidenceLevel, method);
  }

  /**
   * A seed for one estimate, from the run's master seed and a key naming what is estimated (e.g.
   * the model or pair names), so that results do not depend on the order or thread that computes
   * them, nor on which other models are in the zoo.
   *
   * @param masterSeed the user's seed
   * @param key names of the model(s)
   * @return the seed
   */
  public static long seed(long masterSeed, String key) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < key.length(); i++) {
      h = (h ^ key.charAt(i)) * 0x100000001b3L;
    }
    return mix64(masterSeed ^ mix64(h));
  }

  /** Stafford's variant 13 of the MurmurHash3 finalizer (as in {@link SplittableRandom}). */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /**
   * Fills {@link #replicates} (statistic-major) with B replicates, <em>cell-major</em>: the draws
   * of one cell are made for all B replicates in one loop (same success probability {@code n_k /
   * mass}, each replicate's own remaining count), then the slot's counts are added to its groups
   * for all B at once. The B draws of a loop are independent of each other, so the processor can
   * overlap them, and the constants of the cell's probability are computed once ({@link
   * BinomialSampler#drawAll}); replicate by replicate, each draw waited for the one before (its
   * remaining count). Measured on a paired bootstrap of two models (64 joint cells, B = 1,000, one
   * thread): 8.5 ms replicate-major with BTPE; 7.3 cell-major; 5.4 with BTRS; 5.0 with
   * two-selection bounds; 4.5 with the hoisted constants.
   */
  private void resample(int[] cells, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int reps = numResamples;
    long n = 0;
    for (int c : cells) {
      n += c;
    }
    Arrays.fill(remaining, (int) n);
    Arrays.fill(groupTotals, 0);
    Arrays.fill(groupCorrects, 0);
    int models = layout.numModels();
    int cps = layout.cellsPerSlot();
    int[] start = layout.slotGroupStart();
    int[] members = layout.slotGroups();
    long mass = n;
    for (int slot = 0, slots = layout.numSlots(); slot < slots; slot++) {
      int base = slot * cps;
      long slotSize = 0;
      for (int k = 0; k < cps; k++) {
        int nk = cells[base + k];
        slotSize += nk;
        int off = k * reps;
        if (nk == 0) {
          Arrays.fill(slotDraws, off, off + reps, 0);
        } else if (nk == mass) {
          System.arraycopy(remaining, 0, slotDraws, off, reps);
          Arrays.fill(remaining, 0);
        } else {
          BinomialSampler.drawAll(rng, (double) nk / mass, remaining, slotDraws, off, reps);
        }
        mass -= nk;
      }
      if (slotSize == 0) {
        continue; // no draws land in an empty slot
      }
      // the slot's images and correct answers per replicate: cells (bit 0 = A correct, bit 1 = B)
      for (int b = 0; b < reps; b++) {
        if (models == 1) {
          slotTotal[b] = slotDraws[b] + slotDraws[reps + b];
          slotCorrect[b] = slotDraws[reps + b];
        } else {
          int d1 = slotDraws[reps + b];
          int d2 = slotDraws[2 * reps + b];
          int d3 = slotDraws[3 * reps + b];
          slotTotal[b] = slotDraws[b] + d1 + d2 + d3;
          slotCorrect[b] = d1 + d3;
          slotCorrect[reps + b] = d2 + d3;
        }
      }
      for (int i = start[slot], e = start[slot + 1]; i < e; i++) {
        int g = members[i];
        add(groupTotals, g * reps, slotTotal, 0, reps);
        add(groupCorrects, g * reps, slotCorrect, 0, reps);
        if (models == 2) {
          add(groupCorrects, (layout.numGroups() + g) * reps, slotCorrect, reps, reps);
        }
      }
    }
    int groups = layout.numGroups();
    int[] ref = layout.reference();
    for (int g = 0; g < groups; g++) {
      int go = g * reps;
      int ro = ref[g] * reps;
      int outAcc = 2 * g * reps;
      int outEr = outAcc + reps;
      if (models == 1) {
        for (int b = 0; b < reps; b++) {
          double acc = ratio(groupCorrects[go + b], groupTotals[go + b]);
          replicates[outAcc + b] = acc;
          replicates[outEr + b] =
              ErrorRatio.of(acc, ratio(groupCorrects[ro + b], groupTotals[ro + b]));
        }
      } else {
        int gb = groups * reps;
        for (int b = 0; b < reps; b++) {
          double accA = ratio(groupCorrects[go + b], groupTotals[go + b]);
          double accB = ratio(groupCorrects[gb + go + b], groupTotals[go + b]);
          double erA = ErrorRatio.of(accA, ratio(groupCorrects[ro + b], groupTotals[ro + b]));
          double erB = ErrorRatio.of(accB, ratio(groupCorrects[gb + ro + b], groupTotals[ro + b]));
          replicates[outAcc + b] = accA - accB;
          replicates[outEr + b] = erA - erB;
        }
      }
    }
  }

  private static void add(int[] dst, int dstOff, int[] src, int srcOff, int len) {
    for (int i = 0; i < len; i++) {
      dst[dstOff + i] += src[srcOff + i];
    }
  }

  /**
   * The statistics of one vector of cell counts.
   *
   * @param cells counts per cell
   * @param out {@link CellLayout#numStatistics()} values
   */
  void evaluate(int[] cells, double[] out) {
    int groups = layout.numGroups();
    int models = layout.numModels();
    int cps = layout.cellsPerSlot();
    int[] start = layout.slotGroupStart();
    int[] members = layout.slotGroups();
    Arrays.fill(groupTotal, 0);
    Arrays.fill(groupCorrect, 0);
    for (int slot = 0, slots = layout.numSlots(); slot < slots; slot++) {
      int base = slot * cps;
      int total;
      int correctA;
      int correctB = 0;
      if (models == 1) {
        total = cells[base] + cells[base + 1];
        correctA = cells[base + 1];
      } else {
        total = cells[base] + cells[base + 1] + cells[base + 2] + cells[base + 3];
        correctA = cells[base + 1] + cells[base + 3];
        correctB = cells[base + 2] + cells[base + 3];
      }
      if (total == 0) {
        continue;
      }
      for (int i = start[slot], e = start[slot + 1]; i < e; i++) {
        int g = members[i];
        groupTotal[g] += total;
        groupCorrect[g] += correctA;
        if (models == 2) {
          groupCorrect[groups + g] += correctB;
        }
      }
    }
    int[] ref = layout.reference();
    for (int g = 0; g < groups; g++) {
      int r = ref[g];
      double accA = ratio(groupCorrect[g], groupTotal[g]);
      double erA = ErrorRatio.of(accA, ratio(groupCorrect[r], groupTotal[r]));
      if (models == 1) {
        out[2 * g] = accA;
        out[2 * g + 1] = erA;
      } else {
        double accB = ratio(groupCorrect[groups + g], groupTotal[g]);
        double erB = ErrorRatio.of(accB, ratio(groupCorrect[groups + r], groupTotal[r]));
        out[2 * g] = accA - accB;
        out[2 * g + 1] = erA - erB;
      }
    }
  }

  private static double ratio(long correct, long total) {
    return total == 0 ? Double.NaN : (double) correct / total;
  }

  /** Leave-one-image-out values: one per non-empty cell, shared by the cell's images. */
  private void jackknife(int[] cells) {
    int stats = layout.numStatistics();
    for (int c = 0; c < cells.length; c++) {
      if (cells[c] == 0) {
        continue;
      }
      cells[c]--;
      evaluate(cells, statistics);
      cells[c]++;
      System.arraycopy(statistics, 0, jackknife, c * stats, stats);
    }
  }

  /**
   * Jackknife acceleration of one statistic (tests; needs a BCa instance).
   *
   * @param cells counts per cell
   * @param statistic index
   * @return a
   */
  double jackknifeAcceleration(int[] cells, int statistic) {
    jackknife(cells);
    return Quantiles.acceleration(
        jackknife, statistic, layout.numStatistics(), cells, cells.length);
  }

  /**
   * Replicates of one statistic from the last {@link #estimate} call (tests).
   *
   * @param statistic index
   * @return a copy of the B values
   */
  double[] replicates(int statistic) {
    double[] out = new double[numResamples];
    System.arraycopy(replicates, statistic * numResamples, out, 0, numResamples);
    return out;
  }
}
