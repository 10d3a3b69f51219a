package org.imagenetx.zoo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;
import org.imagenetx.annotations.ImageIndex;
import org.imagenetx.io.AtomicFiles;
import org.imagenetx.io.BadInputException;

/**
 * Writes a zoo store ({@link StoreFormat}) from any model sources, in parallel: each worker fills
 * one model at a time into its own buffers and writes the blocks at their fixed offsets, so memory
 * stays at a few buffers per thread whatever the zoo size. The store goes to a temporary file in
 * the target's folder, is synced, and is then moved over the target: killing the process at any
 * moment leaves the previous store (or no store) under the final name, never a partial one.
 */
public final class ZooStoreWriter {
  private ZooStoreWriter() {}

  /** One model to write. */
  public interface Source {
    /**
     * @return model name (unique in the store)
     */
    String name();

    /**
     * @return where the predictions come from, recorded in the store
     */
    String provenance();

    /**
     * @return input bytes this source reads, for the progress bar's MB/s (0 when not a file)
     */
    long inputBytes();

    /**
     * Produces the model's predictions.
     *
     * @param classes {@code numImages} entries to overwrite, -1 where not predicted
     * @param probabilities {@code numImages} entries to overwrite (NaN where not predicted), or
     *     null when the store keeps no probabilities
     * @return how many entries of {@code classes} are -1
     */
    int fill(short[] classes, float[] probabilities);
  }

  /** Receives progress from worker threads. */
  @FunctionalInterface
  public interface Progress {
    /**
     * @param modelsDone models written so far
     * @param bytesDone input bytes consumed so far
     */
    void update(int modelsDone, long bytesDone);
  }

  /**
   * What the store records besides the models.
   *
   * @param probabilities keep predicted probabilities (every source must have them)
   * @param synthetic the predictions are generated
   * @param seed the generator seed (0 when not synthetic)
   * @param provenance how the zoo was made, one line
   * @param threads worker threads (≥ 1)
   * @param progress progress callback, or null
   */
  public record Options(
      boolean probabilities,
      boolean synthetic,
      long seed,
      String provenance,
      int threads,
      Progress progress) {}

