package org.imagenetx.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.study.Study;
import org.imagenetx.study.StudyTables;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code study consistency}. */
@Command(
    name = "consistency",
    mixinStandardHelpOptions = true,
    description = {
      "How consistent the failure modes are across models: per factor, the share of models whose"
          + " error ratio exceeds 1; per model, Spearman's rho between its 16-factor profile and the"
          + " pooled mean profile (median, minimum, share >= 0.8). Intervals: Wilson score for the"
          + " per-factor shares, a bootstrap over models for the median and the share >= 0.8.",
      "Over the published comparison's models, then over every model of the seven zoos."
    })
final class StudyConsistencyCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin StudyCommand.TableOptions opts;
  @Mixin OutputOptions out;
  @Mixin DataOptions data;

  @Option(names = "--base-table", paramLabel = "<csv>", description = DataHelp.BASE_TABLE)
  Path baseTable;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    opts.annotations = data.annotations;
    Study study = opts.study(spec);
    FactorTable base = StudyCommand.baseTable(baseTable, data, study, err);
    out.write(
        spec,
        StudyTables.consistency(
            study.consistency(study.publishedGroups(opts.types(), base, opts.includeSimclr)),
            study.bootstrap()));
    return 0;
  }
}
