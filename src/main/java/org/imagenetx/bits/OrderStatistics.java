package org.imagenetx.bits;

/**
 * Order statistics on primitive arrays, without sorting or allocation: the selection kernel under
 * the bootstrap's quantiles and the {@code worst_100_classes} threshold.
 */
public final class OrderStatistics {
  private OrderStatistics() {}

  /**
   * Hoare's quickselect; reorders {@code a[0..n)}.
   *
   * @param a values (no NaN)
   * @param n how many values
   * @param k 0-based rank
   * @return the k-th smallest value
   */
  public static double kthSmallest(double[] a, int n, int k) {
    return kthSmallest(a, 0, n, k);
  }

  /**
   * Quickselect within {@code a[from..to)}; on return {@code a[k]} is in place, everything before
   * it in the range no larger and everything after it no smaller.
   *
   * @param a values (no NaN)
   * @param from first index
   * @param to end index (exclusive)
   * @param k absolute index in {@code [from, to)}
   * @return the value of rank {@code k − from} in the range
   */
  public static double kthSmallest(double[] a, int from, int to, int k) {
    int lo = from;
    int hi = to - 1;
    while (lo < hi) {
      double pivot = a[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          double t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return a[k];
      }
    }
    return a[k];
  }
}
