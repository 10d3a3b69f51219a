package org.imagenetx.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.imagenetx.annotations.Factor;
import org.imagenetx.compare.AllPairs;
import org.imagenetx.compare.Comparisons;
import org.imagenetx.compare.GroupComparison;
import org.imagenetx.compare.GroupTestResult;
import org.imagenetx.compare.McNemar;
import org.imagenetx.compare.PairwiseData;
import org.imagenetx.compare.SliceComparison;
import org.imagenetx.io.BadInputException;
import org.imagenetx.report.Format;
import org.imagenetx.report.ReportTable;
import org.imagenetx.stats.Aggregation;
import org.imagenetx.stats.ErrorType;
import org.imagenetx.stats.FactorTable;
import org.imagenetx.stats.ZooBootstrap;
import org.imagenetx.zoo.Zoo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code imagenetx compare}: McNemar tests and paired bootstrap differences between models. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compare models on the same images. compare A B: per factor, overall and per metaclass,",
      "discordant counts, McNemar exact and mid-p, Holm/BH-adjusted p, error and error-ratio",
      "differences with paired bootstrap intervals, and a verdict. compare A: A against every other",
      "model, ranked. compare --all-pairs: the pairs with the strongest evidence (--top K).",
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

  @Option(
      names = "--groups",
      paramLabel = "<csv>",
      description =
          "Compare groups of models: a model,group CSV with a header (e.g. model_types.csv).")
  java.nio.file.Path groups;

  @Option(
      names = "--factor",
      description =
          "Slice for 'compare A' and '--all-pairs': a factor column name (default: overall).")
  String factor;

  @Option(
      names = "--top",
      defaultValue = "20",
      description =
          "--all-pairs: show the K pairs with the largest |z|; 0 = every pair, streamed (csv only). Default: ${DEFAULT-VALUE}.")
  int top;

  @Mixin SliceOptions view;

  @Option(
      names = "--format",
      defaultValue = "table",
      converter = Converters.FormatConverter.class,
      description = "table, csv, markdown, json or latex (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--decimals",
      defaultValue = "4",
      description = "Decimals in text formats (default: ${DEFAULT-VALUE}).")
  int decimals;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if ((allPairs ? 1 : 0) + (models.isEmpty() ? 0 : 1) + (groups != null ? 1 : 0) != 1) {
      throw new IllegalArgumentException(
          "give exactly one of MODEL [MODEL], --all-pairs or --groups <csv>");
    }
    if (top < 0) {
      throw new IllegalArgumentException("--top must be >= 0, got " + top);
    }
    if (allPairs && top == 0 && format != Format.CSV) {
      throw new IllegalArgumentException("--top 0 streams every pair and needs --format csv");
    }
    int slice = factor == null ? PairwiseData.OVERALL : Factor.fromColumn(factor).ordinal();
    ZooBootstrap.Settings settings = bootstrap.settings();
    DataOptions.Loaded loaded =
        data.load(EnumSet.of(view.selection), view.type == ErrorType.REAL_CLASS);
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
      ReportTable t = groupTable(loaded, zoo, settings);
      if (loaded.synthetic()) {
        t.note("(synthetic data: generated models and annotations, not ImageNet-X)");
      }
      t.write(out, format, decimals);
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
      throw new IllegalArgumentException("compare a model with another one, not with itself");
    }
    // A pair reads only its two models, not the whole zoo.
    Zoo source =
        idx.length == 2
            ? new org.imagenetx.compare.SubsetZoo(
                zoo, Math.min(idx[0], idx[1]), Math.max(idx[0], idx[1]))
            : zoo;
    PairwiseData pd =
        PairwiseData.load(loaded.dataset(), source, view.selection, view.type, data.threads());
    ReportTable table;
    if (idx.length == 2) {
      int a = idx[0] < idx[1] ? 0 : 1;
      table = pair(pd, a, 1 - a, settings);
    } else if (idx.length == 1) {
      table = oneVsAll(pd, idx[0], slice);
    } else if (top == 0) {
      streamAll(pd, slice, out);
      return 0;
    } else {
      table = topPairs(pd, slice);
    }
    if (loaded.synthetic()) {
      table.note("(synthetic data: generated models and annotations, not ImageNet-X)");
    }
    table.write(out, format, decimals);
    return 0;
  }

  private ReportTable pair(PairwiseData pd, int a, int b, ZooBootstrap.Settings settings) {
    ReportTable t =
        new ReportTable(
            List.of(
                "slice",
                "images",
                "error_a",
                "error_b",
                "only_a_wrong",
                "only_b_wrong",
                "p_exact",
                "p_mid",
                "p_holm",
                "p_bh",
                "error_diff",
                "error_diff_lower",
                "error_diff_upper",
                "er_diff",
                "er_diff_lower",
                "er_diff_upper",
                "verdict"));
    for (SliceComparison r : Comparisons.compare(pd, a, b, settings)) {
      t.addRow(
          r.slice(),
          r.images(),
          r.errorA(),
          r.errorB(),
          r.onlyA(),
          r.onlyB(),
          r.pValue(),
          r.midP(),
          r.holm(),
          r.bh(),
          r.errorDifference().point(),
          r.errorDifference().lower(),
          r.errorDifference().upper(),
          r.errorRatioDifference().point(),
          r.errorRatioDifference().lower(),
          r.errorRatioDifference().upper(),
          r.verdict());
    }
    t.note(
        String.format(
            Locale.ROOT,
            "A = %s, B = %s (%s factors, %s error); differences are A - B;"
                + " p_holm/p_bh adjust p_exact over the %d tests of this table; verdicts at family-wise 5%%.",
            pd.models().get(a),
            pd.models().get(b),
            view.selection.key(),
            view.type.key(),
            PairwiseData.NUM_SLICES));
    t.note("(" + bootstrap.describe() + ", paired)");
    return t;
  }

  private ReportTable oneVsAll(PairwiseData pd, int a, int slice) {
    ReportTable t =
        new ReportTable(
            List.of(
                "rank",
                "model_b",
                "error_a",
                "error_b",
                "only_a_wrong",
                "only_b_wrong",
                "p_exact",
                "p_mid",
                "p_holm",
                "p_bh",
                "verdict"));
    String nameA = pd.models().get(a);
    int rank = 1;
    for (Comparisons.Versus v : Comparisons.oneVsAll(pd, a, slice)) {
      String verdict =
          v.holm() < Comparisons.ALPHA
              ? (v.onlyA() < v.onlyB() ? nameA : v.model()) + " makes fewer errors"
              : "no significant difference";
      t.addRow(
          rank++,
          v.model(),
          v.errorA(),
          v.errorB(),
          v.onlyA(),
          v.onlyB(),
          v.pValue(),
          v.midP(),
          v.holm(),
          v.bh(),
          verdict);
    }
    t.note(
        String.format(
            Locale.ROOT,
            "A = %s on slice %s; ranked by p_exact; p_holm/p_bh adjust over the %d other models.",
            nameA,
            PairwiseData.sliceName(slice),
            pd.models().size() - 1));
    return t;
  }

  private ReportTable groupTable(
      DataOptions.Loaded loaded, Zoo zoo, ZooBootstrap.Settings settings) {
    java.util.Map<String, String> groupOf = GroupComparison.readGroups(groups);
    FactorTable t =
        Aggregation.run(
                loaded.dataset(),
                zoo,
                List.of(view.selection),
                List.of(view.type),
                data.threads(),
                null)
            .get(view.selection, view.type)
            .factors();
    String[] g = new String[t.size()];
    int matched = 0;
    for (int r = 0; r < t.size(); r++) {
      g[r] = groupOf.get(t.models().get(r));
      matched += g[r] != null ? 1 : 0;
    }
    if (matched == 0) {
      throw new BadInputException(
          groups.toString(), 0, "no model of the zoo is listed in the groups file");
    }
    ReportTable out =
        new ReportTable(
            List.of(
                "factor",
                "group",
                "models",
                "mean_er",
                "mean_er_lower",
                "mean_er_upper",
                "ag_statistic",
                "ag_df",
                "ag_p",
                "welch_f",
                "welch_df1",
                "welch_df2",
                "welch_p"));
    for (Factor f : Factor.values()) {
      if (factor != null && !f.column().equals(factor)) {
        continue;
      }
      double[] er = new double[t.size()];
      for (int r = 0; r < t.size(); r++) {
        er[r] = t.errorRatio(r, f);
      }
      GroupComparison.Result res =
          GroupComparison.compare(
              er,
              g,
              settings.numResamples(),
              settings.confidenceLevel(),
              settings.masterSeed(),
              f.column());
      for (GroupComparison.GroupMean gm : res.groups()) {
        GroupTestResult ag = res.alexanderGovern();
        GroupTestResult w = res.welch();
        double nan = Double.NaN;
        out.addRow(
            f.column(),
            gm.group(),
            gm.models(),
            gm.mean().point(),
            gm.mean().lower(),
            gm.mean().upper(),
            ag == null ? nan : ag.statistic(),
            ag == null ? nan : ag.numeratorDf(),
            ag == null ? nan : ag.pValue(),
            w == null ? nan : w.statistic(),
            w == null ? nan : w.numeratorDf(),
            w == null ? nan : w.denominatorDf(),
            w == null ? nan : w.pValue());
      }
    }
    out.note(
        String.format(
            Locale.ROOT,
            "%d of %d models grouped; mean_er intervals: %s%% percentile bootstrap over"
                + " the models of each group, B=%d; tests over groups with >= 2 models.",
            matched,
            t.size(),
            new java.math.BigDecimal(Double.toString(settings.confidenceLevel() * 100))
                .stripTrailingZeros()
                .toPlainString(),
            settings.numResamples()));
    return out;
  }

  private static List<String> pairColumns() {
    return List.of("model_a", "model_b", "only_a_wrong", "only_b_wrong", "z", "p_exact", "p_mid");
  }

  private ReportTable topPairs(PairwiseData pd, int slice) {
    ReportTable t = new ReportTable(pairColumns());
    for (AllPairs.PairCount pc : AllPairs.top(pd, slice, top, data.threads())) {
      t.addRow(
          pd.models().get(pc.a()),
          pd.models().get(pc.b()),
          pc.onlyA(),
          pc.onlyB(),
          pc.z(),
          McNemar.exactP(pc.onlyA(), pc.onlyB()),
          McNemar.midP(pc.onlyA(), pc.onlyB()));
    }
    t.note(
        String.format(
            Locale.ROOT,
            "top %d of all pairs on slice %s by |z| = |b - c|/sqrt(b + c);"
                + " p-values unadjusted (family: all %d pairs).",
            top,
            PairwiseData.sliceName(slice),
            (long) pd.models().size() * (pd.models().size() - 1) / 2));
    return t;
  }

  /** Every pair, rendered through ReportTable's CSV in chunks so memory stays bounded. */
  private void streamAll(PairwiseData pd, int slice, PrintWriter out) {
    final int chunk = 4096;
    ReportTable[] current = {new ReportTable(pairColumns())};
    boolean[] first = {true};
    Runnable flush =
        () -> {
          String csv = current[0].render(Format.CSV, decimals);
          out.print(first[0] ? csv : csv.substring(csv.indexOf('\n') + 1));
          first[0] = false;
          current[0] = new ReportTable(pairColumns());
        };
    AllPairs.run(
        pd,
        data.threads(),
        (a, b, onlyA, onlyB) -> {
          int x = onlyA[slice];
          int y = onlyB[slice];
          current[0].addRow(
              pd.models().get(a),
              pd.models().get(b),
              x,
              y,
              McNemar.z(x, y),
              McNemar.exactP(x, y),
              McNemar.midP(x, y));
          if (current[0].rows().size() == chunk) {
            flush.run();
          }
        });
    if (first[0] || !current[0].rows().isEmpty()) {
      flush.run();
    }
  }
}
