package org.imagenetx.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.imagenetx.annotations.AnnotationSource;
import org.imagenetx.figures.StudyData;
import org.imagenetx.io.BadInputException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Inputs of {@code figures} and {@code reproduce}. With only {@code --annotations
 * <root>/annotations} of the release layout, the base zoo, the aggregated tables and the model
 * types are found beside it ({@code <root>/model_predictions/base}, {@code <root>/results}, {@code
 * <root>/model_types.csv}); the results and model-type rules are the study commands' too.
 */
final class StudyInputOptions {
  @Option(
      names = "--annotations",
      paramLabel = "<folder|zip|file>",
      description = DataHelp.ANNOTATIONS)
  Path annotations;

  @Option(names = "--zoo", paramLabel = "<store|dir|csv>", description = DataHelp.ZOO)
  List<Path> zoo = new ArrayList<>();

  @Option(names = "--results", paramLabel = "<dir>", description = DataHelp.RESULTS)
  Path results;

  @Option(names = "--model-types", paramLabel = "<csv>", description = DataHelp.MODEL_TYPES)
  Path modelTypes;

  @Option(names = "--threads", description = DataHelp.THREADS)
  Integer threads;

  /**
   * @param spec the command, for usage errors
   * @param err where progress lines go
   * @param t0 start time ({@link System#nanoTime()})
   * @return the loaded data
   */
  StudyData load(CommandSpec spec, PrintWriter err, long t0) {
    Path ann = annotations != null ? annotations : DataOptions.findDefaultAnnotations();
    if (ann == null) {
      throw new BadInputException(
          "--annotations", 0, "not given and none in data/; " + AnnotationSource.HOW_TO_GET);
    }
    if (zoo.size() > 1) {
      throw new ParameterException(spec.commandLine(), "--zoo: one base zoo, got " + zoo.size());
    }
    Path root = ann.toAbsolutePath().getParent();
    Path z = !zoo.isEmpty() ? zoo.get(0) : beside(root, "model_predictions/base", true);
    Path r = results(results, ann);
    Path m = modelTypes(modelTypes, r);
    return StudyData.load(ann, z, r, m, threads(), step -> progress(err, t0, "loading " + step));
  }

  /**
   * The one rule of {@code --results}: as given; else {@code results} beside the annotations
   * folder; else {@code data/results}.
   *
   * @param given the option's value, or null
   * @param annotations the annotations in use, or null
   * @return the results folder, or null when there is none
   */
  static Path results(Path given, Path annotations) {
    if (given != null) {
      return given;
    }
    Path root = annotations == null ? null : annotations.toAbsolutePath().getParent();
    Path beside = beside(root, "results", true);
    if (beside != null) {
      return beside;
    }
    Path data = Path.of("data", "results");
    return Files.isDirectory(data) ? data : null;
  }

  /**
   * The one rule of {@code --model-types}: as given; else {@code model_types.csv} beside the
   * results folder; else {@code data/model_types.csv}.
   *
   * @param given the option's value, or null
   * @param results the results folder in use, or null
   * @return the file, or null when there is none
   */
  static Path modelTypes(Path given, Path results) {
    if (given != null) {
      return given;
    }
    Path root = results == null ? null : results.toAbsolutePath().getParent();
    Path beside = beside(root, "model_types.csv", false);
    if (beside != null) {
      return beside;
    }
    Path data = Path.of("data", "model_types.csv");
    return Files.isRegularFile(data) ? data : null;
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
  static String describe(StudyData data) {
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
