package org.imagenetx.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.imagenetx.report.ReportTable;
import org.imagenetx.study.Augmentation;
import org.imagenetx.study.AugmentationSweep;
import org.imagenetx.study.Study;
import org.imagenetx.study.StudyTables;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code study augment}. */
@Command(
    name = "augment",
    mixinStandardHelpOptions = true,
    description = {
      "Augmentation spill-over per factor. Tables: summary, effects (every column), spillover,"
          + " models (parsed hyper-parameters, one --augmentation) or compare (augmentation recipes as groups).",
      "How crop, colour-jitter and blur strength move each factor's error ratio: the study's"
          + " cubic-fit Welch t, least-squares slopes, and the comparison of augmentation recipes."
    })
final class StudyAugmentCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin StudyCommand.TableOptions opts;
  @Mixin OutputOptions out;

  @Option(
      names = "--augmentation",
      split = ",",
      defaultValue = "crop,colorjitter,gaussian_blur",
      paramLabel = "<list>",
      converter = Converters.AugmentationConverter.class,
      description = "Sweeps to analyse (default: ${DEFAULT-VALUE}).")
  List<Augmentation> augmentations;

  @Option(names = "--table", paramLabel = "<table>", description = DataHelp.TABLE)
  String table;

  @Option(
      names = "--alpha",
      defaultValue = "0.05",
      description = "Significance for spillover (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Override
  public Integer call() {
    Study study = opts.study(spec);
    ReportTable t;
    switch (table == null ? "summary" : table.toLowerCase(Locale.ROOT)) {
      case "compare":
        t =
            StudyTables.groupDetail(
                study.augmentationComparison(
                    study.sweep(Augmentation.CROP), study.sweep(Augmentation.COLOR_JITTER)));
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
          throw new ParameterException(
              spec.commandLine(), "--table models needs one --augmentation");
        }
        break;
      default:
        throw new ParameterException(
            spec.commandLine(),
            "--table must be summary, effects, spillover, models or compare, got '" + table + "'");
    }
    out.write(spec, t);
    return 0;
  }

  private List<AugmentationSweep> sweeps(Study study) {
    List<AugmentationSweep> s = new ArrayList<>();
    for (Augmentation a : augmentations) {
      s.add(study.sweep(a));
    }
    return s;
  }
}
