package org.imagenetx.compare;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Derived;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.bits.Lanes;
import org.imagenetx.bits.Words;
import org.imagenetx.evaluation.CorrectWords;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.io.BadInputException;
import org.imagenetx.io.Resources;
import org.imagenetx.parallel.Workers;
import org.imagenetx.resampling.PatternCells;
import org.imagenetx.zoo.Zoo;

/**
 * Every model's error set over the evaluated images of one selection, as dense words in a <em>cell
 * order</em>: evaluated images sorted by (factor pattern, true metaclass), so that each (pattern,
 * metaclass) cell is one contiguous bit range. Then for any pair, every count the comparisons need
 * — per factor, overall, per metaclass — follows from one pass of range popcounts of {@code A_w ∧
 * B_w} (one range per cell) plus the per-model counts {@code |A_w ∧ cell|} kept here: {@code b =
 * |A_w ∧ S| − |A_w ∧ B_w ∧ S|}, {@code c = |B_w ∧ S| − |A_w ∧ B_w ∧ S|} for a slice S (a union of
 * cells). For the top selection an image has one pattern (its factor), so the 16 factor slices
 * partition the images and a pair costs one pass over the words (SPEC 5: all pairs).
 *
 * <p>Memory: {@code models × ⌈evaluated/64⌉ × 8} bytes of error words (2,200 models × 46,110
 * images: 12.7 MB) plus {@code models × cells} ints of per-cell error counts.
 *
 * <p>Comparisons are on the same images: every model must predict every evaluated image (a model
 * with gaps is rejected with a {@link BadInputException} rather than silently compared on fewer).
 */
public final class PairwiseData {
  private final List<String> models;
  private final FactorSelection selection;
  private final ErrorType type;
  private final int[] patterns;
  private final int numCells;
  private final int[] cellStart;
  private final int numWords;
  private final long[][] wrong;
  private final int[][] wrongPerCell;
  private final int[][] wrongPerSlice;

  /**
   * Merged bit ranges per slice, built on first use (the one-vs-all pass); a two-model compare
   * never needs them.
   */
  private volatile int[][] sliceRanges;

  private PairwiseData(
      List<String> models,
      FactorSelection selection,
      ErrorType type,
      int[] patterns,
      int[] cellStart,
      long[][] wrong,
      int[][] wrongPerCell) {
    this.models = models;
    this.selection = selection;
    this.type = type;
    this.patterns = patterns;
    this.numCells = cellStart.length - 1;
    this.cellStart = cellStart;
    this.numWords = Words.numWords(cellStart[numCells]);
    this.wrong = wrong;
    this.wrongPerCell = wrongPerCell;
    this.wrongPerSlice = new int[wrong.length][NUM_SLICES];
    for (int m = 0; m < wrong.length; m++) {
      toSlices(wrongPerCell[m], wrongPerSlice[m], NUM_SLICES);
    }
  }

  private int[][] sliceRanges() {
    int[][] r = sliceRanges;
    if (r == null) {
      r = new int[NUM_SLICES][];
      for (int sl = 0; sl < NUM_SLICES; sl++) {
        r[sl] = ranges(sl);
      }
      sliceRanges = r; // racing threads build equal arrays
    }
    return r;
  }

  /** Bit ranges {@code [from, to)} covering a slice, adjacent cells merged. */
  private int[] ranges(int slice) {
    int[] out = new int[2 * numCells];
    int k = 0;
    for (int c = 0; c < numCells; c++) {
      int q = c / Metaclasses.COUNT;
      int m = c % Metaclasses.COUNT;
      boolean in =
          slice == OVERALL
              || (slice < Factor.COUNT
                  ? (patterns[q] & (1 << slice)) != 0
                  : m == slice - FACTOR_SLICES);
      if (!in || cellStart[c] == cellStart[c + 1]) {
        continue;
      }
      if (k > 0 && out[k - 1] == cellStart[c]) {
        out[k - 1] = cellStart[c + 1];
      } else {
        out[k++] = cellStart[c];
        out[k++] = cellStart[c + 1];
      }
    }
    return Arrays.copyOf(out, k);
  }

