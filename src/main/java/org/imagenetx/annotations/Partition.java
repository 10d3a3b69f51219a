package org.imagenetx.annotations;

import java.util.Locale;

/** The ImageNet split an annotation file covers. */
public enum Partition {
  /** The 50,000 validation images (48,868 annotated). */
  VAL,
  /** The 12k annotated training images. */
  TRAIN;

  /**
   * @return {@code val} or {@code train}
   */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param key {@code val} or {@code train}
   * @return the partition
   */
  public static Partition parse(String key) {
    String k = key.trim().toLowerCase(Locale.ROOT);
    for (Partition p : values()) {
      if (p.key().equals(k)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown partition '" + key + "' (use val or train)");
  }
}
