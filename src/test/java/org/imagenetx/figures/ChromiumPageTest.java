package org.imagenetx.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser check can fail: a missing image is reported with width 0 and a console error. */
class ChromiumPageTest {
  @TempDir Path dir;

  @Test
  void brokenImageIsCaught() throws Exception {
    FigureWriter.write(FigureWriterTest.bars(), dir);
    Files.writeString(
        dir.resolve("page.html"),
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\"></head><body>"
            + "<img src=\"test-bars.png\"><img src=\"missing.png\"></body></html>");
    ChromiumPage.Report r = ChromiumPage.open(dir.resolve("page.html"), dir.resolve("profile"));
    assertThat(r.images()).hasSize(2);
    assertThat(r.images().values()).containsExactly(1600L, 0L);
    assertThat(r.consoleErrors()).anySatisfy(e -> assertThat(e).contains("missing.png"));
  }
}