  /**
   * Reads every model once.
   *
   * @param dataset annotations
   * @param zoo predictions
   * @param selection factor selection
   * @param type error type
   * @param threads workers
   * @return the error words of all models
   */
  public static PairwiseData load(
      Dataset dataset, Zoo zoo, FactorSelection selection, ErrorType type, int threads) {
    CellOrder co = CellOrder.of(dataset, selection);
    int[] patterns = co.patterns;
    int n = dataset.index().size();
    long[] eval = co.evaluated;
    int cells = co.start.length - 1;
    int[] start = co.start;
    int[] order = co.order;
    final int numEval = order.length;
    int numModels = zoo.size();
    int words = Words.numWords(numEval);
    // every model's error words and cell counts stay on the heap together
    Resources.requireHeap(
        zoo.source(),
        String.format(
            Locale.ROOT, "paired comparisons of %,d models x %,d images", numModels, numEval),
        Resources.times(numModels, (long) words * Long.BYTES + (long) cells * Integer.BYTES + 32));
    long[][] wrong = new long[numModels][];
    int[][] wrongPerCell = new int[numModels][];
    AtomicInteger next = new AtomicInteger();
    int workers = Math.max(1, Math.min(threads, numModels));
    Callable<Void> worker =
        () -> {
          CorrectWords correctWords = new CorrectWords(dataset, eval);
          long[] pred = new long[Lanes.numLongs(n)];
          long[] correct = new long[Words.numWords(n)];
          long[] covered = new long[Words.numWords(n)];
          int m;
          while ((m = next.getAndIncrement()) < numModels) {
            int missing = zoo.readPacked(m, pred);
            if (missing > 0) {
              correctWords.covered(pred, covered);
              for (int w = 0; w < eval.length; w++) {
                long lost = eval[w] & ~covered[w];
                if (lost != 0) {
                  int i = (w << 6) + Long.numberOfTrailingZeros(lost);
                  throw new BadInputException(
                      zoo.source(),
                      0,
                      "model "
                          + zoo.models().get(m)
                          + " has no prediction for "
                          + dataset.index().fileName(i)
                          + "; pairwise comparisons need every evaluated image predicted by both models");
                }
              }
            }
            correctWords.compute(pred, type, correct);
            long[] out = new long[words];
            for (int j = 0; j < numEval; j++) {
              int i = order[j];
              if ((correct[i >>> 6] & (1L << i)) == 0) {
                out[j >>> 6] |= 1L << j;
              }
            }
            int[] perCell = new int[cells];
            for (int c = 0; c < cells; c++) {
              perCell[c] = Words.countRange(out, start[c], start[c + 1]);
            }
            wrong[m] = out;
            wrongPerCell[m] = perCell;
          }
          return null;
        };
    // one worker (e.g. an interactive compare of two models) runs on the calling thread
    Workers.run(workers, "imagenetx-pairwise-load", worker);
    return new PairwiseData(zoo.models(), selection, type, patterns, start, wrong, wrongPerCell);
  }

  /**
   * @return model names, zoo order
   */
  public List<String> models() {
    return models;
  }

  /**
   * @return the selection
   */
  public FactorSelection selection() {
    return selection;
  }

  /**
   * @return the error type
   */
  public ErrorType type() {
    return type;
  }

  /**
   * @return factor mask per pattern (do not modify)
   */
  public int[] patterns() {
    return patterns;
  }

  /**
   * @return cells: {@code patterns × 17 metaclasses}, cell = pattern · 17 + metaclass
   */
  public int numCells() {
    return numCells;
  }

  /**
   * @param cell a cell
   * @return images in it
   */
  public int cellSize(int cell) {
    return cellStart[cell + 1] - cellStart[cell];
  }

  /**
   * @param model model number
   * @return its error count per cell (do not modify)
   */
  public int[] wrongPerCell(int model) {
    return wrongPerCell[model];
  }

  /**
   * @param model model number
   * @return its error count per slice ({@link #NUM_SLICES}; do not modify)
   */
  public int[] wrongPerSlice(int model) {
    return wrongPerSlice[model];
  }

