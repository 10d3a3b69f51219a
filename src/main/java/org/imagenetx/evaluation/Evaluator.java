package org.imagenetx.evaluation;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Derived;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.ImageIndex;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.bits.Correctness;
import org.imagenetx.bits.Lanes;
import org.imagenetx.bits.Words;

/**
 * Turns one model's predictions into {@link FactorCounts}. One SWAR pass over the packed class ids
 * ({@link Lanes}, four images per operation) builds the {@code class} correctness words; the {@code
 * metaclass} and {@code real_class} words are derived from them by one walk over the wrong
 * predictions ({@link TypeWords}). Every count of the upstream tables is then a {@link CountPlan}
 * applied to those words: per (metaclass, factor) cell and per class, built once from the factor
 * masks and the index ranges (images are laid out by metaclass then class, {@link ImageIndex}).
 *
 * <p>Joining follows the upstream inner join: images the model did not predict (prediction below 0)
 * drop out of numerators and denominators alike.
 *
 * <p>Not thread-safe: it owns scratch buffers reused across models. Use one per thread.
 */
public final class Evaluator {
  /** Number of worst classes pooled into {@code worst_100_classes}. */
  public static final int WORST_CLASSES = WorstClasses.CLASSES;

  private static final int CELLS = Metaclasses.COUNT * FactorCounts.COLUMNS;

  private final Dataset dataset;
  private final ImageIndex index;
  private final int n;
  private final int numWords;
  private final FactorSelection[] selections;
  private final CountPlan[] cellPlans;
  private final CountPlan[] classPlans;

  /** Selections with the same evaluated images share a class plan: the first one's number. */
  private final int[] classPlanOwner;

  private final int[][] fullTotals;
  private final int[][] fullClassTotals;
  private final TypeWords typeWords;

  private final long[] packedScratch;
  private final long[] classWords;
  private final long[] metaclassWords;
  private final long[] realWords;
  private final long[] covered;

  /**
   * Correct images per class, per requested error type (at most one per type of {@link ErrorType}).
   */
  private final int[][] classCorrect;

  private final int[] classTotalScratch;
  private final WorstClasses worstClasses;

  /** {@code worst_100_classes} per (requested type, selection). */
  private final double[][] worst;

  /**
   * @param dataset the annotations
   * @param selections factor selections to count (each must be loaded)
   */
  public Evaluator(Dataset dataset, List<FactorSelection> selections) {
    this(Plan.of(dataset, selections));
  }

  private Evaluator(Plan plan) {
    this.dataset = plan.dataset;
    this.index = dataset.index();
    this.n = index.size();
    this.numWords = Words.numWords(n);
    this.selections = plan.selections;
    this.cellPlans = plan.cellPlans;
    this.classPlans = plan.classPlans;
    this.classPlanOwner = plan.classPlanOwner;
    this.fullTotals = plan.fullTotals;
    this.fullClassTotals = plan.fullClassTotals;
    this.typeWords = plan.typeWords;
    this.packedScratch = new long[Lanes.numLongs(n)];
    int numClasses = index.numClasses();
    this.classWords = new long[numWords];
    this.metaclassWords = new long[numWords];
    this.realWords = new long[numWords];
    this.covered = new long[numWords];
    int maxTypes = ErrorType.values().length;
    this.classCorrect = new int[maxTypes][numClasses];
    this.classTotalScratch = new int[numClasses];
    int maxClassTotal = 0;
    for (int[] totals : fullClassTotals) {
      if (totals != null) {
        for (int t : totals) {
          maxClassTotal = Math.max(maxClassTotal, t);
        }
      }
    }
    this.worstClasses = new WorstClasses(numClasses, maxClassTotal);
    this.worst = new double[maxTypes][selections.length];
  }

  /**
   * What every evaluator of a (dataset, selections) shares, built once and kept by the dataset:
   * count plans, denominators, the tables of the metaclass and ReaL derivation ({@link TypeWords}).
   * Immutable, so the evaluators of all threads (and the {@code human} row) use one copy; a new
   * evaluator only allocates scratch.
   */
  private static final class Plan {
    /** Plans per selection list, owned by the dataset ({@link Dataset#derived}). */
    private static final Derived<Map<List<FactorSelection>, Plan>> PLANS =
        Derived.of("count plans", d -> new ConcurrentHashMap<>());

    final Dataset dataset;
    final FactorSelection[] selections;
    final CountPlan[] cellPlans;
    final CountPlan[] classPlans;
    final int[] classPlanOwner;
    final int[][] fullTotals;
    final int[][] fullClassTotals;
    final TypeWords typeWords;

    static Plan of(Dataset dataset, List<FactorSelection> selections) {
      return dataset
          .derived(PLANS)
          .computeIfAbsent(List.copyOf(selections), s -> new Plan(dataset, s));
    }

