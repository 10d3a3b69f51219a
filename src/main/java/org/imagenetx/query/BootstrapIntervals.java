package org.imagenetx.query;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.imagenetx.annotations.Factor;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.FactorCounts;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.resampling.Interval;
import org.imagenetx.resampling.ProfileStatistic;
import org.imagenetx.resampling.ZooBootstrap;

/**
 * Intervals from issue 4's image bootstrap ({@link ZooBootstrap}), the same computation and seeds
 * as {@code imagenetx ratios --ci}: each model's intervals come from a one-model {@link
 * ZooBootstrap#run}, whose seed depends only on the master seed and the model's name, so they equal
 * the batch command's for every zoo the model is in.
 *
 * <p>Computed per (model, error type) on first use and cached (16 factors + overall, 3 × 34 doubles
 * per entry), so {@code show} pays one single-model bootstrap once and a ranking pays only for the
 * rows it shows (see {@link QueryEngine#MAX_RANK_INTERVALS}). The worst factor's accuracy and the
 * largest error ratio come from the same bootstrap, resampling all factors together ({@link
 * ProfileStatistic}); {@code worst_100_classes} has no interval.
 */
public final class BootstrapIntervals implements Intervals {
  /** Profile statistics of every model's bootstrap, coded {@code -(index + 1)}. */
  private static final List<ProfileStatistic> PROFILE =
      List.of(ProfileStatistic.worstFactor(), ProfileStatistic.largestRatio());

  private static final int WORST_FACTOR = -1;
  private static final int LARGEST_RATIO = -2;

  private final ZooBootstrap.Settings settings;
  private final Map<ErrorType, Map<String, ZooBootstrap.Result>> cache = new ConcurrentHashMap<>();
  private final Map<ErrorType, Map<String, ZooBootstrap.Result>> profileCache =
      new ConcurrentHashMap<>();

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
    } else if (column == FactorTable.WORST_FACTOR) {
      statistic = kind == Kind.ACCURACY ? WORST_FACTOR : LARGEST_RATIO;
    } else {
      return Interval.point(point);
    }
    if (Double.isNaN(point)) {
      return Interval.point(point);
    }
    ZooBootstrap.Result r;
    if (statistic < 0) {
      r = profile(session, model, type);
      statistic = r.profile(-statistic - 1);
    } else {
      r = result(session, model, type);
    }
    // the point stays the session's (the batch tables'); the bounds are the bootstrap's
    return new Interval(
        point,
        r.lower()[0][statistic],
        r.upper()[0][statistic],
        settings.confidenceLevel(),
        settings.method());
  }

  /** The model's bootstrap, computed once per (model name, error type): as {@code ratios --ci}. */
  ZooBootstrap.Result result(Session session, int model, ErrorType type) {
    return cached(cache, session, model, type, List.of());
  }

  /**
   * The model's joint bootstrap with its profile statistics, once per (model name, error type): as
   * {@code ratios --ci --largest-ratio}, separate from {@link #result} because the multi selection
   * draws it over the joint patterns, so its per-factor bounds differ from {@code ratios --ci}'s.
   */
  private ZooBootstrap.Result profile(Session session, int model, ErrorType type) {
    return cached(profileCache, session, model, type, PROFILE);
  }

  private ZooBootstrap.Result cached(
      Map<ErrorType, Map<String, ZooBootstrap.Result>> in,
      Session session,
      int model,
      ErrorType type,
      List<ProfileStatistic> profile) {
    return in.computeIfAbsent(type, t -> new ConcurrentHashMap<>())
        .computeIfAbsent(
            session.models().get(model),
            n ->
                ZooBootstrap.run(
                    session.dataset(),
                    new Pairwise.TwoModels(session, model),
                    session.selection(),
                    type,
                    settings,
                    1,
                    profile));
  }

  /**
   * @return models × error types cached so far
   */
  public int cachedModels() {
    return size(cache);
  }

  /**
   * @return models × error types with a joint (profile) bootstrap cached so far
   */
  int cachedProfiles() {
    return size(profileCache);
  }

  private static int size(Map<ErrorType, Map<String, ZooBootstrap.Result>> cache) {
    int n = 0;
    for (Map<String, ZooBootstrap.Result> m : cache.values()) {
      n += m.size();
    }
    return n;
  }
}
