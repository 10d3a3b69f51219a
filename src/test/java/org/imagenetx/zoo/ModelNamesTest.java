package org.imagenetx.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.imagenetx.io.BadInputException;
import org.imagenetx.io.Printable;
import org.junit.jupiter.api.Test;

/** Issue 15: the one rule for model names, and the display escaping of untrusted text. */
class ModelNamesTest {
  @Test
  void realAndSyntheticNamesAreValid() {
    for (String n :
        new String[] {
          "DINO",
          "ResNet50",
          "SimCLR",
          "ViT",
          "synthetic_model_0001",
          "BiT-M-R101x1-ILSVRC2012",
          "vit_base_patch16_224.augreg_in21k",
          "a",
          "x".repeat(200)
        }) {
      assertThat(ModelNames.problem(n)).as(n).isNull();
    }
  }

  @Test
  void pathsControlsAndOversizeAreNot() {
    for (String n :
        new String[] {
          "",
          ".",
          "..",
          "../x",
          "/abs",
          "a/b",
          "a\\b",
          ".hidden",
          "-rf",
          "a b",
          "a\nb",
          "a\u001bb",
          "caf\u00e9",
          "x".repeat(201),
          "a:b",
          "a*b",
          "a?b"
        }) {
      assertThat(ModelNames.problem(n)).as(n).isNotNull();
    }
  }

  @Test
  void fileStaysInsideTheFolder() {
    Path dir = Path.of("/tmp/out");
    assertThat(ModelNames.file(dir, "ViT", ".csv")).isEqualTo(Path.of("/tmp/out/ViT.csv"));
    assertThatThrownBy(() -> ModelNames.file(dir, "../ViT", ".csv"))
        .isInstanceOf(BadInputException.class);
  }

  @Test
  void printableEscapesEveryTerminalControl() {
    assertThat(Printable.escape("plain name")).isEqualTo("plain name");
    assertThat(Printable.escape("a\u001b[2Jb\r\n\u007f\u0085\u202e"))
        .isEqualTo("a\\x1b[2Jb\\x0d\\x0a\\x7f\\x85\\u202e");
    assertThat(new BadInputException("f\nx", 3, "bad\u001b").getMessage())
        .isEqualTo("f\\x0ax:3: bad\\x1b");
  }
}
