package org.imagenetx.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.hipparchus.stat.inference.ChiSquareTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sampler against the exact pmf (Hipparchus), on both algorithms and both halves of p. */
class BinomialSamplerTest {
  @ParameterizedTest(name = "n={0} p={1}")
  @CsvSource({
    "1, 0.5", "7, 0.01", "20, 0.3", "1000, 0.01", // inversion (n·p ≤ 10)
    "100, 0.9", "1000, 0.999", // inversion on 1 − p
    "100, 0.5", "1000, 0.2", "46110, 0.0023", "46110, 0.4", "46110, 0.97", "3000000, 0.25", // BTPE
    "200, 0.18", "105, 0.1", "21, 0.5", "1000, 0.0105", "40, 0.74" // BTPE just above the split (n·p > 10)
  })
  void matchesExactPmf(int n, double p) {
    long seed = 31L * n + Double.hashCode(p);
    SplittableRandom rng = new SplittableRandom(seed);
    int draws = 200_000;
    BinomialDistribution exact = new BinomialDistribution(n, p);
    long[] hist = new long[n + 1];
    double sum = 0;
    for (int i = 0; i < draws; i++) {
      int x = BinomialSampler.sample(rng, n, p);
      assertThat(x).isBetween(0, n);
      hist[x]++;
      sum += x;
    }
    // Pool the support into bins of expected count ≥ 20 for a chi-square goodness of fit.
    List<Double> expected = new ArrayList<>();
    List<Long> observed = new ArrayList<>();
    double e = 0;
    long o = 0;
    for (int x = 0; x <= n; x++) {
      e += exact.probability(x) * draws;
      o += hist[x];
      if (e >= 20) {
        expected.add(e);
        observed.add(o);
        e = 0;
        o = 0;
      }
    }
    if (expected.isEmpty()) {
      expected.add(e);
      observed.add(o);
    } else {
      expected.set(expected.size() - 1, expected.get(expected.size() - 1) + e);
      observed.set(observed.size() - 1, observed.get(observed.size() - 1) + o);
    }
    double mean = sum / draws;
    double sd = Math.sqrt(n * p * (1 - p) / draws);
    assertThat(Math.abs(mean - n * p)).as("seed %d mean", seed).isLessThanOrEqualTo(5 * sd + 1e-12);
    if (expected.size() > 1) {
      double pValue =
          new ChiSquareTest()
              .chiSquareTest(
                  expected.stream().mapToDouble(Double::doubleValue).toArray(),
                  observed.stream().mapToLong(Long::longValue).toArray());
      assertThat(pValue).as("seed %d chi-square over %d bins", seed, expected.size()).isGreaterThan(1e-4);
    }
  }

  @ParameterizedTest(name = "n={0}")
  @CsvSource({"0", "1", "5", "1000"})
  void degenerateProbabilities(int n) {
    SplittableRandom rng = new SplittableRandom(n);
    assertThat(BinomialSampler.sample(rng, n, 0.0)).isZero();
    assertThat(BinomialSampler.sample(rng, n, 1.0)).isEqualTo(n);
  }
}
