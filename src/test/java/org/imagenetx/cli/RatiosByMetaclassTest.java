package org.imagenetx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.evaluation.Aggregation;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.MetaclassTable;
import org.imagenetx.resampling.IntervalMethod;
import org.imagenetx.resampling.ZooBootstrap;
import org.imagenetx.testing.CliRunner;
import org.imagenetx.testing.RealData;
import org.imagenetx.zoo.Zoo;
import org.imagenetx.zoo.Zoos;
import org.junit.jupiter.api.Test;

/**
 * {@code ratios --by-metaclass [--ci]} on the real base models: the error ratio of a factor within
 * a metaclass is (1 − its accuracy there) / (1 − the metaclass's accuracy), from the per-metaclass
 * table; the intervals are the per-metaclass bootstrap's, whose point estimates are the same
 * ratios.
 */
class RatiosByMetaclassTest {
  static String[] run(String... args) {
    CliRunner.Result r = CliRunner.run(args);
    assertThat(r.exitCode()).as(r.err()).isZero();
    return r.out().split("\n");
  }

  @Test
  void pointsAreRatiosOfTheMetaclassTableAndIntervalsBracketThem() throws Exception {
    String ann = RealData.annotations().toString();
    String zoo = RealData.baseZoo().toString();
    String[] plain =
        run("ratios", "--by-metaclass", "--annotations", ann, "--zoo", zoo, "--format", "csv");
    String[] ci =
        run(
            "ratios",
            "--by-metaclass",
            "--ci",
            "--resamples",
            "200",
            "--annotations",
            ann,
            "--zoo",
            zoo,
            "--format",
            "csv");
    List<String> header = List.of(ci[0].split(","));
    List<String> plainHeader = List.of(plain[0].split(","));
    assertThat(plain[0]).startsWith("model,metaclass,pose,pose_n,background,");
    assertThat(header.subList(0, 5))
        .containsExactly("model", "metaclass", "pose", "pose_lower", "pose_upper");
    // 4 models × 17 metaclasses (the bootstrap note is a comment line at the end of the text
    // formats only)
    assertThat(plain).hasSize(1 + 4 * Metaclasses.COUNT);

    Dataset ds = RealData.val();
    MetaclassTable t;
    ZooBootstrap.Result boot;
    try (Zoo z = Zoos.open(RealData.baseZoo(), ds.index())) {
      t =
          Aggregation.run(ds, z, List.of(FactorSelection.TOP), List.of(ErrorType.CLASS), 2, null)
              .get(FactorSelection.TOP, ErrorType.CLASS)
              .metaclasses();
      boot =
          ZooBootstrap.run(
              ds,
              z,
              FactorSelection.TOP,
              ErrorType.CLASS,
              true,
              new ZooBootstrap.Settings(200, 0.95, IntervalMethod.PERCENTILE, 42),
              2); // the CLI defaults
    }
    int checked = 0;
    for (int r = 0; r < t.size(); r++) {
      String[] p = plain[1 + r].split(",", -1);
      String[] c = ci[1 + r].split(",", -1);
      assertThat(p[0]).isEqualTo(t.model(r));
      assertThat(p[1]).isEqualTo(t.metaclass(r));
      int b = boot.models().indexOf(t.model(r));
      for (Factor f : Factor.values()) {
        double acc = t.get(r, f.ordinal());
        double avg = t.get(r, MetaclassTable.AVERAGE);
        double expected = (1 - acc) / (1 - avg);
        String cell = p[plainHeader.indexOf(f.column())];
        if (Double.isNaN(expected)) {
          assertThat(cell).as("%s %s %s", t.model(r), t.metaclass(r), f).isIn("", "nan", "NaN");
          continue;
        }
        double er = Double.parseDouble(cell);
        assertThat(er).as("%s %s %s", t.model(r), t.metaclass(r), f).isEqualTo(expected);
        // the bootstrap's own point estimate is the same ratio (checks the statistic index)
        int s = ZooBootstrap.Result.metaclassErrorRatio(r % Metaclasses.COUNT, f);
        assertThat(boot.point()[b][s])
            .as("bootstrap point %s %s %s", t.model(r), t.metaclass(r), f)
            .isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-12));
        double lo = Double.parseDouble(c[header.indexOf(f.column() + "_lower")]);
        double hi = Double.parseDouble(c[header.indexOf(f.column() + "_upper")]);
        assertThat(lo).isEqualTo(boot.lower()[b][s]);
        assertThat(hi).isEqualTo(boot.upper()[b][s]);
        assertThat(lo).as("%s %s %s", t.model(r), t.metaclass(r), f).isLessThanOrEqualTo(er);
        assertThat(hi).as("%s %s %s", t.model(r), t.metaclass(r), f).isGreaterThanOrEqualTo(er);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(4 * Metaclasses.COUNT * 8);
  }

