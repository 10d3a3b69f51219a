package org.imagenetx.annotations;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.List;
import org.imagenetx.compare.PairwiseData;
import org.imagenetx.evaluation.Aggregation;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.synth.SyntheticImageNetX;
import org.imagenetx.synth.SyntheticZoo;
import org.imagenetx.zoo.Zoo;
import org.junit.jupiter.api.Test;

/**
 * Derived tables are owned by their dataset, not by static caches: once the last reference to a
 * dataset is dropped, it is collected with everything the evaluation, the bootstrap and the
 * pairwise comparisons derived from it (what long-running serve and shell sessions, and long test
 * JVMs, rely on).
 */
class DatasetLifetimeTest {
  @Test
  void derivedStructuresAreBuiltOnceAndADroppedDatasetIsCollected() throws InterruptedException {
    WeakReference<Dataset> ref = useAndDrop();
    for (int i = 0; i < 50 && ref.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(ref.get()).as("dataset still reachable after 50 collections").isNull();
  }

  @Test
  void aDerivedStructureIsBuiltOncePerDataset() {
    Dataset d = SyntheticImageNetX.generate(3, 2).dataset(false);
    int[] builds = {0};
    Derived<Object> key =
        Derived.of(
            "counted",
            ds -> {
              builds[0]++;
              return new Object();
            });
    Object first = d.derived(key);
    assertThat(d.derived(key)).isSameAs(first);
    assertThat(builds[0]).isEqualTo(1);
    Dataset other = SyntheticImageNetX.generate(3, 2).dataset(false);
    assertThat(other.derived(key)).isNotSameAs(first);
    assertThat(builds[0]).isEqualTo(2);
  }

  /** Builds every derived table of a fresh dataset, then lets go of it. */
  private static WeakReference<Dataset> useAndDrop() {
    Dataset d = SyntheticImageNetX.generate(7, 2).dataset(false);
    Zoo zoo = SyntheticZoo.generate(d, 2, 7);
    Aggregation agg =
        Aggregation.run(
            d,
            zoo,
            List.of(FactorSelection.TOP),
            List.of(ErrorType.CLASS, ErrorType.METACLASS),
            1,
            null);
    assertThat(agg.get(FactorSelection.TOP, ErrorType.CLASS).factors().size()).isEqualTo(2);
    PairwiseData pd = PairwiseData.load(d, zoo, FactorSelection.TOP, ErrorType.CLASS, 1);
    assertThat(pd.models()).hasSize(2);
    return new WeakReference<>(d);
  }
}
