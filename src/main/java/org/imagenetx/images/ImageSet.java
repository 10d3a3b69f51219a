package org.imagenetx.images;

import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.evaluation.ErrorType;
import org.roaringbitmap.RoaringBitmap;

/**
 * The images an expression selects, as positions of the dense image index.
 *
 * @param expression the parsed expression
 * @param images image positions, a subset of the universe; owned by this record, do not modify
 * @param universeSize number of images in the universe (the evaluated images of {@code selection})
 * @param selection the session's factor selection (bare factors, the universe)
 * @param errorType the session's error type ({@code wrong:}/{@code right:} without {@code @type})
 */
public record ImageSet(
    ImageExpression expression,
    RoaringBitmap images,
    int universeSize,
    FactorSelection selection,
    ErrorType errorType) {

  /**
   * @return number of images in the set
   */
  public int count() {
    return images.getCardinality();
  }

  /**
   * @return a one-line description, e.g. {@code 1234 of 46110 evaluated images (top factors, class
   *     errors): texture and wrong:ViT}
   */
  public String describe() {
    return count()
        + " of "
        + universeSize
        + " evaluated images ("
        + selection.key()
        + " factors, "
        + errorType.key()
        + " errors): "
        + expression;
  }
}
