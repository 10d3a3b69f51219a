package org.imagenetx.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.imagenetx.annotations.AnnotationLoader;
import org.imagenetx.annotations.Annotations;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.annotations.Partition;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.images.ImageSets;
import org.imagenetx.synth.SyntheticZoo;
import org.imagenetx.words.WordIndex;
import org.imagenetx.zoo.ZooStore;
import org.imagenetx.zoo.ZooStoreWriter;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Image sets over the real ImageNet-X validation annotations (the release shipped in {@code
 * data/imagenet-x}: real factor sets, class sizes, ReaL sets and the annotators' texts, which a
 * generated dataset does not have) and a store of {@code models} synthetic models generated over
 * that index (seed {@value ZooFiles#SEED}, with probabilities, as {@code zoo build} keeps them),
 * written once into {@link ZooFiles#root()}. A seeded stream of expressions and models makes every
 * invocation ask about other models, so the 16-entry correctness cache of {@link ImageSets} hits
 * about once in 140 draws on 2,200 models.
 */
@State(Scope.Benchmark)
public class ImageSetsState {
  /** Models in the zoo: the base zoo's size and the reference workload. */
  @Param({"4", "2200"})
  public int models;

  /** The real validation annotations, both selections, ReaL labels. */
  public Dataset dataset;

  /** The opened store. */
  public ZooStore store;

  /** The session (top factors, class errors, as the CLI's defaults). */
  public ImageSets sets;

  /** Model names. */
  public List<String> names;

  /** Frequent factors (each on thousands of images): listings always fill 100 rows. */
  static final Factor[] FREQUENT = {
    Factor.POSE, Factor.BACKGROUND, Factor.PATTERN, Factor.COLOR, Factor.SMALLER, Factor.SHAPE
  };

  static final String[] WORDS = {
    "top view", "close up", "front view", "grass", "facing left", "white", "low angle"
  };

  static final String[] TOKENS = {"grass", "water", "sepia", "hand", "snow", "table", "dark"};

  private SplittableRandom rnd = new SplittableRandom(42);

  /** Loads the annotations, builds (once) and opens the store, builds the word index. */
  @Setup(Level.Trial)
  public void setUp() {
    dataset = release();
    Path path = store(dataset, models);
    store = ZooStore.open(path, dataset.index());
    sets = ImageSets.of(dataset, store, FactorSelection.TOP, ErrorType.CLASS);
    names = store.models();
    WordIndex.of(dataset); // built once per dataset, as in a session
    rnd = new SplittableRandom(42);
  }

  /**
   * @return the shipped release's validation annotations ({@code -Dimagenetx.release=<dir>}, else
   *     {@code data/imagenet-x} from the repository root or from {@code jmh/})
   */
  public static Dataset release() {
    String prop = System.getProperty("imagenetx.release");
    Path root = null;
    for (Path p :
        prop != null
            ? List.of(Path.of(prop))
            : List.of(Path.of("data", "imagenet-x"), Path.of("..", "data", "imagenet-x"))) {
      if (Files.isDirectory(p.resolve("annotations"))) {
        root = p;
        break;
      }
    }
    if (root == null) {
      throw new IllegalStateException(
          "the shipped release data/imagenet-x is not found; run from the repository root or pass"
              + " -Dimagenetx.release=<dir>");
    }
    return Annotations.open(root.resolve("annotations"))
        .dataset(
            new AnnotationLoader.Options(
                Partition.VAL,
                EnumSet.allOf(FactorSelection.class),
                false,
                AnnotationLoader.RealLabels.REQUIRED));
  }

  /**
   * @param dataset the real annotations
   * @param models models
   * @return a store of {@code models} synthetic models with probabilities over the real index
   *     (written once)
   */
  public static synchronized Path store(Dataset dataset, int models) {
    Path store =
        ZooFiles.root()
            .resolve(String.format(Locale.ROOT, "real-index-%d-seed%d.zoo", models, ZooFiles.SEED));
    Path marker = ZooFiles.root().resolve(store.getFileName() + ".COMPLETE");
    if (!Files.exists(marker)) {
      try {
        Files.createDirectories(ZooFiles.root());
        ZooStoreWriter.write(
            store,
            dataset.index(),
            SyntheticZoo.sources(
                new SyntheticZoo.Inputs(dataset, ZooFiles.SEED), models, ZooFiles.SEED),
            new ZooStoreWriter.Options(
                true, true, ZooFiles.SEED, "benchmark, real index", 2, null));
        Files.writeString(marker, "seed " + ZooFiles.SEED + "\n");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return store;
  }

  /**
   * @return a model name from the seeded stream
   */
  public String nextModel() {
    return names.get(rnd.nextInt(names.size()));
  }

  /**
   * @return a frequent factor from the seeded stream
   */
  public Factor nextFrequentFactor() {
    return FREQUENT[rnd.nextInt(FREQUENT.length)];
  }

  /**
   * An expression from the seeded stream: factors of either selection, classes, metaclasses, ReaL
   * relations, one or two models' correctness under the three error types, and text atoms.
   *
   * @return the expression text
   */
  public String nextExpression() {
    String f = Factor.of(rnd.nextInt(Factor.COUNT)).column();
    String g = Factor.of(rnd.nextInt(Factor.COUNT)).column();
    String a = nextModel();
    String b = nextModel();
    switch (rnd.nextInt(6)) {
      case 0:
        return f + " and wrong:" + a + " and right:" + b;
      case 1:
        return "(" + f + " or multi:" + g + ") and not pose and wrong:" + a + "@metaclass";
      case 2:
        return "metaclass:"
            + Metaclasses.NAMES.get(rnd.nextInt(Metaclasses.COUNT))
            + " and wrong:"
            + a
            + " and not real:agrees";
      case 3:
        return "word:\"" + WORDS[rnd.nextInt(WORDS.length)] + "\" and wrong:" + a;
      case 4:
        return "justification:"
            + TOKENS[rnd.nextInt(TOKENS.length)]
            + " and right:"
            + a
            + "@real_class";
      default:
        return "class:" + rnd.nextInt(1000) + " or multi:" + f + " and not wrong:" + a;
    }
  }
}
