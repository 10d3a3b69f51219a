package org.imagenetx.zoo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.zip.CRC32C;
import org.imagenetx.annotations.ImageIndex;
import org.imagenetx.bits.Lanes;
import org.imagenetx.io.BadInputException;

/**
 * A binary zoo store (layout in {@link StoreFormat}). Opening checks the header checksum, the
 * directory checksum, the file length and the image-index fingerprint, and reads no data, so a
 * 2,200-model store opens in milliseconds; blocks are then read by positional reads or from a
 * read-only mapping ({@link Access}). Each block's CRC32C is checked the first time the block is
 * read: a corrupted block raises a {@link BadInputException} before any of its values reach a
 * caller, so a damaged store never yields a table.
 *
 * <p>Thread-safe: reads of any models may run concurrently.
 */
public final class ZooStore implements Zoo {
  /** Largest mapping: the JDK maps at most 2 GiB per buffer. */
  private static final long MAX_SEGMENT_BYTES = 1L << 30;

  /**
   * How data blocks are read. Same values and the same checks either way; they differ in resident
   * memory: the touched pages of a mapping count in the process's RSS (220 MB after a 2,200-model
   * tables pass), the page-cache pages behind positional reads do not. Measured (docs/zoo.md,
   * Memory): the tables step of 2,200 models peaks at 416 MB with {@link #MAP} and 197 MB with
   * {@link #READ} (SerialGC, -Xmx128m), so {@link #READ} is the default; {@code
   * -Dimagenetx.store.access=map} selects the mapping.
   */
  public enum Access {
    /** Copy blocks out of a read-only mapping of the file. */
    MAP,
    /** Positional reads into a per-thread direct buffer, then a copy. */
    READ;

    /**
     * @return the access of {@code -Dimagenetx.store.access} (map or read; default read)
     */
    public static Access fromSystemProperty() {
      return "map".equals(System.getProperty("imagenetx.store.access", "read")) ? MAP : READ;
    }
  }

  private final Path path;
  private final String name;
  private final StoreFormat.Header header;
  private final List<String> models;
  private final List<String> provenance;
  private final String zooProvenance;
  private final int[] classCrc;
  private final int[] probabilityCrc;
  private final int[] numMissing;
  private final MappedByteBuffer[] classSegments;
  private final MappedByteBuffer[] probabilitySegments;
  private final int modelsPerClassSegment;
  private final int modelsPerProbabilitySegment;

  /** Bit 0: class block verified; bit 1: probability block verified. */
  private final AtomicIntegerArray verified;

  /** Open channel of the {@code read} access path, else null. */
  private final FileChannel channel;

  private final ThreadLocal<ByteBuffer[]> readBuffers =
      ThreadLocal.withInitial(() -> new ByteBuffer[2]);

  private ZooStore(
      Path path, StoreFormat.Header header, FileChannel ch, ByteBuffer directory, Access access)
      throws IOException {
    this.path = path;
    this.header = header;
    String file = path.getFileName().toString();
    int dot = file.lastIndexOf('.');
    this.name = dot > 0 ? file.substring(0, dot) : file;
    int n = header.numModels();
    if ((long) n * StoreFormat.ENTRY_BYTES > directory.capacity()) {
      throw bad(
          "corrupted zoo store: a directory of "
              + directory.capacity()
              + " bytes cannot hold "
              + n
              + " models");
    }
    classCrc = new int[n];
    probabilityCrc = new int[n];
    numMissing = new int[n];
    directory.order(ByteOrder.LITTLE_ENDIAN);
    for (int m = 0; m < n; m++) {
      int at = m * StoreFormat.ENTRY_BYTES;
      classCrc[m] = directory.getInt(at);
      probabilityCrc[m] = directory.getInt(at + 4);
      numMissing[m] = directory.getInt(at + 8);
    }
    directory.position(n * StoreFormat.ENTRY_BYTES);
    List<String> names = new ArrayList<>(n);
    List<String> prov = new ArrayList<>(n);
    for (int m = 0; m < n; m++) {
      names.add(ModelNames.check(readString(directory), path.toString(), 0));
      prov.add(readString(directory));
      if (m > 0 && names.get(m - 1).compareTo(names.get(m)) >= 0) {
        throw bad("model names are not sorted and unique (" + names.get(m) + ")");
      }
      if (numMissing[m] < 0 || numMissing[m] > header.numImages()) {
        throw bad("model " + names.get(m) + ": impossible missing count " + numMissing[m]);
      }
    }
    zooProvenance = readString(directory);
    if (directory.hasRemaining()) {
      throw bad(
          "corrupted zoo store: "
              + directory.remaining()
              + " unexpected bytes after the directory");
    }
    models = List.copyOf(names);
    provenance = List.copyOf(prov);
    verified = new AtomicIntegerArray(n);
    modelsPerClassSegment = modelsPerSegment(header.classStride());
    if (access == Access.READ) {
      channel = ch;
      classSegments = null;
      probabilitySegments = null;
      modelsPerProbabilitySegment = 1;
      return;
    }
    channel = null;
    classSegments = map(ch, header.classBase(), header.classStride(), modelsPerClassSegment);
    if (header.probabilities()) {
      modelsPerProbabilitySegment = modelsPerSegment(header.probabilityStride());
      probabilitySegments =
          map(
              ch,
              header.probabilityBase(),
              header.probabilityStride(),
              modelsPerProbabilitySegment);
    } else {
      modelsPerProbabilitySegment = 1;
      probabilitySegments = new MappedByteBuffer[0];
    }
  }

