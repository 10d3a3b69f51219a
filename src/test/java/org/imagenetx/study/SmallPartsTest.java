package org.imagenetx.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.imagenetx.io.BadInputException;
import org.imagenetx.testing.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmallPartsTest {
  @Test
  void modelTypesReadsTheRealFileAndRejectsConflicts(@TempDir Path dir) throws IOException {
    ModelTypes t = ModelTypes.read(RealData.root().resolve("model_types.csv"));
    assertThat(t.asMap()).hasSize(397);
    assertThat(t.typeOf("DINO")).isEqualTo(ModelTypes.SELF_SUPERVISED);
    assertThat(t.typeOf("SimCLR")).isNull();
    Path f = dir.resolve("t.csv");
    Files.writeString(f, "model,group\na,x\nb,y\na,y\n");
    BadInputException e = assertThrows(BadInputException.class, () -> ModelTypes.read(f));
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.problem()).contains("listed as both 'x' and 'y'");
    Files.writeString(f, "model,group\na,x,extra\n");
    assertThat(assertThrows(BadInputException.class, () -> ModelTypes.read(f)).line()).isEqualTo(2);
  }
}
