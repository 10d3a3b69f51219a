package org.imagenetx.query;

import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.confusions.ConfusionTable;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.evaluation.MetaclassTable;
import org.imagenetx.evaluation.SmallCells;
import org.imagenetx.images.ExpressionException;
import org.imagenetx.images.ImageExpression;
import org.imagenetx.images.ImageListing;
import org.imagenetx.images.ImageSet;
import org.imagenetx.images.ImageSets;
import org.imagenetx.resampling.Interval;
import org.imagenetx.words.WordIndex;
import org.imagenetx.words.WordTable;
import org.roaringbitmap.RoaringBitmap;

/**
 * Answers {@link Query queries} over a {@link Session}: the one API behind the shell, {@code
 * imagenetx query} and the explorer. Every answer reads the session's precomputed column arrays;
 * nothing here re-reads predictions except {@link #compare}, which needs the images both models got
 * wrong (two prediction reads and a few popcount passes).
 *
 * <p>Thread-safe: holds no mutable state of its own.
 */
public final class QueryEngine {
  /** Columns {@code rank --by} accepts besides the 16 factors. */
  public static final List<String> SUMMARY_COLUMNS =
      List.of("average", "worst_factor", "worst_100_classes");

  /**
   * A ranking asks its {@link Intervals} for the first this many rows only: a bootstrap costs a few
   * milliseconds per model (cached after), so the top rows of a ranking are affordable on the first
   * call and all 2,200 models are not. Rows beyond carry the point estimate alone.
   */
  public static final int MAX_RANK_INTERVALS = 20;

  private final Session session;
  private final Pairwise pairwise;
  private final Intervals intervals;

  /** Image sets per error type, made on first use (cheap: they share the dataset's bitmaps). */
  private final Map<ErrorType, ImageSets> imageSets = new EnumMap<>(ErrorType.class);

  /**
   * @param session the loaded zoo
   * @param intervals where intervals come from ({@link Intervals#NONE} for point estimates only)
   */
  public QueryEngine(Session session, Intervals intervals) {
    this.session = session;
    this.pairwise = new Pairwise(session);
    this.intervals = intervals;
  }

  /**
   * @return the session
   */
  public Session session() {
    return session;
  }

  /**
   * Answers any query.
   *
   * @param q the query
   * @return the answer, one of the {@link QueryResult} records
   * @throws QueryException on unknown models, factors, groups
   */
  public QueryResult answer(Query q) {
    if (q instanceof Query.Rank r) {
      return rank(r);
    } else if (q instanceof Query.Show s) {
      return show(s.model(), s.type());
    } else if (q instanceof Query.Similar s) {
      return similar(s);
    } else if (q instanceof Query.Compare c) {
      return compare(c.a(), c.b(), c.type());
    } else if (q instanceof Query.Add a) {
      int id = session.add(a.csv());
      String name = session.models().get(id);
      return new Results.Added(name, show(name, a.type()));
    } else if (q instanceof Query.Groups g) {
      return groups(g.type());
    } else if (q instanceof Query.Models m) {
      return models(m.glob());
    } else if (q instanceof Query.Images i) {
      return images(i);
    } else if (q instanceof Query.Confusions c) {
      return confusions(c);
    } else if (q instanceof Query.Words w) {
      return words(w);
    } else {
      return new Results.HelpText(QueryParser.HELP);
    }
  }

  /**
   * @param column a factor column or one of {@link #SUMMARY_COLUMNS}
   * @return the FactorTable column index, or -1
   */
  static int columnIndex(String column) {
    return FactorTable.COLUMNS.indexOf(column);
  }