  private static int modelsPerSegment(long stride) {
    return (int) Math.max(1, MAX_SEGMENT_BYTES / stride);
  }

  private MappedByteBuffer[] map(FileChannel ch, long base, long stride, int perSegment)
      throws IOException {
    int n = header.numModels();
    int segments = (n + perSegment - 1) / perSegment;
    MappedByteBuffer[] out = new MappedByteBuffer[segments];
    for (int s = 0; s < segments; s++) {
      int models = Math.min(perSegment, n - s * perSegment);
      out[s] =
          ch.map(FileChannel.MapMode.READ_ONLY, base + s * perSegment * stride, models * stride);
      out[s].order(ByteOrder.LITTLE_ENDIAN);
    }
    return out;
  }

  private String readString(ByteBuffer b) {
    if (b.remaining() < 2) {
      throw bad("directory ends early");
    }
    int len = b.getShort() & 0xFFFF;
    if (b.remaining() < len) {
      throw bad("directory ends early");
    }
    byte[] bytes = new byte[len];
    b.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * Opens a store and checks it was built against {@code index}.
   *
   * @param path the store file
   * @param index the image index of the annotations in use
   * @return the store
   * @throws BadInputException when the file is not a store, is truncated or corrupted, or was built
   *     against another image index
   */
  public static ZooStore open(Path path, ImageIndex index) {
    return open(path, index, Access.fromSystemProperty());
  }

  /**
   * Opens a store with a chosen block access and checks it was built against {@code index}.
   *
   * @param path the store file
   * @param index the image index of the annotations in use
   * @param access how data blocks are read
   * @return the store
   * @throws BadInputException as {@link #open(Path, ImageIndex)}
   */
  public static ZooStore open(Path path, ImageIndex index, Access access) {
    ZooStore s = open(path, access);
    long expected = StoreFormat.fingerprint(index);
    if (s.header.numImages() != index.size() || s.header.fingerprint() != expected) {
      String hint =
          s.synthetic()
              ? "; it holds synthetic predictions of seed "
                  + s.seed()
                  + ": pass --synthetic --seed "
                  + s.seed()
              : "; rebuild it with 'imagenetx zoo build' against these annotations";
      throw s.bad(
          String.format(
              Locale.ROOT,
              "built against another image index (%d images, fingerprint %016x; the annotations give %d"
                  + " images, fingerprint %016x)%s",
              s.header.numImages(),
              s.header.fingerprint(),
              index.size(),
              expected,
              hint));
    }
    return s;
  }

  /**
   * Opens a store without an image index, for inspecting and copying it ({@code zoo info}, {@code
   * zoo add}); the checksums are checked as in {@link #open(Path, ImageIndex)}.
   *
   * @param path the store file
   * @return the store
   */
  public static ZooStore open(Path path) {
    return open(path, Access.fromSystemProperty());
  }

  /**
   * Opens a store without an image index, with a chosen block access.
   *
   * @param path the store file
   * @param access how data blocks are read
   * @return the store
   */
  public static ZooStore open(Path path, Access access) {
    FileChannel ch = null;
    boolean keep = false;
    if (Files.exists(path) && !Files.isRegularFile(path)) {
      // opening a FIFO for reading blocks until a writer appears: refuse before opening
      throw new BadInputException(
          path.toString(), 0, "not a regular file (a folder, FIFO, socket or device): not a store");
    }
    try {
      ch = FileChannel.open(path, StandardOpenOption.READ);
      long size = ch.size();
      if (size < StoreFormat.HEADER_BYTES) {
        throw new BadInputException(
            path.toString(),
            0,
            "not a zoo store: " + size + " bytes, shorter than the 64-byte header");
      }
      ByteBuffer head = ByteBuffer.allocate(StoreFormat.HEADER_BYTES);
      readFully(ch, head, 0);
      if (!StoreFormat.magicMatches(head)) {
        throw new BadInputException(
            path.toString(),
            0,
            "not a zoo store (wrong magic number; expected a file written by 'imagenetx zoo build',"
                + " a folder of <model>.csv files or one .csv)");
      }
      StoreFormat.Header h = StoreFormat.Header.readFrom(head);
      if (h.version() != StoreFormat.VERSION) {
        throw new BadInputException(
            path.toString(),
            0,
            "zoo store format version "
                + h.version()
                + " is not supported (this build reads version "
                + StoreFormat.VERSION
                + ")");
      }
      if (StoreFormat.crc(head, 0, 60) != head.getInt(60)) {
        throw new BadInputException(
            path.toString(), 0, "corrupted zoo store: header checksum mismatch");
      }
      if (h.numModels() <= 0 || h.numImages() <= 0 || h.directoryLength() < 0) {
        throw new BadInputException(
            path.toString(), 0, "corrupted zoo store: impossible sizes in header");
      }
      if (h.fileLength() != h.expectedLength()) {
        throw new BadInputException(path.toString(), 0, "corrupted zoo store: inconsistent header");
      }
      if (size < h.expectedLength()) {
        throw new BadInputException(
            path.toString(),
            0,
            "truncated zoo store: "
                + size
                + " bytes, expected "
                + h.expectedLength()
                + " (an interrupted copy or write?)");
      }
      if (size > h.expectedLength()) {
        throw new BadInputException(
            path.toString(),
            0,
            "corrupted zoo store: " + (size - h.expectedLength()) + " unexpected trailing bytes");
      }
      ByteBuffer dir = ByteBuffer.allocate(h.directoryLength());
      readFully(ch, dir, StoreFormat.HEADER_BYTES);
      if (StoreFormat.crc(dir, 0, h.directoryLength()) != h.directoryCrc()) {
        throw new BadInputException(
            path.toString(), 0, "corrupted zoo store: directory checksum mismatch");
      }
      ZooStore store = new ZooStore(path, h, ch, dir, access);
      keep = access == Access.READ;
      return store;
    } catch (IOException e) {
      throw new BadInputException(path.toString(), 0, "cannot read zoo store: " + e.getMessage());
    } finally {
      if (ch != null && !keep) {
        try {
          ch.close();
        } catch (IOException ignored) {
          // a read-only channel: nothing to flush
        }
      }
    }
  }

  /**
   * @param path a file
   * @return true when it starts with the store's magic number
   */
  public static boolean isStore(Path path) {
    if (!Files.isRegularFile(path)) {
      return false;
    }
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      ByteBuffer b = ByteBuffer.allocate(StoreFormat.MAGIC.length);
      while (b.hasRemaining() && ch.read(b) >= 0) {
        // keep reading: a short read is legal
      }
      return !b.hasRemaining() && StoreFormat.magicMatches(b);
    } catch (IOException e) {
      return false;
    }
  }

