package org.imagenetx.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.io.OutputSet;
import org.imagenetx.io.Resources;
import org.imagenetx.synth.SyntheticImageNetX;
import org.imagenetx.synth.SyntheticZoo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code imagenetx synth}: a seeded, ImageNet-X-shaped synthetic zoo, as CSVs or as a store. */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a synthetic zoo over the synthetic ImageNet-X of --seed: models with factor-dependent,"
          + " correlated errors. --out <name>.zoo writes a zoo store (it records its seed), any other"
          + " --out a folder of <model>.csv.",
      "Read a store back with: imagenetx ratios --zoo <name>.zoo (a folder: add --synthetic --seed <S>).",
      "--annotations-out <dir> also writes the synthetic dataset as upstream annotation files."
    })
final class SynthCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--models",
      required = true,
      paramLabel = "<n>",
      description = "Number of models.")
  int models;

  @Mixin OutOption output;

  @Option(
      names = "--as",
      paramLabel = "<store|csv>",
      description = "What to write (default: store when --out ends with .zoo, else csv).")
  String format;

  /** Deprecated spelling of {@code --as}. */
  @Option(
      names = "--format",
      hidden = true,
      paramLabel = "<store|csv>",
      description = ExitCodes.DEPRECATED + "--as")
  void deprecatedFormat(String value) {
    format = value;
  }

  @Option(
      names = "--seed",
      defaultValue = "" + DataOptions.DEFAULT_SEED,
      description = DataHelp.SEED)
  long seed;

  @Option(
      names = "--threads",
      converter = Converters.ThreadsConverter.class,
      description = DataHelp.THREADS)
  Integer threads;

  @Option(
      names = "--annotations-out",
      paramLabel = "<dir>",
      description = {
        "Also write the synthetic dataset of --seed as upstream annotation files (val jsonl,"
            + " filename_label.csv, metaclasses, ReaL labels, prototypes), for tools that read files."
      })
  Path annotationsOut;

  @Override
  public Integer call() {
    if (models < 1) {
      throw new ParameterException(spec.commandLine(), "--models must be at least 1");
    }
    Path out = output.required(spec);
    boolean store;
    if (format == null) {
      store = out.getFileName().toString().endsWith(".zoo");
    } else if (format.equals("store") || format.equals("csv")) {
      store = format.equals("store");
    } else {
      throw new ParameterException(
          spec.commandLine(), "unknown --as '" + format + "' (use store or csv)");
    }
    int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    long t0 = System.nanoTime();
    SyntheticImageNetX synth = SyntheticImageNetX.generate(seed, 50);
    Dataset ds = synth.dataset(false);
    checkSize(models, ds.index().size(), store, out);
    PrintWriter stdout = spec.commandLine().getOut();
    if (annotationsOut != null) {
      try (OutputSet set = OutputSet.begin(annotationsOut)) {
        synth.writeAnnotations(set.folder());
        set.commit();
      }
      stdout.printf(
          Locale.ROOT, "wrote the synthetic annotations (seed %d) to %s%n", seed, annotationsOut);
    }
    String provenance =
        String.format(Locale.ROOT, "imagenetx synth --models %d --seed %d", models, seed);
    if (store) {
      SyntheticZoo.Inputs inputs = new SyntheticZoo.Inputs(ds, seed);
      return ZooCommand.write(
          spec,
          out,
          ds.index(),
          SyntheticZoo.sources(inputs, models, seed),
          true,
          true,
          seed,
          provenance,
          workers);
    }
    // the CSVs as one unit: a failure part-way leaves the previous set whole
    try (ProgressBar bar = progressBar(models);
        OutputSet set = OutputSet.begin(out)) {
      SyntheticZoo.writeCsvFolder(
          ds, models, seed, set.folder(), workers, bar == null ? null : d -> bar.stepTo(d));
      set.commit();
    }
    stdout.printf(
        Locale.ROOT,
        "wrote %d synthetic model CSVs (seed %d) to %s in %.2f s%n",
        models,
        seed,
        out,
        (System.nanoTime() - t0) / 1e9);
    return 0;
  }

  /**
   * Heap a store's writer holds per model whatever the images: the model's source, its provenance
   * and name in the directory's strings (built, then copied), its directory entry and checksums.
   * Measured at ~350 bytes; this is a lower bound, so no request that could fit is refused.
   */
  static final long STORE_HEAP_PER_MODEL = 256;

  /** Fewest bytes of one prediction CSV row ({@code ILSVRC2012_val_00000001.JPEG,1,0.5\n}). */
  static final long CSV_ROW_BYTES = 32;

  /**
   * Refuses, before any work, a zoo the heap or the disk cannot hold: {@code --models 100000000}
   * ended in an OutOfMemoryError trace after minutes.
   *
   * @param models models asked for
   * @param images images per model
   * @param store whether a store is written (else a folder of CSVs)
   * @param out the output
   */
  static void checkSize(int models, int images, boolean store, Path out) {
    String request =
        String.format(Locale.ROOT, "%,d models x %,d images", models, images)
            + (store ? " in a store" : " as CSV files");
    if (store) {
      Resources.requireHeap("--models", request, Resources.times(models, STORE_HEAP_PER_MODEL));
    }
    long perModel = store ? (long) images * (Short.BYTES + Float.BYTES) : images * CSV_ROW_BYTES;
    Resources.requireDisk("--models", request, Resources.times(models, perModel), out);
  }

  private static ProgressBar progressBar(int models) {
    ProgressBarBuilder b = Tty.progressBar("synth");
    return b == null ? null : b.setInitialMax(models).setUnit(" models", 1).build();
  }
}
