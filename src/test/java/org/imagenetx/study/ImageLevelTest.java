package org.imagenetx.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.FactorSet;
import org.imagenetx.annotations.ImageIndex;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.annotations.Partition;
import org.imagenetx.evaluation.Aggregation;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.testing.RealData;
import org.imagenetx.zoo.InMemoryZoo;
import org.imagenetx.zoo.Zoo;
import org.imagenetx.zoo.Zoos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.roaringbitmap.RoaringBitmap;

/**
 * Calibration and mistake prevalence: a hand-computed case, and an identity on the real base zoo.
 */
class ImageLevelTest {
  // images a..h, classes 0,0,0,1,1,2,2,2 in metaclasses 0,1,2: dense order = name order
  private static final float[] PROB = {0.95f, 0.9f, 0.5f, 0.55f, 0.25f, 1.0f, 0.3f, 0.7f};
  private static final short[] PRED = {0, 1, 0, 1, 2, 2, 0, -1};

  private static Dataset hand() {
    String[] names = {"a", "b", "c", "d", "e", "f", "g", "h"};
    int[] classes = {0, 0, 0, 1, 1, 2, 2, 2};
    ImageIndex index = ImageIndex.build(names, classes, Metaclasses.of(new byte[] {0, 1, 2}));
    RoaringBitmap evaluated = RoaringBitmap.bitmapOf(0, 1, 2, 3, 4, 5, 7); // g (6) is not annotated
    RoaringBitmap[] factors = new RoaringBitmap[Factor.COUNT];
    for (int f = 0; f < Factor.COUNT; f++) {
      factors[f] = new RoaringBitmap();
    }
    factors[Factor.POSE.ordinal()] = RoaringBitmap.bitmapOf(0, 1, 4, 6);
    Map<FactorSelection, FactorSet> sets = new EnumMap<>(FactorSelection.class);
    sets.put(FactorSelection.TOP, new FactorSet(FactorSelection.TOP, 8, evaluated, factors));
    return new Dataset(
        Partition.VAL,
        index,
        Metaclasses.of(new byte[] {0, 1, 2}),
        sets,
        null,
        null,
        0,
        false,
        "hand");
  }

  private static Zoo handZoo() {
    return new InMemoryZoo(
        "hand", List.of("m"), new short[][] {PRED}, new float[][] {PROB}, false, "hand");
  }

  @Test
  void eceByHand() {
    Calibration c = Calibration.compute(hand(), FactorSelection.TOP, ErrorType.CLASS, handZoo());
    // evaluated and predicted: a..f (g not annotated, h not predicted)
    // bins (of 15): a .95 ok, f 1.0 ok → bin 14; b .9 wrong → 13; c .5 ok → 7; d .55 ok → 8; e .25
    // wrong → 3
    double a = PROB[0];
    double f = PROB[5];
    double expected =
        (Math.abs(1 - (a + f) / 2) * 2
                + (double) PROB[1]
                + (1 - (double) PROB[2])
                + (1 - (double) PROB[3])
                + (double) PROB[4])
            / 6;
    assertThat(c.overall()[0]).isCloseTo(expected, within(1e-12));
    // pose on a, b, e: three bins of one image each
    double pose = ((1 - (double) PROB[0]) + (double) PROB[1] + (double) PROB[4]) / 3;
    assertThat(c.perFactor()[0][Factor.POSE.ordinal()]).isCloseTo(pose, within(1e-12));
    assertThat(c.perFactor()[0][Factor.COLOR.ordinal()]).isNaN();
    assertThat(c.binCount()[0][14]).isEqualTo(2);
    assertThat(c.binCount()[0][3]).isEqualTo(1);
    assertThat(c.binAccuracy()[0][13]).isEqualTo(0.0);
    assertThat(c.binConfidence()[0][0]).isNaN();
    // metaclass correctness: b predicts class 1 (metaclass 1) for a class-0 image: still wrong;
    // e predicts class 2 for a class-1 image: wrong as well — same ECE here
    assertThat(
            Calibration.compute(hand(), FactorSelection.TOP, ErrorType.METACLASS, handZoo())
                .overall()[0])
        .isCloseTo(expected, within(1e-12));
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "0.0666, 0", "0.0667, 1", "0.5, 7", "0.9999, 14", "1, 14"})
  void binsAreRightClosed(double confidence, int bin) {
    assertThat(Calibration.bin(confidence)).isEqualTo(bin);
  }

  @Test
  void mistakePrevalenceByHand() {
    MistakePrevalence p =
        MistakePrevalence.compute(hand(), FactorSelection.TOP, ErrorType.CLASS, handZoo());
    assertThat(p.numImages()[0]).isEqualTo(6);
    assertThat(p.numMistakes()[0]).isEqualTo(2);
    assertThat(p.factorImages()[0][Factor.POSE.ordinal()]).isEqualTo(3);
    assertThat(p.factorMistakes()[0][Factor.POSE.ordinal()]).isEqualTo(2);
    // pose: 2 of 2 mistakes vs 3 of 6 images → twice as prevalent: shift +1
    assertThat(p.shift(0, Factor.POSE)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void mistakeShiftIsTheErrorRatioMinusOneOnTheRealBaseZoo() {
    Dataset val = RealData.val();
    try (Zoo zoo = Zoos.open(RealData.baseZoo(), val.index())) {
      for (ErrorType type : List.of(ErrorType.CLASS, ErrorType.REAL_CLASS)) {
        MistakePrevalence p = MistakePrevalence.compute(val, FactorSelection.TOP, type, zoo);
        FactorTable t =
            Aggregation.run(val, zoo, List.of(FactorSelection.TOP), List.of(type), 2, null)
                .get(FactorSelection.TOP, type)
                .factors();
        for (int m = 0; m < zoo.size(); m++) {
          int r = t.rowOf(p.models().get(m));
          assertThat(p.numImages()[m]).isEqualTo(46_110);
          for (Factor f : Factor.values()) {
            assertThat(p.shift(m, f))
                .as("%s %s %s", type, p.models().get(m), f)
                .isCloseTo(t.errorRatio(r, f) - 1, within(1e-12));
          }
        }
      }
      Calibration c = Calibration.compute(val, FactorSelection.TOP, ErrorType.CLASS, zoo);
      assertThat(c.models()).containsExactly("DINO", "ResNet50", "SimCLR", "ViT");
      for (int m = 0; m < 4; m++) {
        assertThat(c.overall()[m]).isBetween(0.0, 0.3);
        int n = 0;
        for (int b = 0; b < Calibration.NUM_BINS; b++) {
          n += c.binCount()[m][b];
        }
        assertThat(n).isEqualTo(46_110);
      }
    }
  }
}
