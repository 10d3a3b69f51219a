package org.imagenetx.zoo;

import java.util.ArrayList;
import java.util.List;

/**
 * A view of some models of a zoo, so that {@code compare A B} reads two models instead of the whole
 * zoo. Model order is the base zoo's (sorted by name), so indices stay meaningful.
 */
public final class SubsetZoo implements Zoo {
  private final Zoo base;
  private final int[] models;
  private final List<String> names;

  /**
   * @param base the zoo
   * @param models model numbers of {@code base}, ascending
   */
  public SubsetZoo(Zoo base, int... models) {
    for (int i = 1; i < models.length; i++) {
      if (models[i] <= models[i - 1]) {
        throw new IllegalArgumentException("model numbers must be ascending and distinct");
      }
    }
    this.base = base;
    this.models = models.clone();
    List<String> n = new ArrayList<>();
    for (int m : models) {
      n.add(base.models().get(m));
    }
    this.names = List.copyOf(n);
  }

  @Override
  public String name() {
    return base.name();
  }

  @Override
  public List<String> models() {
    return names;
  }

  @Override
  public int numImages() {
    return base.numImages();
  }

  @Override
  public int readClasses(int model, short[] dst) {
    return base.readClasses(models[model], dst);
  }

  @Override
  public int readPacked(int model, long[] dst) {
    return base.readPacked(models[model], dst);
  }

  @Override
  public boolean hasProbabilities() {
    return base.hasProbabilities();
  }

  @Override
  public void readProbabilities(int model, float[] dst) {
    base.readProbabilities(models[model], dst);
  }

  @Override
  public String source() {
    return base.source();
  }

  @Override
  public boolean synthetic() {
    return base.synthetic();
  }
}
