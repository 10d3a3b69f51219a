package org.imagenetx.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.study.Cooccurrence;
import org.imagenetx.study.StudyTables;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code study cooccurrence}. */
@Command(
    name = "cooccurrence",
    mixinStandardHelpOptions = true,
    description =
        "Spearman correlation and p-values between the 16 factor and 17 metaclass indicators.")
final class StudyCooccurrenceCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin OutputOptions out;
  @Mixin DataOptions data;
  @Mixin SelectionOption factors;
  @Mixin LegacyPartitions partitions;

  @Override
  public Integer call() {
    List<Cooccurrence> list = new ArrayList<>();
    List<Dataset> datasets =
        StudyCommand.annotations(data, partitions.partitions, spec.commandLine().getErr());
    boolean synthetic = datasets.stream().anyMatch(Dataset::synthetic);
    for (Dataset d : datasets) {
      for (FactorSelection s : factors.selections) {
        list.add(Cooccurrence.compute(d, s));
      }
    }
    out.write(spec, StudyCommand.marked(StudyTables.cooccurrence(list), synthetic));
    return 0;
  }
}
