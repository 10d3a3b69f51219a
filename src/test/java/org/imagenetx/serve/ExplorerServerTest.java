package org.imagenetx.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.query.Query;
import org.imagenetx.query.QueryEngine;
import org.imagenetx.query.RealSessions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The explorer's HTTP surface: API answers equal the engine's, mistakes are 4xx, nothing else is
 * reachable.
 */
class ExplorerServerTest {
  private static ExplorerServer server;
  private static QueryEngine engine;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    engine = RealSessions.top();
    server =
        ExplorerServer.start(engine, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(server.url() + pathAndQuery.substring(1))).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void bindsToLoopbackByDefaultAndServesThePageWithAStrictPolicy() throws Exception {
    assertThat(server.url()).startsWith("http://127.0.0.1:");
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'none'");
    assertThat(page.body()).contains("<script src=\"/app.js\"></script>");
    for (String f : new String[] {"/", "/app.js", "/app.css"}) {
      String body = get(f).body();
      // offline: nothing is loaded from anywhere else (the SVG namespace is a name, not a fetch)
      Matcher m =
          Pattern.compile("(https?:)?//[a-zA-Z0-9.-]+\\.[a-z]{2,}")
              .matcher(body.replace("http://www.w3.org/2000/svg", ""));
      assertThat(m.find()).as(f + " references " + (m.hitEnd() ? "" : m.group())).isFalse();
    }
  }

  @Test
  void apiAnswersAreTheEnginesRecordsAsJson() throws Exception {
    HttpResponse<String> show = get("/api/show?model=ViT&error_type=real_class");
    assertThat(show.statusCode()).isEqualTo(200);
    assertThat(show.body())
        .isEqualTo(
            new String(
                Json.bytes(engine.show("ViT", ErrorType.REAL_CLASS)), StandardCharsets.UTF_8));
    double er = engine.show("ViT", ErrorType.REAL_CLASS).factors().get(4).errorRatio().point();
    assertThat(show.body()).contains("\"factor\":\"smaller\"").contains(Double.toString(er));

    assertThat(get("/api/rank?by=Partial%20View&top=2").body())
        .isEqualTo(
            new String(
                Json.bytes(
                    engine.rank(new Query.Rank("partial_view", null, ErrorType.CLASS, null, 2))),
                StandardCharsets.UTF_8));
    assertThat(get("/api/compare?a=ViT&b=DINO").body())
        .isEqualTo(
            new String(
                Json.bytes(engine.compare("ViT", "DINO", ErrorType.CLASS)),
                StandardCharsets.UTF_8));
    assertThat(get("/api/query?q=" + enc("similar ViT --top 2")).body())
        .isEqualTo(
            new String(
                Json.bytes(engine.similar(new Query.Similar("ViT", ErrorType.CLASS, 2, false))),
                StandardCharsets.UTF_8));
    assertThat(get("/api/groups").body()).contains("\"group\":\"Self-supervised\"");
    assertThat(get("/api/matrix?error_type=metaclass").body())
        .startsWith("{\"kind\":\"Matrix\",\"type\":\"metaclass\"");
    assertThat(get("/api/info").body())
        .contains("\"models\":4")
        .contains("\"error_types\":[\"class\",\"metaclass\",\"real_class\"]");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/show?model=nope|404|unknown model 'nope'",
        "/api/show|400|missing parameter 'model'",
        "/api/show?model=ViT&error_type=top5|400|unknown error type 'top5'",
        "/api/rank?by=speed|400|unknown column 'speed'",
        "/api/rank?by=smaller&top=-1|400|top must be at least 1",
        "/api/rank?by=smaller&top=1&top=2|400|parameter 'top' given twice",
        "/api/rank?by=average&metric=error_ratio|400|average has no error ratio",
        "/api/similar?model=ViT&by=euclid|400|by must be spearman or cosine",
        "/api/compare?a=ViT&b=ViT|400|compare needs two different models",
        "/api/query?q=add%20%2Fetc%2Fpasswd|400|add is not available in the explorer (read-only)",
        "/api/query?q=frob|400|unknown command 'frob'",
        "/api/nothing|400|no such API endpoint /api/nothing",
        "/index.html/../../etc/passwd|404|no such page",
        "/%2e%2e/%2e%2e/etc/passwd|404|no such page",
        "/app.js%00.txt|404|no such page",
        "/pom.xml|404|no such page",
      })
  void mistakesAre4xxWithAClearMessageAndNoStackTrace(String path, int status, String message)
      throws Exception {
    String[] r = raw(path, "127.0.0.1:" + server.port());
    assertThat(Integer.parseInt(r[0])).as(path).isEqualTo(status);
    assertThat(r[1])
        .startsWith("{\"error\":")
        .contains(message)
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void malformedUrisAreRejectedByTheHttpLayerWithoutATrace() throws Exception {
    String[] r = raw("/api/show?model=%ZZ", "127.0.0.1:" + server.port());
    assertThat(r[0]).isEqualTo("400");
    assertThat(r[1]).doesNotContain("\tat ");
  }

  @Test
  void onlyReadsAreAllowed() throws Exception {
    for (String method : new String[] {"POST", "PUT", "DELETE"}) {
      HttpResponse<String> r =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(server.url() + "api/show?model=ViT"))
                  .method(method, HttpRequest.BodyPublishers.ofString("x"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(405);
      assertThat(r.body()).contains("read-only");
    }
    HttpResponse<Void> head =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(server.url() + "api/info"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(head.statusCode()).isEqualTo(200);
  }

  @Test
  void foreignHostHeadersAreRefused() throws Exception {
    assertThat(rawStatus("evil.example:" + server.port())).isEqualTo(403);
    assertThat(rawStatus("localhost:" + server.port())).isEqualTo(200);
    assertThat(rawStatus("127.0.0.1:" + server.port())).isEqualTo(200);
  }

  private static int rawStatus(String host) throws IOException {
    return Integer.parseInt(raw("/api/info", host)[0]);
  }

  /** A request written byte for byte (no client-side URI checks): {status, body}. */
  private static String[] raw(String path, String host) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int body = response.indexOf("\r\n\r\n");
      return new String[] {response.substring(9, 12), body < 0 ? "" : response.substring(body + 4)};
    }
  }
}
