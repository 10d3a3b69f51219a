package org.imagenetx.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.FactorSet;
import org.imagenetx.annotations.ImageIndex;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.synth.SyntheticImageNetX;
import org.imagenetx.synth.SyntheticZoo;
import org.imagenetx.zoo.InMemoryZoo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The word-kernel evaluator against a per-image reference written the way the upstream toolkit
 * computes: filter, inner join, group and mean, sort classes by accuracy.
 */
class EvaluatorTest {
  static LongStream seeds() {
    return LongStream.range(1, Boolean.getBoolean("nightly") ? 40 : 6);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void countsEqualPerImageReference(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Dataset ds = SyntheticImageNetX.generate(seed, 1 + rnd.nextInt(6)).dataset(rnd.nextBoolean());
    InMemoryZoo zoo = SyntheticZoo.generate(ds, 2, seed);
    List<FactorSelection> sels = List.of(FactorSelection.MULTI, FactorSelection.TOP);
    Evaluator ev = new Evaluator(ds, sels);
    short[] pred = new short[zoo.numImages()];
    for (int m = 0; m < zoo.size(); m++) {
      zoo.readClasses(m, pred);
      int missing = 0;
      if (m == 1) {
        // the second model misses a random tenth of the images: the inner join drops them
        for (int i = 0; i < pred.length; i++) {
          if (rnd.nextDouble() < 0.1) {
            pred[i] = -1;
            missing++;
          }
        }
      }
      for (ErrorType type : ErrorType.values()) {
        FactorCounts[] counts = ev.evaluate(pred, missing, type);
        for (int s = 0; s < sels.size(); s++) {
          Reference ref = new Reference(ds, ds.factors(sels.get(s)), pred, type);
          for (int meta = 0; meta < Metaclasses.COUNT; meta++) {
            for (int col = 0; col < FactorCounts.COLUMNS; col++) {
              assertThat(counts[s].correct(meta, col))
                  .as(
                      "seed %d model %d %s %s meta %d col %d",
                      seed, m, type, sels.get(s), meta, col)
                  .isEqualTo(ref.correct[meta][col]);
              assertThat(counts[s].total(meta, col)).isEqualTo(ref.total[meta][col]);
            }
          }
          assertThat(counts[s].worst100Classes())
              .as("worst_100_classes seed %d model %d %s", seed, m, type)
              .isEqualTo(ref.worst100());
        }
      }
    }
  }

  /** Types are counted into per-type buffers, so a repeated type is a caller's bug, refused. */
  @Test
  void repeatedErrorTypesAreRefused() {
    Dataset ds = SyntheticImageNetX.generate(3, 1).dataset(false);
    Evaluator ev = new Evaluator(ds, List.of(FactorSelection.TOP));
    short[] pred = ds.index().labels().clone();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                ev.evaluate(
                    pred, 0, List.of(ErrorType.CLASS, ErrorType.METACLASS, ErrorType.CLASS)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("distinct");
    // a perfect model: every type, every selection, accuracy 1
    FactorCounts[][] c = ev.evaluate(pred, 0, List.of(ErrorType.METACLASS, ErrorType.CLASS));
    assertThat(c[0][0].correct(0, FactorCounts.ALL)).isEqualTo(c[0][0].total(0, FactorCounts.ALL));
    assertThat(c[1][0].correct(0, FactorCounts.ALL))
        .isEqualTo(c[1][0].total(0, FactorCounts.ALL))
        .isPositive();
  }

  @Test
  void worstClassesBreakTiesByClassIdAndPoolImages() {
    // 150 classes: accuracies 0/2 for classes 0..49, 1/2 for 50..149; class 99 and 100 tie at the
    // boundary with different sizes, so the tie rule is visible in the pooled value.
    int[] correct = new int[1000];
    int[] total = new int[1000];
    for (int c = 0; c < 150; c++) {
      total[c] = 2;
      correct[c] = c < 50 ? 0 : 1;
    }
    total[100] = 4;
    correct[100] = 2;
    // first 100 by (accuracy, class id): classes 0..99 → 50 classes of 0/2, 50 of 1/2 = 50/200;
    // breaking the tie any other way would pull in class 100 (2/4) and give another value
    assertThat(worst(correct, total)).isEqualTo(0.25);
    assertThat(naiveWorst(correct, total)).isEqualTo(0.25);
    // fewer than 100 classes with images: all of them
    int[] t2 = new int[1000];
    int[] c2 = new int[1000];
    t2[3] = 5;
    c2[3] = 2;
    t2[7] = 1;
    assertThat(worst(c2, t2)).isEqualTo(2.0 / 6);
    assertThat(worst(new int[1000], new int[1000])).isNaN();
  }

  private static double worst(int[] correct, int[] total) {
    int max = Arrays.stream(total).max().orElse(0);
    double viaTable = new WorstClasses(total.length, max).pooledAccuracy(correct, total);
    // a table smaller than the largest class: those classes take the division path
    double viaDivision = new WorstClasses(total.length, max / 2).pooledAccuracy(correct, total);
    assertThat(viaDivision).isEqualTo((Object) viaTable); // boxed: NaN equals NaN
    return viaTable;
  }

  /**
   * The histogram-and-bucket selection against the sort: class sizes 0..60 (accuracies k/n, many
   * exact ties), all classes equal, perfect and hopeless models, fewer than 100 classes with
   * images.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
  void worstClassesEqualsTheSortedReference(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int rep = 0; rep < 50; rep++) {
      int classes = 1 + rnd.nextInt(seed % 4 == 0 ? 150 : 1000);
      int maxSize = new int[] {1, 2, 5, 50, 60}[rnd.nextInt(5)];
      double skill = rnd.nextDouble();
      int mode = rnd.nextInt(4); // 0 random, 1 all equal, 2 perfect, 3 some empty classes
      int[] total = new int[classes];
      int[] correct = new int[classes];
      for (int c = 0; c < classes; c++) {
        total[c] =
            mode == 1 ? maxSize : (mode == 3 && rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(maxSize + 1));
        correct[c] =
            mode == 2 ? total[c] : mode == 1 ? maxSize / 2 : binomial(rnd, total[c], skill);
      }
      double expected = naiveWorst(correct, total);
      double actual = worst(correct, total);
      assertThat(actual).as("seed %d rep %d mode %d", seed, rep, mode).isEqualTo(expected);
    }
  }

  private static int binomial(SplittableRandom rnd, int n, double p) {
    int k = 0;
    for (int i = 0; i < n; i++) {
      k += rnd.nextDouble() < p ? 1 : 0;
    }
    return k;
  }

  static double naiveWorst(int[] correct, int[] total) {
    List<Integer> classes = new ArrayList<>();
    for (int c = 0; c < total.length; c++) {
      if (total[c] > 0) {
        classes.add(c);
      }
    }
    classes.sort(
        Comparator.<Integer>comparingDouble(c -> (double) correct[c] / total[c])
            .thenComparingInt(c -> c));
    long sc = 0;
    long st = 0;
    for (int k = 0; k < Math.min(100, classes.size()); k++) {
      sc += correct[classes.get(k)];
      st += total[classes.get(k)];
    }
    return (double) sc / st;
  }

  /** Per-image reference: no words, no ranges. */
  private static final class Reference {
    final int[][] correct = new int[Metaclasses.COUNT][FactorCounts.COLUMNS];
    final int[][] total = new int[Metaclasses.COUNT][FactorCounts.COLUMNS];
    final int[] classCorrect = new int[1000];
    final int[] classTotal = new int[1000];

    Reference(Dataset ds, FactorSet set, short[] pred, ErrorType type) {
      ImageIndex index = ds.index();
      Metaclasses meta = ds.metaclasses();
      for (int i = 0; i < index.size(); i++) {
        if (!set.evaluated().contains(i) || pred[i] < 0) {
          continue;
        }
        int label = index.label(i);
        boolean ok;
        switch (type) {
          case CLASS:
            ok = pred[i] == label;
            break;
          case METACLASS:
            ok = meta.of(pred[i]) == meta.of(label);
            break;
          default:
            ok = false;
            for (int k = ds.realOffsets()[i]; k < ds.realOffsets()[i + 1]; k++) {
              ok |= ds.realLabels()[k] == pred[i];
            }
        }
        int m = meta.of(label);
        for (Factor f : Factor.values()) {
          if (set.factor(f).contains(i)) {
            total[m][f.ordinal()]++;
            correct[m][f.ordinal()] += ok ? 1 : 0;
          }
        }
        total[m][FactorCounts.ALL]++;
        correct[m][FactorCounts.ALL] += ok ? 1 : 0;
        classTotal[label]++;
        classCorrect[label] += ok ? 1 : 0;
      }
    }

    double worst100() {
      return naiveWorst(classCorrect, classTotal);
    }
  }
}
