package org.imagenetx.cli;

import java.util.List;
import org.imagenetx.annotations.Partition;
import picocli.CommandLine.Option;

/**
 * The deprecated {@code --partitions <list>} of {@code study cooccurrence} and {@code study
 * distribution}, kept for one release beside {@link DataOptions}' {@code --partition}: scripts that
 * asked for both partitions in one run keep working.
 */
final class LegacyPartitions {
  /** The partitions given, or null when the option was not used. */
  List<Partition> partitions;

  @Option(
      names = "--partitions",
      hidden = true,
      paramLabel = "<list>",
      description = ExitCodes.DEPRECATED + "--partition (one partition per run)")
  void deprecatedPartitions(String value) {
    partitions = Converters.list(value, Partition::parse);
  }
}
