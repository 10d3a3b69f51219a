package org.imagenetx.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.imagenetx.parallel.Workers;

/**
 * McNemar discordant counts of every pair of models on the 16 factor slices and overall, streamed:
 * pairs are computed in blocks of rows (model A) by worker threads and handed to the consumer in
 * deterministic (A, B) order, one block at a time, so memory stays at a few blocks of ints whatever
 * the zoo size — never a pairs × slices matrix.
 */
public final class AllPairs {
  /** Receives one pair's counts; called from one thread at a time, in (a, b) order. */
  @FunctionalInterface
  public interface Consumer {
    /**
     * @param a model A (a &lt; b)
     * @param b model B
     * @param onlyA per slice (16 factors + overall), images only A gets wrong
     * @param onlyB per slice, images only B gets wrong (arrays are reused after the call)
     */
    void accept(int a, int b, int[] onlyA, int[] onlyB);
  }

  /** Rows of A per block: enough work per task, small buffers. */
  static final int BLOCK_ROWS = 8;

  private AllPairs() {}

  /**
   * @param data error words of the zoo
   * @param threads workers (≥ 1)
   * @param consumer receives every pair once, in order
   * @return number of pairs
   */
  public static long run(PairwiseData data, int threads, Consumer consumer) {
    int models = data.models().size();
    int s = PairwiseData.FACTOR_SLICES;
    int[][] wrongSlices = new int[models][];
    for (int m = 0; m < models; m++) {
      wrongSlices[m] = data.wrongPerSlice(m);
    }
    int numBlocks = (models + BLOCK_ROWS - 1) / BLOCK_ROWS;
    int workers = Math.max(1, threads);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread t = new Thread(r, "imagenetx-allpairs");
              t.setDaemon(true);
              return t;
            });
    long pairs = 0;
    try {
      List<Future<int[]>> window = new ArrayList<>();
      int submitted = 0;
      int[] onlyA = new int[s];
      int[] onlyB = new int[s];
      for (int blk = 0; blk < numBlocks; blk++) {
        while (submitted < numBlocks && submitted < blk + 2 * workers) {
          int from = submitted * BLOCK_ROWS;
          int to = Math.min(models, from + BLOCK_ROWS);
          window.add(pool.submit(() -> bothWrongBlock(data, from, to)));
          submitted++;
        }
        int[] both = window.set(blk, null).get();
        int from = blk * BLOCK_ROWS;
        int to = Math.min(models, from + BLOCK_ROWS);
        int k = 0;
        for (int a = from; a < to; a++) {
          for (int b = a + 1; b < models; b++) {
            for (int j = 0; j < s; j++) {
              int bw = both[k++];
              onlyA[j] = wrongSlices[a][j] - bw;
              onlyB[j] = wrongSlices[b][j] - bw;
            }
            consumer.accept(a, b, onlyA, onlyB);
            pairs++;
          }
        }
      }
    } catch (ExecutionException e) {
      throw Workers.unwrap(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
    return pairs;
  }

  /**
   * A pair's discordant counts on one slice.
   *
   * @param a model A
   * @param b model B
   * @param onlyA images only A gets wrong
   * @param onlyB images only B gets wrong
   */
  public record PairCount(int a, int b, int onlyA, int onlyB) {
    /**
     * @return McNemar z, {@link McNemar#z}
     */
    public double z() {
      return McNemar.z(onlyA, onlyB);
    }
  }

  /**
   * The k pairs with the strongest evidence of different error rates on one slice, by |z| ({@link
   * McNemar#z}, monotone in the evidence and cheap), ties by (a, b). Holds k entries, not all
   * pairs.
   *
   * @param data error words
   * @param slice 0..15 factor or {@link PairwiseData#OVERALL}
   * @param k how many
   * @param threads workers
   * @return up to k pairs, strongest first
   */
  public static List<PairCount> top(PairwiseData data, int slice, int k, int threads) {
    PriorityQueue<PairCount> heap = new PriorityQueue<>(Math.max(1, k), AllPairs::weaker);
    run(
        data,
        threads,
        (a, b, onlyA, onlyB) -> {
          PairCount pc = new PairCount(a, b, onlyA[slice], onlyB[slice]);
          if (heap.size() < k) {
            heap.add(pc);
          } else if (k > 0 && weaker(heap.peek(), pc) < 0) {
            heap.poll();
            heap.add(pc);
          }
        });
    List<PairCount> out = new ArrayList<>(heap);
    out.sort((x, y) -> weaker(y, x));
    return out;
  }

  /** Orders pairs from weakest to strongest evidence: |z| ascending, then (a, b) descending. */
  private static int weaker(PairCount x, PairCount y) {
    int c = Double.compare(Math.abs(x.z()), Math.abs(y.z()));
    if (c != 0) {
      return c;
    }
    c = Integer.compare(y.a(), x.a());
    return c != 0 ? c : Integer.compare(y.b(), x.b());
  }

  /** Both-wrong counts per (pair, slice) for rows [from, to), pairs (a, b > a) in order. */
  private static int[] bothWrongBlock(PairwiseData data, int from, int to) {
    int models = data.models().size();
    int s = PairwiseData.FACTOR_SLICES;
    int numPairs = 0;
    for (int a = from; a < to; a++) {
      numPairs += models - a - 1;
    }
    int[] out = new int[numPairs * s];
    int[] perPattern = new int[data.patterns().length];
    int[] slices = new int[s];
    int k = 0;
    for (int a = from; a < to; a++) {
      for (int b = a + 1; b < models; b++) {
        // One range per pattern (16 for the top selection), not one per (pattern, metaclass) cell.
        data.bothWrongPerPattern(a, b, perPattern);
        data.patternsToFactorSlices(perPattern, slices);
        System.arraycopy(slices, 0, out, k, s);
        k += s;
      }
    }
    return out;
  }
}
