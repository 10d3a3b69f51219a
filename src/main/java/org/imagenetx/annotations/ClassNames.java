package org.imagenetx.annotations;

/**
 * WordNet id and human-readable label of every ImageNet-1k class, as the release's class table and
 * {@code imagenet_labels.txt} give them. Unknown values are empty strings (a source without the
 * labels file, or generated data).
 */
public final class ClassNames {
  private final String[] wnids;
  private final String[] labels;

  /**
   * @param wnids WordNet id per class id (empty when unknown); kept
   * @param labels human label per class id, or null when unknown; kept
   */
  ClassNames(String[] wnids, String[] labels) {
    this.wnids = wnids;
    this.labels = labels;
  }

  /**
   * @param numClasses number of classes
   * @return names that are all unknown
   */
  public static ClassNames unknown(int numClasses) {
    String[] empty = new String[numClasses];
    java.util.Arrays.fill(empty, "");
    return new ClassNames(empty, null);
  }

  /**
   * @return number of classes
   */
  public int numClasses() {
    return wnids.length;
  }

  /**
   * @param classId 0..999
   * @return its WordNet id, e.g. {@code n01440764}, or an empty string
   */
  public String wnid(int classId) {
    return wnids[classId];
  }

  /**
   * @param classId 0..999
   * @return its human label, e.g. {@code tench}, or an empty string
   */
  public String label(int classId) {
    return labels == null ? "" : labels[classId];
  }
}
