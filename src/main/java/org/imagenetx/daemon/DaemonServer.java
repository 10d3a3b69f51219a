package org.imagenetx.daemon;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/**
 * A resident server: serves the commands of clients of one {@link DaemonKey}, one at a time, on a
 * Unix-domain socket that only its user can open.
 */
public final class DaemonServer implements AutoCloseable {
  /**
   * The environment variable that makes {@code java -jar imagenetx.jar} (no arguments) a server:
   * its value is the hash of the key the server is for, so a stray value does nothing.
   */
  public static final String SERVE = "IMAGENETX_DAEMON_SERVE";

  /** The environment variable giving the minutes a server stays up without a command. */
  public static final String IDLE = "IMAGENETX_DAEMON_IDLE";

  /** Minutes a server stays up without a command, unless {@value #IDLE} says otherwise. */
  public static final int DEFAULT_IDLE_MINUTES = 15;

  /** After a command that grew the heap beyond this, a collection gives the memory back. */
  private static final long RETAINED_HEAP = 256L << 20;

  /** A client that connects and sends no request within this time is dropped. */
  private static final long REQUEST_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);

  /** Runs one command as the tool's {@code main} would, writing to the streams given. */
  public interface Runner {
    /**
     * @param args the command's arguments
     * @param out its standard output
     * @param err its standard error
     * @param tty whether the client is at a terminal
     * @return the exit code
     */
    int run(String[] args, PrintStream out, PrintStream err, boolean tty);
  }

  /** The server's own standard output (its log file): commands get the client's streams. */
  private static final PrintStream LOG = System.out;

  private final DaemonKey key;
  private final Runner runner;
  private final long idleNanos;
  private final Runnable onClientLost;
  private final long jarSize;
  private final long jarTime;
  private ServerSocketChannel server;
  private volatile SocketChannel current;
  private volatile boolean requestRead;
  private volatile long lastUsed = System.nanoTime();
  private volatile long acceptedAt;
  private volatile String stopReason;
  private final java.util.List<Thread> handlers = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * @param key the key of the clients served
   * @param runner what runs a command
   * @param idleNanos how long the server stays up without a command
   * @param onClientLost what happens when a client goes away before its command ends
   */
  DaemonServer(DaemonKey key, Runner runner, long idleNanos, Runnable onClientLost) {
    this.key = key;
    this.runner = runner;
    this.idleNanos = idleNanos;
    this.onClientLost = onClientLost;
    this.jarSize = key.jar().toFile().length();
    this.jarTime = key.jar().toFile().lastModified();
  }

  /**
   * Runs a server for this JVM's key until it is idle, its socket is removed or its jar changes,
   * then exits the JVM. Returns at once (without exiting) when another server of the key runs.
   *
   * @param key this JVM's key
   * @param runner what runs a command
   * @param warmUp what runs before the first client, so that it meets compiled code and decoded
   *     data
   */
  public static void run(DaemonKey key, Runner runner, Runnable warmUp) {
    log("server " + key.hash() + " for " + key.jar() + " in " + System.getProperty("user.dir"));
    try (FileChannel lockFile =
            FileChannel.open(key.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockFile.tryLock()) {
      if (lock == null) {
        log("another server holds " + key.lock() + "; exiting");
        return;
      }
      sweep(key);
      giveMemoryBack();
      long minutes = idleMinutes();
      Runnable lost =
          () -> {
            log("client left before its command ended; exiting as an interrupted command would");
            Runtime.getRuntime().exit(130);
          };
      try (DaemonServer s =
          new DaemonServer(key, runner, TimeUnit.MINUTES.toNanos(minutes), lost)) {
        try {
          // a socket that cannot be bound here fails now, not after the warm-up; the marker
          // stops clients from starting a server that would fail the same way, for an hour
          s.bind();
          s.unbind();
        } catch (IOException e) {
          Files.writeString(key.failed(), e + "\n");
          throw e;
        }
        long start = System.nanoTime();
        // the socket is bound after the warm-up: meanwhile commands run in their own JVMs rather
        // than wait
        warmUp.run();
        // the warm-up's garbage would otherwise stay committed for the server's life
        System.gc();
        log(
            String.format(
                java.util.Locale.ROOT, "warmed up in %.0f ms", (System.nanoTime() - start) / 1e6));
        s.bind();
        // an exit without close() (a client lost mid-command) removes the socket too
        Runtime.getRuntime()
            .addShutdownHook(new Thread(s::deleteSocket, "imagenetx-daemon-socket-cleanup"));
        log("listening on " + key.socket() + " (idle limit " + minutes + " min)");
        s.serve();
        s.awaitHandlers();
        log("stopped: " + s.stopReason);
      }
    } catch (IOException | RuntimeException e) {
      log("failed: " + e);
    }
    Runtime.getRuntime().exit(0);
  }

  /**
   * A server idles most of its life: its heap should shrink back after a large zoo's command. The
   * flags are manageable, set here rather than on the command line (a server is {@code java -jar
   * <jar>} like its clients), and change no result: G1 returns free heap above 30% after a
   * collection, and collects when idle for a minute.
   */
  private static void giveMemoryBack() {
    try {
      com.sun.management.HotSpotDiagnosticMXBean vm =
          java.lang.management.ManagementFactory.getPlatformMXBean(
              com.sun.management.HotSpotDiagnosticMXBean.class);
      vm.setVMOption("MinHeapFreeRatio", "10");
      vm.setVMOption("MaxHeapFreeRatio", "30");
      vm.setVMOption("G1PeriodicGCInterval", "60000");
    } catch (RuntimeException e) {
      log("heap flags left as they are: " + e);
    }
  }

  /**
   * @return true when a server of the key failed to bind its socket within the last hour
   */
  static boolean failed(DaemonKey key) {
    java.io.File f = key.failed().toFile();
    return f.exists() && System.currentTimeMillis() - f.lastModified() < TimeUnit.HOURS.toMillis(1);
  }

  /**
   * @return true when a server of the key holds its lock (it may still be warming up, its socket
   *     not yet bound): a client then starts no other
   */
  static boolean running(DaemonKey key) {
    if (!Files.exists(key.lock())) {
      return false;
    }
    try (FileChannel ch = FileChannel.open(key.lock(), StandardOpenOption.WRITE);
        FileLock held = ch.tryLock()) {
      return held == null;
    } catch (IOException | RuntimeException e) {
      return true;
    }
  }

  /**
   * Removes what servers of other keys left (every rebuilt jar is a new key): the log, socket and
   * failure marker of a key whose lock nobody holds, once a day old. Lock files stay (empty): a
   * server of that key starting meanwhile must find the same file to lock.
   */
  private static void sweep(DaemonKey key) {
    long dayAgo = System.currentTimeMillis() - TimeUnit.DAYS.toMillis(1);
    try (java.util.stream.Stream<Path> files = Files.list(key.directory())) {
      for (Path lockPath : (Iterable<Path>) files::iterator) {
        String name = lockPath.getFileName().toString();
        if (!name.endsWith(".lock") || lockPath.equals(key.lock())) {
          continue;
        }
        String other = name.substring(0, name.length() - ".lock".length());
        Path log = key.directory().resolve(other + ".log");
        try (FileChannel ch = FileChannel.open(lockPath, StandardOpenOption.WRITE);
            FileLock held = ch.tryLock()) {
          if (held != null
              && Files.exists(log)
              && Files.getLastModifiedTime(log).toMillis() < dayAgo) {
            Files.deleteIfExists(key.directory().resolve(other + ".sock"));
            Files.deleteIfExists(key.directory().resolve(other + ".failed"));
            Files.delete(log);
          }
        } catch (IOException | RuntimeException e) {
          // another server's file: left as it is
        }
      }
    } catch (IOException e) {
      // nothing to sweep
    }
  }

  private static long idleMinutes() {
    String v = System.getenv(IDLE);
    try {
      return v == null ? DEFAULT_IDLE_MINUTES : Math.max(1, Long.parseLong(v.trim()));
    } catch (NumberFormatException e) {
      return DEFAULT_IDLE_MINUTES;
    }
  }

  /** Binds the socket (replacing a stale one: the caller holds the key's lock). */
  void bind() throws IOException {
    Path socket = key.socket();
    Files.deleteIfExists(socket);
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
  }

  /** Closes the socket bound by {@link #bind} and removes its file. */
  void unbind() throws IOException {
    server.close();
    Files.deleteIfExists(key.socket());
  }

  /** Removes the socket file (this server holds the key's lock, so the file is its own). */
  void deleteSocket() {
    try {
      Files.deleteIfExists(key.socket());
    } catch (IOException e) {
      // a stale socket is replaced by the next server
    }
  }

  /**
   * @return why the server stopped serving (idle, socket removed, jar changed), or null
   */
  String stopReason() {
    return stopReason;
  }

  /** Waits for the commands still running (or still sending their exit code) to end. */
  void awaitHandlers() {
    for (Thread t : handlers) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Accepts clients until {@link #close} or the watchdog stops the server. */
  void serve() throws IOException {
    Thread watchdog = new Thread(this::watch, "imagenetx-daemon-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    while (true) {
      SocketChannel ch;
      try {
        ch = server.accept();
      } catch (ClosedChannelException e) {
        return;
      }
      if (!samePeer(ch)) {
        ch.close();
        continue;
      }
      synchronized (this) {
        if (current != null || stopReason != null) {
          decline(ch);
          continue;
        }
        current = ch;
        acceptedAt = System.nanoTime();
        requestRead = false;
      }
      Thread t = new Thread(() -> handle(ch), "imagenetx-request");
      handlers.removeIf(h -> !h.isAlive());
      handlers.add(t);
      t.start();
    }
  }

  private void handle(SocketChannel ch) {
    long t0 = System.nanoTime();
    Thread watcher = null;
    boolean[] done = {false};
    String command = "?";
    try {
      Frames.Request r = Frames.readRequest(ch);
      requestRead = true;
      if (!r.key().equals(key.text()) || !r.cwd().equals(System.getProperty("user.dir"))) {
        release(ch);
        decline(ch);
        return;
      }
      command = r.args().length == 0 ? "" : r.args()[0];
      watcher =
          new Thread(
              () -> {
                try {
                  ch.read(ByteBuffer.allocate(1));
                } catch (IOException e) {
                  // closed by the end of the command, or the client's end went away
                }
                synchronized (done) {
                  if (!done[0]) {
                    onClientLost.run();
                  }
                }
              },
              "imagenetx-client-watch");
      watcher.setDaemon(true);
      watcher.start();
      Object lock = new Object();
      Charset cs = Charset.defaultCharset();
      // flushed per line, as a JVM's own System.out is: standard output and error interleave as
      // they would in the command's own process
      PrintStream out =
          new PrintStream(
              new BufferedOutputStream(new Frames.Stream(ch, Frames.STDOUT, lock), 1 << 13),
              true,
              cs);
      PrintStream err =
          new PrintStream(
              new BufferedOutputStream(new Frames.Stream(ch, Frames.STDERR, lock), 1 << 13),
              true,
              cs);
      PrintStream oldOut = System.out;
      PrintStream oldErr = System.err;
      int code;
      System.setOut(out);
      System.setErr(err);
      try {
        code = runner.run(r.args(), out, err, r.tty());
      } catch (RuntimeException | Error e) {
        // what the JVM does with an exception that leaves main: the trace, exit code 1
        err.print("Exception in thread \"main\" ");
        e.printStackTrace(err);
        code = 1;
      } finally {
        System.setOut(oldOut);
        System.setErr(oldErr);
      }
      out.flush();
      err.flush();
      synchronized (done) {
        done[0] = true;
      }
      // free before the client learns the exit code: a script's next command is not declined
      release(ch);
      synchronized (lock) {
        Frames.exit(ch, code);
      }
      log(
          String.format(
              java.util.Locale.ROOT,
              "served %s: exit %d, %.1f ms",
              command,
              code,
              (System.nanoTime() - t0) / 1e6));
    } catch (IOException e) {
      log("request " + command + ": " + e);
    } finally {
      synchronized (done) {
        done[0] = true;
      }
      // free before the client sees the end of its connection
      release(ch);
      try {
        ch.close();
      } catch (IOException e) {
        // nothing left to tell the client
      }
      if (Runtime.getRuntime().totalMemory() > RETAINED_HEAP) {
        // a large zoo's command is over: an idle server should not hold its heap
        System.gc();
      }
    }
  }

  private synchronized void release(SocketChannel ch) {
    if (current == ch) {
      lastUsed = System.nanoTime();
      current = null;
    }
  }

  private static void decline(SocketChannel ch) {
    try (ch) {
      Frames.write(ch, Frames.DECLINED, new byte[0], 0, 0);
    } catch (IOException e) {
      // the client runs the command itself either way
    }
  }

  /** Every second: drop a silent client; stop when idle, unbound or out of date. */
  private void watch() {
    while (server.isOpen()) {
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
      synchronized (this) {
        SocketChannel ch = current;
        long now = System.nanoTime();
        if (ch != null) {
          if (!requestRead && now - acceptedAt > REQUEST_TIMEOUT_NANOS) {
            try {
              ch.close();
            } catch (IOException e) {
              // closing is all that was wanted
            }
          }
          continue;
        }
        String reason = null;
        if (now - lastUsed > idleNanos) {
          reason = "idle";
        } else if (!Files.exists(key.socket(), LinkOption.NOFOLLOW_LINKS)) {
          reason = "socket removed";
        } else if (key.jar().toFile().length() != jarSize
            || key.jar().toFile().lastModified() != jarTime) {
          reason = "jar changed";
        }
        if (reason != null) {
          // under the lock serve() takes to start a command: none starts after this
          stopReason = reason;
          try {
            server.close();
          } catch (IOException e) {
            // closing is all that was wanted
          }
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    if (server != null) {
      server.close();
    }
    // only this server's socket: it still holds the lock
    deleteSocket();
  }

  /**
   * @return whether the other end of a Unix-domain socket runs as this process's user (the kernel
   *     says who connected; numeric ids are compared, names may be missing in containers)
   */
  static boolean samePeer(SocketChannel ch) {
    try {
      return ch.getOption(jdk.net.ExtendedSocketOptions.SO_PEERCRED)
          .user()
          .equals(Files.getOwner(Path.of("/proc/self")));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Whether a socket directory is this user's alone, so that a socket found in it is this user's
   * server's: the directory is this user's, mode 0700, and no other user can replace it or any
   * directory above it (each is this user's or root's, and not writable by others unless sticky, as
   * {@code /tmp} is). Numeric ids are compared; a client checks this rather than ask the kernel who
   * listens, which costs a fresh JVM more.
   *
   * @param dir the socket directory
   * @return true when it is safe to connect to and listen in
   */
  static boolean secure(Path dir) {
    try {
      int me = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      java.util.Map<String, Object> a =
          Files.readAttributes(dir, "unix:mode,uid", LinkOption.NOFOLLOW_LINKS);
      int mode = (Integer) a.get("mode");
      if ((mode & 0170000) != 0040000 || (mode & 0077) != 0 || (Integer) a.get("uid") != me) {
        return false;
      }
      for (Path p = dir.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
        java.util.Map<String, Object> up = Files.readAttributes(p, "unix:mode,uid");
        int upMode = (Integer) up.get("mode");
        int uid = (Integer) up.get("uid");
        boolean othersWrite = (upMode & 0022) != 0 && (upMode & 01000) == 0;
        if ((uid != me && uid != 0) || othersWrite) {
          return false;
        }
      }
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static void log(String line) {
    LOG.println(java.time.Instant.now() + " " + line);
    LOG.flush();
  }
}
