package org.imagenetx.figures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.compare.GroupComparison;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.evaluation.MetaclassTable;
import org.imagenetx.resampling.ZooBootstrap;
import org.imagenetx.study.Augmentation;
import org.imagenetx.study.Cooccurrence;
import org.imagenetx.study.ModelGroups;
import org.imagenetx.study.Study;

/**
 * Every figure of the study, by name, with the data it is drawn from. {@link #names()} is the order
 * of the results page.
 */
public final class Catalog {
  /** Significance level of the faded bars and masked cells. */
  public static final double ALPHA = 0.05;

  /** Model of the per-metaclass example (the published one is ViT). */
  public static final String METACLASS_MODEL = "ViT";

  /** Optional inputs a figure may need (validation annotations are always loaded). */
  public enum Input {
    /** Training annotations. */
    TRAIN("training annotations (*_train_*_factor.jsonl beside the validation files)"),
    /** The base zoo's predictions. */
    ZOO("model predictions: --zoo <folder of <model>.csv>"),
    /** The aggregated tables of the real zoos. */
    RESULTS("the aggregated tables: --results <folder holding val/>");

    private final String how;

    Input(String how) {
      this.how = how;
    }

    /**
     * @return how to provide it, for error messages
     */
    public String how() {
      return how;
    }
  }

  /**
   * One figure of the catalogue.
   *
   * @param name file stem and command-line name
   * @param needs optional inputs it is drawn from
   * @param build draws it
   */
  public record Entry(String name, Set<Input> needs, Function<StudyData, Figure> build) {
    /**
     * @param data loaded inputs
     * @return the first needed input that is missing, or null
     */
    public Input missing(StudyData data) {
      for (Input i : needs) {
        if (!data.has(i)) {
          return i;
        }
      }
      return null;
    }

    /**
     * @param data loaded inputs
     * @return the figure
     * @throws IllegalArgumentException naming a missing input
     */
    public Figure draw(StudyData data) {
      Input m = missing(data);
      if (m != null) {
        throw new IllegalArgumentException("figure " + name + " needs " + m.how());
      }
      return build.apply(data);
    }
  }

  /**
   * One augmentation sweep's figure.
   *
   * @param augmentation the study's augmentation
   * @param name figure key
   * @param title human name
   * @param axis x axis title with unit
   */
  record Sweep(Augmentation augmentation, String name, String title, String axis) {}

  /** The three sweeps drawn, in page order. */
  static final List<Sweep> SWEEPS =
      List.of(
          new Sweep(
              Augmentation.CROP, "crop", "Random crop", "Crop strength (100 − min. crop scale, %)"),
          new Sweep(
              Augmentation.COLOR_JITTER, "colorjitter", "Colour jitter", "Colour-jitter strength"),
          new Sweep(
              Augmentation.GAUSSIAN_BLUR, "blur", "Gaussian blur", "Blur strength (smoothing)"));

  private static final List<Entry> ENTRIES = new ArrayList<>();

  static {
    add(
        "factor-distribution",
        EnumSet.of(Input.TRAIN),
        d -> DatasetFigures.factorDistribution(d.val(), d.train()));
    add(
        "active-factor-count",
        EnumSet.of(Input.TRAIN),
        d -> DatasetFigures.activeFactorCount(d.val(), d.train()));
    add(
        "cooccurrence-val",
        EnumSet.noneOf(Input.class),
        d -> DatasetFigures.cooccurrence(Cooccurrence.compute(d.val(), FactorSelection.MULTI)));
    add(
        "cooccurrence-train",
        EnumSet.of(Input.TRAIN),
        d -> DatasetFigures.cooccurrence(Cooccurrence.compute(d.train(), FactorSelection.MULTI)));
    add(
        "factor-metaclass-val",
        EnumSet.noneOf(Input.class),
        d -> DatasetFigures.factorMetaclass(Cooccurrence.compute(d.val(), FactorSelection.MULTI)));
    add(
        "accuracy-vs-top1",
        EnumSet.of(Input.RESULTS),
        d -> {
          // the study's scatter: the 209 models of the published comparison, not every row
          ModelGroups g = d.study().publishedGroups(d.types(), d.baseTable());
          return ZooFigures.accuracyVsTop1(g.table(), g.groupOf(), ZooFigures.PUBLISHED_GROUPS);
        });
    add("model-comparison", EnumSet.of(Input.RESULTS), Catalog::modelComparison);
    add("base-model-comparison", EnumSet.of(Input.ZOO), Catalog::baseComparison);
    for (Sweep k : SWEEPS) {
      add(
          "augmentation-" + k.name(),
          EnumSet.of(Input.RESULTS),
          d ->
              ZooFigures.augmentation(
                  StudyFigures.sweep(
                      d.study().sweep(k.augmentation()), k.title(), k.name(), k.axis())));
    }
    add("augmentation-comparison", EnumSet.of(Input.RESULTS), Catalog::augmentationComparison);
    add(
        "metaclass-ratios",
        EnumSet.of(Input.ZOO),
        d -> {
          MetaclassTable t = d.base().get(FactorSelection.TOP, ErrorType.CLASS).metaclasses();
          String model = t.models().contains(METACLASS_MODEL) ? METACLASS_MODEL : t.models().get(0);
          return ModelFigures.metaclassRatios(t, model);
        });
    add(
        "prevalence-shift",
        EnumSet.of(Input.ZOO),
        d -> ModelFigures.prevalenceShift(d.mistakes(), "top-1 mistakes, top-factor annotations"));
  }

