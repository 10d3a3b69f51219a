package org.imagenetx.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.imagenetx.annotations.Factor;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.SmallCells;
import org.imagenetx.images.ImageFiles;
import org.imagenetx.io.BadInputException;
import org.imagenetx.io.Printable;
import org.imagenetx.query.Cancellation;
import org.imagenetx.query.Metric;
import org.imagenetx.query.Query;
import org.imagenetx.query.QueryEngine;
import org.imagenetx.query.QueryException;
import org.imagenetx.query.QueryParser;
import org.imagenetx.words.TermKind;

/**
 * The local explorer: a static page and a read-only JSON API over one {@link QueryEngine}, on the
 * JDK's built-in HTTP server.
 *
 * <p>Safety by construction: the page's files are a fixed list of class-path resources (no request
 * path is ever resolved against a file system), the API only calls query methods that read the
 * session ({@code add} is refused), only GET and HEAD are accepted, and a request whose {@code
 * Host} is not the loopback address it was reached on is refused (a DNS-rebinding page cannot read
 * the API). User mistakes answer 4xx with a JSON {@code {"error": ...}} message; anything else
 * answers 500 with a generic message, never a stack trace.
 */
public final class ExplorerServer implements AutoCloseable {
  /** The page's files: request path → (resource, content type). */
  private static final Map<String, String[]> STATIC =
      Map.of(
          "/", new String[] {"index.html", "text/html; charset=utf-8"},
          "/index.html", new String[] {"index.html", "text/html; charset=utf-8"},
          "/app.js", new String[] {"app.js", "text/javascript; charset=utf-8"},
          "/app.css", new String[] {"app.css", "text/css; charset=utf-8"});

  private static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
          + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  /**
   * Connections served at once by default ({@code --http-threads}): a request thread mostly waits
   * on its socket (answers are computed in {@link #computeSlots}), so dozens cost little and a
   * handful of stalled clients cannot take them all.
   */
  public static final int DEFAULT_REQUEST_THREADS = 64;

  /** A request (line and headers) not read within this is cut off by the JDK server's timer. */
  static final long HEADER_TIMEOUT_MILLIS = 5_000;

  /**
   * Longest an API request waits for a compute slot: beyond it the answer is 503 (busy) rather than
   * a wait the client cannot see the end of.
   */
  static final long COMPUTE_WAIT_MILLIS = 10_000;

  /**
   * Longest an API answer computes: past it the engine's loops stop ({@link Cancellation}) and the
   * answer is 503. It also bounds the work of a client that left: the JDK server tells a handler
   * nothing about its connection until the answer is written.
   */
  static final long COMPUTE_DEADLINE_MILLIS = 10_000;

  /**
   * Limits of one server: the compute deadline and the requests one client address may have in the
   * handlers at once (beyond it: 429).
   *
   * @param computeDeadlineMillis see {@link #COMPUTE_DEADLINE_MILLIS}
   * @param perClient requests of one address handled at once
   * @param loopbackToo whether the bound applies to loopback addresses too: behind loopback every
   *     client (every tab of the user's browser, the load tests' clients) has the same address, so
   *     by default the bound is for remote addresses (serve on another interface)
   */
  record Limits(long computeDeadlineMillis, int perClient, boolean loopbackToo) {
    /**
     * @param threads request threads
     * @return the defaults: a 10 s deadline, half the request threads per remote client (at least
     *     1), so one address flooding the explorer with slow requests leaves the other half to the
     *     rest
     */
    static Limits defaults(int threads) {
      return new Limits(COMPUTE_DEADLINE_MILLIS, Math.max(1, threads / 2), false);
    }
  }

  private final Limits limits;

  /** Requests of each client address in the handlers now. */
  private final Map<java.net.InetAddress, java.util.concurrent.atomic.AtomicInteger> perClient =
      new ConcurrentHashMap<>();

  /** Computations running now, cancelled when the server closes. */
  private final java.util.Set<Cancellation> running = ConcurrentHashMap.newKeySet();

  /** API answers stopped by their deadline or by the server closing. */
  private final java.util.concurrent.atomic.AtomicLong cancelledAnswers =
      new java.util.concurrent.atomic.AtomicLong();

  /** API requests refused for their client's bound. */
  private final java.util.concurrent.atomic.AtomicLong refusedForClient =
      new java.util.concurrent.atomic.AtomicLong();

