package org.imagenetx.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.imagenetx.annotations.Annotations;
import org.imagenetx.annotations.ImageIndex;
import org.imagenetx.annotations.Release;
import org.imagenetx.figures.StudyData;
import org.imagenetx.zoo.Zoo;
import org.imagenetx.zoo.Zoos;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

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
      paramLabel = "<folder|zip|file>",
      description = DataHelp.ANNOTATIONS)
  Path annotations;

  @Option(names = "--zoo", paramLabel = "<store|dir|csv>", description = DataHelp.ZOO)
  List<Path> zoo = new ArrayList<>();

  @Option(names = "--results", paramLabel = "<dir>", description = DataHelp.RESULTS)
  Path results;

  @Option(names = "--model-types", paramLabel = "<csv>", description = DataHelp.MODEL_TYPES)
  Path modelTypes;

  @Option(
      names = "--threads",
      converter = Converters.ThreadsConverter.class,
      description = DataHelp.THREADS)
  Integer threads;

  /**
   * @param spec the command, for usage errors
   * @param err where progress lines go
   * @param t0 start time ({@link System#nanoTime()})
   * @return the loaded data, every part
   */
  StudyData load(CommandSpec spec, PrintWriter err, long t0) {
    return load(spec, err, t0, EnumSet.allOf(StudyData.Part.class));
  }

  /**
   * @param spec the command, for usage errors
   * @param err where progress lines go
   * @param t0 start time ({@link System#nanoTime()})
   * @param parts what to load (validation annotations always)
   * @return the loaded data
   */
  StudyData load(CommandSpec spec, PrintWriter err, long t0, Set<StudyData.Part> parts) {
    if (zoo.size() > 1) {
      throw new ParameterException(spec.commandLine(), "--zoo: one base zoo, got " + zoo.size());
    }
    Annotations ann = annotations == null ? Annotations.release() : Annotations.open(annotations);
    Function<ImageIndex, Zoo> z;
    if (!zoo.isEmpty()) {
      Path given = zoo.get(0);
      z = index -> Zoos.open(given, index);
    } else if (annotations == null) {
      z = Zoos::base;
    } else {
      Path dir = beside(annotations.toAbsolutePath().getParent(), "model_predictions/base", true);
      z = dir == null ? null : index -> Zoos.open(dir, index);
    }
    Path r = results(results, annotations);
    Path m = modelTypes(modelTypes, r);
    return StudyData.load(
        ann, z, r, m, threads(), step -> progress(err, t0, "loading " + step), parts);
  }

  /**
   * The one rule of {@code --results}: as given; else the embedded release's tables when no {@code
   * --annotations} is given; else {@code results} beside the annotations folder.
   *
   * @param given the option's value, or null
   * @param annotations the annotations in use, or null
   * @return the results folder, or null when there is none
   */
  static Path results(Path given, Path annotations) {
    if (given != null) {
      return given;
    }
    if (annotations == null) {
      return Release.root().resolve("results");
    }
    return beside(annotations.toAbsolutePath().getParent(), "results", true);
  }

  /**
   * The one rule of {@code --model-types}: as given; else {@code model_types.csv} beside the
   * results folder (the embedded release's, by default).
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
    return beside(root, "model_types.csv", false);
  }

  /**
   * @return worker threads to use
   */
  int threads() {
    return threads != null ? threads : Runtime.getRuntime().availableProcessors();
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
