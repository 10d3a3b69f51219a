package org.imagenetx.evaluation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.bits.Lanes;
import org.imagenetx.parallel.Workers;
import org.imagenetx.zoo.Zoo;

/**
 * Computes the upstream tables of a whole zoo: for each factor selection and error type, the
 * per-factor table and the per-metaclass table. Models are evaluated in parallel, one {@link
 * Evaluator} and one prediction buffer per thread; results do not depend on the thread count.
 */
public final class Aggregation {
  /** Name of the row whose "predictions" are the original ImageNet labels (real_class only). */
  public static final String HUMAN = "human";

  /** Tables of one (selection, error type). */
  public record Tables(FactorTable factors, MetaclassTable metaclasses) {}

  private final Map<FactorSelection, Map<ErrorType, Tables>> tables;
  private final List<String> models;
  private final int[] missingEvaluated;

  private Aggregation(
      Map<FactorSelection, Map<ErrorType, Tables>> tables,
      List<String> models,
      int[] missingEvaluated) {
    this.tables = tables;
    this.models = models;
    this.missingEvaluated = missingEvaluated;
  }

  /**
   * @return the zoo's model names, in zoo order (without the human row)
   */
  public List<String> models() {
    return models;
  }

  /**
   * @param model model number in zoo order
   * @return evaluated images (first selection) the model has no prediction for; they drop out of
   *     its tables (the upstream inner join), so callers should warn about them
   */
  public int missingEvaluated(int model) {
    return missingEvaluated[model];
  }

  /**
   * @param selection multi or top
   * @param type error type
   * @return its tables
   */
  public Tables get(FactorSelection selection, ErrorType type) {
    Map<ErrorType, Tables> m = tables.get(selection);
    if (m == null || !m.containsKey(type)) {
      throw new IllegalArgumentException(selection.key() + "/" + type.key() + " was not computed");
    }
    return m.get(type);
  }

  /**
   * Evaluates every model of a zoo.
   *
   * @param dataset annotations
   * @param zoo predictions over {@code dataset.index()}
   * @param selections factor selections (at least one)
   * @param types error types (at least one); {@code real_class} adds the {@value #HUMAN} row
   * @param threads worker threads (≥ 1)
   * @param progress called with the number of models done so far (from worker threads), or null
   * @return the tables
   */
  public static Aggregation run(
      Dataset dataset,
      Zoo zoo,
      List<FactorSelection> selections,
      List<ErrorType> types,
      int threads,
      IntConsumer progress) {
    if (zoo.numImages() != dataset.index().size()) {
      throw new IllegalArgumentException("zoo and annotations use different image indexes");
    }
    int numModels = zoo.size();
    int numTypes = types.size();
    int numSel = selections.size();
    int metaRowsPerModel = Metaclasses.COUNT;
    // rows are built in the workers: [type][selection][model (× 17 for metaclass rows)]
    double[][][][] factorRows = new double[numTypes][numSel][numModels][];
    double[][][][] metaRows = new double[numTypes][numSel][numModels * metaRowsPerModel][];
    if (types.isEmpty() || selections.isEmpty()) {
      throw new IllegalArgumentException("at least one factor selection and one error type");
    }
    int[] missingEvaluated = new int[numModels];
    int firstEvaluated = dataset.factors(selections.get(0)).evaluated().getCardinality();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    int workers = Math.max(1, Math.min(threads, numModels));
    Workers.run(
        workers,
        "imagenetx-eval",
        () -> {
          Evaluator ev = new Evaluator(dataset, selections);
          long[] pred = new long[Lanes.numLongs(zoo.numImages())];
          int m;
          while ((m = next.getAndIncrement()) < numModels) {
            int missing = zoo.readPacked(m, pred);
            FactorCounts[][] c = ev.evaluatePacked(pred, missing, types);
            // the counts' denominators are the evaluated images the model predicted
            missingEvaluated[m] = firstEvaluated - c[0][0].total(FactorCounts.ALL);
            for (int t = 0; t < numTypes; t++) {
              for (int s = 0; s < numSel; s++) {
                factorRows[t][s][m] = FactorTable.row(c[t][s]);
                MetaclassTable.fillRows(c[t][s], metaRows[t][s], m * metaRowsPerModel);
              }
            }
            int d = done.incrementAndGet();
            if (progress != null) {
              progress.accept(d);
            }
          }
          return null;
        });

    FactorCounts[][] human = null;
    if (types.contains(ErrorType.REAL_CLASS)) {
      Evaluator ev = new Evaluator(dataset, selections);
      human = new FactorCounts[][] {ev.evaluate(dataset.index().labels(), 0, ErrorType.REAL_CLASS)};
    }

    Map<FactorSelection, Map<ErrorType, Tables>> out = new EnumMap<>(FactorSelection.class);
    for (int s = 0; s < numSel; s++) {
      Map<ErrorType, Tables> byType = new EnumMap<>(ErrorType.class);
      for (int t = 0; t < numTypes; t++) {
        List<String> names = zoo.models();
        double[][] fr = factorRows[t][s];
        double[][] mr = metaRows[t][s];
        if (types.get(t) == ErrorType.REAL_CLASS && !names.contains(HUMAN)) {
          int at = 0;
          while (at < names.size() && names.get(at).compareTo(HUMAN) < 0) {
            at++;
          }
          List<String> withHuman = new ArrayList<>(names);
          withHuman.add(at, HUMAN);
          names = withHuman;
          fr = insert(fr, at, 1, new double[][] {FactorTable.row(human[0][s])});
          double[][] humanMeta = new double[metaRowsPerModel][];
          MetaclassTable.fillRows(human[0][s], humanMeta, 0);
          mr = insert(mr, at * metaRowsPerModel, metaRowsPerModel, humanMeta);
        }
        byType.put(
            types.get(t), new Tables(new FactorTable(names, fr), new MetaclassTable(names, mr)));
      }
      out.put(selections.get(s), byType);
    }
    return new Aggregation(out, zoo.models(), missingEvaluated);
  }

  private static double[][] insert(double[][] rows, int at, int count, double[][] inserted) {
    double[][] out = new double[rows.length + count][];
    System.arraycopy(rows, 0, out, 0, at);
    System.arraycopy(inserted, 0, out, at, count);
    System.arraycopy(rows, at, out, at + count, rows.length - at);
    return out;
  }
}
