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
   * Texts given by the caller (generated data, tests, other sources).
   *
   * @param justification justification per image position, null where absent; copied
   * @param oneWord one-word description per image position, null where absent; copied
   * @return the texts
   */
  public static ImageTexts of(String[] justification, String[] oneWord) {
    if (justification.length != oneWord.length) {
      throw new IllegalArgumentException("justification and one_word differ in length");
    }
    return new ImageTexts(justification.clone(), oneWord.clone());
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
