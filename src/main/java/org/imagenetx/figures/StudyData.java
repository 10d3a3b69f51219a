package org.imagenetx.figures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.imagenetx.annotations.AnnotationLoader;
import org.imagenetx.annotations.Annotations;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.ImageIndex;
import org.imagenetx.annotations.Partition;
import org.imagenetx.compare.Comparisons;
import org.imagenetx.compare.GroupTest;
import org.imagenetx.compare.PairwiseData;
import org.imagenetx.compare.SliceComparison;
import org.imagenetx.evaluation.Aggregation;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.io.BadInputException;
import org.imagenetx.resampling.ZooBootstrap;
import org.imagenetx.study.Calibration;
import org.imagenetx.study.MistakePrevalence;
import org.imagenetx.study.ModelTypes;
import org.imagenetx.study.Study;
import org.imagenetx.zoo.Zoo;

/**
 * Everything the study figures are drawn from, loaded once: validation and training annotations,
 * the base zoo's tables and mistake prevalence, and the study over the aggregated tables of the
 * real zoos. Each optional part may be absent; a figure that needs it says which input is missing.
 *
 * @param val validation annotations (both selections, ReaL labels)
 * @param train training annotations (both selections), or null when the source has none
 * @param base tables of the base zoo (val, both selections, all error types), or null
 * @param mistakes the base zoo's mistake prevalence (top factors, class errors), or null
 * @param calibration the base zoo's calibration (top factors, class errors), or null without
 *     probabilities
 * @param intervals the base zoo's bootstrap intervals (top factors, class errors), or null
 * @param bands the same with each model's 16 error ratios as simultaneous max-|t| bands ({@link
 *     ZooBootstrap#runSimultaneous}), or null
 * @param pairs every pair of base models compared on every slice ({@code "A vs B"} → slices), empty
 *     without a base zoo
 * @param study the study over the aggregated tables (top factors, class errors), or null
 * @param types model types ({@link ModelTypes#BASE_MODELS} filling gaps)
 */
