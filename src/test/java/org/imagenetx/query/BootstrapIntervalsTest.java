package org.imagenetx.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.cli.Main;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.report.Format;
import org.imagenetx.report.QueryTables;
import org.imagenetx.resampling.Interval;
import org.imagenetx.resampling.IntervalMethod;
import org.imagenetx.resampling.ZooBootstrap;
import org.imagenetx.synth.SyntheticImageNetX;
import org.imagenetx.synth.SyntheticZoo;
import org.imagenetx.testing.RealData;
import org.imagenetx.zoo.InMemoryZoo;
import org.imagenetx.zoo.Zoos;
import org.junit.jupiter.api.Test;

/** Session intervals are issue 4's bootstrap, seeded as {@code ratios --ci}. */
class BootstrapIntervalsTest {
  /**
   * {@code show ViT}'s error-ratio intervals equal the {@code ratios --ci} row of ViT, bound for
   * bound.
   */
  @Test
  void showIntervalsEqualRatiosCiOnRealData() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "ratios",
            "--ci",
            "--annotations",
            RealData.annotations().toString(),
            "--zoo",
            RealData.baseZoo().toString(),
            "--format",
            "csv");
    assertThat(code).as(err.toString()).isZero();
    String[] lines = out.toString().split("\\n");
    List<String> header = List.of(lines[0].split(","));
    String[] vit = null;
    for (String l : lines) {
      if (l.startsWith("ViT,")) {
        vit = l.split(",");
      }
    }
    assertThat(vit).isNotNull();
    Dataset ds = RealData.val();
    Session s =
        Session.open(
            ds, Zoos.open(RealData.baseZoo(), ds.index()), FactorSelection.TOP, Map.of(), 2);
    BootstrapIntervals intervals = new BootstrapIntervals(ZooBootstrap.Settings.defaults());
    QueryEngine e = new QueryEngine(s, intervals);
    Results.ModelReport r = e.show("ViT", ErrorType.CLASS);
    for (Factor f : Factor.values()) {
      Interval er = r.factors().get(f.ordinal()).errorRatio();
      String c = f.column();
      assertEquals(Double.parseDouble(vit[header.indexOf(c)]), er.point(), 0.0, c);
      assertEquals(Double.parseDouble(vit[header.indexOf(c + "_lower")]), er.lower(), 0.0, c);
      assertEquals(Double.parseDouble(vit[header.indexOf(c + "_upper")]), er.upper(), 0.0, c);
      assertThat(er.lower()).as(c).isLessThan(er.upper());
      Interval acc = r.factors().get(f.ordinal()).accuracy();
      assertThat(acc.lower()).as(c).isLessThanOrEqualTo(acc.point()).isLessThan(acc.upper());
    }
    assertThat(r.average().lower()).isLessThan(r.average().point()).isLessThan(r.average().upper());
    // cached: a second show computes nothing new and returns the same bounds
    assertThat(intervals.cachedModels()).isEqualTo(1);
    Results.ModelReport again = e.show("ViT", ErrorType.CLASS);
    assertThat(again.factors()).isEqualTo(r.factors());
    assertThat(again.average()).isEqualTo(r.average());
    assertThat(intervals.cachedModels()).isEqualTo(1);
    assertThat(QueryTables.of(r).get(0).render(Format.TABLE, QueryTables.DECIMALS))
        .contains("error_ratio_lower");
  }

  /**
   * A ranking bootstraps only the rows it shows, and at most {@link
   * QueryEngine#MAX_RANK_INTERVALS}.
   */
  @Test
  void rankComputesIntervalsForTheTopRowsOnly() {
    Dataset ds = SyntheticImageNetX.generate(3, 20).dataset(false);
    InMemoryZoo zoo = SyntheticZoo.generate(ds, 30, 3);
    BootstrapIntervals intervals =
        new BootstrapIntervals(new ZooBootstrap.Settings(200, 0.9, IntervalMethod.PERCENTILE, 5L));
    QueryEngine e =
        new QueryEngine(Session.open(ds, zoo, FactorSelection.TOP, Map.of(), 2), intervals);
    Results.Ranking top5 = e.rank(new Query.Rank("pose", null, ErrorType.CLASS, null, 5));
    assertThat(intervals.cachedModels()).isEqualTo(5);
    for (Results.RankRow row : top5.rows()) {
      assertThat(row.value().lower()).as(row.model()).isLessThanOrEqualTo(row.value().upper());
    }
    Results.Ranking all = e.rank(new Query.Rank("pose", null, ErrorType.CLASS, null, 0));
    assertThat(all.rows()).hasSize(30);
    assertThat(intervals.cachedModels()).isEqualTo(QueryEngine.MAX_RANK_INTERVALS);
    for (int i = 0; i < 30; i++) {
      assertThat(Double.isNaN(all.rows().get(i).value().lower()))
          .as("row %d", i)
          .isEqualTo(i >= QueryEngine.MAX_RANK_INTERVALS);
    }
    assertThat(QueryTables.of(all).get(0).render(Format.TABLE, 0))
        .contains("for the first " + QueryEngine.MAX_RANK_INTERVALS + " rows only");
    // the interval of a ranked row is the one show reports
    Results.ModelReport first = e.show(all.rows().get(0).model(), ErrorType.CLASS);
    assertThat(first.factors().get(Factor.POSE.ordinal()).errorRatio())
        .isEqualTo(all.rows().get(0).value());
    ZooBootstrap.Result before = intervals.result(e.session(), 0, ErrorType.CLASS);
    // worst_factor: the worst factor's accuracy, or the largest error ratio, each with the
    // interval of the model's joint bootstrap (all factors from one resample)
    for (Metric metric : new Metric[] {Metric.ACCURACY, Metric.ERROR_RATIO}) {
      Results.Ranking worst =
          e.rank(new Query.Rank("worst_factor", metric, ErrorType.CLASS, null, 3));
      for (Results.RankRow row : worst.rows()) {
        Interval v = row.value();
        assertThat(v.lower()).as("%s %s", metric, row.model()).isLessThanOrEqualTo(v.point());
        assertThat(v.upper()).as("%s %s", metric, row.model()).isGreaterThanOrEqualTo(v.point());
        assertThat(v.upper()).isGreaterThan(v.lower());
      }
    }
    // the per-factor intervals stay those of the per-factor bootstrap, computed once
    assertThat(intervals.cachedModels()).isEqualTo(QueryEngine.MAX_RANK_INTERVALS);
    assertThat(intervals.result(e.session(), 0, ErrorType.CLASS)).isSameAs(before);
    // the worst_factor rows (top 3 of each metric) have their own joint bootstrap
    assertThat(intervals.cachedProfiles()).isBetween(3, 6);
    assertThat(FactorTable.COLUMNS).contains("worst_factor");
  }
}
