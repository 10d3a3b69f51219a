package org.imagenetx.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.synth.SyntheticImageNetX;
import org.imagenetx.synth.SyntheticZoo;
import org.imagenetx.zoo.InMemoryZoo;
import org.imagenetx.zoo.Zoo;
import org.junit.jupiter.api.Test;

/** What the whole-zoo pass reports beside the tables. */
class AggregationTest {
  @Test
  void missingEvaluatedCountsTheEvaluatedImagesWithoutAPrediction() {
    Dataset ds = SyntheticImageNetX.generate(4, 5).dataset(true);
    Zoo base = SyntheticZoo.generate(ds, 3, 4);
    int n = ds.index().size();
    short[][] classes = new short[3][n];
    SplittableRandom rnd = new SplittableRandom(8);
    int[] expected = new int[3];
    for (int m = 0; m < 3; m++) {
      base.readClasses(m, classes[m]);
      for (int i = 0; m > 0 && i < n; i++) {
        if (rnd.nextInt(10 * m) == 0) {
          classes[m][i] = -1;
          expected[m] += ds.factors(FactorSelection.TOP).evaluated().contains(i) ? 1 : 0;
        }
      }
    }
    Zoo zoo = new InMemoryZoo("holes", base.models(), classes, null, true, "test");
    Aggregation agg =
        Aggregation.run(
            ds,
            zoo,
            List.of(FactorSelection.TOP, FactorSelection.MULTI),
            List.of(ErrorType.METACLASS),
            2,
            null);
    assertThat(expected[1]).isPositive();
    for (int m = 0; m < 3; m++) {
      assertThat(agg.missingEvaluated(m)).as("model %d", m).isEqualTo(expected[m]);
    }
  }
}