public record StudyData(
    Dataset val,
    Dataset train,
    Aggregation base,
    MistakePrevalence mistakes,
    Calibration calibration,
    ZooBootstrap.Result intervals,
    ZooBootstrap.Result bands,
    Map<String, List<SliceComparison>> pairs,
    Study study,
    ModelTypes types) {
  /**
   * Settings of every bootstrap behind the tables and figures: the defaults of every command
   * ({@link ZooBootstrap.Settings#defaults()}), so {@code reproduce}'s intervals equal {@code
   * ratios --ci}'s and {@code compare}'s.
   */
  public static final ZooBootstrap.Settings BOOTSTRAP = ZooBootstrap.Settings.defaults();

  /**
   * What can be loaded or computed. A command loads the parts of the figures it draws and nothing
   * else ({@link Catalog#partsOf}): one figure of the base models never reads the training
   * annotations or runs the pairwise tests. Validation annotations are always loaded.
   */
  public enum Part {
    /** Training annotations (when the source has them). */
    TRAIN,
    /** The base zoo's aggregated tables (every selection and error type). */
    BASE,
    /** The base zoo's mistake prevalence. */
    MISTAKES,
    /** The base zoo's bootstrap intervals. */
    INTERVALS,
    /** Every pair of base models compared on every slice. */
    PAIRS,
    /** The base zoo's calibration (when it has probabilities). */
    CALIBRATION,
    /** The study over the aggregated tables of the real zoos, and the model types. */
    STUDY
  }

  /** Receives the name of each loading step as it starts. */
  @FunctionalInterface
  public interface Steps {
    /**
     * @param step what is being done
     */
    void step(String step);
  }

  /**
   * @param annotations the annotations (required)
   * @param baseZoo opens the base zoo over the validation index, or null for none
   * @param results upstream {@code results} root (holding {@code val/}), or null
   * @param modelTypes {@code model,model_type} CSV, or null
   * @param threads worker threads
   * @param steps progress callback, or null
   * @return the data, every part loaded
   * @throws BadInputException for a missing or malformed input
   */
  public static StudyData load(
      Annotations annotations,
      Function<ImageIndex, Zoo> baseZoo,
      Path results,
      Path modelTypes,
      int threads,
      Steps steps) {
    return load(
        annotations, baseZoo, results, modelTypes, threads, steps, EnumSet.allOf(Part.class));
  }

  /**
   * @param annotations the annotations (required)
   * @param baseZoo opens the base zoo over the validation index, or null for none
   * @param results upstream {@code results} root (holding {@code val/}), or null
   * @param modelTypes {@code model,model_type} CSV, or null
   * @param threads worker threads
   * @param steps progress callback, or null
   * @param parts what to load (the rest stays null or empty)
   * @return the data
   * @throws BadInputException for a missing or malformed input
   */
  public static StudyData load(
      Annotations annotations,
      Function<ImageIndex, Zoo> baseZoo,
      Path results,
      Path modelTypes,
      int threads,
      Steps steps,
      Set<Part> parts) {
    Steps s = steps == null ? x -> {} : steps;
    s.step("validation annotations");
    Dataset val =
        annotations.dataset(
            new AnnotationLoader.Options(
                Partition.VAL, EnumSet.allOf(FactorSelection.class), false, true));
    Dataset train = null;
    if (parts.contains(Part.TRAIN) && annotations.has(Partition.TRAIN)) {
      s.step("training annotations");
      train =
          annotations.dataset(
              new AnnotationLoader.Options(
                  Partition.TRAIN, EnumSet.allOf(FactorSelection.class), false, false));
    }
    Aggregation base = null;
    MistakePrevalence mistakes = null;
    Calibration calibration = null;
    ZooBootstrap.Result intervals = null;
    ZooBootstrap.Result bands = null;
    Map<String, List<SliceComparison>> pairs = new LinkedHashMap<>();
    boolean zooParts =
        parts.contains(Part.BASE)
            || parts.contains(Part.MISTAKES)
            || parts.contains(Part.INTERVALS)
            || parts.contains(Part.PAIRS)
            || parts.contains(Part.CALIBRATION)
            || parts.contains(Part.STUDY);
    if (baseZoo != null && zooParts) {
      try (Zoo zoo = baseZoo.apply(val.index())) {
        s.step("base zoo " + zoo.name());
        // the base table is cheap and every zoo figure names the base models from it
        base =
            Aggregation.run(
                val,
                zoo,
                List.of(FactorSelection.MULTI, FactorSelection.TOP),
                List.of(ErrorType.values()),
                threads,
                null);
        if (parts.contains(Part.MISTAKES)) {
          mistakes = MistakePrevalence.compute(val, FactorSelection.TOP, ErrorType.CLASS, zoo);
        }
        if (parts.contains(Part.INTERVALS) || parts.contains(Part.PAIRS)) {
          s.step("bootstrap intervals of the base zoo");
          intervals =
              ZooBootstrap.run(
                  val, zoo, FactorSelection.TOP, ErrorType.CLASS, false, BOOTSTRAP, threads);
          bands =
              ZooBootstrap.runSimultaneous(
                  val, zoo, FactorSelection.TOP, ErrorType.CLASS, BOOTSTRAP, threads);
        }
        if (parts.contains(Part.PAIRS)) {
          s.step("pairwise comparisons of the base zoo");
          PairwiseData pd =
              PairwiseData.load(val, zoo, FactorSelection.TOP, ErrorType.CLASS, threads);
          for (int a = 0; a < zoo.size(); a++) {
            for (int b = a + 1; b < zoo.size(); b++) {
              pairs.put(
                  zoo.models().get(a) + " vs " + zoo.models().get(b),
                  Comparisons.compare(pd, a, b, intervals.settings()));
            }
          }
        }
        if (parts.contains(Part.CALIBRATION) && zoo.hasProbabilities()) {
          calibration = Calibration.compute(val, FactorSelection.TOP, ErrorType.CLASS, zoo);
        }
      }
    }
    Study study = null;
    if (results != null && parts.contains(Part.STUDY)) {
      study =
          new Study(
              results,
              FactorSelection.TOP,
              ErrorType.CLASS,
              BOOTSTRAP,
              GroupTest.alexanderGovern());
      for (String z : Study.ZOOS) {
        if (!Files.isRegularFile(study.tablePath(z))) {
          throw new BadInputException(
              study.tablePath(z).toString(), 0, "missing (expected the upstream results layout)");
        }
      }
    }
    ModelTypes types = ModelTypes.of(ModelTypes.BASE_MODELS);
    if (modelTypes != null && parts.contains(Part.STUDY)) {
      s.step("model types");
      types = types.with(ModelTypes.read(modelTypes).asMap());
    }
    return new StudyData(
        val, train, base, mistakes, calibration, intervals, bands, pairs, study, types);
  }

  /**
   * @param input an optional input
   * @return whether it was loaded
   */
  public boolean has(Catalog.Input input) {
    return switch (input) {
      case TRAIN -> train != null;
      case ZOO -> base != null;
      case RESULTS -> study != null;
    };
  }

  /**
   * @return the base zoo's top-factor, class table (null without a base zoo)
   */
  public FactorTable baseTable() {
    return base == null ? null : base.get(FactorSelection.TOP, ErrorType.CLASS).factors();
  }

  /**
   * @return the base zoo's model names
   */
  public List<String> baseModels() {
    return base == null ? List.of() : new ArrayList<>(baseTable().models());
  }
}
