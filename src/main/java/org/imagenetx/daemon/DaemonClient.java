package org.imagenetx.daemon;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The client side: hands a command to the resident server of its key, or says why it cannot, so
 * that the caller runs the command itself. It loads only what a socket needs: its whole cost is the
 * JVM's start plus a few milliseconds.
 */
public final class DaemonClient {
  /** No server listens for this key: run the command here, then {@link #spawn} one. */
  public static final int ABSENT = -1;

  /** A server listens but does not take this command (busy, or not this key's): run it here. */
  public static final int DECLINED = -2;

  private DaemonClient() {}

  /**
   * Commands a resident server runs: all but the interactive shell, the explorer's server (both
   * long-lived and attached to their terminal or port) and help (answered from text rendered at
   * build time).
   */
  private static final java.util.Set<String> SERVED =
      java.util.Set.of(
          "ratios",
          "aggregate",
          "compare",
          "study",
          "images",
          "query",
          "zoo",
          "synth",
          "figures",
          "reproduce");

  private static final java.util.concurrent.atomic.AtomicBoolean PRELOADED =
      new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * @param args the command's arguments
   * @return whether a resident server may run this command: {@value DaemonKey#SWITCH} not {@code
   *     off}, a served command, and no argument naming a device or a process file ({@code
   *     /dev/stdin}, {@code /dev/fd/63} of a {@code <(...)}, {@code --out /dev/stdout}, {@code
   *     /proc/self/...}): those are the client's own
   */
  public static boolean serves(String[] args) {
    if ("off".equalsIgnoreCase(System.getenv(DaemonKey.SWITCH))) {
      return false;
    }
    for (String a : args) {
      if (a.contains("/dev/") || a.contains("/proc/")) {
        return false;
      }
    }
    for (String a : args) {
      if (!a.startsWith("-")) {
        return SERVED.contains(a);
      }
    }
    return false;
  }

  /**
   * The client alone, for a launcher that has not loaded the tool: hands a served command to the
   * server of this JVM's key.
   *
   * @param args the command's arguments
   * @return the command's exit code, or a negative value when this JVM has to run it
   */
  public static int attempt(String[] args) {
    if (!serves(args)) {
      return DECLINED;
    }
    preload();
    DaemonKey key = DaemonKey.of(args);
    return key == null ? DECLINED : run(key, args, System.console() != null);
  }

  /**
   * Initializes the JDK's socket classes (and the {@code SecureRandom} they set up, ~30 ms of a
   * fresh JVM) on another thread, while the caller computes its key: a class is initialized once,
   * and the caller's own socket then waits for this one at most.
   */
  public static void preload() {
    if (PRELOADED.getAndSet(true)) {
      return;
    }
    for (int part = 0; part < 2; part++) {
      Thread t = new Thread(new Preload(part), "imagenetx-socket-preload-" + part);
      t.setDaemon(true);
      t.start();
    }
  }

  /** Not a lambda: the first lambda of a JVM costs more than this saves. */
  private static final class Preload implements Runnable {
    private final int part;

    Preload(int part) {
      this.part = part;
    }

