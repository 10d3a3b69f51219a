package org.imagenetx.query;

import java.util.Locale;

/** What a ranking sorts on. */
public enum Metric {
  /** {@code (1 − acc_f) / (1 − average)}; lower is more robust, so rankings sort ascending. */
  ERROR_RATIO,
  /** Accuracy; higher is better, so rankings sort descending. */
  ACCURACY;

  /**
   * @return {@code error_ratio} or {@code accuracy}
   */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param key {@code error_ratio} (or {@code er}) or {@code accuracy} (or {@code acc})
   * @return the metric
   * @throws QueryException when unknown
   */
  public static Metric parse(String key) {
    String k = key.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    switch (k) {
      case "error_ratio":
      case "er":
        return ERROR_RATIO;
      case "accuracy":
      case "acc":
        return ACCURACY;
      default:
        throw new QueryException("unknown metric '" + key + "' (use error_ratio or accuracy)");
    }
  }
}
