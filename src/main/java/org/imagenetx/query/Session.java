package org.imagenetx.query;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.evaluation.Aggregation;
import org.imagenetx.evaluation.ErrorRatio;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.Evaluator;
import org.imagenetx.evaluation.FactorCounts;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.evaluation.MetaclassTable;
import org.imagenetx.zoo.PredictionCsv;
import org.imagenetx.zoo.Zoo;

/**
 * A zoo loaded once for interactive queries: every model's tables for one factor selection and
 * every available error type, computed up front by {@link Aggregation} (the code path of the batch
 * commands, so query numbers equal {@code ratios} and {@code aggregate} exactly), then kept as
 * column-major {@code double[column][model]} arrays so that a ranking or a similarity search over
 * thousands of models is a few linear scans.
 *
 * <p>Cost: per model and error type 19 accuracies + 16 error ratios + 17 × 18 metaclass cells ≈ 3
 * KB; 2,200 models × 3 error types ≈ 20 MB. Queries never touch the predictions again, except
 * {@link #predictions} for pairwise work.
 *
 * <p>Thread-safety: queries may run concurrently (the explorer serves them from several threads);
 * {@link #add} takes a write lock and publishes new arrays, so a query sees the zoo before or after
 * an add, never half of it.
 */
public final class Session {
  /** Tables of one error type, column-major. */
  static final class Columns {
    /**
     * {@code [FactorTable column][model]}: 16 accuracies, worst_factor, average, worst_100_classes.
     */
    final double[][] accuracy;

    /** {@code [factor][model]} error ratios. */
    final double[][] errorRatio;

    /** {@code [model]} largest error ratio over the defined factors. */
    final double[] maxErrorRatio;

    /** {@code [model][metaclass][MetaclassTable column]}. */
    final double[][][] metaclass;

    Columns(List<double[]> rows, List<double[][]> metaRows) {
      int n = rows.size();
      int cols = FactorTable.COLUMNS.size();
      accuracy = new double[cols][n];
      errorRatio = new double[Factor.COUNT][n];
      maxErrorRatio = new double[n];
      metaclass = metaRows.toArray(new double[0][][]);
      for (int m = 0; m < n; m++) {
        double[] r = rows.get(m);
        double max = Double.NaN;
        for (int c = 0; c < cols; c++) {
          accuracy[c][m] = r[c];
        }
        for (int f = 0; f < Factor.COUNT; f++) {
          double er = ErrorRatio.of(r[f], r[FactorTable.AVERAGE]);
          errorRatio[f][m] = er;
          if (!Double.isNaN(er) && (Double.isNaN(max) || er > max)) {
            max = er;
          }
        }
        maxErrorRatio[m] = max;
      }
    }

    /**
     * Sorted model orders, computed on first use and kept: {@code [column]} for accuracies
     * (descending), {@code [COLUMNS + factor]} for error ratios and {@code [COLUMNS + 16]} for the
     * largest error ratio (ascending). A ranking is then a walk down one array instead of a sort
     * per query (QueryBenchmark.rank on 2,200 models: 7 ms sorting per query before).
     */
    private final AtomicReferenceArray<int[]> orders =
        new AtomicReferenceArray<>(FactorTable.COLUMNS.size() + Factor.COUNT + 1);

    /** Per-model profile statistics for {@link Profiles}, computed on first use. */
    private volatile Profiles.Table profiles;

    int[] order(int slot, double[] values, boolean descending, List<String> names) {
      int[] o = orders.get(slot);
      if (o == null) {
        int[] ids = new int[values.length];
        for (int i = 0; i < ids.length; i++) {
          ids[i] = i;
        }
        o = QueryEngine.order(values, ids, descending, names);
        orders.set(slot, o);
      }
      return o;
    }

    long cachedOrderBytes() {
      long b = 0;
      for (int i = 0; i < orders.length(); i++) {
        int[] o = orders.get(i);
        b += o == null ? 0 : 4L * o.length;
      }
      return b;
    }

    Profiles.Table profiles() {
      Profiles.Table p = profiles;
      if (p == null) {
        p = profiles = Profiles.Table.of(errorRatio);
      }
      return p;
    }
  }

  /** Immutable snapshot of the models and their tables; replaced as a whole by {@link #add}. */
  static final class State {
    final List<String> models;
    final Map<String, Integer> ids;
    final Map<ErrorType, Columns> columns;

    /** Predictions of models added in this session ({@code null} for zoo models). */
    final List<short[]> added;

    State(List<String> models, Map<ErrorType, Columns> columns, List<short[]> added) {
      this.models = Collections.unmodifiableList(models);
      this.ids = new HashMap<>();
      for (int i = 0; i < models.size(); i++) {
        ids.put(models.get(i), i);
      }
      this.columns = columns;
      this.added = added;
    }
  }

  private final Dataset dataset;
  private final Zoo zoo;
  private final FactorSelection selection;
  private final List<ErrorType> types;
  private final Map<String, List<String>> groups;
  private final Object addLock = new Object();

