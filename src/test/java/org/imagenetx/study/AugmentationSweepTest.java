package org.imagenetx.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imagenetx.annotations.Factor;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.io.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The augmentation statistics against independent plain-loop computations over the real CSVs: the
 * acceptance finding (strong random cropping hurts {@code smaller}), the least-squares slopes, the
 * cubic's extreme levels and Welch's t for every factor of every sweep.
 */
class AugmentationSweepTest {
  /** Plain reading: strength per model from the name by regex, levels with ≥ 5 models. */
  private record Plain(List<Double> x, List<double[]> rows) {}

  private static Plain plain(Augmentation a) {
    Path file = AggregatedTablesTest.path(a.zoo());
    Map<String, double[]> rows = PlainCsv.accuracies(file);
    Pattern p = Pattern.compile("_" + a.param() + "([0-9.]+)_");
    Map<Double, Integer> counts = new TreeMap<>();
    Map<String, Double> strength = new LinkedHashMap<>();
    for (String model : rows.keySet()) {
      Matcher m = p.matcher(model);
      assertThat(m.find()).as(model).isTrue();
      double v = Double.parseDouble(m.group(1));
      double s = a == Augmentation.CROP ? 100 - v : v;
      strength.put(model, s);
      counts.merge(s, 1, Integer::sum);
    }
    List<Double> x = new ArrayList<>();
    List<double[]> kept = new ArrayList<>();
    for (var e : strength.entrySet()) {
      if (counts.get(e.getValue()) > 4) {
        x.add(e.getValue());
        kept.add(rows.get(e.getKey()));
      }
    }
    return new Plain(x, kept);
  }

