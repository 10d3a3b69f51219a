package org.imagenetx.confusions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.FactorSet;
import org.imagenetx.annotations.ImageIndex;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.annotations.Partition;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.images.ImageSet;
import org.imagenetx.images.ImageSets;
import org.imagenetx.testing.PlainRelease;
import org.imagenetx.testing.RealData;
import org.imagenetx.zoo.Zoos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.roaringbitmap.RoaringBitmap;

/** Confusion tables: a hand-computed case and a plain-loop recomputation on the real release. */
class ConfusionTableTest {
  // images 0..7: labels and predictions; classes 0 and 1 in metaclass 0, class 2 in metaclass 1
  private static final int[] LABELS = {0, 0, 0, 1, 1, 2, 2, 2};
  private static final short[] PRED = {1, 1, 2, 0, 1, 1, 2, 1};

  private static Dataset hand() {
    String[] names = {"a", "b", "c", "d", "e", "f", "g", "h"};
    Metaclasses meta = Metaclasses.of(new byte[] {0, 0, 1});
    ImageIndex index = ImageIndex.build(names, LABELS, meta);
    RoaringBitmap[] factors = new RoaringBitmap[Factor.COUNT];
    for (int f = 0; f < Factor.COUNT; f++) {
      factors[f] = new RoaringBitmap();
    }
    Map<FactorSelection, FactorSet> sets = new EnumMap<>(FactorSelection.class);
    sets.put(
        FactorSelection.TOP,
        new FactorSet(FactorSelection.TOP, 8, RoaringBitmap.bitmapOfRange(0, 8), factors));
    return new Dataset(Partition.VAL, index, meta, sets, null, null, 0, false, "hand");
  }

  @Test
  void handComputedPairsSharesAndLifts() {
    RoaringBitmap overall = RoaringBitmap.bitmapOf(0, 1, 2, 3, 5, 7);
    RoaringBitmap inSet = RoaringBitmap.bitmapOf(0, 2, 5, 7); // the set {0, 2, 4, 5, 7}
    ConfusionTable t = ConfusionTable.of(hand(), "m", ErrorType.CLASS, false, PRED, inSet, overall);
    assertThat(t.numErrors()).isEqualTo(4);
    assertThat(t.numErrorsOverall()).isEqualTo(6);
    assertThat(t.rows())
        .extracting(
            r -> r.trueId() + ">" + r.predictedId() + " " + r.count() + "/" + r.overallCount())
        .containsExactly("2>1 2/2", "0>2 1/1", "0>1 1/2");
    ConfusionRow first = t.rows().get(0);
    assertThat(first.share()).isEqualTo(0.5);
    assertThat(first.overallShare()).isEqualTo(2.0 / 6);
    assertThat(first.lift()).isEqualTo(0.5 / (2.0 / 6));
    assertThat(t.rows().get(2).lift()).isEqualTo(0.25 / (2.0 / 6));

    ConfusionTable folded =
        ConfusionTable.of(hand(), "m", ErrorType.CLASS, true, PRED, inSet, overall);
    assertThat(folded.rows())
        .extracting(
            r -> r.trueId() + ">" + r.predictedId() + " " + r.count() + "/" + r.overallCount())
        .containsExactly("1>0 2/2", "0>1 1/1", "0>0 1/3");
    assertThat(folded.rows().get(0).trueName())
        .isEqualTo("dog"); // metaclass 1 of the study's names
    assertThat(folded.rows().get(0).trueWnid()).isEmpty();
    assertThat(t.top(2)).hasSize(2);
    assertThat(t.top(10)).hasSize(3);
  }

  @Test
  void refusesErrorsOutsideTheOverallErrors() {
    assertThatThrownBy(
            () ->
                ConfusionTable.of(
                    hand(),
                    "m",
                    ErrorType.CLASS,
                    false,
                    PRED,
                    RoaringBitmap.bitmapOf(0, 4),
                    RoaringBitmap.bitmapOf(0)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Every pair of the table against a plain count over the jsonl and the prediction CSV. */
  @ParameterizedTest
  @CsvSource({
    "ViT,texture,CLASS,false",
    "ViT,texture,CLASS,true",
    "ResNet50,pose,METACLASS,true",
    "DINO,subcategory,CLASS,false"
  })
  void realTableEqualsAPlainLoop(String model, String factor, ErrorType type, boolean fold) {
    Dataset val = RealData.val();
    ImageSets sets = ImageSets.of(val, Zoos.base(val.index()), FactorSelection.TOP, type);
    Map<String, PlainRelease.Annotation> top = PlainRelease.val("top");
    Set<String> prototypes = PlainRelease.prototypes();
    Map<String, PlainRelease.Prediction> pred = PlainRelease.predictions(model);
    Metaclasses meta = val.metaclasses();
    Map<List<Integer>, Integer> inSet = new HashMap<>();
    Map<List<Integer>, Integer> overall = new HashMap<>();
    int numSet = 0;
    int numOverall = 0;
    for (PlainRelease.Annotation a : top.values()) {
      if (prototypes.contains(a.fileName())) {
        continue;
      }
      int t = a.classId();
      int p = pred.get(a.fileName()).classId();
      boolean wrong = type == ErrorType.CLASS ? p != t : meta.of(p) != meta.of(t);
      if (!wrong) {
        continue;
      }
      List<Integer> key = fold ? List.of(meta.of(t), meta.of(p)) : List.of(t, p);
      overall.merge(key, 1, Integer::sum);
      numOverall++;
      if (a.factors().get(factor) == 1) {
        inSet.merge(key, 1, Integer::sum);
        numSet++;
      }
    }
    ImageSet set = sets.evaluate(factor);
    ConfusionTable table = ConfusionTable.of(sets, set, model, type, fold);
    assertThat(table.numErrors()).isEqualTo(numSet);
    assertThat(table.numErrorsOverall()).isEqualTo(numOverall);
    assertThat(table.rows()).hasSize(inSet.size());
    ConfusionRow previous = null;
    for (ConfusionRow r : table.rows()) {
      List<Integer> key = List.of(r.trueId(), r.predictedId());
      int count = inSet.get(key);
      int all = overall.get(key);
      assertThat(r.count()).isEqualTo(count);
      assertThat(r.overallCount()).isEqualTo(all);
      assertThat(r.share()).isEqualTo((double) count / numSet);
      assertThat(r.lift()).isEqualTo(((double) count / numSet) / ((double) all / numOverall));
      if (!fold) {
        assertThat(r.trueName()).isEqualTo(val.classNames().label(r.trueId()));
        assertThat(r.predictedWnid()).isEqualTo(val.classNames().wnid(r.predictedId()));
      } else {
        assertThat(r.predictedName()).isEqualTo(Metaclasses.NAMES.get(r.predictedId()));
      }
      if (previous != null) {
        assertThat(ConfusionTable.ORDER.compare(previous, r)).isNegative();
      }
      previous = r;
    }
  }
}
