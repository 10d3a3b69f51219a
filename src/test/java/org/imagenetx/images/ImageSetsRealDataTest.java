package org.imagenetx.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.testing.PlainRelease;
import org.imagenetx.testing.RealData;
import org.imagenetx.zoo.Zoos;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The acceptance case on the shipped base zoo: the images of {@code texture and wrong:ViT
 * and right:ResNet50} and their listing equal a plain loop over the prediction CSVs and the
 * annotation jsonl, texts included character for character.
 */
class ImageSetsRealDataTest {
  static Dataset val;
  static ImageSets sets;

  @BeforeAll
  static void open() {
    val = RealData.val();
    sets = ImageSets.of(val, Zoos.base(val.index()), FactorSelection.TOP, ErrorType.CLASS);
  }

  @Test
  void textureWrongViTRightResNet50EqualsAPlainLoop() {
    Map<String, PlainRelease.Annotation> top = PlainRelease.val("top");
    Map<String, PlainRelease.Annotation> multi = PlainRelease.val("multi");
    Set<String> prototypes = PlainRelease.prototypes();
    Map<String, PlainRelease.Prediction> vit = PlainRelease.predictions("ViT");
    Map<String, PlainRelease.Prediction> resnet = PlainRelease.predictions("ResNet50");
    List<String> expected = new ArrayList<>();
    for (PlainRelease.Annotation a : top.values()) {
      if (!prototypes.contains(a.fileName())
          && a.factors().get("texture") == 1
          && vit.get(a.fileName()).classId() != a.classId()
          && resnet.get(a.fileName()).classId() == a.classId()) {
        expected.add(a.fileName());
      }
    }
    ImageSet set = sets.evaluate("texture and wrong:ViT and right:ResNet50");
    assertThat(set.count()).isEqualTo(expected.size()).isEqualTo(17);
    ImageListing page = sets.list(set, List.of("ViT", "ResNet50"), 0, 1000);
    assertThat(page.rows())
        .extracting(ImageRow::fileName)
        .containsExactlyInAnyOrderElementsOf(expected);
    for (ImageRow r : page.rows()) {
      PlainRelease.Annotation a = multi.get(r.fileName());
      assertThat(r.classId()).isEqualTo(a.classId());
      assertThat(r.justification()).isEqualTo(a.justification());
      assertThat(r.oneWord()).isEqualTo(a.oneWord());
      assertThat(r.topFactors()).containsExactly(Factor.TEXTURE);
      assertThat(r.multiFactors()).contains(Factor.TEXTURE);
      for (Factor f : r.multiFactors()) {
        assertThat(a.factors().get(f.column())).isEqualTo(1);
      }
      Prediction v = r.predictions().get(0);
      Prediction rn = r.predictions().get(1);
      assertThat(v.model()).isEqualTo("ViT");
      assertThat(v.classId()).isEqualTo(vit.get(r.fileName()).classId());
      assertThat(v.probability()).isEqualTo((double) (float) vit.get(r.fileName()).probability());
      assertThat(v.correct()).isFalse();
      assertThat(rn.classId()).isEqualTo(a.classId());
      assertThat(rn.correct()).isTrue();
      assertThat(r.label()).isEqualTo(val.classNames().label(a.classId()));
      assertThat(r.wnid()).isEqualTo(val.classNames().wnid(a.classId()));
    }
  }

  @Test
  void everyEvaluatedImageListsItsTextsAsWritten() {
    Map<String, PlainRelease.Annotation> multi = PlainRelease.val("multi");
    Set<String> prototypes = PlainRelease.prototypes();
    ImageSet all = sets.evaluate("all");
    ImageListing page = sets.list(all, List.of(), 0, Integer.MAX_VALUE);
    assertThat(page.rows()).hasSize(46_110);
    int nonAscii = 0;
    int expectedNonAscii = 0;
    for (PlainRelease.Annotation a : multi.values()) {
      if (!prototypes.contains(a.fileName()) && !ascii(a.justification(), a.oneWord())) {
        expectedNonAscii++;
      }
    }
    for (ImageRow r : page.rows()) {
      PlainRelease.Annotation a = multi.get(r.fileName());
      assertThat(r.justification()).isEqualTo(a.justification());
      assertThat(r.oneWord()).isEqualTo(a.oneWord());
      if (!ascii(r.justification(), r.oneWord())) {
        nonAscii++;
      }
    }
    assertThat(nonAscii).isEqualTo(expectedNonAscii).isPositive();
    ImageRow kromfohrlaender =
        sets.list(sets.evaluate("justification:kromfohrländer"), List.of(), 0, 10).rows().get(0);
    assertThat(kromfohrlaender.justification()).contains("Kromfohrländer");
  }

  @Test
  void pagesCoverTheSetInIndexOrder() {
    ImageSet set = sets.evaluate("metaclass:dog and wrong:SimCLR");
    List<String> whole = new ArrayList<>();
    for (ImageRow r : sets.list(set, List.of(), 0, Integer.MAX_VALUE).rows()) {
      whole.add(r.fileName());
    }
    assertThat(whole).hasSize(set.count());
    List<String> paged = new ArrayList<>();
    int previous = -1;
    for (int offset = 0; offset < set.count() + 50; offset += 37) {
      ImageListing p = sets.list(set, List.of("SimCLR"), offset, 37);
      assertThat(p.offset()).isEqualTo(offset);
      for (ImageRow r : p.rows()) {
        assertThat(r.position()).isGreaterThan(previous);
        assertThat(r.metaclass()).isEqualTo("dog");
        assertThat(r.predictions().get(0).correct()).isFalse();
        previous = r.position();
        paged.add(r.fileName());
      }
    }
    assertThat(paged).isEqualTo(whole);
    assertThat(sets.list(set, List.of(), set.count(), 10).rows()).isEmpty();
    assertThat(sets.list(set, List.of(), 0, 0).rows()).isEmpty();
  }

  @Test
  void unknownModelsAndBadPagesAreRefused() {
    ImageSet set = sets.evaluate("texture");
    assertThatThrownBy(() -> sets.list(set, List.of("VTi"), 0, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown model 'VTi' (did you mean ViT?)");
    assertThatThrownBy(() -> sets.list(set, List.of(), -1, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(sets.requireModel("resnet50")).isEqualTo("ResNet50");
  }

  private static boolean ascii(String... texts) {
    for (String t : texts) {
      if (t != null && !StandardCharsets.US_ASCII.newEncoder().canEncode(t)) {
        return false;
      }
    }
    return true;
  }
}
