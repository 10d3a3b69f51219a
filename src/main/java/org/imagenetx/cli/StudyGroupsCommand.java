package org.imagenetx.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.imagenetx.compare.GroupComparison;
import org.imagenetx.compare.GroupTest;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.report.ReportTable;
import org.imagenetx.study.AggregatedTables;
import org.imagenetx.study.ModelGroups;
import org.imagenetx.study.ModelTypes;
import org.imagenetx.study.Study;
import org.imagenetx.study.StudyTables;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code study groups}. */
@Command(
    name = "groups",
    mixinStandardHelpOptions = true,
    description = {
      "Mean error ratio per factor per model group.",
      "The study's four model types (or architecture families, or your own groups), with bootstrap"
          + " intervals over models and a group test per factor."
    })
final class StudyGroupsCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin StudyCommand.TableOptions opts;
  @Mixin OutputOptions out;
  @Mixin DataOptions data;

  @Option(
      names = "--by",
      defaultValue = "type",
      description = "type (the study's four groups) or family (default: ${DEFAULT-VALUE}).")
  String by;

  @Option(
      names = "--detail",
      description = "Print intervals and group tests, one row per factor and group.")
  boolean detail;

  @Option(
      names = "--all-models",
      description =
          "With --by family: every model of both zoos (default: the published comparison's models).")
  boolean allModels;

  @Option(
      names = "--accuracies",
      paramLabel = "<csv>",
      description = {
        "Your own accuracies_per_factor.csv (repeatable): compare the groups of --model-types"
            + " (a model,group CSV) over these models instead of the published comparison."
      })
  List<Path> tables = new ArrayList<>();

  /** Deprecated spelling of {@code --accuracies}. */
  @Option(
      names = "--table",
      hidden = true,
      paramLabel = "<csv>",
      description = ExitCodes.DEPRECATED + "--accuracies")
  void deprecatedTable(Path table) {
    tables.add(table);
  }

  @Option(names = "--base-table", paramLabel = "<csv>", description = DataHelp.BASE_TABLE)
  Path baseTable;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    opts.annotations = data.annotations;
    if (!tables.isEmpty()) {
      return userGroups();
    }
    Study study = opts.study(spec);
    FactorTable base = StudyCommand.baseTable(baseTable, data, study, err);
    var c =
        switch (by.toLowerCase(Locale.ROOT)) {
          case "type" ->
              study.compare(
                  study.publishedGroups(opts.types(), base, opts.includeSimclr),
                  ModelTypes.STUDY_GROUPS);
          case "family" ->
              study.compareFamilies(
                  allModels
                      ? study.allModels(base)
                      : study.publishedGroups(opts.types(), base, opts.includeSimclr).table(),
                  opts.familyOverrides());
          default ->
              throw new ParameterException(
                  spec.commandLine(), "--by must be type or family, got '" + by + "'");
        };
    ReportTable t = detail ? StudyTables.groupDetail(c) : StudyTables.groupMeans(c);
    if (by.equalsIgnoreCase("type")) {
      t.note(
          opts.includeSimclr
              ? "--include-simclr: the base SimCLR counted as self-supervised (the study counts"
                  + " only DINO of the base models)"
              : "published groups: the base models count DINO only (as the study);"
                  + " --include-simclr adds SimCLR");
    }
    out.write(spec, t);
    return 0;
  }

  private int userGroups() {
    List<FactorTable> parts = new ArrayList<>();
    for (Path p : tables) {
      parts.add(AggregatedTables.read(p));
    }
    FactorTable all = AggregatedTables.union(parts);
    GroupTest test = opts.groupTest;
    ModelGroups groups =
        switch (by.toLowerCase(Locale.ROOT)) {
          case "type" -> ModelGroups.fromTypes(all, opts.types());
          case "family" -> ModelGroups.byFamily(all, opts.familyOverrides());
          default ->
              throw new ParameterException(
                  spec.commandLine(), "--by must be type or family, got '" + by + "'");
        };
    GroupComparison c =
        GroupComparison.compute(
            groups.table(),
            groups.groupOf()::get,
            groups.groupNames(),
            opts.bootstrap.settings(spec),
            List.of(test));
    out.write(spec, detail ? StudyTables.groupDetail(c) : StudyTables.groupMeans(c));
    return 0;
  }
}
