package org.imagenetx.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server and its clients in one JVM, over a real Unix-domain socket. */
class DaemonServerTest {
  @TempDir Path tmp;

  private DaemonServer server;
  private Thread serving;

  private record Served(int code, String out, String err) {}

  private DaemonKey key(String permissions) throws IOException {
    Path jar = tmp.resolve("imagenetx.jar");
    Files.write(jar, new byte[] {1, 2, 3});
    // short: a socket path must fit sun_path
    Path cache = Files.createTempDirectory(Path.of("/tmp"), "ixd");
    DaemonKey key = DaemonKey.of(List.of("java", "-jar", jar.toString()), new String[0], cache);
    Files.createDirectory(
        key.directory(),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)));
    return key;
  }

  private void start(DaemonKey key, DaemonServer.Runner runner, long idleNanos, Runnable lost)
      throws IOException {
    server = new DaemonServer(key, runner, idleNanos, lost);
    server.bind();
    serving =
        new Thread(
            () -> {
              try {
                server.serve();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    serving.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
      serving.join(30_000);
    }
  }

  private static Served client(DaemonKey key, boolean tty, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = DaemonClient.run(key, args, tty, out, err);
    return new Served(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static final DaemonServer.Runner ECHO =
      (args, out, err, tty) -> {
        out.print("tables " + String.join(" ", args) + (tty ? " (tty)" : ""));
        System.out.print("!"); // System.out is the client's standard output too
        err.print("a note");
        return args.length;
      };

  @Test
  void clientGetsTheCommandsOutputErrorAndExitCode() throws Exception {
    DaemonKey key = key("rwx------");
    start(key, ECHO, TimeUnit.HOURS.toNanos(1), () -> {});
    Served s = client(key, false, "ratios", "--factors", "multi ü");
    assertThat(s).isEqualTo(new Served(3, "tables ratios --factors multi ü!", "a note"));
    assertThat(client(key, true, "images"))
        .isEqualTo(new Served(1, "tables images (tty)!", "a note"));
    // large outputs arrive whole
    String big = "x".repeat(5_000_000);
    server.close();
    serving.join(30_000);
    start(
        key,
        (args, out, err, tty) -> {
          out.print(big);
          return 0;
        },
        TimeUnit.HOURS.toNanos(1),
        () -> {});
    assertThat(client(key, false, "ratios").out()).isEqualTo(big);
  }

  @Test
  void noServerIsAbsent() throws IOException {
    DaemonKey key = key("rwx------");
    assertThat(client(key, false, "ratios").code()).isEqualTo(DaemonClient.ABSENT);
    // a socket left by a server that died: nobody accepts
    try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      dead.bind(UnixDomainSocketAddress.of(key.socket()));
    }
    assertThat(key.socket()).exists();
    assertThat(client(key, false, "ratios").code()).isEqualTo(DaemonClient.ABSENT);
  }

  @Test
  void aBusyServerDeclinesAndTheCommandRunsInItsOwnJvm() throws Exception {
    DaemonKey key = key("rwx------");
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    start(
        key,
        (args, out, err, tty) -> {
          entered.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          out.print("done");
          return 0;
        },
        TimeUnit.HOURS.toNanos(1),
        () -> {});
    CompletableFuture<Served> first = CompletableFuture.supplyAsync(() -> client(key, false, "a"));
    assertThat(entered.await(60, TimeUnit.SECONDS)).isTrue();
    assertThat(client(key, false, "b").code()).isEqualTo(DaemonClient.DECLINED);
    release.countDown();
    assertThat(first.get(60, TimeUnit.SECONDS)).isEqualTo(new Served(0, "done", ""));
  }

  @Test
  void anotherKeysClientIsDeclined() throws IOException {
    DaemonKey key = key("rwx------");
    start(key, ECHO, TimeUnit.HOURS.toNanos(1), () -> {});
    DaemonKey other =
        new DaemonKey(key.text() + "TZ=UTC\n", key.hash(), key.jar(), key.directory());
    assertThat(client(other, false, "ratios").code()).isEqualTo(DaemonClient.DECLINED);
    assertThat(client(key, false, "ratios").code()).isEqualTo(1);
  }

  @Test
  void aDirectoryOthersCanEnterIsNeverUsed() throws IOException {
    DaemonKey key = key("rwxr-xr-x");
    start(key, ECHO, TimeUnit.HOURS.toNanos(1), () -> {});
    assertThat(DaemonServer.secure(key.directory())).isFalse();
    assertThat(client(key, false, "ratios").code()).isEqualTo(DaemonClient.DECLINED);
    assertThat(DaemonServer.secure(tmp.resolve("missing"))).isFalse();
  }

  @Test
  void aClientLeavingMidCommandEndsTheServerAsAnInterruptWould() throws Exception {
    DaemonKey key = key("rwx------");
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch lost = new CountDownLatch(1);
    AtomicBoolean finished = new AtomicBoolean();
    start(
        key,
        (args, out, err, tty) -> {
          entered.countDown();
          try {
            lost.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          finished.set(true);
          return 0;
        },
        TimeUnit.HOURS.toNanos(1),
        lost::countDown);
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(key.socket()));
      ch.write(
          Frames.encode(
              new Frames.Request(
                  key.text(), System.getProperty("user.dir"), false, new String[] {"reproduce"})));
      assertThat(entered.await(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(lost.await(60, TimeUnit.SECONDS)).isTrue();
    // a client that stays to the end is not lost
    CountDownLatch lostAgain = new CountDownLatch(1);
    server.close();
    serving.join(30_000);
    start(key, ECHO, TimeUnit.HOURS.toNanos(1), lostAgain::countDown);
    assertThat(client(key, false, "ratios").code()).isEqualTo(1);
    assertThat(lostAgain.getCount()).isEqualTo(1);
  }

  @Test
  void garbageDoesNotStopTheServer() throws Exception {
    DaemonKey key = key("rwx------");
    start(key, ECHO, TimeUnit.HOURS.toNanos(1), () -> {});
    for (byte[] junk :
        List.of(
            new byte[] {0x7f, 0x7f, 0x7f, 0x7f},
            "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
            new byte[] {0, 0, 0, 20, 1, 2, 3})) {
      try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
        ch.connect(UnixDomainSocketAddress.of(key.socket()));
        ch.write(ByteBuffer.wrap(junk));
        ch.shutdownOutput();
        // the server closes its end (a reset when it closed before reading everything)
        ByteBuffer b = ByteBuffer.allocate(64);
        try {
          while (ch.read(b) >= 0) {
            b.clear();
          }
        } catch (IOException e) {
          assertThat(e).hasMessageContaining("reset");
        }
      }
    }
    assertThat(client(key, false, "ratios").code()).isEqualTo(1);
  }

  @Test
  void anIdleServerStopsAndItsCloseRemovesItsSocket() throws Exception {
    DaemonKey key = key("rwx------");
    start(key, ECHO, 0, () -> {});
    serving.join(60_000);
    assertThat(serving.isAlive()).isFalse();
    assertThat(server.stopReason()).isEqualTo("idle");
    assertThat(key.socket()).exists();
    server.close();
    assertThat(key.socket()).doesNotExist();
  }

  @Test
  void aRebuiltJarStopsTheServer() throws Exception {
    DaemonKey key = key("rwx------");
    start(key, ECHO, TimeUnit.HOURS.toNanos(1), () -> {});
    assertThat(client(key, false, "ratios").code()).isEqualTo(1);
    Files.write(key.jar(), new byte[] {1, 2, 3, 4});
    serving.join(60_000);
    assertThat(serving.isAlive()).isFalse();
    assertThat(server.stopReason()).isEqualTo("jar changed");
  }

  @Test
  void outputAndErrorInterleaveAsPrinted() throws IOException {
    DaemonKey key = key("rwx------");
    start(
        key,
        (args, out, err, tty) -> {
          out.println("one");
          err.println("two");
          out.println("three");
          return 0;
        },
        TimeUnit.HOURS.toNanos(1),
        () -> {});
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    assertThat(DaemonClient.run(key, new String[] {"ratios"}, false, both, both)).isZero();
    assertThat(both.toString(StandardCharsets.UTF_8)).isEqualTo("one\ntwo\nthree\n");
  }

  @Test
  void aClosedStandardOutputDropsOutputNotTheCommand() throws Exception {
    DaemonKey key = key("rwx------");
    CountDownLatch lost = new CountDownLatch(1);
    start(
        key,
        (args, out, err, tty) -> {
          for (int i = 0; i < 10_000; i++) {
            out.println("row " + i);
          }
          err.println("done");
          return 4;
        },
        TimeUnit.HOURS.toNanos(1),
        lost::countDown);
    java.io.OutputStream closed =
        new java.io.OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("Broken pipe");
          }
        };
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    // `imagenetx ... | head`: the command runs to its end and its exit code stands
    assertThat(DaemonClient.run(key, new String[] {"images"}, false, closed, err)).isEqualTo(4);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("done\n");
    assertThat(lost.getCount()).isEqualTo(1);
  }

  @Test
  void aServerGoneAfterTakingTheCommandIsAnErrorNotARerun() throws Exception {
    DaemonKey key = key("rwx------");
    // a server that reads the request, prints a line and dies
    try (ServerSocketChannel dying = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      dying.bind(UnixDomainSocketAddress.of(key.socket()));
      Thread t =
          new Thread(
              () -> {
                try (SocketChannel ch = dying.accept()) {
                  Frames.readRequest(ch);
                  byte[] line = "partial\n".getBytes(StandardCharsets.UTF_8);
                  Frames.write(ch, Frames.STDOUT, line, 0, line.length);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      t.start();
      Served s = client(key, false, "reproduce");
      t.join(60_000);
      assertThat(s.code()).isEqualTo(70);
      assertThat(s.out()).isEqualTo("partial\n");
      assertThat(s.err()).startsWith("imagenetx: error: the resident server stopped");
    }
  }

  @Test
  void theKernelVouchesForThePeer() throws IOException {
    DaemonKey key = key("rwx------");
    try (ServerSocketChannel ss = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      ss.bind(UnixDomainSocketAddress.of(key.socket()));
      try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
        c.connect(UnixDomainSocketAddress.of(key.socket()));
        try (SocketChannel accepted = ss.accept()) {
          assertThat(DaemonServer.samePeer(c)).isTrue();
          assertThat(DaemonServer.samePeer(accepted)).isTrue();
        }
      }
    }
    assertThat(DaemonServer.secure(key.directory())).isTrue();
  }

  @Test
  void removingTheSocketStopsTheServer() throws Exception {
    DaemonKey key = key("rwx------");
    start(key, ECHO, TimeUnit.HOURS.toNanos(1), () -> {});
    Files.delete(key.socket());
    serving.join(60_000);
    assertThat(serving.isAlive()).isFalse();
    assertThat(client(key, false, "ratios").code()).isEqualTo(DaemonClient.ABSENT);
  }
}
