package org.imagenetx.report;

import java.util.Locale;

/** Output formats of every table the tool prints. */
public enum Format {
  /** Aligned columns for a terminal. */
  TABLE,
  /** Comma-separated, full precision (Python repr), empty cell for undefined. */
  CSV,
  /** GitHub-flavoured Markdown. */
  MARKDOWN,
  /** A JSON array of objects, full precision, null for undefined. */
  JSON,
  /** A LaTeX tabular. */
  LATEX;

  /**
   * @param key format name, case-insensitive ({@code md} is accepted for markdown)
   * @return the format
   */
  public static Format parse(String key) {
    String k = key.trim().toUpperCase(Locale.ROOT);
    if (k.equals("MD")) {
      return MARKDOWN;
    }
    if (k.equals("TEX")) {
      return LATEX;
    }
    return Format.valueOf(k);
  }
}
