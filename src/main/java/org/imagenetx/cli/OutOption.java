package org.imagenetx.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --out}, declared once: where a command writes instead of standard output. Commands that
 * write several files (aggregate, study all, figures, reproduce, zoo export, synth) take a folder
 * and require it.
 */
final class OutOption {
  @Option(
      names = "--out",
      paramLabel = "<path>",
      description =
          "Write here instead of standard output: a file, or a folder (or store) for commands that"
              + " write several files.")
  Path out;

  /**
   * @param spec the command, for the usage error
   * @return the path
   * @throws ParameterException when {@code --out} is missing
   */
  Path required(CommandSpec spec) {
    if (out == null) {
      throw new ParameterException(spec.commandLine(), "Missing required option: '--out=<path>'");
    }
    return out;
  }
}
