package org.imagenetx.figures;

import java.awt.Color;
import java.util.List;

/**
 * The one palette of every figure: Okabe &amp; Ito's eight colours (2008, "Color universal
 * design"), distinguishable under the common colour-vision deficiencies. Series take the colours in
 * order; black is last because it is also the colour of reference lines. Heatmaps use a diverging
 * scale between the palette's blue and vermillion through white, which stays readable in grey
 * scale.
 */
public final class Palette {
  /** Okabe–Ito orange. */
  public static final Color ORANGE = new Color(0xE6, 0x9F, 0x00);

  /** Okabe–Ito sky blue. */
  public static final Color SKY_BLUE = new Color(0x56, 0xB4, 0xE9);

  /** Okabe–Ito bluish green. */
  public static final Color BLUISH_GREEN = new Color(0x00, 0x9E, 0x73);

  /** Okabe–Ito yellow. */
  public static final Color YELLOW = new Color(0xF0, 0xE4, 0x42);

  /** Okabe–Ito blue. */
  public static final Color BLUE = new Color(0x00, 0x72, 0xB2);

  /** Okabe–Ito vermillion. */
  public static final Color VERMILLION = new Color(0xD5, 0x5E, 0x00);

  /** Okabe–Ito reddish purple. */
  public static final Color REDDISH_PURPLE = new Color(0xCC, 0x79, 0xA7);

  /** Okabe–Ito black. */
  public static final Color BLACK = Color.BLACK;

  /** Series colours, in the order series take them (yellow last among colours: weak on white). */
  public static final List<Color> SERIES =
      List.of(BLUE, ORANGE, BLUISH_GREEN, VERMILLION, REDDISH_PURPLE, SKY_BLUE, YELLOW, BLACK);

  /** Fill of masked (non-significant or undefined) heatmap cells. */
  public static final Color MASKED = new Color(0xE6, 0xE6, 0xE6);

  /** Footer text (the provenance line): dark grey, readable but quieter than the data. */
  public static final Color FOOTER = new Color(0x44, 0x44, 0x44);

  private Palette() {}

  /**
   * @param series 0-based series index
   * @return its colour (cycling after eight series)
   */
  public static Color series(int series) {
    return SERIES.get(Math.floorMod(series, SERIES.size()));
  }

  /**
   * The published comparison figure draws non-significant bars faded; blending towards white keeps
   * the hue (the series stays identifiable) while reading clearly as "weaker".
   *
   * @param c a colour
   * @return the colour blended 65% towards white
   */
  public static Color faded(Color c) {
    return blend(c, Color.WHITE, 0.65);
  }

  /**
   * Diverging scale: {@code t = -1} blue, {@code 0} white, {@code +1} vermillion (clamped).
   *
   * @param t position in [-1, 1]
   * @return the colour
   */
  public static Color diverging(double t) {
    if (Double.isNaN(t)) {
      return MASKED;
    }
    double c = Math.max(-1, Math.min(1, t));
    return c < 0 ? blend(Color.WHITE, BLUE, -c) : blend(Color.WHITE, VERMILLION, c);
  }

  static Color blend(Color a, Color b, double t) {
    return new Color(
        (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
        (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
        (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
  }
}
