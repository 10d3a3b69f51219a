package org.imagenetx.serve;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.io.AtomicFiles;
import org.imagenetx.query.Intervals;
import org.imagenetx.query.QueryEngine;
import org.imagenetx.query.Session;
import org.imagenetx.synth.SyntheticImageNetX;
import org.imagenetx.synth.SyntheticZoo;
import org.imagenetx.zoo.InMemoryZoo;

/**
 * A bounded loopback load on the explorer over a synthetic, seeded zoo: {@code requests} API
 * requests from {@code clients} concurrent clients, a mix of every endpoint (30 % rank, 30 % show,
 * 20 % similar, 15 % compare, 3 % groups, 2 % the full matrix), after {@code warmup} warm-up
 * requests, in two halves with the live heap measured before, between and after them.
 *
 * <p>{@link #measure} is shared by {@code ExplorerLoadTest} (a functional check in the default test
 * run, latency bounds only with {@code -Dnightly=true}) and by {@link #main}, the benchmark entry
 * point that records the figures ({@code jmh/process/explorer-load.sh} writes {@code
 * results/bench/explorer-load.json}). Timing claims belong to the benchmark: a test run shares the
 * machine with other work.
 */
public final class ExplorerLoad {
  /** The reference load: 2,200 models, 2,000 requests from 8 clients after 1,000 warm-ups. */
  static final Settings REFERENCE = new Settings(2200, 2000, 8, 1000, 42);

  private ExplorerLoad() {}

  /**
   * What to run.
   *
   * @param models models in the synthetic zoo
   * @param requests measured requests (two halves)
   * @param clients concurrent clients (and server threads)
   * @param warmup warm-up requests before the measured ones
   * @param seed seed of the synthetic dataset and zoo
   */
  record Settings(int models, int requests, int clients, int warmup, long seed) {}

  /**
   * What a load measured.
   *
   * @param errors responses other than 200
   * @param all latencies of every measured request, nanoseconds
   * @param compare latencies of the compare requests, nanoseconds
   * @param heapBefore live heap before the measured requests, MB
   * @param heapMiddle live heap after the first half, MB
   * @param heapAfter live heap after the second half, MB
   * @param figures everything, as the JSON of {@code results/bench/explorer-load.json}
   */
  record Result(
      int errors,
      long[] all,
      long[] compare,
      double heapBefore,
      double heapMiddle,
      double heapAfter,
      Map<String, Object> figures) {
    String json() {
      return new String(Json.bytes(figures), StandardCharsets.UTF_8) + "\n";
    }
  }

  /**
   * Runs the benchmark and writes its figures.
   *
   * @param args {@code [--out <json>] [--models N] [--requests N] [--clients N] [--warmup N]
   *     [--seed S]}; default: the reference load, written to {@code
   *     results/bench/explorer-load.json}
   * @throws Exception when the load cannot run
   */
  public static void main(String[] args) throws Exception {
    Path out = Path.of("results", "bench", "explorer-load.json");
    Settings s = REFERENCE;
    for (int i = 0; i < args.length; i++) {
      String v = i + 1 < args.length ? args[i + 1] : null;
      if (v == null) {
        throw new IllegalArgumentException("missing value after " + args[i]);
      }
      switch (args[i++]) {
        case "--out" -> out = Path.of(v);
        case "--models" ->
            s = new Settings(Integer.parseInt(v), s.requests, s.clients, s.warmup, s.seed);
        case "--requests" ->
            s = new Settings(s.models, Integer.parseInt(v), s.clients, s.warmup, s.seed);
        case "--clients" ->
            s = new Settings(s.models, s.requests, Integer.parseInt(v), s.warmup, s.seed);
        case "--warmup" ->
            s = new Settings(s.models, s.requests, s.clients, Integer.parseInt(v), s.seed);
        case "--seed" ->
            s = new Settings(s.models, s.requests, s.clients, s.warmup, Long.parseLong(v));
        default -> throw new IllegalArgumentException("unknown argument " + args[i - 1]);
      }
    }
    Result r = measure(s);
    AtomicFiles.writeString(out, r.json());
    System.out.print(r.json());
    System.out.println("wrote " + out);
    if (r.errors() != 0) {
      System.err.println(r.errors() + " requests failed");
      System.exit(1);
    }
  }

  /**
   * Generates the zoo, opens a session, starts the server on loopback and runs the load.
   *
   * @param s what to run
   * @return the figures
   * @throws Exception when the load cannot run
   */
  static Result measure(Settings s) throws Exception {
    long t0 = System.nanoTime();
    Dataset ds = SyntheticImageNetX.generate(s.seed, 50).dataset(false);
    InMemoryZoo zoo = classesOnly(ds, s.models, s.seed);
    long t1 = System.nanoTime();
    Session session =
        Session.open(
            ds, zoo, FactorSelection.TOP, Map.of(), Runtime.getRuntime().availableProcessors());
    long t2 = System.nanoTime();
    QueryEngine engine = new QueryEngine(session, Intervals.NONE);
    List<String> models = session.models();
    try (ExplorerServer server =
        ExplorerServer.start(
            engine, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), s.clients)) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      // warm-up: a server that has answered for a while, not one whose first clicks are
      // interpreted. The JIT still works through its backlog (the zoo generation, the clients'
      // HTTP stack) during the measured runs: about a third of the CPU, recorded as
      // cpu_s_by_thread_kind.jit.
      run(server, client, models, s.warmup, s.clients, 1);
      double heapBefore = liveHeapMb();
      Run first = run(server, client, models, s.requests / 2, s.clients, 2);
      double heapMiddle = liveHeapMb();
      Run second = run(server, client, models, s.requests - s.requests / 2, s.clients, 3);
      double heapAfter = liveHeapMb();

