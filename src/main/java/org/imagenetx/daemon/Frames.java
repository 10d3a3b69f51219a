package org.imagenetx.daemon;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire format between a client and a resident server, over a Unix-domain socket.
 *
 * <p>The client sends one request: its length (int), then {@link #MAGIC}, the key text, the working
 * directory, whether a terminal is attached (byte), and the arguments (count, then each string); a
 * string is its UTF-8 length (int) and bytes. The server answers with frames: a type byte, a length
 * (int) and that many bytes: {@link #STDOUT} and {@link #STDERR} carry output bytes, {@link #EXIT}
 * ends the answer with the exit code (int), {@link #DECLINED} (empty) means the server is busy or
 * not the client's, so the client runs the command itself.
 */
final class Frames {
  static final int MAGIC = 0x49584431; // "IXD1"
  static final byte STDOUT = 'o';
  static final byte STDERR = 'e';
  static final byte EXIT = 'x';
  static final byte DECLINED = 'd';

  /** Requests are a command line: a bound keeps a stray client from making the server allocate. */
  static final int MAX_REQUEST = 1 << 20;

  /** Bound of one frame a client accepts. */
  static final int MAX_FRAME = 1 << 24;

  private Frames() {}

  /** A decoded request. */
  record Request(String key, String cwd, boolean tty, String[] args) {}

  static ByteBuffer encode(Request r) {
    List<byte[]> strings = new ArrayList<>();
    strings.add(utf8(r.key()));
    strings.add(utf8(r.cwd()));
    for (String a : r.args()) {
      strings.add(utf8(a));
    }
    int size = 4 + 4 + 1 + 4;
    for (byte[] s : strings) {
      size += 4 + s.length;
    }
    ByteBuffer b = ByteBuffer.allocate(size);
    b.putInt(size - 4).putInt(MAGIC);
    put(b, strings.get(0));
    put(b, strings.get(1));
    b.put((byte) (r.tty() ? 1 : 0)).putInt(r.args().length);
    for (int i = 2; i < strings.size(); i++) {
      put(b, strings.get(i));
    }
    return b.flip();
  }

  /**
   * @return the request read from the channel
   * @throws IOException when the channel fails or the bytes are not a request
   */
  static Request readRequest(ReadableByteChannel ch) throws IOException {
    int size = readFully(ch, ByteBuffer.allocate(4)).getInt();
    if (size < 13 || size > MAX_REQUEST) {
      throw new IOException("not a request (" + size + " bytes)");
    }
    ByteBuffer b = readFully(ch, ByteBuffer.allocate(size));
    try {
      if (b.getInt() != MAGIC) {
        throw new IOException("not a request (magic)");
      }
      String key = string(b);
      String cwd = string(b);
      boolean tty = b.get() != 0;
      int n = b.getInt();
      if (n < 0 || n > size / 4) {
        throw new IOException("not a request (" + n + " arguments)");
      }
      String[] args = new String[n];
      for (int i = 0; i < n; i++) {
        args[i] = string(b);
      }
      return new Request(key, cwd, tty, args);
    } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
      throw new IOException("not a request (truncated)", e);
    }
  }

  /** Writes one frame; callers serialize frames of one channel. */
  static void write(GatheringByteChannel ch, byte type, byte[] bytes, int off, int len)
      throws IOException {
    ByteBuffer header = ByteBuffer.allocate(5).put(type).putInt(len).flip();
    ByteBuffer body = ByteBuffer.wrap(bytes, off, len);
    while (header.hasRemaining() || body.hasRemaining()) {
      ch.write(new ByteBuffer[] {header, body});
    }
  }

  static void exit(GatheringByteChannel ch, int code) throws IOException {
    write(ch, EXIT, ByteBuffer.allocate(4).putInt(code).array(), 0, 4);
  }

  static ByteBuffer readFully(ReadableByteChannel ch, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      if (ch.read(b) < 0) {
        throw new EOFException();
      }
    }
    return b.flip();
  }

  /** Frames written to a channel as one stream (standard output or error) of a served command. */
  static final class Stream extends OutputStream {
    private final GatheringByteChannel ch;
    private final byte type;
    private final Object lock;

    Stream(GatheringByteChannel ch, byte type, Object lock) {
      this.ch = ch;
      this.type = type;
      this.lock = lock;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len > 0) {
        synchronized (lock) {
          Frames.write(ch, type, b, off, len);
        }
      }
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void put(ByteBuffer b, byte[] s) {
    b.putInt(s.length).put(s);
  }

  private static String string(ByteBuffer b) {
    int len = b.getInt();
    if (len < 0 || len > b.remaining()) {
      throw new IllegalArgumentException("string of " + len + " bytes");
    }
    String s = new String(b.array(), b.position(), len, StandardCharsets.UTF_8);
    b.position(b.position() + len);
    return s;
  }
}
