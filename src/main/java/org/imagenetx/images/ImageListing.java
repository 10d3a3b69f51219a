package org.imagenetx.images;

import java.util.List;

/**
 * One page of an image set, in index order (true metaclass, true class, file name).
 *
 * @param set the whole set
 * @param offset 0-based position in the set of the first row
 * @param models the models whose predictions each row carries
 * @param rows the page
 */
public record ImageListing(ImageSet set, int offset, List<String> models, List<ImageRow> rows) {
  /**
   * @param set the whole set
   * @param offset first row's position in the set
   * @param models model names (copied)
   * @param rows rows (copied)
   */
  public ImageListing {
    models = List.copyOf(models);
    rows = List.copyOf(rows);
  }
}
