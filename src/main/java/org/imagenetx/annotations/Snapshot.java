package org.imagenetx.annotations;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;
import org.imagenetx.io.BadInputException;

/**
 * A compact binary form of everything read from one annotation source: the image index of each
 * partition, the factor bitmaps of each selection, prototypes, ReaL sets, class names, annotator
 * texts (and, for the embedded release, the base models' predictions). Parsing the 58 MB of JSON
 * lines takes seconds in a fresh JVM; reading the few hundred KB a command needs from a snapshot
 * takes milliseconds.
 *
 * <h2>Format (version {@value #VERSION}, little-endian)</h2>
 *
 * <pre>
 * magic "IMXSNAP1" | int version | int headerLength | header | int headerCrc32c | sections
 * header:  string description
 *          int n; n x (string name, byte flags [1 present, 2 offered], string shownAs)
 *          int n; n x (string path, long size, long mtimeMillis, int crc32c, int crc32)
 *          int n; n x (byte section, int length, int crc32c)
 * </pre>
 *
 * Sections follow in {@link SnapshotSection} order, each checked against its CRC32C before any
 * value is decoded; a reader streams the file and stops after the last section it needs. The stamps
 * (path, size, modification time, two checksums of every source file) let a cache tell a fresh
 * snapshot from a stale one.
 */
final class Snapshot {
  /** Format version; a snapshot of another version is rebuilt (cache) or refused (embedded). */
  static final int VERSION = 1;

  static final byte[] MAGIC = "IMXSNAP1".getBytes(StandardCharsets.US_ASCII);

  /**
   * One upstream file name as the source offers it.
   *
   * @param present the source holds the file
   * @param offered the source offers it (a single-jsonl source offers only its own selection)
   * @param shownAs how messages name it (a path, or {@code archive!entry})
   */
  record FileEntry(boolean present, boolean offered, String shownAs) {}

  /**
   * A source file as it was when the snapshot was built.
   *
   * @param path absolute path
   * @param size bytes
   * @param mtimeMillis last modification
   * @param crc32c CRC32C of the content
   * @param crc32 CRC32 of the content
   */
  record Stamp(String path, long size, long mtimeMillis, int crc32c, int crc32) {}

  /**
   * A part of the source that could not be read, and when the old loader would have reported it
   * relative to the others (see {@link SnapshotDatasets}).
   *
   * @param error the one-line error
   * @param mapStage true for a row that does not fit the image index (reported after the index and
   *     prototypes); false for a parse error of the file itself
   */
  record Failure(BadInputException error, boolean mapStage) {}

  /** Where a snapshot's bytes come from, re-opened whenever more sections are needed. */
  interface Source {
    /**
     * @return a fresh stream positioned at the magic
     * @throws IOException when it cannot be opened
     */
    InputStream open() throws IOException;

    /**
     * @return how to name it in messages
     */
    String describe();
  }

  private final String description;
  private final Map<String, FileEntry> files;
  private final List<Stamp> stamps;
  private final Map<SnapshotSection, Integer> lengths;
  private final Map<SnapshotSection, Integer> checksums;
  private final Map<SnapshotSection, byte[]> loaded;
  private final Map<SnapshotSection, Failure> failures;
  private final Source source;
  private final java.util.concurrent.ConcurrentHashMap<
          Object, java.util.concurrent.FutureTask<Object>>
      decoded = new java.util.concurrent.ConcurrentHashMap<>();

  private Snapshot(
      String description,
      Map<String, FileEntry> files,
      List<Stamp> stamps,
      Map<SnapshotSection, Integer> lengths,
      Map<SnapshotSection, Integer> checksums,
      Map<SnapshotSection, byte[]> loaded,
      Map<SnapshotSection, Failure> failures,
      Source source) {
    this.description = description;
    this.files = files;
    this.stamps = stamps;
    this.lengths = lengths;
    this.checksums = checksums;
    this.loaded = loaded;
    this.failures = failures;
    this.source = source;
  }

