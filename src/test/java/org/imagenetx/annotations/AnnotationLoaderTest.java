package org.imagenetx.annotations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import org.imagenetx.io.BadInputException;
import org.imagenetx.synth.SyntheticImageNetX;
import org.imagenetx.testing.Fixtures;
import org.imagenetx.testing.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.RoaringBitmap;

class AnnotationLoaderTest {
  @TempDir Path tmp;

  @Test
  void realValidationAnnotations() {
    Dataset ds = RealData.val();
    assertThat(ds.index().size()).isEqualTo(50_000);
    assertThat(ds.numPrototypesRemoved()).isEqualTo(2_758);
    FactorSet top = ds.factors(FactorSelection.TOP);
    FactorSet multi = ds.factors(FactorSelection.MULTI);
    assertThat(top.numEvaluated()).isEqualTo(46_110);
    assertThat(multi.numEvaluated()).isEqualTo(46_110);
    // the index is ordered by metaclass then class: every class is one contiguous range
    ImageIndex index = ds.index();
    for (int d = 1; d < index.size(); d++) {
      int m0 = ds.metaclasses().of(index.label(d - 1));
      int m1 = ds.metaclasses().of(index.label(d));
      assertThat(m1).isGreaterThanOrEqualTo(m0);
    }
    assertThat(index.classTo(0) - index.classFrom(0)).isEqualTo(50);
    assertThat(index.label(index.lookup("ILSVRC2012_val_00000293.JPEG"))).isZero();
    // 17 metaclasses with the real class counts (device 124 ... other 278)
    int[] classes = new int[Metaclasses.COUNT];
    for (int c = 0; c < 1000; c++) {
      classes[ds.metaclasses().of(c)]++;
    }
    assertThat(classes[0]).isEqualTo(124);
    assertThat(classes[Metaclasses.OTHER]).isEqualTo(278);
    // ReaL: 3,085 of the evaluated images have an empty set
    RoaringBitmap evaluated = top.evaluated();
    int empty = 0;
    for (int d : evaluated) {
      empty += ds.realOffsets()[d + 1] == ds.realOffsets()[d] ? 1 : 0;
    }
    assertThat(empty).isEqualTo(3_085);
  }

  @Test
  void prototypesKeptOnRequest() {
    Dataset ds =
        AnnotationLoader.load(
            RealData.annotations(),
            new AnnotationLoader.Options(
                Partition.VAL, EnumSet.of(FactorSelection.TOP), true, false));
    assertThat(ds.factors(FactorSelection.TOP).numEvaluated()).isEqualTo(48_868);
    assertThat(ds.numPrototypesRemoved()).isZero();
  }

  @Test
  void realTrainingAnnotations() {
    Dataset ds =
        AnnotationLoader.load(
            RealData.annotations(),
            new AnnotationLoader.Options(
                Partition.TRAIN, EnumSet.allOf(FactorSelection.class), false, false));
    assertThat(ds.index().size()).isEqualTo(11_233);
    assertThat(ds.factors(FactorSelection.MULTI).numEvaluated()).isEqualTo(11_233);
    assertThat(ds.hasReal()).isFalse();
    assertThat(ds.index().lookup("n03633091_15528.JPEG")).isNotNegative();
  }

  @Test
  void folderZipWheelAndSingleFileGiveTheSameData() {
    Path dir = Fixtures.tiny(tmp.resolve("fx"));
    Path ann = dir.resolve("annotations");
    Dataset fromFolder = AnnotationLoader.load(ann, AnnotationLoader.Options.defaults());
    Dataset fromZip =
        AnnotationLoader.load(
            Fixtures.wheel(ann, tmp.resolve("imagenet_x-0.0.7-py3-none-any.whl")),
            AnnotationLoader.Options.defaults());
    Dataset fromFile =
        AnnotationLoader.load(
            ann.resolve("imagenet_x_val_top_factor.jsonl"),
            new AnnotationLoader.Options(
                Partition.VAL, EnumSet.of(FactorSelection.TOP), false, false));
    for (Dataset other : new Dataset[] {fromZip, fromFile}) {
      assertThat(other.index().size()).isEqualTo(fromFolder.index().size());
      FactorSet a = fromFolder.factors(FactorSelection.TOP);
      FactorSet b = other.factors(FactorSelection.TOP);
      assertThat(b.evaluated()).isEqualTo(a.evaluated());
      for (Factor f : Factor.values()) {
        assertThat(b.factor(f)).isEqualTo(a.factor(f));
      }
    }
    assertThat(fromZip.source()).contains("!imagenet_x/annotations/");
    assertThatThrownBy(
            () ->
                AnnotationLoader.load(
                    ann.resolve("imagenet_x_val_top_factor.jsonl"),
                    AnnotationLoader.Options.defaults()))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("only holds top factors");
  }

  @Test
  void syntheticFixtureMatchesItsGenerator() {
    Path ann = Fixtures.tiny(tmp.resolve("fx")).resolve("annotations");
    Dataset loaded = AnnotationLoader.load(ann, AnnotationLoader.Options.defaults());
    Dataset generated = SyntheticImageNetX.generate(Fixtures.SEED, 2).dataset(false);
    assertThat(loaded.factors(FactorSelection.MULTI).evaluated())
        .isEqualTo(generated.factors(FactorSelection.MULTI).evaluated());
    assertThat(loaded.realLabels()).isEqualTo(generated.realLabels());
    assertThat(loaded.metaclasses()).isEqualTo(generated.metaclasses());
  }
}
