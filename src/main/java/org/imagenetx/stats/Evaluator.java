package org.imagenetx.stats;

import java.util.Arrays;
import java.util.List;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.ImageIndex;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.bits.Correctness;
import org.imagenetx.bits.Words;

/**
 * Turns one model's predictions into {@link FactorCounts}. One pass builds the {@code class}
 * correctness words; {@code metaclass} and {@code real_class} words are derived from them by looking
 * up only the images where they can differ. Every count of the upstream tables is then a {@link
 * CountPlan} applied to those words: per (metaclass, factor) cell and per class, built once from the
 * factor masks and the index ranges (images are laid out by metaclass then class, {@link
 * ImageIndex}).
 *
 * <p>Joining follows the upstream inner join: images the model did not predict (prediction below 0)
 * drop out of numerators and denominators alike.
 *
 * <p>Not thread-safe: it owns scratch buffers reused across models. Use one per thread.
 */
public final class Evaluator {
  /** Number of worst classes pooled into {@code worst_100_classes}. */
  public static final int WORST_CLASSES = 100;

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
  private final long[] within;
  private final byte[] metaclassOfPredPlus1;
  private final long[] realLabelOnly;
  private final int[] realSpecial;

  private final long[] classWords;
  private final long[] correct;
  private final long[] covered;
  private final int[] classCorrect;
  private final int[] classTotalScratch;
  private final double[] classAcc;
  private final double[] selectScratch;
  private final double[] worstBySelection;

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
    this.within = plan.within;
    this.metaclassOfPredPlus1 = plan.metaclassOfPredPlus1;
    this.realLabelOnly = plan.realLabelOnly;
    this.realSpecial = plan.realSpecial;
    int numClasses = index.numClasses();
    this.classWords = new long[numWords];
    this.correct = new long[numWords];
    this.covered = new long[numWords];
    this.classCorrect = new int[numClasses];
    this.classTotalScratch = new int[numClasses];
    this.classAcc = new double[numClasses];
    this.selectScratch = new double[numClasses];
    this.worstBySelection = new double[selections.length];
  }

  /**
   * What every evaluator of a (dataset, selections) shares, built once and cached: count plans,
   * denominators, the class→metaclass table, the ReaL fix-up lists. Immutable, so the evaluators of
   * all threads (and the {@code human} row) use one copy; a new evaluator only allocates scratch.
   */
  private static final class Plan {
    private static final java.util.Map<Dataset, java.util.Map<List<FactorSelection>, Plan>> CACHE =
        java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    final Dataset dataset;
    final FactorSelection[] selections;
    final CountPlan[] cellPlans;
    final CountPlan[] classPlans;
    final int[] classPlanOwner;
    final int[][] fullTotals;
    final int[][] fullClassTotals;
    final long[] within;
    final byte[] metaclassOfPredPlus1;
    final long[] realLabelOnly;
    final int[] realSpecial;

    static Plan of(Dataset dataset, List<FactorSelection> selections) {
      java.util.Map<List<FactorSelection>, Plan> bySelections =
          CACHE.computeIfAbsent(dataset, d -> new java.util.concurrent.ConcurrentHashMap<>());
      return bySelections.computeIfAbsent(List.copyOf(selections), s -> new Plan(dataset, s));
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
      this.within = new long[numWords];
      long[] allOnes = new long[numWords];
      Arrays.fill(allOnes, -1L);
      int numClasses = index.numClasses();
      for (int s = 0; s < numSel; s++) {
        long[][] w = dataset.factors(selections[s]).words();
        long[] eval = w[Factor.COUNT];
        assert Words.ghostBitsClear(eval, n);
        for (int i = 0; i < numWords; i++) {
          within[i] |= eval[i];
        }
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
      byte[] meta = dataset.metaclasses().table();
      this.metaclassOfPredPlus1 = new byte[meta.length + 1];
      metaclassOfPredPlus1[0] = -1;
      System.arraycopy(meta, 0, metaclassOfPredPlus1, 1, meta.length);
      if (dataset.hasReal()) {
        int[] offsets = dataset.realOffsets();
        short[] values = dataset.realLabels();
        short[] labels = index.labels();
        realLabelOnly = new long[numWords];
        it.unimi.dsi.fastutil.ints.IntArrayList special = new it.unimi.dsi.fastutil.ints.IntArrayList();
        int maxSize = 0;
        for (int i = 0; i < n; i++) {
          maxSize = Math.max(maxSize, offsets[i + 1] - offsets[i]);
        }
        // grouped by set size (then position): the lookup loop's trip count stays predictable
        it.unimi.dsi.fastutil.ints.IntArrayList[] bySize = new it.unimi.dsi.fastutil.ints.IntArrayList[maxSize + 1];
        for (int size = 1; size <= maxSize; size++) {
          bySize[size] = new it.unimi.dsi.fastutil.ints.IntArrayList();
        }
        for (int i = 0; i < n; i++) {
          int size = offsets[i + 1] - offsets[i];
          if (size == 0) {
            continue;
          }
          if (size == 1 && values[offsets[i]] == labels[i]) {
            realLabelOnly[i >>> 6] |= 1L << i;
          } else if ((within[i >>> 6] & (1L << i)) != 0) {
            bySize[size].add(i);
          }
        }
        for (int size = 1; size <= maxSize; size++) {
          special.addAll(bySize[size]);
        }
        realSpecial = special.toIntArray();
      } else {
        realLabelOnly = null;
        realSpecial = null;
      }
    }
  }

  /** @return the selections, in the order of {@link #evaluate}'s output */
  public List<FactorSelection> selections() {
    return List.of(selections);
  }

  /** @return the dataset */
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
    Correctness.classCorrect(pred, index.labels(), n, classWords);
    if (numMissing > 0) {
      Correctness.covered(pred, n, covered);
    }
    FactorCounts[][] out = new FactorCounts[types.size()][];
    for (int t = 0; t < out.length; t++) {
      out[t] = count(pred, numMissing, correctness(pred, types.get(t)));
    }
    return out;
  }

  private long[] correctness(short[] pred, ErrorType type) {
    switch (type) {
      case CLASS:
        return classWords;
      case METACLASS:
        Correctness.metaclassFromClass(
            classWords, within, pred, index.metaclassOfImage(), metaclassOfPredPlus1, numWords, correct);
        return correct;
      case REAL_CLASS:
        if (!dataset.hasReal()) {
          throw new IllegalStateException("ReaL labels are not loaded");
        }
        Correctness.realFromClass(
            classWords,
            realLabelOnly,
            realSpecial,
            realSpecial.length,
            pred,
            dataset.realOffsets(),
            dataset.realLabels(),
            numWords,
            correct);
        return correct;
      default:
        throw new AssertionError(type);
    }
  }

  private FactorCounts[] count(short[] pred, int numMissing, long[] words) {
    FactorCounts[] out = new FactorCounts[selections.length];
    for (int s = 0; s < selections.length; s++) {
      int[] cells = new int[CELLS];
      cellPlans[s].count(words, cells);
      int[] totals = fullTotals[s];
      if (numMissing > 0) {
        totals = new int[CELLS];
        cellPlans[s].count(covered, totals);
      }
      int owner = classPlanOwner[s];
      if (owner == s) {
        classPlans[s].count(words, classCorrect);
        int[] classTotals = fullClassTotals[s];
        if (numMissing > 0) {
          classPlans[s].count(covered, classTotalScratch);
          classTotals = classTotalScratch;
        }
        worstBySelection[s] = worstClasses(classCorrect, classTotals, classAcc, selectScratch);
      } else {
        worstBySelection[s] = worstBySelection[owner];
      }
      out[s] = new FactorCounts(cells, totals, worstBySelection[s]);
    }
    return out;
  }

  /**
   * Pooled accuracy over the images of the {@value #WORST_CLASSES} classes with the lowest accuracy,
   * ties broken by class id (the upstream {@code nsmallest} keeps the first of equal values, and its
   * per-class series is ordered by class id). Classes without evaluated images are skipped. A
   * quickselect finds the threshold, so no sort runs per model.
   *
   * @param classCorrect correct images per class
   * @param classTotals evaluated images per class
   * @param classAcc scratch, one entry per class
   * @param selectScratch scratch, one entry per class
   * @return the pooled accuracy, NaN when no class has images
   */
  static double worstClasses(
      int[] classCorrect, int[] classTotals, double[] classAcc, double[] selectScratch) {
    int k = 0;
    for (int c = 0; c < classTotals.length; c++) {
      if (classTotals[c] > 0) {
        classAcc[c] = (double) classCorrect[c] / classTotals[c];
        selectScratch[k++] = classAcc[c];
      } else {
        classAcc[c] = Double.NaN;
      }
    }
    if (k == 0) {
      return Double.NaN;
    }
    int take = Math.min(WORST_CLASSES, k);
    double threshold = Selection.kthSmallest(selectScratch, k, take - 1);
    long sumCorrect = 0;
    long sumTotal = 0;
    int taken = 0;
    for (int c = 0; c < classTotals.length; c++) {
      if (classTotals[c] > 0 && classAcc[c] < threshold) {
        sumCorrect += classCorrect[c];
        sumTotal += classTotals[c];
        taken++;
      }
    }
    for (int c = 0; c < classTotals.length && taken < take; c++) {
      if (classTotals[c] > 0 && classAcc[c] == threshold) {
        sumCorrect += classCorrect[c];
        sumTotal += classTotals[c];
        taken++;
      }
    }
    return (double) sumCorrect / sumTotal;
  }
}