  /**
   * The last {@value #RECENT} zoo models read for pairwise work: a CSV zoo re-parses a file per
   * read (~25 ms each on the shell's first compare), while a user typically compares one model
   * against a few; 16 × 100 KB is nothing next to the session.
   */
  private static final int RECENT = 16;

  private final Map<Integer, short[]> recent =
      new LinkedHashMap<>(RECENT * 2, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, short[]> eldest) {
          return size() > RECENT;
        }
      };
  private volatile State state;
  private final Map<ErrorType, List<double[]>> rows = new EnumMap<>(ErrorType.class);
  private final Map<ErrorType, List<double[][]>> metaRows = new EnumMap<>(ErrorType.class);

  private Session(
      Dataset dataset, Zoo zoo, FactorSelection selection, Map<String, List<String>> groups) {
    this.dataset = dataset;
    this.zoo = zoo;
    this.selection = selection;
    List<ErrorType> t = new ArrayList<>(List.of(ErrorType.CLASS, ErrorType.METACLASS));
    if (dataset.hasReal()) {
      t.add(ErrorType.REAL_CLASS);
    }
    this.types = List.copyOf(t);
    this.groups = groups;
  }

  /**
   * Evaluates every model of a zoo once.
   *
   * @param dataset annotations (with ReaL labels, for {@code real_class} queries)
   * @param zoo predictions over {@code dataset.index()}
   * @param selection factor selection the session answers for
   * @param groups model groups by name (group → models), possibly empty; models not in the zoo are
   *     ignored
   * @param threads worker threads for the one-off evaluation
   * @return the session
   */
  public static Session open(
      Dataset dataset,
      Zoo zoo,
      FactorSelection selection,
      Map<String, List<String>> groups,
      int threads) {
    Session s = new Session(dataset, zoo, selection, groups);
    Aggregation agg = Aggregation.run(dataset, zoo, List.of(selection), s.types, threads, null);
    List<String> names = zoo.models();
    Map<ErrorType, Columns> cols = new EnumMap<>(ErrorType.class);
    for (ErrorType t : s.types) {
      Aggregation.Tables tables = agg.get(selection, t);
      FactorTable ft = tables.factors();
      MetaclassTable mt = tables.metaclasses();
      Map<String, Integer> rowOf = new HashMap<>();
      for (int r = 0; r < ft.size(); r++) {
        rowOf.put(ft.models().get(r), r);
      }
      List<double[]> r = new ArrayList<>(names.size());
      List<double[][]> meta = new ArrayList<>(names.size());
      for (String name : names) {
        int row = rowOf.get(name);
        double[] v = new double[FactorTable.COLUMNS.size()];
        for (int c = 0; c < v.length; c++) {
          v[c] = ft.get(row, c);
        }
        r.add(v);
        double[][] mc = new double[Metaclasses.COUNT][MetaclassTable.COLUMNS.size()];
        for (int m = 0; m < Metaclasses.COUNT; m++) {
          for (int c = 0; c < mc[m].length; c++) {
            mc[m][c] = mt.get(row * Metaclasses.COUNT + m, c);
          }
        }
        meta.add(mc);
      }
      s.rows.put(t, r);
      s.metaRows.put(t, meta);
      cols.put(t, new Columns(r, meta));
    }
    List<short[]> added = new ArrayList<>(Collections.nCopies(names.size(), null));
    s.state = new State(new ArrayList<>(names), cols, added);
    return s;
  }

  State state() {
    return state;
  }

  /**
   * Heap held by the session's tables (not the zoo): per model and error type 19 accuracies, 16
   * error ratios, the largest one and 17 × 18 metaclass cells, as doubles (≈ 2.9 KB; 2,200 models ×
   * 3 types ≈ 19 MB), plus the cached orders (4 bytes per model and ranked column) and predictions
   * of added models (2 bytes per image).
   *
   * @return estimated bytes
   */
  public long ramBytesUsed() {
    State s = state;
    long n = s.models.size();
    long perModel =
        8L
                * (FactorTable.COLUMNS.size()
                    + Factor.COUNT
                    + 1
                    + Metaclasses.COUNT * MetaclassTable.COLUMNS.size())
            // the row lists keep the same values once more (they rebuild the columns on add)
            + 8L * (FactorTable.COLUMNS.size() + Metaclasses.COUNT * MetaclassTable.COLUMNS.size());
    long bytes = perModel * n * s.columns.size();
    for (Columns c : s.columns.values()) {
      bytes += c.cachedOrderBytes();
    }
    for (short[] a : s.added) {
      bytes += a == null ? 0 : 2L * a.length;
    }
    return bytes;
  }

  /**
   * @return the annotations
   */
  public Dataset dataset() {
    return dataset;
  }

  /**
   * @return the zoo the session was opened on (without added models)
   */
  public Zoo zoo() {
    return zoo;
  }

  /**
   * @return the factor selection every answer uses
   */
  public FactorSelection selection() {
    return selection;
  }

  /**
   * @return error types this session can answer for (real_class only with ReaL labels)
   */
  public List<ErrorType> types() {
    return types;
  }

  /**
   * @return model names: the zoo's, sorted, then added ones in order of addition
   */
  public List<String> models() {
    return state.models;
  }

  /**
   * @return group names, sorted
   */
  public List<String> groupNames() {
    List<String> g = new ArrayList<>(groups.keySet());
    Collections.sort(g);
    return g;
  }

  /**
   * @param group a group name, or a glob over model names ({@code *} and {@code ?})
   * @return model ids of the group, ascending
   * @throws QueryException when no model matches
   */
  public int[] group(String group) {
    State s = state;
    List<Integer> ids = new ArrayList<>();
    List<String> members = groups.get(group);
    if (members != null) {
      for (String m : members) {
        Integer id = s.ids.get(m);
        if (id != null) {
          ids.add(id);
        }
      }
    } else {
      Glob p = Glob.compile(group);
      for (int i = 0; i < s.models.size(); i++) {
        Cancellation.check();
        if (p.matches(s.models.get(i))) {
          ids.add(i);
        }
      }
    }
    if (ids.isEmpty()) {
      throw new QueryException(
          "no model in group '"
              + group
              + "'"
              + (groups.isEmpty()
                  ? " (no --groups file given; a glob such as 'resnet*' also works)"
                  : " (groups: "
                      + String.join(", ", groupNames())
                      + "; or a glob such as 'resnet*')"));
    }
    Collections.sort(ids);
    int[] out = new int[ids.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ids.get(i);
    }
    return out;
  }

  /**
   * @param name model name
   * @return its id
   * @throws QueryException naming close matches when unknown
   */
  public int modelId(String name) {
    Integer id = state.ids.get(name);
    if (id == null) {
      List<String> close = new ArrayList<>();
      String lower = name.toLowerCase(Locale.ROOT);
      for (String m : state.models) {
        if (m.toLowerCase(Locale.ROOT).contains(lower) && close.size() < 5) {
          close.add(m);
        }
      }
      throw new QueryException(
          "unknown model '"
              + name
              + "'"
              + (close.isEmpty() ? "" : " (did you mean " + String.join(", ", close) + "?)"));
    }
    return id;
  }

  Columns columns(ErrorType type) {
    Columns c = state.columns.get(type);
    if (c == null) {
      throw new QueryException(
          "error type "
              + type.key()
              + " is not available in this session (ReaL labels not loaded)");
    }
    return c;
  }

  /**
   * Reads one model's predictions (zoo models from the zoo, added models from memory).
   *
   * @param model model id
   * @param dst {@code numImages} entries
   * @return entries below 0
   */
  public int predictions(int model, short[] dst) {
    State s = state;
    short[] a = s.added.get(model);
    if (a == null) {
      synchronized (recent) {
        a = recent.get(model);
      }
    }
    if (a == null) {
      int missing = zoo.readClasses(model, dst);
      synchronized (recent) {
        recent.put(model, dst.clone());
      }
      return missing;
    }
    System.arraycopy(a, 0, dst, 0, a.length);
    int missing = 0;
    for (short v : a) {
      missing += v < 0 ? 1 : 0;
    }
    return missing;
  }

  /**
   * Adds a model from a prediction CSV to this session (nothing is written to disk).
   *
   * @param csv the upstream prediction CSV; the model name is its file stem
   * @return the new model's id
   * @throws QueryException when a model of that name exists
   * @throws org.imagenetx.io.BadInputException when the CSV is malformed
   */
  public int add(Path csv) {
    String f = csv.getFileName().toString();
    String name = f.endsWith(".csv") ? f.substring(0, f.length() - 4) : f;
    short[] pred = new short[dataset.index().size()];
    PredictionCsv.Result r = PredictionCsv.read(csv, dataset.index(), pred, null);
    return add(name, pred, r.numMissing());
  }

  /**
   * Adds a model from predictions already in memory.
   *
   * @param name model name (must be new)
   * @param pred predicted class per image position, -1 where missing (kept, not copied)
   * @param numMissing entries of {@code pred} below 0
   * @return the new model's id
   */
  public int add(String name, short[] pred, int numMissing) {
    Evaluator ev = new Evaluator(dataset, List.of(selection));
    synchronized (addLock) {
      State s = state;
      if (s.ids.containsKey(name)) {
        throw new QueryException("model '" + name + "' is already in the session");
      }
      Map<ErrorType, Columns> cols = new EnumMap<>(ErrorType.class);
      for (ErrorType t : types) {
        FactorCounts c = ev.evaluate(pred, numMissing, t)[0];
        rows.get(t).add(FactorTable.row(c));
        MetaclassTable mt = MetaclassTable.of(List.of(name), List.of(c));
        double[][] mc = new double[Metaclasses.COUNT][MetaclassTable.COLUMNS.size()];
        for (int m = 0; m < Metaclasses.COUNT; m++) {
          for (int col = 0; col < mc[m].length; col++) {
            mc[m][col] = mt.get(m, col);
          }
        }
        metaRows.get(t).add(mc);
        cols.put(t, new Columns(rows.get(t), metaRows.get(t)));
      }
      List<String> models = new ArrayList<>(s.models);
      models.add(name);
      List<short[]> added = new ArrayList<>(s.added);
      added.add(pred);
      state = new State(models, cols, added);
      return models.size() - 1;
    }
  }
}
