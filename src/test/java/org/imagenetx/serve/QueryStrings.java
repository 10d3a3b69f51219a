package org.imagenetx.serve;

import java.util.Map;

/** The explorer's query-string parser, reached from the fuzz suite (test-only access). */
public final class QueryStrings {
  private QueryStrings() {}

  /**
   * @param raw a raw query string
   * @return its parameters
   */
  public static Map<String, String> params(String raw) {
    return ExplorerServer.params(raw);
  }
}
