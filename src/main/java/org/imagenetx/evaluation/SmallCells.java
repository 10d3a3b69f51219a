package org.imagenetx.evaluation;

/**
 * The one rule for cells too small to read: a cell (images of one factor, metaclass or class, for
 * one model) with fewer than {@value #MIN_IMAGES} images or fewer than {@value #MIN_ERRORS} errors
 * gives ratios of a handful of images (0.0000, 1.0000, 13.38) whose intervals under-cover. Every
 * table can show the cell's image count; text output flags small cells, figures and the explorer
 * grey or hatch them. The statistics documentation gives the measured coverage by cell size.
 */
public final class SmallCells {
  /** Fewest images a cell needs to be read without a flag. */
  public static final int MIN_IMAGES = 30;

  /** Fewest errors a cell needs to be read without a flag. */
  public static final int MIN_ERRORS = 5;

  /** The flag text output appends to a small cell's value. */
  public static final String FLAG = "*";

  /** The sentence a table or figure with flagged cells carries. */
  public static final String NOTE =
      "* small cell: fewer than " + MIN_IMAGES + " images or " + MIN_ERRORS + " errors";

  private SmallCells() {}

  /**
   * @param images images in the cell
   * @param errors errors in the cell
   * @return whether the cell is too small to read without a flag
   */
  public static boolean isSmall(long images, long errors) {
    return images < MIN_IMAGES || errors < MIN_ERRORS;
  }
}
