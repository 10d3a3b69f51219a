package org.imagenetx.cli;

import java.util.concurrent.Callable;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.report.ReportTable;
import org.imagenetx.study.Calibration;
import org.imagenetx.study.StudyTables;
import org.imagenetx.zoo.Zoo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code study calibration}. */
@Command(
    name = "calibration",
    mixinStandardHelpOptions = true,
    description =
        "Expected calibration error (15 equal-width bins) per model, overall and per factor.")
final class StudyCalibrationCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin OutputOptions out;
  @Mixin DataOptions data;

  @Mixin SliceOptions view;

  @Override
  public Integer call() {
    FactorSelection selection = view.selection(spec);
    ErrorType type = view.type(spec);
    DataOptions.Loaded loaded =
        StudyCommand.loadWithZoos(data, selection, type, spec.commandLine().getErr());
    ReportTable t = null;
    for (Zoo zoo : loaded.zoos()) {
      ReportTable z =
          StudyTables.calibration(Calibration.compute(loaded.dataset(), selection, type, zoo));
      t = t == null ? z : StudyCommand.append(t, z);
    }
    out.write(spec, StudyCommand.marked(t, loaded.synthetic()));
    return 0;
  }
}