  private static void readFully(FileChannel ch, ByteBuffer b, long position) throws IOException {
    long at = position;
    while (b.hasRemaining()) {
      int r = ch.read(b, at);
      if (r < 0) {
        throw new IOException("unexpected end of file");
      }
      at += r;
    }
    b.flip();
  }

  private BadInputException bad(String problem) {
    return new BadInputException(path.toString(), 0, problem);
  }

  /** A block read with a positional read into this thread's buffer {@code slot}. */
  private ByteBuffer readBlock(int slot, long offset, int length) {
    ByteBuffer[] bufs = readBuffers.get();
    ByteBuffer b = bufs[slot];
    if (b == null || b.capacity() < length) {
      b = ByteBuffer.allocateDirect(length).order(ByteOrder.LITTLE_ENDIAN);
      bufs[slot] = b;
    }
    b.clear().limit(length);
    try {
      long at = offset;
      while (b.hasRemaining()) {
        int r = channel.read(b, at);
        if (r < 0) {
          throw bad("truncated zoo store: ends inside a data block");
        }
        at += r;
      }
    } catch (IOException e) {
      throw bad("cannot read zoo store: " + e.getMessage());
    }
    b.flip();
    return b.slice().order(ByteOrder.LITTLE_ENDIAN);
  }

  private ByteBuffer classBlock(int model) {
    if (channel != null) {
      return readBlock(
          0, header.classBase() + model * header.classStride(), 2 * header.numImages());
    }
    MappedByteBuffer seg = classSegments[model / modelsPerClassSegment];
    int at = (int) ((model % modelsPerClassSegment) * header.classStride());
    return seg.slice(at, 2 * header.numImages()).order(ByteOrder.LITTLE_ENDIAN);
  }

