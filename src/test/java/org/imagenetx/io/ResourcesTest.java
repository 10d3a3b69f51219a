package org.imagenetx.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The size checks of issue 15, item 7: refuse what cannot fit, in one line with both sizes. */
class ResourcesTest {
  @TempDir Path tmp;

  @Test
  void heapCheckNamesTheRequestAndTheRoom() {
    Resources.requireHeap("--models", "4 models", 1000, 1000);
    assertThatThrownBy(() -> Resources.requireHeap("--models", "4 models", 1001, 1000))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(
            "--models: 4 models need at least 1001 bytes of memory; the Java heap has 1000 bytes"
                + " available (maximum ");
  }

  @Test
  void diskCheckAsksTheNearestExistingFolder() {
    Path deep = tmp.resolve("a/b/c.zoo");
    Resources.requireDisk("--models", "small", 1, deep);
    assertThatThrownBy(() -> Resources.requireDisk("--models", "huge", Long.MAX_VALUE, deep))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("huge need at least 8.0 EiB on disk;")
        .hasMessageContaining("is free where " + deep + " goes");
  }

  @Test
  void sizesAndProducts() {
    assertThat(Resources.size(512)).isEqualTo("512 bytes");
    assertThat(Resources.size(16L << 20)).isEqualTo("16 MiB");
    assertThat(Resources.size(3L << 30)).isEqualTo("3.0 GiB");
    assertThat(Resources.times(1L << 40, 1L << 40)).isEqualTo(Long.MAX_VALUE);
    assertThat(Resources.times(100_000_000, 256)).isEqualTo(25_600_000_000L);
  }
}
