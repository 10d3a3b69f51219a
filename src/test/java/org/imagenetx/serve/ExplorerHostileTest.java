package org.imagenetx.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.imagenetx.query.QueryEngine;
import org.imagenetx.query.RealSessions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 2 and 3: the explorer beside hostile clients. Expensive globs are cheap or
 * refused, other sites' pages are refused, and half-open connections neither starve other requests
 * nor stay open. Timeouts here are hang guards only (30 s); latency is measured by {@link
 * ExplorerHostileLoad}.
 */
class ExplorerHostileTest {
  private static ExplorerServer server;
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

  @BeforeAll
  static void start() {
    QueryEngine engine = RealSessions.top();
    server =
        ExplorerServer.start(
            engine,
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            ExplorerServer.DEFAULT_REQUEST_THREADS);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<String> get(String pathAndQuery, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.url() + pathAndQuery.substring(1)))
            .timeout(Duration.ofSeconds(30));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return CLIENT.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void nineStarGlobIsAnsweredAndAnOverlongOneRefused() throws Exception {
    HttpResponse<String> none = get("/api/models?glob=" + "*a".repeat(9) + "*zz");
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.body()).startsWith("{\"error\":\"no model in group");
    HttpResponse<String> some = get("/api/models?glob=" + "*".repeat(9) + "V*i*T*");
    assertThat(some.statusCode()).isEqualTo(200);
    assertThat(some.body()).contains("\"ViT\"").doesNotContain("DINO");
    HttpResponse<String> rank = get("/api/rank?by=smaller&group=" + "*?".repeat(3) + "*".repeat(6));
    assertThat(rank.statusCode()).as(rank.body()).isEqualTo(200);
    HttpResponse<String> longOne = get("/api/models?glob=" + "*".repeat(300));
    assertThat(longOne.statusCode()).isEqualTo(400);
    assertThat(longOne.body()).contains("longer than 256");
  }

  @Test
  void otherSitesPagesAreRefusedSameOriginAndScriptsAreNot() throws Exception {
    String self = "http://127.0.0.1:" + server.port();
    HttpResponse<String> evil = get("/api/info", "Origin", "https://evil.example");
    assertThat(evil.statusCode()).isEqualTo(403);
    assertThat(evil.body()).startsWith("{\"error\":\"cross-origin request refused");
    HttpResponse<String> crossSite = get("/api/info", "Sec-Fetch-Site", "cross-site");
    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(get("/api/info", "Sec-Fetch-Site", "same-site").statusCode()).isEqualTo(403);
    assertThat(get("/api/info", "Origin", "null").statusCode()).isEqualTo(403);
    assertThat(get("/api/info", "Origin", self, "Sec-Fetch-Site", "same-origin").statusCode())
        .isEqualTo(200);
    assertThat(get("/api/info").statusCode()).isEqualTo(200);
    // navigating to the page from elsewhere is fine: only the API is same-origin only
    assertThat(get("/", "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(200);
  }

  @Test
  void halfOpenConnectionsDoNotStarveOthersAndAreCutOff() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
        s.getOutputStream()
            .write(
                ("GET /api/info HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nX-Slow: ")
                    .getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        slow.add(s);
      }
      int ok = 0;
      for (int i = 0; i < 100; i++) {
        HttpResponse<String> r = get(i % 2 == 0 ? "/api/info" : "/api/show?model=ViT");
        assertThat(r.statusCode()).isEqualTo(200);
        ok++;
      }
      assertThat(ok).isEqualTo(100);
      // the server closes each half-open connection after the header timeout
      for (Socket s : slow) {
        s.setSoTimeout(30_000);
        InputStream in = s.getInputStream();
        byte[] rest = in.readAllBytes();
        assertThat(new String(rest, StandardCharsets.ISO_8859_1)).doesNotContain("200 OK");
      }
    } finally {
      for (Socket s : slow) {
        s.close();
      }
    }
  }

  @Test
  void badVersionsAndEscapesGetAnAnswerWithoutATrace() throws Exception {
    String bad = raw("GET /api/info HTTP/9.9\r\nHost: 127.0.0.1:" + server.port() + "\r\n\r\n");
    assertThat(bad)
        .startsWith("HTTP/1.1 505")
        .contains("{\"error\":\"HTTP version HTTP/9.9 not supported")
        .doesNotContain("Exception")
        .doesNotContain("at org.");
    String esc =
        raw("GET /api/show?model=%zz HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n\r\n");
    // the JDK server rejects a URI it cannot parse before any handler runs: a 400, closed
    assertThat(esc).startsWith("HTTP/1.1 400").doesNotContain("at org.");
  }

  /** Sends bytes, reads the answer until the server closes or 30 s pass. */
  private static String raw(String request) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      s.shutdownOutput();
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
