package org.imagenetx.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.hipparchus.stat.correlation.SpearmansCorrelation;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.evaluation.Aggregation;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.synth.SyntheticImageNetX;
import org.imagenetx.synth.SyntheticZoo;
import org.imagenetx.zoo.InMemoryZoo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rankings, ranks and neighbours over a 300-model synthetic zoo (multi factors) against an
 * independent computation from the batch table: a plain sort, a count, and hipparchus' Spearman.
 */
class SyntheticZooQueryTest {
  static final int MODELS = 300;
  static FactorTable batch;
  static QueryEngine engine;

  @BeforeAll
  static void load() {
    Dataset ds = SyntheticImageNetX.generate(7, 50).dataset(false);
    InMemoryZoo zoo = SyntheticZoo.generate(ds, MODELS, 7);
    batch =
        Aggregation.run(
                ds, zoo, List.of(FactorSelection.MULTI), List.of(ErrorType.METACLASS), 2, null)
            .get(FactorSelection.MULTI, ErrorType.METACLASS)
            .factors();
    engine =
        new QueryEngine(Session.open(ds, zoo, FactorSelection.MULTI, Map.of(), 2), Intervals.NONE);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 4, 8, 11, 15})
  void rankingsAndRanksEqualAPlainSortOfTheBatchTable(int factor) {
    Factor f = Factor.of(factor);
    List<Integer> rows = new ArrayList<>();
    for (int r = 0; r < batch.size(); r++) {
      rows.add(r);
    }
    rows.sort(
        Comparator.<Integer>comparingDouble(r -> batch.errorRatio(r, f))
            .thenComparing(r -> batch.models().get(r)));
    Results.Ranking ranking =
        engine.rank(new Query.Rank(f.column(), null, ErrorType.METACLASS, null, 0));
    assertThat(ranking.numRanked()).isEqualTo(MODELS);
    for (int i = 0; i < MODELS; i++) {
      int r = rows.get(i);
      assertThat(ranking.rows().get(i).model())
          .as("factor %s position %d", f, i)
          .isEqualTo(batch.models().get(r));
      assertEquals(batch.errorRatio(r, f), ranking.rows().get(i).value().point(), 0.0);
    }
    for (int r = 0; r < MODELS; r += 37) {
      double v = batch.errorRatio(r, f);
      int lower = 0;
      for (int o = 0; o < MODELS; o++) {
        lower += batch.errorRatio(o, f) < v ? 1 : 0;
      }
      Results.ModelReport report = engine.show(batch.models().get(r), ErrorType.METACLASS);
      assertThat(report.factors().get(factor).rank()).isEqualTo(lower + 1);
      assertThat(report.numModels()).isEqualTo(MODELS);
    }
    Results.Ranking top5 =
        engine.rank(
            new Query.Rank(f.column(), null, ErrorType.METACLASS, "synthetic_model_01*", 5));
    assertThat(top5.numRanked()).isEqualTo(100);
    List<String> expected = new ArrayList<>();
    for (int r : rows) {
      if (batch.models().get(r).startsWith("synthetic_model_01") && expected.size() < 5) {
        expected.add(batch.models().get(r));
      }
    }
    assertThat(top5.rows()).extracting(Results.RankRow::model).containsExactlyElementsOf(expected);
  }

  @org.junit.jupiter.api.Test
  void memoryCostIsTheClosedForm() {
    // 3 error types x 300 models x (19 + 16 + 1 + 17*18 + 19 + 17*18 doubles); orders cached by the
    // ranking tests
    long tables = 3L * MODELS * 8 * (19 + 16 + 1 + 17 * 18 + 19 + 17 * 18);
    assertThat(engine.session().ramBytesUsed()).isBetween(tables, tables + 3L * 36 * MODELS * 4);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 123, 299})
  void nearestNeighbourByBruteForce(int model) {
    double[] a = profile(model);
    double best = -2;
    String bestName = null;
    for (int o = 0; o < MODELS; o++) {
      if (o == model) {
        continue;
      }
      double rho = new SpearmansCorrelation().correlation(a, profile(o));
      if (rho > best) {
        best = rho;
        bestName = batch.models().get(o);
      }
    }
    Results.Similarity s =
        engine.similar(new Query.Similar(batch.models().get(model), ErrorType.METACLASS, 1, false));
    assertThat(s.rows().get(0).model()).isEqualTo(bestName);
    assertEquals(best, s.rows().get(0).spearman(), 1e-12);
  }

  private static double[] profile(int row) {
    double[] p = new double[Factor.COUNT];
    for (Factor f : Factor.values()) {
      p[f.ordinal()] = batch.errorRatio(row, f);
    }
    return p;
  }
}
