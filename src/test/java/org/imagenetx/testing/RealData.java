package org.imagenetx.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.imagenetx.annotations.AnnotationLoader;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.Partition;

/**
 * The real ImageNet-X release in {@code ../shared/imagenet-x} (system property {@code
 * imagenetx.shared} overrides). Tests that need it fail, never skip, when it is missing: the
 * real-data tests are the ones that matter.
 */
public final class RealData {
  private static volatile Dataset valWithReal;

  private RealData() {}

  /**
   * @return the release root, after checking it exists
   */
  public static Path root() {
    String prop = System.getProperty("imagenetx.shared");
    Path p = prop != null ? Path.of(prop) : Path.of("..", "shared", "imagenet-x");
    if (!Files.isDirectory(p.resolve("annotations"))) {
      fail(
          "real ImageNet-X data missing at "
              + p.toAbsolutePath()
              + " (expected ../shared/imagenet-x relative to the repository root)");
    }
    return p;
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
   * @return validation annotations, both selections, prototypes filtered, with ReaL (cached)
   */
  public static Dataset val() {
    Dataset d = valWithReal;
    if (d == null) {
      synchronized (RealData.class) {
        d = valWithReal;
        if (d == null) {
          d =
              AnnotationLoader.load(
                  annotations(),
                  new AnnotationLoader.Options(
                      Partition.VAL, EnumSet.allOf(FactorSelection.class), false, true));
          valWithReal = d;
        }
      }
    }
    return d;
  }
}