  /**
   * Ranks models on one column.
   *
   * @param q the ranking
   * @return the top rows
   */
  public Results.Ranking rank(Query.Rank q) {
    int col = columnIndex(q.by());
    if (col < 0) {
      throw new QueryException(
          "cannot rank by '"
              + q.by()
              + "' (use a factor, average, worst_factor or worst_100_classes)");
    }
    Metric metric = q.metric();
    boolean summary = col >= Factor.COUNT;
    if (metric == null) {
      metric = summary ? Metric.ACCURACY : Metric.ERROR_RATIO;
    }
    if (metric == Metric.ERROR_RATIO
        && (col == FactorTable.AVERAGE || col == FactorTable.WORST_100_CLASSES)) {
      throw new QueryException(
          q.by() + " has no error ratio (it is 1 for average by definition); rank it by accuracy");
    }
    Session.State st = session.state();
    Session.Columns c = session.columns(q.type());
    double[] values;
    if (metric == Metric.ACCURACY) {
      values = c.accuracy[col];
    } else {
      values = summary ? c.maxErrorRatio : c.errorRatio[col];
    }
    int slot =
        metric == Metric.ACCURACY
            ? col
            : FactorTable.COLUMNS.size() + (summary ? Factor.COUNT : col);
    int[] all = c.order(slot, values, metric == Metric.ACCURACY, st.models);
    int[] order = all;
    if (q.group() != null) {
      boolean[] member = new boolean[all.length];
      int[] ids = session.group(q.group());
      for (int id : ids) {
        member[id] = true;
      }
      order = new int[ids.length];
      int k = 0;
      for (int id : all) {
        if (member[id]) {
          order[k++] = id;
        }
      }
    }
    int top = q.top() <= 0 ? order.length : Math.min(q.top(), order.length);
    List<Results.RankRow> rows = new ArrayList<>(top);
    for (int i = 0; i < top; i++) {
      Cancellation.check();
      int m = order[i];
      Interval e =
          i >= MAX_RANK_INTERVALS
              ? Interval.point(values[m])
              : intervals.estimate(
                  session,
                  m,
                  q.type(),
                  metric == Metric.ACCURACY ? Intervals.Kind.ACCURACY : Intervals.Kind.ERROR_RATIO,
                  col,
                  values[m]);
      rows.add(new Results.RankRow(i + 1, st.models.get(m), e, c.accuracy[FactorTable.AVERAGE][m]));
    }
    return new Results.Ranking(q.by(), metric, q.type(), q.group(), order.length, rows);
  }

  /**
   * Orders ids by value (descending when {@code descending}), NaN last, ties by name: a total,
   * deterministic order.
   */
  static int[] order(double[] values, int[] ids, boolean descending, List<String> names) {
    int[] out = ids.clone();
    // fastutil's primitive sort: no boxing of 2,200 ids per query (a boxed sort made
    // QueryBenchmark.similar 5 ms on 2,200 models); the comparator is total, so the order is unique
    IntArrays.quickSort(
        out,
        (x, y) -> {
          double a = values[x];
          double b = values[y];
          boolean na = Double.isNaN(a);
          boolean nb = Double.isNaN(b);
          if (na != nb) {
            return na ? 1 : -1;
          }
          int cmp = na ? 0 : descending ? Double.compare(b, a) : Double.compare(a, b);
          return cmp != 0 ? cmp : names.get(x).compareTo(names.get(y));
        });
    return out;
  }

  /**
   * Rank of one model among all: 1 + the number of models strictly better (lower when ascending).
   * Ties share a rank, so a rank does not depend on model names.
   */
  static int rankOf(double[] values, int model, boolean descending) {
    double v = values[model];
    if (Double.isNaN(v)) {
      return 0;
    }
    int better = 0;
    for (double x : values) {
      if (!Double.isNaN(x) && (descending ? x > v : x < v)) {
        better++;
      }
    }
    return better + 1;
  }

