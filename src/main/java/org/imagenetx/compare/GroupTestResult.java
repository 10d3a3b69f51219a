package org.imagenetx.compare;

/**
 * Outcome of a test that several groups share one mean.
 *
 * @param method name of the test ({@code "Alexander-Govern"} or {@code "Welch ANOVA"})
 * @param statistic the test statistic (chi-square-distributed A for Alexander–Govern, F for Welch)
 * @param numeratorDf degrees of freedom: {@code k − 1} for both tests
 * @param denominatorDf second degrees of freedom of Welch's F; {@code +∞} for Alexander–Govern,
 *     whose statistic is referred to a chi-square (an F with infinite denominator degrees of
 *     freedom times {@code k − 1})
 * @param pValue upper-tail probability of the statistic under equal means; NaN when undefined (a
 *     group with zero variance)
 */
public record GroupTestResult(
    String method, double statistic, double numeratorDf, double denominatorDf, double pValue) {}
