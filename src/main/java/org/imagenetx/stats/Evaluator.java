package org.imagenetx.stats;

import java.util.List;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.FactorSet;
import org.imagenetx.annotations.ImageIndex;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.bits.Correctness;
import org.imagenetx.bits.Words;

/**
 * Turns one model's predictions into {@link FactorCounts}: one pass builds the correctness words of
 * an error type, then every count of the upstream tables is a (range) popcount of those words against
 * the factor words. Images are laid out by metaclass then class ({@link ImageIndex}), so per-metaclass
 * cells and per-class accuracies are range counts of the same words.
 *
 * <p>Joining follows the upstream inner join: images the model did not predict (prediction below 0)
 * drop out of numerators and denominators alike.
 *
 * <p>Not thread-safe: it owns scratch buffers reused across models. Use one per thread.
 */
public final class Evaluator {
  /** Number of worst classes pooled into {@code worst_100_classes}. */
  public static final int WORST_CLASSES = 100;

  private final Dataset dataset;
  private final ImageIndex index;
  private final int n;
  private final int numWords;
  private final FactorSelection[] selections;
  private final long[][][] selectionWords;
  private final int[][] fullTotals;
  private final int[][] fullClassTotals;
  private final byte[] metaclassOfClass;

  private final long[] correct;
  private final long[] masked;
  private final long[] covered;
  private final int[] cellTotals;
  private final int[] classCorrect;
  private final int[] classTotal;
  private final double[] classAcc;
  private final double[] selectScratch;

  /**
   * @param dataset the annotations
   * @param selections factor selections to count (each must be loaded)
   */
  public Evaluator(Dataset dataset, List<FactorSelection> selections) {
    this.dataset = dataset;
    this.index = dataset.index();
    this.n = index.size();
    this.numWords = Words.numWords(n);
    this.selections = selections.toArray(new FactorSelection[0]);
    this.selectionWords = new long[this.selections.length][][];
    this.fullTotals = new int[this.selections.length][];
    this.fullClassTotals = new int[this.selections.length][];
    for (int s = 0; s < this.selections.length; s++) {
      FactorSet set = dataset.factors(this.selections[s]);
      long[][] w = set.words();
      assert Words.ghostBitsClear(w[Factor.COUNT], n);
      selectionWords[s] = w;
      fullTotals[s] = new int[Metaclasses.COUNT * FactorCounts.COLUMNS];
      fullClassTotals[s] = new int[index.numClasses()];
      totals(w, null, fullTotals[s], fullClassTotals[s]);
    }
    this.metaclassOfClass = dataset.metaclasses().table();
    this.correct = new long[numWords];
    this.masked = new long[numWords];
    this.covered = new long[numWords];
    this.cellTotals = new int[Metaclasses.COUNT * FactorCounts.COLUMNS];
    this.classCorrect = new int[index.numClasses()];
    this.classTotal = new int[index.numClasses()];
    this.classAcc = new double[index.numClasses()];
    this.selectScratch = new double[index.numClasses()];
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
    switch (type) {
      case CLASS:
        Correctness.classCorrect(pred, index.labels(), n, correct);
        break;
      case METACLASS:
        Correctness.metaclassCorrect(pred, index.metaclassOfImage(), metaclassOfClass, n, correct);
        break;
      case REAL_CLASS:
        if (!dataset.hasReal()) {
          throw new IllegalStateException("ReaL labels are not loaded");
        }
        Correctness.realCorrect(pred, dataset.realOffsets(), dataset.realLabels(), n, correct);
        break;
      default:
        throw new AssertionError(type);
    }
    if (numMissing > 0) {
      Correctness.covered(pred, n, covered);
    }
    FactorCounts[] out = new FactorCounts[selections.length];
    for (int s = 0; s < selections.length; s++) {
      long[][] w = selectionWords[s];
      Words.and(correct, w[Factor.COUNT], masked, numWords);
      int[] totals;
      int[] classTotals;
      if (numMissing > 0) {
        totals = new int[cellTotals.length];
        classTotals = classTotal;
        totals(w, covered, totals, classTotals);
      } else {
        totals = fullTotals[s];
        classTotals = fullClassTotals[s];
      }
      int[] cells = new int[Metaclasses.COUNT * FactorCounts.COLUMNS];
      for (int m = 0; m < Metaclasses.COUNT; m++) {
        int from = index.metaclassFrom(m);
        int to = index.metaclassTo(m);
        int row = m * FactorCounts.COLUMNS;
        for (int f = 0; f < Factor.COUNT; f++) {
          cells[row + f] = Words.andCountRange(masked, w[f], from, to);
        }
        cells[row + FactorCounts.ALL] = Words.countRange(masked, from, to);
      }
      for (int c = 0; c < classCorrect.length; c++) {
        classCorrect[c] = Words.countRange(masked, index.classFrom(c), index.classTo(c));
      }
      out[s] = new FactorCounts(cells, totals, worstClasses(classCorrect, classTotals));
    }
    return out;
  }

  /** Cell and class denominators; {@code covered == null} means every image was predicted. */
  private void totals(long[][] w, long[] coveredWords, int[] cells, int[] classTotals) {
    long[] eval = w[Factor.COUNT];
    for (int m = 0; m < Metaclasses.COUNT; m++) {
      int from = index.metaclassFrom(m);
      int to = index.metaclassTo(m);
      int row = m * FactorCounts.COLUMNS;
      for (int f = 0; f < Factor.COUNT; f++) {
        cells[row + f] =
            coveredWords == null
                ? Words.countRange(w[f], from, to)
                : Words.andCountRange(w[f], coveredWords, from, to);
      }
      cells[row + FactorCounts.ALL] =
          coveredWords == null
              ? Words.countRange(eval, from, to)
              : Words.andCountRange(eval, coveredWords, from, to);
    }
    for (int c = 0; c < classTotals.length; c++) {
      classTotals[c] =
          coveredWords == null
              ? Words.countRange(eval, index.classFrom(c), index.classTo(c))
              : Words.andCountRange(eval, coveredWords, index.classFrom(c), index.classTo(c));
    }
  }

  private double worstClasses(int[] classCorrect, int[] classTotals) {
    return worstClasses(classCorrect, classTotals, classAcc, selectScratch);
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
  static double worstClasses(int[] classCorrect, int[] classTotals, double[] classAcc, double[] selectScratch) {
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
