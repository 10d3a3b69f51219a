package org.imagenetx.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.imagenetx.annotations.AnnotationLoader;
import org.imagenetx.annotations.Annotations;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.Partition;
import org.imagenetx.io.BadInputException;
import org.imagenetx.synth.SyntheticImageNetX;
import org.imagenetx.synth.SyntheticZoo;
import org.imagenetx.zoo.Zoo;
import org.imagenetx.zoo.ZooStore;
import org.imagenetx.zoo.Zoos;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Options shared by every command that reads annotations and zoos, and how they resolve: {@code
 * --annotations} when given, else the ImageNet-X release embedded in imagenetx; {@code --zoo} when
 * given, else the release's four base models; {@code --synthetic} for generated data.
 */
public final class DataOptions {
  @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
  CommandLine.Model.CommandSpec spec;

  /** Seed of the embedded synthetic default. */
  public static final long DEFAULT_SEED = 20221103L;

  /** Models in the embedded synthetic default. */
  public static final int DEFAULT_SYNTHETIC_MODELS = 4;

  @Option(
      names = "--annotations",
      paramLabel = "<folder|zip|file>",
      description = DataHelp.ANNOTATIONS)
  Path annotations;

  @Option(names = "--zoo", paramLabel = "<store|dir|csv>", description = DataHelp.ZOO)
  List<Path> zoos = new ArrayList<>();

  @Option(
      names = "--partition",
      defaultValue = "val",
      converter = Converters.PartitionConverter.class,
      description = "val or train (default: ${DEFAULT-VALUE}).")
  Partition partition;

  @Option(
      names = "--keep-prototypes",
      description =
          "Keep the 3,000 prototype images shown to annotators (removed by default, as upstream).")
  boolean keepPrototypes;

  @Option(
      names = "--synthetic",
      description =
          "Use the embedded, generated ImageNet-X-shaped dataset and zoo (labelled synthetic).")
  boolean synthetic;

  @Option(names = "--seed", defaultValue = "" + DEFAULT_SEED, description = DataHelp.SEED)
  long seed;

  @Option(
      names = "--threads",
      converter = Converters.ThreadsConverter.class,
      description = DataHelp.THREADS)
  Integer threads;

  /** A dataset and its zoos, resolved from the options. */
  public record Loaded(Dataset dataset, List<Zoo> zoos) {
    /**
     * @return true when the data is generated
     */
    public boolean synthetic() {
      return dataset.synthetic();
    }
  }

  /**
   * @return worker threads to use
   */
  public int threads() {
    // at least 1: checked when the command line is parsed (Converters.ThreadsConverter)
    return threads != null ? threads : Runtime.getRuntime().availableProcessors();
  }

  /**
   * @param selections selections needed
   * @param needReal whether ReaL labels are needed
   * @return dataset and zoos
   */
  public Loaded load(Set<FactorSelection> selections, boolean needReal) {
    return load(
        selections,
        needReal ? AnnotationLoader.RealLabels.REQUIRED : AnnotationLoader.RealLabels.SKIP);
  }

  /**
   * @param selections selections needed
   * @param real whether to load the ReaL labels
   * @return dataset and zoos
   */
  public Loaded load(Set<FactorSelection> selections, AnnotationLoader.RealLabels real) {
    long storeSeed = annotations == null && !synthetic ? syntheticStoreSeed() : 0;
    if (synthetic || storeSeed != 0) {
      long seed = synthetic ? this.seed : storeSeed;
      if (annotations != null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--synthetic and --annotations exclude each other");
      }
      if (partition != Partition.VAL) {
        throw new BadInputException(
            "--partition", 0, "the synthetic default has validation images only");
      }
      SyntheticImageNetX synth = SyntheticImageNetX.generate(seed, 50);
      Dataset ds = synth.dataset(keepPrototypes);
      if (!zoos.isEmpty()) {
        // --synthetic --seed S --zoo <store|dir>: a zoo made by 'imagenetx synth --seed S'
        return new Loaded(ds, openZoos(ds));
      }
      return new Loaded(ds, List.of(SyntheticZoo.generate(ds, DEFAULT_SYNTHETIC_MODELS, seed)));
    }
    Dataset ds =
        annotations()
            .dataset(
                new AnnotationLoader.Options(
                    partition, EnumSet.copyOf(selections), keepPrototypes, real));
    if (zoos.isEmpty()) {
      if (partition != Partition.VAL) {
        throw new BadInputException(
            "--zoo",
            0,
            "not given; the default zoo (the release's base models) covers validation images only");
      }
      return new Loaded(ds, List.of(Zoos.base(ds.index())));
    }
    return new Loaded(ds, openZoos(ds));
  }

  /**
   * @return the annotations of {@code --annotations}, else the embedded release
   */
  Annotations annotations() {
    return annotations != null ? Annotations.open(annotations) : Annotations.release();
  }

  /**
   * A store written by {@code imagenetx synth} records its seed, so {@code ratios --zoo s.zoo}
   * needs no {@code --synthetic --seed}: when every {@code --zoo} is such a store and all share one
   * seed, that seed's generated dataset is the one they were built against.
   *
   * @return the common seed of the synthetic stores given, or 0 when any zoo is not one
   */
  private long syntheticStoreSeed() {
    long common = 0;
    for (Path z : zoos) {
      if (!ZooStore.isStore(z)) {
        return 0;
      }
      long s;
      try (ZooStore store = ZooStore.open(z)) {
        s = store.synthetic() ? store.seed() : 0;
      }
      if (s == 0 || (common != 0 && s != common)) {
        return 0;
      }
      common = s;
    }
    return common;
  }

  private List<Zoo> openZoos(Dataset ds) {
    List<Zoo> opened = new ArrayList<>();
    for (Path z : zoos) {
      opened.add(Zoos.open(z, ds.index()));
    }
    return opened;
  }

  /**
   * Resolves the annotations alone (for commands that build or export zoos): {@code --annotations},
   * else the embedded release, or with {@code --synthetic} the generated dataset of {@code --seed}.
   *
   * @param selections selections needed
   * @return the dataset
   */
  public Dataset loadDataset(Set<FactorSelection> selections) {
    if (synthetic) {
      return SyntheticImageNetX.generate(seed, 50).dataset(keepPrototypes);
    }
    return annotations()
        .dataset(
            new AnnotationLoader.Options(
                partition,
                EnumSet.copyOf(selections),
                keepPrototypes,
                AnnotationLoader.RealLabels.SKIP));
  }

  /**
   * @param loaded what was loaded
   * @return a banner for synthetic data, or null
   */
  static String syntheticBanner(Loaded loaded) {
    if (!loaded.synthetic()) {
      return null;
    }
    return "SYNTHETIC DATA: "
        + loaded.dataset().source()
        + "; not ImageNet-X. Drop --synthetic (and synthetic zoos) to analyse the real release.";
  }
}
