package org.imagenetx.resampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.hipparchus.stat.inference.ChiSquareTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sampler against the exact pmf (Hipparchus), on both algorithms and both halves of p. */
class BinomialSamplerTest {
  @ParameterizedTest(name = "n={0} p={1}")
  @CsvSource({
    "1, 0.5",
    "7, 0.01",
    "20, 0.3",
    "1000, 0.01",
    "1000, 0.02",
    "200, 0.1", // inversion (n·p ≤ 20)
    "100, 0.9",
    "1000, 0.999",
    "100, 0.85", // inversion on 1 − p
    "100, 0.5",
    "1000, 0.2",
    "46110, 0.0023",
    "46110, 0.4",
    "46110, 0.97",
    "3000000, 0.25", // BTRS
    "200, 0.11",
    "105, 0.2",
    "41, 0.5",
    "1000, 0.0205",
    "80, 0.74", // BTRS just above the split (n·p > 20)
    "12643, 0.5",
    "46110, 0.00045",
    "2000, 0.0151" // BTRS at small and large spreads
  })
  void matchesExactPmf(int n, double p) {
    check(n, p, "sample", rng -> BinomialSampler.sample(rng, n, p));
  }

  /**
   * The batch form the bootstrap uses draws the same law (its constants are hoisted out of the
   * loop, its inversion multiplies by reciprocals): the same parameters and bounds as {@link
   * #matchesExactPmf}, through {@link BinomialSampler#drawAll} with every replicate at n trials.
   */
  @ParameterizedTest(name = "n={0} p={1}")
  @CsvSource({
    "1, 0.5",
    "7, 0.01",
    "20, 0.3",
    "1000, 0.01",
    "1000, 0.02",
    "200, 0.1",
    "100, 0.9",
    "1000, 0.999",
    "100, 0.5",
    "1000, 0.2",
    "46110, 0.0023",
    "46110, 0.4",
    "46110, 0.97",
    "200, 0.11",
    "80, 0.74",
    "12643, 0.5",
    "46110, 0.00045"
  })
  void batchMatchesExactPmf(int n, double p) {
    int[] remaining = new int[1000];
    int[] out = new int[1000];
    int[] next = {out.length};
    check(
        n,
        p,
        "drawAll",
        rng -> {
          if (next[0] == out.length) {
            Arrays.fill(remaining, n);
            BinomialSampler.drawAll(rng, p, remaining, out, 0, out.length);
            for (int b = 0; b < out.length; b++) {
              assertThat(remaining[b]).isEqualTo(n - out[b]);
            }
            next[0] = 0;
          }
          return out[next[0]++];
        });
  }

  private static void check(int n, double p, String how, ToIntFunction<SplittableRandom> sampler) {
    long seed = 31L * n + Double.hashCode(p) + how.hashCode();
    SplittableRandom rng = new SplittableRandom(seed);
    int draws = 200_000;
    BinomialDistribution exact = new BinomialDistribution(n, p);
    long[] hist = new long[n + 1];
    double sum = 0;
    for (int i = 0; i < draws; i++) {
      int x = sampler.applyAsInt(rng);
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
      assertThat(pValue)
          .as("seed %d chi-square over %d bins", seed, expected.size())
          .isGreaterThan(1e-4);
    }
  }

  @ParameterizedTest(name = "n={0}")
  @CsvSource({"0", "1", "5", "1000"})
  void degenerateProbabilities(int n) {
    SplittableRandom rng = new SplittableRandom(n);
    assertThat(BinomialSampler.sample(rng, n, 0.0)).isZero();
    assertThat(BinomialSampler.sample(rng, n, 1.0)).isEqualTo(n);
    int[] remaining = {n, n};
    int[] out = new int[2];
    BinomialSampler.drawAll(rng, 0.0, remaining, out, 0, 2);
    assertThat(out).containsExactly(0, 0);
    assertThat(remaining).containsExactly(n, n);
    BinomialSampler.drawAll(rng, 1.0, remaining, out, 0, 2);
    assertThat(out).containsExactly(n, n);
    assertThat(remaining).containsExactly(0, 0);
  }

  /** Stirling's remainder: exact below 10 and within 1e-10 of log x! from Hipparchus above. */
  @ParameterizedTest(name = "x={0}")
  @CsvSource({"0", "1", "5", "9", "10", "11", "30", "1000"})
  void stirlingTailIsTheRemainderOfLogFactorial(int x) {
    double logFactorial = org.hipparchus.special.Gamma.logGamma(x + 1.0);
    double series = (x + 0.5) * Math.log(x + 1.0) - (x + 1) + 0.5 * Math.log(2 * Math.PI);
    assertThat(BinomialSampler.stirlingTail(x))
        .isCloseTo(logFactorial - series, org.assertj.core.api.Assertions.within(1e-10));
  }
}
