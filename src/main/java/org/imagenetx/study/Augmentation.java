package org.imagenetx.study;

import java.util.Locale;

/**
 * The augmentations swept in the study and how the published study turns a model name into an
 * augmentation strength (larger = stronger augmentation).
 */
public enum Augmentation {
  /**
   * Random-resized crop; the name's {@code crop} value is the minimum crop scale in percent, so
   * strength = 100 − crop (crop 8 → strength 92: crops as small as 8% of the image).
   */
  CROP("crop", "crop"),
  /** Colour jitter; strength = the name's {@code color} value. */
  COLOR_JITTER("colorjitter", "color"),
  /** Gaussian blur; strength = the name's {@code smoothing} value. */
  GAUSSIAN_BLUR("gaussian_blur", "smoothing");

  private final String zoo;
  private final String param;

  Augmentation(String zoo, String param) {
    this.zoo = zoo;
    this.param = param;
  }

  /**
   * @return the zoo (results folder) of the sweep, e.g. {@code gaussian_blur}
   */
  public String zoo() {
    return zoo;
  }

  /**
   * @return the name parameter the strength comes from
   */
  public String param() {
    return param;
  }

  /**
   * @return short key, e.g. {@code crop}, {@code colorjitter}, {@code gaussian_blur}
   */
  public String key() {
    return zoo;
  }

  /**
   * @param model a parsed sweep model
   * @return its augmentation strength (NaN when the name lacks the parameter)
   */
  public double strength(AugmentationModel model) {
    double v = model.param(param);
    return this == CROP ? 100 - v : v;
  }

  /**
   * @param text a key ({@code crop}, {@code colorjitter}/{@code color}, {@code
   *     gaussian_blur}/{@code blur})
   * @return the augmentation
   */
  public static Augmentation parse(String text) {
    String k = text.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    switch (k) {
      case "crop":
        return CROP;
      case "colorjitter":
      case "color":
      case "color_jitter":
        return COLOR_JITTER;
      case "gaussian_blur":
      case "blur":
        return GAUSSIAN_BLUR;
      default:
        throw new IllegalArgumentException(
            "unknown augmentation '" + text + "' (crop, colorjitter, gaussian_blur)");
    }
  }
}