  /** Test hook: runs in the handler of each API request once its client is counted. */
  volatile Runnable onApiRequest = () -> {};

  private final HttpServer server;
  private final ExecutorService pool;
  private final QueryEngine engine;
  private final Map<String, byte[]> files = new HashMap<>();

  /** The user's ImageNet validation JPEGs ({@code serve --imagenet}), or null. */
  private final ImageFiles images;

  /** Rows an image listing returns at most per request. */
  static final int MAX_IMAGE_ROWS = 500;

  /**
   * Answers computed at once: one per core, granted in arrival order; request threads beyond that
   * only read requests and write responses. With every request thread computing, a 5 ms comparison
   * shared its core with up to seven other answers and took 40-90 ms; first come, first served, no
   * answer waits for more than the few queued ahead of it (ExplorerLoadTest: p99 75 → 35 ms, see
   * results/bench/explorer-load.json).
   */
  private final Semaphore computeSlots =
      new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

  /**
   * The heatmap's JSON per error type, keyed by the session's model list (a new list after an add):
   * 2,200 × 16 doubles cost ~100 ms to encode but never change for a session, and re-encoding them
   * made the matrix the load test's p99 (ExplorerLoadTest: matrix p50 147 ms uncached).
   */
  private final Map<ErrorType, Object[]> matrixJson = new ConcurrentHashMap<>();

  private ExplorerServer(
      QueryEngine engine,
      HttpServer server,
      ExecutorService pool,
      ImageFiles images,
      Limits limits) {
    this.engine = engine;
    this.limits = limits;
    this.images = images;
    this.server = server;
    this.pool = pool;
    for (String[] f : STATIC.values()) {
      files.computeIfAbsent(f[0], ExplorerServer::resource);
    }
  }

  /**
   * Starts serving.
   *
   * @param engine the queries
   * @param address where to listen (port 0 = a free port); loopback unless the user asked otherwise
   * @param threads request threads
   * @return the running server
   */
  public static ExplorerServer start(QueryEngine engine, InetSocketAddress address, int threads) {
    return start(engine, address, threads, null);
  }

  /**
   * Starts serving, with thumbnails from the user's copy of the validation images.
   *
   * @param engine the queries
   * @param address where to listen
   * @param threads request threads
   * @param images the validation JPEGs, or null: {@code /image/<file name>} serves only exact
   *     validation file names found inside it ({@link ImageFiles#resolve})
   * @return the running server
   */
  public static ExplorerServer start(
      QueryEngine engine, InetSocketAddress address, int threads, ImageFiles images) {
    return start(engine, address, threads, images, Limits.defaults(threads));
  }

