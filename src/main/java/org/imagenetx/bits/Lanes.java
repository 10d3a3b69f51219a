package org.imagenetx.bits;

/**
 * Class ids packed four to a {@code long}: image {@code i} is the 16-bit lane {@code i & 3} (bits
 * {@code 16·(i & 3)} up) of word {@code i >>> 2}, two's complement, so a missing prediction (-1) is
 * {@code 0xFFFF}. This is the byte layout of a little-endian {@code short[]}, so a store block or a
 * {@code ByteBuffer} of 16-bit ids is already packed, and whole-word SWAR kernels ({@link
 * Correctness#classCorrectPacked}) compare four images per operation.
 *
 * <p>A packed array holds {@link #numLongs} words: sixteen per 64 images, so the kernels have no
 * tail loop; lanes past the logical size hold -1.
 *
 * @internal kernels of the engine; reference implementations live in the tests.
 */
public final class Lanes {
  private Lanes() {}

  /**
   * @param n number of images
   * @return longs of a packed array of {@code n} ids (sixteen per correctness word)
   */
  public static int numLongs(int n) {
    return Words.numWords(n) << 4;
  }

  /**
   * @param packed packed ids
   * @param i image
   * @return the id of image {@code i}, sign-extended (-1 when missing)
   */
  public static short get(long[] packed, int i) {
    // a long shift uses the low 6 bits of its count: i << 4 shifts by 16 · (i & 3)
    return (short) (packed[i >>> 2] >>> (i << 4));
  }

  /**
   * Packs {@code n} ids, padding with -1 up to {@link #numLongs}.
   *
   * @param src ids per image
   * @param n number of images
   * @param dst at least {@link #numLongs}{@code (n)} longs, overwritten
   */
  public static void pack(short[] src, int n, long[] dst) {
    int end = n & ~3;
    // stepping the image index (not the word) lets the JIT drop the bounds checks of src[i + 1..3]
    for (int i = 0; i < end; i += 4) {
      dst[i >>> 2] =
          (src[i] & 0xFFFFL)
              | (src[i + 1] & 0xFFFFL) << 16
              | (src[i + 2] & 0xFFFFL) << 32
              | (long) src[i + 3] << 48;
    }
    padTail(n, dst, end >>> 2);
    for (int i = end; i < n; i++) {
      set(dst, i, src[i]);
    }
  }

  /**
   * @param packed packed ids
   * @param i image
   * @param id its id (-1 when missing)
   */
  public static void set(long[] packed, int i, short id) {
    int shift = i << 4; // a long shift uses the low 6 bits: 16 · (i & 3)
    packed[i >>> 2] = (packed[i >>> 2] & ~(0xFFFFL << shift)) | (id & 0xFFFFL) << shift;
  }

  /**
   * Unpacks {@code n} ids.
   *
   * @param packed packed ids
   * @param n number of images
   * @param dst at least {@code n} entries, overwritten
   */
  public static void unpack(long[] packed, int n, short[] dst) {
    int full = n >>> 2;
    for (int k = 0; k < full; k++) {
      long v = packed[k];
      int i = k << 2;
      dst[i] = (short) v;
      dst[i + 1] = (short) (v >>> 16);
      dst[i + 2] = (short) (v >>> 32);
      dst[i + 3] = (short) (v >>> 48);
    }
    for (int i = full << 2; i < n; i++) {
      dst[i] = get(packed, i);
    }
  }

  /**
   * Fills {@code dst[from ..]} up to {@link #numLongs}{@code (n)} with -1 (every lane missing).
   *
   * @param n number of images
   * @param dst packed array
   * @param from first word to fill
   */
  public static void padTail(int n, long[] dst, int from) {
    for (int k = from, end = numLongs(n); k < end; k++) {
      dst[k] = -1L;
    }
  }

  /**
   * @param packed packed ids
   * @param n number of images
   * @return how many of the first {@code n} ids are below 0
   */
  public static int countMissing(long[] packed, int n) {
    int full = n >>> 2;
    int missing = 0;
    for (int k = 0; k < full; k++) {
      missing += Long.bitCount(packed[k] & SIGN);
    }
    for (int i = full << 2; i < n; i++) {
      missing += get(packed, i) < 0 ? 1 : 0;
    }
    return missing;
  }

  /** The sign bit of every lane. */
  static final long SIGN = 0x8000_8000_8000_8000L;

  /** Every lane's low 15 bits. */
  static final long LOW15 = 0x7FFF_7FFF_7FFF_7FFFL;

  /** Multiplier of {@link #gatherSigns}: lane k of word r (bit 16k + 4r) → bit 45 + 4r + k. */
  private static final long GATHER = 0x0000_2000_4000_8001L;

  /**
   * Gathers the lane sign bits of four consecutive packed words (16 images) into bits 0..15, in
   * image order: lane k of word r → bit 4r + k. The words' sign bits are first shifted to bits 16k
   * + 4r; one multiply by 2^45 + 2^30 + 2^15 + 1 then moves each to 45 + 4r + k, and every other
   * partial product lands on a distinct position outside 45..60, so nothing carries into the
   * result.
   *
   * @param s0 sign bits (15, 31, 47, 63 only) of word 0
   * @param s1 of word 1
   * @param s2 of word 2
   * @param s3 of word 3
   * @return the sixteen bits in bits 0..15
   */
  static long gatherSigns(long s0, long s1, long s2, long s3) {
    long spread = (s0 >>> 15) | (s1 >>> 11) | (s2 >>> 7) | (s3 >>> 3);
    return ((spread * GATHER) >>> 45) & 0xFFFF;
  }

  /**
   * @param x packed lanes
   * @return the sign bit of every lane that is not zero (bits 15, 31, 47, 63)
   */
  static long nonZeroLanes(long x) {
    // a lane's sign bit of ((low 15 bits) + 0x7FFF) | x is set iff the lane is not zero;
    // the sum stays inside its lane (at most 0xFFFE)
    return (((x & LOW15) + LOW15) | x) & SIGN;
  }
}
