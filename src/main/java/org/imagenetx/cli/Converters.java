package org.imagenetx.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.Partition;
import org.imagenetx.compare.GroupTest;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.report.Format;
import org.imagenetx.resampling.ProfileStatistic;
import org.imagenetx.study.Augmentation;
import picocli.CommandLine.ITypeConverter;

/** picocli converters giving one-line messages that list the valid values. */
final class Converters {
  private Converters() {}

  /**
   * @param value a comma-separated list, as the deprecated list options took it
   * @param parse one element's parser
   * @param <T> the element type
   * @return the elements, in order
   */
  static <T> List<T> list(String value, Function<String, T> parse) {
    List<T> out = new ArrayList<>();
    for (String s : value.split(",")) {
      out.add(parse.apply(s.strip()));
    }
    return out;
  }

  /** {@code --threads}: a count of at least 1 (0 or -1 silently meant all cores before). */
  static final class ThreadsConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      int n;
      try {
        n = Integer.parseInt(value.strip());
      } catch (NumberFormatException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "'" + value + "' is not a whole number");
      }
      if (n < 1) {
        throw new picocli.CommandLine.TypeConversionException("must be at least 1, got " + n);
      }
      return n;
    }
  }

  /**
   * {@code --decimals}: 0..{@value #MAX_DECIMALS}, checked when the command line is parsed (it was
   * checked when the first table was written, after all the data had been loaded, and a negative
   * value reached {@code String.format} as "Conversion = '.'").
   */
  static final class DecimalsConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      int n;
      try {
        n = Integer.parseInt(value.strip());
      } catch (NumberFormatException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "'" + value + "' is not a whole number");
      }
      if (n < 0 || n > MAX_DECIMALS) {
        throw new picocli.CommandLine.TypeConversionException(
            "must be in 0.." + MAX_DECIMALS + ", got " + n);
      }
      return n;
    }
  }

  /** The most decimals a double has to show (17 significant digits round-trip any double). */
  static final int MAX_DECIMALS = 17;

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

  static final class FactorConverter implements ITypeConverter<Factor> {
    @Override
    public Factor convert(String value) {
      return Factor.fromColumn(value);
    }
  }

  static final class ContrastConverter implements ITypeConverter<ProfileStatistic> {
    @Override
    public ProfileStatistic convert(String value) {
      return ProfileStatistic.parseContrast(value);
    }
  }

  static final class AugmentationConverter implements ITypeConverter<Augmentation> {
    @Override
    public Augmentation convert(String value) {
      return Augmentation.parse(value);
    }
  }

  static final class GroupTestConverter implements ITypeConverter<GroupTest> {
    @Override
    public GroupTest convert(String value) {
      return GroupTest.parse(value);
    }
  }
}
