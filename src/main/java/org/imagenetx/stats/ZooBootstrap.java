package org.imagenetx.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.bits.Words;
import org.imagenetx.zoo.Zoo;

/**
 * Bootstrap intervals for every model of a zoo: accuracy and error ratio per factor and overall
 * (or per metaclass). Models run in parallel, one {@link CellBootstrap} and one set of buffers per
 * thread; each model's seed is {@link CellBootstrap#seed}{@code (masterSeed, model name)}, so the
 * output is identical for any thread count.
 */
public final class ZooBootstrap {
  /** Settings of a bootstrap run. */
  public record Settings(int numResamples, double confidenceLevel, IntervalMethod method, long masterSeed) {
    /** B = 1,000, 95 %, percentile, seed 42. */
    public static Settings defaults() {
      return new Settings(1000, 0.95, IntervalMethod.PERCENTILE, 42L);
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
   */
  public record Result(
      List<String> models, CellLayout layout, Settings settings, double[][] point, double[][] lower, double[][] upper) {
    /**
     * @param model row
     * @param statistic index
     * @return the interval
     */
    public Interval interval(int model, int statistic) {
      return new Interval(
          point[model][statistic], lower[model][statistic], upper[model][statistic],
          settings.confidenceLevel(), settings.method());
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
  }

  private ZooBootstrap() {}

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
      Dataset dataset, Zoo zoo, FactorSelection selection, ErrorType type, boolean byMetaclass,
      Settings settings, int threads) {
    PatternCells cells = PatternCells.of(dataset, selection);
    CellLayout layout = cells.layout(byMetaclass, 1);
    int numModels = zoo.size();
    int stats = layout.numStatistics();
    double[][] point = new double[numModels][stats];
    double[][] lower = new double[numModels][stats];
    double[][] upper = new double[numModels][stats];
    List<String> names = zoo.models();
    int n = dataset.index().size();
    AtomicInteger next = new AtomicInteger();
    int workers = Math.max(1, Math.min(threads, numModels));
    ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "imagenetx-bootstrap");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        futures.add(pool.submit(() -> {
          CellBootstrap boot =
              new CellBootstrap(layout, settings.numResamples(), settings.confidenceLevel(), settings.method());
          short[] pred = new short[n];
          long[] correct = new long[Words.numWords(n)];
          long[] covered = new long[Words.numWords(n)];
          int[] counts = new int[layout.numCells()];
          int m;
          while ((m = next.getAndIncrement()) < numModels) {
            int missing = zoo.readClasses(m, pred);
            CorrectWords.compute(dataset, cells.evaluated(), pred, type, correct);
            if (missing > 0) {
              CorrectWords.covered(pred, cells.evaluated(), n, covered);
            }
            cells.cells(correct, missing > 0 ? covered : null, byMetaclass, counts);
            boot.estimate(
                counts, CellBootstrap.seed(settings.masterSeed(), names.get(m)), point[m], lower[m], upper[m]);
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
    return new Result(names, layout, settings, point, lower, upper);
  }
}
