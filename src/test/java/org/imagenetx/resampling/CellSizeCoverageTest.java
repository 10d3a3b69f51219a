package org.imagenetx.resampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Coverage of the image bootstrap's 95% intervals for the error ratio of a small cell, by cell size
 * n and the cell's error rate p: the cell holds exactly n images, each wrong with probability p,
 * beside 5,000 images wrong with probability 0.25 (the base models' overall error is ~0.25; per
 * metaclass, cells run from ~0.05 to ~0.5). The default run checks two sizes with 400 repetitions
 * (coverage s.e. ≤ 2.5 points); {@code -Dnightly=true} measures the table of {@code
 * docs/statistics.md} (4,000 repetitions, s.e. ≤ 0.8 points) and prints it.
 */
class CellSizeCoverageTest {
  private static final boolean NIGHTLY = Boolean.getBoolean("nightly");
  private static final int OTHERS = 5000;
  private static final double OTHER_ERROR = 0.25;

  /**
   * @return the share of repetitions whose interval holds the true error ratio of the cell
   */
  static double coverage(int n, double cellError, IntervalMethod method, int reps, long seed) {
    // slot 0: the other images (factor 0), slot 1: the cell (factor 1); cells = [wrong, right] each
    CellLayout layout = CellLayout.factors(new int[] {1, 2}, 1);
    CellBootstrap boot = new CellBootstrap(layout, 1000, 0.95, method);
    double overall = (OTHERS * OTHER_ERROR + n * cellError) / (OTHERS + n);
    double truth = cellError / overall;
    int statistic = 2 * 1 + 1; // factor 1's error ratio
    SplittableRandom rnd = new SplittableRandom(seed);
    int covered = 0;
    for (int r = 0; r < reps; r++) {
      int otherWrong = BinomialSampler.sample(rnd, OTHERS, OTHER_ERROR);
      int cellWrong = BinomialSampler.sample(rnd, n, cellError);
      int[] cells = {otherWrong, OTHERS - otherWrong, cellWrong, n - cellWrong};
      Interval iv = boot.interval(cells, seed * 1_000_003L + r, statistic);
      covered += iv.lower() <= truth && truth <= iv.upper() ? 1 : 0;
    }
    return (double) covered / reps;
  }

  @Test
  void smallCellsUnderCoverAndLargeOnesDoNot() {
    int reps = 400;
    for (IntervalMethod m : IntervalMethod.values()) {
      double small = coverage(7, 0.1, m, reps, 1);
      double large = coverage(300, 0.1, m, reps, 2);
      // 95% ± 3 s.e. at n = 300; far below at n = 7, where half the cells have no error at all
      // and their interval is [0, 0] (measured 0.52 for both methods)
      assertThat(large).as("%s n=300", m).isBetween(0.92, 0.98);
      assertThat(small).as("%s n=7", m).isLessThan(0.6);
    }
  }

  @Test
  void nightlyTable() {
    if (!NIGHTLY) {
      return;
    }
    int reps = 4000;
    double[] rates = {0.05, 0.1, 0.25, 0.4};
    StringBuilder table = new StringBuilder("| n |");
    for (double p : rates) {
      table.append(String.format(Locale.ROOT, " p = %.2f percentile | BCa |", p));
    }
    table.append("\n|---:|").append("---:|---:|".repeat(rates.length)).append('\n');
    for (int n : new int[] {5, 7, 11, 20, 30, 50, 100, 300}) {
      table.append("| ").append(n).append(" |");
      for (double p : rates) {
        long seed = 100L * n + Math.round(100 * p);
        double pc = coverage(n, p, IntervalMethod.PERCENTILE, reps, seed);
        double bc = coverage(n, p, IntervalMethod.BCA, reps, seed);
        table.append(String.format(Locale.ROOT, " %.3f | %.3f |", pc, bc));
        if (n * p >= 30) {
          assertThat(pc).as("percentile n=%d p=%.2f", n, p).isBetween(0.93, 0.97);
        }
      }
      table.append('\n');
    }
    System.out.println(table);
  }
}
