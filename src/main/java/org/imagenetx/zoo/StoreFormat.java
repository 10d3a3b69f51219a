package org.imagenetx.zoo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;
import org.imagenetx.annotations.ImageIndex;

/**
 * Layout of the binary zoo store, version {@value #VERSION}. All integers little-endian.
 *
 * <pre>
 * header (64 bytes)
 *   0  magic "IMXZOO\r\n" + 0x1A (a text-mode transfer or a CSV opened by mistake breaks it)
 *   8  u32 format version
 *  12  u32 flags: 1 = probabilities present, 2 = synthetic predictions
 *  16  u32 numModels            20  u32 numImages
 *  24  u64 fingerprint of the image index ({@link #fingerprint})
 *  32  u64 synthetic seed (0 unless synthetic)
 *  40  u32 directory length     44  u32 CRC32C of the directory
 *  48  u64 file length (a shorter file is truncated)
 *  56  u32 reserved (0)         60  u32 CRC32C of bytes 0..59
 * directory (at 64)
 *   numModels × 16 bytes: u32 CRC32C of the class block, u32 CRC32C of the probability block
 *   (0 without probabilities), u32 images the model did not predict, u32 reserved
 *   then per model: u16 name length, UTF-8 name, u16 provenance length, UTF-8 provenance
 *   then u16 length + UTF-8 provenance of the zoo
 * class blocks (from align64(64 + directory length)), model-major, sorted by model name:
 *   numImages int16 class ids in image-index order, -1 = not predicted; each block 64-byte aligned
 * probability blocks (optional), after the class blocks:
 *   numImages float32 in image-index order, NaN = not predicted; each block 64-byte aligned
 * </pre>
 *
 * <p>The class blocks are contiguous so a whole-zoo pass streams them without touching the
 * probabilities (which only calibration reads); this keeps the resident memory of the tables step
 * at the 16-bit class ids (SPEC section 5).
 */
final class StoreFormat {
  static final byte[] MAGIC = {'I', 'M', 'X', 'Z', 'O', 'O', '\r', '\n'};
  static final int VERSION = 1;
  static final int HEADER_BYTES = 64;
  static final int ENTRY_BYTES = 16;
  static final int ALIGN = 64;
  static final int FLAG_PROBABILITIES = 1;
  static final int FLAG_SYNTHETIC = 2;
  static final int MAX_STRING_BYTES = 0xFFFF;

  private StoreFormat() {}

  /** Fields of the fixed header. */
  record Header(
      int version,
      int flags,
      int numModels,
      int numImages,
      long fingerprint,
      long seed,
      int directoryLength,
      int directoryCrc,
      long fileLength) {

    boolean probabilities() {
      return (flags & FLAG_PROBABILITIES) != 0;
    }

    boolean synthetic() {
      return (flags & FLAG_SYNTHETIC) != 0;
    }

    long classBase() {
      return align(HEADER_BYTES + (long) directoryLength);
    }

    long classStride() {
      return align(2L * numImages);
    }

    long probabilityBase() {
      return classBase() + numModels * classStride();
    }

    long probabilityStride() {
      return align(4L * numImages);
    }

    /**
     * @return the length a complete store with this header has
     */
    long expectedLength() {
      return probabilityBase() + (probabilities() ? numModels * probabilityStride() : 0);
    }

    void writeTo(ByteBuffer b) {
      b.order(ByteOrder.LITTLE_ENDIAN);
      b.put(0, MAGIC);
      b.putInt(8, version);
      b.putInt(12, flags);
      b.putInt(16, numModels);
      b.putInt(20, numImages);
      b.putLong(24, fingerprint);
      b.putLong(32, seed);
      b.putInt(40, directoryLength);
      b.putInt(44, directoryCrc);
      b.putLong(48, fileLength);
      b.putInt(56, 0);
      b.putInt(60, crc(b, 0, 60));
    }

    static Header readFrom(ByteBuffer b) {
      b.order(ByteOrder.LITTLE_ENDIAN);
      return new Header(
          b.getInt(8),
          b.getInt(12),
          b.getInt(16),
          b.getInt(20),
          b.getLong(24),
          b.getLong(32),
          b.getInt(40),
          b.getInt(44),
          b.getLong(48));
    }
  }

  static long align(long offset) {
    return (offset + ALIGN - 1) & -ALIGN;
  }

  static boolean magicMatches(ByteBuffer b) {
    for (int i = 0; i < MAGIC.length; i++) {
      if (b.get(i) != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * @return CRC32C of {@code length} bytes of {@code b} from {@code offset}, position untouched
   */
  static int crc(ByteBuffer b, int offset, int length) {
    CRC32C c = new CRC32C();
    c.update(b.slice(offset, length));
    return (int) c.getValue();
  }

  /**
   * A 64-bit FNV-1a hash of the index: every position's file name (UTF-16 code units) and true
   * class, in index order. Two indexes with the same fingerprint put the same image at the same
   * position, so a store can be read against them; anything else (other annotations, another
   * synthetic seed) is refused. Costs ~1.5 ms for 50,000 images (no allocation).
   *
   * @param index image index
   * @return the fingerprint
   */
  static long fingerprint(ImageIndex index) {
    final long prime = 0x100000001b3L;
    long h = 0xcbf29ce484222325L;
    for (int d = 0; d < index.size(); d++) {
      String name = index.fileName(d);
      for (int i = 0; i < name.length(); i++) {
        char ch = name.charAt(i);
        h = (h ^ (ch & 0xff)) * prime;
        h = (h ^ (ch >>> 8)) * prime;
      }
      int label = index.label(d);
      h = (h ^ '\t') * prime;
      h = (h ^ (label & 0xff)) * prime;
      h = (h ^ (label >>> 8)) * prime;
      h = (h ^ '\n') * prime;
    }
    return h;
  }
}
