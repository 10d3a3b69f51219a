package org.imagenetx.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.imagenetx.io.AtomicFiles;
import org.imagenetx.report.Format;
import org.imagenetx.report.ReportTable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Where and how a command writes: {@code --format}, {@code --decimals} and {@code --out}, declared
 * once. The format defaults by destination: an aligned table on standard output, CSV in files
 * written under {@code --out}.
 */
final class OutputOptions {
  /** Decimals of doubles in the text formats, unless {@code --decimals} says otherwise. */
  static final int DEFAULT_DECIMALS = 4;

  @Option(
      names = "--format",
      paramLabel = "<format>",
      converter = Converters.FormatConverter.class,
      description =
          "table, csv, markdown, json or latex (default: table on standard output, csv in files"
              + " written to --out).")
  Format format;

  @Option(
      names = "--decimals",
      defaultValue = "" + DEFAULT_DECIMALS,
      paramLabel = "<n>",
      converter = Converters.DecimalsConverter.class,
      description =
          "Decimals of numbers in table, markdown and latex output; csv and json keep full"
              + " precision (default: ${DEFAULT-VALUE}).")
  int decimals;

  @Mixin OutOption target = new OutOption();

  /**
   * @return whether the output goes to a file ({@code --out})
   */
  boolean toFile() {
    return target.out != null;
  }

  /**
   * @param files whether the output goes to files
   * @return the format asked for, or the destination's default
   */
  Format format(boolean files) {
    return format != null ? format : files ? Format.CSV : Format.TABLE;
  }

  /**
   * @param spec the command, for the usage error
   * @return the output folder of a command that writes several files
   * @throws ParameterException when {@code --out} is missing
   */
  Path folder(CommandSpec spec) {
    return target.required(spec);
  }

  /**
   * Writes one table: to {@code --out} when given (atomically), else to standard output.
   *
   * @param spec the command (its output writer)
   * @param table the table
   */
  void write(CommandSpec spec, ReportTable table) {
    Path out = target.out;
    if (out == null) {
      table.write(spec.commandLine().getOut(), format(false), decimals);
    } else {
      AtomicFiles.writeString(out, table.render(format(true), decimals));
    }
  }

  /**
   * Writes text that is already rendered (several tables, LaTeX): to {@code --out} or standard
   * output.
   *
   * @param spec the command
   * @param text the text
   */
  void write(CommandSpec spec, String text) {
    Path out = target.out;
    if (out == null) {
      PrintWriter w = spec.commandLine().getOut();
      w.print(text);
    } else {
      AtomicFiles.writeString(out, text);
    }
  }
}
