package org.imagenetx.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.Partition;
import org.imagenetx.compare.GroupComparison;
import org.imagenetx.compare.GroupTest;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.resampling.ZooBootstrap;

/**
 * The study's analyses of aggregated tables, from a results tree of the upstream layout ({@code
 * <results>/val/<selection>_factor/<zoo>/<error type>/accuracies_per_factor.csv}).
 *
 * @param results the results root (holding {@code val/})
 * @param selection which factor tables (the study uses top factors)
 * @param type which error type (the study uses class)
 * @param bootstrap B, level, interval method and master seed of the group-mean intervals
 * @param groupTest the test across groups per factor
 */
public record Study(
    Path results,
    FactorSelection selection,
    ErrorType type,
    ZooBootstrap.Settings bootstrap,
    GroupTest groupTest) {

  /** The public zoo holding most model types. */
  public static final String TESTBED = "imagenet_testbed";

  /** The model-vs-human zoo, source of more self-supervised models. */
  public static final String MODEL_VS_HUMAN = "modelvshuman";

  /** The seven zoos of the release's aggregated tables. */
  public static final List<String> ZOOS =
      List.of(
          TESTBED,
          MODEL_VS_HUMAN,
          Augmentation.CROP.zoo(),
          Augmentation.COLOR_JITTER.zoo(),
          Augmentation.GAUSSIAN_BLUR.zoo(),
          AugmentationComparison.COLORJITTER_CROP,
          AugmentationComparison.ADAPTIVE_COLORJITTER);

  /** The annotators' row of the testbed tables: people, not a model. */
  public static final String HUMAN = "human";

  /**
   * @param zoo zoo folder name, e.g. {@code crop}
   * @return its table
   * @throws org.imagenetx.io.BadInputException when missing or malformed
   */
  public FactorTable table(String zoo) {
    return AggregatedTables.read(
        AggregatedTables.path(results, Partition.VAL, selection, zoo, type));
  }

  /**
   * @param zoo zoo folder name
   * @return the path of its table
   */
  public Path tablePath(String zoo) {
    return AggregatedTables.path(results, Partition.VAL, selection, zoo, type);
  }

  /**
   * @param types model types
   * @param base the base models' table, or null
   * @return the published comparison's models and groups
   */
  public ModelGroups publishedGroups(ModelTypes types, FactorTable base) {
    return publishedGroups(types, base, false);
  }

  /**
   * @param types model types
   * @param base the base models' table, or null
   * @param includeSimclr the documented deviation: also count the base SimCLR as self-supervised
   * @return the comparison's models and groups
   */
  public ModelGroups publishedGroups(ModelTypes types, FactorTable base, boolean includeSimclr) {
    return ModelGroups.published(table(TESTBED), table(MODEL_VS_HUMAN), base, types, includeSimclr);
  }

  /**
   * @param groups grouped models
   * @param order groups in output order
   * @return mean error ratio per factor per group with intervals and tests
   */
  public GroupComparison compare(ModelGroups groups, List<String> order) {
    return GroupComparison.compute(
        groups.table(), groups.groupOf()::get, order, bootstrap, List.of(groupTest));
  }

  /**
   * @param base base models' table, or null
   * @return every model of the testbed and model-vs-human zoos, plus {@code base} (first row wins)
   */
  public FactorTable allModels(FactorTable base) {
    List<FactorTable> parts = new ArrayList<>(List.of(table(TESTBED), table(MODEL_VS_HUMAN)));
    if (base != null) {
      parts.add(base);
    }
    return AggregatedTables.union(parts);
  }

  /**
   * @return every model row of the seven zoos' tables (first row wins on a repeated name), without
   *     the {@value #HUMAN} row
   */
  public FactorTable allZoos() {
    List<FactorTable> parts = new ArrayList<>();
    for (String z : ZOOS) {
      parts.add(table(z));
    }
    FactorTable all = AggregatedTables.union(parts);
    int[] keep = new int[all.size()];
    int k = 0;
    for (int r = 0; r < all.size(); r++) {
      if (!all.models().get(r).equals(HUMAN)) {
        keep[k++] = r;
      }
    }
    return all.select(java.util.Arrays.copyOf(keep, k));
  }

  /**
   * @param published the published comparison's models ({@link #publishedGroups})
   * @return the consistency of failure modes over those models, then over {@link #allZoos()}
   */
  public List<Consistency> consistency(ModelGroups published) {
    return List.of(
        publishedConsistency(published), Consistency.compute("all_zoos", allZoos(), bootstrap));
  }

  /**
   * The first model set of {@link #consistency} alone (the same bootstrap keys, so the same
   * numbers), for the figure, which draws only the published models.
   *
   * @param published the published comparison's models ({@link #publishedGroups})
   * @return the consistency of failure modes over those models
   */
  public Consistency publishedConsistency(ModelGroups published) {
    return Consistency.compute("published", published.table(), bootstrap);
  }

  /**
   * Compares architecture families (CNN, transformer, other) over the given models.
   *
   * @param models the models, e.g. {@code publishedGroups(…).table()} or {@link #allModels}
   * @param overrides model → family overrides of the name rule
   * @return the comparison, groups in {@link ArchitectureFamily} order
   */
  public GroupComparison compareFamilies(
      FactorTable models, Map<String, ArchitectureFamily> overrides) {
    ModelGroups g = ModelGroups.byFamily(models, overrides);
    List<String> order = new ArrayList<>();
    for (ArchitectureFamily f : ArchitectureFamily.values()) {
      order.add(f.key());
    }
    return compare(g, order);
  }

  /**
   * @param augmentation which sweep
   * @return its analysis
   */
  public AugmentationSweep sweep(Augmentation augmentation) {
    return AugmentationSweep.compute(
        augmentation, table(augmentation.zoo()), tablePath(augmentation.zoo()).toString());
  }

  /**
   * @return the crop, colour-jitter and blur sweeps
   */
  public List<AugmentationSweep> sweeps() {
    List<AugmentationSweep> out = new ArrayList<>();
    for (Augmentation a : Augmentation.values()) {
      out.add(sweep(a));
    }
    return out;
  }

  /**
   * @param crop the crop sweep
   * @param color the colour-jitter sweep
   * @return the comparison of augmentation recipes
   */
  public GroupComparison augmentationComparison(AugmentationSweep crop, AugmentationSweep color) {
    return AugmentationComparison.compute(
        crop,
        color,
        table(AugmentationComparison.COLORJITTER_CROP),
        table(AugmentationComparison.ADAPTIVE_COLORJITTER),
        bootstrap,
        groupTest);
  }
}
