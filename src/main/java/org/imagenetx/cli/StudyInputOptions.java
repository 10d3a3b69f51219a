package org.imagenetx.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import org.imagenetx.annotations.Annotations;
import org.imagenetx.annotations.ImageIndex;
import org.imagenetx.annotations.Release;
import org.imagenetx.figures.StudyData;
import org.imagenetx.zoo.Zoo;
import org.imagenetx.zoo.Zoos;
import picocli.CommandLine.Option;

/**
 * Inputs of {@code figures} and {@code reproduce}. By default the ImageNet-X release embedded in
 * imagenetx: its annotations, its four base models, its aggregated tables and model types. With
 * {@code --annotations <root>/annotations} of the release layout, the base zoo, the aggregated
 * tables and the model types are found beside it ({@code <root>/model_predictions/base}, {@code
 * <root>/results}, {@code <root>/model_types.csv}).
 */
final class StudyInputOptions {
  @Option(
      names = "--annotations",
      paramLabel = "<folder|zip>",
      description =
          "ImageNet-X annotations (folder or wheel/zip). Default: the release embedded in"
              + " imagenetx.")
  Path annotations;

  @Option(
      names = "--zoo",
      paramLabel = "<dir>",
      description =
          "Base zoo: folder of <model>.csv predictions. Default: the release's base models"
              + " (<annotations>/../model_predictions/base with --annotations).")
  Path zoo;

  @Option(
      names = "--results",
      paramLabel = "<dir>",
      description =
          "Aggregated tables of the real zoos (the folder holding val/). Default: the"
              + " release's (<annotations>/../results with --annotations).")
  Path results;

  @Option(
      names = "--model-types",
      paramLabel = "<csv>",
      description =
          "model,model_type CSV. Default: the release's (<annotations>/../model_types.csv"
              + " with --annotations).")
  Path modelTypes;

  @Option(names = "--threads", description = "Worker threads (default: all cores).")
  Integer threads;

  /**
   * @param err where progress lines go
   * @param t0 start time ({@link System#nanoTime()})
   * @return the loaded data
   */
  StudyData load(PrintWriter err, long t0) {
    Function<ImageIndex, Zoo> z;
    Path r;
    Path m;
    Annotations ann;
    if (annotations == null) {
      ann = Annotations.release();
      z = zoo != null ? index -> Zoos.open(zoo, index) : Zoos::base;
      r = results != null ? results : Release.root().resolve("results");
      m = modelTypes != null ? modelTypes : Release.root().resolve("model_types.csv");
    } else {
      ann = Annotations.open(annotations);
      Path root = annotations.toAbsolutePath().getParent();
      Path zooDir = zoo != null ? zoo : beside(root, "model_predictions/base", true);
      z = zooDir == null ? null : index -> Zoos.open(zooDir, index);
      r = results != null ? results : beside(root, "results", true);
      m = modelTypes != null ? modelTypes : beside(root, "model_types.csv", false);
    }
    return StudyData.load(ann, z, r, m, threads(), step -> progress(err, t0, "loading " + step));
  }

  /**
   * @return worker threads to use
   */
  int threads() {
    return threads != null && threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }

  /**
   * @param data what was loaded
   * @return a one-line description of the inputs for the results page
   */
  static String describe(org.imagenetx.figures.StudyData data) {
    StringBuilder sb = new StringBuilder("the ImageNet-X annotations");
    if (data.base() != null) {
      sb.append(", the predictions of ").append(String.join(", ", data.baseModels()));
    }
    if (data.study() != null) {
      sb.append(" and the published aggregated tables of the real zoos");
    }
    return sb.toString();
  }

  static void progress(PrintWriter err, long t0, String step) {
    err.printf(Locale.ROOT, "[%6.2f s] %s%n", (System.nanoTime() - t0) / 1e9, step);
    err.flush();
  }

  private static Path beside(Path root, String rel, boolean dir) {
    if (root == null) {
      return null;
    }
    Path p = root.resolve(rel);
    return (dir ? Files.isDirectory(p) : Files.isRegularFile(p)) ? p : null;
  }
}
