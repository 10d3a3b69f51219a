package org.imagenetx.annotations;

/**
 * What the annotators wrote about each image: the free-text {@code justification} and the short
 * {@code one_word} description, indexed by image position; null where the image has none (not
 * annotated, or the annotator left it empty). Texts come from the multi-factor file (the top-factor
 * file holds the same texts in the release).
 */
public final class ImageTexts {
  private final String[] justification;
  private final String[] oneWord;

  ImageTexts(String[] justification, String[] oneWord) {
    this.justification = justification;
    this.oneWord = oneWord;
  }

  /**
   * @param numImages index size
   * @return texts that are all absent
   */
  public static ImageTexts none(int numImages) {
    return new ImageTexts(new String[numImages], new String[numImages]);
  }

  /**
   * @return number of image positions
   */
  public int size() {
    return justification.length;
  }

  /**
   * @param dense image position
   * @return the annotator's justification, or null
   */
  public String justification(int dense) {
    return justification[dense];
  }

  /**
   * @param dense image position
   * @return the annotator's one-word description, or null
   */
  public String oneWord(int dense) {
    return oneWord[dense];
  }
}
