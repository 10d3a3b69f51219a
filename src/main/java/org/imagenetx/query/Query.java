package org.imagenetx.query;

import java.nio.file.Path;
import org.imagenetx.evaluation.ErrorType;

/**
 * One question to a {@link Session}, as typed in the shell, passed to {@code imagenetx query}, or
 * sent to the explorer's JSON API. Parsed by {@link QueryParser}, answered by {@link QueryEngine}.
 */
public sealed interface Query {
  /**
   * Models ranked on one column.
   *
   * @param by a factor column, {@code average}, {@code worst_factor} or {@code worst_100_classes}
   * @param metric error ratio (ascending: most robust first) or accuracy (descending); null = the
   *     column's natural one (error ratio for factors, accuracy for the summary columns, as in the
   *     upstream table); worst_factor with error ratio ranks on the largest factor error ratio
   * @param type error type
   * @param group group name or model-name glob, or null for all models
   * @param top rows to return (≥ 1), or 0 for all
   */
  record Rank(String by, Metric metric, ErrorType type, String group, int top) implements Query {}

  /**
   * One model's full report.
   *
   * @param model model name
   * @param type error type
   */
  record Show(String model, ErrorType type) implements Query {}

  /**
   * Models whose 16-factor error-ratio profile is closest to one model's.
   *
   * @param model model name
   * @param type error type
   * @param top rows to return
   * @param byCosine order by cosine instead of Spearman
   */
  record Similar(String model, ErrorType type, int top, boolean byCosine) implements Query {}

  /**
   * Two models side by side, per factor and overall.
   *
   * @param a first model
   * @param b second model
   * @param type error type
   */
  record Compare(String a, String b, ErrorType type) implements Query {}

  /**
   * Adds a model from a prediction CSV to the session.
   *
   * @param csv the file
   * @param type error type of the rank report
   */
  record Add(Path csv, ErrorType type) implements Query {}

  /**
   * Mean error ratio per factor for every group.
   *
   * @param type error type
   */
  record Groups(ErrorType type) implements Query {}

  /**
   * Model names matching a glob.
   *
   * @param glob pattern, {@code *} for all
   */
  record Models(String glob) implements Query {}

  /** The query language's help. */
  record Help() implements Query {}
}
