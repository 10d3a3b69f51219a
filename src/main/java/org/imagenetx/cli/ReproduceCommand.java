package org.imagenetx.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.imagenetx.figures.Reproduction;
import org.imagenetx.figures.StudyData;
import org.imagenetx.io.OutputSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code imagenetx reproduce}: every table and figure of the study, and a page showing them. */
@Command(
    name = "reproduce",
    mixinStandardHelpOptions = true,
    description = {
      "Regenerate every table and figure of the ImageNet-X study into one folder:",
      "  <out>/tables/..., <out>/figures/<name>.{svg,png,csv}, <out>/index.html, <out>/README.md"
    })
final class ReproduceCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin StudyInputOptions inputs;

  @Mixin OutOption output;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Path out = output.required(spec);
    long t0 = System.nanoTime();
    StudyData data = inputs.load(spec, err, t0);
    // every table, figure and page as one unit: a failure part-way leaves the previous set whole
    Reproduction.Result r;
    try (OutputSet set = OutputSet.begin(out)) {
      r =
          Reproduction.run(
              data,
              set.folder(),
              StudyInputOptions.describe(data),
              inputs.threads(),
              step -> StudyInputOptions.progress(err, t0, step));
      set.commit();
    }
    spec.commandLine()
        .getOut()
        .printf(
            Locale.ROOT,
            "%d figures, %d tables in %s (%.1f s); open %s%n",
            r.figures().size(),
            r.tables().size(),
            out,
            (System.nanoTime() - t0) / 1e9,
            out.resolve("index.html"));
    return 0;
  }
}