  /**
   * One model's full report.
   *
   * @param model model name
   * @param type error type
   * @return the report
   */
  public Results.ModelReport show(String model, ErrorType type) {
    int m = session.modelId(model);
    Session.Columns c = session.columns(type);
    int n = c.maxErrorRatio.length;
    Results.CellCounts cells = reportCounts(m, type, c);
    List<Results.FactorLine> factors = new ArrayList<>(Factor.COUNT);
    Integer[] byEr = new Integer[Factor.COUNT];
    for (Factor f : Factor.values()) {
      int i = f.ordinal();
      byEr[i] = i;
      factors.add(
          new Results.FactorLine(
              f.column(),
              intervals.estimate(session, m, type, Intervals.Kind.ACCURACY, i, c.accuracy[i][m]),
              intervals.estimate(
                  session, m, type, Intervals.Kind.ERROR_RATIO, i, c.errorRatio[i][m]),
              rankOf(c.errorRatio[i], m, false),
              cells.images()[i],
              SmallCells.isSmall(cells.images()[i], cells.errors()[i])));
    }
    Arrays.sort(
        byEr,
        (x, y) -> {
          double a = c.errorRatio[x][m];
          double b = c.errorRatio[y][m];
          boolean na = Double.isNaN(a);
          boolean nb = Double.isNaN(b);
          if (na != nb) {
            return na ? 1 : -1;
          }
          int cmp = Double.compare(b, a);
          return cmp != 0 ? cmp : Integer.compare(x, y);
        });
    List<String> weakest = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      weakest.add(Factor.of(byEr[i]).column());
    }
    List<Results.MetaclassLine> metas = new ArrayList<>(Metaclasses.COUNT);
    double[][] mc = c.metaclass[m];
    for (int k = 0; k < Metaclasses.COUNT; k++) {
      int[] cellImages = Arrays.copyOfRange(cells.metaclassImages()[k], 1, Factor.COUNT + 1);
      boolean[] small = new boolean[Factor.COUNT];
      for (int f = 0; f < Factor.COUNT; f++) {
        small[f] = SmallCells.isSmall(cellImages[f], cells.metaclassErrors()[k][f + 1]);
      }
      metas.add(
          new Results.MetaclassLine(
              Metaclasses.NAMES.get(k),
              Arrays.copyOf(mc[k], Factor.COUNT),
              mc[k][MetaclassTable.WORST_FACTOR],
              mc[k][MetaclassTable.AVERAGE],
              cellImages,
              small));
    }
    return new Results.ModelReport(
        session.models().get(m),
        type,
        n,
        factors,
        intervals.estimate(
            session,
            m,
            type,
            Intervals.Kind.ACCURACY,
            FactorTable.AVERAGE,
            c.accuracy[FactorTable.AVERAGE][m]),
        rankOf(c.accuracy[FactorTable.AVERAGE], m, true),
        c.accuracy[FactorTable.WORST_FACTOR][m],
        c.accuracy[FactorTable.WORST_100_CLASSES][m],
        metas,
        weakest);
  }

  /**
   * Nearest models by 16-factor error-ratio profile.
   *
   * @param q the query
   * @return neighbours, nearest first (the model itself excluded)
   */
  public Results.Similarity similar(Query.Similar q) {
    int m = session.modelId(q.model());
    Session.Columns c = session.columns(q.type());
    List<String> names = session.models();
    int n = names.size();
    double[] spearman = new double[n];
    double[] cosine = new double[n];
    Profiles.Table p = c.profiles();
    for (int o = 0; o < n; o++) {
      if ((o & 255) == 0) {
        Cancellation.check();
      }
      spearman[o] = p.spearman(m, o);
      cosine[o] = p.cosine(m, o);
    }
    int[] ids = new int[n - 1];
    for (int o = 0, k = 0; o < n; o++) {
      if (o != m) {
        ids[k++] = o;
      }
    }
    int[] order = order(q.byCosine() ? cosine : spearman, ids, true, names);
    int top = q.top() <= 0 ? order.length : Math.min(q.top(), order.length);
    List<Results.Neighbour> rows = new ArrayList<>(top);
    for (int i = 0; i < top; i++) {
      int o = order[i];
      rows.add(new Results.Neighbour(i + 1, names.get(o), spearman[o], cosine[o]));
    }
    return new Results.Similarity(
        names.get(m), q.type(), q.byCosine() ? "cosine" : "spearman", rows);
  }

  /**
   * Two models compared as {@code imagenetx compare A B} does ({@link
   * org.imagenetx.compare.Comparisons#compare}, bootstrap settings from the engine's {@link
   * Intervals#settings()}): per factor, overall and per metaclass.
   *
   * @param a first model
   * @param b second model
   * @param type error type
   * @return 16 factor rows, {@code overall}, then 17 metaclass rows
   */
  public Results.Comparison compare(String a, String b, ErrorType type) {
    int ia = session.modelId(a);
    int ib = session.modelId(b);
    if (ia == ib) {
      throw new QueryException("compare needs two different models, got '" + a + "' twice");
    }
    return pairwise.compare(ia, ib, type, intervals.settings());
  }

  /**
   * Mean error ratio per factor per group.
   *
   * @param type error type
   * @return one line per group (an empty list when the session has no groups)
   */
  public Results.GroupSummary groups(ErrorType type) {
    Session.Columns c = session.columns(type);
    List<Results.GroupLine> rows = new ArrayList<>();
    for (String g : session.groupNames()) {
      int[] ids;
      try {
        ids = session.group(g);
      } catch (QueryException e) {
        continue;
      }
      double[] mean = new double[Factor.COUNT];
      for (int f = 0; f < Factor.COUNT; f++) {
        mean[f] = meanDefined(c.errorRatio[f], ids);
      }
      rows.add(
          new Results.GroupLine(
              g, ids.length, meanDefined(c.accuracy[FactorTable.AVERAGE], ids), mean));
    }
    return new Results.GroupSummary(type, rows);
  }

  private static double meanDefined(double[] values, int[] ids) {
    double sum = 0;
    int k = 0;
    for (int id : ids) {
      if (Double.isFinite(values[id])) {
        sum += values[id];
        k++;
      }
    }
    return k == 0 ? Double.NaN : sum / k;
  }

  /**
   * @param type error type
   * @return every model's error-ratio profile and overall accuracy
   */
  public Results.Matrix matrix(ErrorType type) {
    Session.Columns c = session.columns(type);
    List<String> names = session.models();
    double[][] er = new double[names.size()][Factor.COUNT];
    for (int m = 0; m < er.length; m++) {
      for (int f = 0; f < Factor.COUNT; f++) {
        er[m][f] = c.errorRatio[f][m];
      }
    }
    return new Results.Matrix(type, names, er, c.accuracy[FactorTable.AVERAGE].clone());
  }

  /**
   * @param glob pattern over names ({@code *}, {@code ?}), null or {@code *} for all
   * @return matching names in session order
   */
  public Results.ModelList models(String glob) {
    if (glob == null || glob.equals("*")) {
      return new Results.ModelList(session.models());
    }
    List<String> out = new ArrayList<>();
    for (int id : session.group(glob)) {
      out.add(session.models().get(id));
    }
    return new Results.ModelList(out);
  }

  /**
   * @return group name → size, for listings
   */
  public Map<String, Integer> groupSizes() {
    Map<String, Integer> out = new TreeMap<>();
    for (String g : session.groupNames()) {
      try {
        out.put(g, session.group(g).length);
      } catch (QueryException e) {
        out.put(g, 0);
      }
    }
    return out;
  }

  /**
   * @param type error type of {@code wrong:}/{@code right:} atoms without {@code @type}
   * @return the image sets of the session's dataset and zoo (models added with {@code add} are not
   *     in them)
   */
  public ImageSets imageSets(ErrorType type) {
    synchronized (imageSets) {
      ImageSets s = imageSets.get(type);
      if (s == null) {
        try {
          s = ImageSets.of(session.dataset(), session.zoo(), session.selection(), type);
        } catch (IllegalArgumentException e) {
          throw new QueryException(e.getMessage());
        }
        imageSets.put(type, s);
      }
      return s;
    }
  }

  /**
   * @param sets the image sets
   * @param expression an expression
   * @return its images
   * @throws QueryException with the column of the problem
   */
  private static ImageSet evaluate(ImageSets sets, String expression) {
    if (expression == null || expression.isBlank()) {
      throw new QueryException("an image-set expression is required, e.g. texture and wrong:ViT");
    }
    try {
      return sets.evaluate(expression);
    } catch (ExpressionException e) {
      throw new QueryException(e.getMessage());
    }
  }

  private static String model(ImageSets sets, String name) {
    try {
      return sets.requireModel(name);
    } catch (IllegalArgumentException e) {
      throw new QueryException(e.getMessage());
    }
  }

  /**
   * The images of an expression: a count, or one page of the listing.
   *
   * @param q the query
   * @return the set and the page
   */
  public Results.ImagePage images(Query.Images q) {
    if (q.offset() < 0 || q.limit() < 0) {
      throw new QueryException("offset and limit must be >= 0");
    }
    ImageSets sets = imageSets(q.type());
    Cancellation.check();
    ImageSet set = evaluate(sets, q.expression());
    Cancellation.check();
    if (q.countOnly()) {
      return new Results.ImagePage(set, null, q.limit(), sets.zoo().hasProbabilities());
    }
    List<String> models = new ArrayList<>();
    for (String m : q.models()) {
      models.add(model(sets, m));
    }
    if (models.isEmpty()) {
      models.addAll(ImageExpression.models(set.expression()));
    }
    ImageListing page = sets.list(set, models, q.offset(), q.limit());
    return new Results.ImagePage(set, page, q.limit(), sets.zoo().hasProbabilities());
  }

  /**
   * @param q the query
   * @return the model's confusions in the set
   */
  public Results.Confusions confusions(Query.Confusions q) {
    ImageSets sets = imageSets(q.type());
    Cancellation.check();
    ImageSet set = evaluate(sets, q.expression());
    Cancellation.check();
    String name = model(sets, q.model());
    return new Results.Confusions(
        set, ConfusionTable.of(sets, set, name, q.type(), q.metaclass()), q.top());
  }

  /**
   * @param q the query
   * @return the words over-represented among the model's (or group's) mistakes in the set
   */
  public Results.Words words(Query.Words q) {
    if (q.models().isEmpty()) {
      throw new QueryException("words needs a model (or several, for a group)");
    }
    if (q.minSupport() < 1) {
      throw new QueryException("min support must be at least 1, got " + q.minSupport());
    }
    ImageSets sets = imageSets(q.type());
    Cancellation.check();
    ImageSet set = evaluate(sets, q.expression());
    Cancellation.check();
    List<String> models = new ArrayList<>();
    for (String m : q.models()) {
      models.add(model(sets, m));
    }
    WordTable t =
        WordTable.of(
            WordIndex.of(sets.dataset()),
            q.text(),
            sets.allWrong(set, models, q.type()),
            sets.allRight(set, models, q.type()),
            q.minSupport());
    return new Results.Words(set, models, t, q.top());
  }

  /**
   * The cells behind a report: a zoo model's own counts; for a model added to the session (no image
   * sets of its own) the evaluated images, which it answers all of, and errors from its accuracies.
   */
  private Results.CellCounts reportCounts(int m, ErrorType type, Session.Columns c) {
    String name = session.models().get(m);
    ImageSets sets = imageSets(type);
    int id = sets.modelId(name);
    if (id >= 0 && sets.zoo().models().get(id).equals(name)) {
      return cellCounts(name, type);
    }
    var index = session.dataset().index();
    var factors = session.dataset().factors(session.selection());
    RoaringBitmap evaluated = factors.evaluated();
    int[] images = new int[Factor.COUNT];
    int[] errors = new int[Factor.COUNT];
    int[][] metaImages = new int[Metaclasses.COUNT][Factor.COUNT + 1];
    int[][] metaErrors = new int[Metaclasses.COUNT][Factor.COUNT + 1];
    for (Factor f : Factor.values()) {
      int i = f.ordinal();
      RoaringBitmap in = RoaringBitmap.and(evaluated, factors.factor(f));
      images[i] = in.getCardinality();
      errors[i] = (int) Math.round((1 - c.accuracy[i][m]) * images[i]);
      for (int k = 0; k < Metaclasses.COUNT; k++) {
        int n = (int) in.rangeCardinality(index.metaclassFrom(k), index.metaclassTo(k));
        metaImages[k][i + 1] = n;
        double acc = c.metaclass[m][k][i];
        metaErrors[k][i + 1] = n == 0 || Double.isNaN(acc) ? 0 : (int) Math.round((1 - acc) * n);
      }
    }
    return new Results.CellCounts(name, type, images, errors, metaImages, metaErrors);
  }

  /**
   * Images and errors behind every cell of a model's report, for flagging small cells ({@link
   * org.imagenetx.evaluation.SmallCells}).
   *
   * @param model a model of the zoo
   * @param type error type
   * @return the counts
   */
  public Results.CellCounts cellCounts(String model, ErrorType type) {
    ImageSets sets = imageSets(type);
    String name = model(sets, model);
    int id = sets.modelId(name);
    RoaringBitmap wrong = sets.wrong(id, type);
    RoaringBitmap answered = RoaringBitmap.or(wrong, sets.right(id, type));
    var index = session.dataset().index();
    var factors = session.dataset().factors(session.selection());
    int[] images = new int[Factor.COUNT];
    int[] errors = new int[Factor.COUNT];
    int[][] metaImages = new int[Metaclasses.COUNT][Factor.COUNT + 1];
    int[][] metaErrors = new int[Metaclasses.COUNT][Factor.COUNT + 1];
    for (int m = 0; m < Metaclasses.COUNT; m++) {
      long from = index.metaclassFrom(m);
      long to = index.metaclassTo(m);
      metaImages[m][0] = (int) answered.rangeCardinality(from, to);
      metaErrors[m][0] = (int) wrong.rangeCardinality(from, to);
    }
    for (Factor f : Factor.values()) {
      int i = f.ordinal();
      RoaringBitmap in = RoaringBitmap.and(answered, factors.factor(f));
      RoaringBitmap err = RoaringBitmap.and(wrong, in);
      images[i] = in.getCardinality();
      errors[i] = err.getCardinality();
      for (int m = 0; m < Metaclasses.COUNT; m++) {
        long from = index.metaclassFrom(m);
        long to = index.metaclassTo(m);
        metaImages[m][i + 1] = (int) in.rangeCardinality(from, to);
        metaErrors[m][i + 1] = (int) err.rangeCardinality(from, to);
      }
    }
    return new Results.CellCounts(name, type, images, errors, metaImages, metaErrors);
  }
}
