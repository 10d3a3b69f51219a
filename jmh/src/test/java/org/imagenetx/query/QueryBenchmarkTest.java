package org.imagenetx.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.evaluation.Aggregation;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.state.QuerySessionState;
import org.imagenetx.synth.SyntheticImageNetX;
import org.imagenetx.synth.SyntheticZoo;
import org.junit.jupiter.api.Test;

/**
 * Runs every query benchmark once on the smallest state and checks its answer against the batch
 * tables.
 */
class QueryBenchmarkTest {
  @Test
  void queriesAnswerWithTheBatchNumbers() {
    QuerySessionState s = new QuerySessionState();
    s.models = 4;
    s.setUp();
    var ds = SyntheticImageNetX.generate(42, 50).dataset(false);
    FactorTable t =
        Aggregation.run(
                ds,
                SyntheticZoo.generate(ds, 4, 42),
                List.of(FactorSelection.TOP),
                List.of(ErrorType.CLASS),
                1,
                null)
            .get(FactorSelection.TOP, ErrorType.CLASS)
            .factors();
    QueryBenchmark b = new QueryBenchmark();

    Results.Ranking r = b.rank(s);
    assertThat(r.rows()).hasSize(4);
    int col = FactorTable.COLUMNS.indexOf(r.by());
    for (Results.RankRow row : r.rows()) {
      int m = t.rowOf(row.model());
      assertThat(row.value().point()).isEqualTo(t.errorRatio(m, Factor.of(col)));
    }
    Results.ModelReport show = b.show(s);
    assertThat(show.average().point()).isEqualTo(t.get(t.rowOf(show.model()), FactorTable.AVERAGE));
    Results.Similarity sim = b.similar(s);
    assertThat(sim.rows()).hasSize(3);
    Results.Comparison c = b.compare(s);
    assertThat(c.a()).isNotEqualTo(c.b());
    assertThat(c.rows()).hasSize(34);
    assertThat(c.rows().get(16).slice()).isEqualTo("overall");
    assertThat(c.rows().get(16).errorA())
        .isCloseTo(
            1 - t.get(t.rowOf(c.a()), FactorTable.AVERAGE),
            org.assertj.core.data.Offset.offset(1e-12));
    Results.ModelReport ci = b.showWithIntervals(s);
    assertThat(ci.average().point()).isEqualTo(t.get(t.rowOf(ci.model()), FactorTable.AVERAGE));
    assertThat(ci.average().lower())
        .isLessThan(ci.average().point())
        .isLessThan(ci.average().upper());
    Results.Ranking rci = b.rankWithIntervals(s);
    assertThat(rci.rows().get(0).value().lower())
        .isLessThanOrEqualTo(rci.rows().get(0).value().upper());
    Results.Matrix mx = b.matrix(s);
    assertThat(mx.errorRatio()[2][5]).isEqualTo(t.errorRatio(2, Factor.of(5)));
  }
}
