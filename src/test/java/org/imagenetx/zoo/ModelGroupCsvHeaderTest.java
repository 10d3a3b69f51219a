package org.imagenetx.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.imagenetx.io.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: a groups CSV without a header lost its first model; now it is an error. */
class ModelGroupCsvHeaderTest {
  @TempDir Path tmp;

  @Test
  void headerlessGroupsAreRefusedHeadedOnesKeepEveryModel() throws IOException {
    Path headerless = tmp.resolve("g.csv");
    Files.writeString(headerless, "ViT,Supervised\nDINO,Self-supervised\n");
    assertThatThrownBy(() -> ModelGroupCsv.read(headerless))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("g.csv:1: expected the header model,<group column>");
    Path headed = tmp.resolve("h.csv");
    Files.writeString(headed, "\uFEFFModel,model_type\nViT,Supervised\nDINO,Self-supervised\n");
    assertThat(ModelGroupCsv.read(headed)).containsOnlyKeys("ViT", "DINO");
  }
}