      long[] all = concat(first.nanos, second.nanos);
      int errors = first.errors + second.errors;
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("benchmark", "explorer loopback load (ExplorerLoad, jmh/process/explorer-load.sh)");
      out.put("machine", machine());
      out.put(
          "zoo",
          String.format(
              Locale.ROOT,
              "synthetic, %d models x %d images, seed %d",
              s.models,
              ds.index().size(),
              s.seed));
      out.put("zoo_generation_s", (t1 - t0) / 1e9);
      out.put("session_open_s", (t2 - t1) / 1e9);
      out.put("warmup_requests", s.warmup);
      out.put("requests", all.length);
      out.put("clients", s.clients);
      out.put("errors", errors);
      out.put("wall_s", (first.wallNanos + second.wallNanos) / 1e9);
      out.put("process_cpu_s", (first.cpuNanos + second.cpuNanos) / 1e9);
      out.put("cpu_s_by_thread_kind", sum(first.cpuByKind, second.cpuByKind));
      out.put("gc_pause_ms", first.gcMillis + second.gcMillis);
      out.put("throughput_per_s", all.length / ((first.wallNanos + second.wallNanos) / 1e9));
      out.put("latency_ms", percentiles(all));
      Map<String, Object> byEndpoint = new LinkedHashMap<>();
      for (String e : ENDPOINTS) {
        byEndpoint.put(e, percentiles(concat(first.byEndpoint(e), second.byEndpoint(e))));
      }
      out.put("latency_ms_by_endpoint", byEndpoint);
      Map<String, Object> heap = new LinkedHashMap<>();
      heap.put("before", heapBefore);
      heap.put("after_first_half", heapMiddle);
      heap.put("after_second_half", heapAfter);
      out.put("live_heap_mb", heap);
      long[] compare = concat(first.byEndpoint("compare"), second.byEndpoint("compare"));
      return new Result(errors, all, compare, heapBefore, heapMiddle, heapAfter, out);
    }
  }

  /**
   * The synthetic zoo without its probabilities (the explorer never reads them): 220 MB of classes
   * instead of 660 MB, like a store that is memory-mapped rather than on the heap.
   */
  static InMemoryZoo classesOnly(Dataset ds, int models, long seed) {
    SyntheticZoo.Inputs inputs = new SyntheticZoo.Inputs(ds, seed);
    short[][] classes = new short[models][ds.index().size()];
    List<String> names = new ArrayList<>();
    for (int m = 0; m < models; m++) {
      names.add(SyntheticZoo.modelName(m));
    }
    // each model depends only on (seed, model): generating them in parallel gives the same zoo
    java.util.stream.IntStream.range(0, models)
        .parallel()
        .forEach(m -> SyntheticZoo.generateModel(inputs, seed, m, classes[m], null));
    return new InMemoryZoo("synthetic", names, classes, null, true, "synthetic zoo, classes only");
  }

  static final String[] ENDPOINTS = {"rank", "show", "similar", "compare", "groups", "matrix"};

  /** Latencies of one run, in request order, with the endpoint of each. */
  record Run(
      long[] nanos,
      String[] endpoint,
      int errors,
      long wallNanos,
      long cpuNanos,
      Map<String, Double> cpuByKind,
      long gcMillis) {
    long[] byEndpoint(String e) {
      long[] out = new long[nanos.length];
      int k = 0;
      for (int i = 0; i < nanos.length; i++) {
        if (endpoint[i].equals(e)) {
          out[k++] = nanos[i];
        }
      }
      return Arrays.copyOf(out, k);
    }
  }

  static Run run(
      ExplorerServer server,
      HttpClient client,
      List<String> models,
      int requests,
      int clients,
      long seed)
      throws Exception {
    String[] paths = new String[requests];
    String[] endpoint = new String[requests];
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < requests; i++) {
      String a = enc(models.get(rnd.nextInt(models.size())));
      String b = enc(models.get(rnd.nextInt(models.size())));
      String f = Factor.of(rnd.nextInt(Factor.COUNT)).column();
      String type = new String[] {"class", "metaclass", "real_class"}[rnd.nextInt(3)];
      int r = rnd.nextInt(100);
      // the page's mix: mostly model pages and rankings, a comparison now and then, rarely the full
      // matrix
      if (r < 30) {
        endpoint[i] = "rank";
        paths[i] = "rank?by=" + f + "&top=" + (10 + rnd.nextInt(90)) + "&error_type=" + type;
      } else if (r < 60) {
        endpoint[i] = "show";
        paths[i] = "show?model=" + a + "&error_type=" + type;
      } else if (r < 80) {
        endpoint[i] = "similar";
        paths[i] = "similar?model=" + a + "&top=10&error_type=" + type;
      } else if (r < 95) {
        endpoint[i] = "compare";
        paths[i] =
            "compare?a="
                + a
                + "&b="
                + (a.equals(b) ? enc(models.get(0).equals(a) ? models.get(1) : models.get(0)) : b)
                + "&error_type="
                + type;
      } else if (r < 98) {
        endpoint[i] = "groups";
        paths[i] = "groups?error_type=" + type;
      } else {
        endpoint[i] = "matrix";
        paths[i] = "matrix?error_type=" + type;
      }
    }
    long[] nanos = new long[requests];
    int[] status = new int[requests];
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    Map<String, Double> kinds = cpuByThreadKind();
    long cpu = processCpuNanos();
    long gc = gcMillis();
    long start = System.nanoTime();
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int client0 = c;
        fs.add(
            pool.submit(
                () -> {
                  for (int i = client0; i < requests; i += clients) {
                    HttpRequest req =
                        HttpRequest.newBuilder(URI.create(server.url() + "api/" + paths[i]))
                            .GET()
                            .build();
                    long s = System.nanoTime();
                    HttpResponse<byte[]> resp =
                        client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                    nanos[i] = System.nanoTime() - s;
                    status[i] = resp.statusCode();
                  }
                  return null;
                }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    long wall = System.nanoTime() - start;
    cpu = processCpuNanos() - cpu;
    Map<String, Double> after = cpuByThreadKind();
    after.replaceAll((k, v) -> round(v - kinds.getOrDefault(k, 0.0)));
    gc = gcMillis() - gc;
    int errors = 0;
    for (int s : status) {
      errors += s == 200 ? 0 : 1;
    }
    return new Run(nanos, endpoint, errors, wall, cpu, after, gc);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static long[] concat(long[] a, long[] b) {
    long[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static double percentile(long[] nanos, double q) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return s[Math.min(s.length - 1, (int) Math.ceil(q * s.length) - 1)];
  }

  static Map<String, Object> percentiles(long[] nanos) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("n", nanos.length);
    if (nanos.length > 0) {
      m.put("p50", round(percentile(nanos, 0.50) / 1e6));
      m.put("p90", round(percentile(nanos, 0.90) / 1e6));
      m.put("p99", round(percentile(nanos, 0.99) / 1e6));
      m.put("max", round(percentile(nanos, 1.0) / 1e6));
    }
    return m;
  }

  private static double round(double ms) {
    return Math.round(ms * 100) / 100.0;
  }

  /** CPU time of this JVM (server and clients share it), all threads, GC and JIT included. */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * CPU seconds per kind of thread (server answers, the clients' HTTP stack, JIT, GC, other), from
   * {@code /proc/self/task} (Linux; empty elsewhere): the clients share the machine, and this shows
   * how much of it the answers actually get.
   */
  static Map<String, Double> cpuByThreadKind() throws IOException {
    Map<String, Double> by = new java.util.TreeMap<>();
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return by;
    }
    try (var dirs = Files.list(tasks)) {
      for (Path d : (Iterable<Path>) dirs::iterator) {
        String st;
        try {
          st = Files.readString(d.resolve("stat"));
        } catch (IOException e) {
          continue; // the thread ended
        }
        String name = st.substring(st.indexOf('(') + 1, st.lastIndexOf(')'));
        String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
        double seconds =
            (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime + stime, USER_HZ
        String kind =
            name.startsWith("imagenetx-serv")
                ? "server"
                : name.startsWith("HttpClient") || name.startsWith("pool-")
                    ? "clients"
                    : name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")
                        ? "jit"
                        : name.startsWith("G1")
                                || name.startsWith("GC ")
                                || name.equals("VM Thread")
                            ? "gc"
                            : "other";
        by.merge(kind, seconds, Double::sum);
      }
    }
    return by;
  }

  static Map<String, Double> sum(Map<String, Double> a, Map<String, Double> b) {
    Map<String, Double> out = new java.util.TreeMap<>(a);
    b.forEach((k, v) -> out.merge(k, v, (x, y) -> round(x + y)));
    return out;
  }

  static long gcMillis() {
    long t = 0;
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      t += Math.max(0, gc.getCollectionTime());
    }
    return t;
  }

  static double liveHeapMb() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return round(heap.getUsed() / 1048576.0);
  }

  static Map<String, Object> machine() throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    String cpu = "unknown";
    Path info = Path.of("/proc/cpuinfo");
    if (Files.isReadable(info)) {
      for (String line : Files.readAllLines(info)) {
        if (line.startsWith("model name")) {
          cpu = line.substring(line.indexOf(':') + 1).strip();
          break;
        }
      }
    }
    m.put("cpu", cpu);
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    m.put("max_heap_mb", Runtime.getRuntime().maxMemory() / 1048576);
    m.put(
        "note",
        "client and server share the machine (loopback); timings on a shared machine are noisy");
    return m;
  }
}
