package org.imagenetx.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every store format version ever written stays readable: {@code testdata/zoo-v<N>.zoo} is a small
 * store written by version N (1,000 images, three {@link ZooStoreTest.RandomSource} models with
 * missing rates 0, 0.1 and 1), and this test reads it back value by value. When the format changes,
 * keep the old fixture, add the new one, and extend this test.
 */
class StoreFormatFixturesTest {
  static final int IMAGES = 1000;

  static List<ZooStoreTest.RandomSource> models() {
    return List.of(
        new ZooStoreTest.RandomSource("alpha", IMAGES, 1, 0),
        new ZooStoreTest.RandomSource("beta", IMAGES, 2, 0.1),
        new ZooStoreTest.RandomSource("gamma", IMAGES, 3, 1));
  }

  @Test
  void version1FixtureReadsBack() throws URISyntaxException {
    Path p = Path.of(StoreFormatFixturesTest.class.getResource("/testdata/zoo-v1.zoo").toURI());
    try (ZooStore s = ZooStore.open(p)) {
      assertThat(s.formatVersion()).isEqualTo(1);
      assertThat(s.models()).containsExactly("alpha", "beta", "gamma");
      assertThat(s.numImages()).isEqualTo(IMAGES);
      assertThat(s.hasProbabilities()).isTrue();
      assertThat(s.synthetic()).isTrue();
      assertThat(s.seed()).isEqualTo(99);
      assertThat(s.zooProvenance()).isEqualTo("test zoo");
      s.verifyAll();
      short[] c = new short[IMAGES];
      float[] pr = new float[IMAGES];
      List<ZooStoreTest.RandomSource> models = models();
      for (int m = 0; m < 3; m++) {
        ZooStoreTest.RandomSource src = models.get(m);
        assertThat(s.readClasses(m, c)).isEqualTo(src.missing);
        assertThat(c).isEqualTo(src.classes);
        s.readProbabilities(m, pr);
        for (int i = 0; i < IMAGES; i++) {
          assertThat(Float.floatToRawIntBits(pr[i]))
              .isEqualTo(Float.floatToRawIntBits(src.probabilities[i]));
        }
      }
      assertThat(s.numMissing(2)).isEqualTo(IMAGES);
    }
  }
}
