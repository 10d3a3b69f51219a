package org.imagenetx.confusions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.imagenetx.annotations.ClassNames;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.images.ImageSet;
import org.imagenetx.images.ImageSets;
import org.roaringbitmap.BatchIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * A model's most frequent mistakes in an image set, as (true → predicted) pairs: for each pair, its
 * count among the model's errors in the set, its share of them, and its lift against the same
 * model's errors on every evaluated image ("under texture, ViT takes X for Y 4.2× more often than
 * overall").
 *
 * <p>Which images are errors is the error type's business ({@code class}: prediction ≠ label,
 * {@code metaclass}: different metaclass, {@code real_class}: not in the ReaL set); pairs are true
 * and predicted classes, or with {@code metaclass} folding their metaclasses. The two choices are
 * independent: class errors folded into metaclasses show how much of a model's confusion stays
 * inside one metaclass (dog → dog); metaclass errors folded show only the crossings.
 *
 * @param model model name
 * @param errorType what counts as an error
 * @param metaclass true when pairs are (true metaclass → predicted metaclass)
 * @param numErrors the model's errors in the set
 * @param numErrorsOverall the model's errors on every evaluated image
 * @param rows every pair seen in the set, by count descending, then lift descending, then true and
 *     predicted id
 */
public record ConfusionTable(
    String model,
    ErrorType errorType,
    boolean metaclass,
    int numErrors,
    int numErrorsOverall,
    List<ConfusionRow> rows) {

  private static final int BATCH = 256;

  /** Row order: count descending, lift descending, true id, predicted id. */
  static final Comparator<ConfusionRow> ORDER =
      Comparator.comparingInt(ConfusionRow::count)
          .reversed()
          .thenComparing(Comparator.comparingDouble(ConfusionRow::lift).reversed())
          .thenComparingInt(ConfusionRow::trueId)
          .thenComparingInt(ConfusionRow::predictedId);

  /**
   * @param model model name
   * @param errorType error type
   * @param metaclass folded into metaclasses
   * @param numErrors errors in the set
   * @param numErrorsOverall errors overall
   * @param rows rows (copied)
   */
  public ConfusionTable {
    rows = List.copyOf(rows);
  }

  /**
   * @param sets the session
   * @param set an image set of the session
   * @param model a model of the session's zoo
   * @param errorType what counts as an error
   * @param metaclass fold pairs into (true metaclass → predicted metaclass)
   * @return the table
   * @throws IllegalArgumentException for an unknown model
   */
  public static ConfusionTable of(
      ImageSets sets, ImageSet set, String model, ErrorType errorType, boolean metaclass) {
    String name = sets.requireModel(model);
    int id = sets.modelId(name);
    short[] predicted = new short[sets.zoo().numImages()];
    sets.zoo().readClasses(id, predicted);
    RoaringBitmap overall = sets.wrong(id, errorType);
    RoaringBitmap inSet = RoaringBitmap.and(overall, set.images());
    return of(sets.dataset(), name, errorType, metaclass, predicted, inSet, overall);
  }

  /**
   * The table from its inputs: one pass over each error set computing pair keys, a sort, and run
   * lengths; no per-pair objects until the rows.
   *
   * @param dataset annotations (labels, metaclasses, class names)
   * @param model model name
   * @param errorType the error type the sets were built with
   * @param metaclass fold pairs into metaclasses
   * @param predicted predicted class per image position (≥ 0 on every error)
   * @param errors the model's errors in the set, a subset of {@code overall}
   * @param overall the model's errors on every evaluated image
   * @return the table
   */
  public static ConfusionTable of(
      Dataset dataset,
      String model,
      ErrorType errorType,
      boolean metaclass,
      short[] predicted,
      RoaringBitmap errors,
      RoaringBitmap overall) {
    short[] labels = dataset.index().labels();
    Metaclasses meta = dataset.metaclasses();
    int width = metaclass ? Metaclasses.COUNT : dataset.index().numClasses();
    byte[] fold = metaclass ? meta.table() : null;
    int[] setKeys = keys(errors, labels, predicted, fold, width);
    int[] allKeys = keys(overall, labels, predicted, fold, width);
    Arrays.sort(setKeys);
    Arrays.sort(allKeys);
    // distinct overall keys and their counts, for the lift's denominator
    int[] allDistinct = new int[allKeys.length];
    int[] allCounts = new int[allKeys.length];
    int numAll = runs(allKeys, allDistinct, allCounts);
    int numErrors = setKeys.length;
    int numOverall = allKeys.length;
    ClassNames names = dataset.classNames();
    List<ConfusionRow> rows = new ArrayList<>();
    for (int i = 0; i < setKeys.length; ) {
      int key = setKeys[i];
      int j = i;
      while (j < setKeys.length && setKeys[j] == key) {
        j++;
      }
      int count = j - i;
      int at = Arrays.binarySearch(allDistinct, 0, numAll, key);
      if (at < 0) {
        throw new IllegalArgumentException("the set's errors must be among the overall errors");
      }
      int overallCount = allCounts[at];
      double share = (double) count / numErrors;
      double overallShare = (double) overallCount / numOverall;
      int t = key / width;
      int p = key % width;
      rows.add(
          new ConfusionRow(
              t,
              metaclass ? "" : names.wnid(t),
              metaclass ? Metaclasses.NAMES.get(t) : names.label(t),
              p,
              metaclass ? "" : names.wnid(p),
              metaclass ? Metaclasses.NAMES.get(p) : names.label(p),
              count,
              share,
              overallCount,
              overallShare,
              share / overallShare));
      i = j;
    }
    rows.sort(ORDER);
    return new ConfusionTable(model, errorType, metaclass, numErrors, numOverall, rows);
  }

  /** Pair keys {@code true * width + predicted} (folded when {@code fold} is given) of a set. */
  private static int[] keys(
      RoaringBitmap set, short[] labels, short[] predicted, byte[] fold, int width) {
    int[] out = new int[set.getCardinality()];
    int[] buf = new int[BATCH];
    int size = 0;
    BatchIterator it = set.getBatchIterator();
    while (it.hasNext()) {
      int k = it.nextBatch(buf);
      for (int i = 0; i < k; i++) {
        int d = buf[i];
        int t = labels[d];
        int p = predicted[d];
        if (p < 0) {
          throw new IllegalArgumentException("an error without a prediction at position " + d);
        }
        if (fold != null) {
          t = fold[t];
          p = fold[p];
        }
        out[size++] = t * width + p;
      }
    }
    return out;
  }

  /** Run-length encodes sorted keys; returns the number of distinct keys. */
  private static int runs(int[] sorted, int[] distinct, int[] counts) {
    int n = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (n > 0 && distinct[n - 1] == sorted[i]) {
        counts[n - 1]++;
      } else {
        distinct[n] = sorted[i];
        counts[n++] = 1;
      }
    }
    return n;
  }

  /**
   * @param k rows wanted
   * @return the first {@code k} rows (all when fewer)
   */
  public List<ConfusionRow> top(int k) {
    return rows.subList(0, Math.min(k, rows.size()));
  }
}
