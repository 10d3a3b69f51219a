package org.imagenetx.figures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.compare.GroupComparison;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.evaluation.MetaclassTable;
import org.imagenetx.io.BadInputException;
import org.imagenetx.resampling.ZooBootstrap;
import org.imagenetx.study.Augmentation;
import org.imagenetx.study.AugmentationComparison;
import org.imagenetx.study.AugmentationSweep;
import org.imagenetx.study.Consistency;
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
   * @param title heading on the results page
   * @param needs optional inputs it is drawn from
   * @param parts what must be loaded or computed to draw it (nothing more is loaded for one figure)
   * @param perModel whether it draws one model, chosen with {@code --model}
   * @param build draws it from the data and the model (null: the default model)
   */
  public record Entry(
      String name,
      String title,
      Set<Input> needs,
      Set<StudyData.Part> parts,
      boolean perModel,
      BiFunction<StudyData, String, Figure> build) {
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
     * @return the figure (the default model for per-model figures)
     * @throws IllegalArgumentException naming a missing input
     */
    public Figure draw(StudyData data) {
      return draw(data, null);
    }

    /**
     * @param data loaded inputs
     * @param model the model of a per-model figure, or null for the default
     * @return the figure, with its title and provenance footer
     * @throws IllegalArgumentException naming a missing input
     */
    public Figure draw(StudyData data, String model) {
      Input m = missing(data);
      if (m != null) {
        throw new IllegalArgumentException("figure " + name + " needs " + m.how());
      }
      Figure f = build.apply(data, model);
      return f.title().equals(f.name()) ? f.with(title, f.provenance()) : f;
    }
  }

  /**
   * One augmentation sweep's figure.
   *
   * @param augmentation the study's augmentation
   * @param name figure key
   * @param title human name
   * @param axis x axis title with unit
   * @param strength what the strength is, for the caption
   */
  record Sweep(
      Augmentation augmentation, String name, String title, String axis, String strength) {}

  /** The three sweeps drawn, in page order. */
  static final List<Sweep> SWEEPS =
      List.of(
          new Sweep(
              Augmentation.CROP,
              "crop",
              "Random crop",
              "Crop strength (%)",
              "crop strength: 100 − the minimum crop scale, in %"),
          new Sweep(
              Augmentation.COLOR_JITTER,
              "colorjitter",
              "Colour jitter",
              "Colour-jitter strength",
              "colour-jitter strength as the model names give it"),
          new Sweep(
              Augmentation.GAUSSIAN_BLUR,
              "blur",
              "Gaussian blur",
              "Blur strength (smoothing)",
              "blur strength: the smoothing as the model names give it"));

  /** How the co-occurrence figures decide what is masked. */
  private static final String HOLM_CELLS = "Holm over the figure's cells";

  private static final String SPEARMAN =
      "Spearman correlation, cells with p ≥ " + ALPHA + " masked";

  private static final List<Entry> ENTRIES = new ArrayList<>();

  static {
    add(
        "factor-distribution",
        "How often each factor is annotated",
        EnumSet.of(Input.TRAIN),
        EnumSet.of(StudyData.Part.TRAIN),
        d ->
            DatasetFigures.factorDistribution(d.val(), d.train())
                .with(
                    null,
                    annotationsOnly(
                        annotations(d.val(), d.train()), "multi and top (both drawn)", "none")));
    add(
        "active-factor-count",
        "How many factors annotators select per image",
        EnumSet.of(Input.TRAIN),
        EnumSet.of(StudyData.Part.TRAIN),
        d ->
            DatasetFigures.activeFactorCount(d.val(), d.train())
                .with(null, annotationsOnly(annotations(d.val(), d.train()), "multi", "none")));
    add(
        "cooccurrence-val",
        "Which factors occur together (validation)",
        EnumSet.noneOf(Input.class),
        EnumSet.noneOf(StudyData.Part.class),
        d ->
            DatasetFigures.cooccurrence(Cooccurrence.compute(d.val(), FactorSelection.MULTI))
                .with(
                    null,
                    annotationsOnly(annotations(d.val()), "multi", SPEARMAN)
                        .withAdjustment(HOLM_CELLS)));
    add(
        "cooccurrence-train",
        "Which factors occur together (training)",
        EnumSet.of(Input.TRAIN),
        EnumSet.of(StudyData.Part.TRAIN),
        d ->
            DatasetFigures.cooccurrence(Cooccurrence.compute(d.train(), FactorSelection.MULTI))
                .with(
                    null,
                    annotationsOnly(annotations(d.train()), "multi", SPEARMAN)
                        .withAdjustment(HOLM_CELLS)));
    add(
        "factor-metaclass-val",
        "Which factors are typical of which objects",
        EnumSet.noneOf(Input.class),
        EnumSet.noneOf(StudyData.Part.class),
        d ->
            DatasetFigures.factorMetaclass(Cooccurrence.compute(d.val(), FactorSelection.MULTI))
                .with(
                    null,
                    annotationsOnly(annotations(d.val()), "multi", SPEARMAN)
                        .withAdjustment(HOLM_CELLS)));
    add(
        "accuracy-vs-top1",
        "Accuracy on each factor against overall accuracy",
        EnumSet.of(Input.RESULTS),
        EnumSet.of(StudyData.Part.STUDY, StudyData.Part.BASE),
        Catalog::accuracyVsTop1);
    add(
        "model-comparison",
        "Error ratio per factor by model type",
        EnumSet.of(Input.RESULTS),
        EnumSet.of(StudyData.Part.STUDY, StudyData.Part.BASE),
        Catalog::modelComparison);
    add(
        "consistency",
        "Consistency of failure modes across models",
        EnumSet.of(Input.RESULTS),
        EnumSet.of(StudyData.Part.STUDY, StudyData.Part.BASE),
        Catalog::consistency);
    add(
        "base-model-comparison",
        "Error ratio per factor of the base models",
        EnumSet.of(Input.ZOO),
        EnumSet.of(StudyData.Part.BASE, StudyData.Part.INTERVALS),
        Catalog::baseComparison);
    for (Sweep k : SWEEPS) {
      add(
          "augmentation-" + k.name(),
          k.title() + ": error ratio against augmentation strength",
          EnumSet.of(Input.RESULTS),
          EnumSet.of(StudyData.Part.STUDY),
          d -> {
            AugmentationSweep sw = d.study().sweep(k.augmentation());
            SweepLines lines = StudyFigures.sweep(sw, k.title(), k.name(), k.axis());
            Figure f = ZooFigures.augmentation(lines);
            return new Figure(
                    f.name(),
                    f.caption() + " The " + k.strength() + ".",
                    f.panels(),
                    f.columns(),
                    f.panelWidth(),
                    f.panelHeight(),
                    f.data())
                .with(
                    null,
                    new Provenance(
                        "published aggregated tables, zoo " + k.augmentation().key() + " (val)",
                        "top",
                        "class",
                        lines.models().size(),
                        "none (points: means over the models of a strength)",
                        "least-squares line over every model; Welch test of the strongest vs the"
                            + " weakest strength (CSV p_value)",
                        Provenance.NONE));
          });
    }
    add(
        "augmentation-comparison",
        "Error ratio per factor by augmentation recipe",
        EnumSet.of(Input.RESULTS),
        EnumSet.of(StudyData.Part.STUDY),
        Catalog::augmentationComparison);
    ENTRIES.add(
        new Entry(
            "metaclass-ratios",
            "Error ratio per factor within each object metaclass, one model",
            Set.of(Input.ZOO),
            Set.of(StudyData.Part.BASE),
            true,
            Catalog::metaclassRatios));
    add(
        "prevalence-shift",
        "How over-represented each factor is among the mistakes",
        EnumSet.of(Input.ZOO),
        EnumSet.of(StudyData.Part.MISTAKES, StudyData.Part.INTERVALS),
        d ->
            ModelFigures.prevalenceShift(
                    d.mistakes(), d.intervals(), "top-1 mistakes, top-factor annotations")
                .with(
                    null,
                    new Provenance(
                        baseData(d),
                        "top",
                        "class",
                        d.mistakes().models().size(),
                        imageBootstrap(d.intervals().settings())
                            + " (the error ratio's interval, shifted: 100 × (ER − 1))",
                        Provenance.NONE,
                        Provenance.NONE)));
  }

  private Catalog() {}

  private static void add(
      String name,
      String title,
      Set<Input> needs,
      Set<StudyData.Part> parts,
      Function<StudyData, Figure> build) {
    ENTRIES.add(
        new Entry(
            name, title, Set.copyOf(needs), Set.copyOf(parts), false, (d, m) -> build.apply(d)));
  }

  /**
   * @param names figure names
   * @return what must be loaded to draw them
   */
  public static Set<StudyData.Part> partsOf(List<Entry> names) {
    Set<StudyData.Part> out = EnumSet.noneOf(StudyData.Part.class);
    for (Entry e : names) {
      out.addAll(e.parts());
    }
    return out;
  }

  static String annotations(Dataset... parts) {
    List<String> p = new ArrayList<>();
    for (Dataset d : parts) {
      p.add(
          String.format(
              Locale.ROOT,
              "%s (%,d images)",
              d.partition().key(),
              d.factors(FactorSelection.MULTI).numEvaluated()));
    }
    return "ImageNet-X annotations, " + String.join(" and ", p);
  }

  private static Provenance annotationsOnly(String data, String selection, String test) {
    return new Provenance(
        data, selection, "none (annotations only)", 0, Provenance.NONE, test, Provenance.NONE);
  }

  static String baseData(StudyData d) {
    return String.format(
        Locale.ROOT,
        "ImageNet-X val (%,d images), predictions of %s",
        d.val().factors(FactorSelection.TOP).numEvaluated(),
        String.join(", ", d.baseModels()));
  }

  static String imageBootstrap(ZooBootstrap.Settings s) {
    return String.format(
        Locale.ROOT,
        "%.0f%% %s bootstrap over images (B = %,d, seed %d)",
        100 * s.confidenceLevel(),
        s.method().key(),
        s.numResamples(),
        s.masterSeed());
  }

  static String modelBootstrap(GroupComparison c) {
    return String.format(
        Locale.ROOT,
        "%.0f%% %s bootstrap over the models of a group (B = %,d, seed %d)",
        100 * c.settings().confidenceLevel(),
        c.settings().method().key(),
        c.settings().numResamples(),
        c.settings().masterSeed());
  }

  static String groupTest(GroupComparison c) {
    return c.test(0, Factor.POSE).method()
        + " across the "
        + c.groups().size()
        + " groups per factor; faded: p ≥ "
        + ALPHA;
  }

  private static int totalModels(GroupComparison c) {
    int n = 0;
    for (int g = 0; g < c.groups().size(); g++) {
      n += c.count(g);
    }
    return n;
  }

  private static Figure accuracyVsTop1(StudyData d) {
    Study study = d.study();
    ModelGroups published = study.publishedGroups(d.types(), d.baseTable());
    // the study's scatter: the models of the published comparison, not every row of the tables
    FactorTable all = published.table();
    Figure f = ZooFigures.accuracyVsTop1(all, published.groupOf(), ZooFigures.PUBLISHED_GROUPS);
    return f.with(
        null,
        new Provenance(
            "published aggregated tables (imagenet_testbed, modelvshuman) and the base zoo (val)",
            "top",
            "class",
            all.size(),
            Provenance.NONE,
            Provenance.NONE,
            Provenance.NONE));
  }

  private static Figure metaclassRatios(StudyData d, String model) {
    MetaclassTable t = d.base().get(FactorSelection.TOP, ErrorType.CLASS).metaclasses();
    String m = model;
    if (m == null) {
      m = t.models().contains(METACLASS_MODEL) ? METACLASS_MODEL : t.models().get(0);
    } else if (!t.models().contains(m)) {
      throw new BadInputException(
          "--model",
          0,
          "no model '" + m + "' in the base zoo (models: " + String.join(", ", t.models()) + ")");
    }
    int[][] images =
        ModelFigures.metaclassImages(d.val().factors(FactorSelection.TOP), d.val().index());
    return ModelFigures.metaclassRatios(t, m, images)
        .with(
            null,
            new Provenance(
                baseData(d) + "; drawn: " + m,
                "top",
                "class",
                1,
                Provenance.NONE,
                Provenance.NONE,
                Provenance.NONE));
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
    Figure fig =
        ZooFigures.comparison(
            "model-comparison",
            "Mean error ratio per factor for the four model types of the published comparison (imagenet_testbed,"
                + " plus the self-supervised models of modelvshuman and the base zoo; top-factor annotations),"
                + " factors sorted by the mean over all its models; dashed: 1, the models' average error.",
            StudyFigures.comparison(c, ALPHA));
    return fig.with(
        null,
        new Provenance(
            "published aggregated tables (imagenet_testbed, modelvshuman) and the base zoo (val)",
            "top",
            "class",
            totalModels(c),
            modelBootstrap(c),
            groupTest(c),
            StudyFigures.ADJUSTMENT));
  }

  private static Figure consistency(StudyData d) {
    Study study = d.study();
    // the models of the published comparison, as study consistency's first model set (the same
    // bootstrap keys, so the figure draws the numbers of consistency.csv)
    Consistency c = study.publishedConsistency(study.publishedGroups(d.types(), d.baseTable()));
    String selection = study.selection().key();
    String errors = study.type().key();
    Figure fig =
        ZooFigures.consistency(
            c,
            study.bootstrap(),
            String.format(
                Locale.ROOT,
                "the %d models of the published comparison (the four model types of model-comparison;"
                    + " %s-factor annotations, %s errors)",
                c.models().size(),
                selection,
                errors));
    ZooBootstrap.Settings s = study.bootstrap();
    return fig.with(
        null,
        new Provenance(
            "published aggregated tables (imagenet_testbed, modelvshuman) and the base zoo (val)",
            selection,
            errors,
            c.models().size(),
            String.format(
                Locale.ROOT,
                "shares: %.0f%% Wilson score interval over models; median ρ: %.0f%% %s bootstrap"
                    + " over models (B = %,d, seed %d)",
                100 * s.confidenceLevel(),
                100 * s.confidenceLevel(),
                s.method().key(),
                s.numResamples(),
                s.masterSeed()),
            "none (descriptive)",
            Provenance.NONE));
  }

  private static Figure augmentationComparison(StudyData d) {
    Study study = d.study();
    GroupComparison c =
        study.augmentationComparison(
            study.sweep(Augmentation.CROP), study.sweep(Augmentation.COLOR_JITTER));
    Figure fig =
        ZooFigures.comparison(
            "augmentation-comparison",
            "Mean error ratio per factor of ResNet-50s trained with different augmentation recipes: the strongest"
                + " kept random crop, the strongest kept colour jitter, both combined, and adaptive colour jitter;"
                + " dashed: 1.",
            StudyFigures.comparison(c, ALPHA));
    return fig.with(
        null,
        new Provenance(
            "published aggregated tables, zoos crop, colorjitter, "
                + AugmentationComparison.COLORJITTER_CROP
                + ", "
                + AugmentationComparison.ADAPTIVE_COLORJITTER
                + " (val)",
            "top",
            "class",
            totalModels(c),
            modelBootstrap(c),
            groupTest(c),
            StudyFigures.ADJUSTMENT));
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
    // simultaneous bands over each model's 16 factors: a faded bar is a family-wise statement
    ZooBootstrap.Result iv = d.bands();
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
                "Error bars: %.0f%% simultaneous (max-|t|) bands over each model's 16 factors, %s bootstrap"
                    + " over images (B = %,d, seed %d, cells resampled exactly). Faded: the band contains 1"
                    + " (the factor's error rate is not distinguishable from the model's average).",
                100 * iv.settings().confidenceLevel(),
                iv.settings().method().name().toLowerCase(Locale.ROOT),
                iv.settings().numResamples(),
                iv.settings().masterSeed()),
            sig,
            null);
    Figure fig =
        ZooFigures.comparison(
            "base-model-comparison",
            "Error ratio per factor of the base models (top-factor annotations, class errors), factors sorted"
                + " by the mean over models; dashed: 1, the model's average error.",
            c);
    return fig.with(
        null,
        new Provenance(
            baseData(d),
            "top",
            "class",
            n,
            imageBootstrap(iv.settings()),
            "faded: the band contains 1",
            "simultaneous max-|t| bands over each model's 16 factors"));
  }
}