  /**
   * A snapshot held in memory, as a build produced it.
   *
   * @param description the source's description
   * @param files every known upstream name and how the source offers it
   * @param stamps the source files before parsing
   * @param sections encoded sections
   * @param failures parts that could not be read
   * @return the snapshot
   */
  static Snapshot inMemory(
      String description,
      Map<String, FileEntry> files,
      List<Stamp> stamps,
      Map<SnapshotSection, byte[]> sections,
      Map<SnapshotSection, Failure> failures) {
    Map<SnapshotSection, Integer> lengths = new EnumMap<>(SnapshotSection.class);
    Map<SnapshotSection, Integer> checksums = new EnumMap<>(SnapshotSection.class);
    for (Map.Entry<SnapshotSection, byte[]> e : sections.entrySet()) {
      lengths.put(e.getKey(), e.getValue().length);
      checksums.put(e.getKey(), crc32c(e.getValue()));
    }
    return new Snapshot(
        description,
        Collections.unmodifiableMap(new LinkedHashMap<>(files)),
        List.copyOf(stamps),
        lengths,
        checksums,
        Collections.synchronizedMap(new EnumMap<>(sections)),
        Collections.unmodifiableMap(new EnumMap<>(failureMap(failures))),
        null);
  }

  private static Map<SnapshotSection, Failure> failureMap(Map<SnapshotSection, Failure> f) {
    return f.isEmpty() ? new EnumMap<>(SnapshotSection.class) : f;
  }

  /**
   * Reads the header of a stored snapshot; sections are read when first needed.
   *
   * @param source where the bytes are
   * @return the snapshot
   * @throws SnapshotCodec.Corrupt on a wrong magic, version or header checksum
   * @throws IOException when the source cannot be read
   */
  static Snapshot open(Source source) throws IOException {
    try (InputStream raw = source.open()) {
      DataInputStream in = new DataInputStream(raw);
      byte[] magic = new byte[MAGIC.length];
      readFully(in, magic);
      if (!java.util.Arrays.equals(magic, MAGIC)) {
        throw new SnapshotCodec.Corrupt("not an imagenetx annotation snapshot");
      }
      byte[] fixed = new byte[8];
      readFully(in, fixed);
      SnapshotCodec.In f = new SnapshotCodec.In(fixed);
      int version = f.getInt();
      if (version != VERSION) {
        throw new SnapshotCodec.Corrupt(
            "snapshot format version " + version + ", this imagenetx reads version " + VERSION);
      }
      int headerLength = f.getInt();
      if (headerLength < 0 || headerLength > (64 << 20)) {
        throw new SnapshotCodec.Corrupt("bad header length " + headerLength);
      }
      byte[] header = new byte[headerLength + 4];
      readFully(in, header);
      SnapshotCodec.In tail =
          new SnapshotCodec.In(java.nio.ByteBuffer.wrap(header, headerLength, 4));
      if (tail.getInt() != crc32c(header, 0, headerLength)) {
        throw new SnapshotCodec.Corrupt("header checksum mismatch");
      }
      SnapshotCodec.In h = new SnapshotCodec.In(java.nio.ByteBuffer.wrap(header, 0, headerLength));
      String description = h.getString();
      Map<String, FileEntry> files = new LinkedHashMap<>();
      for (int i = 0, n = h.getInt(); i < n; i++) {
        String name = h.getString();
        int flags = h.getByte();
        files.put(name, new FileEntry((flags & 1) != 0, (flags & 2) != 0, h.getString()));
      }
      List<Stamp> stamps = new ArrayList<>();
      for (int i = 0, n = h.getInt(); i < n; i++) {
        stamps.add(new Stamp(h.getString(), h.getLong(), h.getLong(), h.getInt(), h.getInt()));
      }
      Map<SnapshotSection, Integer> lengths = new EnumMap<>(SnapshotSection.class);
      Map<SnapshotSection, Integer> checksums = new EnumMap<>(SnapshotSection.class);
      int previous = -1;
      for (int i = 0, n = h.getInt(); i < n; i++) {
        int ordinal = h.getByte();
        SnapshotSection s = SnapshotSection.of(ordinal);
        int length = h.getInt();
        if (s == null || ordinal <= previous || length < 0) {
          throw new SnapshotCodec.Corrupt("bad section table");
        }
        previous = ordinal;
        lengths.put(s, length);
        checksums.put(s, h.getInt());
      }
      h.end();
      return new Snapshot(
          description,
          Collections.unmodifiableMap(files),
          List.copyOf(stamps),
          lengths,
          checksums,
          Collections.synchronizedMap(new EnumMap<>(SnapshotSection.class)),
          Collections.unmodifiableMap(new EnumMap<>(SnapshotSection.class)),
          source);
    } catch (NullPointerException e) {
      throw new SnapshotCodec.Corrupt("bad header");
    }
  }

