package org.imagenetx.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imagenetx.compare.GroupComparison;
import org.imagenetx.compare.GroupTest;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.resampling.ZooBootstrap;

/**
 * The study's comparison of augmentation recipes on ResNet-50: random crop at its strongest kept
 * level, colour jitter at its strongest kept level, colour jitter plus crop ({@code
 * colorjitter_crop}) and adaptive colour jitter ({@code adaptive_colorjitter}), compared like model
 * types: mean error ratio per factor per recipe with bootstrap intervals and a group test.
 */
public final class AugmentationComparison {
  /** Zoo of colour jitter combined with strong cropping. */
  public static final String COLORJITTER_CROP = "colorjitter_crop";

  /** Zoo of adaptive colour jitter. */
  public static final String ADAPTIVE_COLORJITTER = "adaptive_colorjitter";

  private AugmentationComparison() {}

  /**
   * @param crop the crop sweep
   * @param color the colour-jitter sweep
   * @param colorjitterCrop the {@code colorjitter_crop} table
   * @param adaptive the {@code adaptive_colorjitter} table
   * @param bootstrap the group-mean intervals' settings
   * @param test group test per factor
   * @return the comparison, groups named e.g. {@code crop (strength 92)}
   */
  public static GroupComparison compute(
      AugmentationSweep crop,
      AugmentationSweep color,
      FactorTable colorjitterCrop,
      FactorTable adaptive,
      ZooBootstrap.Settings bootstrap,
      GroupTest test) {
    Map<String, String> groupOf = new LinkedHashMap<>();
    List<FactorTable> parts = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (AugmentationSweep s : List.of(crop, color)) {
      String g =
          String.format(
              Locale.ROOT, "%s (strength %s)", s.augmentation().key(), strength(s.highestLevel()));
      FactorTable t = s.table().select(s.rowsAt(s.highestLevel()));
      groups.add(g);
      parts.add(t);
      for (String m : t.models()) {
        groupOf.putIfAbsent(m, g);
      }
    }
    List<String> names = List.of(COLORJITTER_CROP, ADAPTIVE_COLORJITTER);
    List<FactorTable> tables = List.of(colorjitterCrop, adaptive);
    for (int i = 0; i < names.size(); i++) {
      groups.add(names.get(i));
      parts.add(tables.get(i));
      for (String m : tables.get(i).models()) {
        groupOf.putIfAbsent(m, names.get(i));
      }
    }
    FactorTable all = AggregatedTables.union(parts);
    return GroupComparison.compute(all, groupOf::get, groups, bootstrap, List.of(test));
  }

  private static String strength(double s) {
    return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
  }
}
