package org.imagenetx.annotations;

import it.unimi.dsi.fastutil.ints.IntArrays;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectIntHashMap;

/**
 * The dense image index: every image of a partition gets a position {@code 0..size()-1}, ordered by
 * (metaclass of its true class, true class, file name). Every class and every metaclass is then a
 * contiguous range of positions, so per-class and per-metaclass counts are range popcounts over the
 * same correctness words (SPEC section 5), with no extra pass and no extra bitsets.
 *
 * <p>Validation file names ({@code ILSVRC2012_val_%08d.JPEG}) are resolved straight from their
 * digits through an array; other names go through a hash map.
 */
public final class ImageIndex {
  static final String VAL_PREFIX = "ILSVRC2012_val_";
  static final String VAL_SUFFIX = ".JPEG";
  static final int VAL_NAME_LENGTH = VAL_PREFIX.length() + 8 + VAL_SUFFIX.length();
  private static final byte[] VAL_PREFIX_BYTES = VAL_PREFIX.getBytes(StandardCharsets.US_ASCII);
  private static final byte[] VAL_SUFFIX_BYTES = VAL_SUFFIX.getBytes(StandardCharsets.US_ASCII);

  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * The prefix as two overlapping little-endian words (bytes 0-7 and 7-14), the suffix's ".JPE".
   */
  private static final long VAL_PREFIX_HEAD = (long) LONG_LE.get(VAL_PREFIX_BYTES, 0);

  private static final long VAL_PREFIX_TAIL = (long) LONG_LE.get(VAL_PREFIX_BYTES, 7);
  private static final int VAL_SUFFIX_HEAD = (int) INT_LE.get(VAL_SUFFIX_BYTES, 0);

  /** File names in index order; null when every name is a validation name (see valNumbers). */
  private final String[] fileNames;

  /** Validation image number (1-based) per position when every name is one, else null. */
  private final int[] valNumbers;

  private final short[] labels;
  private final byte[] metaclassOfImage;
  private final int[] classFrom;
  private final int[] classTo;
  private final int[] metaFrom;
  private final int[] metaTo;
  private final int[] denseOfValNumber;
  private final ObjectIntHashMap<String> denseOfName;

  private ImageIndex(
      String[] fileNames, int[] valNumbers, short[] labels, Metaclasses metaclasses) {
    int n = labels.length;
    int numClasses = metaclasses.numClasses();
    this.fileNames = fileNames;
    this.valNumbers = valNumbers;
    this.labels = labels;
    this.metaclassOfImage = new byte[n];
    this.classFrom = new int[numClasses];
    this.classTo = new int[numClasses];
    this.metaFrom = new int[Metaclasses.COUNT];
    this.metaTo = new int[Metaclasses.COUNT];
    Arrays.fill(classFrom, -1);
    Arrays.fill(metaFrom, -1);
    for (int d = 0; d < n; d++) {
      int c = labels[d];
      if (c < 0 || c >= numClasses) {
        throw new IllegalArgumentException("class id out of range at position " + d + ": " + c);
      }
      int m = metaclasses.of(c);
      metaclassOfImage[d] = (byte) m;
      if (d > 0) {
        int pm = metaclassOfImage[d - 1];
        int pc = labels[d - 1];
        int order = pm != m ? Integer.compare(pm, m) : Integer.compare(pc, c);
        if (order == 0) {
          order =
              valNumbers != null
                  ? Integer.compare(valNumbers[d - 1], valNumbers[d])
                  : fileNames[d - 1].compareTo(fileNames[d]);
        }
        if (order >= 0) {
          throw new IllegalArgumentException(
              "positions "
                  + (d - 1)
                  + " and "
                  + d
                  + " are not in (metaclass, class, name) order"
                  + " or repeat an image");
        }
      }
      if (classFrom[c] < 0) {
        classFrom[c] = d;
      }
      classTo[c] = d + 1;
      if (metaFrom[m] < 0) {
        metaFrom[m] = d;
      }
      metaTo[m] = d + 1;
    }
    for (int c = 0; c < numClasses; c++) {
      if (classFrom[c] < 0) {
        classFrom[c] = 0;
        classTo[c] = 0;
      }
    }
    for (int m = 0; m < Metaclasses.COUNT; m++) {
      if (metaFrom[m] < 0) {
        metaFrom[m] = 0;
        metaTo[m] = 0;
      }
    }
    if (valNumbers != null) {
      int max = 0;
      for (int v : valNumbers) {
        if (v <= 0) {
          throw new IllegalArgumentException("validation image number must be positive: " + v);
        }
        max = Math.max(max, v);
      }
      denseOfValNumber = new int[max];
      Arrays.fill(denseOfValNumber, -1);
      for (int d = 0; d < n; d++) {
        denseOfValNumber[valNumbers[d] - 1] = d; // unique: the order check above is strict
      }
      denseOfName = null;
    } else {
      denseOfValNumber = null;
      denseOfName = new ObjectIntHashMap<>(n);
      for (int d = 0; d < n; d++) {
        denseOfName.put(fileNames[d], d);
      }
    }
  }

