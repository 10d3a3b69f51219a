package org.imagenetx.cli;

import java.util.ArrayList;
import java.util.List;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.evaluation.ErrorType;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Which tables a command reads: the factor selection and the error type, with the study's defaults
 * ({@code top}, {@code class}). One declaration for every command that takes them; a command that
 * computes several tables ({@code aggregate}, {@code study cooccurrence}, {@code study
 * distribution}) accepts a comma-separated list, the others exactly one value.
 */
final class SliceOptions {
  @Mixin SelectionOption factors = new SelectionOption();

  @Option(
      names = "--error-type",
      split = ",",
      defaultValue = "class",
      paramLabel = "<type>",
      converter = Converters.ErrorTypeConverter.class,
      description =
          "What counts as correct: class, metaclass or real_class; commands that write several tables"
              + " take a comma-separated list (default: ${DEFAULT-VALUE}).")
  List<ErrorType> types;

  /** Deprecated spelling of {@code --error-type} (aggregate). */
  @Option(
      names = "--error-types",
      hidden = true,
      paramLabel = "<list>",
      description = ExitCodes.DEPRECATED + "--error-type")
  void deprecatedErrorTypes(String value) {
    types = Converters.list(value, ErrorType::parse);
  }

  /**
   * @param spec the command, for the usage error
   * @return the one selection
   * @throws ParameterException when several were given
   */
  FactorSelection selection(CommandSpec spec) {
    return factors.selection(spec);
  }

  /**
   * @return every selection given
   */
  List<FactorSelection> selections() {
    return factors.selections;
  }

  /**
   * @param spec the command, for the usage error
   * @return the one error type
   * @throws ParameterException when several were given
   */
  ErrorType type(CommandSpec spec) {
    if (types.size() != 1) {
      throw new ParameterException(
          spec.commandLine(), "--error-type takes one error type here, got " + keys(types));
    }
    return types.get(0);
  }

  private static List<String> keys(List<ErrorType> types) {
    List<String> k = new ArrayList<>();
    types.forEach(t -> k.add(t.key()));
    return k;
  }
}
