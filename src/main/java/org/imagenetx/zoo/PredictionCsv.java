package org.imagenetx.zoo;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.imagenetx.annotations.ImageIndex;
import org.imagenetx.io.BadInputException;

/**
 * Byte-level parser of the upstream prediction CSV ({@code file_name,predicted_class,
 * predicted_probability}). The image position comes straight from the digits of the file name
 * ({@link ImageIndex#lookup(byte[], int, int)}), so a row costs a few dozen byte comparisons and no
 * allocation. Every problem is a {@link BadInputException} with file and line.
 */
public final class PredictionCsv {
  /** The upstream header. */
  public static final String HEADER = "file_name,predicted_class,predicted_probability";

  /** Header of files without probabilities. */
  public static final String HEADER_NO_PROBABILITY = "file_name,predicted_class";

  private static final double[] POW10 = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  private PredictionCsv() {}

  /** What one file held. */
  public record Result(int numRows, int numMissing, boolean hasProbabilities) {}

  /**
   * Parses one model file.
   *
   * @param file the CSV
   * @param index image index the rows are resolved against
   * @param classes output, {@code index.size()} entries; -1 where the file has no row
   * @param probabilities output or null; NaN where missing
   * @return rows read and positions left missing
   */
  public static Result read(Path file, ImageIndex index, short[] classes, float[] probabilities) {
    byte[] buf = BUFFER.get();
    int length = 0;
    try (FileChannel ch = FileChannel.open(file)) {
      long size = ch.size();
      if (size > Integer.MAX_VALUE - 16) {
        throw new BadInputException(
            file.toString(), 0, "file too large for a prediction CSV (" + size + " bytes)");
      }
      if (buf.length < size + SWAR_WINDOW) {
        // the slack lets every row of the file take the word-at-a-time path
        buf = new byte[(int) Math.max(size + SWAR_WINDOW, 2L * buf.length)];
        BUFFER.set(buf);
      }
      ByteBuffer bb = ByteBuffer.wrap(buf);
      // read to the end even if the file grew since size(): parse sees exactly what was read
      while (ch.read(bb) >= 0) {
        if (!bb.hasRemaining()) {
          byte[] bigger = Arrays.copyOf(buf, buf.length * 2);
          bb = ByteBuffer.wrap(bigger).position(buf.length);
          buf = bigger;
          BUFFER.set(buf);
        }
      }
      length = bb.position();
    } catch (IOException e) {
      throw new BadInputException(file.toString(), 0, "cannot read: " + e.getMessage());
    }
    return parse(buf, length, file.toString(), index, classes, probabilities);
  }

  /**
   * Per-thread read buffer, reused across files: a 2,200-model ingest would otherwise allocate and
   * zero 4.6 GB of short-lived arrays (one per 2 MB file).
   */
  private static final ThreadLocal<byte[]> BUFFER =
      ThreadLocal.withInitial(() -> new byte[1 << 16]);

