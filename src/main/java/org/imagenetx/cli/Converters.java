package org.imagenetx.cli;

import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.Partition;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.report.Format;
import picocli.CommandLine.ITypeConverter;

/** picocli converters giving one-line messages that list the valid values. */
final class Converters {
  private Converters() {}

  static final class PartitionConverter implements ITypeConverter<Partition> {
    @Override
    public Partition convert(String value) {
      return Partition.parse(value);
    }
  }

  static final class SelectionConverter implements ITypeConverter<FactorSelection> {
    @Override
    public FactorSelection convert(String value) {
      return FactorSelection.parse(value);
    }
  }

  static final class ErrorTypeConverter implements ITypeConverter<ErrorType> {
    @Override
    public ErrorType convert(String value) {
      return ErrorType.parse(value);
    }
  }

  static final class FormatConverter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      try {
        return Format.parse(value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown format '" + value + "' (use table, csv, markdown, json or latex)");
      }
    }
  }
}
