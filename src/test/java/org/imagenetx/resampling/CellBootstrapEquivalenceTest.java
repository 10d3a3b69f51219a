package org.imagenetx.resampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.hipparchus.stat.inference.ChiSquareTest;
import org.hipparchus.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cell resampling = per-image bootstrap. The per-image side here never touches cells: it resamples
 * image indices and computes the statistic with its own loop over the drawn images (accuracy on
 * images with factor f, error ratio {@code (1 − acc_f)/(1 − acc_all)}).
 *
 * <ol>
 *   <li>Exact enumeration on tiny inputs: all {@code N^N} index sequences versus all multinomial
 *       count vectors with their probabilities give the same distribution of the statistic.
 *   <li>The sampler: B replicates of {@link CellBootstrap} versus that exact distribution
 *       (chi-square goodness of fit).
 *   <li>Larger inputs: two-sample Kolmogorov–Smirnov between naive per-image replicates and cell
 *       replicates; and the same test rejects a deliberately wrong cell sampler (power check).
 * </ol>
 */
class CellBootstrapEquivalenceTest {
  /** An image: its factor mask and whether model A (bit 0) and B (bit 1) got it right. */
  record Image(int mask, int correct) {}

  /** Statistic by a plain loop over a list of images: ER of factor f (paired: ER_A − ER_B). */
  static double naiveStatistic(List<Image> images, int f, boolean paired, boolean accuracy) {
    double a = naiveOne(images, f, 0, accuracy);
    return paired ? a - naiveOne(images, f, 1, accuracy) : a;
  }

  private static double naiveOne(List<Image> images, int f, int model, boolean accuracy) {
    int withF = 0;
    int okF = 0;
    int ok = 0;
    for (Image im : images) {
      boolean right = ((im.correct() >> model) & 1) != 0;
      ok += right ? 1 : 0;
      if ((im.mask() & (1 << f)) != 0) {
        withF++;
        okF += right ? 1 : 0;
      }
    }
    double accF = withF == 0 ? Double.NaN : (double) okF / withF;
    double acc = images.isEmpty() ? Double.NaN : (double) ok / images.size();
    return accuracy ? accF : (1 - accF) / (1 - acc);
  }

  static int[] patternsOf(List<Image> images) {
    return images.stream().mapToInt(Image::mask).distinct().sorted().toArray();
  }

  static int[] cellsOf(List<Image> images, int[] patterns, int models) {
    int[] cells = new int[patterns.length << models];
    for (Image im : images) {
      int slot = Arrays.binarySearch(patterns, im.mask());
      cells[(slot << models) + im.correct()]++;
    }
    return cells;
  }