  /**
   * Parses CSV bytes.
   *
   * @param buf bytes
   * @param length number of valid bytes
   * @param fileName for messages
   * @param index image index
   * @param classes output, -1 where missing
   * @param probabilities output or null
   * @return rows read and positions left missing
   */
  public static Result parse(
      byte[] buf,
      int length,
      String fileName,
      ImageIndex index,
      short[] classes,
      float[] probabilities) {
    Arrays.fill(classes, 0, index.size(), (short) -1);
    if (probabilities != null) {
      Arrays.fill(probabilities, 0, index.size(), Float.NaN);
    }
    int pos = 0;
    if (length >= 3
        && (buf[0] & 0xff) == 0xEF
        && (buf[1] & 0xff) == 0xBB
        && (buf[2] & 0xff) == 0xBF) {
      pos = 3;
    }
    int eol = lineEnd(buf, pos, length);
    String header = new String(buf, pos, trimCr(buf, pos, eol) - pos, StandardCharsets.UTF_8);
    boolean withProbability;
    if (header.equals(HEADER)) {
      withProbability = true;
    } else if (header.equals(HEADER_NO_PROBABILITY)) {
      withProbability = false;
    } else if (length == 0) {
      throw new BadInputException(fileName, 0, "empty file (expected header " + HEADER + ")");
    } else {
      throw new BadInputException(
          fileName, 1, "expected header " + HEADER + ", got '" + abbreviate(header) + "'");
    }
    pos = eol + 1;
    long line = 1;
    int rows = 0;
    int nameLength = index.fixedNameLength();
    boolean words = nameLength > 0 && probabilities == null;
    while (pos < length) {
      line++;
      int next =
          words && pos + SWAR_WINDOW <= buf.length
              ? wordRow(buf, pos, length, nameLength, withProbability, index, classes)
              : -1;
      if (next < 0) {
        next =
            wellFormedRow(
                buf, pos, length, nameLength, withProbability, index, classes, probabilities);
      }
      if (next >= 0) {
        rows++;
        pos = next;
        continue;
      }
      eol = lineEnd(buf, pos, length);
      int end = trimCr(buf, pos, eol);
      if (end == pos) {
        pos = eol + 1;
        continue;
      }
      int c1 = indexOf(buf, pos, end, (byte) ',');
      if (c1 < 0) {
        throw malformed(fileName, line, buf, pos, end, withProbability);
      }
      int dense = index.lookup(buf, pos, c1 - pos);
      if (dense < 0) {
        throw new BadInputException(
            fileName,
            line,
            "unknown file name '"
                + abbreviate(new String(buf, pos, c1 - pos, StandardCharsets.UTF_8))
                + "' (not an image of the annotation index)");
      }
      int c2 = withProbability ? indexOf(buf, c1 + 1, end, (byte) ',') : end;
      if (c2 < 0
          || (withProbability && indexOf(buf, c2 + 1, end, (byte) ',') >= 0)
          || (!withProbability && indexOf(buf, c1 + 1, end, (byte) ',') >= 0)) {
        throw malformed(fileName, line, buf, pos, end, withProbability);
      }
      int cls = parseClass(buf, c1 + 1, c2);
      if (cls == Integer.MIN_VALUE) {
        throw new BadInputException(
            fileName, line, "predicted_class is not an integer: '" + text(buf, c1 + 1, c2) + "'");
      }
      if (cls < 0 || cls >= index.numClasses()) {
        throw new BadInputException(
            fileName, line, "class id " + cls + " outside 0.." + (index.numClasses() - 1));
      }
      if (classes[dense] >= 0) {
        throw new BadInputException(fileName, line, "duplicate image " + index.fileName(dense));
      }
      classes[dense] = (short) cls;
      if (withProbability) {
        double p = parseDouble(buf, c2 + 1, end);
        if (Double.isNaN(p)) {
          throw new BadInputException(
              fileName,
              line,
              "predicted_probability is not a number: '" + text(buf, c2 + 1, end) + "'");
        }
        if (p < 0 || p > 1) {
          throw new BadInputException(
              fileName, line, "probability " + text(buf, c2 + 1, end) + " outside [0,1]");
        }
        if (probabilities != null) {
          probabilities[dense] = (float) p;
        }
      }
      rows++;
      pos = eol + 1;
    }
    if (rows == 0) {
      throw new BadInputException(fileName, 0, "no prediction rows");
    }
    return new Result(rows, index.size() - rows, withProbability);
  }

