package org.imagenetx.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.Partition;
import org.imagenetx.evaluation.Aggregation;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.evaluation.MetaclassTable;
import org.imagenetx.io.AtomicFiles;
import org.imagenetx.io.OutputSet;
import org.imagenetx.report.Format;
import org.imagenetx.report.ReportTable;
import org.imagenetx.study.AugmentationSweep;
import org.imagenetx.study.Calibration;
import org.imagenetx.study.Cooccurrence;
import org.imagenetx.study.FactorDistribution;
import org.imagenetx.study.MistakePrevalence;
import org.imagenetx.study.ModelGroups;
import org.imagenetx.study.ModelTypes;
import org.imagenetx.study.Prevalence;
import org.imagenetx.study.Study;
import org.imagenetx.study.StudyTables;
import org.imagenetx.zoo.Zoo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code study all}. */
@Command(
    name = "all",
    mixinStandardHelpOptions = true,
    description = {
      "Write every study table into --out.",
      "Groups, consistency, augmentation, co-occurrence, distributions"
          + " and prevalence; with --zoo also mistakes, calibration and the LaTeX table. All inputs are read"
          + " and every table computed before the first file is written."
    })
final class StudyAllCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin StudyCommand.TableOptions opts;
  @Mixin DataOptions data;

  @Mixin OutputOptions output;

  @Option(names = "--base-table", paramLabel = "<csv>", description = DataHelp.BASE_TABLE)
  Path baseTable;

  /** Set to {@code true} to show progress when standard error is not a terminal (tests). */
  static final String PROGRESS_PROPERTY = "imagenetx.progress";

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    long t0 = System.nanoTime();
    // progress on a terminal only: piped or captured standard error stays the one-line contract
    boolean show = Tty.attached() || Boolean.getBoolean(PROGRESS_PROPERTY);
    java.util.function.Consumer<String> step =
        m -> {
          if (show) {
            StudyInputOptions.progress(err, t0, m);
          }
        };
    Path outDir = output.folder(spec);
    Format format = output.format(true);
    int decimals = output.decimals;
    opts.annotations = data.annotations;
    Study study = opts.study(spec);
    FactorSelection selection = study.selection();
    ErrorType type = study.type();
    Map<String, ReportTable> tables = new LinkedHashMap<>();
    step.accept("loading the zoos and the annotations");
    DataOptions.Loaded loaded =
        baseTable != null || data.synthetic
            ? null
            : StudyCommand.loadWithZoos(data, selection, type, err);
    List<Aggregation.Tables> zoos =
        loaded == null
            ? List.of()
            : StudyCommand.aggregate(loaded, selection, type, data.threads());
    step.accept("model-type groups");
    FactorTable base = StudyCommand.baseTable(baseTable, zoos);
    ModelGroups published = study.publishedGroups(opts.types(), base, opts.includeSimclr);
    var groups = study.compare(published, ModelTypes.STUDY_GROUPS);
    tables.put("groups_means", StudyTables.groupMeans(groups));
    tables.put("groups_detail", StudyTables.groupDetail(groups));
    tables.put(
        "families_detail",
        StudyTables.groupDetail(study.compareFamilies(published.table(), opts.familyOverrides())));
    step.accept("consistency of failure modes");
    tables.put(
        "consistency", StudyTables.consistency(study.consistency(published), study.bootstrap()));
    step.accept("augmentation sweeps");
    List<AugmentationSweep> sweeps = study.sweeps();
    tables.put("augment_effects", StudyTables.augmentEffects(sweeps));
    tables.put("augment_spillover", StudyTables.spillOver(sweeps, 0.05, 3));
    for (AugmentationSweep s : sweeps) {
      tables.put("augment_models_" + s.augmentation().key(), StudyTables.augmentModels(s));
    }
    tables.put(
        "augment_compare",
        StudyTables.groupDetail(study.augmentationComparison(sweeps.get(0), sweeps.get(1))));
    Path ann = data.annotations;
    if (!data.synthetic) {
      step.accept("co-occurrence, distributions, prevalence");
      List<Cooccurrence> co = new ArrayList<>();
      List<FactorDistribution> dist = new ArrayList<>();
      for (Partition p : List.of(Partition.TRAIN, Partition.VAL)) {
        Dataset d = StudyCommand.annotations(ann, false, data.seed, data.keepPrototypes, p, err);
        for (FactorSelection s : FactorSelection.values()) {
          co.add(Cooccurrence.compute(d, s));
          dist.add(FactorDistribution.compute(d, s));
        }
        if (p == Partition.VAL) {
          tables.put(
              "prevalence_metaclass", StudyTables.prevalence(Prevalence.compute(d, selection)));
        }
      }
      tables.put("cooccurrence", StudyTables.cooccurrence(co));
      tables.put("distribution_shares", StudyTables.factorShares(dist));
      tables.put("distribution_active", StudyTables.activeFactors(dist));
    } else {
      err.println(
          "(no annotations: co-occurrence, distribution and prevalence tables skipped; pass --annotations)");
    }
    String latex = null;
    if (loaded != null) {
      step.accept("mistake prevalence, calibration, LaTeX");
      ReportTable mistakes = null;
      ReportTable calibration = null;
      for (Zoo zoo : loaded.zoos()) {
        ReportTable m =
            StudyTables.mistakePrevalence(
                MistakePrevalence.compute(loaded.dataset(), selection, type, zoo));
        mistakes = mistakes == null ? m : StudyCommand.append(mistakes, m);
        if (zoo.hasProbabilities()) {
          ReportTable c =
              StudyTables.calibration(Calibration.compute(loaded.dataset(), selection, type, zoo));
          calibration = calibration == null ? c : StudyCommand.append(calibration, c);
        }
      }
      tables.put("prevalence_mistakes", mistakes);
      if (calibration != null) {
        tables.put("calibration", calibration);
      }
      List<MetaclassTable> metaclassTables = new ArrayList<>();
      for (Aggregation.Tables t : zoos) {
        metaclassTables.add(t.metaclasses());
      }
      latex = StudyCommand.latex(metaclassTables, null, 2);
    }
    step.accept("writing " + (tables.size() + (latex == null ? 0 : 1)) + " tables");
    String ext =
        switch (format) {
          case CSV -> ".csv";
          case JSON -> ".json";
          case MARKDOWN -> ".md";
          case LATEX -> ".tex";
          default -> ".txt";
        };
    // the tables as one unit: a failure part-way leaves the previous set whole
    List<Path> written = new ArrayList<>();
    try (OutputSet set = OutputSet.begin(outDir)) {
      for (Map.Entry<String, ReportTable> e : tables.entrySet()) {
        Path p = set.folder().resolve(e.getKey() + ext);
        AtomicFiles.writeString(p, e.getValue().render(format, decimals));
        written.add(set.target(p));
      }
      if (latex != null) {
        Path p = set.folder().resolve("metaclass_error_ratios.tex");
        AtomicFiles.writeString(p, latex);
        written.add(set.target(p));
      }
      set.commit();
    }
    for (Path p : written) {
      stdout.println("wrote " + p);
    }
    return 0;
  }
}
