package org.imagenetx.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.images.ImageFiles;
import org.imagenetx.query.Query;
import org.imagenetx.query.QueryEngine;
import org.imagenetx.query.RealSessions;
import org.imagenetx.report.Format;
import org.imagenetx.report.QueryTables;
import org.imagenetx.report.ReportTable;
import org.imagenetx.words.TermKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drill-down's JSON API (listing, count, confusions, words, small-cell counts) answers with the
 * engine's objects in the CLI's columns, and {@code /image/} serves only validation file names
 * inside the {@code --imagenet} directory.
 */
class ExplorerImagesTest {
  @TempDir static Path tmp;
  private static ExplorerServer server;
  private static QueryEngine engine;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static String flat;
  private static String byClass;
  private static String linked;
  private static byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2, 3};

  @BeforeAll
  static void start() throws IOException {
    engine = RealSessions.top();
    var index = engine.session().dataset().index();
    var names = engine.session().dataset().classNames();
    Path root = Files.createDirectories(tmp.resolve("val"));
    Files.writeString(tmp.resolve("secret.txt"), "secret");
    flat = index.fileName(0);
    Files.write(root.resolve(flat), jpeg);
    byClass = index.fileName(1);
    Path dir = Files.createDirectories(root.resolve(names.wnid(index.label(1))));
    Files.write(dir.resolve(byClass), jpeg);
    linked = index.fileName(2);
    Files.write(tmp.resolve(linked), jpeg);
    Files.createSymbolicLink(root.resolve(linked), tmp.resolve(linked));
    server =
        ExplorerServer.start(
            engine,
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            2,
            ImageFiles.of(root));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<byte[]> get(String rawPath) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(server.url() + rawPath.substring(1))).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void thumbnailsOnlyForValidationNamesInsideTheDirectory() throws Exception {
    HttpResponse<byte[]> ok = get("/image/" + flat);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(ok.body()).isEqualTo(jpeg);
    assertThat(get("/image/" + byClass).body()).isEqualTo(jpeg); // <wnid>/<name> layout
    for (String bad :
        List.of(
            "/image/" + linked, // a symbolic link out of the tree
            "/image/..%2Fsecret.txt",
            "/image/%2e%2e%2fsecret.txt",
            "/image/" + flat + "%2F..%2F..%2Fsecret.txt",
            "/image/" + flat.replace("JPEG", "jpeg"),
            "/image/" + flat.replace("_val_", "_val_0"),
            "/image/%49LSVRC2012_val_00000001.JPEG",
            "/image/secret.txt")) {
      HttpResponse<byte[]> r = get(bad);
      assertThat(r.statusCode()).as(bad).isEqualTo(404);
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(bad).doesNotContain("secret\"");
    }
    // raw, un-normalised dot segments
    try (var socket = new java.net.Socket(InetAddress.getLoopbackAddress(), server.port())) {
      socket
          .getOutputStream()
          .write(
              ("GET /image/../../secret.txt HTTP/1.1\r\nHost: 127.0.0.1:"
                      + server.port()
                      + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 404").doesNotContain("\r\n\r\nsecret");
    }
  }

  @Test
  void listingCountConfusionsAndWordsAreTheCliTables() throws Exception {
    String expr = "texture and wrong:ViT and right:ResNet50";
    var page = engine.images(new Query.Images(expr, List.of(), ErrorType.CLASS, 2, 5, false));
    check("/api/images?expr=" + enc(expr) + "&offset=2&limit=5", QueryTables.images(page));
    String count = body("/api/count?expr=" + enc(expr));
    assertThat(count).contains("\"count\":" + page.set().count()).doesNotContain("\"rows\"");
    var c = engine.confusions(new Query.Confusions("texture", "ViT", ErrorType.CLASS, false, 4));
    check("/api/confusions?expr=texture&model=ViT&top=4", QueryTables.confusions(c));
    var m = engine.confusions(new Query.Confusions("texture", "ViT", ErrorType.CLASS, true, 4));
    check("/api/confusions?expr=texture&model=ViT&top=4&metaclass=true", QueryTables.confusions(m));
    var w =
        engine.words(
            new Query.Words(
                "pose", List.of("ViT"), ErrorType.CLASS, TermKind.JUSTIFICATION, 10, 6));
    check("/api/words?expr=pose&model=ViT&text=justification&top=6", QueryTables.words(w));
  }

  @Test
  void mistakesAre4xxWithTheColumn() throws Exception {
    HttpResponse<byte[]> r = get("/api/images?expr=" + enc("texture and textur"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(new String(r.body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"error\":\"at 13: unknown factor 'textur' (did you mean texture?)\"}");
    assertThat(get("/api/confusions?expr=texture&model=Nope").statusCode()).isEqualTo(404);
    assertThat(get("/api/words?expr=texture").statusCode()).isEqualTo(400);
    assertThat(get("/api/images?expr=texture&limit=-3").statusCode()).isEqualTo(400);
    assertThat(get("/api/confusions?expr=texture&model=ViT&metaclass=yes").statusCode())
        .isEqualTo(400);
  }

  @Test
  void cellCountsAddUpToTheModelsAnswers() throws Exception {
    var cells = engine.cellCounts("ViT", ErrorType.CLASS);
    var sets = engine.imageSets(ErrorType.CLASS);
    int id = sets.modelId("ViT");
    int texture = org.imagenetx.annotations.Factor.TEXTURE.ordinal();
    assertThat(cells.images()[texture]).isEqualTo(sets.count("texture"));
    assertThat(cells.errors()[texture]).isEqualTo(sets.count("texture and wrong:ViT"));
    int all = 0;
    for (int[] row : cells.metaclassImages()) {
      all += row[0];
    }
    assertThat(all).isEqualTo(sets.universe().getCardinality());
    assertThat(cells.metaclassErrors()[0][0])
        .isEqualTo(
            sets.count(
                "metaclass:"
                    + org.imagenetx.annotations.Metaclasses.NAMES.get(0)
                    + " and wrong:ViT"));
    assertThat(sets.wrong(id, ErrorType.CLASS).getCardinality()).isPositive();
    assertThat(body("/api/cells?model=ViT"))
        .contains("\"images\":[")
        .contains("\"metaclass_errors\":[[");
  }

  private static String body(String path) throws Exception {
    HttpResponse<byte[]> r = get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  /** The JSON rows equal the table's CSV rows, column for column, number for number. */
  private static void check(String path, ReportTable table) throws Exception {
    List<Map<String, String>> rows = rows(body(path).getBytes(StandardCharsets.UTF_8));
    List<String> csv = table.render(Format.CSV, 4).lines().toList();
    assertThat(rows).as(path).hasSize(csv.size() - 1).isNotEmpty();
    for (Map<String, String> row : rows) {
      assertThat(new ArrayList<>(row.keySet())).as(path).isEqualTo(table.columns());
    }
    for (int i = 0; i < rows.size(); i++) {
      Object[] cells = table.rows().get(i);
      for (int j = 0; j < cells.length; j++) {
        String json = rows.get(i).get(table.columns().get(j));
        Object v = cells[j];
        if (v instanceof Double d) {
          assertThat(Double.parseDouble(json)).as(path).isEqualTo(d);
        } else if (v instanceof Number n && !(v instanceof Double)) {
          assertThat(Double.parseDouble(json)).as(path).isEqualTo(n.doubleValue());
        } else {
          assertThat(json).as(path).isEqualTo(v == null ? null : String.valueOf(v));
        }
      }
    }
  }

  private static List<Map<String, String>> rows(byte[] json) throws IOException {
    List<Map<String, String>> out = new ArrayList<>();
    try (JsonParser p = new JsonFactory().createParser(json)) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.getCurrentName();
        p.nextToken();
        if (!name.equals("rows")) {
          p.skipChildren();
          continue;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
          Map<String, String> row = new LinkedHashMap<>();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.getCurrentName();
            JsonToken t = p.nextToken();
            row.put(key, t == JsonToken.VALUE_NULL ? null : p.getText());
          }
          out.add(row);
        }
      }
    }
    return out;
  }
}
