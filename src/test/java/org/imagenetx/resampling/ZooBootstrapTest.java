package org.imagenetx.resampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.evaluation.Aggregation;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.FactorCounts;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.evaluation.MetaclassTable;
import org.imagenetx.synth.SyntheticImageNetX;
import org.imagenetx.synth.SyntheticZoo;
import org.imagenetx.zoo.Zoo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** The zoo driver: same numbers as the upstream tables, independent of the thread count. */
class ZooBootstrapTest {
  private static final Dataset DATASET = SyntheticImageNetX.generate(5, 12).dataset(false);
  private static final Zoo ZOO = SyntheticZoo.generate(DATASET, 5, 5);

  static Stream<org.junit.jupiter.params.provider.Arguments> cases() {
    List<org.junit.jupiter.params.provider.Arguments> out = new ArrayList<>();
    for (FactorSelection s : FactorSelection.values()) {
      for (ErrorType t : ErrorType.values()) {
        out.add(org.junit.jupiter.params.provider.Arguments.of(s, t));
      }
    }
    return out.stream();
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("cases")
  void pointEstimatesAreTheTableValues(FactorSelection selection, ErrorType type) {
    ZooBootstrap.Settings settings = new ZooBootstrap.Settings(100, 0.95, IntervalMethod.BCA, 1);
    ZooBootstrap.Result r = ZooBootstrap.run(DATASET, ZOO, selection, type, false, settings, 2);
    ZooBootstrap.Result meta = ZooBootstrap.run(DATASET, ZOO, selection, type, true, settings, 2);
    Aggregation.Tables tables =
        Aggregation.run(DATASET, ZOO, List.of(selection), List.of(type), 1, null)
            .get(selection, type);
    FactorTable t = tables.factors();
    MetaclassTable mt = tables.metaclasses();
    for (int m = 0; m < ZOO.size(); m++) {
      int row = t.rowOf(ZOO.models().get(m)); // real_class tables also hold the human row
      for (Factor f : Factor.values()) {
        same(r.point()[m][ZooBootstrap.Result.accuracy(f.ordinal())], t.get(row, f.ordinal()));
        same(r.point()[m][ZooBootstrap.Result.errorRatio(f)], t.errorRatio(row, f));
        Interval iv = r.interval(m, ZooBootstrap.Result.errorRatio(f));
        if (Double.isNaN(iv.point())) {
          assertThat(iv.lower()).isNaN();
          assertThat(iv.upper()).isNaN();
        } else {
          assertThat(iv.contains(iv.point())).as("%s %s %s", m, f, iv).isTrue();
        }
        for (int mc = 0; mc < Metaclasses.COUNT; mc++) {
          double expected = mt.get(row * Metaclasses.COUNT + mc, f.ordinal());
          double got = meta.point()[m][2 * (mc * FactorCounts.COLUMNS + f.ordinal())];
          assertThat(Double.doubleToLongBits(got))
              .as("%d %d %s", m, mc, f)
              .isEqualTo(Double.doubleToLongBits(expected));
        }
      }
      assertThat(r.point()[m][ZooBootstrap.Result.accuracy(FactorCounts.ALL)])
          .isEqualTo(t.get(row, FactorTable.AVERAGE));
    }
  }

  private static void same(double got, double expected) {
    assertThat(Double.doubleToLongBits(got))
        .as("%s vs %s", got, expected)
        .isEqualTo(Double.doubleToLongBits(expected));
  }

  @Test
  void multiRunsInMarginalModeTopInJointMode() {
    assertThat(
            ZooBootstrap.useMarginal(
                PatternCells.of(DATASET, FactorSelection.MULTI).patterns().length))
        .isTrue();
    assertThat(
            ZooBootstrap.useMarginal(
                PatternCells.of(DATASET, FactorSelection.TOP).patterns().length))
        .isFalse();
    ZooBootstrap.Settings settings = new ZooBootstrap.Settings(200, 0.9, IntervalMethod.BCA, 5);
    ZooBootstrap.Result one =
        ZooBootstrap.run(DATASET, ZOO, FactorSelection.MULTI, ErrorType.CLASS, false, settings, 1);
    ZooBootstrap.Result two =
        ZooBootstrap.run(DATASET, ZOO, FactorSelection.MULTI, ErrorType.CLASS, false, settings, 2);
    assertThat(Arrays.deepEquals(one.lower(), two.lower())).isTrue();
    assertThat(Arrays.deepEquals(one.upper(), two.upper())).isTrue();
  }

  @Test
  void threadCountDoesNotChangeResults() {
    ZooBootstrap.Settings settings =
        new ZooBootstrap.Settings(300, 0.9, IntervalMethod.PERCENTILE, 77);
    ZooBootstrap.Result one =
        ZooBootstrap.run(DATASET, ZOO, FactorSelection.TOP, ErrorType.CLASS, false, settings, 1);
    ZooBootstrap.Result two =
        ZooBootstrap.run(DATASET, ZOO, FactorSelection.TOP, ErrorType.CLASS, false, settings, 2);
    assertThat(Arrays.deepEquals(one.lower(), two.lower())).isTrue();
    assertThat(Arrays.deepEquals(one.upper(), two.upper())).isTrue();
    assertThat(Arrays.deepEquals(one.point(), two.point())).isTrue();
    ZooBootstrap.Result other =
        ZooBootstrap.run(
            DATASET,
            ZOO,
            FactorSelection.TOP,
            ErrorType.CLASS,
            false,
            new ZooBootstrap.Settings(300, 0.9, IntervalMethod.PERCENTILE, 78),
            2);
    assertThat(Arrays.deepEquals(one.lower(), other.lower())).as("the seed matters").isFalse();
  }

  @Test
  void simultaneousBandsContainTheMarginalIntervalsAndCoverTogether() {
    ZooBootstrap.Settings settings =
        new ZooBootstrap.Settings(400, 0.95, IntervalMethod.PERCENTILE, 3);
    ZooBootstrap.Result marginal =
        ZooBootstrap.run(DATASET, ZOO, FactorSelection.TOP, ErrorType.CLASS, false, settings, 2);
    ZooBootstrap.Result bands =
        ZooBootstrap.runSimultaneous(
            DATASET, ZOO, FactorSelection.TOP, ErrorType.CLASS, settings, 2);
    int wider = 0;
    for (int m = 0; m < ZOO.size(); m++) {
      // same resamples: same points and accuracy intervals
      assertThat(bands.point()[m]).containsExactly(marginal.point()[m]);
      assertThat(bands.lower()[m][0]).isEqualTo(marginal.lower()[m][0]);
      for (org.imagenetx.annotations.Factor f : org.imagenetx.annotations.Factor.values()) {
        int k = ZooBootstrap.Result.errorRatio(f);
        double p = bands.point()[m][k];
        if (Double.isNaN(p)) {
          continue;
        }
        if (marginal.upper()[m][k] == marginal.lower()[m][k]) {
          // no spread (a tiny cell without errors): no band, documented as NaN
          assertThat(bands.lower()[m][k]).isNaN();
          continue;
        }
        assertThat(bands.lower()[m][k]).isLessThanOrEqualTo(p);
        assertThat(bands.upper()[m][k]).isGreaterThanOrEqualTo(p);
        double w = bands.upper()[m][k] - bands.lower()[m][k];
        double v = marginal.upper()[m][k] - marginal.lower()[m][k];
        wider += w > v ? 1 : 0;
      }
    }
    // a family-wise band over 16 statistics is wider than one marginal 95% interval almost always
    assertThat(wider).isGreaterThan(ZOO.size() * 16 * 3 / 4);
  }
}
