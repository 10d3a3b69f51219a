package org.imagenetx.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.imagenetx.annotations.Factor;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.query.BootstrapIntervals;
import org.imagenetx.query.Query;
import org.imagenetx.query.QueryEngine;
import org.imagenetx.query.QueryResult;
import org.imagenetx.query.RealSessions;
import org.imagenetx.report.Format;
import org.imagenetx.report.QueryTables;
import org.imagenetx.report.ReportTable;
import org.imagenetx.resampling.ZooBootstrap;
import org.junit.jupiter.api.Test;

/**
 * The JSON API speaks the CLI's vocabulary: the keys of every row object of an answer are the
 * columns of the table the shell and {@code imagenetx query --format csv} print for it. Two
 * mechanical rules, both stated in {@link Json}: every object also carries {@code kind} (its
 * record's name), and a 16-value array holds the 16 factor columns.
 */
class JsonColumnsTest {
  @Test
  void rowKeysAreTheCsvHeaders() throws IOException {
    QueryEngine points = RealSessions.top();
    QueryEngine intervals =
        new QueryEngine(points.session(), new BootstrapIntervals(ZooBootstrap.Settings.defaults()));
    for (QueryEngine e : List.of(points, intervals)) {
      check(e.rank(new Query.Rank("smaller", null, ErrorType.CLASS, null, 3)), "rows", 0);
      check(e.rank(new Query.Rank("average", null, ErrorType.CLASS, null, 3)), "rows", 0);
      check(e.rank(new Query.Rank("worst_factor", null, ErrorType.CLASS, null, 3)), "rows", 0);
      check(e.show("ViT", ErrorType.CLASS), "factors", 0);
      check(e.show("ViT", ErrorType.CLASS), "metaclasses", 1);
    }
    check(points.similar(new Query.Similar("ViT", ErrorType.CLASS, 2, false)), "rows", 0);
    check(points.compare("ViT", "DINO", ErrorType.CLASS), "rows", 0);
    check(points.groups(ErrorType.CLASS), "rows", 0);
    assertThat(new String(Json.bytes(points.compare("ViT", "DINO", ErrorType.CLASS))))
        .contains("\"only_a_wrong\":")
        .contains("\"p_exact\":")
        .contains("\"er_diff_lower\":")
        .doesNotContain("onlyAWrong")
        .doesNotContain("pValue");
  }

  @Test
  void snakeCaseOfComponentNames() {
    assertThat(Json.snakeCase("onlyAWrong")).isEqualTo("only_a_wrong");
    assertThat(Json.snakeCase("worst100Classes")).isEqualTo("worst_100_classes");
    assertThat(Json.snakeCase("errorRatioA")).isEqualTo("error_ratio_a");
    assertThat(Json.snakeCase("pBh")).isEqualTo("p_bh");
  }

  private static void check(QueryResult result, String arrayField, int table) throws IOException {
    ReportTable t = QueryTables.of(result).get(table);
    List<String> csvHeader =
        List.of(t.render(Format.CSV, 4).lines().findFirst().orElseThrow().split(","));
    List<Set<String>> rows = rowKeys(Json.bytes(result), arrayField);
    assertThat(rows).as("%s %s", result.getClass().getSimpleName(), arrayField).isNotEmpty();
    for (Set<String> keys : rows) {
      assertThat(keys)
          .as("%s %s", result.getClass().getSimpleName(), arrayField)
          .containsExactlyInAnyOrderElementsOf(csvHeader);
    }
  }

  /** Keys of each object of the top-level array {@code field}; 16-value arrays become factors. */
  private static List<Set<String>> rowKeys(byte[] json, String field) throws IOException {
    List<Set<String>> out = new ArrayList<>();
    try (JsonParser p = new JsonFactory().createParser(json)) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.getCurrentName();
        p.nextToken();
        if (!name.equals(field)) {
          p.skipChildren();
          continue;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
          Set<String> keys = new LinkedHashSet<>();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.getCurrentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_ARRAY) {
              int n = 0;
              while (p.nextToken() != JsonToken.END_ARRAY) {
                n++;
              }
              assertThat(n).as(key).isEqualTo(Factor.COUNT);
              keys.addAll(List.of(Factor.columns()));
            } else if (!key.equals("kind")) {
              p.skipChildren();
              keys.add(key);
            }
          }
          out.add(keys);
        }
      }
    }
    return out;
  }
}