  /**
   * An index from its arrays as {@link #write} stored them, unchecked: a snapshot section is
   * verified by its checksum and written only by imagenetx, and a 50,000-step checking loop would
   * run interpreted in a cold JVM.
   */
  private ImageIndex(
      String[] fileNames,
      int[] valNumbers,
      short[] labels,
      byte[] metaclassOfImage,
      int[] classFrom,
      int[] classTo,
      int[] metaFrom,
      int[] metaTo,
      int[] denseOfValNumber) {
    this.fileNames = fileNames;
    this.valNumbers = valNumbers;
    this.labels = labels;
    this.metaclassOfImage = metaclassOfImage;
    this.classFrom = classFrom;
    this.classTo = classTo;
    this.metaFrom = metaFrom;
    this.metaTo = metaTo;
    this.denseOfValNumber = denseOfValNumber;
    if (fileNames != null) {
      denseOfName = new ObjectIntHashMap<>(fileNames.length);
      for (int d = 0; d < fileNames.length; d++) {
        denseOfName.put(fileNames[d], d);
      }
    } else {
      denseOfName = null;
    }
  }

  /** The arrays a snapshot stores, in one record. */
  record Stored(
      String[] fileNames,
      int[] valNumbers,
      short[] labels,
      byte[] metaclassOfImage,
      int[] classFrom,
      int[] classTo,
      int[] metaFrom,
      int[] metaTo,
      int[] denseOfValNumber) {}

  /**
   * @return the arrays to store (shared, not copied)
   */
  Stored stored() {
    return new Stored(
        fileNames,
        valNumbers,
        labels,
        metaclassOfImage,
        classFrom,
        classTo,
        metaFrom,
        metaTo,
        denseOfValNumber);
  }

  /**
   * @param s arrays written from {@link #stored()}
   * @return the index over them
   */
  static ImageIndex ofStored(Stored s) {
    return new ImageIndex(
        s.fileNames(),
        s.valNumbers(),
        s.labels(),
        s.metaclassOfImage(),
        s.classFrom(),
        s.classTo(),
        s.metaFrom(),
        s.metaTo(),
        s.denseOfValNumber());
  }