  /**
   * One pass over a row of the common shape — a validation file name, a class id of 1–4 digits, a
   * probability written {@code 0}, {@code 1}, {@code 0.ddd} or {@code 1.000} — parsing as it scans:
   * no separate search for the line end and the commas, and no number conversion of a probability
   * nobody asked for (its range is plain from its digits). Anything else (another name, a sign, an
   * exponent, an out-of-range or repeated value, an empty line) returns -1 with nothing written,
   * and the general path parses the row and reports its error. A 2.2 MB file: 4.3–4.8 ms instead of
   * 5.6–6.0 ms (JMH, A/B back to back); 200 models CSV → table: ~450 instead of ~700 ms.
   *
   * @return the position after the row's line end, or -1 to let the general path take the row
   */
  private static int wellFormedRow(
      byte[] buf,
      int pos,
      int length,
      int nameLength,
      boolean withProbability,
      ImageIndex index,
      short[] classes,
      float[] probabilities) {
    int i = pos + nameLength;
    if (nameLength <= 0 || i >= length || buf[i] != ',') {
      return -1;
    }
    int dense = index.lookup(buf, pos, nameLength);
    if (dense < 0 || classes[dense] >= 0) {
      return -1;
    }
    int cls = 0;
    int digits = 0;
    for (i++; i < length; i++) {
      int d = buf[i] - '0';
      if (d < 0 || d > 9) {
        break;
      }
      cls = cls * 10 + d;
      if (++digits > 4) {
        return -1;
      }
    }
    if (digits == 0 || cls >= index.numClasses()) {
      return -1;
    }
    int from = 0;
    int to = 0;
    double probability = Double.NaN;
    if (withProbability) {
      if (i + 1 >= length || buf[i] != ',') {
        return -1;
      }
      from = ++i;
      byte lead = buf[i++];
      if (lead != '0' && lead != '1') {
        return -1;
      }
      long fraction = 0;
      int fractionDigits = 0;
      if (i < length && buf[i] == '.') {
        int first = ++i;
        if (probabilities == null) {
          // nobody asks for the value (a class table): check the digits, note a nonzero one
          int nonzero = 0;
          for (; i < length; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
              break;
            }
            nonzero |= d;
          }
          fraction = nonzero;
          fractionDigits = i - first;
        } else {
          for (; i < length; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
              break;
            }
            if (fractionDigits < 18) {
              fraction = fraction * 10 + d;
            }
            fractionDigits++;
          }
        }
        if (i == first) {
          return -1;
        }
      }
      if (lead == '1' && fraction != 0) {
        return -1;
      }
      to = i;
      // without probabilities, checked but not converted (`fraction` then only says whether a
      // digit was nonzero)
      if (probabilities != null) {
        if (lead == '1') {
          probability = 1.0;
        } else if (fractionDigits <= 15) {
          // what parseDouble computes for these digits, bit for bit: a mantissa below 2^53 and a
          // power of ten that is an exact double, one correctly rounded division
          probability = fraction / POW10[fractionDigits];
        }
      }
    }
    if (i < length && buf[i] == '\r') {
      i++;
    }
    if (i < length) {
      if (buf[i] != '\n') {
        return -1;
      }
      i++;
    }
    classes[dense] = (short) cls;
    if (probabilities != null && withProbability) {
      probabilities[dense] =
          (float) (Double.isNaN(probability) ? parseDouble(buf, from, to) : probability);
    }
    return i;
  }

  /** Bytes {@link #wordRow} may read from a row's start: longer rows take the byte path. */
  static final int SWAR_WINDOW = 64;

  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long ZEROS = 0x3030303030303030L;
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
  private static final long HIGH = 0x8080808080808080L;
  private static final long ABOVE_NINE = 0x7676767676767676L;

  /**
   * The high bit of every byte of {@code u} ({@code word ^ '0'} in each byte) that is not a digit:
   * 0..9 stay below 0x80 once 0x76 is added; the high bits are masked before the add so that no
   * byte carries into its neighbour.
   */
  private static long nonDigits(long u) {
    return (((u & LOW7) + ABOVE_NINE) | u) & HIGH;
  }

  /**
   * {@link #wellFormedRow} of a class table (no probability converted), a word at a time: the class
   * id's digits are found and valued in one load, the probability's digits are checked eight per
   * load and only their end and whether one is nonzero are kept. Takes only rows whose line end
   * lies in the file within {@value #SWAR_WINDOW} bytes, and reads at most that far ({@code pos +
   * SWAR_WINDOW <= buf.length}): bytes past {@code length} are never taken for the row's. Anything
   * else returns -1 with nothing written, and the byte path takes the row. {@link #wellFormedRow}
   * is its reference twin (the fuzz target parses every input both ways).
   *
   * @return the position after the row's line end, or -1
   */
  private static int wordRow(
      byte[] buf,
      int pos,
      int length,
      int nameLength,
      boolean withProbability,
      ImageIndex index,
      short[] classes) {
    int comma = pos + nameLength;
    if (comma >= length || buf[comma] != ',') {
      return -1;
    }
    int dense = index.lookup(buf, pos, nameLength);
    if (dense < 0 || classes[dense] >= 0) {
      return -1;
    }
    long u = (long) LONG_LE.get(buf, comma + 1) ^ ZEROS;
    int digits = Long.numberOfTrailingZeros(nonDigits(u)) >>> 3;
    int end = comma + 1 + digits;
    if (digits == 0 || digits > 4 || end >= length) {
      return -1;
    }
    // the digits, first the most significant, moved to the top of an int: pairs, then the value
    int x = (int) u << (8 * (4 - digits));
    int pairs = (x * 10 + (x >>> 8)) & 0x00FF00FF;
    int cls = (pairs & 0xFF) * 100 + (pairs >>> 16);
    if (cls >= index.numClasses()) {
      return -1;
    }
    if (withProbability) {
      if (buf[end] != ',' || end + 1 >= length) {
        return -1;
      }
      int lead = buf[end + 1];
      end += 2;
      if (lead != '0' && lead != '1') {
        return -1;
      }
      if (end < length && buf[end] == '.') {
        int first = ++end;
        long any = 0;
        // at most three words: the row then stays within the window
        for (int w = 0; ; w++) {
          long v = (long) LONG_LE.get(buf, end) ^ ZEROS;
          long stop = nonDigits(v);
          if (stop != 0) {
            int n = Long.numberOfTrailingZeros(stop) >>> 3;
            any |= n == 0 ? 0 : v & (-1L >>> (64 - 8 * n));
            end += n;
            break;
          }
          any |= v;
          end += 8;
          if (w == 2) {
            return -1;
          }
        }
        if (end == first || end >= length || (lead == '1' && any != 0)) {
          return -1;
        }
      } else if (end >= length) {
        return -1;
      }
    }
    byte b = buf[end];
    if (b == '\n') {
      classes[dense] = (short) cls;
      return end + 1;
    }
    if (b == '\r' && end + 1 < length && buf[end + 1] == '\n') {
      classes[dense] = (short) cls;
      return end + 2;
    }
    return -1;
  }

  private static BadInputException malformed(
      String fileName, long line, byte[] buf, int from, int to, boolean withProbability) {
    return new BadInputException(
        fileName,
        line,
        "malformed row '"
            + abbreviate(text(buf, from, to))
            + "' (expected "
            + (withProbability
                ? "file_name,predicted_class,predicted_probability"
                : "file_name,predicted_class")
            + ")");
  }

  private static String text(byte[] buf, int from, int to) {
    return new String(buf, from, to - from, StandardCharsets.UTF_8);
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }

  private static int lineEnd(byte[] buf, int from, int length) {
    for (int i = from; i < length; i++) {
      if (buf[i] == '\n') {
        return i;
      }
    }
    return length;
  }

  private static int trimCr(byte[] buf, int from, int eol) {
    return eol > from && buf[eol - 1] == '\r' ? eol - 1 : eol;
  }

  private static int indexOf(byte[] buf, int from, int to, byte b) {
    for (int i = from; i < to; i++) {
      if (buf[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /**
   * @return the integer, or {@link Integer#MIN_VALUE} when not a plain (optionally signed) integer
   */
  private static int parseClass(byte[] buf, int from, int to) {
    if (from >= to || to - from > 9) {
      return Integer.MIN_VALUE;
    }
    boolean negative = buf[from] == '-';
    int i = negative ? from + 1 : from;
    if (i >= to) {
      return Integer.MIN_VALUE;
    }
    int v = 0;
    for (; i < to; i++) {
      int d = buf[i] - '0';
      if (d < 0 || d > 9) {
        return Integer.MIN_VALUE;
      }
      v = v * 10 + d;
    }
    return negative ? -v : v;
  }

  /**
   * Parses a decimal number exactly: digits and a power of ten both small enough to be exact
   * doubles take the fast path (one correctly rounded multiply or divide, Clinger 1990); anything
   * else falls back to {@link Double#parseDouble}.
   *
   * @return the value, NaN when not a number
   */
  static double parseDouble(byte[] buf, int from, int to) {
    int i = from;
    boolean negative = false;
    if (i < to && (buf[i] == '-' || buf[i] == '+')) {
      negative = buf[i] == '-';
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int exp10 = 0;
    boolean any = false;
    for (; i < to; i++) {
      int d = buf[i] - '0';
      if (d < 0 || d > 9) {
        break;
      }
      any = true;
      if (digits < 18) {
        if (mantissa != 0 || d != 0) {
          digits++;
        }
        mantissa = mantissa * 10 + d;
      } else {
        return slow(buf, from, to);
      }
    }
    if (i < to && buf[i] == '.') {
      i++;
      for (; i < to; i++) {
        int d = buf[i] - '0';
        if (d < 0 || d > 9) {
          break;
        }
        any = true;
        if (digits < 18) {
          if (mantissa != 0 || d != 0) {
            digits++;
          }
          mantissa = mantissa * 10 + d;
          exp10--;
        } else {
          return slow(buf, from, to);
        }
      }
    }
    if (!any) {
      return Double.NaN;
    }
    if (i < to && (buf[i] == 'e' || buf[i] == 'E')) {
      i++;
      boolean expNegative = false;
      if (i < to && (buf[i] == '-' || buf[i] == '+')) {
        expNegative = buf[i] == '-';
        i++;
      }
      int e = 0;
      boolean expDigits = false;
      for (; i < to; i++) {
        int d = buf[i] - '0';
        if (d < 0 || d > 9) {
          return Double.NaN;
        }
        expDigits = true;
        e = Math.min(e * 10 + d, 10_000);
      }
      if (!expDigits) {
        return Double.NaN;
      }
      exp10 += expNegative ? -e : e;
    }
    if (i != to) {
      return Double.NaN;
    }
    if (mantissa > (1L << 53) || exp10 < -22 || exp10 > 22) {
      return slow(buf, from, to);
    }
    double v = exp10 < 0 ? mantissa / POW10[-exp10] : mantissa * POW10[exp10];
    return negative ? -v : v;
  }

  private static double slow(byte[] buf, int from, int to) {
    try {
      return Double.parseDouble(text(buf, from, to));
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /**
   * @param index image index
   * @return image positions sorted by file name: the row order of the CSVs this class writes
   */
  public static int[] fileNameOrder(ImageIndex index) {
    Integer[] order = new Integer[index.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> index.fileName(a).compareTo(index.fileName(b)));
    int[] out = new int[order.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = order[i];
    }
    return out;
  }

  /**
   * Formats one model as an upstream prediction CSV; positions with a class below 0 get no row.
   * {@link #parse} reads it back to the same values ({@link Float#toString} is the shortest decimal
   * that round-trips).
   *
   * @param index image index
   * @param rowOrder positions in row order ({@link #fileNameOrder})
   * @param classes predicted class per position, -1 where not predicted
   * @param probabilities per position, or null to write the two-column format
   * @return the file's bytes (ASCII)
   */
  public static byte[] format(
      ImageIndex index, int[] rowOrder, short[] classes, float[] probabilities) {
    StringBuilder sb = new StringBuilder(rowOrder.length * 48);
    sb.append(probabilities != null ? HEADER : HEADER_NO_PROBABILITY).append('\n');
    for (int d : rowOrder) {
      if (classes[d] < 0) {
        continue;
      }
      sb.append(index.fileName(d)).append(',').append(classes[d]);
      if (probabilities != null) {
        sb.append(',').append(probabilities[d]);
      }
      sb.append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * @param file a prediction CSV
   * @return true when its header has the {@code predicted_probability} column
   */
  public static boolean hasProbabilityColumn(Path file) {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String h = r.readLine();
      return h != null && h.strip().replace("\uFEFF", "").equals(HEADER);
    } catch (IOException e) {
      throw new BadInputException(file.toString(), 0, "cannot read: " + e.getMessage());
    }
  }
}