  private Catalog() {}

  private static void add(String name, Set<Input> needs, Function<StudyData, Figure> build) {
    ENTRIES.add(new Entry(name, Set.copyOf(needs), build));
  }

  /**
   * @return every figure name, in page order
   */
  public static List<String> names() {
    List<String> out = new ArrayList<>();
    for (Entry e : ENTRIES) {
      out.add(e.name());
    }
    return out;
  }

  /**
   * @return every entry, in page order
   */
  public static List<Entry> entries() {
    return List.copyOf(ENTRIES);
  }

  /**
   * @param name a figure name
   * @return its entry
   * @throws IllegalArgumentException naming the valid figures
   */
  public static Entry entry(String name) {
    for (Entry e : ENTRIES) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        "unknown figure '" + name + "' (figures: all, " + String.join(", ", names()) + ")");
  }

  private static Figure modelComparison(StudyData d) {
    Study study = d.study();
    GroupComparison c =
        study.compare(study.publishedGroups(d.types(), d.baseTable()), ZooFigures.PUBLISHED_GROUPS);
    return ZooFigures.comparison(
        "model-comparison",
        "Mean error ratio per factor for the four model types of the published comparison (imagenet_testbed,"
            + " plus the self-supervised models of modelvshuman and the base zoo; top-factor annotations),"
            + " factors sorted by the mean over all its models; dashed: 1, the models' average error.",
        StudyFigures.comparison(c, ALPHA));
  }

  private static Figure augmentationComparison(StudyData d) {
    Study study = d.study();
    GroupComparison c =
        study.augmentationComparison(
            study.sweep(Augmentation.CROP), study.sweep(Augmentation.COLOR_JITTER));
    return ZooFigures.comparison(
        "augmentation-comparison",
        "Mean error ratio per factor of ResNet-50s trained with different augmentation recipes: the strongest"
            + " kept random crop, the strongest kept colour jitter, both combined, and adaptive colour jitter;"
            + " dashed: 1.",
        StudyFigures.comparison(c, ALPHA));
  }

  private static Figure baseComparison(StudyData d) {
    FactorTable t = d.baseTable();
    int n = t.size();
    double[][] mean = new double[n][Factor.COUNT];
    int[] sizes = new int[n];
    for (int r = 0; r < n; r++) {
      sizes[r] = 1;
      for (Factor f : Factor.values()) {
        mean[r][f.ordinal()] = t.errorRatio(r, f);
      }
    }
    double[] p = new double[Factor.COUNT];
    Arrays.fill(p, Double.NaN);
    ZooBootstrap.Result iv = d.intervals();
    double[][] lower = new double[n][Factor.COUNT];
    double[][] upper = new double[n][Factor.COUNT];
    boolean[][] sig = new boolean[n][Factor.COUNT];
    for (int r = 0; r < n; r++) {
      int row = iv.indexOf(t.models().get(r));
      for (Factor f : Factor.values()) {
        int k = ZooBootstrap.Result.errorRatio(f);
        lower[r][f.ordinal()] = iv.lower()[row][k];
        upper[r][f.ordinal()] = iv.upper()[row][k];
        sig[r][f.ordinal()] = iv.lower()[row][k] > 1 || iv.upper()[row][k] < 1;
      }
    }
    GroupBars c =
        new GroupBars(
            t.models(),
            sizes,
            mean,
            lower,
            upper,
            p,
            ALPHA,
            String.format(
                Locale.ROOT,
                "Error bars: %.0f%% %s bootstrap over images (B = %,d, seed %d, cells resampled exactly)."
                    + " Faded: the interval contains 1 (the factor's error rate is not distinguishable from the"
                    + " model's average).",
                100 * iv.settings().confidenceLevel(),
                iv.settings().method().name().toLowerCase(Locale.ROOT),
                iv.settings().numResamples(),
                iv.settings().masterSeed()),
            sig,
            null);
    return ZooFigures.comparison(
        "base-model-comparison",
        "Error ratio per factor of the base models (top-factor annotations, class errors), factors sorted"
            + " by the mean over models; dashed: 1, the model's average error.",
        c);
  }
}