  @Test
  void cellCountsFromAPlainLoopAndSmallCellsFlaggedInText() {
    String ann = RealData.annotations().toString();
    String zoo = RealData.baseZoo().toString();
    String[] csv =
        run("ratios", "--by-metaclass", "--annotations", ann, "--zoo", zoo, "--format", "csv");
    List<String> header = List.of(csv[0].split(","));
    assertThat(header).contains("pose_n", "multiple_objects_n");
    // n by a plain loop over the evaluated images of the top selection
    Dataset ds = RealData.val();
    var fs = ds.factors(FactorSelection.TOP);
    byte[] mc = ds.index().metaclassOfImage();
    int[][] n = new int[Metaclasses.COUNT][Factor.COUNT];
    for (Factor f : Factor.values()) {
      for (int i : fs.factor(f)) {
        if (fs.evaluated().contains(i)) {
          n[mc[i]][f.ordinal()]++;
        }
      }
    }
    int small = 0;
    for (int r = 1; r < csv.length; r++) {
      String[] c = csv[r].split(",", -1);
      int m = Metaclasses.idOf(c[1]);
      for (Factor f : Factor.values()) {
        assertThat(Integer.parseInt(c[header.indexOf(f.column() + "_n")]))
            .as("%s %s %s", c[0], c[1], f)
            .isEqualTo(n[m][f.ordinal()]);
        small += n[m][f.ordinal()] < 30 ? 1 : 0;
      }
    }
    assertThat(small).isPositive();
    // text: small cells carry the flag and the table the note; --counts shows n there too
    CliRunner.Result text =
        CliRunner.run("ratios", "--by-metaclass", "--annotations", ann, "--zoo", zoo);
    assertThat(text.out())
        .contains(org.imagenetx.evaluation.SmallCells.NOTE)
        .contains(org.imagenetx.evaluation.SmallCells.FLAG)
        .doesNotContain("pose_n");
    CliRunner.Result counted =
        CliRunner.run("ratios", "--by-metaclass", "--counts", "--annotations", ann, "--zoo", zoo);
    assertThat(counted.out()).contains("pose_n");
  }

  @Test
  void perFactorCountsOnAskingAreTheFactorsEvaluatedImages() {
    String ann = RealData.annotations().toString();
    String zoo = RealData.baseZoo().toString();
    // without --counts, the upstream columns
    String[] plain = run("ratios", "--annotations", ann, "--zoo", zoo, "--format", "csv");
    assertThat(plain[0]).doesNotContain("_n");
    String[] csv = run("ratios", "--counts", "--annotations", ann, "--zoo", zoo, "--format", "csv");
    List<String> header = List.of(csv[0].split(","));
    assertThat(header.subList(0, 4)).containsExactly("model", "pose", "pose_n", "background");
    Dataset ds = RealData.val();
    var fs = ds.factors(FactorSelection.TOP);
    int[] n = new int[Factor.COUNT];
    for (Factor f : Factor.values()) {
      for (int i : fs.factor(f)) {
        if (fs.evaluated().contains(i)) {
          n[f.ordinal()]++;
        }
      }
    }
    assertThat(csv).hasSize(1 + 4);
    for (int r = 1; r < csv.length; r++) {
      String[] c = csv[r].split(",", -1);
      for (Factor f : Factor.values()) {
        assertThat(Integer.parseInt(c[header.indexOf(f.column() + "_n")]))
            .as("%s %s", c[0], f)
            .isEqualTo(n[f.ordinal()]);
        // the ratio columns keep their numbers
        assertThat(c[header.indexOf(f.column())])
            .isEqualTo(plain[r].split(",", -1)[1 + f.ordinal()]);
      }
    }
  }
}
