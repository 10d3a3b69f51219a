package org.imagenetx.annotations;

import java.util.Arrays;
import java.util.List;

/**
 * The 17 metaclasses of the study: 16 named groups of the 100-metaclass ImageNet hierarchy, every
 * other name folded into {@code other}. The metaclass id is the position in {@link #NAMES}.
 */
public final class Metaclasses {
  /** Number of ImageNet-1k classes. */
  public static final int NUM_CLASSES = 1000;

  /** Metaclass names in the study's order; {@code other} is last. */
  public static final List<String> NAMES =
      List.of(
          "device",
          "dog",
          "commodity",
          "bird",
          "structure",
          "covering",
          "wheeled_vehicle",
          "food",
          "equipment",
          "insect",
          "vehicle",
          "furniture",
          "primate",
          "vessel",
          "snake",
          "natural_object",
          "other");

  /** Number of metaclasses (17). */
  public static final int COUNT = 17;

  /** Id of {@code other}. */
  public static final int OTHER = COUNT - 1;

  private final byte[] metaclassOfClass;

  private Metaclasses(byte[] metaclassOfClass) {
    this.metaclassOfClass = metaclassOfClass;
  }

  /**
   * @param hierarchyNames the 100-metaclass name of each class, class id = position
   * @return the mapping folding unknown names into {@code other}
   */
  public static Metaclasses fromHierarchyNames(List<String> hierarchyNames) {
    byte[] m = new byte[hierarchyNames.size()];
    for (int c = 0; c < m.length; c++) {
      m[c] = (byte) idOf(hierarchyNames.get(c));
    }
    return new Metaclasses(m);
  }

  /**
   * @param metaclassOfClass metaclass id (0..16) per class id; copied
   * @return the mapping
   */
  public static Metaclasses of(byte[] metaclassOfClass) {
    for (byte b : metaclassOfClass) {
      if (b < 0 || b >= COUNT) {
        throw new IllegalArgumentException("metaclass id out of range: " + b);
      }
    }
    return new Metaclasses(metaclassOfClass.clone());
  }

  /**
   * @param name a metaclass name of the 100-metaclass hierarchy
   * @return its id among the 17, {@link #OTHER} when not one of the 16 kept names
   */
  public static int idOf(String name) {
    int i = NAMES.indexOf(name);
    return i < 0 || i == OTHER ? OTHER : i;
  }

  /**
   * @return the number of classes mapped
   */
  public int numClasses() {
    return metaclassOfClass.length;
  }

  /**
   * @param classId 0..999
   * @return metaclass id 0..16
   */
  public int of(int classId) {
    return metaclassOfClass[classId];
  }

  /**
   * @return a copy of the class→metaclass table, for kernels
   */
  public byte[] table() {
    return metaclassOfClass.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Metaclasses
        && Arrays.equals(metaclassOfClass, ((Metaclasses) o).metaclassOfClass);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(metaclassOfClass);
  }
}
