package org.imagenetx.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.compare.GroupTest;
import org.imagenetx.evaluation.Aggregation;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.report.Format;
import org.imagenetx.resampling.Interval;
import org.imagenetx.resampling.IntervalMethod;
import org.imagenetx.resampling.ZooBootstrap;
import org.imagenetx.testing.CliRunner;
import org.imagenetx.testing.RealData;
import org.imagenetx.zoo.Zoo;
import org.imagenetx.zoo.Zoos;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code study consistency}: a hand-computed case, and in all six combinations the engine against a
 * plain-loop recomputation straight from the shipped CSV tables (error ratios, average ranks,
 * Pearson of ranks, median, the shares' Wilson score intervals by the plain formula).
 */
class ConsistencyTest {
  private static final ZooBootstrap.Settings SETTINGS =
      new ZooBootstrap.Settings(200, 0.95, IntervalMethod.PERCENTILE, 7);
  private static Aggregation base;

  @BeforeAll
  static void load() {
    try (Zoo zoo = Zoos.open(RealData.baseZoo(), RealData.val().index())) {
      base =
          Aggregation.run(
              RealData.val(),
              zoo,
              List.of(FactorSelection.values()),
              List.of(ErrorType.values()),
              2,
              null);
    }
  }

  /** A table whose rows hold the given error ratios (average accuracy 0.5, so acc = 1 − er/2). */
  private static FactorTable table(double[][] er) {
    List<String> models = new ArrayList<>();
    double[][] rows = new double[er.length][FactorTable.COLUMNS.size()];
    for (int m = 0; m < er.length; m++) {
      models.add("m" + m);
      for (int f = 0; f < Factor.COUNT; f++) {
        rows[m][f] = 1 - er[m][f] * 0.5;
      }
      rows[m][FactorTable.AVERAGE] = 0.5;
      rows[m][FactorTable.WORST_FACTOR] = Double.NaN;
      rows[m][FactorTable.WORST_100_CLASSES] = Double.NaN;
    }
    return new FactorTable(models, rows);
  }

  @Test
  void handComputedCase() {
    // m0 rises with the factor index; m1 too, but its last two factors are tied; m2 falls
    double[][] er = new double[3][Factor.COUNT];
    for (int f = 0; f < Factor.COUNT; f++) {
      er[0][f] = 0.5 + 0.1 * f;
      er[1][f] = 0.4 + 0.1 * Math.min(f, 14);
      er[2][f] = 2.0 - 0.01 * f;
    }
    Consistency c = Consistency.compute("hand", table(er), SETTINGS);
    // the pooled mean of factor f rises with f (m0 and m1 rise by 0.1 where m2 falls by 0.01), so
    // the pooled ranks are 1..16: m0 agrees exactly, m2 is reversed
    assertThat(c.spearmanOf("m0")).isCloseTo(1.0, within(1e-12));
    assertThat(c.spearmanOf("m2")).isCloseTo(-1.0, within(1e-12));
    // m1's ranks are 1..14, 15.5, 15.5 against the pooled 1..16: Pearson of the ranks
    double[] r1 = new double[Factor.COUNT];
    double[] r0 = new double[Factor.COUNT];
    for (int f = 0; f < Factor.COUNT; f++) {
      r0[f] = f + 1;
      r1[f] = f < 14 ? f + 1 : 15.5;
    }
    // both means are 8.5; the sums of squares and products, by hand: 340, 339.5 and 339.5
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int f = 0; f < Factor.COUNT; f++) {
      sab += (r0[f] - 8.5) * (r1[f] - 8.5);
      saa += (r0[f] - 8.5) * (r0[f] - 8.5);
      sbb += (r1[f] - 8.5) * (r1[f] - 8.5);
    }
    assertThat(saa).isEqualTo(340.0);
    assertThat(sbb).isEqualTo(339.5);
    assertThat(sab).isEqualTo(339.5);
    assertThat(c.spearmanOf("m1")).isCloseTo(339.5 / Math.sqrt(340.0 * 339.5), within(1e-12));
    assertThat(c.medianSpearman().point()).isCloseTo(Math.sqrt(339.5 / 340.0), within(1e-12));
    assertThat(c.minSpearman()).isCloseTo(-1.0, within(1e-12));
    assertThat(c.shareHigh().point()).isCloseTo(2.0 / 3, within(1e-12));
    // error ratio > 1: pose (f = 0) only m2; brighter (f = 14): m0 1.9, m1 1.8, m2 1.86
    Interval[] shares = c.shareAboveOne();
    assertThat(shares[0].point()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(shares[14].point()).isEqualTo(1.0);
    // Wilson score intervals of 1 of 3 and 3 of 3, not the bootstrap's degenerate [1, 1]
    assertWilson(shares[0], 1, 3, 0.95);
    assertWilson(shares[14], 3, 3, 0.95);
    assertThat(shares[14].lower()).isLessThan(1.0);
    assertThat(shares[14].upper()).isEqualTo(1.0);
    assertThat(shares[0].lower()).isLessThanOrEqualTo(1.0 / 3);
    assertThat(shares[0].upper()).isGreaterThanOrEqualTo(1.0 / 3);
    // the shares' intervals are not a bootstrap's: no bootstrap method
    assertThat(shares[0].method()).isNull();
    assertThat(c.medianSpearman().method()).isEqualTo(IntervalMethod.PERCENTILE);
  }

  /**
   * The Wilson score interval by the plain formula: {@code (p̂ + z²/2n ± z·sqrt(p̂(1 − p̂)/n +
   * z²/4n²)) / (1 + z²/n)}, z the standard normal quantile at (1 + level)/2.
   */
  private static double[] plainWilson(int k, int n, double level) {
    double z = new NormalDistribution(0, 1).inverseCumulativeProbability((1 + level) / 2);
    double p = (double) k / n;
    double centre = p + z * z / (2.0 * n);
    double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
    double scale = 1 + z * z / n;
    return new double[] {(centre - half) / scale, (centre + half) / scale};
  }

  private static void assertWilson(Interval got, int k, int n, double level) {
    double[] w = plainWilson(k, n, level);
    assertThat(got.point()).as(k + " of " + n).isEqualTo((double) k / n);
    assertThat(got.lower()).as(k + " of " + n).isCloseTo(w[0], within(1e-12));
    assertThat(got.upper()).as(k + " of " + n).isCloseTo(w[1], within(1e-12));
    assertThat(got.confidenceLevel()).isEqualTo(level);
    assertThat(got.method()).isNull();
  }

  @Test
  void wilsonIntervalMatchesThePlainFormulaAndIsNotDegenerateAtZeroAndOne() {
    for (double level : new double[] {0.9, 0.95, 0.99}) {
      for (int n : new int[] {1, 2, 3, 13, 209, 2497}) {
        for (int k = 0; k <= n; k += Math.max(1, n / 17)) {
          assertWilson(Consistency.wilson(k, n, level), k, n, level);
        }
        assertWilson(Consistency.wilson(n, n, level), n, n, level);
        // the bound at the edge is exact (the computed formula misses it by an ulp at 0 of 3 and
        // 13 of 13), so the point is never outside its interval
        assertThat(Consistency.wilson(0, n, level).lower()).isEqualTo(0.0);
        assertThat(Consistency.wilson(n, n, level).upper()).isEqualTo(1.0);
      }
    }
    // k = 0 and k = n: the bound at the edge is exact, the other one leaves room
    Interval none = Consistency.wilson(0, 209, 0.95);
    assertThat(none.lower()).isEqualTo(0.0);
    assertThat(none.upper()).isGreaterThan(0.017).isLessThan(0.019);
    Interval all = Consistency.wilson(209, 209, 0.95);
    assertThat(all.upper()).isEqualTo(1.0);
    assertThat(all.lower()).isGreaterThan(0.981).isLessThan(0.983);
    assertThat(1 - all.lower()).isCloseTo(none.upper(), within(1e-12));
    // no models: undefined
    Interval empty = Consistency.wilson(0, 0, 0.95);
    assertThat(empty.point()).isNaN();
    assertThat(empty.lower()).isNaN();
    assertThat(empty.upper()).isNaN();
  }

  static List<Object[]> combinations() {
    List<Object[]> out = new ArrayList<>();
    for (FactorSelection s : List.of(FactorSelection.TOP, FactorSelection.MULTI)) {
      for (ErrorType e : List.of(ErrorType.CLASS, ErrorType.REAL_CLASS, ErrorType.METACLASS)) {
        out.add(new Object[] {s, e});
      }
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("combinations")
  void equalsAPlainLoopOverTheShippedTables(FactorSelection s, ErrorType e) throws IOException {
    Study study = new Study(RealData.results(), s, e, SETTINGS, GroupTest.alexanderGovern());
    ModelTypes types = ModelTypes.read(RealData.root().resolve("model_types.csv"));
    ModelGroups published = study.publishedGroups(types, base.get(s, e).factors());
    List<Consistency> got = study.consistency(published);
    assertThat(got).extracting(Consistency::modelSet).containsExactly("published", "all_zoos");
    assertThat(got.get(0).models()).hasSize(209);

    // plain loop: every row of the seven zoos' CSVs (first row wins, no human), base rows from the
    // engine's own aggregation (the base zoo has no shipped table)
    Map<String, double[]> er = new LinkedHashMap<>();
    for (String zoo : Study.ZOOS) {
      Path file = study.tablePath(zoo);
      for (Map.Entry<String, double[]> row : PlainCsv.accuracies(file).entrySet()) {
        if (!row.getKey().equals("human") && !er.containsKey(row.getKey())) {
          double[] ratios = new double[Factor.COUNT];
          for (int f = 0; f < Factor.COUNT; f++) {
            ratios[f] = PlainCsv.errorRatio(row.getValue(), f);
          }
          er.put(row.getKey(), ratios);
        }
      }
    }
    FactorTable baseTable = base.get(s, e).factors();
    Map<String, double[]> publishedEr = new LinkedHashMap<>();
    for (String m : published.table().models()) {
      double[] v = er.get(m);
      if (v == null) {
        int r = baseTable.rowOf(m);
        v = new double[Factor.COUNT];
        for (Factor f : Factor.values()) {
          v[f.ordinal()] = baseTable.errorRatio(r, f);
        }
      }
      publishedEr.put(m, v);
    }
    check(got.get(0), publishedEr);
    check(got.get(1), er);
  }

  private static void check(Consistency c, Map<String, double[]> er) {
    List<String> models = new ArrayList<>(er.keySet());
    assertThat(c.models()).containsExactlyElementsOf(models);
    int n = models.size();
    double[] pooled = new double[Factor.COUNT];
    for (double[] v : er.values()) {
      for (int f = 0; f < Factor.COUNT; f++) {
        pooled[f] += v[f] / n;
      }
    }
    double[] rho = new double[n];
    int high = 0;
    for (int m = 0; m < n; m++) {
      rho[m] = plainSpearman(er.get(models.get(m)), pooled);
      assertThat(c.spearmanOf(models.get(m))).as(models.get(m)).isCloseTo(rho[m], within(1e-9));
      high += rho[m] >= 0.8 - 1e-12 ? 1 : 0; // exactly 0.8 counts, whatever the rounding
    }
    double[] sorted = rho.clone();
    Arrays.sort(sorted);
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    assertThat(c.medianSpearman().point()).isCloseTo(median, within(1e-9));
    assertThat(c.minSpearman()).isCloseTo(sorted[0], within(1e-9));
    assertThat(c.shareHigh().point()).isCloseTo((double) high / n, within(1e-12));
    Interval[] shares = c.shareAboveOne();
    for (int f = 0; f < Factor.COUNT; f++) {
      int above = 0;
      for (double[] v : er.values()) {
        above += v[f] > 1 ? 1 : 0;
      }
      assertWilson(shares[f], above, n, SETTINGS.confidenceLevel());
      assertThat(shares[f].lower()).isLessThanOrEqualTo(shares[f].point());
      assertThat(shares[f].upper()).isGreaterThanOrEqualTo(shares[f].point());
      // never the bootstrap's zero width: at 0 of n and n of n too
      assertThat(shares[f].upper()).isGreaterThan(shares[f].lower());
    }
  }

  /** Spearman with average ranks for ties, by counting. */
  private static double plainSpearman(double[] a, double[] b) {
    double[] ra = ranks(a);
    double[] rb = ranks(b);
    double mean = (a.length + 1) / 2.0;
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < a.length; i++) {
      sab += (ra[i] - mean) * (rb[i] - mean);
      saa += (ra[i] - mean) * (ra[i] - mean);
      sbb += (rb[i] - mean) * (rb[i] - mean);
    }
    return sab / Math.sqrt(saa * sbb);
  }

  private static double[] ranks(double[] v) {
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      int less = 0;
      int equal = 0;
      for (double x : v) {
        less += x < v[i] ? 1 : 0;
        equal += x == v[i] ? 1 : 0;
      }
      r[i] = less + (equal + 1) / 2.0;
    }
    return r;
  }

  @Test
  void theCommandPrintsBothModelSets() {
    CliRunner.Result r = CliRunner.run("study", "consistency", "--format", "csv");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("model_set,models,statistic,factor,estimate,lower,upper\n")
        .contains("published,209,share_er_above_1,pose,")
        .contains("all_zoos,")
        .contains(",median_spearman,");
  }

  @Test
  void theTableNoteNamesEachQuantitysInterval() {
    double[][] er = new double[3][Factor.COUNT];
    for (int f = 0; f < Factor.COUNT; f++) {
      er[0][f] = 0.5 + 0.1 * f;
      er[1][f] = 0.4 + 0.1 * Math.min(f, 14);
      er[2][f] = 2.0 - 0.01 * f;
    }
    List<Consistency> list = List.of(Consistency.compute("hand", table(er), SETTINGS));
    assertThat(StudyTables.consistency(list, SETTINGS).render(Format.TABLE, 3))
        .contains(
            "intervals: share_er_above_1 95% Wilson score interval over models;"
                + " median_spearman and share_spearman_ge_0.8 95% percentile bootstrap over models,"
                + " B=200, seed 7; none for min_spearman");
  }
}
