package org.imagenetx.query;

import java.util.List;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.compare.SliceComparison;
import org.imagenetx.confusions.ConfusionTable;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.images.ImageListing;
import org.imagenetx.images.ImageSet;
import org.imagenetx.resampling.Interval;
import org.imagenetx.resampling.ZooBootstrap;
import org.imagenetx.words.WordTable;

/**
 * What queries return: plain records, so both front ends (tables in the shell, JSON in the
 * explorer) render the same numbers. Undefined values are NaN; every estimate is an {@link
 * Interval} carrying its confidence level and method, with NaN bounds when no interval was
 * computed.
 */
public final class Results {
  private Results() {}

  /**
   * One row of a ranking.
   *
   * @param rank 1-based position among the ranked models (ties broken by name)
   * @param model model name
   * @param value the ranked value with its interval
   * @param average the model's overall accuracy
   */
  public record RankRow(int rank, String model, Interval value, double average) {}

  /**
   * @param by ranked column
   * @param metric error ratio or accuracy
   * @param type error type
   * @param group group or glob, null for all
   * @param numRanked models ranked
   * @param rows the top rows
   */
  public record Ranking(
      String by, Metric metric, ErrorType type, String group, int numRanked, List<RankRow> rows)
      implements QueryResult {
    /**
     * @return the name of the ranked value's column in tables and JSON: {@code error_ratio}, {@code
     *     max_error_ratio} (the error ratio of {@code worst_factor}) or {@code accuracy}
     */
    public String valueColumn() {
      return metric == Metric.ERROR_RATIO
          ? (by.equals("worst_factor") ? "max_error_ratio" : "error_ratio")
          : "accuracy";
    }
  }

  /**
   * One factor of a model report.
   *
   * @param factor factor column name
   * @param accuracy accuracy on images with the factor
   * @param errorRatio error ratio
   * @param rank rank of the error ratio among all session models, 1 = lowest (most robust)
   * @param n images with the factor that the model answered (the cell behind the ratio)
   * @param small whether the cell is too small to read ({@link
   *     org.imagenetx.evaluation.SmallCells})
   */
  public record FactorLine(
      String factor, Interval accuracy, Interval errorRatio, int rank, int n, boolean small) {}

  /**
   * One metaclass of a model report.
   *
   * @param metaclass metaclass name
   * @param accuracy 16 factor accuracies (NaN where the metaclass has no image with the factor)
   * @param worstFactor lowest defined factor accuracy
   * @param average accuracy over the metaclass
   * @param n images per factor (canonical order) in the metaclass that the model answered
   * @param small per factor, whether the cell is too small to read ({@link
   *     org.imagenetx.evaluation.SmallCells})
   */
  public record MetaclassLine(
      String metaclass,
      double[] accuracy,
      double worstFactor,
      double average,
      int[] n,
      boolean[] small) {}

  /**
   * A model's full report.
   *
   * @param model name
   * @param type error type
   * @param numModels models in the session (rank denominator)
   * @param factors the 16 factors, canonical order
   * @param average overall accuracy
   * @param averageRank rank of the overall accuracy, 1 = highest
   * @param worstFactor lowest factor accuracy
   * @param worst100Classes pooled accuracy of the 100 worst classes
   * @param metaclasses the 17 metaclasses, study order
   * @param weakest the three factors with the highest error ratio, highest first
   */
  public record ModelReport(
      String model,
      ErrorType type,
      int numModels,
      List<FactorLine> factors,
      Interval average,
      int averageRank,
      double worstFactor,
      double worst100Classes,
      List<MetaclassLine> metaclasses,
      List<String> weakest)
      implements QueryResult {}

  /**
   * @param rank 1-based
   * @param model neighbour
   * @param spearman Spearman correlation of the two 16-factor error-ratio profiles
   * @param cosine cosine similarity of the profiles' excess error {@code ER − 1}
   */
  public record Neighbour(int rank, String model, double spearman, double cosine) {}

  /**
   * @param model the query model
   * @param type error type
   * @param orderedBy {@code spearman} or {@code cosine}
   * @param rows nearest first
   */
  public record Similarity(String model, ErrorType type, String orderedBy, List<Neighbour> rows)
      implements QueryResult {}