  @Test
  void strongRandomCroppingHurtsSmallObjects() {
    AugmentationSweep s =
        AugmentationSweep.compute(
            Augmentation.CROP, AggregatedTables.read(AggregatedTablesTest.path("crop")), "crop");
    LinearFit fit = s.effects().get(Factor.SMALLER.ordinal()).errorRatio();
    Plain plain = plain(Augmentation.CROP);
    int n = plain.x().size();
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += plain.x().get(i);
      my += PlainCsv.errorRatio(plain.rows().get(i), Factor.SMALLER.ordinal());
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      double dx = plain.x().get(i) - mx;
      sxy += dx * (PlainCsv.errorRatio(plain.rows().get(i), Factor.SMALLER.ordinal()) - my);
      sxx += dx * dx;
    }
    double slope = sxy / sxx;
    double sse = 0;
    for (int i = 0; i < n; i++) {
      double r =
          PlainCsv.errorRatio(plain.rows().get(i), Factor.SMALLER.ordinal())
              - (my + slope * (plain.x().get(i) - mx));
      sse += r * r;
    }
    double tSlope = slope / Math.sqrt(sse / (n - 2) / sxx);
    assertThat(n).isEqualTo(1271);
    assertThat(fit.n()).isEqualTo(n);
    assertThat(fit.slope()).isCloseTo(slope, within(1e-12));
    assertThat(slope).isGreaterThan(0.003);
    assertThat(tSlope).isGreaterThan(30);
    assertThat(fit.slopeLower()).isGreaterThan(0);
    assertThat(fit.pValue()).isLessThan(0.05);
    assertThat(fit.rSquared())
        .isCloseTo(slope * slope * sxx / (sse + slope * slope * sxx), within(1e-9));
    AugmentationSweep.Effect e = s.effects().get(Factor.SMALLER.ordinal());
    assertThat(e.t()).as("published statistic: cropping hurts smaller").isLessThan(-10);
    assertThat(e.pValue()).isLessThan(1e-6);
    assertThat(s.spillOver(0.05, 3).get(1).stream().map(AugmentationSweep.Effect::factor))
        .contains(Factor.SMALLER);
  }

  @ParameterizedTest
  @EnumSource(Augmentation.class)
  void cubicExtremesAndWelchTMatchAnIndependentFitOnEveryFactor(Augmentation a) {
    AugmentationSweep s =
        AugmentationSweep.compute(
            a, AggregatedTables.read(AggregatedTablesTest.path(a.zoo())), a.zoo());
    Plain plain = plain(a);
    double[] levels =
        plain.x().stream().mapToDouble(Double::doubleValue).distinct().sorted().toArray();
    assertThat(s.levels()).containsExactly(levels);
    for (Factor f : Factor.values()) {
      int n = plain.x().size();
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = plain.x().get(i);
        y[i] = PlainCsv.errorRatio(plain.rows().get(i), f.ordinal());
      }
      double[] c = normalEquationCubic(x, y);
      int lo = 0;
      int hi = 0;
      for (int l = 1; l < levels.length; l++) {
        if (poly(c, levels[l]) < poly(c, levels[lo])) {
          lo = l;
        }
        if (poly(c, levels[l]) > poly(c, levels[hi])) {
          hi = l;
        }
      }
      AugmentationSweep.Effect e = s.effects().get(f.ordinal());
      assertThat(e.lowLevel()).as("%s %s low", a, f).isEqualTo(levels[lo]);
      assertThat(e.highLevel()).as("%s %s high", a, f).isEqualTo(levels[hi]);
      double weak = Math.min(levels[lo], levels[hi]);
      double strong = Math.max(levels[lo], levels[hi]);
      double[] w = at(x, y, weak);
      double[] st = at(x, y, strong);
      double t = (mean(w) - mean(st)) / Math.sqrt(var(w) / w.length + var(st) / st.length);
      assertThat(e.t()).as("%s %s t", a, f).isCloseTo(t, within(1e-9 * Math.max(1, Math.abs(t))));
      assertThat(e.weakCount()).isEqualTo(w.length);
      assertThat(e.strongCount()).isEqualTo(st.length);
    }
  }

  @Test
  void handMadeSweepHasTheSignConventionOfTheStudy() {
    // crop 90, 50, 10 → strengths 10, 50, 90; 5 models each, plus one lone model at crop 70
    // (dropped)
    double[] strengths = {10, 50, 90};
    double[] noise = {-0.02, -0.01, 0, 0.01, 0.02};
    List<String> names = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    for (double s : strengths) {
      for (int k = 0; k < 5; k++) {
        names.add(
            String.format(
                Locale.ROOT, "eval_resnet50_crop%.1f_wd0.0001_id%d", 100 - s, rows.size()));
        rows.add(row(s, noise[k] * (1 + s / 100)));
      }
    }
    names.add("eval_resnet50_crop70.0_wd0.0001_id99");
    rows.add(row(30, 0));
    AugmentationSweep sweep =
        AugmentationSweep.compute(
            Augmentation.CROP, new FactorTable(names, rows.toArray(new double[0][])), "hand");
    assertThat(sweep.levels()).containsExactly(10.0, 50.0, 90.0);
    assertThat(sweep.droppedLevels()).containsExactly(30.0);
    // pose: ER = 1.5 − s/100 → lowest at 90 (strong), highest at 10: helped, t > 0
    AugmentationSweep.Effect pose = sweep.effects().get(Factor.POSE.ordinal());
    assertThat(pose.lowLevel()).isEqualTo(90.0);
    assertThat(pose.highLevel()).isEqualTo(10.0);
    double[] weak = new double[5];
    double[] strong = new double[5];
    for (int k = 0; k < 5; k++) {
      weak[k] = 1.5 - 0.1 + noise[k] * 1.1;
      strong[k] = 1.5 - 0.9 + noise[k] * 1.9;
    }
    double t = (mean(weak) - mean(strong)) / Math.sqrt(var(weak) / 5 + var(strong) / 5);
    assertThat(pose.t()).isCloseTo(t, within(1e-9)).isPositive();
    assertThat(pose.weakMean()).isCloseTo(1.4, within(1e-12));
    assertThat(pose.strongMean()).isCloseTo(0.6, within(1e-12));
    assertThat(pose.errorRatio().slope()).isCloseTo(-0.01, within(1e-3));
    // smaller: ER = 0.5 + s/100 → hurt, t < 0
    AugmentationSweep.Effect smaller = sweep.effects().get(Factor.SMALLER.ordinal());
    assertThat(smaller.t()).isCloseTo(-t, within(1e-9));
    assertThat(sweep.spillOver(0.05, 3).get(0).get(0).factor()).isEqualTo(Factor.POSE);
    assertThat(sweep.spillOver(0.05, 3).get(1).get(0).factor()).isEqualTo(Factor.SMALLER);
  }

  @Test
  void nameWithoutTheStrengthParameterIsBadInputWithItsLine() {
    double[] r = row(10, 0);
    FactorTable t =
        new FactorTable(
            List.of("eval_resnet50_crop90.0_id1", "eval_resnet50_color9.0_id2"),
            new double[][] {r, r});
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> AugmentationSweep.compute(Augmentation.CROP, t, "t.csv"));
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.problem()).contains("no crop value");
  }

  /**
   * A row with average 0.8 and pose ER = 1.5 − s/100 + d, smaller ER = 0.5 + s/100 − d, others 1.
   */
  private static double[] row(double s, double d) {
    double[] r = new double[FactorTable.COLUMNS.size()];
    Arrays.fill(r, 0.8);
    r[FactorTable.AVERAGE] = 0.8;
    r[Factor.POSE.ordinal()] = 1 - 0.2 * (1.5 - s / 100 + d);
    r[Factor.SMALLER.ordinal()] = 1 - 0.2 * (0.5 + s / 100 - d);
    return r;
  }

  private static double[] at(double[] x, double[] y, double level) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (x[i] == level) {
        out.add(y[i]);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  private static double var(double[] v) {
    double m = mean(v);
    double s = 0;
    for (double x : v) {
      s += (x - m) * (x - m);
    }
    return s / (v.length - 1);
  }

  /**
   * Cubic by the normal equations in x/100 with Gaussian elimination: independent of the QR fit.
   */
  private static double[] normalEquationCubic(double[] x, double[] y) {
    double[][] a = new double[4][5];
    for (int i = 0; i < x.length; i++) {
      double[] p = {1, x[i] / 100, Math.pow(x[i] / 100, 2), Math.pow(x[i] / 100, 3)};
      for (int r = 0; r < 4; r++) {
        for (int c = 0; c < 4; c++) {
          a[r][c] += p[r] * p[c];
        }
        a[r][4] += p[r] * y[i];
      }
    }
    for (int col = 0; col < 4; col++) {
      int piv = col;
      for (int r = col + 1; r < 4; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
          piv = r;
        }
      }
      double[] tmp = a[col];
      a[col] = a[piv];
      a[piv] = tmp;
      for (int r = 0; r < 4; r++) {
        if (r != col) {
          double f = a[r][col] / a[col][col];
          for (int c = col; c < 5; c++) {
            a[r][c] -= f * a[col][c];
          }
        }
      }
    }
    double[] c = new double[4];
    for (int r = 0; r < 4; r++) {
      c[r] = a[r][4] / a[r][r];
    }
    return c;
  }

  private static double poly(double[] c, double x) {
    double z = x / 100;
    return c[0] + c[1] * z + c[2] * z * z + c[3] * z * z * z;
  }
}
