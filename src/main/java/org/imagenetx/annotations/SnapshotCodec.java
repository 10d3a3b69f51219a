package org.imagenetx.annotations;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.roaringbitmap.RoaringBitmap;

/**
 * Little-endian encoding of snapshot sections: a growable writer and a bounds-checked reader. A
 * reader that runs past its section, meets a negative length or a bitmap it cannot decode throws
 * {@link Corrupt}, which the snapshot turns into "rebuild" (a cached snapshot) or a one-line
 * refusal (the embedded one).
 */
final class SnapshotCodec {
  private SnapshotCodec() {}

  /** A section's bytes do not decode. */
  static final class Corrupt extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Corrupt(String message) {
      super(message);
    }
  }

  /** Appends values to a growing little-endian buffer. */
  static final class Out {
    private ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

    private void room(int bytes) {
      if (buf.remaining() < bytes) {
        int need = buf.position() + bytes;
        ByteBuffer bigger =
            ByteBuffer.allocate(Math.max(need, 2 * buf.capacity())).order(ByteOrder.LITTLE_ENDIAN);
        buf.flip();
        bigger.put(buf);
        buf = bigger;
      }
    }

    Out putByte(int v) {
      room(1);
      buf.put((byte) v);
      return this;
    }

    Out putInt(int v) {
      room(4);
      buf.putInt(v);
      return this;
    }

    Out putLong(long v) {
      room(8);
      buf.putLong(v);
      return this;
    }

    Out putInts(int[] v) {
      putInt(v.length);
      room(4 * v.length);
      buf.asIntBuffer().put(v);
      buf.position(buf.position() + 4 * v.length);
      return this;
    }

    Out putShorts(short[] v) {
      putInt(v.length);
      room(2 * v.length);
      buf.asShortBuffer().put(v);
      buf.position(buf.position() + 2 * v.length);
      return this;
    }

    Out putLongs(long[] v) {
      putInt(v.length);
      room(8 * v.length);
      buf.asLongBuffer().put(v);
      buf.position(buf.position() + 8 * v.length);
      return this;
    }

    Out putFloats(float[] v) {
      putInt(v.length);
      room(4 * v.length);
      buf.asFloatBuffer().put(v);
      buf.position(buf.position() + 4 * v.length);
      return this;
    }

    Out putBytes(byte[] v) {
      putInt(v.length);
      room(v.length);
      buf.put(v);
      return this;
    }

    /** A string, or null (length -1). */
    Out putString(String s) {
      if (s == null) {
        return putInt(-1);
      }
      return putBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    Out putBitmap(RoaringBitmap b) {
      int size = b.serializedSizeInBytes();
      putInt(size);
      room(size);
      ByteBuffer slice = buf.slice().order(ByteOrder.LITTLE_ENDIAN);
      b.serialize(slice);
      buf.position(buf.position() + size);
      return this;
    }

    byte[] toBytes() {
      return Arrays.copyOf(buf.array(), buf.position());
    }
  }

  /** Reads values back; every read is bounds-checked. */
  static final class In {
    private final ByteBuffer buf;

    In(ByteBuffer buf) {
      this.buf = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    In(byte[] bytes) {
      this(ByteBuffer.wrap(bytes));
    }

    int remaining() {
      return buf.remaining();
    }

    int getByte() {
      try {
        return buf.get();
      } catch (BufferUnderflowException e) {
        throw new Corrupt("truncated section");
      }
    }

    int getInt() {
      try {
        return buf.getInt();
      } catch (BufferUnderflowException e) {
        throw new Corrupt("truncated section");
      }
    }

    long getLong() {
      try {
        return buf.getLong();
      } catch (BufferUnderflowException e) {
        throw new Corrupt("truncated section");
      }
    }

    private int length(int elementBytes) {
      int n = getInt();
      if (n < 0 || (long) n * elementBytes > buf.remaining()) {
        throw new Corrupt("bad length " + n);
      }
      return n;
    }

    int[] getInts() {
      int[] v = new int[length(4)];
      buf.asIntBuffer().get(v);
      buf.position(buf.position() + 4 * v.length);
      return v;
    }

    short[] getShorts() {
      short[] v = new short[length(2)];
      buf.asShortBuffer().get(v);
      buf.position(buf.position() + 2 * v.length);
      return v;
    }

    long[] getLongs() {
      long[] v = new long[length(8)];
      buf.asLongBuffer().get(v);
      buf.position(buf.position() + 8 * v.length);
      return v;
    }

    float[] getFloats() {
      float[] v = new float[length(4)];
      buf.asFloatBuffer().get(v);
      buf.position(buf.position() + 4 * v.length);
      return v;
    }

    byte[] getBytes() {
      byte[] v = new byte[length(1)];
      buf.get(v);
      return v;
    }

    String getString() {
      int n = getInt();
      if (n == -1) {
        return null;
      }
      if (n < 0 || n > buf.remaining()) {
        throw new Corrupt("bad string length " + n);
      }
      String s =
          new String(buf.array(), buf.arrayOffset() + buf.position(), n, StandardCharsets.UTF_8);
      buf.position(buf.position() + n);
      return s;
    }

    /**
     * @param universe every value must be below this
     */
    RoaringBitmap getBitmap(int universe) {
      int n = length(1);
      ByteBuffer slice = buf.slice().limit(n).order(ByteOrder.LITTLE_ENDIAN);
      RoaringBitmap b = new RoaringBitmap();
      try {
        b.deserialize(slice);
      } catch (java.io.IOException | RuntimeException e) {
        throw new Corrupt("bad bitmap: " + e.getMessage());
      }
      buf.position(buf.position() + n);
      if (!b.isEmpty() && (b.first() < 0 || b.last() >= universe)) {
        throw new Corrupt("bitmap value outside 0.." + (universe - 1));
      }
      return b;
    }

    void end() {
      if (buf.hasRemaining()) {
        throw new Corrupt(buf.remaining() + " unread bytes at the end of a section");
      }
    }
  }
}