  static Object key(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return v;
    }
    return Math.round(v * 1e9);
  }

  static List<Image> tiny(long seed, int n, boolean paired) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Image> images = new ArrayList<>();
    int[] masks = {0b01, 0b10, 0b11};
    for (int i = 0; i < n; i++) {
      images.add(new Image(masks[rnd.nextInt(masks.length)], rnd.nextInt(paired ? 4 : 2)));
    }
    return images;
  }

  /** Exact bootstrap law of the per-image bootstrap: every index sequence, probability N^-N. */
  static Map<Object, Double> exactImageLaw(List<Image> images, int f, boolean paired, boolean acc) {
    int n = images.size();
    Map<Object, Double> law = new HashMap<>();
    int[] idx = new int[n];
    double p = Math.pow(n, -n);
    List<Image> sample = new ArrayList<>(n);
    while (true) {
      sample.clear();
      for (int i : idx) {
        sample.add(images.get(i));
      }
      law.merge(key(naiveStatistic(sample, f, paired, acc)), p, Double::sum);
      int k = 0;
      while (k < n && ++idx[k] == n) {
        idx[k++] = 0;
      }
      if (k == n) {
        return law;
      }
    }
  }

  /** Exact law of the statistic under Multinomial(N, n_k/N) cell counts. */
  static Map<Object, Double> exactCellLaw(CellBootstrap boot, int[] cells, int statistic) {
    int n = 0;
    for (int c : cells) {
      n += c;
    }
    Map<Object, Double> law = new HashMap<>();
    double[] out = new double[boot.layout().numStatistics()];
    compositions(boot, cells, n, 0, n, new int[cells.length], 0.0, statistic, out, law);
    return law;
  }

  private static void compositions(
      CellBootstrap boot,
      int[] cells,
      int n,
      int k,
      int left,
      int[] x,
      double logP,
      int statistic,
      double[] out,
      Map<Object, Double> law) {
    if (k == cells.length - 1) {
      x[k] = left;
      double lp = logP + logTerm(cells[k], n, left);
      if (Double.isInfinite(lp)) {
        return;
      }
      double total = lp + logFactorial(n);
      boot.evaluate(x, out);
      law.merge(key(out[statistic]), Math.exp(total), Double::sum);
      return;
    }
    for (int v = 0; v <= left; v++) {
      x[k] = v;
      double t = logTerm(cells[k], n, v);
      if (!Double.isInfinite(t)) {
        compositions(boot, cells, n, k + 1, left - v, x, logP + t, statistic, out, law);
      }
    }
  }

  /** log(p_k^x / x!) with p_k = c/n; −∞ for an impossible draw from an empty cell. */
  private static double logTerm(int c, int n, int x) {
    if (c == 0) {
      return x == 0 ? 0 : Double.NEGATIVE_INFINITY;
    }
    return x * Math.log((double) c / n) - logFactorial(x);
  }

  private static double logFactorial(int x) {
    double s = 0;
    for (int i = 2; i <= x; i++) {
      s += Math.log(i);
    }
    return s;
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void exactEnumerationSingleModel(long seed) {
    int n = 4 + (int) (seed % 3); // 5, 6, 4 ...
    checkExact(seed, n, false);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12, 13, 14})
  void exactEnumerationPaired(long seed) {
    checkExact(seed, 4 + (int) (seed % 2) * 2, true);
  }

  private void checkExact(long seed, int n, boolean paired) {
    List<Image> images = tiny(seed, n, paired);
    int models = paired ? 2 : 1;
    int[] patterns = patternsOf(images);
    int[] cells = cellsOf(images, patterns, models);
    CellLayout layout = CellLayout.factors(patterns, models);
    CellBootstrap boot = new CellBootstrap(layout, 40_000, 0.95, IntervalMethod.PERCENTILE);
    for (int stat : new int[] {0, 1}) { // factor 0: accuracy (difference), error ratio (difference)
      boolean acc = stat == 0;
      Map<Object, Double> byImage = exactImageLaw(images, 0, paired, acc);
      Map<Object, Double> byCell = exactCellLaw(boot, cells, stat);
      assertThat(byCell.keySet()).as("seed %d images %s", seed, images).isEqualTo(byImage.keySet());
      for (Object k : byImage.keySet()) {
        assertThat(byCell.get(k))
            .as("seed %d value %s", seed, k)
            .isCloseTo(byImage.get(k), within(1e-12));
      }
      // The sampler draws from that law.
      boot.estimate(
          cells,
          seed,
          new double[layout.numStatistics()],
          new double[layout.numStatistics()],
          new double[layout.numStatistics()]);
      double[] reps = boot.replicates(stat);
      Map<Object, Long> counts = new HashMap<>();
      for (double v : reps) {
        counts.merge(key(v), 1L, Long::sum);
      }
      assertThat(byImage.keySet()).as("seed %d", seed).containsAll(counts.keySet());
      List<Object> keys = new ArrayList<>(byImage.keySet());
      keys.sort((a, b) -> Double.compare(byImage.get(b), byImage.get(a)));
      List<double[]> bins = new ArrayList<>();
      double e = 0;
      long o = 0;
      for (Object k : keys) {
        e += byImage.get(k) * reps.length;
        o += counts.getOrDefault(k, 0L);
        if (e >= 20) {
          bins.add(new double[] {e, o});
          e = 0;
          o = 0;
        }
      }
      if (bins.size() > 1) {
        bins.get(bins.size() - 1)[0] += e;
        bins.get(bins.size() - 1)[1] += o;
        double[] exp = bins.stream().mapToDouble(b -> b[0]).toArray();
        long[] obs = bins.stream().mapToLong(b -> (long) b[1]).toArray();
        assertThat(new ChiSquareTest().chiSquareTest(exp, obs))
            .as("seed %d stat %d", seed, stat)
            .isGreaterThan(1e-4);
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {101, 102, 103})
  void kolmogorovSmirnovAgainstNaiveBootstrap(long seed) {
    for (boolean paired : new boolean[] {false, true}) {
      SplittableRandom rnd = new SplittableRandom(seed);
      List<Image> images = new ArrayList<>();
      int[] masks = {0b0001, 0b0010, 0b0100, 0b1000, 0b0011, 0b1100};
      for (int i = 0; i < 400; i++) {
        int mask = masks[rnd.nextInt(masks.length)];
        int ca = rnd.nextDouble() < ((mask & 1) != 0 ? 0.55 : 0.8) ? 1 : 0;
        int cb = rnd.nextDouble() < 0.7 ? 2 : 0;
        images.add(new Image(mask, ca | (paired ? cb : 0)));
      }
      int models = paired ? 2 : 1;
      int[] patterns = patternsOf(images);
      int[] cells = cellsOf(images, patterns, models);
      int b = 4000;
      CellBootstrap boot =
          new CellBootstrap(
              CellLayout.factors(patterns, models), b, 0.95, IntervalMethod.PERCENTILE);
      int stats = boot.layout().numStatistics();
      boot.estimate(cells, seed, new double[stats], new double[stats], new double[stats]);
      double[] cell = boot.replicates(1);
      double[] naive = new double[b];
      List<Image> sample = new ArrayList<>(images.size());
      SplittableRandom r = new SplittableRandom(~seed);
      for (int i = 0; i < b; i++) {
        sample.clear();
        for (int j = 0; j < images.size(); j++) {
          sample.add(images.get(r.nextInt(images.size())));
        }
        naive[i] = naiveStatistic(sample, 0, paired, false);
      }
      KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest(seed);
      assertThat(ks.kolmogorovSmirnovTest(naive, cell))
          .as("seed %d paired %s", seed, paired)
          .isGreaterThan(1e-3);

      // Power: a sampler that over-weights one cell by 10 % must be caught.
      int[] wrong = cells.clone();
      wrong[1] = (int) Math.round(wrong[1] * 1.1) + 1;
      boot.estimate(wrong, seed, new double[stats], new double[stats], new double[stats]);
      assertThat(ks.kolmogorovSmirnovTest(naive, boot.replicates(1)))
          .as("seed %d power", seed)
          .isLessThan(1e-3);
    }
  }

  /**
   * Marginal mode of {@link ZooBootstrap}: one factor's statistic from the 4 cells (has f?,
   * correct?) has the law it has under the joint pattern cells — exactly by enumeration on tiny
   * inputs, and by Kolmogorov–Smirnov on a multi-like input with overlapping factors.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {201, 202})
  void marginalCellsGiveTheSameLawPerStatistic(long seed) {
    List<Image> images = tiny(seed, 6, false);
    int[] patterns = patternsOf(images);
    int[] joint = cellsOf(images, patterns, 1);
    CellBootstrap jointBoot =
        new CellBootstrap(CellLayout.factors(patterns, 1), 10, 0.95, IntervalMethod.PERCENTILE);
    int[] four = new int[4];
    for (Image im : images) {
      four[2 * (im.mask() & 1) + im.correct()]++;
    }
    CellBootstrap marginal =
        new CellBootstrap(CellLayout.singleFactor(1), 4000, 0.95, IntervalMethod.PERCENTILE);
    for (int stat : new int[] {0, 1}) { // factor 0: single-factor stats 0, 1 = joint stats 0, 1
      assertThat(exactCellLaw(marginal, four, stat))
          .as("seed %d", seed)
          .usingRecursiveComparison()
          .withComparatorForType(
              (a, b) -> Math.abs(a - b) < 1e-12 ? 0 : Double.compare(a, b), Double.class)
          .isEqualTo(exactCellLaw(jointBoot, joint, stat));
    }
    // Larger, overlapping factors: sampled replicates agree.
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Image> big = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      int mask = 1 + rnd.nextInt(15);
      big.add(new Image(mask, rnd.nextDouble() < ((mask & 1) != 0 ? 0.6 : 0.8) ? 1 : 0));
    }
    int[] bigPatterns = patternsOf(big);
    CellBootstrap j =
        new CellBootstrap(
            CellLayout.factors(bigPatterns, 1), 4000, 0.95, IntervalMethod.PERCENTILE);
    int js = j.layout().numStatistics();
    j.estimate(cellsOf(big, bigPatterns, 1), seed, new double[js], new double[js], new double[js]);
    Arrays.fill(four, 0);
    for (Image im : big) {
      four[2 * (im.mask() & 1) + im.correct()]++;
    }
    int ms = marginal.layout().numStatistics();
    marginal.estimate(four, ~seed, new double[ms], new double[ms], new double[ms]);
    KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest(seed);
    assertThat(ks.kolmogorovSmirnovTest(j.replicates(1), marginal.replicates(1)))
        .as("seed %d", seed)
        .isGreaterThan(1e-3);
  }

  /** The distinct values of the tiny laws are few; make sure the enumeration is not trivial. */
  @ParameterizedTest
  @ValueSource(longs = {1})
  void enumerationIsNotDegenerate(long seed) {
    assertThat(new TreeSet<>(exactImageLaw(tiny(seed, 5, false), 0, false, false).values()).size())
        .isGreaterThan(3);
  }
}
