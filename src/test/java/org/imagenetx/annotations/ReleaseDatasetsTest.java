package org.imagenetx.annotations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * The embedded release cannot change, so it gives one dataset per options: what is derived from a
 * dataset (count plans, correctness tables) is then built once per JVM, not once per command of a
 * resident server.
 */
class ReleaseDatasetsTest {
  @Test
  void oneDatasetPerOptions() {
    EnumSet<FactorSelection> top = EnumSet.of(FactorSelection.TOP);
    AnnotationLoader.Options a =
        new AnnotationLoader.Options(
            Partition.VAL, top, false, AnnotationLoader.RealLabels.IF_PRESENT);
    Dataset first = Annotations.release().dataset(a);
    // another Annotations object, equal options in another set: the same dataset
    Dataset again =
        Annotations.release()
            .dataset(
                new AnnotationLoader.Options(
                    Partition.VAL,
                    java.util.Set.of(FactorSelection.TOP),
                    false,
                    AnnotationLoader.RealLabels.IF_PRESENT));
    assertThat(again).isSameAs(first);
    // a caller changing its set afterwards changes nothing cached
    top.add(FactorSelection.MULTI);
    assertThat(
            Annotations.release()
                .dataset(
                    new AnnotationLoader.Options(
                        Partition.VAL,
                        EnumSet.of(FactorSelection.TOP),
                        false,
                        AnnotationLoader.RealLabels.IF_PRESENT)))
        .isSameAs(first);
    Dataset kept =
        Annotations.release()
            .dataset(
                new AnnotationLoader.Options(
                    Partition.VAL,
                    EnumSet.of(FactorSelection.TOP),
                    true,
                    AnnotationLoader.RealLabels.IF_PRESENT));
    assertThat(kept).isNotSameAs(first);
    assertThat(kept.index().size()).isEqualTo(first.index().size());
    assertThat(kept.factors(FactorSelection.TOP).evaluated().getCardinality())
        .isGreaterThan(first.factors(FactorSelection.TOP).evaluated().getCardinality());
  }
}
