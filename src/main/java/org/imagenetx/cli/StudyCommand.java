package org.imagenetx.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.imagenetx.annotations.AnnotationLoader;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.Partition;
import org.imagenetx.io.AtomicFiles;
import org.imagenetx.io.BadInputException;
import org.imagenetx.report.Format;
import org.imagenetx.report.ReportTable;
import org.imagenetx.stats.Aggregation;
import org.imagenetx.stats.ErrorType;
import org.imagenetx.stats.FactorTable;
import org.imagenetx.stats.MetaclassTable;
import org.imagenetx.study.AggregatedTables;
import org.imagenetx.study.ArchitectureFamily;
import org.imagenetx.study.Augmentation;
import org.imagenetx.study.AugmentationSweep;
import org.imagenetx.study.Calibration;
import org.imagenetx.study.ColorCodedLatex;
import org.imagenetx.study.Cooccurrence;
import org.imagenetx.study.FactorDistribution;
import org.imagenetx.study.GroupTest;
import org.imagenetx.study.MistakePrevalence;
import org.imagenetx.study.ModelGroups;
import org.imagenetx.study.ModelTypes;
import org.imagenetx.study.Prevalence;
import org.imagenetx.study.Study;
import org.imagenetx.study.StudyTables;
import org.imagenetx.synth.SyntheticImageNetX;
import org.imagenetx.zoo.Zoo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code imagenetx study}: the analyses of the ImageNet-X paper, as tables. */
@Command(
    name = "study",
    mixinStandardHelpOptions = true,
    description = {
      "The analyses of the ImageNet-X study as tables: model groups, augmentation spill-over,",
      "prevalence shift, calibration, factor co-occurrence and distributions."
    },
    subcommands = {
      StudyCommand.Groups.class,
      StudyCommand.Augment.class,
      StudyCommand.PrevalenceCmd.class,
      StudyCommand.CalibrationCmd.class,
      StudyCommand.CooccurrenceCmd.class,
      StudyCommand.DistributionCmd.class,
      StudyCommand.Latex.class,
      StudyCommand.All.class
    })
