package org.imagenetx.evaluation;

import java.util.Arrays;
import org.imagenetx.bits.OrderStatistics;

/**
 * {@code worst_100_classes}: the pooled accuracy over the images of the {@value #CLASSES} classes
 * with the lowest accuracy, ties broken by class id (the upstream {@code nsmallest} keeps the first
 * of equal values, and its per-class series is ordered by class id). Classes without evaluated
 * images are skipped.
 *
 * <p>No sort, no division per class and no selection over all classes: a histogram of the exact
 * bucket ⌊1024 · correct / total⌋ (monotone in the accuracy, equal for equal accuracies) finds the
 * bucket where the 100th class falls; every class in a lower bucket is taken, and only that
 * bucket's few classes are ordered exactly. The bucket of (correct, total) comes from a table built
 * once for the largest class, so a call is two branch-light passes over the classes. (A quickselect
 * over the 1,000 accuracies cost 7 µs per call; the double-valued histogram, 6 µs.)
 *
 * <p>Not thread-safe: it owns scratch buffers. One per {@link Evaluator}.
 */
final class WorstClasses {
  /** Number of worst classes pooled. */
  static final int CLASSES = 100;

  /** Buckets of the accuracy histogram: bucket = ⌊accuracy · 1024⌋, 0..1024. */
  static final int BUCKETS = 1024;

  /** Bucket of a class without images: above every real bucket, so never taken. */
  private static final int EMPTY = BUCKETS + 1;

  /** Largest class a bucket table is built for; larger classes divide. */
  private static final int MAX_TABLE_TOTAL = 1023;

  private final int stride;
  private final char[] bucketTable;
  private final int[] bucketOf;
  private final int[] histogram = new int[BUCKETS + 2];
  private final int[] members;
  private final double[] memberAccuracy;
  private final double[] selectScratch;

  /**
   * @param numClasses classes per call
   * @param maxTotal the largest class total the calls will see (a larger one still works, slower)
   */
  WorstClasses(int numClasses, int maxTotal) {
    int t = Math.min(Math.max(maxTotal, 1), MAX_TABLE_TOTAL);
    this.stride = t + 1;
    this.bucketTable = new char[stride * stride];
    for (int total = 1; total <= t; total++) {
      for (int correct = 0; correct <= total; correct++) {
        bucketTable[total * stride + correct] = (char) bucket(correct, total);
      }
    }
    this.bucketOf = new int[numClasses];
    this.members = new int[numClasses];
    this.memberAccuracy = new double[numClasses];
    this.selectScratch = new double[numClasses];
  }

  private static int bucket(int correct, int total) {
    return (int) (((long) correct * BUCKETS) / total);
  }

  /**
   * @param classCorrect correct images per class
   * @param classTotals evaluated images per class (as many entries)
   * @return the pooled accuracy, NaN when no class has images
   */
  double pooledAccuracy(int[] classCorrect, int[] classTotals) {
    int numClasses = classTotals.length;
    int[] hist = histogram;
    Arrays.fill(hist, 0);
    for (int c = 0; c < numClasses; c++) {
      int total = classTotals[c];
      int correct = classCorrect[c];
      assert correct >= 0 && correct <= total;
      int b;
      if (total == 0) {
        b = EMPTY;
      } else if (total < stride) {
        b = bucketTable[total * stride + correct];
      } else {
        b = bucket(correct, total);
      }
      bucketOf[c] = b;
      hist[b]++;
    }
    int k = numClasses - hist[EMPTY];
    if (k == 0) {
      return Double.NaN;
    }
    int take = Math.min(CLASSES, k);
    int below = 0;
    int threshold = 0;
    while (below + hist[threshold] < take) {
      below += hist[threshold++];
    }
    long sumCorrect = 0;
    long sumTotal = 0;
    int m = 0;
    for (int c = 0; c < numClasses; c++) {
      int b = bucketOf[c];
      int lower = b < threshold ? 1 : 0;
      sumCorrect += lower * classCorrect[c];
      sumTotal += lower * classTotals[c];
      if (b == threshold) {
        members[m] = c; // in class-id order
        memberAccuracy[m++] = (double) classCorrect[c] / classTotals[c];
      }
    }
    // the threshold bucket's (take − below) smallest by (accuracy, class id)
    int need = take - below;
    System.arraycopy(memberAccuracy, 0, selectScratch, 0, m);
    double kth = OrderStatistics.kthSmallest(selectScratch, m, need - 1);
    int taken = 0;
    for (int i = 0; i < m; i++) {
      if (memberAccuracy[i] < kth) {
        int c = members[i];
        sumCorrect += classCorrect[c];
        sumTotal += classTotals[c];
        taken++;
      }
    }
    for (int i = 0; i < m && taken < need; i++) {
      if (memberAccuracy[i] == kth) {
        int c = members[i];
        sumCorrect += classCorrect[c];
        sumTotal += classTotals[c];
        taken++;
      }
    }
    return (double) sumCorrect / sumTotal;
  }
}
