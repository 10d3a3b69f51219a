package org.imagenetx.cli;

import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.evaluation.ErrorType;
import picocli.CommandLine.Option;

/**
 * Which table a command reads: the factor selection and the error type, with the study's defaults
 * ({@code top}, {@code class}). One declaration for every command that takes both.
 */
final class SliceOptions {
  @Option(
      names = "--factors",
      defaultValue = "top",
      converter = Converters.SelectionConverter.class,
      description = "top or multi (default: ${DEFAULT-VALUE}, as the study).")
  FactorSelection selection;

  @Option(
      names = "--error-type",
      defaultValue = "class",
      converter = Converters.ErrorTypeConverter.class,
      description =
          "What counts as correct: class, metaclass or real_class (default: ${DEFAULT-VALUE}).")
  ErrorType type;
}