  /**
   * Two models compared as {@code imagenetx compare A B} compares them.
   *
   * @param a first model
   * @param b second model
   * @param type error type
   * @param selection factor selection
   * @param rows 16 factors, {@code overall}, then the 17 metaclasses: the rows of {@code imagenetx
   *     compare A B}
   * @param errorRatioA A's error ratio per factor from the session tables (canonical order)
   * @param errorRatioB B's error ratio per factor
   * @param settings the paired bootstrap's settings
   * @param metaclassIntervals whether the metaclass rows' error differences have intervals
   */
  public record Comparison(
      String a,
      String b,
      ErrorType type,
      FactorSelection selection,
      List<SliceComparison> rows,
      double[] errorRatioA,
      double[] errorRatioB,
      ZooBootstrap.Settings settings,
      boolean metaclassIntervals)
      implements QueryResult {
    /** Copies the list and arrays: one comparison is shared by every caller that asks for it. */
    public Comparison {
      rows = List.copyOf(rows);
      errorRatioA = errorRatioA.clone();
      errorRatioB = errorRatioB.clone();
    }

    /**
     * @return A's error ratio per factor (a copy)
     */
    @Override
    public double[] errorRatioA() {
      return errorRatioA.clone();
    }

    /**
     * @return B's error ratio per factor (a copy)
     */
    @Override
    public double[] errorRatioB() {
      return errorRatioB.clone();
    }
  }

  /**
   * @param model the added model
   * @param report its report, ranks among the session including it
   */
  public record Added(String model, ModelReport report) implements QueryResult {}

  /**
   * @param group group name
   * @param models models in the group
   * @param average mean overall accuracy over the group's models
   * @param errorRatio mean error ratio per factor over the group's models (canonical order)
   */
  public record GroupLine(String group, int models, double average, double[] errorRatio) {}

  /**
   * @param type error type
   * @param rows one per group, sorted by name
   */
  public record GroupSummary(ErrorType type, List<GroupLine> rows) implements QueryResult {}

  /**
   * Every model's error-ratio profile (the explorer's heatmap).
   *
   * @param type error type
   * @param models names
   * @param errorRatio {@code [model][factor]}
   * @param average overall accuracy per model
   */
  public record Matrix(ErrorType type, List<String> models, double[][] errorRatio, double[] average)
      implements QueryResult {}

  /**
   * @param models matching names
   */
  public record ModelList(List<String> models) implements QueryResult {}

  /**
   * @param text help text
   */
  public record HelpText(String text) implements QueryResult {}

  /**
   * The images of an expression: its count, and a page of rows unless only the count was asked.
   *
   * @param set the image set (expression resolved, count, universe)
   * @param listing the page, or null for a count
   * @param limit rows asked for
   * @param probabilities whether the zoo has predicted probabilities
   */
  public record ImagePage(ImageSet set, ImageListing listing, int limit, boolean probabilities)
      implements QueryResult {}

  /**
   * A model's confusions in an image set.
   *
   * @param set the image set
   * @param table every pair, by count
   * @param top rows to show
   */
  public record Confusions(ImageSet set, ConfusionTable table, int top) implements QueryResult {}

  /**
   * Words over-represented among a model's (or a group's) mistakes in an image set.
   *
   * @param set the image set
   * @param models the model, or the group
   * @param table every tested term
   * @param top rows to show (of the over-represented terms)
   */
  public record Words(ImageSet set, List<String> models, WordTable table, int top)
      implements QueryResult {
    /**
     * @param set set
     * @param models models (copied)
     * @param table table
     * @param top rows
     */
    public Words {
      models = List.copyOf(models);
    }
  }

  /**
   * Images and errors behind the cells of a model's report (the explorer flags small cells).
   *
   * @param model model
   * @param type error type
   * @param images per factor (canonical order): evaluated images the model answered
   * @param errors per factor: its errors among them
   * @param metaclassImages {@code [metaclass][0]}: the metaclass's images; {@code [metaclass][1 +
   *     factor]}: its images with the factor
   * @param metaclassErrors errors, laid out as {@code metaclassImages}
   */
  public record CellCounts(
      String model,
      ErrorType type,
      int[] images,
      int[] errors,
      int[][] metaclassImages,
      int[][] metaclassErrors) {}
}
