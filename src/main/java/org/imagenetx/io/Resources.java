package org.imagenetx.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Sizes a user asks for, checked against the Java heap and the disk before the work starts, so a
 * request that cannot fit is one line naming the size asked for and the room there is, not an
 * {@link OutOfMemoryError} trace minutes later or a full disk part-way. The checks are lower bounds
 * of what the work needs: they refuse what cannot fit, never what might.
 */
public final class Resources {
  /** The environment variable the launcher ({@code bin/imagenetx}) passes JVM options in. */
  public static final String JAVA_OPTS = "IMAGENETX_JAVA_OPTS";

  private Resources() {}

  /**
   * @return bytes the heap can still grow by: its maximum ({@code -Xmx}) minus what is in use
   */
  public static long heapAvailable() {
    Runtime r = Runtime.getRuntime();
    return r.maxMemory() - (r.totalMemory() - r.freeMemory());
  }

  /**
   * Refuses a request whose data cannot fit in the heap.
   *
   * @param option what the user gave, e.g. {@code --models}
   * @param request the request in words, e.g. {@code 100,000,000 models x 50,000 images}
   * @param bytes heap bytes the request needs at least
   * @throws BadInputException when {@code bytes} exceeds {@link #heapAvailable()}
   */
  public static void requireHeap(String option, String request, long bytes) {
    requireHeap(option, request, bytes, heapAvailable());
  }

  /**
   * @param option what the user gave
   * @param request the request in words
   * @param bytes heap bytes the request needs at least
   * @param available heap bytes available
   * @throws BadInputException when {@code bytes} exceeds {@code available}
   */
  static void requireHeap(String option, String request, long bytes, long available) {
    if (bytes > available) {
      throw new BadInputException(
          option,
          0,
          request
              + " need at least "
              + size(bytes)
              + " of memory; the Java heap has "
              + size(available)
              + " available (maximum "
              + size(Runtime.getRuntime().maxMemory())
              + "; raise it with -Xmx, e.g. "
              + JAVA_OPTS
              + "=-Xmx8g, or ask for less)");
    }
  }

  /**
   * Refuses an output that cannot fit on its disk.
   *
   * @param option what the user gave, e.g. {@code --models}
   * @param request the request in words
   * @param bytes bytes the output needs at least
   * @param target the output file or folder (it need not exist; its nearest existing ancestor's
   *     file system is asked)
   * @throws BadInputException when the file system has fewer usable bytes
   */
  public static void requireDisk(String option, String request, long bytes, Path target) {
    Path p = target.toAbsolutePath();
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    if (p == null) {
      return;
    }
    long usable;
    try {
      usable = Files.getFileStore(p).getUsableSpace();
    } catch (IOException | SecurityException e) {
      return; // no answer: the write itself will say what is wrong
    }
    if (bytes > usable) {
      throw new BadInputException(
          option,
          0,
          request
              + " need at least "
              + size(bytes)
              + " on disk; "
              + size(usable)
              + " is free where "
              + target
              + " goes");
    }
  }

  /**
   * The one line of an {@link OutOfMemoryError} that no check foresaw.
   *
   * @return e.g. {@code out of memory: the Java heap's maximum is 16 MB ...}
   */
  public static String outOfMemory() {
    return "out of memory: the Java heap's maximum is "
        + size(Runtime.getRuntime().maxMemory())
        + " and this run needs more (raise it with -Xmx, e.g. "
        + JAVA_OPTS
        + "=-Xmx8g, or give a smaller input)";
  }

  /**
   * @param bytes a size
   * @return it in binary units, e.g. {@code 9.3 GiB}, {@code 512 KiB}
   */
  public static String size(long bytes) {
    String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double v = bytes;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return u == 0
        ? bytes + " bytes"
        : String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
  }

  /**
   * @param a a count
   * @param b a count
   * @return {@code a * b}, or {@link Long#MAX_VALUE} when the product overflows
   */
  public static long times(long a, long b) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }
}
