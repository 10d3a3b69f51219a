package org.imagenetx.annotations;

import java.util.Locale;

/**
 * The 16 ImageNet-X factors of variation, in the canonical column order of the upstream tables.
 * {@link #ordinal()} is the factor's column index everywhere in the engine.
 */
public enum Factor {
  POSE,
  BACKGROUND,
  PATTERN,
  COLOR,
  SMALLER,
  SHAPE,
  PARTIAL_VIEW,
  SUBCATEGORY,
  TEXTURE,
  LARGER,
  DARKER,
  OBJECT_BLOCKING,
  PERSON_BLOCKING,
  STYLE,
  BRIGHTER,
  MULTIPLE_OBJECTS;

  /** Number of factors (16). */
  public static final int COUNT = 16;

  private static final Factor[] VALUES = values();

  /**
   * @return the column name used by the upstream files, e.g. {@code partial_view}
   */
  public String column() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @return the name for people, e.g. {@code partial view}
   */
  public String label() {
    return column().replace('_', ' ');
  }

  /**
   * @param index 0..15
   * @return the factor at that canonical position
   */
  public static Factor of(int index) {
    return VALUES[index];
  }

  /**
   * @param column a column name such as {@code object_blocking} (case-insensitive; spaces and
   *     dashes are accepted for underscores)
   * @return the factor
   * @throws IllegalArgumentException naming the valid factors when unknown
   */
  public static Factor fromColumn(String column) {
    String key = column.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    for (Factor f : VALUES) {
      if (f.name().equals(key)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown factor '" + column + "' (factors: " + String.join(", ", columns()) + ")");
  }

  /**
   * @return the 16 column names in canonical order
   */
  public static String[] columns() {
    String[] out = new String[COUNT];
    for (int i = 0; i < COUNT; i++) {
      out[i] = VALUES[i].column();
    }
    return out;
  }
}
