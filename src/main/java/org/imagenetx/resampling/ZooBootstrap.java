package org.imagenetx.resampling;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.bits.Lanes;
import org.imagenetx.bits.Words;
import org.imagenetx.evaluation.CorrectWords;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.FactorCounts;
import org.imagenetx.parallel.Workers;
import org.imagenetx.zoo.Zoo;

/**
 * Bootstrap intervals for every model of a zoo: accuracy and error ratio per factor and overall (or
 * per metaclass). Models run in parallel, one {@link CellBootstrap} and one set of buffers per
 * thread; each model's seed is {@link CellBootstrap#seed}{@code (masterSeed, model name)}, so the
 * output is identical for any thread count.
 */
public final class ZooBootstrap {
  /** Settings of a bootstrap run. */
  public record Settings(
      int numResamples, double confidenceLevel, IntervalMethod method, long masterSeed) {
    /**
     * The one default master seed of every bootstrap of the tool ({@code ratios --ci}, {@code
     * compare}, {@code study}, {@code reproduce}, the shell and the explorer): 42, the seed the
     * image bootstrap had from its first release, so the most widely used intervals did not move
     * when the commands were given one default.
     */
    public static final long DEFAULT_SEED = 42L;

    /** Default bootstrap resamples B. */
    public static final int DEFAULT_RESAMPLES = 1000;

    /** Default two-sided confidence level. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    /** B = 1,000, 95 %, percentile, seed {@value #DEFAULT_SEED}. */
    public static Settings defaults() {
      return new Settings(
          DEFAULT_RESAMPLES, DEFAULT_CONFIDENCE, IntervalMethod.PERCENTILE, DEFAULT_SEED);
    }

    /**
     * @param unit what is resampled, e.g. {@code images}
     * @return one line for table notes, e.g. {@code 95% percentile bootstrap over images, B=1000,
     *     seed 42}
     */
    public String describe(String unit) {
      return String.format(
          Locale.ROOT,
          "%s%% %s bootstrap over %s, B=%d, seed %d",
          new BigDecimal(Double.toString(confidenceLevel * 100))
              .stripTrailingZeros()
              .toPlainString(),
          method.key(),
          unit,
          numResamples,
          masterSeed);
    }
  }

  /**
   * Results as parallel arrays {@code [model][statistic]} (statistics in {@link
   * CellLayout#numStatistics()} order).
   *
   * @param models model names, zoo order
   * @param layout the cell layout (groups and statistics)
   * @param settings how they were computed
   * @param point point estimates
   * @param lower lower bounds
   * @param upper upper bounds
   * @param profile profile statistics asked for, after the layout's statistics in each row (index
   *     {@link #profile(int)})
   */
  public record Result(
      List<String> models,
      CellLayout layout,
      Settings settings,
      double[][] point,
      double[][] lower,
      double[][] upper,
      List<ProfileStatistic> profile) {
    /**
     * @param model a model name
     * @return its row, -1 when it has none (e.g. the {@code human} row of a table): a binary
     *     search, since rows are in zoo order (sorted by name), with a scan as the fallback
     */
    public int indexOf(String model) {
      int i = Collections.binarySearch(models, model);
      return i >= 0 ? i : models.indexOf(model);
    }

    /**
     * @param model row
     * @param statistic index
     * @return the interval
     */
    public Interval interval(int model, int statistic) {
      return new Interval(
          point[model][statistic],
          lower[model][statistic],
          upper[model][statistic],
          settings.confidenceLevel(),
          settings.method());
    }

    /**
     * @param k index into {@link #profile()}
     * @return the statistic index of that profile statistic in the rows
     */
    public int profile(int k) {
      return layout.numStatistics() + k;
    }

    /**
     * @param column factor ordinal or {@link FactorCounts#ALL} (factor layout)
     * @return statistic index of that column's accuracy
     */
    public static int accuracy(int column) {
      return 2 * column;
    }

    /**
     * @param factor factor
     * @return statistic index of its error ratio (factor layout)
     */
    public static int errorRatio(Factor factor) {
      return 2 * factor.ordinal() + 1;
    }

    /**
     * @param metaclass metaclass number
     * @param factor factor
     * @return statistic index of the factor's error ratio within the metaclass (per-metaclass
     *     layout: relative to that metaclass's own error rate)
     */
    public static int metaclassErrorRatio(int metaclass, Factor factor) {
      return 2 * (metaclass * FactorCounts.COLUMNS + factor.ordinal()) + 1;
    }
  }

