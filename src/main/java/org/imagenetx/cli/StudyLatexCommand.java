package org.imagenetx.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.imagenetx.report.Format;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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

  @Option(names = "--model", split = ",", paramLabel = "<name>", description = DataHelp.MODEL)
  List<String> models;

  /** Deprecated spelling of {@code --model}. */
  @Option(
      names = "--models",
      hidden = true,
      paramLabel = "<list>",
      description = ExitCodes.DEPRECATED + "--model")
  void deprecatedModels(String value) {
    models = List.of(value.split(","));
  }

  @Mixin SliceOptions view;

  @Mixin OutputOptions out;

  @Override
  public Integer call() {
    if (out.format != null && out.format != Format.LATEX) {
      throw new ParameterException(
          spec.commandLine(),
          "study latex writes LaTeX; --format " + out.format + " does not apply");
    }
    out.write(
        spec,
        StudyCommand.latex(
            data,
            view.selection(spec),
            view.type(spec),
            models,
            out.decimals,
            spec.commandLine().getErr()));
    return 0;
  }
}
