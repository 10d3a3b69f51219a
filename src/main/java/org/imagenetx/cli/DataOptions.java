package org.imagenetx.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.imagenetx.annotations.AnnotationLoader;
import org.imagenetx.annotations.AnnotationSource;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.Partition;
import org.imagenetx.io.BadInputException;
import org.imagenetx.synth.SyntheticImageNetX;
import org.imagenetx.synth.SyntheticZoo;
import org.imagenetx.zoo.Zoo;
import org.imagenetx.zoo.Zoos;
import picocli.CommandLine.Option;

/**
 * Options shared by every command that reads annotations and zoos, and how they resolve: an
 * explicit {@code --annotations}; else {@code data/imagenet-x/annotations} (or {@code
 * data/annotations}, or a wheel/zip in {@code data/}); else, when no zoo is given either, the
 * embedded synthetic default.
 */
public final class DataOptions {
  /** Seed of the embedded synthetic default. */
  public static final long DEFAULT_SEED = 20221103L;

  /** Models in the embedded synthetic default. */
  public static final int DEFAULT_SYNTHETIC_MODELS = 4;

  @Option(
      names = "--annotations",
      paramLabel = "<folder|zip|file>",
      description =
          "ImageNet-X annotations: a folder (like imagenet_x/annotations), the PyPI wheel or a zip"
              + " holding imagenet_x/annotations/, or one *_factor.jsonl. Default: data/imagenet-x/annotations.")
  Path annotations;

  @Option(
      names = "--zoo",
      paramLabel = "<store|dir|csv>",
      description =
          "Model predictions: a zoo store (imagenetx zoo build / synth), a folder of <model>.csv files,"
              + " or one .csv (repeatable).")
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

  @Option(
      names = "--seed",
      defaultValue = "" + DEFAULT_SEED,
      description = "Seed of the synthetic data (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", description = "Worker threads (default: all cores).")
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
    return threads != null && threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }

  /**
   * @param selections selections needed
   * @param needReal whether ReaL labels are needed
   * @return dataset and zoos
   */
  public Loaded load(Set<FactorSelection> selections, boolean needReal) {
    Path ann = annotations;
    if (ann == null && !synthetic) {
      ann = findDefaultAnnotations();
    }
    if (ann == null) {
      if (!zoos.isEmpty() && !synthetic) {
        throw new BadInputException(
            "--annotations", 0, "not given and none in data/; " + AnnotationSource.HOW_TO_GET);
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
    if (zoos.isEmpty()) {
      throw new BadInputException(
          "--zoo", 0, "no zoo given: pass --zoo <folder of <model>.csv files>");
    }
    Dataset ds =
        AnnotationLoader.load(
            ann,
            new AnnotationLoader.Options(
                partition, EnumSet.copyOf(selections), keepPrototypes, needReal));
    return new Loaded(ds, openZoos(ds));
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
   * else the default folder in {@code data/}, else with {@code --synthetic} the generated dataset
   * of {@code --seed}.
   *
   * @param selections selections needed
   * @return the dataset
   */
  public Dataset loadDataset(Set<FactorSelection> selections) {
    Path ann = annotations;
    if (ann == null && !synthetic) {
      ann = findDefaultAnnotations();
    }
    if (ann == null) {
      if (!synthetic) {
        throw new BadInputException(
            "--annotations",
            0,
            "not given and none in data/ (or pass --synthetic); " + AnnotationSource.HOW_TO_GET);
      }
      return SyntheticImageNetX.generate(seed, 50).dataset(keepPrototypes);
    }
    return AnnotationLoader.load(
        ann,
        new AnnotationLoader.Options(partition, EnumSet.copyOf(selections), keepPrototypes, false));
  }

  static Path findDefaultAnnotations() {
    Path data = Path.of("data");
    for (Path p :
        List.of(data.resolve("imagenet-x").resolve("annotations"), data.resolve("annotations"))) {
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    if (Files.isDirectory(data)) {
      try (var s = Files.list(data)) {
        return s.filter(p -> p.getFileName().toString().matches("imagenet_x-.*\\.(whl|zip)"))
            .sorted()
            .findFirst()
            .orElse(null);
      } catch (java.io.IOException e) {
        return null;
      }
    }
    return null;
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
        + "; not ImageNet-X. To analyse real models, "
        + AnnotationSource.HOW_TO_GET
        + ", and pass --zoo <folder of prediction CSVs>.";
  }
}