  private ZooBootstrap() {}

  /**
   * Joint cells cost one binomial per (pattern, correct?) cell; the multi selection has hundreds of
   * patterns. Each statistic alone, though, depends only on 4 counts — (has f?, correct?) — whose
   * law under image resampling is exactly Multinomial(N; those 4 shares): the same argument as for
   * the joint cells, applied to the coarser partition. So for many patterns, 16 bootstraps of 4
   * cells (64 binomials per replicate) replace one of 2·P cells. The marginal intervals are
   * identical in law; only the dependence between factors across replicates, which no output uses,
   * differs. Marginal mode is used when it needs fewer draws.
   */
  static boolean useMarginal(int numPatterns) {
    return 2 * numPatterns > MARGINAL_CELLS;
  }

  /** Binomials per replicate in marginal mode: 16 factors × 4 cells. */
  static final int MARGINAL_CELLS = 4 * Factor.COUNT;

  /** Per-thread state of marginal mode: one 4-cell bootstrap per factor. */
  static final class Marginal {
    private final int[] patterns;
    private final CellBootstrap[] boots = new CellBootstrap[Factor.COUNT];
    private final int[] four = new int[4];
    private final double[] p;
    private final double[] lo;
    private final double[] hi;

    Marginal(int[] patterns, Settings settings) {
      this.patterns = patterns;
      // Two groups (factor, all) instead of 17: BootstrapBenchmark MULTI spent most of its time in
      // the 15 empty groups of a factors({0, 1 << f}) layout.
      for (int f = 0; f < Factor.COUNT; f++) {
        boots[f] =
            new CellBootstrap(
                CellLayout.singleFactor(1),
                settings.numResamples(),
                settings.confidenceLevel(),
                settings.method());
      }
      int stats = boots[0].layout().numStatistics();
      p = new double[stats];
      lo = new double[stats];
      hi = new double[stats];
    }

    private void copy(int from, int to, double[] point, double[] lower, double[] upper) {
      point[to] = p[from];
      lower[to] = lo[from];
      upper[to] = hi[from];
    }

    /** Fills the factor-layout statistics of one model from its joint pattern cells. */
    void estimate(
        int[] counts,
        long masterSeed,
        String model,
        double[] point,
        double[] lower,
        double[] upper) {
      for (int f = 0; f < Factor.COUNT; f++) {
        Arrays.fill(four, 0);
        for (int q = 0; q < patterns.length; q++) {
          int slot = (patterns[q] & (1 << f)) != 0 ? 1 : 0;
          four[2 * slot] += counts[2 * q];
          four[2 * slot + 1] += counts[2 * q + 1];
        }
        boots[f].estimate(four, CellBootstrap.seed(masterSeed, model + "#" + f), p, lo, hi);
        copy(0, 2 * f, point, lower, upper);
        copy(1, 2 * f + 1, point, lower, upper);
        if (f == 0) {
          copy(2, 2 * FactorCounts.ALL, point, lower, upper);
          copy(3, 2 * FactorCounts.ALL + 1, point, lower, upper);
        }
      }
    }
  }

  /**
   * @param dataset annotations
   * @param zoo predictions
   * @param selection factor selection
   * @param type error type
   * @param byMetaclass per-metaclass groups instead of the factor table
   * @param settings B, level, method, seed
   * @param threads workers (≥ 1)
   * @return intervals per model
   */
  public static Result run(
      Dataset dataset,
      Zoo zoo,
      FactorSelection selection,
      ErrorType type,
      boolean byMetaclass,
      Settings settings,
      int threads) {
    return run(dataset, zoo, selection, type, byMetaclass, settings, threads, false, List.of());
  }

  /**
   * As {@link #run} on the factor table, plus intervals of profile statistics (worst factor,
   * largest error ratio, contrasts of two factors). These need one bootstrap over the joint factor
   * patterns, so the multi selection runs joint cells here (one binomial per (pattern, correct?)
   * cell) instead of the per-factor shortcut; the per-factor intervals have the same law either
   * way, and the same values when the selection is top.
   *
   * @param dataset annotations
   * @param zoo predictions
   * @param selection factor selection
   * @param type error type
   * @param settings B, level, method, seed
   * @param threads workers (≥ 1)
   * @param profile the profile statistics, in {@link Result#profile(int)} order
   * @return intervals per model
   */
  public static Result run(
      Dataset dataset,
      Zoo zoo,
      FactorSelection selection,
      ErrorType type,
      Settings settings,
      int threads,
      List<ProfileStatistic> profile) {
    return run(dataset, zoo, selection, type, false, settings, threads, false, profile);
  }

