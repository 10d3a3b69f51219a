package org.imagenetx.query;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.imagenetx.annotations.Factor;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.FactorCounts;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.resampling.Interval;
import org.imagenetx.resampling.ZooBootstrap;

/**
 * Intervals from issue 4's image bootstrap ({@link ZooBootstrap}), the same computation and seeds
 * as {@code imagenetx ratios --ci}: each model's intervals come from a one-model {@link
 * ZooBootstrap#run}, whose seed depends only on the master seed and the model's name, so they equal
 * the batch command's for every zoo the model is in.
 *
 * <p>Computed per (model, error type) on first use and cached (16 factors + overall, 3 × 34 doubles
 * per entry), so {@code show} pays one single-model bootstrap once and a ranking pays only for the
 * rows it shows (see {@link QueryEngine#MAX_RANK_INTERVALS}). Accuracies of the summary columns
 * {@code worst_factor} and {@code worst_100_classes} and the largest error ratio have no interval.
 */
public final class BootstrapIntervals implements Intervals {
  private final ZooBootstrap.Settings settings;
  private final Map<ErrorType, Map<String, ZooBootstrap.Result>> cache = new ConcurrentHashMap<>();

  /**
   * @param settings B, level, method and master seed (as {@code ratios --ci}'s options)
   */
  public BootstrapIntervals(ZooBootstrap.Settings settings) {
    this.settings = settings;
  }

  @Override
  public ZooBootstrap.Settings settings() {
    return settings;
  }

  @Override
  public Interval estimate(
      Session session, int model, ErrorType type, Kind kind, int column, double point) {
    int statistic;
    if (kind == Kind.ERROR_RATIO && column >= 0 && column < Factor.COUNT) {
      statistic = ZooBootstrap.Result.errorRatio(Factor.of(column));
    } else if (kind == Kind.ACCURACY && column >= 0 && column < Factor.COUNT) {
      statistic = ZooBootstrap.Result.accuracy(column);
    } else if (kind == Kind.ACCURACY && column == FactorTable.AVERAGE) {
      statistic = ZooBootstrap.Result.accuracy(FactorCounts.ALL);
    } else {
      return Interval.point(point);
    }
    if (Double.isNaN(point)) {
      return Interval.point(point);
    }
    ZooBootstrap.Result r = result(session, model, type);
    // the point stays the session's (the batch tables'); the bounds are the bootstrap's
    return new Interval(
        point,
        r.lower()[0][statistic],
        r.upper()[0][statistic],
        settings.confidenceLevel(),
        settings.method());
  }

  /** The model's bootstrap, computed once per (model name, error type). */
  ZooBootstrap.Result result(Session session, int model, ErrorType type) {
    String name = session.models().get(model);
    return cache
        .computeIfAbsent(type, t -> new ConcurrentHashMap<>())
        .computeIfAbsent(
            name,
            n ->
                ZooBootstrap.run(
                    session.dataset(),
                    new Pairwise.TwoModels(session, model),
                    session.selection(),
                    type,
                    false,
                    settings,
                    1));
  }

  /**
   * @return models × error types cached so far
   */
  public int cachedModels() {
    int n = 0;
    for (Map<String, ZooBootstrap.Result> m : cache.values()) {
      n += m.size();
    }
    return n;
  }
}