final class StudyCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing study command");
  }

  /** Options of the analyses of aggregated tables. */
  static final class TableOptions {
    @Option(
        names = "--results",
        paramLabel = "<dir>",
        description = "Results tree of the upstream layout (holding val/<sel>_factor/<zoo>/<type>/)."
            + " Default: data/results when present.")
    Path results;

    @Option(
        names = "--factors",
        defaultValue = "top",
        converter = Converters.SelectionConverter.class,
        description = "top or multi factor tables (default: ${DEFAULT-VALUE}, as the study).")
    FactorSelection selection;

    @Option(
        names = "--error-type",
        defaultValue = "class",
        converter = Converters.ErrorTypeConverter.class,
        description = "class, metaclass or real_class (default: ${DEFAULT-VALUE}).")
    ErrorType type;

    @Option(names = "--bootstrap", defaultValue = "1000", description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
    int numResamples;

    @Option(names = "--bootstrap-seed", defaultValue = "20221103", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
    long bootstrapSeed;

    @Option(names = "--confidence", defaultValue = "0.95", description = "Confidence level (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(
        names = "--group-test",
        defaultValue = "alexander-govern",
        description = "Test across groups per factor: alexander-govern (as the study) or welch (default: ${DEFAULT-VALUE}).")
    String groupTest;

    @Option(
        names = "--model-types",
        paramLabel = "<csv>",
        description = "model,type CSV. Default: model_types.csv next to the results folder, else data/model_types.csv.")
    Path modelTypes;

    @Option(
        names = "--families",
        paramLabel = "<csv>",
        description = "model,family overrides (cnn, transformer, other) of the name rule.")
    Path families;

    Path results() {
      if (results != null) {
        return results;
      }
      Path d = Path.of("data", "results");
      if (Files.isDirectory(d)) {
        return d;
      }
      throw new BadInputException(
          "--results", 0, "not given and data/results does not exist; pass --results <dir> (e.g. the"
              + " upstream results folder of the ImageNet-X release)");
    }

    Study study() {
      if (numResamples < 1) {
        throw new IllegalArgumentException("--bootstrap must be at least 1");
      }
      if (!(confidence > 0 && confidence < 1)) {
        throw new IllegalArgumentException("--confidence must be in (0, 1)");
      }
      return new Study(results(), selection, type, numResamples, confidence, bootstrapSeed, GroupTest.parse(groupTest));
    }

    ModelTypes types() {
      if (modelTypes != null) {
        return ModelTypes.read(modelTypes);
      }
      Path parent = results().toAbsolutePath().getParent();
      for (Path p : new Path[] {parent == null ? null : parent.resolve("model_types.csv"), Path.of("data", "model_types.csv")}) {
        if (p != null && Files.isRegularFile(p)) {
          return ModelTypes.read(p);
        }
      }
      throw new BadInputException("--model-types", 0, "not given and no model_types.csv next to the results folder or in data/");
    }

    Map<String, ArchitectureFamily> familyOverrides() {
      return families == null ? Map.of() : ArchitectureFamily.readOverrides(families);
    }
  }

  /** Output options. */
  static final class OutputOptions {
    @Option(
        names = "--format",
        defaultValue = "table",
        converter = Converters.FormatConverter.class,
        description = "table, csv, markdown, json or latex (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--decimals", defaultValue = "4", description = "Decimals in text formats (default: ${DEFAULT-VALUE}).")
    int decimals;
  }

  /** Per zoo, the aggregated tables of one selection and error type. */
  static List<Aggregation.Tables> aggregate(DataOptions.Loaded loaded, TableOptions opts, int threads) {
    List<Aggregation.Tables> out = new ArrayList<>();
    for (Zoo zoo : loaded.zoos()) {
      out.add(Aggregation.run(loaded.dataset(), zoo, List.of(opts.selection), List.of(opts.type), threads, null)
          .get(opts.selection, opts.type));
    }
    return out;
  }

  /** The base models' rows: a table file, or the zoos' aggregated tables, or null. */
  static FactorTable baseTable(Path baseTable, List<Aggregation.Tables> zoos) {
    if (baseTable != null) {
      return AggregatedTables.read(baseTable);
    }
    if (zoos.isEmpty()) {
      return null;
    }
    List<FactorTable> parts = new ArrayList<>();
    for (Aggregation.Tables t : zoos) {
      parts.add(t.factors());
    }
    return AggregatedTables.union(parts);
  }

  static void banner(DataOptions.Loaded loaded, PrintWriter err) {
    String b = DataOptions.syntheticBanner(loaded);
    if (b != null) {
      err.println(b);
    }
  }

  /** Annotations of one partition without a zoo; null when only the synthetic default exists and it lacks the partition. */
  static Dataset annotations(Path given, boolean synthetic, long seed, boolean keepPrototypes, Partition partition,
      PrintWriter err) {
    Path ann = given;
    if (ann == null && !synthetic) {
      ann = DataOptions.findDefaultAnnotations();
    }
    if (ann == null) {
      if (partition != Partition.VAL) {
        return null;
      }
      err.println("SYNTHETIC DATA: no --annotations given and none in data/; generated annotations, not ImageNet-X.");
      return SyntheticImageNetX.generate(seed, 50).dataset(keepPrototypes);
    }
    return AnnotationLoader.load(
        ann, new AnnotationLoader.Options(partition, EnumSet.allOf(FactorSelection.class), keepPrototypes, false));
  }

  /** {@code study groups}. */
  @Command(name = "groups", mixinStandardHelpOptions = true,
      description = {"Mean error ratio per factor per model group (the study's four model types, or",
          "architecture families), with bootstrap intervals over models and a group test per factor."})
  static final class Groups implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Mixin TableOptions opts;
    @Mixin OutputOptions out;
    @Mixin DataOptions data;

    @Option(names = "--by", defaultValue = "type", description = "type (the study's four groups) or family (default: ${DEFAULT-VALUE}).")
    String by;

    @Option(names = "--detail", description = "Print intervals and group tests, one row per factor and group.")
    boolean detail;

    @Option(names = "--all-models",
        description = "With --by family: every model of both zoos (default: the published comparison's models).")
    boolean allModels;

    @Option(names = "--base-table", paramLabel = "<csv>",
        description = "accuracies_per_factor.csv of the base models (DINO, SimCLR, …); or pass --zoo and --annotations.")
    Path baseTable;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      Study study = opts.study();
      List<Aggregation.Tables> zoos = data.zoos.isEmpty() || baseTable != null
          ? List.of()
          : aggregate(loadWithZoos(data, opts.selection, opts.type, err), opts, data.threads());
      FactorTable base = baseTable(baseTable, zoos);
      var c =
          switch (by.toLowerCase(Locale.ROOT)) {
            case "type" -> study.compare(study.publishedGroups(opts.types(), base), ModelTypes.STUDY_GROUPS);
            case "family" -> study.compareFamilies(
                allModels ? study.allModels(base) : study.publishedGroups(opts.types(), base).table(),
                opts.familyOverrides());
            default -> throw new IllegalArgumentException("--by must be type or family");
          };
      ReportTable t = detail ? StudyTables.groupDetail(c) : StudyTables.groupMeans(c);
      if (base == null && by.equalsIgnoreCase("type")) {
        t.note("base models (DINO, SimCLR) not included: pass --zoo <model_predictions/base> --annotations <dir> or --base-table");
      }
      t.write(spec.commandLine().getOut(), out.format, out.decimals);
      return 0;
    }
  }

  /** {@code study augment}. */
  @Command(name = "augment", mixinStandardHelpOptions = true,
      description = {"Augmentation spill-over: how crop, colour-jitter and blur strength move each factor's",
          "error ratio (the study's cubic-fit Welch t, least-squares slopes, recipe comparison)."})
  static final class Augment implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Mixin TableOptions opts;
    @Mixin OutputOptions out;

    @Option(names = "--augmentation", split = ",", defaultValue = "crop,colorjitter,gaussian_blur",
        description = "Sweeps to analyse (default: ${DEFAULT-VALUE}).")
    List<String> augmentations;

    @Option(names = "--table", defaultValue = "summary",
        description = "summary, effects (every column), spillover, models (parsed hyper-parameters) or compare"
            + " (augmentation recipes as groups) (default: ${DEFAULT-VALUE}).")
    String table;

    @Option(names = "--alpha", defaultValue = "0.05", description = "Significance for spillover (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Override
    public Integer call() {
      Study study = opts.study();
      ReportTable t;
      switch (table.toLowerCase(Locale.ROOT)) {
        case "compare":
          t = StudyTables.groupDetail(
              study.augmentationComparison(study.sweep(Augmentation.CROP), study.sweep(Augmentation.COLOR_JITTER)));
          break;
        case "summary":
          t = StudyTables.augmentSummary(sweeps(study));
          break;
        case "effects":
          t = StudyTables.augmentEffects(sweeps(study));
          break;
        case "spillover":
          t = StudyTables.spillOver(sweeps(study), alpha, 3);
          break;
        case "models":
          List<AugmentationSweep> s = sweeps(study);
          t = StudyTables.augmentModels(s.get(0));
          if (s.size() > 1) {
            throw new IllegalArgumentException("--table models needs one --augmentation");
          }
          break;
        default:
          throw new IllegalArgumentException("--table must be summary, effects, spillover, models or compare");
      }
      t.write(spec.commandLine().getOut(), out.format, out.decimals);
      return 0;
    }

    private List<AugmentationSweep> sweeps(Study study) {
      List<AugmentationSweep> s = new ArrayList<>();
      for (String a : augmentations) {
        s.add(study.sweep(Augmentation.parse(a)));
      }
      return s;
    }
  }

  /** {@code study prevalence}. */
  @Command(name = "prevalence", mixinStandardHelpOptions = true,
      description = {"Factor prevalence per metaclass and its shift from overall prevalence; with --zoo and",
          "--table mistakes, per model the shift of factor prevalence among its mistakes."})
  static final class PrevalenceCmd implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Mixin OutputOptions out;
    @Mixin DataOptions data;

    @Option(names = "--factors", defaultValue = "top", converter = Converters.SelectionConverter.class,
        description = "top or multi (default: ${DEFAULT-VALUE}).")
    FactorSelection selection;

    @Option(names = "--error-type", defaultValue = "class", converter = Converters.ErrorTypeConverter.class,
        description = "What counts as a mistake (default: ${DEFAULT-VALUE}).")
    ErrorType type;

    @Option(names = "--table", defaultValue = "metaclass", description = "metaclass or mistakes (default: ${DEFAULT-VALUE}).")
    String table;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      ReportTable t;
      if (table.equalsIgnoreCase("metaclass")) {
        Dataset ds = data.zoos.isEmpty()
            ? annotations(data.annotations, data.synthetic, data.seed, data.keepPrototypes, data.partition, err)
            : loadWithZoos(data, selection, type, err).dataset();
        if (ds == null) {
          throw new BadInputException("--annotations", 0, "the synthetic default has validation images only");
        }
        t = StudyTables.prevalence(Prevalence.compute(ds, selection));
      } else if (table.equalsIgnoreCase("mistakes")) {
        DataOptions.Loaded loaded = loadWithZoos(data, selection, type, err);
        t = null;
        for (Zoo zoo : loaded.zoos()) {
          ReportTable z = StudyTables.mistakePrevalence(MistakePrevalence.compute(loaded.dataset(), selection, type, zoo));
          t = t == null ? z : append(t, z);
        }
      } else {
        throw new IllegalArgumentException("--table must be metaclass or mistakes");
      }
      t.write(spec.commandLine().getOut(), out.format, out.decimals);
      return 0;
    }
  }

  static DataOptions.Loaded loadWithZoos(DataOptions data, FactorSelection s, ErrorType type, PrintWriter err) {
    DataOptions.Loaded loaded = data.load(EnumSet.of(s), type == ErrorType.REAL_CLASS);
    banner(loaded, err);
    return loaded;
  }

  static ReportTable append(ReportTable a, ReportTable b) {
    for (Object[] r : b.rows()) {
      a.addRow(r);
    }
    return a;
  }

  /** {@code study calibration}. */
  @Command(name = "calibration", mixinStandardHelpOptions = true,
      description = "Expected calibration error (15 equal-width bins) per model, overall and per factor.")
  static final class CalibrationCmd implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Mixin OutputOptions out;
    @Mixin DataOptions data;

    @Option(names = "--factors", defaultValue = "top", converter = Converters.SelectionConverter.class,
        description = "top or multi (default: ${DEFAULT-VALUE}).")
    FactorSelection selection;

    @Option(names = "--error-type", defaultValue = "class", converter = Converters.ErrorTypeConverter.class,
        description = "What counts as correct (default: ${DEFAULT-VALUE}).")
    ErrorType type;

    @Override
    public Integer call() {
      DataOptions.Loaded loaded = loadWithZoos(data, selection, type, spec.commandLine().getErr());
      ReportTable t = null;
      for (Zoo zoo : loaded.zoos()) {
        ReportTable z = StudyTables.calibration(Calibration.compute(loaded.dataset(), selection, type, zoo));
        t = t == null ? z : append(t, z);
      }
      t.write(spec.commandLine().getOut(), out.format, out.decimals);
      return 0;
    }
  }

  /** Annotation options of the commands that need no zoo. */
  static final class AnnotationOptions {
    @Option(names = "--annotations", paramLabel = "<folder|zip>",
        description = "ImageNet-X annotations (default: data/imagenet-x/annotations; else synthetic, val only).")
    Path annotations;

    @Option(names = "--partitions", split = ",", defaultValue = "train,val",
        converter = Converters.PartitionConverter.class, description = "Partitions (default: ${DEFAULT-VALUE}).")
    List<Partition> partitions;

    @Option(names = "--selections", split = ",", defaultValue = "multi,top",
        converter = Converters.SelectionConverter.class, description = "Factor selections (default: ${DEFAULT-VALUE}).")
    List<FactorSelection> selections;

    @Option(names = "--keep-prototypes", description = "Keep the validation prototypes (removed by default).")
    boolean keepPrototypes;

    @Option(names = "--seed", defaultValue = "" + DataOptions.DEFAULT_SEED, description = "Seed of the synthetic default.")
    long seed;

    List<Dataset> load(PrintWriter err) {
      List<Dataset> out = new ArrayList<>();
      for (Partition p : partitions) {
        Dataset d = annotations(annotations, false, seed, keepPrototypes, p, err);
        if (d == null) {
          err.println("(skipped " + p.key() + ": the synthetic default has validation images only)");
        } else {
          out.add(d);
        }
      }
      return out;
    }
  }

  /** {@code study cooccurrence}. */
  @Command(name = "cooccurrence", mixinStandardHelpOptions = true,
      description = "Spearman correlation and p-values between the 16 factor and 17 metaclass indicators.")
  static final class CooccurrenceCmd implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Mixin OutputOptions out;
    @Mixin AnnotationOptions ann;

    @Override
    public Integer call() {
      List<Cooccurrence> list = new ArrayList<>();
      for (Dataset d : ann.load(spec.commandLine().getErr())) {
        for (FactorSelection s : ann.selections) {
          list.add(Cooccurrence.compute(d, s));
        }
      }
      StudyTables.cooccurrence(list).write(spec.commandLine().getOut(), out.format, out.decimals);
      return 0;
    }
  }

  /** {@code study distribution}. */
  @Command(name = "distribution", mixinStandardHelpOptions = true,
      description = "Share of images per factor, and the number of active factors per image.")
  static final class DistributionCmd implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Mixin OutputOptions out;
    @Mixin AnnotationOptions ann;

    @Option(names = "--table", defaultValue = "shares", description = "shares or active (default: ${DEFAULT-VALUE}).")
    String table;

    @Override
    public Integer call() {
      List<FactorDistribution> list = new ArrayList<>();
      for (Dataset d : ann.load(spec.commandLine().getErr())) {
        for (FactorSelection s : ann.selections) {
          list.add(FactorDistribution.compute(d, s));
        }
      }
      ReportTable t = switch (table.toLowerCase(Locale.ROOT)) {
        case "shares" -> StudyTables.factorShares(list);
        case "active" -> StudyTables.activeFactors(list);
        default -> throw new IllegalArgumentException("--table must be shares or active");
      };
      t.write(spec.commandLine().getOut(), out.format, out.decimals);
      return 0;
    }
  }

  /** {@code study latex}. */
  @Command(name = "latex", mixinStandardHelpOptions = true,
      description = {"The colour-coded LaTeX table of per-metaclass error ratios (green below 1, red above)",
          "for a list of models of a zoo."})
  static final class Latex implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Mixin DataOptions data;

    @Option(names = "--models", split = ",", description = "Models to show (default: every model of the zoos).")
    List<String> models;

    @Option(names = "--factors", defaultValue = "top", converter = Converters.SelectionConverter.class,
        description = "top or multi (default: ${DEFAULT-VALUE}).")
    FactorSelection selection;

    @Option(names = "--error-type", defaultValue = "class", converter = Converters.ErrorTypeConverter.class,
        description = "class, metaclass or real_class (default: ${DEFAULT-VALUE}).")
    ErrorType type;

    @Option(names = "--decimals", defaultValue = "2", description = "Decimals (default: ${DEFAULT-VALUE}).")
    int decimals;

    @Override
    public Integer call() {
      spec.commandLine().getOut().print(latex(data, selection, type, models, decimals, spec.commandLine().getErr()));
      return 0;
    }
  }

  static String latex(DataOptions data, FactorSelection selection, ErrorType type, List<String> models, int decimals,
      PrintWriter err) {
    DataOptions.Loaded loaded = loadWithZoos(data, selection, type, err);
    List<MetaclassTable> tables = new ArrayList<>();
    for (Zoo zoo : loaded.zoos()) {
      tables.add(Aggregation.run(loaded.dataset(), zoo, List.of(selection), List.of(type), data.threads(), null)
          .get(selection, type)
          .metaclasses());
    }
    return latex(tables, models, decimals);
  }

  static String latex(List<MetaclassTable> tables, List<String> models, int decimals) {
    StringBuilder sb = new StringBuilder();
    List<String> missing = new ArrayList<>(models == null ? List.of() : models);
    for (MetaclassTable t : tables) {
      List<String> show = new ArrayList<>();
      for (String m : models == null ? t.models() : models) {
        if (t.models().contains(m)) {
          show.add(m);
          missing.remove(m);
        }
      }
      if (!show.isEmpty()) {
        sb.append(ColorCodedLatex.render(t, show, decimals));
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("model(s) not in the zoo(s): " + String.join(", ", missing));
    }
    return sb.toString();
  }

  /** {@code study all}. */
  @Command(name = "all", mixinStandardHelpOptions = true,
      description = {"Write every study table into --out: groups, augmentation, co-occurrence, distributions",
          "and prevalence; with --zoo also mistakes, calibration and the LaTeX table. All inputs are read",
          "and every table computed before the first file is written."})
  static final class All implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Mixin TableOptions opts;
    @Mixin DataOptions data;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Output folder, e.g. results/study.")
    Path outDir;

    @Option(names = "--format", defaultValue = "csv", converter = Converters.FormatConverter.class,
        description = "File format (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--decimals", defaultValue = "4", description = "Decimals in text formats (default: ${DEFAULT-VALUE}).")
    int decimals;

    @Option(names = "--base-table", paramLabel = "<csv>", description = "accuracies_per_factor.csv of the base models.")
    Path baseTable;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      PrintWriter stdout = spec.commandLine().getOut();
      Study study = opts.study();
      Map<String, ReportTable> tables = new LinkedHashMap<>();
      DataOptions.Loaded loaded = data.zoos.isEmpty() ? null : loadWithZoos(data, opts.selection, opts.type, err);
      List<Aggregation.Tables> zoos = loaded == null ? List.of() : aggregate(loaded, opts, data.threads());
      FactorTable base = baseTable(baseTable, zoos);
      ModelGroups published = study.publishedGroups(opts.types(), base);
      var groups = study.compare(published, ModelTypes.STUDY_GROUPS);
      tables.put("groups_means", StudyTables.groupMeans(groups));
      tables.put("groups_detail", StudyTables.groupDetail(groups));
      tables.put("families_detail",
          StudyTables.groupDetail(study.compareFamilies(published.table(), opts.familyOverrides())));
      List<AugmentationSweep> sweeps = study.sweeps();
      tables.put("augment_effects", StudyTables.augmentEffects(sweeps));
      tables.put("augment_spillover", StudyTables.spillOver(sweeps, 0.05, 3));
      for (AugmentationSweep s : sweeps) {
        tables.put("augment_models_" + s.augmentation().key(), StudyTables.augmentModels(s));
      }
      tables.put("augment_compare", StudyTables.groupDetail(study.augmentationComparison(sweeps.get(0), sweeps.get(1))));
      Path ann = data.annotations != null ? data.annotations : DataOptions.findDefaultAnnotations();
      if (ann != null) {
        List<Cooccurrence> co = new ArrayList<>();
        List<FactorDistribution> dist = new ArrayList<>();
        for (Partition p : List.of(Partition.TRAIN, Partition.VAL)) {
          Dataset d = annotations(ann, false, data.seed, data.keepPrototypes, p, err);
          for (FactorSelection s : FactorSelection.values()) {
            co.add(Cooccurrence.compute(d, s));
            dist.add(FactorDistribution.compute(d, s));
          }
          if (p == Partition.VAL) {
            tables.put("prevalence_metaclass", StudyTables.prevalence(Prevalence.compute(d, opts.selection)));
          }
        }
        tables.put("cooccurrence", StudyTables.cooccurrence(co));
        tables.put("distribution_shares", StudyTables.factorShares(dist));
        tables.put("distribution_active", StudyTables.activeFactors(dist));
      } else {
        err.println("(no annotations: co-occurrence, distribution and prevalence tables skipped; pass --annotations)");
      }
      String latex = null;
      if (loaded != null) {
        ReportTable mistakes = null;
        ReportTable calibration = null;
        for (Zoo zoo : loaded.zoos()) {
          ReportTable m = StudyTables.mistakePrevalence(
              MistakePrevalence.compute(loaded.dataset(), opts.selection, opts.type, zoo));
          mistakes = mistakes == null ? m : append(mistakes, m);
          if (zoo.hasProbabilities()) {
            ReportTable c = StudyTables.calibration(Calibration.compute(loaded.dataset(), opts.selection, opts.type, zoo));
            calibration = calibration == null ? c : append(calibration, c);
          }
        }
        tables.put("prevalence_mistakes", mistakes);
        if (calibration != null) {
          tables.put("calibration", calibration);
        }
        List<MetaclassTable> metaclassTables = new ArrayList<>();
        for (Aggregation.Tables t : zoos) {
          metaclassTables.add(t.metaclasses());
        }
        latex = latex(metaclassTables, null, 2);
      }
      String ext = switch (format) {
        case CSV -> ".csv";
        case JSON -> ".json";
        case MARKDOWN -> ".md";
        case LATEX -> ".tex";
        default -> ".txt";
      };
      for (Map.Entry<String, ReportTable> e : tables.entrySet()) {
        Path p = outDir.resolve(e.getKey() + ext);
        AtomicFiles.writeString(p, e.getValue().render(format, decimals));
        stdout.println("wrote " + p);
      }
      if (latex != null) {
        Path p = outDir.resolve("metaclass_error_ratios.tex");
        AtomicFiles.writeString(p, latex);
        stdout.println("wrote " + p);
      }
      return 0;
    }
  }
}
