package org.imagenetx.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.imagenetx.query.QueryException;
import org.junit.jupiter.api.Test;

/** The explorer's query strings: only %XX with two hex digits is an escape (found by fuzzing). */
class QueryStringTest {
  @Test
  void signedEscapesThatUrlDecoderTookAreRefused() {
    for (String bad : new String[] {"a=%-1", "a=%+1", "a=%zz", "a=%4", "%", "b=1&a=%"}) {
      assertThatThrownBy(() -> ExplorerServer.params(bad))
          .as(bad)
          .isInstanceOf(QueryException.class)
          .hasMessage("malformed query string: '%' must be followed by two hex digits");
    }
    assertThat(ExplorerServer.params("a=%C3%A9+b&c=%2b&d"))
        .isEqualTo(Map.of("a", "é b", "c", "+", "d", ""));
  }
}
