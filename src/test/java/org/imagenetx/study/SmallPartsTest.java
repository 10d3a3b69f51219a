package org.imagenetx.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.imagenetx.io.BadInputException;
import org.imagenetx.testing.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmallPartsTest {
  @Test
  void type7QuantilesLikeNumpy() {
    double[] v = {1, 2, 3, 4};
    assertThat(Bootstrap.quantile(v, 0.25)).isEqualTo(1.75);
    assertThat(Bootstrap.quantile(v, 0.5)).isEqualTo(2.5);
    assertThat(Bootstrap.quantile(v, 0.0)).isEqualTo(1.0);
    assertThat(Bootstrap.quantile(v, 1.0)).isEqualTo(4.0);
    assertThat(Bootstrap.quantile(new double[] {7}, 0.3)).isEqualTo(7.0);
  }

  /**
   * The interval always contains the sample mean for a symmetric, spread sample; seeds printed on
   * failure.
   */
  @Test
  void meanIntervalBracketsTheMeanAndNarrowsWithN() {
    for (long seed = 1; seed <= 20; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      double[] small = new double[10];
      double[] large = new double[1000];
      for (int i = 0; i < large.length; i++) {
        large[i] = r.nextDouble();
        if (i < small.length) {
          small[i] = large[i];
        }
      }
      double[] a = Bootstrap.meanInterval(small, 1000, 0.95, Bootstrap.random(seed, 0));
      double[] b = Bootstrap.meanInterval(large, 1000, 0.95, Bootstrap.random(seed, 0));
      assertThat(Bootstrap.mean(large)).as("seed %d", seed).isBetween(b[0], b[1]);
      assertThat(b[1] - b[0]).as("seed %d", seed).isLessThan(a[1] - a[0]);
      // 1000 uniforms: SE of the mean ≈ 0.00913, so the 95% interval is ≈ 0.0358 wide
      assertThat(b[1] - b[0])
          .as("seed %d", seed)
          .isCloseTo(2 * 1.96 * Math.sqrt(1.0 / 12 / 1000), within(0.006));
    }
  }

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
