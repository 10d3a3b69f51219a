package org.imagenetx.annotations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The embedded release cannot change, so it gives one dataset per options: what is derived from a
 * dataset (count plans, correctness tables) is then built once per JVM, not once per command of a
 * resident server.
 */
class ReleaseDatasetsTest {
  private static Dataset val(Set<FactorSelection> selections, boolean keepPrototypes) {
    // a new Annotations object each time, as every command makes one
    return Annotations.release()
        .dataset(
            new AnnotationLoader.Options(
                Partition.VAL, selections, keepPrototypes, AnnotationLoader.RealLabels.IF_PRESENT));
  }

  @Test
  void oneDatasetPerOptions() {
    EnumSet<FactorSelection> top = EnumSet.of(FactorSelection.TOP);
    Dataset first = val(top, false);
    // equal options in another kind of set: the same dataset
    assertThat(val(Set.of(FactorSelection.TOP), false)).isSameAs(first);
    // a caller changing its set afterwards changes nothing cached
    top.add(FactorSelection.MULTI);
    assertThat(val(EnumSet.of(FactorSelection.TOP), false)).isSameAs(first);
    Dataset kept = val(EnumSet.of(FactorSelection.TOP), true);
    assertThat(kept).isNotSameAs(first);
    assertThat(kept.index().size()).isEqualTo(first.index().size());
    assertThat(kept.factors(FactorSelection.TOP).evaluated().getCardinality())
        .isGreaterThan(first.factors(FactorSelection.TOP).evaluated().getCardinality());
  }
}