  /**
   * As {@link #run} on the factor table, but each model's 16 error-ratio intervals are max-|t|
   * simultaneous bands ({@link CellBootstrap#simultaneousBands}) from the same resamples: all 16
   * cover together at the confidence level, so "the band excludes 1" is a family-wise statement
   * over the model's factors (what a figure that fades bars on it needs). Accuracy intervals are
   * the marginal ones.
   *
   * @param dataset annotations
   * @param zoo predictions
   * @param selection factor selection
   * @param type error type
   * @param settings B, level, method, seed
   * @param threads workers (≥ 1)
   * @return intervals per model, error ratios as simultaneous bands
   */
  public static Result runSimultaneous(
      Dataset dataset,
      Zoo zoo,
      FactorSelection selection,
      ErrorType type,
      Settings settings,
      int threads) {
    return run(dataset, zoo, selection, type, false, settings, threads, true, List.of());
  }

  private static Result run(
      Dataset dataset,
      Zoo zoo,
      FactorSelection selection,
      ErrorType type,
      boolean byMetaclass,
      Settings settings,
      int threads,
      boolean simultaneous,
      List<ProfileStatistic> profile) {
    PatternCells cells = PatternCells.of(dataset, selection);
    ProfileStatistic[] profiles = profile.toArray(new ProfileStatistic[0]);
    CellLayout layout = cells.layout(byMetaclass, 1);
    // the bands need the replicates, which the marginal shortcut does not keep
    boolean marginal =
        !byMetaclass
            && !simultaneous
            && profiles.length == 0
            && useMarginal(cells.patterns().length);
    int[] family = ProfileStatistic.factors(true);
    int numModels = zoo.size();
    int stats = layout.numStatistics();
    int width = stats + profiles.length;
    double[][] point = new double[numModels][width];
    double[][] lower = new double[numModels][width];
    double[][] upper = new double[numModels][width];
    List<String> names = zoo.models();
    int n = dataset.index().size();
    AtomicInteger next = new AtomicInteger();
    int workers = Math.max(1, Math.min(threads, numModels));
    Workers.run(
        workers,
        "imagenetx-bootstrap",
        () -> {
          CellBootstrap boot =
              new CellBootstrap(
                  layout, settings.numResamples(), settings.confidenceLevel(), settings.method());
          Marginal margins = marginal ? new Marginal(cells.patterns(), settings) : null;
          CorrectWords words = new CorrectWords(dataset, cells.evaluated());
          long[] pred = new long[Lanes.numLongs(n)];
          long[] correct = new long[Words.numWords(n)];
          long[] covered = new long[Words.numWords(n)];
          int[] counts = new int[layout.numCells()];
          double[] pp = new double[profiles.length];
          double[] pl = new double[profiles.length];
          double[] pu = new double[profiles.length];
          int m;
          while ((m = next.getAndIncrement()) < numModels) {
            int missing = zoo.readPacked(m, pred);
            words.compute(pred, type, correct);
            if (missing > 0) {
              words.covered(pred, covered);
            }
            cells.cells(correct, missing > 0 ? covered : null, byMetaclass, counts);
            if (marginal) {
              margins.estimate(
                  counts, settings.masterSeed(), names.get(m), point[m], lower[m], upper[m]);
            } else {
              boot.estimate(
                  counts,
                  CellBootstrap.seed(settings.masterSeed(), names.get(m)),
                  point[m],
                  lower[m],
                  upper[m]);
              if (profiles.length > 0) {
                boot.estimateProfile(counts, profiles, point[m], pp, pl, pu);
                System.arraycopy(pp, 0, point[m], stats, profiles.length);
                System.arraycopy(pl, 0, lower[m], stats, profiles.length);
                System.arraycopy(pu, 0, upper[m], stats, profiles.length);
              }
              if (simultaneous) {
                double[] lo = new double[family.length];
                double[] hi = new double[family.length];
                boot.simultaneousBands(family, point[m], lo, hi);
                for (int i = 0; i < family.length; i++) {
                  lower[m][family[i]] = lo[i];
                  upper[m][family[i]] = hi[i];
                }
              }
            }
          }
          return null;
        });
    return new Result(names, layout, settings, point, lower, upper, List.copyOf(profile));
  }
}
