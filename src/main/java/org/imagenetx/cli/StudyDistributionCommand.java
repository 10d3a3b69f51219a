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
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code study distribution}. */
@Command(
    name = "distribution",
    mixinStandardHelpOptions = true,
    description = {
      "Tables: shares (share of images per factor) or active (the number of active factors per"
          + " image), over --partition and --factors."
    })
final class StudyDistributionCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin OutputOptions out;
  @Mixin DataOptions data;
  @Mixin SelectionOption factors;
  @Mixin LegacyPartitions partitions;

  @Option(names = "--table", paramLabel = "<table>", description = DataHelp.TABLE)
  String table;

  @Override
  public Integer call() {
    List<FactorDistribution> list = new ArrayList<>();
    List<Dataset> datasets =
        StudyCommand.annotations(data, partitions.partitions, spec.commandLine().getErr());
    boolean synthetic = datasets.stream().anyMatch(Dataset::synthetic);
    for (Dataset d : datasets) {
      for (FactorSelection s : factors.selections) {
        list.add(FactorDistribution.compute(d, s));
      }
    }
    ReportTable t =
        switch (table == null ? "shares" : table.toLowerCase(Locale.ROOT)) {
          case "shares" -> StudyTables.factorShares(list);
          case "active" -> StudyTables.activeFactors(list);
          default ->
              throw new ParameterException(
                  spec.commandLine(), "--table must be shares or active, got '" + table + "'");
        };
    out.write(spec, StudyCommand.marked(t, synthetic));
    return 0;
  }
}
