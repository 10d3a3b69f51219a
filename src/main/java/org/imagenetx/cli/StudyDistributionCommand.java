package org.imagenetx.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.report.ReportTable;
import org.imagenetx.study.FactorDistribution;
import org.imagenetx.study.StudyTables;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code study distribution}. */
@Command(
    name = "distribution",
    mixinStandardHelpOptions = true,
    description = "Share of images per factor, and the number of active factors per image.")
final class StudyDistributionCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin StudyCommand.OutputOptions out;
  @Mixin StudyCommand.AnnotationOptions ann;

  @Option(
      names = "--table",
      defaultValue = "shares",
      description = "shares or active (default: ${DEFAULT-VALUE}).")
  String table;

  @Override
  public Integer call() {
    List<FactorDistribution> list = new ArrayList<>();
    List<Dataset> datasets = ann.load(spec.commandLine().getErr());
    boolean synthetic = datasets.stream().anyMatch(Dataset::synthetic);
    for (Dataset d : datasets) {
      for (FactorSelection s : ann.selections) {
        list.add(FactorDistribution.compute(d, s));
      }
    }
    ReportTable t =
        switch (table.toLowerCase(Locale.ROOT)) {
          case "shares" -> StudyTables.factorShares(list);
          case "active" -> StudyTables.activeFactors(list);
          default -> throw new IllegalArgumentException("--table must be shares or active");
        };
    StudyCommand.marked(t, synthetic).write(spec.commandLine().getOut(), out.format, out.decimals);
    return 0;
  }
}
