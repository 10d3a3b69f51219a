package org.imagenetx.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.hipparchus.stat.correlation.SpearmansCorrelation;
import org.imagenetx.compare.RankCorrelation;
import org.imagenetx.evaluation.ErrorType;
import org.junit.jupiter.api.Test;

class ProfilesTest {
  @Test
  void ranksAverageTiesAndSkipUndefined() {
    double[] r =
        RankCorrelation.ranks(
            new double[] {0.5, 2.0, 0.5, Double.NaN, 1.0, Double.POSITIVE_INFINITY});
    assertThat(r[0]).isEqualTo(1.5);
    assertThat(r[2]).isEqualTo(1.5);
    assertThat(r[4]).isEqualTo(3.0);
    assertThat(r[1]).isEqualTo(4.0);
    assertThat(r[3]).isNaN();
    assertThat(r[5]).isNaN();
  }

  /** Spearman against hipparchus over random profiles, with ties, for many seeds. */
  @Test
  void spearmanEqualsHipparchus() {
    SpearmansCorrelation ref = new SpearmansCorrelation();
    for (long seed = 0; seed < 200; seed++) {
      SplittableRandom rnd = new SplittableRandom(seed);
      double[] a = new double[16];
      double[] b = new double[16];
      for (int f = 0; f < 16; f++) {
        // few distinct values give ties
        a[f] = seed % 2 == 0 ? rnd.nextInt(5) * 0.5 : rnd.nextDouble(0.3, 3);
        b[f] = seed % 3 == 0 ? rnd.nextInt(4) * 0.5 : rnd.nextDouble(0.3, 3);
      }
      double expected = ref.correlation(a, b);
      double got = RankCorrelation.spearman(a, RankCorrelation.ranks(a), b);
      if (Double.isNaN(expected)) {
        assertThat(got).as("seed %d", seed).isNaN();
      } else {
        assertEquals(expected, got, 1e-12, "seed " + seed);
      }
    }
  }

  @Test
  void spearmanDropsFactorsUndefinedInEitherProfile() {
    double[] a = {1, 2, 3, Double.NaN, 5};
    double[] b = {5, 4, 3, 2, Double.NaN};
    // common factors 0..2: a increasing, b decreasing
    assertEquals(-1.0, RankCorrelation.spearman(a, RankCorrelation.ranks(a), b), 1e-15);
    assertThat(
            RankCorrelation.spearman(
                new double[] {1, Double.NaN},
                RankCorrelation.ranks(new double[] {1, Double.NaN}),
                new double[] {1, 2}))
        .isNaN();
  }

  @Test
  void cosineIsOverExcessError() {
    // excess (1, -1) and (2, -2): same direction
    assertEquals(1.0, Profiles.cosineExcess(new double[] {2, 0}, new double[] {3, -1}), 1e-15);
    // excess (1, 0) and (0, 1): orthogonal
    assertEquals(0.0, Profiles.cosineExcess(new double[] {2, 1}, new double[] {1, 2}), 0.0);
    assertThat(Profiles.cosineExcess(new double[] {1, 1}, new double[] {2, 3})).isNaN();
  }

  @Test
  void similarOnRealModelsMatchesDirectComputation() {
    QueryEngine e = RealSessions.top();
    Results.Similarity s = e.similar(new Query.Similar("ViT", ErrorType.CLASS, 10, false));
    assertThat(s.rows()).hasSize(3).extracting(Results.Neighbour::model).doesNotContain("ViT");
    double[] vit = profile(e, "ViT");
    for (Results.Neighbour n : s.rows()) {
      double[] o = profile(e, n.model());
      assertEquals(new SpearmansCorrelation().correlation(vit, o), n.spearman(), 1e-12);
    }
    for (int i = 1; i < s.rows().size(); i++) {
      assertThat(s.rows().get(i).spearman()).isLessThanOrEqualTo(s.rows().get(i - 1).spearman());
    }
    Results.Similarity c = e.similar(new Query.Similar("ViT", ErrorType.CLASS, 1, true));
    assertThat(c.rows()).hasSize(1);
    assertThat(c.rows().get(0).cosine())
        .isEqualTo(s.rows().stream().mapToDouble(Results.Neighbour::cosine).max().getAsDouble());
  }

  private static double[] profile(QueryEngine e, String model) {
    double[] p = new double[16];
    Results.ModelReport r = e.show(model, ErrorType.CLASS);
    for (int f = 0; f < 16; f++) {
      p[f] = r.factors().get(f).errorRatio().point();
    }
    return p;
  }
}
