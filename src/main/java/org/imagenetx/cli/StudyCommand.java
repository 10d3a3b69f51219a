package org.imagenetx.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.imagenetx.annotations.AnnotationLoader;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.Partition;
import org.imagenetx.compare.GroupTest;
import org.imagenetx.evaluation.Aggregation;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.evaluation.MetaclassTable;
import org.imagenetx.io.BadInputException;
import org.imagenetx.report.Format;
import org.imagenetx.report.ReportTable;
import org.imagenetx.resampling.IntervalMethod;
import org.imagenetx.resampling.ZooBootstrap;
import org.imagenetx.study.AggregatedTables;
import org.imagenetx.study.ArchitectureFamily;
import org.imagenetx.study.ColorCodedLatex;
import org.imagenetx.study.ModelTypes;
import org.imagenetx.study.Study;
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
      StudyGroupsCommand.class,
      StudyAugmentCommand.class,
      StudyPrevalenceCommand.class,
      StudyCalibrationCommand.class,
      StudyCooccurrenceCommand.class,
      StudyDistributionCommand.class,
      StudyLatexCommand.class,
      StudyAllCommand.class
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
        description =
            "Results tree of the upstream layout (holding val/<sel>_factor/<zoo>/<type>/)."
                + " Default: data/results when present.")
    Path results;

    @Mixin SliceOptions view;

    @Option(
        names = "--bootstrap",
        defaultValue = "1000",
        description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
    int numResamples;

    @Option(
        names = "--bootstrap-seed",
        defaultValue = "20221103",
        description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
    long bootstrapSeed;

    @Option(
        names = "--confidence",
        defaultValue = "0.95",
        description = "Confidence level (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(
        names = "--group-test",
        defaultValue = "alexander-govern",
        description =
            "Test across groups per factor: alexander-govern (as the study) or welch (default: ${DEFAULT-VALUE}).")
    String groupTest;

    @Option(
        names = "--model-types",
        paramLabel = "<csv>",
        description =
            "model,type CSV. Default: model_types.csv next to the results folder, else data/model_types.csv.")
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
          "--results",
          0,
          "not given and data/results does not exist; pass --results <dir> (e.g. the"
              + " upstream results folder of the ImageNet-X release)");
    }

    Study study() {
      GroupTest test = groupTest();
      return new Study(results(), view.selection, view.type, settings(), test);
    }

    ZooBootstrap.Settings settings() {
      return new ZooBootstrap.Settings(
          numResamples, confidence, IntervalMethod.PERCENTILE, bootstrapSeed);
    }

    ModelTypes types() {
      if (modelTypes != null) {
        return ModelTypes.read(modelTypes);
      }
      Path res =
          results != null
              ? results
              : Files.isDirectory(Path.of("data", "results")) ? Path.of("data", "results") : null;
      Path parent = res == null ? null : res.toAbsolutePath().getParent();
      for (Path p :
          new Path[] {
            parent == null ? null : parent.resolve("model_types.csv"),
            Path.of("data", "model_types.csv")
          }) {
        if (p != null && Files.isRegularFile(p)) {
          return ModelTypes.read(p);
        }
      }
      throw new BadInputException(
          "--model-types",
          0,
          "not given and no model_types.csv next to the results folder or in data/");
    }

    GroupTest groupTest() {
      if (numResamples < 1) {
        throw new IllegalArgumentException("--bootstrap must be at least 1");
      }
      if (!(confidence > 0 && confidence < 1)) {
        throw new IllegalArgumentException("--confidence must be in (0, 1)");
      }
      return GroupTest.parse(groupTest);
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

    @Option(
        names = "--decimals",
        defaultValue = "4",
        description = "Decimals in text formats (default: ${DEFAULT-VALUE}).")
    int decimals;
  }

  /** Per zoo, the aggregated tables of one selection and error type. */
  static List<Aggregation.Tables> aggregate(
      DataOptions.Loaded loaded, TableOptions opts, int threads) {
    List<Aggregation.Tables> out = new ArrayList<>();
    for (Zoo zoo : loaded.zoos()) {
      out.add(
          Aggregation.run(
                  loaded.dataset(),
                  zoo,
                  List.of(opts.view.selection),
                  List.of(opts.view.type),
                  threads,
                  null)
              .get(opts.view.selection, opts.view.type));
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

  /** The note every table computed from generated data carries. */
  static final String SYNTHETIC_NOTE =
      "(synthetic data: generated models and annotations, not ImageNet-X)";

  /**
   * @param t a table
   * @param synthetic whether it was computed from generated data
   * @return the table, with {@link #SYNTHETIC_NOTE} when synthetic
   */
  static ReportTable marked(ReportTable t, boolean synthetic) {
    return synthetic ? t.note(SYNTHETIC_NOTE) : t;
  }

  static void banner(DataOptions.Loaded loaded, PrintWriter err) {
    String b = DataOptions.syntheticBanner(loaded);
    if (b != null) {
      err.println(b);
    }
  }

  /**
   * Annotations of one partition without a zoo; null when only the synthetic default exists and it
   * lacks the partition.
   */
  static Dataset annotations(
      Path given,
      boolean synthetic,
      long seed,
      boolean keepPrototypes,
      Partition partition,
      PrintWriter err) {
    Path ann = given;
    if (ann == null && !synthetic) {
      ann = DataOptions.findDefaultAnnotations();
    }
    if (ann == null) {
      if (partition != Partition.VAL) {
        return null;
      }
      err.println(
          "SYNTHETIC DATA: no --annotations given and none in data/; generated annotations, not ImageNet-X.");
      return SyntheticImageNetX.generate(seed, 50).dataset(keepPrototypes);
    }
    return AnnotationLoader.load(
        ann,
        new AnnotationLoader.Options(
            partition, EnumSet.allOf(FactorSelection.class), keepPrototypes, false));
  }

  static DataOptions.Loaded loadWithZoos(
      DataOptions data, FactorSelection s, ErrorType type, PrintWriter err) {
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

  /** Annotation options of the commands that need no zoo. */
  static final class AnnotationOptions {
    @Option(
        names = "--annotations",
        paramLabel = "<folder|zip>",
        description =
            "ImageNet-X annotations (default: data/imagenet-x/annotations; else synthetic, val only).")
    Path annotations;

    @Option(
        names = "--partitions",
        split = ",",
        defaultValue = "train,val",
        converter = Converters.PartitionConverter.class,
        description = "Partitions (default: ${DEFAULT-VALUE}).")
    List<Partition> partitions;

    @Option(
        names = "--selections",
        split = ",",
        defaultValue = "multi,top",
        converter = Converters.SelectionConverter.class,
        description = "Factor selections (default: ${DEFAULT-VALUE}).")
    List<FactorSelection> selections;

    @Option(
        names = "--keep-prototypes",
        description = "Keep the validation prototypes (removed by default).")
    boolean keepPrototypes;

    @Option(
        names = "--seed",
        defaultValue = "" + DataOptions.DEFAULT_SEED,
        description = "Seed of the synthetic default.")
    long seed;

    List<Dataset> load(PrintWriter err) {
      List<Dataset> out = new ArrayList<>();
      for (Partition p : partitions) {
        Dataset d = annotations(annotations, false, seed, keepPrototypes, p, err);
        if (d == null) {
          err.println(
              "(skipped " + p.key() + ": the synthetic default has validation images only)");
        } else {
          out.add(d);
        }
      }
      return out;
    }
  }

  static String latex(
      DataOptions data,
      FactorSelection selection,
      ErrorType type,
      List<String> models,
      int decimals,
      PrintWriter err) {
    DataOptions.Loaded loaded = loadWithZoos(data, selection, type, err);
    List<MetaclassTable> tables = new ArrayList<>();
    for (Zoo zoo : loaded.zoos()) {
      tables.add(
          Aggregation.run(
                  loaded.dataset(), zoo, List.of(selection), List.of(type), data.threads(), null)
              .get(selection, type)
              .metaclasses());
    }
    String tex = latex(tables, models, decimals);
    return loaded.synthetic() ? "% " + SYNTHETIC_NOTE + "\n" + tex : tex;
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
      throw new IllegalArgumentException(
          "model(s) not in the zoo(s): " + String.join(", ", missing));
    }
    return sb.toString();
  }
}
