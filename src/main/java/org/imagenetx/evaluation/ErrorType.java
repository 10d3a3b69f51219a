package org.imagenetx.evaluation;

import java.util.Locale;

/** What counts as a correct prediction (SPEC section 2). */
public enum ErrorType {
  /** The prediction equals the true class. */
  CLASS,
  /** The metaclass (of 17) of the prediction equals that of the true class. */
  METACLASS,
  /** The prediction is in the image's ReaL label set; an empty set makes every prediction wrong. */
  REAL_CLASS;

  /**
   * @return {@code class}, {@code metaclass} or {@code real_class}
   */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param key {@code class}, {@code metaclass} or {@code real_class}
   * @return the error type
   */
  public static ErrorType parse(String key) {
    String k = key.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    for (ErrorType t : values()) {
      if (t.key().equals(k)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown error type '" + key + "' (use class, metaclass or real_class)");
  }
}
