package org.imagenetx.query;

import java.nio.file.Path;
import java.util.List;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.words.TermKind;

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

  /**
   * The images of an image-set expression ({@link org.imagenetx.images.ImageSets}): a count, or a
   * page of the listing.
   *
   * @param expression the expression, e.g. {@code texture and wrong:ViT and right:ResNet50}
   * @param models models whose predictions the rows show; empty = the models the expression names
   * @param type error type of {@code wrong:}/{@code right:} atoms without {@code @type}
   * @param offset rows of the set to skip (≥ 0)
   * @param limit rows to return (≥ 0)
   * @param countOnly only the count, no rows
   */
  record Images(
      String expression,
      List<String> models,
      ErrorType type,
      int offset,
      int limit,
      boolean countOnly)
      implements Query {
    /**
     * @param expression expression
     * @param models models (copied)
     * @param type error type
     * @param offset offset
     * @param limit limit
     * @param countOnly count only
     */
    public Images {
      models = List.copyOf(models);
    }
  }

  /**
   * A model's most frequent (true → predicted) pairs among its errors in an image set.
   *
   * @param expression the image set
   * @param model the model
   * @param type error type (of the atoms and of what counts as an error)
   * @param metaclass pairs of metaclasses instead of classes
   * @param top rows to return (≥ 1)
   */
  record Confusions(String expression, String model, ErrorType type, boolean metaclass, int top)
      implements Query {}

  /**
   * The annotators' words over-represented among the mistakes of a model (or of a group: images all
   * of them get wrong, against images all of them get right) in an image set.
   *
   * @param expression the image set
   * @param models one model, or a group
   * @param type error type
   * @param text {@code one_word} terms or {@code justification} tokens
   * @param minSupport fewest images a term must describe to be tested (≥ 1)
   * @param top rows to return (≥ 1)
   */
  record Words(
      String expression,
      List<String> models,
      ErrorType type,
      TermKind text,
      int minSupport,
      int top)
      implements Query {
    /**
     * @param expression expression
     * @param models models (copied)
     * @param type error type
     * @param text which text
     * @param minSupport minimum support
     * @param top rows
     */
    public Words {
      models = List.copyOf(models);
    }
  }
}
