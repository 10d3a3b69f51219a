package org.imagenetx.annotations;

import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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

  private final String[] fileNames;
  private final short[] labels;
  private final byte[] metaclassOfImage;
  private final int[] classFrom;
  private final int[] classTo;
  private final int[] metaFrom;
  private final int[] metaTo;
  private final int[] denseOfValNumber;
  private final Object2IntOpenHashMap<String> denseOfName;

  private ImageIndex(
      String[] fileNames,
      short[] labels,
      byte[] metaclassOfImage,
      int[] classFrom,
      int[] classTo,
      int[] metaFrom,
      int[] metaTo,
      int[] denseOfValNumber,
      Object2IntOpenHashMap<String> denseOfName) {
    this.fileNames = fileNames;
    this.labels = labels;
    this.metaclassOfImage = metaclassOfImage;
    this.classFrom = classFrom;
    this.classTo = classTo;
    this.metaFrom = metaFrom;
    this.metaTo = metaTo;
    this.denseOfValNumber = denseOfValNumber;
    this.denseOfName = denseOfName;
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
    for (int i = 0; i < n; i++) {
      order[i] = i;
      if (classes[i] < 0 || classes[i] >= metaclasses.numClasses()) {
        throw new IllegalArgumentException(
            "class id out of range for " + names[i] + ": " + classes[i]);
      }
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
    String[] sortedNames = new String[n];
    short[] labels = new short[n];
    byte[] meta = new byte[n];
    int numClasses = metaclasses.numClasses();
    int[] classFrom = new int[numClasses];
    int[] classTo = new int[numClasses];
    int[] metaFrom = new int[Metaclasses.COUNT];
    int[] metaTo = new int[Metaclasses.COUNT];
    Arrays.fill(classFrom, -1);
    Arrays.fill(metaFrom, -1);
    boolean allVal = true;
    int maxNumber = 0;
    for (int d = 0; d < n; d++) {
      int i = order[d];
      sortedNames[d] = names[i];
      labels[d] = (short) classes[i];
      meta[d] = (byte) metaclasses.of(classes[i]);
      if (classFrom[classes[i]] < 0) {
        classFrom[classes[i]] = d;
      }
      classTo[classes[i]] = d + 1;
      if (metaFrom[meta[d]] < 0) {
        metaFrom[meta[d]] = d;
      }
      metaTo[meta[d]] = d + 1;
      int number = valNumber(names[i]);
      if (number <= 0) {
        allVal = false;
      } else {
        maxNumber = Math.max(maxNumber, number);
      }
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
    int[] byNumber = null;
    Object2IntOpenHashMap<String> byName = null;
    if (allVal && n > 0) {
      byNumber = new int[maxNumber];
      Arrays.fill(byNumber, -1);
      for (int d = 0; d < n; d++) {
        int number = valNumber(sortedNames[d]);
        if (byNumber[number - 1] >= 0) {
          throw new IllegalArgumentException("duplicate image " + sortedNames[d]);
        }
        byNumber[number - 1] = d;
      }
    } else {
      byName = new Object2IntOpenHashMap<>(n);
      byName.defaultReturnValue(-1);
      for (int d = 0; d < n; d++) {
        if (byName.put(sortedNames[d], d) >= 0) {
          throw new IllegalArgumentException("duplicate image " + sortedNames[d]);
        }
      }
    }
    return new ImageIndex(
        sortedNames, labels, meta, classFrom, classTo, metaFrom, metaTo, byNumber, byName);
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
    return String.format(java.util.Locale.ROOT, "ILSVRC2012_val_%08d.JPEG", number);
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
    return fileNames[dense];
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
    return denseOfName.getInt(name);
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
      if (len != VAL_NAME_LENGTH) {
        return -1;
      }
      if (!Arrays.equals(
          buf, off, off + VAL_PREFIX_BYTES.length, VAL_PREFIX_BYTES, 0, VAL_PREFIX_BYTES.length)) {
        return -1;
      }
      int p = off + VAL_PREFIX_BYTES.length;
      int v = 0;
      for (int i = 0; i < 8; i++) {
        int digit = buf[p + i] - '0';
        if (digit < 0 || digit > 9) {
          return -1;
        }
        v = v * 10 + digit;
      }
      p += 8;
      if (!Arrays.equals(
          buf, p, p + VAL_SUFFIX_BYTES.length, VAL_SUFFIX_BYTES, 0, VAL_SUFFIX_BYTES.length)) {
        return -1;
      }
      return v > 0 && v <= denseOfValNumber.length ? denseOfValNumber[v - 1] : -1;
    }
    return denseOfName.getInt(new String(buf, off, len, StandardCharsets.ISO_8859_1));
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
    long names = 0;
    for (String s : fileNames) {
      names += 40 + s.length();
    }
    long lookup = denseOfValNumber != null ? 4L * denseOfValNumber.length : 64L * size();
    return names + 3L * size() + 8L * (classFrom.length + Metaclasses.COUNT) + lookup;
  }
}
