package org.imagenetx.zoo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.imagenetx.bits.Lanes;

/**
 * Predictions held on the heap: generated zoos and tests. Class ids are kept packed ({@link
 * Lanes}), the layout the whole-zoo kernels read, so {@link #readPacked} is a copy.
 */
public final class InMemoryZoo implements Zoo {
  private final String name;
  private final List<String> models;
  private final int numImages;
  private final long[][] classes;
  private final float[][] probabilities;
  private final boolean synthetic;
  private final String source;
  private final int[] missing;

  /**
   * @param name zoo name
   * @param models model names; sorted here together with their arrays
   * @param classes per model, predicted class per image position (-1 where missing)
   * @param probabilities per model, or null for a zoo without probabilities
   * @param synthetic true for generated predictions
   * @param source description
   */
  public InMemoryZoo(
      String name,
      List<String> models,
      short[][] classes,
      float[][] probabilities,
      boolean synthetic,
      String source) {
    Integer[] order = new Integer[models.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> models.get(a).compareTo(models.get(b)));
    List<String> m = new ArrayList<>();
    this.numImages = classes.length == 0 ? 0 : classes[0].length;
    this.classes = new long[order.length][];
    this.probabilities = probabilities == null ? null : new float[order.length][];
    for (int i = 0; i < order.length; i++) {
      m.add(ModelNames.check(models.get(order[i]), source, 0));
      short[] c = classes[order[i]];
      if (c.length != numImages) {
        throw new IllegalArgumentException("models cover different numbers of images");
      }
      this.classes[i] = new long[Lanes.numLongs(numImages)];
      Lanes.pack(c, numImages, this.classes[i]);
      if (probabilities != null) {
        this.probabilities[i] = probabilities[order[i]];
      }
      if (i > 0 && m.get(i).equals(m.get(i - 1))) {
        throw new IllegalArgumentException("duplicate model " + m.get(i));
      }
    }
    this.missing = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      missing[i] = Lanes.countMissing(this.classes[i], numImages);
    }
    this.name = name;
    this.models = List.copyOf(m);
    this.synthetic = synthetic;
    this.source = source;
  }

  private InMemoryZoo(
      String name,
      List<String> models,
      int numImages,
      long[][] classes,
      float[][] probabilities,
      int[] missing,
      boolean synthetic,
      String source) {
    this.name = name;
    this.models = List.copyOf(models);
    this.numImages = numImages;
    this.classes = classes;
    this.probabilities = probabilities;
    this.missing = missing;
    this.synthetic = synthetic;
    this.source = source;
  }

  /**
   * A zoo over arrays already packed ({@link Lanes}), shared rather than copied: the release's base
   * models, decoded once per process.
   *
   * @param name zoo name
   * @param models model names, sorted and unique
   * @param numImages images per model
   * @param packed per model, {@link Lanes#numLongs}{@code (numImages)} packed ids; not modified
   * @param probabilities per model, or null; not modified
   * @param missing per model, images without a prediction
   * @param source description
   * @return the zoo
   */
  public static InMemoryZoo ofPacked(
      String name,
      List<String> models,
      int numImages,
      long[][] packed,
      float[][] probabilities,
      int[] missing,
      String source) {
    for (int m = 0; m < models.size(); m++) {
      ModelNames.check(models.get(m), source, 0);
      if (m > 0 && models.get(m - 1).compareTo(models.get(m)) >= 0) {
        throw new IllegalArgumentException("model names must be sorted and unique");
      }
      if (packed[m].length != Lanes.numLongs(numImages)) {
        throw new IllegalArgumentException("packed ids of another size");
      }
    }
    return new InMemoryZoo(
        name, models, numImages, packed, probabilities, missing.clone(), false, source);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> models() {
    return models;
  }

  @Override
  public int numImages() {
    return numImages;
  }

  @Override
  public int readClasses(int model, short[] dst) {
    Lanes.unpack(classes[model], numImages, dst);
    return missing[model];
  }

  @Override
  public int readPacked(int model, long[] dst) {
    long[] src = classes[model];
    System.arraycopy(src, 0, dst, 0, src.length);
    return missing[model];
  }

  @Override
  public boolean hasProbabilities() {
    return probabilities != null;
  }

  @Override
  public void readProbabilities(int model, float[] dst) {
    if (probabilities == null) {
      throw new IllegalStateException("zoo has no probabilities");
    }
    System.arraycopy(probabilities[model], 0, dst, 0, dst.length);
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  public boolean synthetic() {
    return synthetic;
  }
}
