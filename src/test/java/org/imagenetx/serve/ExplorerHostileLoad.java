package org.imagenetx.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.imagenetx.query.QueryEngine;
import org.imagenetx.query.RealSessions;

/**
 * The explorer beside hostile clients (issue 15), a benchmark, not a test: normal requests (info,
 * show, rank, compare) from 4 clients, first on a quiet server, then beside 8 slowloris connections
 * (partial headers, reopened as the server cuts them), 2 clients sending 9-star globs and 1 client
 * sending cross-origin requests. Records each phase's p50/p99 of the normal requests and the
 * hostile requests answered to {@code results/bench/explorer-hostile.json} (or args[0]).
 *
 * <p>Run: {@code mvn -q -o -DskipTests package && java -cp
 * target/test-classes:target/imagenetx-engine.jar org.imagenetx.serve.ExplorerHostileLoad}.
 */
public final class ExplorerHostileLoad {
  private static final String[] NORMAL = {
    "/api/info", "/api/show?model=ViT", "/api/rank?by=smaller", "/api/compare?a=ViT&b=DINO"
  };

  private ExplorerHostileLoad() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "results/bench/explorer-hostile.json");
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    QueryEngine engine = RealSessions.top();
    try (ExplorerServer server =
        ExplorerServer.start(
            engine,
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            ExplorerServer.DEFAULT_REQUEST_THREADS)) {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
      normal(server, client, requests / 2); // warm-up
      double[] quiet = normal(server, client, requests);
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong hostileAnswered = new AtomicLong();
      AtomicLong slowOpened = new AtomicLong();
      ExecutorService hostile = Executors.newFixedThreadPool(11);
      for (int i = 0; i < 8; i++) {
        hostile.submit(() -> slowloris(server, stop, slowOpened));
      }
      for (int i = 0; i < 2; i++) {
        hostile.submit(
            () ->
                hammer(
                    server,
                    client,
                    stop,
                    hostileAnswered,
                    "/api/models?glob=" + "*a".repeat(9) + "*zz",
                    null));
      }
      hostile.submit(
          () -> hammer(server, client, stop, hostileAnswered, "/api/info", "https://evil.example"));
      Thread.sleep(500);
      double[] attacked = normal(server, client, requests);
      stop.set(true);
      hostile.shutdownNow();
      String json =
          String.format(
              Locale.ROOT,
              "{\"benchmark\":\"explorer-hostile\",\"cores\":%d,\"java\":\"%s\",\"os\":\"%s\","
                  + "\"normal_requests_per_phase\":%d,\"clients\":4,"
                  + "\"quiet_ms\":{\"p50\":%.2f,\"p99\":%.2f,\"max\":%.2f},"
                  + "\"hostile_ms\":{\"p50\":%.2f,\"p99\":%.2f,\"max\":%.2f},"
                  + "\"p99_ratio\":%.2f,\"hostile\":{\"slowloris_connections\":8,"
                  + "\"slowloris_opened\":%d,\"glob_clients\":2,\"cross_origin_clients\":1,"
                  + "\"hostile_requests_answered\":%d}}%n",
              Runtime.getRuntime().availableProcessors(),
              System.getProperty("java.version"),
              System.getProperty("os.name") + " " + System.getProperty("os.arch"),
              requests,
              pct(quiet, 50),
              pct(quiet, 99),
              quiet[quiet.length - 1],
              pct(attacked, 50),
              pct(attacked, 99),
              attacked[attacked.length - 1],
              pct(attacked, 99) / pct(quiet, 99),
              slowOpened.get(),
              hostileAnswered.get());
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, json);
      System.out.print(json);
    }
    System.exit(0);
  }

  private static double pct(double[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  /** Latencies in ms, sorted, of {@code n} normal requests from 4 clients. */
  private static double[] normal(ExplorerServer server, HttpClient client, int n) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<double[]>> parts = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      int start = c;
      parts.add(
          pool.submit(
              () -> {
                double[] ms = new double[n / 4];
                for (int i = 0; i < ms.length; i++) {
                  String path = NORMAL[(start + i) % NORMAL.length];
                  long t0 = System.nanoTime();
                  HttpResponse<String> r =
                      client.send(
                          HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)))
                              .timeout(Duration.ofSeconds(30))
                              .build(),
                          HttpResponse.BodyHandlers.ofString());
                  ms[i] = (System.nanoTime() - t0) / 1e6;
                  if (r.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + r.statusCode());
                  }
                }
                return ms;
              }));
    }
    double[] all = new double[0];
    for (Future<double[]> f : parts) {
      double[] p = f.get();
      int at = all.length;
      all = Arrays.copyOf(all, at + p.length);
      System.arraycopy(p, 0, all, at, p.length);
    }
    pool.shutdown();
    Arrays.sort(all);
    return all;
  }

  private static Void slowloris(ExplorerServer server, AtomicBoolean stop, AtomicLong opened) {
    while (!stop.get()) {
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
        opened.incrementAndGet();
        OutputStream o = s.getOutputStream();
        o.write(
            ("GET /api/info HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        o.flush();
        while (!stop.get() && s.getInputStream().read() >= 0) {
          // held open until the server cuts it
        }
      } catch (IOException e) {
        // cut by the server: open another
      }
    }
    return null;
  }

  private static Void hammer(
      ExplorerServer server,
      HttpClient client,
      AtomicBoolean stop,
      AtomicLong answered,
      String path,
      String origin) {
    while (!stop.get()) {
      try {
        HttpRequest.Builder b =
            HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)))
                .timeout(Duration.ofSeconds(30));
        if (origin != null) {
          b.header("Origin", origin);
        }
        client.send(b.build(), HttpResponse.BodyHandlers.discarding());
        answered.incrementAndGet();
      } catch (IOException e) {
        // keep hammering
      } catch (InterruptedException e) {
        return null;
      }
    }
    return null;
  }
}
