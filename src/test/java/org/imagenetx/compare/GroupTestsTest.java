package org.imagenetx.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.distribution.continuous.FDistribution;
import org.junit.jupiter.api.Test;

/**
 * Golden values from {@code scipy.stats} 1.17.1 ({@code alexandergovern}, and {@code f_oneway(...,
 * equal_var=False)} for Welch), an implementation independent of ours; the first data set is the
 * car-loan example of scipy's {@code alexandergovern} documentation. Welch is also checked against
 * a hand computation referred to Hipparchus's F distribution.
 */
class GroupTestsTest {
  static final double[][] LOANS = {
    {13.75, 13.75, 13.5, 13.5, 13.0, 13.0, 13.0, 12.75, 12.5},
    {14.25, 13.0, 12.75, 12.5, 12.5, 12.4, 12.3, 11.9, 11.9},
    {14.0, 14.0, 13.51, 13.5, 13.5, 13.25, 13.0, 12.5, 12.5},
    {15.0, 14.0, 13.75, 13.59, 13.25, 12.97, 12.5, 12.25, 11.89}
  };

  static final double[][] UNEQUAL = {
    {0.9, 1.1, 1.3, 0.95, 1.7}, {2.1, 2.0, 1.2, 3.3, 2.2, 2.9, 1.1}, {0.5, 0.4, 0.45}
  };

  @Test
  void alexanderGovernMatchesScipyDocumentationExample() {
    GroupTestResult r = GroupTests.alexanderGovern(LOANS);
    assertThat(r.statistic()).isCloseTo(4.65087071883494, within(1e-12));
    assertThat(r.pValue()).isCloseTo(0.19922132490385214, within(1e-12));
    assertThat(r.numeratorDf()).isEqualTo(3.0);
    assertThat(r.method()).isEqualTo("Alexander-Govern");
    assertThat(r.pValue())
        .isCloseTo(
            1 - new ChiSquaredDistribution(3).cumulativeProbability(r.statistic()), within(1e-12));
  }

  @Test
  void alexanderGovernMatchesScipyOnUnequalSizes() {
    GroupTestResult r = GroupTests.alexanderGovern(UNEQUAL);
    assertThat(r.statistic()).isCloseTo(17.80271997143801, within(1e-11));
    assertThat(r.pValue()).isCloseTo(0.0001362035655624369, within(1e-15));
  }

  @Test
  void welchMatchesScipy() {
    GroupTestResult loans = GroupTests.welchAnova(LOANS);
    assertThat(loans.statistic()).isCloseTo(1.8646835472710899, within(1e-12));
    assertThat(loans.pValue()).isCloseTo(0.17333286094339498, within(1e-12));
    GroupTestResult r = GroupTests.welchAnova(UNEQUAL);
    assertThat(r.statistic()).isCloseTo(24.332277752768555, within(1e-11));
    assertThat(r.pValue()).isCloseTo(0.0008324099484137891, within(1e-14));
    assertThat(r.method()).isEqualTo("Welch ANOVA");
  }

  /** Two groups of two values each, worked by hand: Welch's F equals the squared Welch t. */
  @Test
  void welchByHandOnTwoGroups() {
    // x = {1, 3}: mean 2, s² = 2, n = 2 -> w = 1; y = {4, 8}: mean 6, s² = 8 -> w = 0.25.
    // W = 1.25, x̄_w = (2 + 1.5)/1.25 = 2.8; between = 1·0.64 + 0.25·10.24 = 3.2; k - 1 = 1.
    // Λ = (1 - 0.8)²/1 + (1 - 0.2)²/1 = 0.68; B = 1 + 0 = 1 (k - 2 = 0) -> F = 3.2.
    // df2 = 3 / (3 · 0.68) = 1/0.68. Welch t = (6-2)/sqrt(1 + 4) = 4/sqrt(5), t² = 3.2.
    GroupTestResult r = GroupTests.welchAnova(new double[][] {{1, 3}, {4, 8}});
    assertThat(r.statistic()).isCloseTo(3.2, within(1e-12));
    assertThat(r.numeratorDf()).isEqualTo(1.0);
    assertThat(r.denominatorDf()).isCloseTo(1 / 0.68, within(1e-12));
    double p = 1 - new FDistribution(1, 1 / 0.68).cumulativeProbability(3.2);
    assertThat(r.pValue()).isCloseTo(p, within(1e-10));
  }

  @Test
  void identicalGroupMeansGiveNoEvidence() {
    GroupTestResult ag = GroupTests.alexanderGovern(new double[][] {{1, 2, 3}, {0, 2, 4}});
    assertThat(ag.statistic()).isCloseTo(0, within(1e-15));
    assertThat(ag.pValue()).isCloseTo(1, within(1e-15));
    assertThat(GroupTests.welchAnova(new double[][] {{1, 2, 3}, {0, 2, 4}}).pValue())
        .isCloseTo(1, within(1e-15));
  }

  @Test
  void degenerateInputs() {
    assertThrows(
        IllegalArgumentException.class, () -> GroupTests.alexanderGovern(new double[][] {{1, 2}}));
    assertThrows(
        IllegalArgumentException.class, () -> GroupTests.welchAnova(new double[][] {{1, 2}, {3}}));
    assertThrows(
        IllegalArgumentException.class,
        () -> GroupTests.welchAnova(new double[][] {{1, 2}, {3, Double.NaN}}));
    GroupTestResult zeroVar = GroupTests.alexanderGovern(new double[][] {{1, 1}, {2, 3}});
    assertThat(zeroVar.pValue()).isNaN();
    assertThat(GroupTests.welchAnova(new double[][] {{1, 1}, {2, 3}}).pValue()).isNaN();
  }
}
