package org.imagenetx.cli;

import org.imagenetx.resampling.IntervalMethod;
import org.imagenetx.resampling.ZooBootstrap;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * Bootstrap settings shared by {@code ratios --ci} and {@code compare}. The seed option is {@code
 * --bootstrap-seed} because {@code --seed} already names the synthetic-data seed in {@link
 * DataOptions}.
 */
public final class BootstrapOptions {
  @Option(
      names = "--resamples",
      defaultValue = "1000",
      description = "Bootstrap resamples B (default: ${DEFAULT-VALUE}).")
  int resamples;

  @Option(
      names = "--confidence",
      defaultValue = "0.95",
      description = "Two-sided confidence level (default: ${DEFAULT-VALUE}).")
  double confidence;

  @Option(
      names = "--interval",
      defaultValue = "percentile",
      converter = MethodConverter.class,
      description = "Interval method: percentile or bca (default: ${DEFAULT-VALUE}).")
  IntervalMethod method;

  @Option(
      names = "--bootstrap-seed",
      defaultValue = "42",
      description =
          "Master seed of the bootstrap; each model/pair derives its own (default: ${DEFAULT-VALUE}).")
  long seed;

  /**
   * @return validated settings
   * @throws IllegalArgumentException on a bad value (reported as a usage error)
   */
  ZooBootstrap.Settings settings() {
    if (resamples < 1) {
      throw new IllegalArgumentException("--resamples must be at least 1, got " + resamples);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("--confidence must be in (0, 1), got " + confidence);
    }
    return new ZooBootstrap.Settings(resamples, confidence, method, seed);
  }

  /** One line describing the intervals, for table notes. */
  String describe() {
    return String.format(
        java.util.Locale.ROOT,
        "intervals: %s%% %s bootstrap over images, B=%d, seed %d",
        stripZeros(confidence * 100),
        method.key(),
        resamples,
        seed);
  }

  private static String stripZeros(double v) {
    return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }

  static final class MethodConverter implements ITypeConverter<IntervalMethod> {
    @Override
    public IntervalMethod convert(String value) {
      return IntervalMethod.of(value);
    }
  }
}
