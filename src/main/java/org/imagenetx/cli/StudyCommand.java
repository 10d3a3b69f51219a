package org.imagenetx.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.imagenetx.annotations.AnnotationLoader;
import org.imagenetx.annotations.Annotations;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.Partition;
import org.imagenetx.compare.GroupTest;
import org.imagenetx.evaluation.Aggregation;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.evaluation.MetaclassTable;
import org.imagenetx.io.BadInputException;
import org.imagenetx.report.ReportTable;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code imagenetx study}: the analyses of the ImageNet-X paper, as tables. */
@Command(
    name = "study",
    mixinStandardHelpOptions = true,
    description = {
      "The analyses of the ImageNet-X study as tables: model groups, augmentation spill-over,"
          + " prevalence shift, calibration, factor co-occurrence, distributions and the consistency of"
          + " failure modes."
    },
    subcommands = {
      StudyGroupsCommand.class,
      StudyAugmentCommand.class,
      StudyPrevalenceCommand.class,
      StudyCalibrationCommand.class,
      StudyCooccurrenceCommand.class,
      StudyDistributionCommand.class,
      StudyConsistencyCommand.class,
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
    @Option(names = "--results", paramLabel = "<dir>", description = DataHelp.RESULTS)
    Path results;

    @Mixin SliceOptions view;

    @Mixin BootstrapOptions bootstrap;

    @Option(
        names = "--group-test",
        defaultValue = "alexander-govern",
        paramLabel = "<test>",
        converter = Converters.GroupTestConverter.class,
        description =
            "Test across groups per factor: alexander-govern (as the study) or welch (default: ${DEFAULT-VALUE}).")
    GroupTest groupTest;

    @Option(names = "--model-types", paramLabel = "<csv>", description = DataHelp.MODEL_TYPES)
    Path modelTypes;

    @Option(
        names = "--include-simclr",
        description = {
          "Deviation from the study: also count the base SimCLR as self-supervised (14 models"
              + " instead of the published 13; the study adds only DINO of the base models)."
        })
    boolean includeSimclr;

    @Option(
        names = "--families",
        paramLabel = "<csv>",
        description = "model,family overrides (cnn, transformer, other) of the name rule.")
    Path families;

    /**
     * The annotations the results are looked for beside: {@code --annotations} when given (null:
     * the embedded release).
     */
    Path annotations;

    Path results() {
      Path r = StudyInputOptions.results(results, annotations);
      if (r != null) {
        return r;
      }
      throw new BadInputException(
          "--results",
          0,
          "not given, and no results folder beside the annotations; pass --results <dir> (e.g."
              + " data/imagenet-x/results)");
    }

    Study study(CommandSpec spec) {
      return new Study(
          results(), view.selection(spec), view.type(spec), bootstrap.settings(spec), groupTest);
    }

    ModelTypes types() {
      Path r = results != null ? results : StudyInputOptions.results(null, annotations);
      Path p = StudyInputOptions.modelTypes(modelTypes, r);
      if (p == null) {
        throw new BadInputException(
            "--model-types", 0, "not given, and no model_types.csv beside the results folder");
      }
      return ModelTypes.read(p);
    }

    Map<String, ArchitectureFamily> familyOverrides() {
      return families == null ? Map.of() : ArchitectureFamily.readOverrides(families);
    }
  }

  /** Per zoo, the aggregated tables of one selection and error type. */
  static List<Aggregation.Tables> aggregate(
      DataOptions.Loaded loaded, FactorSelection selection, ErrorType type, int threads) {
    List<Aggregation.Tables> out = new ArrayList<>();
    for (Zoo zoo : loaded.zoos()) {
      out.add(
          Aggregation.run(loaded.dataset(), zoo, List.of(selection), List.of(type), threads, null)
              .get(selection, type));
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

  /**
   * The base models' rows of a study command: {@code --base-table}, else the zoos of {@code --zoo}
   * (the release's base models by default) evaluated for the study's selection and error type; none
   * with synthetic data.
   */
  static FactorTable baseTable(Path baseTable, DataOptions data, Study study, PrintWriter err) {
    List<Aggregation.Tables> zoos =
        baseTable != null || data.synthetic
            ? List.of()
            : aggregate(
                loadWithZoos(data, study.selection(), study.type(), err),
                study.selection(),
                study.type(),
                data.threads());
    return baseTable(baseTable, zoos);
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
   * Annotations of one partition without a zoo: {@code --annotations}, else the embedded release,
   * or with {@code --synthetic} the generated dataset (null for a partition it lacks).
   */
  static Dataset annotations(
      Path given,
      boolean synthetic,
      long seed,
      boolean keepPrototypes,
      Partition partition,
      PrintWriter err) {
    if (synthetic) {
      if (partition != Partition.VAL) {
        return null;
      }
      err.println("SYNTHETIC DATA: generated annotations, not ImageNet-X.");
      return SyntheticImageNetX.generate(seed, 50).dataset(keepPrototypes);
    }
    Annotations ann = given != null ? Annotations.open(given) : Annotations.release();
    return ann.dataset(
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

  /**
   * The annotations of every partition a command asks for ({@code --partition}, or the deprecated
   * list {@code --partitions}), without a zoo; partitions the synthetic default lacks are skipped
   * with a note.
   */
  static List<Dataset> annotations(DataOptions data, List<Partition> partitions, PrintWriter err) {
    List<Dataset> out = new ArrayList<>();
    for (Partition p : partitions == null ? List.of(data.partition) : partitions) {
      Dataset d =
          annotations(data.annotations, data.synthetic, data.seed, data.keepPrototypes, p, err);
      if (d == null) {
        err.println("(skipped " + p.key() + ": the synthetic default has validation images only)");
      } else {
        out.add(d);
      }
    }
    return out;
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
      throw new BadInputException(
          "--model", 0, "model(s) not in the zoo(s): " + String.join(", ", missing));
    }
    return sb.toString();
  }
}
