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
  private volatile byte[] metaclassOfPredPlus1;
  private volatile RealPlan realPlan;

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
    long[] classWords = new long[numWords];
    long[] both = evaluated.clone();
    long[] scratch = new long[numWords];
    if (session.predictions(a, pred) > 0) {
      Correctness.covered(pred, n, scratch);
      Words.and(both, scratch, both, numWords);
    }
    correct(ds, pred, type, classWords, correctA);
    if (session.predictions(b, pred) > 0) {
      Correctness.covered(pred, n, scratch);
      Words.and(both, scratch, both, numWords);
    }
    correct(ds, pred, type, classWords, correctB);
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

  /**
   * Correctness words of one model, exact on the evaluated images (the only ones counted): {@code
   * class} directly, the other types derived from it with the kernels the {@code Evaluator} uses.
   */
  private void correct(Dataset ds, short[] pred, ErrorType type, long[] classWords, long[] out) {
    int n = ds.index().size();
    int numWords = Words.numWords(n);
    Correctness.classCorrect(pred, ds.index().labels(), n, classWords);
    switch (type) {
      case CLASS:
        System.arraycopy(classWords, 0, out, 0, numWords);
        break;
      case METACLASS:
        Correctness.metaclassFromClass(classWords, evaluated(), pred, ds.index().metaclassOfImage(),
            metaclassOfPredPlus1(), numWords, out);
        break;
      case REAL_CLASS:
        RealPlan plan = realPlan();
        Correctness.realFromClass(classWords, plan.labelOnly, plan.special, plan.special.length, pred,
            ds.realOffsets(), ds.realLabels(), numWords, out);
        break;
      default:
        throw new AssertionError(type);
    }
  }

  private long[] evaluated() {
    return session.dataset().factors(session.selection()).words()[Factor.COUNT];
  }

  private byte[] metaclassOfPredPlus1() {
    byte[] p = metaclassOfPredPlus1;
    if (p == null) {
      byte[] meta = session.dataset().metaclasses().table();
      p = new byte[meta.length + 1];
      p[0] = -1;
      System.arraycopy(meta, 0, p, 1, meta.length);
      metaclassOfPredPlus1 = p;
    }
    return p;
  }

  /** Images whose ReaL set is exactly their label, and the other evaluated images with a set. */
  private record RealPlan(long[] labelOnly, int[] special) {}

  private RealPlan realPlan() {
    RealPlan p = realPlan;
    if (p == null) {
      Dataset ds = session.dataset();
      if (!ds.hasReal()) {
        throw new QueryException("real_class needs the ReaL labels, which are not loaded");
      }
      int n = ds.index().size();
      int[] off = ds.realOffsets();
      short[] values = ds.realLabels();
      short[] labels = ds.index().labels();
      long[] eval = evaluated();
      long[] labelOnly = new long[Words.numWords(n)];
      int[] special = new int[n];
      int k = 0;
      for (int i = 0; i < n; i++) {
        int size = off[i + 1] - off[i];
        if (size == 1 && values[off[i]] == labels[i]) {
          labelOnly[i >>> 6] |= 1L << i;
        } else if (size > 0 && (eval[i >>> 6] & (1L << i)) != 0) {
          special[k++] = i;
        }
      }
      p = realPlan = new RealPlan(labelOnly, java.util.Arrays.copyOf(special, k));
    }
    return p;
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
