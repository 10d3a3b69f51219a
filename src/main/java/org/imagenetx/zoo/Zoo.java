package org.imagenetx.zoo;

import java.util.List;
import org.imagenetx.bits.Lanes;

/**
 * A set of models' predictions over the same image index, read one model at a time into caller
 * buffers so that thousands of models never need to be on the heap together.
 *
 * <p>Models are sorted by name in code-point order ({@link String#compareTo}); model {@code m} is
 * the m-th name. Implementations are safe for concurrent reads of different models unless stated.
 */
public interface Zoo extends AutoCloseable {
  /**
   * @return the zoo's name (its folder or store name), used in result paths
   */
  String name();

  /**
   * @return model names, sorted
   */
  List<String> models();

  /**
   * @return number of models
   */
  default int size() {
    return models().size();
  }

  /**
   * @return number of image positions each model covers (the image index size)
   */
  int numImages();

  /**
   * Reads one model's predictions in image-index order.
   *
   * @param model model number
   * @param dst {@code numImages()} entries, overwritten; -1 where the model has no prediction
   * @return how many positions are -1
   */
  int readClasses(int model, short[] dst);

  /**
   * Reads one model's predictions packed four to a {@code long} ({@link Lanes}), the layout of the
   * whole-zoo kernels. A store hands out its blocks as they are (they are little-endian 16-bit ids
   * already); this default reads and packs.
   *
   * @param model model number
   * @param dst {@link Lanes#numLongs}{@code (numImages())} longs, overwritten; lanes past the
   *     images are -1
   * @return how many images have no prediction
   */
  default int readPacked(int model, long[] dst) {
    short[] classes = new short[numImages()];
    int missing = readClasses(model, classes);
    Lanes.pack(classes, classes.length, dst);
    return missing;
  }

  /**
   * @return true when every model carries predicted probabilities
   */
  boolean hasProbabilities();

  /**
   * @param model model number
   * @param dst {@code numImages()} entries, overwritten; NaN where missing
   */
  void readProbabilities(int model, float[] dst);

  /**
   * @return where the zoo came from, for reports
   */
  String source();

  /**
   * @return true for generated predictions
   */
  default boolean synthetic() {
    return false;
  }

  @Override
  default void close() {}
}