    private Plan(Dataset dataset, List<FactorSelection> selectionList) {
      this.dataset = dataset;
      ImageIndex index = dataset.index();
      int n = index.size();
      int numWords = Words.numWords(n);
      this.selections = selectionList.toArray(new FactorSelection[0]);
      int numSel = selections.length;
      this.cellPlans = new CountPlan[numSel];
      this.classPlans = new CountPlan[numSel];
      this.classPlanOwner = new int[numSel];
      this.fullTotals = new int[numSel][];
      this.fullClassTotals = new int[numSel][];
      long[] allOnes = new long[numWords];
      Arrays.fill(allOnes, -1L);
      int numClasses = index.numClasses();
      for (int s = 0; s < numSel; s++) {
        long[][] w = dataset.factors(selections[s]).words();
        long[] eval = w[Factor.COUNT];
        assert Words.ghostBitsClear(eval, n);
        cellPlans[s] =
            CountPlan.build(
                CELLS,
                g -> w[g % FactorCounts.COLUMNS],
                g -> index.metaclassFrom(g / FactorCounts.COLUMNS),
                g -> index.metaclassTo(g / FactorCounts.COLUMNS));
        fullTotals[s] = new int[CELLS];
        cellPlans[s].count(allOnes, fullTotals[s]);
        classPlanOwner[s] = s;
        for (int t = 0; t < s; t++) {
          if (Arrays.equals(eval, dataset.factors(selections[t]).words()[Factor.COUNT])) {
            classPlanOwner[s] = t;
            break;
          }
        }
        if (classPlanOwner[s] == s) {
          classPlans[s] = CountPlan.build(numClasses, c -> eval, index::classFrom, index::classTo);
          fullClassTotals[s] = new int[numClasses];
          classPlans[s].count(allOnes, fullClassTotals[s]);
        }
      }
      this.typeWords = TypeWords.of(dataset);
    }
  }

  /**
   * @return the selections, in the order of {@link #evaluate}'s output
   */
  public List<FactorSelection> selections() {
    return List.of(selections);
  }

  /**
   * @return the dataset
   */
  public Dataset dataset() {
    return dataset;
  }

  /**
   * Counts one model under one error type, for every selection.
   *
   * @param pred predicted class per image position (index order), below 0 where not predicted
   * @param numMissing how many entries of {@code pred} are below 0 (0 is the fast path)
   * @param type error type
   * @return counts per selection, in {@link #selections()} order
   */
  public FactorCounts[] evaluate(short[] pred, int numMissing, ErrorType type) {
    return evaluate(pred, numMissing, List.of(type))[0];
  }

  /**
   * Counts one model under several error types, for every selection. The {@code class} correctness
   * pass runs once and serves every type.
   *
   * @param pred predicted class per image position (index order), below 0 where not predicted
   * @param numMissing how many entries of {@code pred} are below 0 (0 is the fast path)
   * @param types error types
   * @return counts per type (in {@code types} order) and selection (in {@link #selections()} order)
   */
  public FactorCounts[][] evaluate(short[] pred, int numMissing, List<ErrorType> types) {
    Lanes.pack(pred, n, packedScratch);
    return evaluatePacked(packedScratch, numMissing, types);
  }

  /**
   * {@link #evaluate(short[], int, List)} on packed class ids ({@link
   * org.imagenetx.zoo.Zoo#readPacked}): what a whole-zoo pass calls, with no conversion.
   *
   * @param pred packed predicted class per image position ({@link Lanes#numLongs} longs), -1 where
   *     not predicted
   * @param numMissing how many images have no prediction (0 is the fast path)
   * @param types error types
   * @return counts per type (in {@code types} order) and selection (in {@link #selections()} order)
   */
  public FactorCounts[][] evaluatePacked(long[] pred, int numMissing, List<ErrorType> types) {
    typeWords.classWords(pred, classWords);
    if (numMissing > 0) {
      Correctness.coveredPacked(pred, n, covered);
    }
    int k = types.size();
    int seen = 0;
    for (int t = 0; t < k; t++) {
      int bit = 1 << types.get(t).ordinal();
      if ((seen & bit) != 0) {
        throw new IllegalArgumentException("error types must be distinct: " + types);
      }
      seen |= bit;
    }
    typeWords.derive(
        classWords,
        pred,
        (seen & (1 << ErrorType.METACLASS.ordinal())) != 0,
        (seen & (1 << ErrorType.REAL_CLASS.ordinal())) != 0,
        metaclassWords,
        realWords);
    long[][] words = new long[k][];
    for (int t = 0; t < k; t++) {
      words[t] = wordsOf(types.get(t));
    }
    FactorCounts[][] out = new FactorCounts[k][selections.length];
    int[][] cells = new int[k][];
    for (int s = 0; s < selections.length; s++) {
      for (int t = 0; t < k; t++) {
        cells[t] = new int[CELLS];
      }
      count(cellPlans[s], words, cells);
      int[] totals = fullTotals[s];
      if (numMissing > 0) {
        totals = new int[CELLS];
        cellPlans[s].count(covered, totals);
      }
      int owner = classPlanOwner[s];
      if (owner == s) {
        count(classPlans[s], words, classCorrect);
        int[] classTotals = fullClassTotals[s];
        if (numMissing > 0) {
          classPlans[s].count(covered, classTotalScratch);
          classTotals = classTotalScratch;
        }
        for (int t = 0; t < k; t++) {
          worst[t][s] = worstClasses.pooledAccuracy(classCorrect[t], classTotals);
        }
      }
      for (int t = 0; t < k; t++) {
        out[t][s] = new FactorCounts(cells[t], totals, worst[t][owner]);
      }
    }
    return out;
  }

  /**
   * Counts every type's words with one plan: three at a time in one pass over the plan ({@link
   * Words#planCounts3}, each entry loaded once), the rest one by one.
   */
  private static void count(CountPlan plan, long[][] words, int[][] out) {
    int t = 0;
    for (; t + 3 <= words.length; t += 3) {
      plan.count3(words[t], words[t + 1], words[t + 2], out[t], out[t + 1], out[t + 2]);
    }
    for (; t < words.length; t++) {
      plan.count(words[t], out[t]);
    }
  }

  /** The words of one error type, once derived. */
  private long[] wordsOf(ErrorType type) {
    switch (type) {
      case CLASS:
        return classWords;
      case METACLASS:
        return metaclassWords;
      case REAL_CLASS:
        return realWords;
      default:
        throw new AssertionError(type);
    }
  }
}
