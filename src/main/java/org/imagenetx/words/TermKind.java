package org.imagenetx.words;

import java.util.Locale;

/** Which of the annotators' texts a word table or a text atom reads. */
public enum TermKind {
  /**
   * The {@code one_word} description as a whole term, normalised: lower case, surrounding
   * whitespace removed, inner runs of whitespace as one space ({@code "Top View "} → {@code "top
   * view"}).
   */
  ONE_WORD,
  /**
   * The tokens of the free-text {@code justification}: lower-cased maximal runs of letters and
   * digits (Unicode, so {@code kromfohrländer} is one token). Word tables skip stop words and
   * one-character tokens ({@link WordIndex#isStopWord}).
   */
  JUSTIFICATION;

  /**
   * @return {@code one_word} or {@code justification}
   */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param key {@code one_word} or {@code justification} (dashes and spaces accepted)
   * @return the kind
   * @throws IllegalArgumentException naming the valid keys
   */
  public static TermKind parse(String key) {
    String k = key.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (TermKind t : values()) {
      if (t.key().equals(k)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown text '" + key + "' (use one_word or justification)");
  }
}
