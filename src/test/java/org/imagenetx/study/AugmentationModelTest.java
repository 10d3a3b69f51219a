package org.imagenetx.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.testing.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AugmentationModelTest {
  @Test
  void parsesTheIssueExample() {
    AugmentationModel m = AugmentationModel.parse("eval_resnet50_crop0.2_wd0.0001_id1660252539");
    assertThat(m.architecture()).isEqualTo("resnet50");
    assertThat(m.params()).containsOnlyKeys("crop", "wd");
    assertThat(m.param("crop")).isEqualTo(0.2);
    assertThat(m.param("wd")).isEqualTo(1e-4);
    assertThat(m.param("color")).isNaN();
    assertThat(m.id()).isEqualTo(1660252539L);
    assertThat(Augmentation.CROP.strength(m)).isEqualTo(99.8);
  }

  @Test
  void parsesEveryParameterOfTheAdaptiveName() {
    AugmentationModel m =
        AugmentationModel.parse(
            "eval_resnet50_crop8.0_wd1e-05_color100.0_smoothing0.0_id1662471601");
    assertThat(m.params().keySet()).containsExactly("crop", "wd", "color", "smoothing");
    assertThat(m.param("wd")).isEqualTo(1e-5);
    assertThat(Augmentation.CROP.strength(m)).isEqualTo(92.0);
    assertThat(Augmentation.COLOR_JITTER.strength(m)).isEqualTo(100.0);
    assertThat(Augmentation.GAUSSIAN_BLUR.strength(m)).isEqualTo(0.0);
  }

  /** Every real sweep name parses, and the parse gives back the numbers spelled in the name. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "crop",
        "colorjitter",
        "gaussian_blur",
        "colorjitter_crop",
        "adaptive_colorjitter"
      })
  void everyRealSweepNameParses(String zoo) {
    FactorTable t = AggregatedTables.read(AggregatedTablesTest.path(zoo));
    assertThat(t.size()).isGreaterThan(5);
    for (String name : t.models()) {
      AugmentationModel m = AugmentationModel.parse(name);
      assertThat(m.architecture()).isEqualTo("resnet50");
      assertThat(m.id()).as(name).isPositive();
      assertThat(name).endsWith("_id" + m.id());
      for (var e : m.params().entrySet()) {
        String token = "_" + e.getKey();
        int at = name.indexOf(token);
        String digits = name.substring(at + token.length(), name.indexOf('_', at + 1));
        assertThat(e.getValue()).as(name).isEqualTo(Double.parseDouble(digits));
      }
    }
  }

  @Test
  void realCropStrengthsRunFrom1To92AfterDroppingThe02Model() {
    FactorTable t = AggregatedTables.read(AggregatedTablesTest.path("crop"));
    AugmentationSweep s = AugmentationSweep.compute(Augmentation.CROP, t, "crop");
    assertThat(s.droppedLevels()).containsExactly(99.8);
    assertThat(s.levels()[0]).isEqualTo(1.0);
    assertThat(s.highestLevel()).isEqualTo(92.0);
    assertThat(s.levels()).hasSize(92);
    assertThat(s.levelCounts()[s.levels().length - 1]).isEqualTo(16);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "eval_",
        "eval_resnet50_crop",
        "eval_resnet50_crop1.0_crop2.0",
        "resnet50_x_1",
        "eval_resnet50_id12_wd1"
      })
  void malformedNamesAreRejected(String name) {
    assertThrows(IllegalArgumentException.class, () -> AugmentationModel.parse(name));
  }

  @Test
  void parsesAugmentationKeys() {
    assertThat(
            List.of("crop", "color", "colorjitter", "blur", "gaussian_blur").stream()
                .map(Augmentation::parse))
        .containsExactly(
            Augmentation.CROP,
            Augmentation.COLOR_JITTER,
            Augmentation.COLOR_JITTER,
            Augmentation.GAUSSIAN_BLUR,
            Augmentation.GAUSSIAN_BLUR);
    RealData.root();
  }
}
