package org.imagenetx.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.FactorSet;
import org.imagenetx.cli.Main;
import org.imagenetx.compare.McNemar;
import org.imagenetx.compare.PairwiseData;
import org.imagenetx.compare.SliceComparison;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.report.Format;
import org.imagenetx.report.QueryTables;
import org.imagenetx.testing.RealData;
import org.imagenetx.zoo.Zoo;
import org.imagenetx.zoo.Zoos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PairwiseTest {
  /**
   * The acceptance check of issue 7 for {@code compare}: the query's table is the {@code compare}
   * command's, value for value (CSV keeps full precision), on the real base models.
   */
  @Test
  void compareEqualsTheCompareCommandOnRealData() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "compare",
            "ViT",
            "ResNet50",
            "--annotations",
            RealData.annotations().toString(),
            "--zoo",
            RealData.baseZoo().toString(),
            "--format",
            "csv");
    assertThat(code).as(err.toString()).isZero();
    Results.Comparison c = RealSessions.top().compare("ViT", "ResNet50", ErrorType.CLASS);
    String query = QueryTables.of(c).get(0).render(Format.CSV, QueryTables.DECIMALS);
    String[] cli = out.toString().split("\n");
    String[] q = query.split("\n");
    assertThat(cli).hasSizeGreaterThanOrEqualTo(1 + 34);
    assertThat(q[0]).isEqualTo(cli[0]);
    List<String> header = List.of(cli[0].split(","));
    int diff = header.indexOf("error_diff");
    for (int i = 1; i < 1 + 34; i++) {
      String[] x = q[i].split(",", -1);
      String[] y = cli[i].split(",", -1);
      assertThat(x).as("line %d", i).hasSameSizeAs(y);
      for (int k = 0; k < y.length; k++) {
        // metaclass rows included: their paired-bootstrap intervals equal the command's (issue 14)
        assertThat(x[k]).as("line %d column %s", i, header.get(k)).isEqualTo(y[k]);
      }
    }
    assertThat(cli[18]).startsWith("metaclass:");
    String[] device = q[18].split(",", -1);
    assertThat(device[0]).isEqualTo("metaclass:device");
    double d = Double.parseDouble(device[diff]);
    assertThat(Double.parseDouble(device[diff + 1])).isLessThan(d);
    assertThat(Double.parseDouble(device[diff + 2])).isGreaterThan(d);
    // numbers that make the comparison meaningful: ViT makes fewer errors overall, significantly
    SliceComparison overall = c.rows().get(Factor.COUNT);
    assertThat(overall.slice()).isEqualTo("overall");
    assertThat(overall.onlyAWrong()).isLessThan(overall.onlyBWrong());
    assertThat(overall.pHolm()).isLessThan(0.05);
    assertThat(overall.verdict()).startsWith("ViT makes fewer errors");
    assertThat(c.rows().get(0).erDiff().lower()).isLessThan(c.rows().get(0).erDiff().upper());
  }

  /** Discordant counts against a per-image loop over the raw predictions. */
  @ParameterizedTest
  @EnumSource(
      value = ErrorType.class,
      names = {"CLASS", "METACLASS", "REAL_CLASS"})
  void discordantCountsEqualAPerImageLoop(ErrorType type) {
    QueryEngine e = RealSessions.top();
    Dataset ds = RealData.val();
    Zoo zoo = Zoos.open(RealData.baseZoo(), ds.index());
    int a = zoo.models().indexOf("DINO");
    int b = zoo.models().indexOf("SimCLR");
    short[] pa = new short[ds.index().size()];
    short[] pb = new short[ds.index().size()];
    zoo.readClasses(a, pa);
    zoo.readClasses(b, pb);
    FactorSet fs = ds.factors(FactorSelection.TOP);
    int[] onlyA = new int[Factor.COUNT + 1];
    int[] onlyB = new int[Factor.COUNT + 1];
    for (int i = 0; i < pa.length; i++) {
      if (!fs.evaluated().contains(i) || pa[i] < 0 || pb[i] < 0) {
        continue;
      }
      boolean ca = correct(ds, type, i, pa[i]);
      boolean cb = correct(ds, type, i, pb[i]);
      if (ca == cb) {
        continue;
      }
      for (int f = 0; f <= Factor.COUNT; f++) {
        if (f == Factor.COUNT || fs.factor(Factor.of(f)).contains(i)) {
          if (!ca) {
            onlyA[f]++;
          } else {
            onlyB[f]++;
          }
        }
      }
    }
    Results.Comparison c = e.compare("DINO", "SimCLR", type);
    assertThat(c.rows()).hasSize(PairwiseData.NUM_SLICES);
    for (int f = 0; f <= Factor.COUNT; f++) {
      SliceComparison l = c.rows().get(f);
      assertThat(l.onlyAWrong()).as("%s column %d", type, f).isEqualTo(onlyA[f]);
      assertThat(l.onlyBWrong()).as("%s column %d", type, f).isEqualTo(onlyB[f]);
      assertEquals(McNemar.exactP(onlyA[f], onlyB[f]), l.pExact(), 0.0);
    }
    assertThat(onlyA[Factor.COUNT]).isGreaterThan(1000);
    Results.ModelReport dino = e.show("DINO", type);
    assertEquals(dino.factors().get(4).errorRatio().point(), c.errorRatioA()[4], 0.0);
    assertEquals(
        dino.factors().get(4).errorRatio().point()
            - e.show("SimCLR", type).factors().get(4).errorRatio().point(),
        c.rows().get(4).erDiff().point(),
        1e-12);
  }

  private static boolean correct(Dataset ds, ErrorType type, int i, short p) {
    short label = ds.index().labels()[i];
    switch (type) {
      case CLASS:
        return p == label;
      case METACLASS:
        return ds.metaclasses().of(p) == ds.metaclasses().of(label);
      default:
        int[] off = ds.realOffsets();
        for (int k = off[i]; k < off[i + 1]; k++) {
          if (ds.realLabels()[k] == p) {
            return true;
          }
        }
        return false;
    }
  }

  @Test
  void aRepeatedComparisonIsServedFromTheRecentOnesAndEqualsAFreshOne() {
    QueryEngine e = RealSessions.top();
    Results.Comparison first = e.compare("DINO", "ViT", ErrorType.METACLASS);
    assertThat(e.compare("DINO", "ViT", ErrorType.METACLASS)).isSameAs(first);
    // another order, another type: computed, not confused with the cached one
    Results.Comparison swapped = e.compare("ViT", "DINO", ErrorType.METACLASS);
    assertThat(swapped).isNotSameAs(first);
    assertThat(swapped.a()).isEqualTo("ViT");
    assertThat(e.compare("DINO", "ViT", ErrorType.CLASS)).isNotSameAs(first);
    // the cached answer is the one a fresh engine over the same data computes
    QueryEngine fresh = RealSessions.fresh(FactorSelection.TOP);
    Results.Comparison recomputed = fresh.compare("DINO", "ViT", ErrorType.METACLASS);
    assertThat(QueryTables.of(recomputed).get(0).render(Format.CSV, QueryTables.DECIMALS))
        .isEqualTo(QueryTables.of(first).get(0).render(Format.CSV, QueryTables.DECIMALS));
  }
}
