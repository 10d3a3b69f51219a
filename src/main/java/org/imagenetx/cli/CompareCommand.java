package org.imagenetx.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.compare.AllPairs;
import org.imagenetx.compare.Comparisons;
import org.imagenetx.compare.GroupComparison;
import org.imagenetx.compare.PairwiseData;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.io.AtomicFiles;
import org.imagenetx.io.BadInputException;
import org.imagenetx.io.Printable;
import org.imagenetx.report.ComparisonTables;
import org.imagenetx.report.Format;
import org.imagenetx.report.ReportTable;
import org.imagenetx.resampling.ZooBootstrap;
import org.imagenetx.zoo.ModelGroupCsv;
import org.imagenetx.zoo.SubsetZoo;
import org.imagenetx.zoo.Zoo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code imagenetx compare}: McNemar tests and paired bootstrap differences between models. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compare models on the same images. compare A B: per factor, overall and per metaclass,"
          + " discordant counts, McNemar exact and mid-p, Holm/BH-adjusted p, error and error-ratio"
          + " differences with paired bootstrap intervals, and a verdict. compare A: A against every other"
          + " model, ranked. compare --all-pairs: the pairs with the strongest evidence (--top K).",
      "compare --groups model_types.csv: error ratio per factor by model group, Alexander-Govern and Welch."
    })
final class CompareCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin DataOptions data;

  @Mixin BootstrapOptions bootstrap;

  @Parameters(
      arity = "0..2",
      paramLabel = "MODEL",
      description = "Model A, and optionally model B.")
  List<String> models = new ArrayList<>();

  @Option(names = "--all-pairs", description = "Compare every pair of models.")
  boolean allPairs;

  @Option(names = "--groups", paramLabel = "<csv>", description = DataHelp.GROUPS)
  Path groups;

  @Option(
      names = "--factor",
      converter = Converters.FactorConverter.class,
      description =
          "Slice for 'compare A', '--all-pairs' and '--groups': a factor column name (default:"
              + " overall; for --groups every factor).")
  Factor factor;

  @Option(
      names = "--top",
      defaultValue = "20",
      description =
          "--all-pairs: show the K pairs with the largest |z|; 0 = every pair, streamed (csv only). Default: ${DEFAULT-VALUE}.")
  int top;

  @Mixin SliceOptions view;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if ((allPairs ? 1 : 0) + (models.isEmpty() ? 0 : 1) + (groups != null ? 1 : 0) != 1) {
      throw new ParameterException(
          spec.commandLine(), "give exactly one of MODEL [MODEL], --all-pairs or --groups <csv>");
    }
    if (models.size() > 2) {
      // three names used to fall through to the all-pairs ranking of the whole zoo
      throw new ParameterException(
          spec.commandLine(),
          "compare takes one model (against every other) or two (a pair), got "
              + models.size()
              + ": "
              + Printable.escape(String.join(" ", models))
              + "; for every pair use --all-pairs");
    }
    if (top < 0) {
      throw new ParameterException(spec.commandLine(), "--top must be >= 0, got " + top);
    }
    if (allPairs && top == 0 && output.format(output.toFile()) != Format.CSV) {
      throw new ParameterException(
          spec.commandLine(), "--top 0 streams every pair and needs --format csv");
    }
    int slice = factor == null ? PairwiseData.OVERALL : factor.ordinal();
    ZooBootstrap.Settings settings = bootstrap.settings(spec);
    FactorSelection selection = view.selection(spec);
    ErrorType type = view.type(spec);
    DataOptions.Loaded loaded = data.load(EnumSet.of(selection), type == ErrorType.REAL_CLASS);
    String banner = DataOptions.syntheticBanner(loaded);
    if (banner != null) {
      err.println(banner);
    }
    if (loaded.zoos().size() != 1) {
      throw new BadInputException(
          "--zoo", 0, "compare takes exactly one zoo, got " + loaded.zoos().size());
    }
    Zoo zoo = loaded.zoos().get(0);
    if (groups != null) {
      GroupComparison c =
          GroupComparison.ofZoo(
              loaded.dataset(),
              zoo,
              selection,
              type,
              ModelGroupCsv.read(groups),
              settings,
              data.threads());
      if (c.groups().isEmpty()) {
        throw new BadInputException(
            groups.toString(), 0, "no model of the zoo is listed in the groups file");
      }
      ReportTable t = ComparisonTables.groups(c, factor);
      if (loaded.synthetic()) {
        t.note("(synthetic data: generated models and annotations, not ImageNet-X)");
      }
      output.write(spec, t);
      return 0;
    }
    int[] idx = new int[models.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = zoo.models().indexOf(models.get(i));
      if (idx[i] < 0) {
        throw new BadInputException(zoo.source(), 0, "no model named '" + models.get(i) + "'");
      }
    }
    if (idx.length == 2 && idx[0] == idx[1]) {
      throw new ParameterException(
          spec.commandLine(), "compare a model with another one, not with itself");
    }
    // A pair reads only its two models, not the whole zoo.
    Zoo source =
        idx.length == 2
            ? new SubsetZoo(zoo, Math.min(idx[0], idx[1]), Math.max(idx[0], idx[1]))
            : zoo;
    PairwiseData pd = PairwiseData.load(loaded.dataset(), source, selection, type, data.threads());
    ReportTable table;
    if (idx.length == 2) {
      int a = idx[0] < idx[1] ? 0 : 1;
      table =
          ComparisonTables.pair(
              pd.models().get(a),
              pd.models().get(1 - a),
              selection,
              type,
              Comparisons.compare(pd, a, 1 - a, settings),
              settings,
              true);
    } else if (idx.length == 1) {
      table =
          ComparisonTables.versus(
              pd.models().get(idx[0]), slice, Comparisons.oneVsAll(pd, idx[0], slice));
    } else if (top == 0) {
      if (output.toFile()) {
        AtomicFiles.writeText(
            output.target.out,
            w -> {
              PrintWriter pw = new PrintWriter(w);
              streamAll(pd, slice, pw);
              pw.flush();
            });
      } else {
        streamAll(pd, slice, spec.commandLine().getOut());
      }
      return 0;
    } else {
      table =
          ComparisonTables.topPairs(
              pd.models(), slice, AllPairs.top(pd, slice, top, data.threads()), top);
    }
    if (loaded.synthetic()) {
      table.note("(synthetic data: generated models and annotations, not ImageNet-X)");
    }
    output.write(spec, table);
    return 0;
  }

  /** Every pair, rendered through ReportTable's CSV in chunks so memory stays bounded. */
  private void streamAll(PairwiseData pd, int slice, PrintWriter out) {
    final int chunk = 4096;
    ReportTable[] current = {ComparisonTables.allPairs()};
    boolean[] first = {true};
    Runnable flush =
        () -> {
          String csv = current[0].render(Format.CSV, output.decimals);
          out.print(first[0] ? csv : csv.substring(csv.indexOf('\n') + 1));
          first[0] = false;
          current[0] = ComparisonTables.allPairs();
        };
    AllPairs.run(
        pd,
        data.threads(),
        (a, b, onlyA, onlyB) -> {
          ComparisonTables.addPair(
              current[0], pd.models().get(a), pd.models().get(b), onlyA[slice], onlyB[slice]);
          if (current[0].rows().size() == chunk) {
            flush.run();
          }
        });
    if (first[0] || !current[0].rows().isEmpty()) {
      flush.run();
    }
  }
}
