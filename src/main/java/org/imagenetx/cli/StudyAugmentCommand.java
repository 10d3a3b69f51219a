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
import picocli.CommandLine.Spec;

/** {@code study augment}. */
@Command(
    name = "augment",
    mixinStandardHelpOptions = true,
    description = {
      "Augmentation spill-over per factor.",
      "How crop, colour-jitter and blur strength move each factor's error ratio: the study's",
      "cubic-fit Welch t, least-squares slopes, and the comparison of augmentation recipes."
    })
final class StudyAugmentCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin StudyCommand.TableOptions opts;
  @Mixin StudyCommand.OutputOptions out;

  @Option(
      names = "--augmentation",
      split = ",",
      defaultValue = "crop,colorjitter,gaussian_blur",
      description = "Sweeps to analyse (default: ${DEFAULT-VALUE}).")
  List<String> augmentations;

  @Option(
      names = "--table",
      defaultValue = "summary",
      description =
          "summary, effects (every column), spillover, models (parsed hyper-parameters) or compare"
              + " (augmentation recipes as groups) (default: ${DEFAULT-VALUE}).")
  String table;

  @Option(
      names = "--alpha",
      defaultValue = "0.05",
      description = "Significance for spillover (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Override
  public Integer call() {
    Study study = opts.study();
    ReportTable t;
    switch (table.toLowerCase(Locale.ROOT)) {
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
          throw new IllegalArgumentException("--table models needs one --augmentation");
        }
        break;
      default:
        throw new IllegalArgumentException(
            "--table must be summary, effects, spillover, models or compare");
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
