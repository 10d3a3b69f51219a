package org.imagenetx.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.evaluation.Aggregation;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.io.AtomicFiles;
import org.imagenetx.io.OutputSet;
import org.imagenetx.report.AccuracyCsv;
import org.imagenetx.zoo.Zoo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code imagenetx aggregate}: the upstream per-factor and per-metaclass tables of whole zoos. */
@Command(
    name = "aggregate",
    mixinStandardHelpOptions = true,
    description = {
      "Write accuracies_per_factor.csv and accuracies_per_factor_metaclass.csv for every zoo and every"
          + " --factors and --error-type given (e.g. --factors multi,top --error-type class,metaclass,real_class"
          + " for the whole upstream tree), in the upstream layout:",
      "  <out>/<partition>/<multi|top>_factor/<zoo>/<class|metaclass|real_class>/"
    })
final class AggregateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin DataOptions data;

  @Mixin SliceOptions view;

  @Mixin OutOption output;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    Path out = output.required(spec);
    List<FactorSelection> sels = new ArrayList<>(new LinkedHashSet<>(view.selections()));
    List<ErrorType> ts = new ArrayList<>(new LinkedHashSet<>(view.types));
    DataOptions.Loaded loaded = data.load(EnumSet.copyOf(sels), ts.contains(ErrorType.REAL_CLASS));
    String banner = DataOptions.syntheticBanner(loaded);
    if (banner != null) {
      err.println(banner);
    }
    // tables go to <out>/.../<zoo name>/: two zoos of one name would write the same files
    java.util.Map<String, String> names = new java.util.HashMap<>();
    for (Zoo zoo : loaded.zoos()) {
      String other = names.putIfAbsent(zoo.name(), zoo.source());
      if (other != null) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(),
            "two zoos named '"
                + zoo.name()
                + "' ("
                + other
                + ", "
                + zoo.source()
                + ") would write the same tables; give each zoo its own folder or store name");
      }
    }
    // compute every zoo first, then write: a bad file in any zoo leaves no output at all
    List<Aggregation> results = new ArrayList<>();
    for (Zoo zoo : loaded.zoos()) {
      long t0 = System.nanoTime();
      Aggregation agg;
      try (ProgressBar bar = progressBar(zoo)) {
        agg =
            Aggregation.run(
                loaded.dataset(),
                zoo,
                sels,
                ts,
                data.threads(),
                bar == null ? null : done -> bar.stepTo(done));
      }
      results.add(agg);
      Warnings.missingPredictions(err, zoo, agg);
      stdout.printf(
          Locale.ROOT,
          "%s: %d models, %d images evaluated, %.2f s%n",
          zoo.name(),
          zoo.size(),
          loaded.dataset().factors(sels.get(0)).numEvaluated(),
          (System.nanoTime() - t0) / 1e9);
    }
    // every table of every zoo as one unit: a failure part-way leaves the previous set whole
    List<Path> written = new ArrayList<>();
    try (OutputSet set = OutputSet.begin(out)) {
      Path stage = set.folder();
      for (int z = 0; z < results.size(); z++) {
        Zoo zoo = loaded.zoos().get(z);
        for (FactorSelection s : sels) {
          for (ErrorType t : ts) {
            Path rel =
                Path.of(loaded.dataset().partition().key())
                    .resolve(s.directory())
                    .resolve(zoo.name())
                    .resolve(t.key());
            Aggregation.Tables tables = results.get(z).get(s, t);
            Path dir = stage.resolve(rel.toString());
            AccuracyCsv.write(tables.factors(), dir.resolve(AccuracyCsv.FACTOR_FILE));
            AccuracyCsv.write(tables.metaclasses(), dir.resolve(AccuracyCsv.METACLASS_FILE));
            written.add(out.resolve(rel.toString()));
          }
        }
      }
      if (loaded.synthetic()) {
        AtomicFiles.writeString(
            stage.resolve(loaded.dataset().partition().key()).resolve("SYNTHETIC.txt"),
            banner + System.lineSeparator());
      }
      set.commit();
    }
    for (Path p : written) {
      stdout.println("wrote " + p.resolve(AccuracyCsv.FACTOR_FILE));
      stdout.println("wrote " + p.resolve(AccuracyCsv.METACLASS_FILE));
    }
    return 0;
  }

  private static ProgressBar progressBar(Zoo zoo) {
    ProgressBarBuilder b = zoo.size() < 50 ? null : Tty.progressBar(zoo.name());
    return b == null ? null : b.setInitialMax(zoo.size()).setUnit(" models", 1).build();
  }
}
