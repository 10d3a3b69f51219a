package org.imagenetx.annotations;

import java.util.Locale;

/** Which annotation file gives the factors: every factor selected, or only the top one. */
public enum FactorSelection {
  /** {@code *_multi_factor.jsonl}: every factor the annotator selected. */
  MULTI,
  /** {@code *_top_factor.jsonl}: exactly one factor, the most salient. */
  TOP;

  /**
   * @return {@code multi} or {@code top}
   */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @return the directory name used in result trees, e.g. {@code multi_factor}
   */
  public String directory() {
    return key() + "_factor";
  }

  /**
   * @param key {@code multi} or {@code top} (also accepts {@code multi_factor})
   * @return the selection
   */
  public static FactorSelection parse(String key) {
    String k = key.trim().toLowerCase(Locale.ROOT);
    if (k.endsWith("_factor")) {
      k = k.substring(0, k.length() - "_factor".length());
    }
    for (FactorSelection s : values()) {
      if (s.key().equals(k)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown factor selection '" + key + "' (use multi or top)");
  }
}
