package org.imagenetx.cli;

import java.util.List;
import org.imagenetx.annotations.FactorSelection;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --factors}, declared once: the factor selection, with the study's default ({@code top}). A
 * command that writes several tables accepts a comma-separated list, the others exactly one.
 */
final class SelectionOption {
  @Option(
      names = "--factors",
      split = ",",
      defaultValue = "top",
      paramLabel = "<top|multi>",
      converter = Converters.SelectionConverter.class,
      description =
          "Factor selection: top or multi; commands that write several tables take a comma-separated"
              + " list (default: ${DEFAULT-VALUE}, as the study).")
  List<FactorSelection> selections;

  /** Deprecated spelling of {@code --factors} (study cooccurrence and distribution). */
  @Option(
      names = "--selections",
      hidden = true,
      paramLabel = "<list>",
      description = ExitCodes.DEPRECATED + "--factors")
  void deprecatedSelections(String value) {
    selections = Converters.list(value, FactorSelection::parse);
  }

  /**
   * @param spec the command, for the usage error
   * @return the one selection
   * @throws ParameterException when several were given
   */
  FactorSelection selection(CommandSpec spec) {
    if (selections.size() != 1) {
      throw new ParameterException(
          spec.commandLine(), "--factors takes one selection here, got " + selections);
    }
    return selections.get(0);
  }
}