  /**
   * A model read from an upstream prediction CSV.
   *
   * @param csv the file; the model name is its stem
   * @param index image index rows are resolved against
   * @return the source
   */
  public static Source csv(Path csv, ImageIndex index) {
    String f = csv.getFileName().toString();
    int dot = f.lastIndexOf('.');
    String name = dot > 0 ? f.substring(0, dot) : f;
    long size;
    try {
      size = Files.size(csv);
    } catch (IOException e) {
      throw new BadInputException(csv.toString(), 0, "cannot read: " + e.getMessage());
    }
    return new Source() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String provenance() {
        return csv.toAbsolutePath().normalize().toString();
      }

      @Override
      public long inputBytes() {
        return size;
      }

      @Override
      public int fill(short[] classes, float[] probabilities) {
        PredictionCsv.Result r = PredictionCsv.read(csv, index, classes, probabilities);
        if (probabilities != null && !r.hasProbabilities()) {
          throw new BadInputException(
              csv.toString(),
              1,
              "no predicted_probability column, but other models of the zoo have one");
        }
        return r.numMissing();
      }
    };
  }

  /**
   * A model copied from an open store (used to add models to a store).
   *
   * @param store the store
   * @param model model number in it
   * @return the source
   */
  public static Source copy(ZooStore store, int model) {
    return new Source() {
      @Override
      public String name() {
        return store.models().get(model);
      }

      @Override
      public String provenance() {
        return store.provenance(model);
      }

      @Override
      public long inputBytes() {
        return 0;
      }

      @Override
      public int fill(short[] classes, float[] probabilities) {
        int missing = store.readClasses(model, classes);
        if (probabilities != null) {
          store.readProbabilities(model, probabilities);
        }
        return missing;
      }
    };
  }

  /**
   * Writes a store atomically.
   *
   * @param out the store file; replaced only once the new store is complete and synced
   * @param index image index every model is in
   * @param sources the models, in any order (the store sorts them by name)
   * @param options flags, provenance, threads and progress
   * @throws BadInputException on an empty zoo, a duplicate model name or a bad source
   */
  public static void write(Path out, ImageIndex index, List<Source> sources, Options options) {
    if (sources.isEmpty()) {
      throw new BadInputException(out.toString(), 0, "empty zoo: no models to store");
    }
    for (Source s : sources) {
      ModelNames.check(s.name(), s.provenance(), 0);
    }
    List<Source> sorted = new ArrayList<>(sources);
    sorted.sort(Comparator.comparing(Source::name));
    for (int m = 1; m < sorted.size(); m++) {
      if (sorted.get(m).name().equals(sorted.get(m - 1).name())) {
        throw new BadInputException(
            sorted.get(m).provenance(),
            0,
            "duplicate model '"
                + sorted.get(m).name()
                + "' (also in "
                + sorted.get(m - 1).provenance()
                + ")");
      }
    }
    int n = index.size();
    byte[] strings = strings(sorted, options.provenance());
    int numModels = sorted.size();
    long dirBytes = (long) numModels * StoreFormat.ENTRY_BYTES + strings.length;
    if (dirBytes > Integer.MAX_VALUE - StoreFormat.ALIGN) {
      // the header holds the directory's length as an int; it overflowed into a negative length
      throw new BadInputException(
          out.toString(),
          0,
          String.format(
              Locale.ROOT,
              "a store's directory holds at most 2 GiB; %,d models with their names need %,d bytes",
              numModels,
              dirBytes));
    }
    int dirLength = (int) dirBytes;
    int flags =
        (options.probabilities() ? StoreFormat.FLAG_PROBABILITIES : 0)
            | (options.synthetic() ? StoreFormat.FLAG_SYNTHETIC : 0);
    StoreFormat.Header layout =
        new StoreFormat.Header(
            StoreFormat.VERSION,
            flags,
            numModels,
            n,
            StoreFormat.fingerprint(index),
            options.synthetic() ? options.seed() : 0,
            dirLength,
            0,
            0);
    int[] classCrc = new int[numModels];
    int[] probabilityCrc = new int[numModels];
    int[] missing = new int[numModels];

    Path target = out.toAbsolutePath();
    AtomicFiles.writeFile(
        target,
        tmp -> {
          try (FileChannel ch =
              FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            writeBlocks(ch, layout, sorted, options, classCrc, probabilityCrc, missing, n);
            ByteBuffer dir = ByteBuffer.allocate(dirLength).order(ByteOrder.LITTLE_ENDIAN);
            for (int m = 0; m < numModels; m++) {
              dir.putInt(classCrc[m]).putInt(probabilityCrc[m]).putInt(missing[m]).putInt(0);
            }
            dir.put(strings).flip();
            StoreFormat.Header h =
                new StoreFormat.Header(
                    layout.version(),
                    layout.flags(),
                    numModels,
                    n,
                    layout.fingerprint(),
                    layout.seed(),
                    dirLength,
                    StoreFormat.crc(dir, 0, dirLength),
                    layout.expectedLength());
            writeFully(ch, dir, StoreFormat.HEADER_BYTES);
            ByteBuffer head = ByteBuffer.allocate(StoreFormat.HEADER_BYTES);
            h.writeTo(head);
            writeFully(ch, head, 0);
            if (ch.size() < h.expectedLength()) {
              writeFully(ch, ByteBuffer.allocate(1), h.expectedLength() - 1);
            }
            ch.force(true);
          }
        });
  }

  private static byte[] strings(List<Source> sorted, String zooProvenance) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (Source s : sorted) {
      putString(b, s.name(), s.provenance());
      putString(b, s.provenance(), s.provenance());
    }
    putString(b, zooProvenance == null ? "" : zooProvenance, "zoo provenance");
    return b.toByteArray();
  }

  private static void putString(ByteArrayOutputStream b, String s, String where) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > StoreFormat.MAX_STRING_BYTES) {
      throw new BadInputException(where, 0, "name or provenance longer than 65,535 bytes");
    }
    b.write(bytes.length & 0xFF);
    b.write(bytes.length >>> 8);
    b.write(bytes, 0, bytes.length);
  }

  private static void writeBlocks(
      FileChannel ch,
      StoreFormat.Header layout,
      List<Source> sorted,
      Options options,
      int[] classCrc,
      int[] probabilityCrc,
      int[] missing,
      int n)
      throws IOException {
    int numModels = sorted.size();
    int workers = Math.max(1, Math.min(options.threads(), numModels));
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicLong bytes = new AtomicLong();
    AtomicBoolean failed = new AtomicBoolean();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread t = new Thread(r, "imagenetx-store");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        futures.add(
            pool.submit(
                () -> {
                  short[] classes = new short[n];
                  float[] probabilities = options.probabilities() ? new float[n] : null;
                  ByteBuffer cb = ByteBuffer.allocateDirect(2 * n).order(ByteOrder.LITTLE_ENDIAN);
                  ByteBuffer pb =
                      options.probabilities()
                          ? ByteBuffer.allocateDirect(4 * n).order(ByteOrder.LITTLE_ENDIAN)
                          : null;
                  CRC32C crc = new CRC32C();
                  int m;
                  while (!failed.get() && (m = next.getAndIncrement()) < numModels) {
                    Source s = sorted.get(m);
                    missing[m] = s.fill(classes, probabilities);
                    cb.clear();
                    cb.asShortBuffer().put(classes, 0, n);
                    crc.reset();
                    crc.update(cb.duplicate());
                    classCrc[m] = (int) crc.getValue();
                    writeFully(ch, cb, layout.classBase() + m * layout.classStride());
                    if (pb != null) {
                      pb.clear();
                      pb.asFloatBuffer().put(probabilities, 0, n);
                      crc.reset();
                      crc.update(pb.duplicate());
                      probabilityCrc[m] = (int) crc.getValue();
                      writeFully(ch, pb, layout.probabilityBase() + m * layout.probabilityStride());
                    }
                    long b = bytes.addAndGet(s.inputBytes());
                    int d = done.incrementAndGet();
                    if (options.progress() != null) {
                      options.progress().update(d, b);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          failed.set(true);
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException) {
            throw (RuntimeException) cause;
          }
          if (cause instanceof IOException) {
            throw (IOException) cause;
          }
          if (cause instanceof Error) {
            throw (Error) cause;
          }
          throw new IllegalStateException(cause);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Writes the whole buffer (from position 0) at {@code position}. */
  private static void writeFully(FileChannel ch, ByteBuffer b, long position) throws IOException {
    b.position(0);
    long at = position;
    while (b.hasRemaining()) {
      at += ch.write(b, at);
    }
  }
}