  /**
   * @param engine the queries
   * @param address where to listen
   * @param threads request threads
   * @param images the validation JPEGs, or null
   * @param limits the compute deadline and the per-client bound
   * @return the running server
   */
  static ExplorerServer start(
      QueryEngine engine,
      InetSocketAddress address,
      int threads,
      ImageFiles images,
      Limits limits) {
    // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
    // delayed
    // ACK: every response took ~40 ms regardless of work (ExplorerLoadTest p50 48 ms -> see
    // results/bench/explorer-load.json after). Read once by the JDK's ServerConfig, so set it
    // first.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    // A client that sends part of a request and stops held a request thread for as long as it
    // liked: 8 such connections (8 = the request threads) stalled every other request for 306 s
    // (issue 15). The JDK's timer closes a connection whose request is not read within
    // maxReqTime seconds, checked every timerMillis; also read once, so set first.
    if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
      System.setProperty(
          "sun.net.httpserver.maxReqTime", Long.toString(HEADER_TIMEOUT_MILLIS / 1000));
    }
    if (System.getProperty("sun.net.httpserver.timerMillis") == null) {
      System.setProperty("sun.net.httpserver.timerMillis", "250");
    }
    try {
      HttpServer server = HttpServer.create(address, 64);
      ExecutorService pool =
          Executors.newFixedThreadPool(
              Math.max(1, threads),
              r -> {
                Thread t = new Thread(r, "imagenetx-serve");
                t.setDaemon(true);
                return t;
              });
      ExplorerServer s = new ExplorerServer(engine, server, pool, images, limits);
      server.createContext("/", s::handle);
      server.setExecutor(pool);
      server.start();
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + address + ": " + e.getMessage(), e);
    }
  }

  /**
   * @return the port listened on
   */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * @return the page's URL
   */
  public String url() {
    InetSocketAddress a = server.getAddress();
    String host =
        a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
    return "http://" + host + ":" + a.getPort() + "/";
  }

  @Override
  public void close() {
    for (Cancellation c : running) {
      c.cancel("the explorer is shutting down");
    }
    server.stop(0);
    pool.shutdownNow();
  }

  /**
   * @return API answers stopped by their deadline or by the server closing, so far
   */
  long cancelledAnswers() {
    return cancelledAnswers.get();
  }

  /**
   * @return API requests refused because their client had too many in the handlers, so far
   */
  long refusedForClient() {
    return refusedForClient.get();
  }

  private static byte[] resource(String name) {
    try (InputStream in = ExplorerServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing page resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      try {
        String protocol = ex.getProtocol();
        if (!protocol.equals("HTTP/1.1") && !protocol.equals("HTTP/1.0")) {
          ex.getResponseHeaders().set("Connection", "close");
          error(
              ex, 505, "HTTP version " + Printable.escape(protocol) + " not supported (1.0, 1.1)");
          return;
        }
        String method = ex.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
          ex.getResponseHeaders().set("Allow", "GET, HEAD");
          error(ex, 405, "method " + method + " not allowed: the explorer is read-only");
          return;
        }
        if (!hostAllowed(ex)) {
          error(ex, 403, "unexpected Host header; open the page at " + url());
          return;
        }
        String path = ex.getRequestURI().getRawPath();
        String[] file = STATIC.get(path);
        if (file != null) {
          send(ex, 200, file[1], files.get(file[0]));
          return;
        }
        if (path.startsWith("/image/")) {
          image(ex, path.substring("/image/".length()));
          return;
        }
        if (path.startsWith("/api/")) {
          String refused = crossOrigin(ex);
          if (refused != null) {
            error(ex, 403, refused);
            return;
          }
          Map<String, String> params = params(ex.getRequestURI().getRawQuery());
          java.net.InetAddress client = ex.getRemoteAddress().getAddress();
          var count =
              perClient.computeIfAbsent(
                  client, k -> new java.util.concurrent.atomic.AtomicInteger());
          try {
            if (count.incrementAndGet() > limits.perClient()
                && (limits.loopbackToo() || !client.isLoopbackAddress())) {
              refusedForClient.incrementAndGet();
              ex.getResponseHeaders().set("Retry-After", "1");
              error(
                  ex,
                  429,
                  "too many requests at once from "
                      + client.getHostAddress()
                      + " (at most "
                      + limits.perClient()
                      + "); try again");
              return;
            }
            onApiRequest.run();
            api(ex, path, params);
          } finally {
            count.decrementAndGet();
          }
          return;
        }
        error(ex, 404, "no such page: " + path);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        error(ex, 503, "the explorer is shutting down");
      } catch (QueryException e) {
        error(ex, e.getMessage().startsWith("unknown model") ? 404 : 400, e.getMessage());
      } catch (BadInputException e) {
        error(ex, 400, e.getMessage());
      } catch (RuntimeException e) {
        error(
            ex,
            500,
            "internal error while answering ("
                + e.getClass().getSimpleName()
                + "); see the server log");
        System.err.println("imagenetx serve: internal error on " + ex.getRequestURI() + ": " + e);
      }
    }
  }

  /** One API answer: a compute slot, then the computation under its deadline. */
  private void api(HttpExchange ex, String path, Map<String, String> params)
      throws IOException, InterruptedException {
    byte[] body;
    if (!computeSlots.tryAcquire(COMPUTE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
      ex.getResponseHeaders().set("Retry-After", "1");
      error(ex, 503, "the explorer is busy: every compute slot stayed taken; try again");
      return;
    }
    try (Cancellation c = Cancellation.start(limits.computeDeadlineMillis())) {
      running.add(c);
      try {
        body =
            path.equals("/api/matrix")
                ? matrix(type(params))
                : Json.bytes(api(path.substring(5), params));
      } catch (Cancellation.Cancelled e) {
        cancelledAnswers.incrementAndGet();
        error(ex, 503, e.getMessage());
        return;
      } finally {
        running.remove(c);
      }
    } finally {
      computeSlots.release();
    }
    send(ex, 200, "application/json; charset=utf-8", body);
  }

  /**
   * One validation image, by its exact file name (the raw path segment, never decoded): anything
   * else, or a file outside the directory, is a 404.
   */
  private void image(HttpExchange ex, String name) throws IOException {
    if (images == null) {
      error(ex, 404, "no images: start serve with --imagenet <dir of ILSVRC2012 val JPEGs>");
      return;
    }
    if (!ImageFiles.isValidationName(name)) {
      error(ex, 404, "not an ImageNet validation file name");
      return;
    }
    var dataset = engine.session().dataset();
    int position = dataset.index().lookup(name);
    String wnid = position < 0 ? null : dataset.classNames().wnid(dataset.index().label(position));
    var file = images.resolve(name, wnid);
    if (file.isEmpty()) {
      error(ex, 404, "no such image under the --imagenet directory");
      return;
    }
    byte[] body;
    try {
      body = Files.readAllBytes(file.get());
    } catch (IOException e) {
      error(ex, 404, "cannot read the image");
      return;
    }
    send(ex, 200, "image/jpeg", body);
  }

  private byte[] matrix(ErrorType type) {
    List<String> models = engine.session().models();
    Object[] cached = matrixJson.get(type);
    if (cached != null && cached[0] == models) {
      return (byte[]) cached[1];
    }
    byte[] json = Json.bytes(engine.matrix(type));
    matrixJson.put(type, new Object[] {models, json});
    return json;
  }

  private boolean hostAllowed(HttpExchange ex) {
    if (!server.getAddress().getAddress().isLoopbackAddress()) {
      return true;
    }
    String host = ex.getRequestHeaders().getFirst("Host");
    if (host == null) {
      return true;
    }
    String h = host.toLowerCase(Locale.ROOT);
    int port = port();
    return h.equals("127.0.0.1:" + port)
        || h.equals("localhost:" + port)
        || h.equals("[::1]:" + port);
  }

  /**
   * Same-origin only for the API: a page from any other site the user has open could otherwise send
   * requests blind (a GET needs no CORS preflight), e.g. an expensive query per second. Browsers
   * send {@code Sec-Fetch-Site} on every request and {@code Origin} on cross-origin ones; scripts
   * and command-line clients send neither and are let through, as the Host check already limits
   * them to this machine.
   *
   * @return why the request is refused, or null
   */
  private String crossOrigin(HttpExchange ex) {
    String site = ex.getRequestHeaders().getFirst("Sec-Fetch-Site");
    if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
      return "cross-site request refused (Sec-Fetch-Site: "
          + site
          + "); the API answers the explorer's own page only";
    }
    String origin = ex.getRequestHeaders().getFirst("Origin");
    if (origin != null && !sameOrigin(ex, origin)) {
      return "cross-origin request refused (Origin: "
          + Printable.escape(origin)
          + "); the API answers the explorer's own page only";
    }
    return null;
  }

  /** The page's origin is the scheme and the Host it was reached at (checked by hostAllowed). */
  private static boolean sameOrigin(HttpExchange ex, String origin) {
    String host = ex.getRequestHeaders().getFirst("Host");
    return host != null && origin.equalsIgnoreCase("http://" + host);
  }

  private Object api(String endpoint, Map<String, String> p) {
    switch (endpoint) {
      case "info":
        {
          Map<String, Object> info = new LinkedHashMap<>();
          info.put("zoo", engine.session().zoo().name());
          info.put(
              "synthetic",
              engine.session().dataset().synthetic() || engine.session().zoo().synthetic());
          info.put("selection", engine.session().selection().key());
          List<String> types = new ArrayList<>();
          engine.session().types().forEach(t -> types.add(t.key()));
          info.put("error_types", types);
          info.put("factors", List.of(Factor.columns()));
          info.put("models", engine.session().models().size());
          info.put("groups", engine.groupSizes());
          info.put("images", images != null);
          info.put(
              "small_cells",
              Map.of("min_images", SmallCells.MIN_IMAGES, "min_errors", SmallCells.MIN_ERRORS));
          return info;
        }
      case "models":
        return engine.models(p.getOrDefault("glob", "*"));
      case "rank":
        return engine.rank(
            new Query.Rank(
                QueryParser.column(required(p, "by")),
                p.containsKey("metric") ? Metric.parse(p.get("metric")) : null,
                type(p),
                p.get("group"),
                QueryParser.top(p.get("top"), 10, "top")));
      case "show":
        return engine.show(required(p, "model"), type(p));
      case "similar":
        {
          String by = p.getOrDefault("by", "spearman");
          if (!by.equals("spearman") && !by.equals("cosine")) {
            throw new QueryException("by must be spearman or cosine, got '" + by + "'");
          }
          return engine.similar(
              new Query.Similar(
                  required(p, "model"),
                  type(p),
                  QueryParser.top(p.get("top"), 10, "top"),
                  by.equals("cosine")));
        }
      case "compare":
        return engine.compare(required(p, "a"), required(p, "b"), type(p));
      case "groups":
        return engine.groups(type(p));
      case "images":
        return engine.images(
            new Query.Images(
                required(p, "expr"),
                QueryParser.models(p.get("models")),
                type(p),
                QueryParser.count(p.get("offset"), 0, "offset"),
                Math.min(MAX_IMAGE_ROWS, QueryParser.count(p.get("limit"), 50, "limit")),
                false));
      case "count":
        return engine.images(new Query.Images(required(p, "expr"), List.of(), type(p), 0, 0, true));
      case "confusions":
        return engine.confusions(
            new Query.Confusions(
                required(p, "expr"),
                required(p, "model"),
                type(p),
                flag(p, "metaclass"),
                QueryParser.top(p.get("top"), 20, "top")));
      case "words":
        {
          TermKind text;
          try {
            text = TermKind.parse(p.getOrDefault("text", "one_word"));
          } catch (IllegalArgumentException e) {
            throw new QueryException(e.getMessage());
          }
          return engine.words(
              new Query.Words(
                  required(p, "expr"),
                  QueryParser.models(required(p, "model")),
                  type(p),
                  text,
                  QueryParser.top(p.get("min_support"), 10, "min_support"),
                  QueryParser.top(p.get("top"), 20, "top")));
        }
      case "cells":
        return engine.cellCounts(required(p, "model"), type(p));
      case "query":
        {
          Query q = QueryParser.parse(required(p, "q"));
          if (q instanceof Query.Add) {
            throw new QueryException(
                "add is not available in the explorer (read-only); use the shell");
          }
          return engine.answer(q);
        }
      default:
        throw new QueryException(
            "no such API endpoint /api/"
                + endpoint
                + " (info, models, matrix, rank, show, similar, compare, groups, images, count,"
                + " confusions, words, cells, query)");
    }
  }

  private static ErrorType type(Map<String, String> p) {
    String t = p.get("error_type");
    return t == null ? ErrorType.CLASS : QueryParser.errorType(t);
  }

  private static boolean flag(Map<String, String> p, String name) {
    String v = p.getOrDefault(name, "false");
    if (!v.equals("true") && !v.equals("false")) {
      throw new QueryException(name + " must be true or false, got '" + v + "'");
    }
    return v.equals("true");
  }

  private static String required(Map<String, String> p, String name) {
    String v = p.get(name);
    if (v == null || v.isEmpty()) {
      throw new QueryException("missing parameter '" + name + "'");
    }
    return v;
  }

  static Map<String, String> params(String rawQuery) {
    Map<String, String> out = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k;
      String v;
      for (int i = pair.indexOf('%'); i >= 0; i = pair.indexOf('%', i + 1)) {
        // URLDecoder reads the two characters after % with Integer.parseInt, which takes a sign:
        // %-1 and %+1 were decoded; only two hex digits are an escape
        if (i + 2 >= pair.length() || !hex(pair.charAt(i + 1)) || !hex(pair.charAt(i + 2))) {
          throw new QueryException(
              "malformed query string: '%' must be followed by two hex digits");
        }
      }
      try {
        k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new QueryException("malformed query string: " + e.getMessage());
      }
      if (out.put(k, v) != null) {
        throw new QueryException("parameter '" + k + "' given twice");
      }
    }
    return out;
  }

  private static boolean hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static void error(HttpExchange ex, int status, String message) throws IOException {
    send(ex, status, "application/json; charset=utf-8", Json.bytes(Map.of("error", message)));
  }

  private static void send(HttpExchange ex, int status, String contentType, byte[] body)
      throws IOException {
    var h = ex.getResponseHeaders();
    h.set("Content-Type", contentType);
    h.set("Content-Security-Policy", CSP);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Referrer-Policy", "no-referrer");
    h.set("Cache-Control", "no-store");
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
