package org.imagenetx.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.FactorSet;
import org.imagenetx.annotations.ImageIndex;
import org.imagenetx.io.AtomicFiles;
import org.imagenetx.synth.SyntheticImageNetX;
import org.imagenetx.synth.SyntheticZoo;
import org.imagenetx.zoo.ZooStoreWriter;
import org.imagenetx.zoo.Zoos;

/**
 * The on-disk synthetic zoos the benchmarks read (seed {@value #SEED}, 50,000 images): a folder of
 * upstream prediction CSVs, a store built from it, and the ground truth as one CSV for DuckDB. A
 * 2,200-model CSV zoo is ~4.6 GB and takes minutes to write on 2 cores, so files are cached under
 * {@code -Dimagenetx.jmh.dir} (default {@code /tmp/imagenetx-jmh}, never the repository) and reused
 * by later forks and runs; a {@code COMPLETE} marker guards against a half-written cache.
 */
public final class ZooFiles {
  /** Seed of every benchmark zoo. */
  public static final long SEED = 42;

  private ZooFiles() {}

  /**
   * @return the cache root
   */
  public static Path root() {
    return Path.of(System.getProperty("imagenetx.jmh.dir", "/tmp/imagenetx-jmh"));
  }

  /**
   * @return the benchmark dataset (prototypes removed, as upstream)
   */
  public static Dataset dataset() {
    return SyntheticImageNetX.generate(SEED, 50).dataset(false);
  }

  /**
   * @param dataset {@link #dataset()}
   * @param models models
   * @return a folder of {@code models} prediction CSVs (written once)
   */
  public static synchronized Path csvFolder(Dataset dataset, int models) {
    Path dir = root().resolve(String.format(Locale.ROOT, "csv-%d-seed%d", models, SEED));
    Path marker = root().resolve(dir.getFileName() + ".COMPLETE");
    if (!Files.exists(marker)) {
      deleteTree(dir);
      SyntheticZoo.writeCsvFolder(
          dataset, models, SEED, dir, Runtime.getRuntime().availableProcessors(), null);
      touch(marker);
    }
    return dir;
  }

  /**
   * @param dataset {@link #dataset()}
   * @param models models
   * @return a store (class ids only) built from {@link #csvFolder} (built once)
   */
  public static synchronized Path storeFromCsv(Dataset dataset, int models) {
    Path csv = csvFolder(dataset, models);
    Path store = root().resolve(String.format(Locale.ROOT, "csv-%d-seed%d.zoo", models, SEED));
    Path marker = root().resolve(store.getFileName() + ".COMPLETE");
    if (!Files.exists(marker)) {
      buildStore(dataset.index(), csv, store, 2);
      touch(marker);
    }
    return store;
  }

  /**
   * Ingests a CSV folder into a store (class ids only), as {@code zoo build --no-probabilities}.
   *
   * @param index image index
   * @param csv CSV folder
   * @param store output
   * @param threads worker threads
   */
  public static void buildStore(ImageIndex index, Path csv, Path store, int threads) {
    List<ZooStoreWriter.Source> sources = new ArrayList<>();
    for (Path f : Zoos.csvFiles(csv, index)) {
      sources.add(ZooStoreWriter.csv(f, index));
    }
    ZooStoreWriter.write(
        store,
        index,
        sources,
        new ZooStoreWriter.Options(false, false, 0, "benchmark", threads, null));
  }

  /**
   * @param dataset {@link #dataset()}
   * @return {@code truth.csv}: file_name, label and the 16 multi-factor indicators of every
   *     evaluated image (annotated, prototypes removed), the ground truth the SQL baseline joins
   */
  public static synchronized Path truthCsv(Dataset dataset) {
    Path f = root().resolve(String.format(Locale.ROOT, "truth-multi-seed%d.csv", SEED));
    if (Files.exists(f)) {
      return f;
    }
    FactorSet set = dataset.factors(FactorSelection.MULTI);
    ImageIndex index = dataset.index();
    StringBuilder sb = new StringBuilder("file_name,label");
    for (Factor x : Factor.values()) {
      sb.append(',').append(x.column());
    }
    sb.append('\n');
    for (int d = 0; d < index.size(); d++) {
      if (!set.evaluated().contains(d)) {
        continue;
      }
      sb.append(index.fileName(d)).append(',').append(index.label(d));
      for (Factor x : Factor.values()) {
        sb.append(',').append(set.factor(x).contains(d) ? 1 : 0);
      }
      sb.append('\n');
    }
    AtomicFiles.write(f, out -> out.write(sb.toString().getBytes(StandardCharsets.US_ASCII)));
    return f;
  }

  /**
   * @param dir a folder
   * @return total bytes of its regular files
   */
  public static long bytes(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void touch(Path p) {
    try {
      Files.createDirectories(p.getParent());
      Files.writeString(p, "seed " + SEED + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
