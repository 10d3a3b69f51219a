package org.imagenetx.stats;

/** Order statistics on primitive arrays, without sorting or allocation. */
final class Selection {
  private Selection() {}

  /**
   * Hoare's quickselect; reorders {@code a[0..n)}.
   *
   * @param a values (no NaN)
   * @param n how many values
   * @param k 0-based rank
   * @return the k-th smallest value
   */
  static double kthSmallest(double[] a, int n, int k) {
    int lo = 0;
    int hi = n - 1;
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
