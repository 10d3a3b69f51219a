package org.imagenetx.images;

import java.util.Locale;

/**
 * How an image's original ImageNet label relates to its ReaL label set (Beyer et al. 2020, "Are we
 * done with ImageNet?"), the atoms {@code real:agrees}, {@code real:disagrees}, {@code real:empty}
 * and {@code real:multiple}.
 */
public enum RealAgreement {
  /** The original label is in the ReaL set. */
  AGREES,
  /** The ReaL set is not empty and lacks the original label. */
  DISAGREES,
  /**
   * The ReaL set is empty: the raters accepted no label (every prediction is a real_class error).
   */
  EMPTY,
  /** The ReaL set holds more than one label. */
  MULTIPLE;

  /**
   * @return the atom's value, e.g. {@code agrees}
   */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
