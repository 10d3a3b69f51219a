package org.imagenetx.figures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imagenetx.annotations.AnnotationLoader;
import org.imagenetx.annotations.AnnotationSource;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.Partition;
import org.imagenetx.io.BadInputException;
import org.imagenetx.stats.Aggregation;
import org.imagenetx.stats.ErrorType;
import org.imagenetx.stats.Evaluator;
import org.imagenetx.stats.FactorCounts;
import org.imagenetx.stats.FactorTable;
import org.imagenetx.zoo.Zoo;
import org.imagenetx.zoo.Zoos;

/**
 * Everything the study figures are drawn from, loaded once: validation and training annotations,
 * the base zoo's tables and counts, and the aggregated tables of the real zoos. Each part may be
 * absent; a figure that needs an absent part says which input is missing.
 *
 * @param val validation annotations (both selections, ReaL labels), or null
 * @param train training annotations (both selections), or null when the source has none
 * @param base tables of the base zoo (val, both selections, all error types), or null
 * @param baseModels the base zoo's model names
 * @param baseCounts per base model, its (top factor, class) counts
 * @param upstream aggregated {@code top_factor/class} tables of the real zoos by zoo name (empty
 *     when not given)
 * @param modelTypes model → type (empty when not given)
 */
public record StudyData(
    Dataset val,
    Dataset train,
    Aggregation base,
    List<String> baseModels,
    List<FactorCounts> baseCounts,
    Map<String, FactorTable> upstream,
    Map<String, String> modelTypes) {
  /** The published zoos of named models (types in {@code model_types.csv}). */
  public static final List<String> NAMED_ZOOS = List.of("imagenet_testbed", "modelvshuman");

  /**
   * Types of the four base models, as the data README states them (SimCLR is missing from
   * {@code model_types.csv}).
   */
  public static final Map<String, String> BASE_TYPES =
      Map.of(
          "DINO", "Self-supervised",
          "SimCLR", "Self-supervised",
          "ResNet50", "Supervised on ImageNet-1K",
          "ViT", "Supervised on ImageNet-1K");

  /** Receives the name of each loading step as it starts. */
  @FunctionalInterface
  public interface Steps {
    /** @param step what is being done */
    void step(String step);
  }

  /**
   * Loads what exists of the standard layout ({@code annotations/}, {@code model_predictions/base},
   * {@code results/}, {@code model_types.csv}); null paths are skipped.
   *
   * @param annotations annotation folder/zip (required)
   * @param baseZoo folder of prediction CSVs, or null
   * @param results upstream {@code results} root (holding {@code val/}), or null
   * @param modelTypes {@code model,model_type} CSV, or null
   * @param threads worker threads
   * @param steps progress callback, or null
   * @return the data
   */
  public static StudyData load(
      Path annotations, Path baseZoo, Path results, Path modelTypes, int threads, Steps steps) {
    Steps s = steps == null ? x -> {} : steps;
    s.step("validation annotations");
    Dataset val =
        AnnotationLoader.load(
            annotations,
            new AnnotationLoader.Options(Partition.VAL, EnumSet.allOf(FactorSelection.class), false, true));
    Dataset train = null;
    if (hasTraining(annotations)) {
      s.step("training annotations");
      train =
          AnnotationLoader.load(
              annotations,
              new AnnotationLoader.Options(Partition.TRAIN, EnumSet.allOf(FactorSelection.class), false, false));
    }
    Aggregation base = null;
    List<String> baseModels = List.of();
    List<FactorCounts> baseCounts = List.of();
    if (baseZoo != null) {
      s.step("base zoo " + baseZoo.getFileName());
      try (Zoo zoo = Zoos.open(baseZoo, val.index())) {
        base =
            Aggregation.run(
                val, zoo, List.of(FactorSelection.MULTI, FactorSelection.TOP), List.of(ErrorType.values()), threads, null);
        baseModels = zoo.models();
        baseCounts = topClassCounts(val, zoo);
      }
    }
    Map<String, FactorTable> upstream = new LinkedHashMap<>();
    if (results != null) {
      List<String> zoos = new ArrayList<>(NAMED_ZOOS);
      for (Augmentations.Kind k : Augmentations.KINDS) {
        zoos.add(k.zoo());
      }
      for (String z : zoos) {
        Path csv = tableOf(results, z);
        if (!Files.isRegularFile(csv)) {
          throw new BadInputException(csv.toString(), 0, "missing (expected the upstream results layout)");
        }
        s.step("aggregated table " + z);
        upstream.put(z, UpstreamResults.read(csv));
      }
    }
    Map<String, String> types = modelTypes == null ? Map.of() : UpstreamResults.modelTypes(modelTypes);
    return new StudyData(val, train, base, baseModels, baseCounts, upstream, types);
  }

  private static boolean hasTraining(Path annotations) {
    if (!Files.isDirectory(annotations) && !annotations.getFileName().toString().matches(".*\\.(whl|zip)")) {
      return false;
    }
    try (AnnotationSource src = AnnotationSource.open(annotations)) {
      for (FactorSelection sel : FactorSelection.values()) {
        if (!src.has(AnnotationSource.annotationFile(Partition.TRAIN, sel))) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * @param input an optional input
   * @return whether it was loaded
   */
  public boolean has(Catalog.Input input) {
    return switch (input) {
      case TRAIN -> train != null;
      case ZOO -> base != null;
      case RESULTS -> !upstream.isEmpty();
    };
  }

  /**
   * @param results upstream results root
   * @param zoo zoo folder name
   * @return its {@code val/top_factor/<zoo>/class/accuracies_per_factor.csv}
   */
  public static Path tableOf(Path results, String zoo) {
    return results.resolve("val").resolve("top_factor").resolve(zoo).resolve("class").resolve("accuracies_per_factor.csv");
  }

  private static List<FactorCounts> topClassCounts(Dataset val, Zoo zoo) {
    Evaluator ev = new Evaluator(val, List.of(FactorSelection.TOP));
    short[] pred = new short[zoo.numImages()];
    List<FactorCounts> out = new ArrayList<>();
    for (int m = 0; m < zoo.size(); m++) {
      int missing = zoo.readClasses(m, pred);
      out.add(ev.evaluate(pred, missing, ErrorType.CLASS)[0]);
    }
    return out;
  }

  /** @return model → type: the given types, then {@link #BASE_TYPES} for models not in them */
  public Map<String, String> types() {
    Map<String, String> t = new LinkedHashMap<>(modelTypes);
    BASE_TYPES.forEach(t::putIfAbsent);
    return t;
  }

  /** @return the base zoo's top-factor, class table (null without a base zoo) */
  public FactorTable baseTable() {
    return base == null ? null : base.get(FactorSelection.TOP, ErrorType.CLASS).factors();
  }

  /**
   * The models of the published comparison: every {@code imagenet_testbed} model plus the
   * self-supervised ones of {@code modelvshuman} and of the base zoo.
   *
   * @return their top-factor, class accuracies
   */
  public FactorTable comparisonTable() {
    Map<String, String> t = types();
    List<FactorTable> parts = new ArrayList<>();
    parts.add(need("imagenet_testbed"));
    parts.add(selfSupervised(need("modelvshuman"), t));
    if (baseTable() != null) {
      parts.add(selfSupervised(baseTable(), t));
    }
    return UpstreamResults.concat(parts);
  }

  /** @return every named model: both named zoos plus the base zoo */
  public FactorTable namedModels() {
    List<FactorTable> parts = new ArrayList<>();
    for (String z : NAMED_ZOOS) {
      parts.add(need(z));
    }
    if (baseTable() != null) {
      parts.add(baseTable());
    }
    return UpstreamResults.concat(parts);
  }

  /**
   * @param zoo upstream zoo name
   * @return its table
   * @throws IllegalArgumentException when the aggregated tables were not given
   */
  public FactorTable need(String zoo) {
    FactorTable t = upstream.get(zoo);
    if (t == null) {
      throw new IllegalArgumentException("this figure needs the aggregated tables: pass --results <dir holding val/>");
    }
    return t;
  }

  private static FactorTable selfSupervised(FactorTable table, Map<String, String> types) {
    List<Integer> keep = new ArrayList<>();
    for (int r = 0; r < table.size(); r++) {
      if ("Self-supervised".equals(types.get(table.models().get(r)))) {
        keep.add(r);
      }
    }
    return table.select(keep.stream().mapToInt(Integer::intValue).toArray());
  }
}