  /**
   * Builds the index; the input order does not matter.
   *
   * @param names file names, unique
   * @param classes true class (0..999) of each name
   * @param metaclasses class→metaclass mapping
   * @return the index
   * @throws IllegalArgumentException on a duplicate name or a class out of range (loaders check
   *     these first, with file and line)
   */
  public static ImageIndex build(String[] names, int[] classes, Metaclasses metaclasses) {
    int n = names.length;
    if (classes.length != n) {
      throw new IllegalArgumentException("names and classes differ in length");
    }
    int[] order = new int[n];
    boolean allVal = n > 0;
    int[] numbers = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
      if (classes[i] < 0 || classes[i] >= metaclasses.numClasses()) {
        throw new IllegalArgumentException(
            "class id out of range for " + names[i] + ": " + classes[i]);
      }
      numbers[i] = valNumber(names[i]);
      allVal &= numbers[i] > 0;
    }
    IntArrays.quickSort(
        order,
        (a, b) -> {
          int c = Integer.compare(metaclasses.of(classes[a]), metaclasses.of(classes[b]));
          if (c != 0) {
            return c;
          }
          c = Integer.compare(classes[a], classes[b]);
          return c != 0 ? c : names[a].compareTo(names[b]);
        });
    short[] labels = new short[n];
    String[] sortedNames = allVal ? null : new String[n];
    int[] sortedNumbers = allVal ? new int[n] : null;
    for (int d = 0; d < n; d++) {
      int i = order[d];
      labels[d] = (short) classes[i];
      if (allVal) {
        sortedNumbers[d] = numbers[i];
      } else {
        sortedNames[d] = names[i];
      }
    }
    try {
      return new ImageIndex(sortedNames, sortedNumbers, labels, metaclasses);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("duplicate image in " + n + " names", e);
    }
  }

  /**
   * @return validation image number per position (shared, not to be modified), or null when the
   *     names are not all validation names
   */
  int[] valNumbers() {
    return valNumbers;
  }

  /**
   * @param name a file name
   * @return its validation image number (1-based), or -1 when not of the form {@code
   *     ILSVRC2012_val_%08d.JPEG}
   */
  public static int valNumber(String name) {
    if (name.length() != VAL_NAME_LENGTH
        || !name.startsWith(VAL_PREFIX)
        || !name.endsWith(VAL_SUFFIX)) {
      return -1;
    }
    int v = 0;
    for (int i = VAL_PREFIX.length(); i < VAL_PREFIX.length() + 8; i++) {
      char ch = name.charAt(i);
      if (ch < '0' || ch > '9') {
        return -1;
      }
      v = v * 10 + (ch - '0');
    }
    return v == 0 ? -1 : v;
  }

  /**
   * @param number validation image number, 1-based
   * @return its file name
   */
  public static String valFileName(int number) {
    if (number <= 0 || number > 99_999_999) {
      throw new IllegalArgumentException("validation image number out of range: " + number);
    }
    byte[] b = new byte[VAL_NAME_LENGTH];
    System.arraycopy(VAL_PREFIX_BYTES, 0, b, 0, VAL_PREFIX_BYTES.length);
    for (int i = VAL_PREFIX_BYTES.length + 7, v = number; i >= VAL_PREFIX_BYTES.length; i--) {
      b[i] = (byte) ('0' + v % 10);
      v /= 10;
    }
    System.arraycopy(VAL_SUFFIX_BYTES, 0, b, VAL_PREFIX_BYTES.length + 8, VAL_SUFFIX_BYTES.length);
    return new String(b, StandardCharsets.ISO_8859_1);
  }

  /**
   * @return number of images
   */
  public int size() {
    return labels.length;
  }

  /**
   * @param dense position
   * @return file name of the image there
   */
  public String fileName(int dense) {
    return fileNames != null ? fileNames[dense] : valFileName(valNumbers[dense]);
  }

  /**
   * @param dense position
   * @return true class of the image there
   */
  public int label(int dense) {
    return labels[dense];
  }

  /**
   * @return true class per position; a shared array, not to be modified (kernels read it)
   */
  public short[] labels() {
    return labels;
  }

  /**
   * @return metaclass of the true class per position; shared, not to be modified
   */
  public byte[] metaclassOfImage() {
    return metaclassOfImage;
  }

  /**
   * @param classId class
   * @return first position of the class (range is empty when the class has no image)
   */
  public int classFrom(int classId) {
    return classFrom[classId];
  }

  /**
   * @param classId class
   * @return one past the last position of the class
   */
  public int classTo(int classId) {
    return classTo[classId];
  }

  /**
   * @param metaclass 0..16
   * @return first position of the metaclass
   */
  public int metaclassFrom(int metaclass) {
    return metaFrom[metaclass];
  }

  /**
   * @param metaclass 0..16
   * @return one past the last position of the metaclass
   */
  public int metaclassTo(int metaclass) {
    return metaTo[metaclass];
  }

  /**
   * @return number of class ids the index knows (1000)
   */
  public int numClasses() {
    return classFrom.length;
  }

  /**
   * @param name file name
   * @return its position, or -1 when the image is not in the index
   */
  public int lookup(String name) {
    if (denseOfValNumber != null) {
      int number = valNumber(name);
      return number > 0 && number <= denseOfValNumber.length ? denseOfValNumber[number - 1] : -1;
    }
    return denseOfName.getIfAbsent(name, -1);
  }

  /**
   * Resolves a file name given as ASCII bytes, without allocating on the validation fast path.
   *
   * @param buf bytes
   * @param off start of the name
   * @param len length of the name
   * @return its position, or -1 when the image is not in the index
   */
  public int lookup(byte[] buf, int off, int len) {
    if (denseOfValNumber != null) {
      // ILSVRC2012_val_ | 8 digits | .JPEG, compared a word at a time (once per row of every CSV)
      if (len != VAL_NAME_LENGTH
          || (long) LONG_LE.get(buf, off) != VAL_PREFIX_HEAD
          || (long) LONG_LE.get(buf, off + 7) != VAL_PREFIX_TAIL) {
        return -1;
      }
      int v = org.imagenetx.bits.Digits.eight(buf, off + 15);
      if (v <= 0
          || (int) INT_LE.get(buf, off + 23) != VAL_SUFFIX_HEAD
          || buf[off + 27] != 'G'
          || v > denseOfValNumber.length) {
        return -1;
      }
      return denseOfValNumber[v - 1];
    }
    return denseOfName.getIfAbsent(new String(buf, off, len, StandardCharsets.ISO_8859_1), -1);
  }

  /**
   * @return the length every file name of this index has when it is resolved from its digits
   *     (validation names, {@code ILSVRC2012_val_%08d.JPEG}: 28), else -1; lets a parser find the
   *     end of the name without scanning for the comma
   */
  public int fixedNameLength() {
    return denseOfValNumber != null ? VAL_NAME_LENGTH : -1;
  }

  /**
   * @return approximate heap bytes held by this index
   */
  public long ramBytesUsed() {
    long names = 4L * size();
    if (fileNames != null) {
      for (String s : fileNames) {
        names += 40 + s.length();
      }
    }
    long lookup = denseOfValNumber != null ? 4L * denseOfValNumber.length : 64L * size();
    return names + 3L * size() + 8L * (classFrom.length + Metaclasses.COUNT) + lookup;
  }
}
