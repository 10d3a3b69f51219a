package org.imagenetx.cli;

import java.util.EnumSet;
import org.imagenetx.annotations.AnnotationLoader;
import org.imagenetx.annotations.Annotations;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.Partition;
import org.imagenetx.annotations.Release;
import org.imagenetx.zoo.Zoos;

/**
 * Reads what most commands start with while the command line is being parsed: building picocli's
 * model of a command takes ~0.1 s of a cold JVM on one core, and the other core is idle meanwhile.
 * A daemon thread decodes the embedded release's validation sections (index, prototypes, both
 * factor selections) and the base models (or parses the CSVs of the {@code --zoo} folders), loads
 * the evaluation classes and initializes number formatting. It only fills caches that the command
 * would fill itself ({@code Snapshot.decoded} computes each value once, and a caller that needs a
 * value being decoded waits for it); it decides nothing and reports nothing, so a wrong guess
 * (another partition, {@code --annotations}) costs the second core a few milliseconds and changes
 * no result.
 */
final class Prefetch implements Runnable {
  /** Classes the evaluation of a table loads first; a test checks that each exists. */
  static final String[] CLASSES = {
    "org.imagenetx.evaluation.Aggregation",
    "org.imagenetx.evaluation.Evaluator",
    "org.imagenetx.evaluation.CountPlan",
    "org.imagenetx.evaluation.TypeWords",
    "org.imagenetx.evaluation.WorstClasses",
    "org.imagenetx.evaluation.FactorTable",
    "org.imagenetx.evaluation.MetaclassTable",
    "org.imagenetx.bits.Correctness",
    "org.imagenetx.bits.Lanes",
    "org.imagenetx.bits.Words",
    "org.imagenetx.parallel.Workers",
    "org.imagenetx.report.ReportTable",
    "org.imagenetx.report.AccuracyCsv",
    "org.imagenetx.report.PyFloat",
    "org.imagenetx.zoo.PredictionCsv",
    "org.imagenetx.zoo.InMemoryZoo"
  };

  /** Commands that start by loading the release's validation data. */
  private static final java.util.Set<String> COMMANDS =
      java.util.Set.of(
          "ratios", "aggregate", "compare", "study", "query", "shell", "serve", "images");

  private final java.util.List<java.nio.file.Path> zoos;

  private Prefetch(java.util.List<java.nio.file.Path> zoos) {
    this.zoos = zoos;
  }

  /**
   * Starts the prefetch when the arguments name no other data than the embedded release.
   *
   * @param args the command line
   */
  static void start(String[] args) {
    java.util.List<java.nio.file.Path> zoos = new java.util.ArrayList<>();
    String command = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--synthetic")
          || a.startsWith("--annotations")
          || a.startsWith("--partition")
          || a.equals("--help")
          || a.equals("-h")) {
        return;
      }
      if (command == null && !a.startsWith("-")) {
        command = a;
      }
      try {
        if (a.equals("--zoo") && i + 1 < args.length) {
          zoos.add(java.nio.file.Path.of(args[i + 1]));
        } else if (a.startsWith("--zoo=")) {
          zoos.add(java.nio.file.Path.of(a.substring("--zoo=".length())));
        }
      } catch (java.nio.file.InvalidPathException e) {
        return; // the command reports it
      }
    }
    if (command == null || !COMMANDS.contains(command) || !Release.available()) {
      return;
    }
    Thread t = new Thread(new Prefetch(zoos), "imagenetx-prefetch");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void run() {
    try {
      Dataset ds =
          Annotations.release()
              .dataset(
                  new AnnotationLoader.Options(
                      Partition.VAL,
                      EnumSet.allOf(FactorSelection.class),
                      false,
                      AnnotationLoader.RealLabels.SKIP));
      if (zoos.isEmpty()) {
        Release.baseModels();
      }
      for (java.nio.file.Path z : zoos) {
        Zoos.prefetch(z, ds.index());
      }
      ClassLoader loader = Prefetch.class.getClassLoader();
      for (String c : CLASSES) {
        Class.forName(c, true, loader);
      }
      // the first String.format initializes the formatter and the locale data (~20 ms cold)
      String.format(java.util.Locale.ROOT, "%.6f", 0.5);
    } catch (ReflectiveOperationException
        | RuntimeException
        | LinkageError
        | OutOfMemoryError ignored) {
      // a failed guess is the command's to meet: it does the same work and reports the problem
    }
  }
}
