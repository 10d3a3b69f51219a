package org.imagenetx.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.imagenetx.annotations.AnnotationLoader;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.Partition;
import org.imagenetx.annotations.Release;

/**
 * The real ImageNet-X release the project ships in {@code data/imagenet-x} (the same files as the
 * reference copy in {@code ../shared/imagenet-x}; {@code ShippedReleaseTest} checks that). Tests
 * read the shipped copy, so they run on a fresh clone with nothing beside it.
 */
public final class RealData {
  private static volatile Dataset valWithReal;

  private RealData() {}

  /**
   * @return the shipped release root, after checking it exists
   */
  public static Path root() {
    Path p = Path.of("data", "imagenet-x");
    if (!Files.isDirectory(p.resolve("annotations"))) {
      fail("the shipped ImageNet-X release is missing at " + p.toAbsolutePath());
    }
    return p;
  }

  /**
   * @return the reference copy of the release beside the repository ({@code -Dimagenetx.shared}
   *     overrides), or null when it is absent
   */
  public static Path reference() {
    String prop = System.getProperty("imagenetx.shared");
    Path p = prop != null ? Path.of(prop) : Path.of("..", "shared", "imagenet-x");
    return Files.isDirectory(p.resolve("annotations")) ? p : null;
  }

  /**
   * @return the annotations folder
   */
  public static Path annotations() {
    return root().resolve("annotations");
  }

  /**
   * @return the folder of the four base models' prediction CSVs
   */
  public static Path baseZoo() {
    return root().resolve("model_predictions").resolve("base");
  }

  /**
   * @return the upstream aggregated results root ({@code results/val/...})
   */
  public static Path results() {
    return root().resolve("results");
  }

  /**
   * @return validation annotations of the embedded release, both selections, prototypes filtered,
   *     with ReaL (cached)
   */
  public static Dataset val() {
    Dataset d = valWithReal;
    if (d == null) {
      synchronized (RealData.class) {
        d = valWithReal;
        if (d == null) {
          d =
              Release.load(
                  new AnnotationLoader.Options(
                      Partition.VAL, EnumSet.allOf(FactorSelection.class), false, true));
          valWithReal = d;
        }
      }
    }
    return d;
  }
}
