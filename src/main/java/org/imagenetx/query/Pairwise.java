package org.imagenetx.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imagenetx.annotations.Factor;
import org.imagenetx.compare.Comparisons;
import org.imagenetx.compare.PairwiseData;
import org.imagenetx.compare.SliceComparison;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.resampling.ZooBootstrap;
import org.imagenetx.zoo.Zoo;

/**
 * The two-model comparison of {@link QueryEngine#compare}: exactly {@code imagenetx compare A B}
 * ({@link Comparisons#compare} over a {@link PairwiseData} of the two models), so the shell, the
 * explorer and the batch command print the same numbers, the 17 metaclass rows' paired-bootstrap
 * intervals included (the per-metaclass bootstrap over 17 × patterns × 4 joint cells costs about 55
 * ms against 5 ms for all the rest at B = 1,000, top selection, which an interactive query
 * affords). The session only supplies the predictions (zoo models or models added to the session)
 * and the error ratios shown beside the test.
 */
final class Pairwise {
  private final Session session;

  /**
   * Recent comparisons: a paired bootstrap with its simultaneous bands costs tens of milliseconds,
   * and the explorer asks for the same pair again on every visit of its compare view. The answer
   * depends only on the two models' predictions, the type and the settings, all fixed for a name
   * within a session (models are added, never replaced).
   */
  private static final int CACHED_COMPARISONS = 64;

  private final Map<String, Results.Comparison> recent =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Results.Comparison> eldest) {
          return size() > CACHED_COMPARISONS;
        }
      };

  Pairwise(Session session) {
    this.session = session;
  }

  Results.Comparison compare(int a, int b, ErrorType type, ZooBootstrap.Settings settings) {
    List<String> models = session.models();
    String key = models.get(a) + '\0' + models.get(b) + '\0' + type.key() + '\0' + settings;
    synchronized (recent) {
      Results.Comparison hit = recent.get(key);
      if (hit != null) {
        return hit;
      }
    }
    Results.Comparison r = computeComparison(a, b, type, settings);
    synchronized (recent) {
      recent.put(key, r);
    }
    return r;
  }

  private Results.Comparison computeComparison(
      int a, int b, ErrorType type, ZooBootstrap.Settings settings) {
    Session.Columns c = session.columns(type);
    List<String> names = session.models();
    // A first, B second: the seed key of the paired bootstrap is "A|B", as in the compare command.
    PairwiseData pd =
        PairwiseData.load(
            session.dataset(), new TwoModels(session, a, b), session.selection(), type, 1);
    List<SliceComparison> rows = Comparisons.compare(pd, 0, 1, settings, true);
    double[] erA = new double[Factor.COUNT];
    double[] erB = new double[Factor.COUNT];
    for (int f = 0; f < Factor.COUNT; f++) {
      erA[f] = c.errorRatio[f][a];
      erB[f] = c.errorRatio[f][b];
    }
    return new Results.Comparison(
        names.get(a), names.get(b), type, session.selection(), rows, erA, erB, settings, true);
  }

  /** Models a and b of the session, in that order (read through the session's prediction cache). */
  static final class TwoModels implements Zoo {
    private final Session session;
    private final int[] ids;
    private final List<String> names;

    TwoModels(Session session, int... ids) {
      this.session = session;
      this.ids = ids.clone();
      List<String> n = new ArrayList<>();
      for (int id : ids) {
        n.add(session.models().get(id));
      }
      this.names = List.copyOf(n);
    }

    @Override
    public String name() {
      return session.zoo().name();
    }

    @Override
    public List<String> models() {
      return names;
    }

    @Override
    public int numImages() {
      return session.dataset().index().size();
    }

    @Override
    public int readClasses(int model, short[] dst) {
      return session.predictions(ids[model], dst);
    }

    @Override
    public boolean hasProbabilities() {
      return false;
    }

    @Override
    public void readProbabilities(int model, float[] dst) {
      throw new UnsupportedOperationException("the query engine reads predicted classes only");
    }

    @Override
    public String source() {
      return session.zoo().source();
    }

    @Override
    public boolean synthetic() {
      return session.zoo().synthetic();
    }
  }
}
