package org.imagenetx.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.imagenetx.figures.Catalog;
import org.imagenetx.figures.Figure;
import org.imagenetx.figures.FigureWriter;
import org.imagenetx.figures.StudyData;
import org.imagenetx.io.OutputSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code imagenetx figures}: draws one or every figure of the study. */
@Command(
    name = "figures",
    mixinStandardHelpOptions = true,
    description = {
      "Draw one or all figures of the ImageNet-X study as <name>.svg, <name>.png (>= 1600 px wide)"
          + " and <name>.csv (the numbers drawn) in the output folder."
    })
final class FiguresCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin StudyInputOptions inputs;

  @Parameters(
      index = "0",
      paramLabel = "<name|all>",
      description = "Figure name, or all. Names: ${COMPLETION-CANDIDATES}",
      completionCandidates = Names.class)
  String name;

  @Mixin OutOption output;

  /** Models of the per-model figures (metaclass-ratios); the same option as study latex's. */
  @Option(names = "--model", split = ",", paramLabel = "<name>", description = DataHelp.MODEL)
  List<String> models;

  /** The figure names, for the help text. */
  static final class Names extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Names() {
      super(Catalog.names());
    }
  }

  @Override
  public Integer call() {
    List<Catalog.Entry> wanted = new ArrayList<>();
    if (name.equals("all")) {
      wanted.addAll(Catalog.entries());
    } else if (Catalog.names().contains(name)) {
      wanted.add(Catalog.entry(name));
    } else {
      throw new ParameterException(
          spec.commandLine(),
          "unknown figure '"
              + name
              + "' (figures: all, "
              + String.join(", ", Catalog.names())
              + ")");
    }
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    Path out = output.required(spec);
    long t0 = System.nanoTime();
    if (models != null && models.size() > 1) {
      throw new ParameterException(
          spec.commandLine(), "--model: one model per per-model figure, got " + models);
    }
    String model = models == null || models.isEmpty() ? null : models.get(0);
    if (model != null && wanted.stream().noneMatch(Catalog.Entry::perModel)) {
      throw new ParameterException(
          spec.commandLine(),
          "--model applies to the per-model figures only ("
              + String.join(
                  ", ",
                  Catalog.entries().stream()
                      .filter(Catalog.Entry::perModel)
                      .map(Catalog.Entry::name)
                      .toList())
              + ")");
    }
    StudyData data = inputs.load(spec, err, t0, Catalog.partsOf(wanted));
    // the figures as one unit: a failure part-way leaves the previous set whole
    List<Path> written = new java.util.ArrayList<>();
    try (OutputSet set = OutputSet.begin(out)) {
      for (Catalog.Entry e : wanted) {
        if (wanted.size() > 1 && e.missing(data) != null) {
          StudyInputOptions.progress(
              err, t0, "skipped figure " + e.name() + ": needs " + e.missing(data).how());
          continue;
        }
        if (e.missing(data) != null) {
          throw new ParameterException(
              spec.commandLine(), "figure " + e.name() + " needs " + e.missing(data).how());
        }
        StudyInputOptions.progress(err, t0, "figure " + e.name());
        Figure f = e.draw(data, e.perModel() ? model : null);
        FigureWriter.Written w = FigureWriter.write(f, set.folder());
        written.add(set.target(w.svg()));
        written.add(set.target(w.png()));
        written.add(set.target(w.csv()));
      }
      set.commit();
    }
    for (Path p : written) {
      stdout.println("wrote " + p);
    }
    return 0;
  }
}
