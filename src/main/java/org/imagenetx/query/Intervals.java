package org.imagenetx.query;

import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.resampling.Interval;
import org.imagenetx.resampling.ZooBootstrap;

/**
 * Where a query's intervals come from. Queries always carry the exact point estimate of the batch
 * tables; an implementation adds bounds (the bootstrap of {@code org.imagenetx.resampling}),
 * typically computed per model on first use and cached, so a ranking pays only for the rows it
 * shows.
 */
public interface Intervals {
  /** Which statistic of a column. */
  enum Kind {
    /** Accuracy of a {@link org.imagenetx.evaluation.FactorTable} column. */
    ACCURACY,
    /** Error ratio of a factor; with the column {@code worst_factor}, the largest error ratio. */
    ERROR_RATIO
  }

  /**
   * Bootstrap settings of this source, also used for the paired intervals of {@code compare} (which
   * always has them, as {@code imagenetx compare A B} does).
   *
   * @return B, level, method, master seed; {@link ZooBootstrap.Settings#defaults()} unless
   *     overridden
   */
  default ZooBootstrap.Settings settings() {
    return ZooBootstrap.Settings.defaults();
  }

  /** Point estimates only (bounds NaN). */
  Intervals NONE = (session, model, type, kind, column, point) -> Interval.point(point);

  /**
   * Point estimates only, but {@code compare}'s paired intervals with these settings.
   *
   * @param settings bootstrap settings for {@code compare}
   * @return an interval source without intervals
   */
  static Intervals pointsOnly(ZooBootstrap.Settings settings) {
    return new Intervals() {
      @Override
      public ZooBootstrap.Settings settings() {
        return settings;
      }

      @Override
      public Interval estimate(
          Session session, int model, ErrorType type, Kind kind, int column, double point) {
        return Interval.point(point);
      }
    };
  }

  /**
   * @param session the session
   * @param model model id
   * @param type error type
   * @param kind accuracy or error ratio
   * @param column FactorTable column (factor ordinal for error ratios); -1 for a statistic without
   *     interval (the largest error ratio)
   * @param point the point estimate from the session's tables
   * @return the estimate, whose point must equal {@code point}
   */
  Interval estimate(
      Session session, int model, ErrorType type, Kind kind, int column, double point);
}