    @Override
    public void run() {
      try {
        if (part == 1) {
          java.security.SecureRandom.getInstance("NativePRNGNonBlocking");
        } else {
          SocketChannel.open(StandardProtocolFamily.UNIX).close();
        }
      } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
        // the caller's own socket reports what is wrong
      }
    }
  }

  /**
   * Runs a command on the key's server, copying its output to this process's standard output and
   * error.
   *
   * @param key this JVM's key
   * @param args the command's arguments
   * @param tty whether this process is at a terminal
   * @return the command's exit code, or {@link #ABSENT} or {@link #DECLINED}
   */
  public static int run(DaemonKey key, String[] args, boolean tty) {
    return run(
        key,
        args,
        tty,
        new FileOutputStream(FileDescriptor.out),
        new FileOutputStream(FileDescriptor.err));
  }

  /**
   * @param key this JVM's key
   * @param args the command's arguments
   * @param tty whether this process is at a terminal
   * @param out where the command's standard output goes
   * @param err where its standard error goes
   * @return the command's exit code, or {@link #ABSENT} or {@link #DECLINED}
   */
  static int run(DaemonKey key, String[] args, boolean tty, OutputStream out, OutputStream err) {
    Path socket = key.socket();
    if (!socket.toFile().exists()) {
      return ABSENT;
    }
    if (!DaemonServer.secure(key.directory())) {
      return DECLINED;
    }
    SocketChannel ch;
    try {
      ch = SocketChannel.open(StandardProtocolFamily.UNIX);
      ch.connect(UnixDomainSocketAddress.of(socket));
    } catch (IOException e) {
      return ABSENT;
    }
    boolean sent = false;
    boolean[] broken = new boolean[2];
    try (ch) {
      ByteBuffer request =
          Frames.encode(new Frames.Request(key.text(), System.getProperty("user.dir"), tty, args));
      try {
        while (request.hasRemaining()) {
          ch.write(request);
        }
        sent = true;
      } catch (IOException e) {
        // a busy server may decline and close before reading the request: its answer is there
      }
      ByteBuffer header = ByteBuffer.allocate(5);
      byte[] buf = new byte[1 << 16];
      ByteBuffer body = ByteBuffer.wrap(buf);
      while (true) {
        header.clear();
        Frames.readFully(ch, header);
        byte type = header.get();
        int len = header.getInt();
        if (len < 0 || len > Frames.MAX_FRAME) {
          throw new IOException("bad frame");
        }
        if (type == Frames.EXIT) {
          return Frames.readFully(ch, ByteBuffer.allocate(4)).getInt();
        }
        if (type == Frames.DECLINED) {
          return DECLINED;
        }
        int stream = type == Frames.STDERR ? 1 : 0;
        OutputStream to = stream == 1 ? err : out;
        while (len > 0) {
          body.clear().limit(Math.min(len, buf.length));
          Frames.readFully(ch, body);
          len -= body.limit();
          if (!broken[stream]) {
            try {
              to.write(buf, 0, body.limit());
            } catch (IOException e) {
              // as a PrintStream does (`| head`, a full disk): the rest of that stream is
              // dropped, the command runs on and its exit code stands
              broken[stream] = true;
            }
          }
        }
      }
    } catch (IOException e) {
      if (!sent) {
        return ABSENT;
      }
      // the server took the command and went away: running it again here could do it twice
      if (!broken[1]) {
        try {
          err.write(
              ("imagenetx: error: the resident server stopped during the command (its log: "
                      + key.log()
                      + ")\n")
                  .getBytes(StandardCharsets.UTF_8));
        } catch (IOException ignored) {
          // stderr is gone too: the exit code still says it
        }
      }
      return 70;
    }
  }

  /**
   * Starts a server for the key in the background, in its own session, its output going to the
   * key's log. Does nothing when the socket directory cannot be made private to this user.
   *
   * @param key this JVM's key
   */
  public static void spawn(DaemonKey key) {
    try {
      Path dir = key.directory();
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir.getParent());
        Files.createDirectory(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      if (!DaemonServer.secure(dir) || DaemonServer.running(key) || DaemonServer.failed(key)) {
        return;
      }
      List<String> cmd = new ArrayList<>();
      File setsid = new File("/usr/bin/setsid");
      if (setsid.canExecute()) {
        cmd.add(setsid.getPath());
      }
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add("-jar");
      cmd.add(key.jar().toString());
      ProcessBuilder pb =
          new ProcessBuilder(cmd)
              .redirectInput(Redirect.from(new File("/dev/null")))
              .redirectOutput(Redirect.appendTo(key.log().toFile()))
              .redirectErrorStream(true);
      pb.environment().put(DaemonServer.SERVE, key.hash());
      pb.start();
    } catch (IOException | RuntimeException e) {
      // no server: the next command runs in its own JVM again
    }
  }
}
