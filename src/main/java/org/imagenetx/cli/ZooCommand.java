package org.imagenetx.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.ImageIndex;
import org.imagenetx.io.AtomicFiles;
import org.imagenetx.io.BadInputException;
import org.imagenetx.io.OutputPaths;
import org.imagenetx.io.OutputSet;
import org.imagenetx.io.Printable;
import org.imagenetx.io.WriterLock;
import org.imagenetx.report.ReportTable;
import org.imagenetx.zoo.ModelNames;
import org.imagenetx.zoo.PredictionCsv;
import org.imagenetx.zoo.ZooStore;
import org.imagenetx.zoo.ZooStoreWriter;
import org.imagenetx.zoo.Zoos;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code imagenetx zoo build|info|add|export}: the binary zoo store. */
@Command(
    name = "zoo",
    mixinStandardHelpOptions = true,
    description = {
      "Binary zoo stores: 16-bit class ids (and optional probabilities) of many models, checksummed,"
          + " memory-mapped; every --zoo option accepts a store as well as a folder of CSVs."
    },
    subcommands = {
      ZooCommand.Build.class,
      ZooCommand.Info.class,
      ZooCommand.Add.class,
      ZooCommand.Export.class
    })
final class ZooCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "missing subcommand (build, info, add, export)");
  }

  /** Options naming the image index a store is built against. */
  static final class IndexOptions {
    @Mixin DataOptions data;

    ImageIndex index(picocli.CommandLine.Model.CommandSpec spec) {
      if (!data.zoos.isEmpty()) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(),
            "--zoo is not used here: name the CSVs with --from or as arguments");
      }
      return data.loadDataset(EnumSet.of(FactorSelection.MULTI)).index();
    }
  }

  @Command(
      name = "build",
      mixinStandardHelpOptions = true,
      description = {
        "Ingest prediction CSVs (in parallel, all cores) into a new zoo store.",
        "The store is written to a temporary file and moved into place when complete."
      })
  static final class Build implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Mixin IndexOptions index;

    @Option(
        names = "--from",
        required = true,
        paramLabel = "<dir|csv>",
        description = "A folder of <model>.csv files, or one .csv (repeatable).")
    List<Path> from;

    @Mixin OutOption out;

    @Option(
        names = "--no-probabilities",
        description = "Keep class ids only (probabilities are kept when every CSV has them).")
    boolean noProbabilities;

    @Override
    public Integer call() {
      ImageIndex idx = index.index(spec);
      Path target = out.required(spec);
      OutputPaths.refuseInputs(target, from);
      List<ZooStoreWriter.Source> sources = new ArrayList<>();
      List<Path> files = new ArrayList<>();
      for (Path p : from) {
        files.addAll(Zoos.csvFiles(p, idx));
      }
      boolean probabilities = !noProbabilities;
      for (Path f : files) {
        sources.add(ZooStoreWriter.csv(f, idx));
        probabilities &= PredictionCsv.hasProbabilityColumn(f);
      }
      String provenance = "imagenetx zoo build --from " + joined(from);
      try (WriterLock lock = WriterLock.acquire(target)) {
        return write(
            spec, target, idx, sources, probabilities, false, 0, provenance, index.data.threads());
      }
    }
  }

  @Command(
      name = "info",
      mixinStandardHelpOptions = true,
      description =
          "Describe a zoo store (header, provenance, models); --verify checks every checksum.")
  static final class Info implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<store>", description = "The store.")
    Path store;

    @Option(names = "--verify", description = "Read every block and check its CRC32C.")
    boolean verify;

    @Option(
        names = "--list-models",
        description = "List every model with its missing count and provenance.")
    boolean listModels;

    /** Deprecated spelling of {@code --list-models}. */
    @Option(
        names = "--models",
        hidden = true,
        arity = "0",
        description = ExitCodes.DEPRECATED + "--list-models")
    void deprecatedModels(boolean value) {
      listModels = true;
    }

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      ZooStore s = ZooStore.open(store);
      if (verify) {
        s.verifyAll();
      }
      List<String> models = s.models();
      out.printf(Locale.ROOT, "store:         %s%n", Printable.escape(store.toString()));
      out.printf(
          Locale.ROOT, "format:        imagenetx zoo store, version %d%n", s.formatVersion());
      out.printf(
          Locale.ROOT,
          "models:        %d (%s .. %s)%n",
          s.size(),
          models.get(0),
          models.get(models.size() - 1));
      out.printf(
          Locale.ROOT,
          "images:        %d per model, index fingerprint %016x%n",
          s.numImages(),
          s.fingerprint());
      out.printf(Locale.ROOT, "probabilities: %s%n", s.hasProbabilities() ? "yes" : "no");
      out.printf(
          Locale.ROOT, "synthetic:     %s%n", s.synthetic() ? "yes (seed " + s.seed() + ")" : "no");
      out.printf(
          Locale.ROOT, "size:          %d bytes (%.1f MB)%n", s.fileBytes(), s.fileBytes() / 1e6);
      out.printf(Locale.ROOT, "provenance:    %s%n", Printable.escape(s.zooProvenance()));
      out.printf(
          Locale.ROOT,
          "checksums:     %s%n",
          verify
              ? "all blocks verified"
              : "header and directory verified (--verify reads every block)");
      if (listModels) {
        ReportTable t = new ReportTable(List.of("model", "missing", "provenance"));
        for (int m = 0; m < s.size(); m++) {
          t.addRow(models.get(m), s.numMissing(m), Printable.escape(s.provenance(m)));
        }
        output.write(spec, t);
      }
      return 0;
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Add models from prediction CSVs (files or folders) to a store.",
        "The store is rewritten atomically: until the new one is complete, the old one stays in place."
      })
  static final class Add implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Mixin IndexOptions index;

    @Parameters(index = "0", paramLabel = "<store>", description = "The store to extend.")
    Path store;

    @Parameters(
        index = "1..*",
        arity = "1..*",
        paramLabel = "<csv|dir>",
        description = "CSVs or folders of CSVs.")
    List<Path> csvs;

    @Override
    public Integer call() {
      ImageIndex idx = index.index(spec);
      OutputPaths.refuseInputs(store, csvs);
      // read the store under the lock: a concurrent add's models are in what we read
      try (WriterLock lock = WriterLock.acquire(store)) {
        return addLocked(idx);
      }
    }

    private Integer addLocked(ImageIndex idx) {
      ZooStore old = ZooStore.open(store, idx);
      List<ZooStoreWriter.Source> sources = new ArrayList<>();
      for (int m = 0; m < old.size(); m++) {
        sources.add(ZooStoreWriter.copy(old, m));
      }
      boolean probabilities = old.hasProbabilities();
      for (Path p : csvs) {
        for (Path f : Zoos.csvFiles(p, idx)) {
          if (probabilities && !PredictionCsv.hasProbabilityColumn(f)) {
            throw new BadInputException(
                f.toString(),
                1,
                "no predicted_probability column, but the store keeps probabilities");
          }
          sources.add(ZooStoreWriter.csv(f, idx));
        }
      }
      String provenance = old.zooProvenance() + "; imagenetx zoo add " + joined(csvs);
      return write(
          spec,
          store,
          idx,
          sources,
          probabilities,
          old.synthetic(),
          old.seed(),
          provenance,
          index.data.threads());
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description =
          "Write a store back as upstream prediction CSVs (<out>/<model>.csv, rows by file name).")
  static final class Export implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Mixin IndexOptions index;

    @Parameters(index = "0", paramLabel = "<store>", description = "The store.")
    Path store;

    @Mixin OutOption output;

    @Option(names = "--model", split = ",", paramLabel = "<name>", description = DataHelp.MODEL)
    List<String> only = new ArrayList<>();

    @Override
    public Integer call() {
      ImageIndex idx = index.index(spec);
      Path out = output.required(spec);
      ZooStore s = ZooStore.open(store, idx);
      List<Integer> chosen = new ArrayList<>();
      for (String name : only) {
        int m = s.models().indexOf(name);
        if (m < 0) {
          throw new BadInputException(
              store.toString(), 0, "no model named '" + name + "' in the store");
        }
        chosen.add(m);
      }
      if (only.isEmpty()) {
        for (int m = 0; m < s.size(); m++) {
          chosen.add(m);
        }
      }
      for (int m : chosen) {
        OutputPaths.refuseInputs(ModelNames.file(out, s.models().get(m), ".csv"), List.of(store));
      }
      int[] rowOrder = PredictionCsv.fileNameOrder(idx);
      short[] classes = new short[s.numImages()];
      float[] probabilities = s.hasProbabilities() ? new float[s.numImages()] : null;
      // the models as one unit: a failure part-way leaves the previous set whole
      try (OutputSet set = OutputSet.begin(out)) {
        for (int m : chosen) {
          s.readClasses(m, classes);
          if (probabilities != null) {
            s.readProbabilities(m, probabilities);
          }
          byte[] bytes = PredictionCsv.format(idx, rowOrder, classes, probabilities);
          AtomicFiles.write(
              ModelNames.file(set.folder(), s.models().get(m), ".csv"), o -> o.write(bytes));
        }
        set.commit();
      }
      spec.commandLine()
          .getOut()
          .printf(Locale.ROOT, "wrote %d model(s) to %s%n", chosen.size(), out);
      return 0;
    }
  }

  static int write(
      picocli.CommandLine.Model.CommandSpec spec,
      Path out,
      ImageIndex idx,
      List<ZooStoreWriter.Source> sources,
      boolean probabilities,
      boolean synthetic,
      long seed,
      String provenance,
      int threads) {
    long t0 = System.nanoTime();
    long totalBytes = 0;
    for (ZooStoreWriter.Source s : sources) {
      totalBytes += s.inputBytes();
    }
    try (StoreProgress progress =
        StoreProgress.start(out.getFileName().toString(), sources.size(), totalBytes)) {
      ZooStoreWriter.write(
          out,
          idx,
          sources,
          new ZooStoreWriter.Options(
              probabilities, synthetic, seed, provenance, threads, progress));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    ZooStore written = ZooStore.open(out, idx);
    spec.commandLine()
        .getOut()
        .printf(
            Locale.ROOT,
            "wrote %s: %d models x %d images%s, %.1f MB in %.2f s (%.0f models/s%s)%n",
            out,
            written.size(),
            written.numImages(),
            probabilities ? " with probabilities" : "",
            written.fileBytes() / 1e6,
            seconds,
            sources.size() / seconds,
            totalBytes > 0
                ? String.format(Locale.ROOT, ", %.0f MB/s of CSV", totalBytes / 1e6 / seconds)
                : "");
    return 0;
  }

  private static String joined(List<Path> paths) {
    List<String> s = new ArrayList<>();
    for (Path p : paths) {
      s.add(p.toString());
    }
    return String.join(" ", s);
  }
}