  private static void readFully(DataInputStream in, byte[] b) throws IOException {
    try {
      in.readFully(b);
    } catch (EOFException e) {
      throw new SnapshotCodec.Corrupt("truncated snapshot");
    }
  }

  /**
   * @return the description of the source the snapshot was built from
   */
  String description() {
    return description;
  }

  /**
   * @param name an upstream file name
   * @return how the source offered it (absent names: not present, not offered)
   */
  FileEntry file(String name) {
    FileEntry e = files.get(name);
    return e != null ? e : new FileEntry(false, false, name);
  }

  /**
   * A value decoded from this snapshot, computed once: concurrent callers of the same key wait for
   * the first (so a prefetching thread and the command never decode a section twice).
   *
   * @param key what is decoded
   * @param decode computes it
   * @return the value
   */
  @SuppressWarnings("unchecked")
  <T> T decoded(Object key, java.util.function.Function<Snapshot, T> decode) {
    java.util.concurrent.FutureTask<Object> task = decoded.get(key);
    if (task == null) {
      java.util.concurrent.FutureTask<Object> mine =
          new java.util.concurrent.FutureTask<>(new Decode(this, decode));
      task = decoded.putIfAbsent(key, mine);
      if (task == null) {
        task = mine;
        mine.run();
      }
    }
    try {
      return (T) task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while decoding " + key, e);
    } catch (java.util.concurrent.ExecutionException e) {
      decoded.remove(key, task);
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** A decoding step as a callable (a class, not a lambda: it runs on the cold path). */
  private static final class Decode implements java.util.concurrent.Callable<Object> {
    private final Snapshot snapshot;
    private final java.util.function.Function<Snapshot, ?> decode;

    Decode(Snapshot snapshot, java.util.function.Function<Snapshot, ?> decode) {
      this.snapshot = snapshot;
      this.decode = decode;
    }

    @Override
    public Object call() {
      return decode.apply(snapshot);
    }
  }

  /**
   * @return true when the snapshot was read from a file (not built in this process)
   */
  boolean stored() {
    return source != null;
  }

  /**
   * @return the stamps of the source files
   */
  List<Stamp> stamps() {
    return stamps;
  }

  /**
   * @return parts that failed (only for a snapshot built in memory; a stored one has none)
   */
  Map<SnapshotSection, Failure> failures() {
    return failures;
  }

  /**
   * @param s a section
   * @return true when the snapshot has it
   */
  boolean has(SnapshotSection s) {
    return lengths.containsKey(s);
  }

  /**
   * @param s a section
   * @return why it is missing, or null
   */
  Failure failure(SnapshotSection s) {
    return failures.get(s);
  }

  /**
   * Reads the sections not read yet, in one pass over the source.
   *
   * @param wanted sections to have in memory; those the snapshot lacks are ignored
   */
  void prefetch(Set<SnapshotSection> wanted) {
    EnumSet<SnapshotSection> missing = EnumSet.noneOf(SnapshotSection.class);
    for (SnapshotSection s : wanted) {
      if (has(s) && !loaded.containsKey(s)) {
        missing.add(s);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    if (source == null) {
      throw new IllegalStateException("in-memory snapshot lacks loaded sections " + missing);
    }
    SnapshotSection last = null;
    for (SnapshotSection s : missing) {
      last = s;
    }
    try (InputStream raw = source.open()) {
      DataInputStream in = new DataInputStream(raw);
      byte[] fixed = new byte[MAGIC.length + 8];
      readFully(in, fixed);
      int headerLength =
          new SnapshotCodec.In(java.nio.ByteBuffer.wrap(fixed, MAGIC.length + 4, 4)).getInt();
      skipFully(in, headerLength + 4L);
      for (SnapshotSection s : lengths.keySet()) {
        int length = lengths.get(s);
        if (missing.contains(s)) {
          byte[] bytes = new byte[length];
          readFully(in, bytes);
          if (crc32c(bytes) != checksums.get(s)) {
            throw new SnapshotCodec.Corrupt("checksum mismatch in section " + s);
          }
          loaded.put(s, bytes);
        } else {
          skipFully(in, length);
        }
        if (s == last) {
          break;
        }
      }
    } catch (IOException e) {
      throw new BadInputException(source.describe(), 0, "cannot read: " + e.getMessage());
    }
  }

  private static void skipFully(DataInputStream in, long n) throws IOException {
    while (n > 0) {
      long k = in.skip(n);
      if (k <= 0) {
        if (in.read() < 0) {
          throw new SnapshotCodec.Corrupt("truncated snapshot");
        }
        k = 1;
      }
      n -= k;
    }
  }

  /**
   * @param s a section the snapshot has
   * @return a reader over its bytes (read now if not yet)
   */
  SnapshotCodec.In section(SnapshotSection s) {
    byte[] b = loaded.get(s);
    if (b == null) {
      prefetch(EnumSet.of(s));
      b = loaded.get(s);
      if (b == null) {
        throw new IllegalStateException("snapshot has no section " + s);
      }
    }
    return new SnapshotCodec.In(b);
  }

  /**
   * Writes the snapshot; every section must be in memory.
   *
   * @param out destination
   * @throws IOException on a write failure
   */
  void write(OutputStream out) throws IOException {
    if (!failures.isEmpty()) {
      throw new IllegalStateException("a snapshot with failed parts is not stored");
    }
    prefetch(lengths.keySet());
    SnapshotCodec.Out h = new SnapshotCodec.Out();
    h.putString(description);
    h.putInt(files.size());
    for (Map.Entry<String, FileEntry> e : files.entrySet()) {
      h.putString(e.getKey());
      h.putByte((e.getValue().present() ? 1 : 0) | (e.getValue().offered() ? 2 : 0));
      h.putString(e.getValue().shownAs());
    }
    h.putInt(stamps.size());
    for (Stamp s : stamps) {
      h.putString(s.path()).putLong(s.size()).putLong(s.mtimeMillis());
      h.putInt(s.crc32c()).putInt(s.crc32());
    }
    h.putInt(lengths.size());
    for (SnapshotSection s : lengths.keySet()) {
      h.putByte(s.ordinal()).putInt(lengths.get(s)).putInt(checksums.get(s));
    }
    byte[] header = h.toBytes();
    ByteArrayOutputStream fixed = new ByteArrayOutputStream();
    fixed.write(MAGIC);
    fixed.write(new SnapshotCodec.Out().putInt(VERSION).putInt(header.length).toBytes());
    out.write(fixed.toByteArray());
    out.write(header);
    out.write(new SnapshotCodec.Out().putInt(crc32c(header)).toBytes());
    for (SnapshotSection s : lengths.keySet()) {
      out.write(loaded.get(s));
    }
  }

  /**
   * @param stamps new stamps of the same content
   * @return this snapshot with other stamps (all sections read into memory)
   */
  Snapshot withStamps(List<Stamp> stamps) {
    prefetch(lengths.keySet());
    return new Snapshot(
        description, files, List.copyOf(stamps), lengths, checksums, loaded, failures, null);
  }

  /**
   * @param s a section to add or replace
   * @param bytes its content
   * @return an in-memory copy of this snapshot with that section
   */
  Snapshot withSection(SnapshotSection s, byte[] bytes) {
    prefetch(lengths.keySet());
    Map<SnapshotSection, byte[]> sections = new EnumMap<>(loaded);
    sections.put(s, bytes);
    return inMemory(description, files, stamps, sections, failures);
  }

  static int crc32c(byte[] b) {
    return crc32c(b, 0, b.length);
  }

  static int crc32c(byte[] b, int off, int len) {
    CRC32C c = new CRC32C();
    c.update(b, off, len);
    return (int) c.getValue();
  }
}