  /**
   * Images both models get wrong in one slice: range popcounts over the slice's merged cell ranges
   * (one range for overall, and for a factor of the top selection).
   *
   * @param a model A
   * @param b model B
   * @param slice slice index
   * @return |A_w ∧ B_w ∧ slice|
   */
  public int bothWrong(int a, int b, int slice) {
    long[] x = wrong[a];
    long[] y = wrong[b];
    int[] r = sliceRanges()[slice];
    int n = 0;
    for (int i = 0; i < r.length; i += 2) {
      n += Words.andCountRange(x, y, r[i], r[i + 1]);
    }
    return n;
  }

  /**
   * Images both models get wrong per pattern (a pattern's cells are adjacent in cell order: one
   * range each), for the factor slices of the all-pairs pass.
   *
   * @param a model A
   * @param b model B
   * @param dst {@code patterns().length} counts, overwritten
   */
  public void bothWrongPerPattern(int a, int b, int[] dst) {
    long[] x = wrong[a];
    long[] y = wrong[b];
    for (int q = 0; q < patterns.length; q++) {
      dst[q] =
          Words.andCountRange(
              x, y, cellStart[q * Metaclasses.COUNT], cellStart[(q + 1) * Metaclasses.COUNT]);
    }
  }

  /**
   * Sums per-pattern counts into the factor slices and overall.
   *
   * @param perPattern counts per pattern
   * @param dst {@link #FACTOR_SLICES} counts, overwritten
   */
  public void patternsToFactorSlices(int[] perPattern, int[] dst) {
    Arrays.fill(dst, 0, FACTOR_SLICES, 0);
    for (int q = 0; q < patterns.length; q++) {
      int v = perPattern[q];
      dst[OVERALL] += v;
      for (int mask = patterns[q]; mask != 0; mask &= mask - 1) {
        dst[Integer.numberOfTrailingZeros(mask)] += v;
      }
    }
  }

  /**
   * Images both models get wrong, per cell: one pass of range popcounts over {@code A_w ∧ B_w}.
   *
   * @param a model A
   * @param b model B
   * @param dst {@link #numCells()} counts, overwritten
   */
  public void bothWrong(int a, int b, int[] dst) {
    long[] x = wrong[a];
    long[] y = wrong[b];
    for (int c = 0; c < numCells; c++) {
      dst[c] = Words.andCountRange(x, y, cellStart[c], cellStart[c + 1]);
    }
  }

  /** Slices of the comparisons: 16 factors, all images, 17 metaclasses. */
  public static final int NUM_SLICES = Factor.COUNT + 1 + Metaclasses.COUNT;

  /** Slice of all images. */
  public static final int OVERALL = Factor.COUNT;

  /** Slices the all-pairs pass reports: 16 factors + overall. */
  public static final int FACTOR_SLICES = Factor.COUNT + 1;

  /**
   * @param slice 0..{@value #NUM_SLICES}−1
   * @return factor column name, {@code overall}, or {@code metaclass:<name>}
   */
  public static String sliceName(int slice) {
    if (slice < Factor.COUNT) {
      return Factor.of(slice).column();
    }
    if (slice == OVERALL) {
      return "overall";
    }
    return "metaclass:" + Metaclasses.NAMES.get(slice - OVERALL - 1);
  }

  /**
   * Sums per-cell counts into slices: factor f = cells whose pattern has f; overall = all cells;
   * metaclass m = cells of m.
   *
   * @param perCell counts per cell
   * @param dst {@code ≥ numSlices} counts, overwritten (only the first {@code numSlices})
   * @param numSlices {@link #FACTOR_SLICES} (factors + overall) or {@link #NUM_SLICES}
   */
  public void toSlices(int[] perCell, int[] dst, int numSlices) {
    Arrays.fill(dst, 0, numSlices, 0);
    for (int q = 0; q < patterns.length; q++) {
      int sum = 0;
      int base = q * Metaclasses.COUNT;
      if (numSlices > FACTOR_SLICES) {
        for (int m = 0; m < Metaclasses.COUNT; m++) {
          int v = perCell[base + m];
          sum += v;
          dst[FACTOR_SLICES + m] += v;
        }
      } else {
        for (int m = 0; m < Metaclasses.COUNT; m++) {
          sum += perCell[base + m];
        }
      }
      dst[OVERALL] += sum;
      for (int mask = patterns[q]; mask != 0; mask &= mask - 1) {
        dst[Integer.numberOfTrailingZeros(mask)] += sum;
      }
    }
  }

