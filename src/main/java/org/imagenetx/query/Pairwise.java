package org.imagenetx.query;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.bits.Correctness;
import org.imagenetx.bits.Words;
import org.imagenetx.stats.ErrorType;
import org.imagenetx.stats.FactorTable;

/**
 * The two-model comparison of {@link QueryEngine#compare}: per factor and overall, both models'
 * accuracies and error ratios (from the session tables, equal to the batch tables) and the discordant
 * images — evaluated images both models predicted on which exactly one is wrong — counted as
 * popcounts of {@code evaluated & ¬correctA & correctB} against the factor words.
 */
final class Pairwise {
  private final Session session;

  Pairwise(Session session) {
    this.session = session;
  }

  Results.Comparison compare(int a, int b, ErrorType type, Intervals intervals) {
    Session.Columns c = session.columns(type);
    Dataset ds = session.dataset();
    int n = ds.index().size();
    int numWords = Words.numWords(n);
    long[][] factorWords = ds.factors(session.selection()).words();
    long[] evaluated = factorWords[Factor.COUNT];
    short[] pred = new short[n];
    long[] correctA = new long[numWords];
    long[] correctB = new long[numWords];
    long[] both = evaluated.clone();
    long[] scratch = new long[numWords];
    if (session.predictions(a, pred) > 0) {
      Correctness.covered(pred, n, scratch);
      Words.and(both, scratch, both, numWords);
    }
    correct(ds, pred, type, correctA);
    if (session.predictions(b, pred) > 0) {
      Correctness.covered(pred, n, scratch);
      Words.and(both, scratch, both, numWords);
    }
    correct(ds, pred, type, correctB);
    long[] onlyA = new long[numWords];
    long[] onlyB = new long[numWords];
    for (int w = 0; w < numWords; w++) {
      onlyA[w] = both[w] & ~correctA[w] & correctB[w];
      onlyB[w] = both[w] & correctA[w] & ~correctB[w];
    }
    int columns = Factor.COUNT + 1;
    int[] discA = new int[columns];
    int[] discB = new int[columns];
    double[] p = new double[columns];
    for (int col = 0; col < columns; col++) {
      long[] mask = col < Factor.COUNT ? factorWords[col] : evaluated;
      discA[col] = (int) Words.andCount(onlyA, mask, 0, numWords);
      discB[col] = (int) Words.andCount(onlyB, mask, 0, numWords);
      p[col] = mcNemarExact(discA[col], discB[col]);
    }
    double[] holm = holm(p);
    List<Results.ComparisonLine> rows = new ArrayList<>(columns);
    for (int col = 0; col < columns; col++) {
      boolean avg = col == Factor.COUNT;
      int acc = avg ? FactorTable.AVERAGE : col;
      double accA = c.accuracy[acc][a];
      double accB = c.accuracy[acc][b];
      double erA = avg ? Double.NaN : c.errorRatio[col][a];
      double erB = avg ? Double.NaN : c.errorRatio[col][b];
      rows.add(new Results.ComparisonLine(
          avg ? "average" : Factor.of(col).column(),
          accA, accB, erA, erB,
          Results.Estimate.of(avg ? accA - accB : erA - erB),
          discA[col], discB[col], p[col], holm[col]));
    }
    List<String> names = session.models();
    return new Results.Comparison(
        names.get(a), names.get(b), type, rows,
        "difference = ER_A - ER_B (average: accuracy A - B); McNemar exact test on discordant images,"
            + " Holm-adjusted over the 17 columns");
  }

  private static void correct(Dataset ds, short[] pred, ErrorType type, long[] out) {
    int n = ds.index().size();
    switch (type) {
      case CLASS:
        Correctness.classCorrect(pred, ds.index().labels(), n, out);
        break;
      case METACLASS:
        Correctness.metaclassCorrect(pred, ds.index().metaclassOfImage(), ds.metaclasses().table(), n, out);
        break;
      case REAL_CLASS:
        Correctness.realCorrect(pred, ds.realOffsets(), ds.realLabels(), n, out);
        break;
      default:
        throw new AssertionError(type);
    }
  }

  /**
   * McNemar's exact test: under H0 the {@code b + c} discordant images split Binomial(b + c, 1/2).
   *
   * @param b images only A gets wrong
   * @param c images only B gets wrong
   * @return two-sided p-value {@code min(1, 2 · P(X ≤ min(b, c)))}; 1 when there is no discordant image
   */
  static double mcNemarExact(int b, int c) {
    int n = b + c;
    if (n == 0) {
      return 1.0;
    }
    return Math.min(1.0, 2 * new BinomialDistribution(n, 0.5).cumulativeProbability(Math.min(b, c)));
  }

  /**
   * Holm's step-down adjustment.
   *
   * @param p raw p-values
   * @return adjusted p-values, same order, monotone in the raw order
   */
  static double[] holm(double[] p) {
    int m = p.length;
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (x, y) -> Double.compare(p[x], p[y]));
    double[] adj = new double[m];
    double running = 0;
    for (int k = 0; k < m; k++) {
      int i = order[k];
      running = Math.max(running, Math.min(1.0, (m - k) * p[i]));
      adj[i] = running;
    }
    return adj;
  }
}
