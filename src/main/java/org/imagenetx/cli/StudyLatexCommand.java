package org.imagenetx.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code study latex}. */
@Command(
    name = "latex",
    mixinStandardHelpOptions = true,
    description = {
      "The colour-coded LaTeX table of per-metaclass error ratios.",
      "One row per (model, metaclass), one column per factor; green below 1, red above."
    })
final class StudyLatexCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin DataOptions data;

  @Option(
      names = "--models",
      split = ",",
      description = "Models to show (default: every model of the zoos).")
  List<String> models;

  @Mixin SliceOptions view;

  @Option(
      names = "--decimals",
      defaultValue = "2",
      description = "Decimals (default: ${DEFAULT-VALUE}).")
  int decimals;

  @Override
  public Integer call() {
    spec.commandLine()
        .getOut()
        .print(
            StudyCommand.latex(
                data, view.selection, view.type, models, decimals, spec.commandLine().getErr()));
    return 0;
  }
}