  /**
   * @return images per slice ({@link #NUM_SLICES} entries)
   */
  public int[] sliceSizes() {
    int[] sizes = new int[numCells];
    for (int c = 0; c < numCells; c++) {
      sizes[c] = cellSize(c);
    }
    int[] out = new int[NUM_SLICES];
    toSlices(sizes, out, NUM_SLICES);
    return out;
  }

  /**
   * @return bytes held by the error words and counts
   */
  public long ramBytesUsed() {
    return (long) wrong.length * (numWords * 8L + 16)
        + (long) wrongPerCell.length * (numCells * 4L + 16);
  }

  /**
   * The dataset-level part of {@link #load}: evaluated images sorted by (factor pattern, true
   * metaclass). It depends only on the annotations, so it is computed once per (dataset, selection)
   * and shared by every load (an interactive compare loads two models at a time).
   */
  private static final class CellOrder {
    /** Cell orders per selection, owned by the dataset ({@link Dataset#derived}). */
    private static final Derived<Map<FactorSelection, CellOrder>> ORDERS =
        Derived.of("pairwise cell orders", d -> new ConcurrentHashMap<>());

    final int[] patterns;
    final long[] evaluated;
    final int[] start;
    final int[] order;

    private CellOrder(int[] patterns, long[] evaluated, int[] start, int[] order) {
      this.patterns = patterns;
      this.evaluated = evaluated;
      this.start = start;
      this.order = order;
    }

    static CellOrder of(Dataset dataset, FactorSelection selection) {
      return dataset.derived(ORDERS).computeIfAbsent(selection, s -> build(dataset, s));
    }

    private static CellOrder build(Dataset dataset, FactorSelection selection) {
      PatternCells pc = PatternCells.of(dataset, selection);
      int[] patterns = pc.patterns();
      int p = patterns.length;
      int n = dataset.index().size();
      long[][] fw = dataset.factors(selection).words();
      long[] eval = pc.evaluated();
      byte[] metaclassOf = dataset.index().metaclassOfImage();
      // Cell of every evaluated image, then a counting sort into cell order.
      int[] patternIndex = new int[1 << Factor.COUNT];
      for (int q = 0; q < p; q++) {
        patternIndex[patterns[q]] = q;
      }
      int cells = p * Metaclasses.COUNT;
      int[] cellOf = new int[n];
      int[] start = new int[cells + 1];
      int evalCount = 0;
      for (int w = 0; w < eval.length; w++) {
        for (long bits = eval[w]; bits != 0; bits &= bits - 1) {
          int i = (w << 6) + Long.numberOfTrailingZeros(bits);
          int mask = 0;
          for (int f = 0; f < Factor.COUNT; f++) {
            mask |= (int) ((fw[f][w] >>> i) & 1L) << f;
          }
          int cell = patternIndex[mask] * Metaclasses.COUNT + metaclassOf[i];
          cellOf[i] = cell;
          start[cell + 1]++;
          evalCount++;
        }
      }
      for (int c = 0; c < cells; c++) {
        start[c + 1] += start[c];
      }
      int[] order = new int[evalCount]; // new position -> image index
      int[] fill = start.clone();
      for (int w = 0; w < eval.length; w++) {
        for (long bits = eval[w]; bits != 0; bits &= bits - 1) {
          int i = (w << 6) + Long.numberOfTrailingZeros(bits);
          order[fill[cellOf[i]]++] = i;
        }
      }
      return new CellOrder(patterns, eval, start, order);
    }
  }
}
