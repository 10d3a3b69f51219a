package org.imagenetx.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.io.BadInputException;
import org.imagenetx.report.ReportTable;
import org.imagenetx.study.MistakePrevalence;
import org.imagenetx.study.Prevalence;
import org.imagenetx.study.StudyTables;
import org.imagenetx.zoo.Zoo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code study prevalence}. */
@Command(
    name = "prevalence",
    mixinStandardHelpOptions = true,
    description = {
      "Factor prevalence shift per metaclass, or among a model's mistakes. Tables: metaclass, mistakes.",
      "Per metaclass: prevalence relative to overall prevalence. With --zoo and --table mistakes:",
      "per model, factor prevalence among its mistakes relative to all its images."
    })
final class StudyPrevalenceCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin OutputOptions out;
  @Mixin DataOptions data;

  @Mixin SliceOptions view;

  @Option(names = "--table", paramLabel = "<table>", description = DataHelp.TABLE)
  String table;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    FactorSelection selection = view.selection(spec);
    ErrorType type = view.type(spec);
    String which = table == null ? "metaclass" : table;
    ReportTable t;
    if (which.equalsIgnoreCase("metaclass")) {
      Dataset ds =
          data.zoos.isEmpty()
              ? StudyCommand.annotations(
                  data.annotations,
                  data.synthetic,
                  data.seed,
                  data.keepPrototypes,
                  data.partition,
                  err)
              : StudyCommand.loadWithZoos(data, selection, type, err).dataset();
      if (ds == null) {
        throw new BadInputException(
            "--annotations", 0, "the synthetic default has validation images only");
      }
      t =
          StudyCommand.marked(
              StudyTables.prevalence(Prevalence.compute(ds, selection)), ds.synthetic());
    } else if (which.equalsIgnoreCase("mistakes")) {
      DataOptions.Loaded loaded = StudyCommand.loadWithZoos(data, selection, type, err);
      t = null;
      for (Zoo zoo : loaded.zoos()) {
        ReportTable z =
            StudyTables.mistakePrevalence(
                MistakePrevalence.compute(loaded.dataset(), selection, type, zoo));
        t = t == null ? z : StudyCommand.append(t, z);
      }
      t = StudyCommand.marked(t, loaded.synthetic());
    } else {
      throw new ParameterException(
          spec.commandLine(), "--table must be metaclass or mistakes, got '" + table + "'");
    }
    out.write(spec, t);
    return 0;
  }
}
