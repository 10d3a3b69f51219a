package org.imagenetx.bits;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight ASCII decimal digits read as one {@code long} (SWAR): the image number of a validation file
 * name ({@code ILSVRC2012_val_00012345.JPEG}), once per row of every prediction CSV. One load, one
 * check of the eight bytes and three multiplies, where a loop has eight dependent multiply-adds and
 * sixteen compares. {@link #eightPlain} is the reference twin.
 */
public final class Digits {
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private Digits() {}

  /**
   * @param buf bytes
   * @param off where the eight digits start ({@code off + 8 <= buf.length})
   * @return their value, or -1 when one of the eight bytes is not a digit
   */
  public static int eight(byte[] buf, int off) {
    long v = (long) LONG_LE.get(buf, off);
    // a digit is 0x30..0x39: its high nibble is 3, and still 3 once 6 is added (a byte that
    // overflows into its neighbour has already failed the first test)
    if (((v & 0xF0F0F0F0F0F0F0F0L) | (((v + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) >>> 4))
        != 0x3333333333333333L) {
      return -1;
    }
    // the first byte is the most significant digit: pairs, then quads, then all eight
    v = ((v & 0x0F0F0F0F0F0F0F0FL) * 2561) >>> 8;
    v = ((v & 0x00FF00FF00FF00FFL) * 6553601) >>> 16;
    return (int) (((v & 0x0000FFFF0000FFFFL) * 42949672960001L) >>> 32);
  }

  /**
   * The reference twin of {@link #eight}: a plain loop.
   *
   * @param buf bytes
   * @param off where the eight digits start
   * @return their value, or -1 when one of the eight bytes is not a digit
   */
  public static int eightPlain(byte[] buf, int off) {
    int v = 0;
    for (int i = 0; i < 8; i++) {
      int d = buf[off + i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }
}
