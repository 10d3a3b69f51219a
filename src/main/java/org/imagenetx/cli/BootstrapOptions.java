package org.imagenetx.cli;

import org.imagenetx.resampling.IntervalMethod;
import org.imagenetx.resampling.ZooBootstrap;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Bootstrap settings of every command that computes intervals ({@code ratios --ci}, {@code
 * compare}, {@code study}, {@code query}, {@code shell}, {@code serve}), with one set of defaults
 * ({@link ZooBootstrap.Settings#defaults()}). The seed option is {@code --bootstrap-seed} because
 * {@code --seed} already names the synthetic-data seed in {@link DataOptions}.
 */
public final class BootstrapOptions {
  @Option(
      names = "--resamples",
      defaultValue = "" + ZooBootstrap.Settings.DEFAULT_RESAMPLES,
      paramLabel = "<B>",
      description = "Bootstrap resamples B (default: ${DEFAULT-VALUE}).")
  int resamples;

  @Option(
      names = "--confidence",
      defaultValue = "" + ZooBootstrap.Settings.DEFAULT_CONFIDENCE,
      paramLabel = "<level>",
      description = "Two-sided confidence level of every interval (default: ${DEFAULT-VALUE}).")
  double confidence;

  @Option(
      names = "--interval",
      defaultValue = "percentile",
      paramLabel = "<method>",
      converter = MethodConverter.class,
      description = "Interval method: percentile or bca (default: ${DEFAULT-VALUE}).")
  IntervalMethod method;

  @Option(
      names = "--bootstrap-seed",
      defaultValue = "" + ZooBootstrap.Settings.DEFAULT_SEED,
      paramLabel = "<seed>",
      description =
          "Master seed of every bootstrap; each model, pair or group|factor derives its own from"
              + " its name (default: ${DEFAULT-VALUE}).")
  long seed;

  /** Deprecated spelling of {@code --resamples} ({@code study}). */
  @Option(
      names = "--bootstrap",
      hidden = true,
      paramLabel = "<B>",
      description = ExitCodes.DEPRECATED + "--resamples")
  void deprecatedBootstrap(int value) {
    resamples = value;
  }

  /**
   * @param spec the command, for the usage error
   * @return validated settings
   * @throws ParameterException on a bad value
   */
  ZooBootstrap.Settings settings(CommandSpec spec) {
    if (resamples < 1) {
      throw new ParameterException(
          spec.commandLine(), "--resamples must be at least 1, got " + resamples);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new ParameterException(
          spec.commandLine(), "--confidence must be in (0, 1), got " + confidence);
    }
    return new ZooBootstrap.Settings(resamples, confidence, method, seed);
  }

  static final class MethodConverter implements ITypeConverter<IntervalMethod> {
    @Override
    public IntervalMethod convert(String value) {
      return IntervalMethod.of(value);
    }
  }
}