  private ByteBuffer probabilityBlock(int model) {
    if (channel != null) {
      return readBlock(
          1, header.probabilityBase() + model * header.probabilityStride(), 4 * header.numImages());
    }
    MappedByteBuffer seg = probabilitySegments[model / modelsPerProbabilitySegment];
    int at = (int) ((model % modelsPerProbabilitySegment) * header.probabilityStride());
    return seg.slice(at, 4 * header.numImages()).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Checks a block's CRC32C once; bit is 1 (classes) or 2 (probabilities). */
  private void verify(int model, int bit, ByteBuffer block, int expected) {
    if ((verified.get(model) & bit) != 0) {
      return;
    }
    CRC32C c = new CRC32C();
    c.update(block.duplicate());
    if ((int) c.getValue() != expected) {
      throw bad(
          "corrupted zoo store: checksum mismatch in the "
              + (bit == 1 ? "class" : "probability")
              + " block of model "
              + models.get(model));
    }
    int v;
    do {
      v = verified.get(model);
    } while (!verified.compareAndSet(model, v, v | bit));
  }

  /**
   * Checks every block's checksum now (first reads then skip the check).
   *
   * @throws BadInputException on the first corrupted block
   */
  public void verifyAll() {
    for (int m = 0; m < models.size(); m++) {
      verify(m, 1, classBlock(m), classCrc[m]);
      if (header.probabilities()) {
        verify(m, 2, probabilityBlock(m), probabilityCrc[m]);
      }
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> models() {
    return models;
  }

  @Override
  public int numImages() {
    return header.numImages();
  }

  @Override
  public int readClasses(int model, short[] dst) {
    ByteBuffer block = classBlock(model);
    verify(model, 1, block, classCrc[model]);
    block.asShortBuffer().get(dst, 0, header.numImages());
    return numMissing[model];
  }

  /** The block's bytes are the packed layout already: a bulk copy, no per-image work. */
  @Override
  public int readPacked(int model, long[] dst) {
    ByteBuffer block = classBlock(model);
    verify(model, 1, block, classCrc[model]);
    int n = header.numImages();
    int full = n >>> 2;
    block.asLongBuffer().get(dst, 0, full);
    Lanes.padTail(n, dst, full);
    for (int i = full << 2; i < n; i++) {
      Lanes.set(dst, i, block.getShort(2 * i));
    }
    return numMissing[model];
  }

  @Override
  public boolean hasProbabilities() {
    return header.probabilities();
  }

  @Override
  public void readProbabilities(int model, float[] dst) {
    if (!header.probabilities()) {
      throw new IllegalStateException("zoo store " + path + " has no probabilities");
    }
    ByteBuffer block = probabilityBlock(model);
    verify(model, 2, block, probabilityCrc[model]);
    block.asFloatBuffer().get(dst, 0, header.numImages());
  }

  @Override
  public String source() {
    return path.toString();
  }

  @Override
  public void close() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // a read-only channel: nothing to flush
      }
    }
  }

  @Override
  public boolean synthetic() {
    return header.synthetic();
  }

  /**
   * @return the seed of synthetic predictions (0 when not synthetic)
   */
  public long seed() {
    return header.seed();
  }

  /**
   * @param model model number
   * @return where the model's predictions came from (a CSV path, or a generator)
   */
  public String provenance(int model) {
    return provenance.get(model);
  }

  /**
   * @param model model number
   * @return images the model did not predict
   */
  public int numMissing(int model) {
    return numMissing[model];
  }

  /**
   * @return how the zoo was made (command, sources)
   */
  public String zooProvenance() {
    return zooProvenance;
  }

  /**
   * @return the store's format version
   */
  public int formatVersion() {
    return header.version();
  }

  /**
   * @return the image-index fingerprint the store was built against
   */
  public long fingerprint() {
    return header.fingerprint();
  }

  /**
   * @return file size in bytes
   */
  public long fileBytes() {
    return header.fileLength();
  }

  /**
   * Heap held by an open store: names, provenance and per-model checksums (the predictions stay in
   * the file; each reading thread adds one block-sized direct buffer, 100 KB at 50,000 images).
   *
   * @return approximate heap bytes
   */
  public long ramBytesUsed() {
    long strings = 0;
    for (int m = 0; m < models.size(); m++) {
      strings += 48L + models.get(m).length() + 48L + provenance.get(m).length();
    }
    return strings + 16L * models.size() + 48L + zooProvenance.length();
  }

  /**
   * @param index an image index
   * @return the fingerprint a store built against it records
   */
  public static long fingerprintOf(ImageIndex index) {
    return StoreFormat.fingerprint(index);
  }
}
