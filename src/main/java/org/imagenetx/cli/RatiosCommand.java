package org.imagenetx.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.evaluation.Aggregation;
import org.imagenetx.evaluation.ErrorRatio;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.evaluation.MetaclassTable;
import org.imagenetx.evaluation.SmallCells;
import org.imagenetx.report.Format;
import org.imagenetx.report.ReportTable;
import org.imagenetx.resampling.ProfileStatistic;
import org.imagenetx.resampling.ZooBootstrap;
import org.imagenetx.zoo.Zoo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code imagenetx ratios}: the error-ratio table, models × factors (or models × metaclasses ×
 * factors).
 */
@Command(
    name = "ratios",
    mixinStandardHelpOptions = true,
    description = {
      "Print the error ratio (1 - acc_f) / (1 - average) of every model on every factor.",
      "Above 1, the factor makes the model fail more than on average."
    })
final class RatiosCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin DataOptions data;

  @Mixin SliceOptions view;

  @Mixin OutputOptions output;

  @Option(
      names = "--ci",
      description = "Add bootstrap interval columns <factor>_lower and <factor>_upper.")
  boolean ci;

  @Option(
      names = "--by-metaclass",
      description =
          "One row per model and metaclass: error ratios within the metaclass, relative to its own error"
              + " rate (with --ci: the per-metaclass bootstrap).")
  boolean byMetaclass;

  @Mixin BootstrapOptions bootstrap;

  @Option(
      names = "--counts",
      description = {
        "A <factor>_n column (images in the cell: the factor's images the model answered, within"
            + " the metaclass with --by-metaclass) after each ratio; with --by-metaclass always there"
            + " in csv and json. Text output flags cells under "
            + SmallCells.MIN_IMAGES
            + " images or "
            + SmallCells.MIN_ERRORS
            + " errors with "
            + SmallCells.FLAG
            + "."
      })
  boolean counts;

  @Option(
      names = "--largest-ratio",
      description =
          "Add largest_ratio: the error ratio of the factor that hurts the model most (with --ci,"
              + " an interval from one bootstrap of all factors together; with --factors multi that"
              + " joint bootstrap also gives the per-factor bounds, equal in law, not in digits).")
  boolean largestRatio;

  @Option(
      names = "--contrast",
      paramLabel = "<a>-<b>",
      converter = Converters.ContrastConverter.class,
      description =
          "Add a column <a>-<b> = ER(a) - ER(b), e.g. pose-background: above 0, a hurts the model"
              + " more than b (repeatable; with --ci, an interval from one bootstrap of all factors"
              + " together).")
  List<ProfileStatistic> contrasts = new ArrayList<>();

  @Override
  public Integer call() {
    List<ProfileStatistic> profile = new ArrayList<>();
    if (largestRatio) {
      profile.add(ProfileStatistic.largestRatio());
    }
    for (ProfileStatistic c : contrasts) {
      if (profile.stream().anyMatch(p -> p.name().equals(c.name()))) {
        throw new ParameterException(
            spec.commandLine(), "--contrast " + c.name() + " is given twice");
      }
      profile.add(c);
    }
    if (byMetaclass && !profile.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          (largestRatio ? "--largest-ratio" : "--contrast")
              + " does not combine with --by-metaclass");
    }
    ZooBootstrap.Settings settings = ci ? bootstrap.settings(spec) : null;
    FactorSelection selection = view.selection(spec);
    ErrorType type = view.type(spec);
    PrintWriter err = spec.commandLine().getErr();
    DataOptions.Loaded loaded = data.load(EnumSet.of(selection), type == ErrorType.REAL_CLASS);
    String banner = DataOptions.syntheticBanner(loaded);
    if (banner != null) {
      err.println(banner);
    }
    List<String> columns = new ArrayList<>();
    columns.add("model");
    if (byMetaclass) {
      columns.add("metaclass");
    }
    int first = byMetaclass ? 2 : 1;
    Format format = output.format(output.toFile());
    boolean text = format != Format.CSV && format != Format.JSON;
    // per factor, the columns stay the upstream layout unless asked for
    boolean showN = counts || (byMetaclass && !text);
    for (String f : Factor.columns()) {
      columns.add(f);
      if (ci) {
        columns.add(f + "_lower");
        columns.add(f + "_upper");
      }
      if (showN) {
        columns.add(f + "_n");
      }
    }
    for (ProfileStatistic p : profile) {
      columns.add(p.name());
      if (ci) {
        columns.add(p.name() + "_lower");
        columns.add(p.name() + "_upper");
      }
    }
    boolean anySmall = false;
    List<Integer> flagged = new ArrayList<>();
    ReportTable table = new ReportTable(columns);
    for (Zoo zoo : loaded.zoos()) {
      Aggregation agg =
          Aggregation.run(
              loaded.dataset(), zoo, List.of(selection), List.of(type), data.threads(), null);
      Warnings.missingPredictions(err, zoo, agg);
      ZooBootstrap.Result boot =
          ci
              ? byMetaclass
                  ? ZooBootstrap.run(
                      loaded.dataset(), zoo, selection, type, true, settings, data.threads())
                  : ZooBootstrap.run(
                      loaded.dataset(), zoo, selection, type, settings, data.threads(), profile)
              : null;
      int per = (ci ? 3 : 1) + (showN ? 1 : 0);
      if (byMetaclass) {
        MetaclassTable t = agg.get(selection, type).metaclasses();
        for (int r = 0; r < t.size(); r++) {
          Object[] row = new Object[columns.size()];
          row[0] = t.model(r);
          row[1] = t.metaclass(r);
          int b = ci ? boot.indexOf(t.model(r)) : -1;
          int m = r % Metaclasses.COUNT;
          for (Factor f : Factor.values()) {
            double er = ErrorRatio.of(t.get(r, f.ordinal()), t.get(r, MetaclassTable.AVERAGE));
            boolean small = text && t.isSmall(r, f);
            anySmall |= small;
            // text output: the flag after the number, rounded as the other cells
            row[first + per * f.ordinal()] = er;
            if (small) {
              flagged.add(first + per * f.ordinal());
            }
            if (ci) {
              int s = ZooBootstrap.Result.metaclassErrorRatio(m, f);
              row[first + 1 + per * f.ordinal()] = b < 0 ? Double.NaN : boot.lower()[b][s];
              row[first + 2 + per * f.ordinal()] = b < 0 ? Double.NaN : boot.upper()[b][s];
            }
            if (showN) {
              row[first + per * f.ordinal() + per - 1] = t.images(r, f);
            }
          }
          table.addRow(row);
          // the flag only in text renderings: the ratio stays a number, aligned as the others
          flagged.forEach(c -> table.flag(c, SmallCells.FLAG));
          flagged.clear();
        }
        continue;
      }
      FactorTable t = agg.get(selection, type).factors();
      MetaclassTable cells = agg.get(selection, type).metaclasses();
      for (int r = 0; r < t.size(); r++) {
        Object[] row = new Object[columns.size()];
        row[0] = t.models().get(r);
        int b = ci ? boot.indexOf(t.models().get(r)) : -1;
        for (Factor f : Factor.values()) {
          // every image has one true metaclass: the factor's cell is the sum of its metaclass cells
          int images = 0;
          int errors = 0;
          for (int m = 0; m < Metaclasses.COUNT; m++) {
            images += cells.images(r * Metaclasses.COUNT + m, f);
            errors += cells.errors(r * Metaclasses.COUNT + m, f);
          }
          double er = t.errorRatio(r, f);
          boolean small = text && SmallCells.isSmall(images, errors);
          anySmall |= small;
          row[first + per * f.ordinal()] = er;
          if (small) {
            flagged.add(first + per * f.ordinal());
          }
          if (showN) {
            row[first + per * f.ordinal() + per - 1] = images;
          }
          if (ci) {
            // Rows without predictions of their own (the human row) have no interval.
            int s = ZooBootstrap.Result.errorRatio(f);
            row[first + 1 + per * f.ordinal()] = b < 0 ? Double.NaN : boot.lower()[b][s];
            row[first + 2 + per * f.ordinal()] = b < 0 ? Double.NaN : boot.upper()[b][s];
          }
        }
        // profile statistics: the table's own point (as the ratios), the joint bootstrap's bounds
        double[] statistics = statisticsRow(t, r);
        int at = first + per * Factor.COUNT;
        for (int k = 0; k < profile.size(); k++) {
          row[at++] = profile.get(k).of(statistics);
          if (ci) {
            row[at++] = b < 0 ? Double.NaN : boot.lower()[b][boot.profile(k)];
            row[at++] = b < 0 ? Double.NaN : boot.upper()[b][boot.profile(k)];
          }
        }
        table.addRow(row);
        flagged.forEach(c -> table.flag(c, SmallCells.FLAG));
        flagged.clear();
      }
    }
    if (loaded.synthetic()) {
      table.note("(synthetic data: generated models and annotations, not ImageNet-X)");
    }
    if (ci) {
      table.note("(intervals: " + settings.describe("images") + ")");
      if (!profile.isEmpty()) {
        table.note(
            "(largest_ratio and contrasts: one bootstrap of all factors together"
                + (largestRatio
                    ? "; largest_ratio from the largest of the factors' simultaneous max-|t|"
                        + " bands, valid when factors tie, conservative"
                    : "")
                + ")");
      }
    }
    if (anySmall) {
      table.note(SmallCells.NOTE);
    }
    output.write(spec, table);
    return 0;
  }

  /**
   * One row of the table as the bootstrap's factor-layout statistics (accuracy, ratio; overall).
   */
  private static double[] statisticsRow(FactorTable t, int r) {
    double[] s = new double[2 * (Factor.COUNT + 1)];
    for (Factor f : Factor.values()) {
      s[ZooBootstrap.Result.accuracy(f.ordinal())] = t.get(r, f.ordinal());
      s[ZooBootstrap.Result.errorRatio(f)] = t.errorRatio(r, f);
    }
    s[ZooBootstrap.Result.accuracy(Factor.COUNT)] = t.get(r, FactorTable.AVERAGE);
    s[ZooBootstrap.Result.accuracy(Factor.COUNT) + 1] = 1;
    return s;
  }
}
