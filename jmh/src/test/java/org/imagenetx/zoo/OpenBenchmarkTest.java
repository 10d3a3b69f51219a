package org.imagenetx.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import org.imagenetx.state.StoreZooState;
import org.junit.jupiter.api.Test;

/** The open benchmarks return the 4-model store, verified. */
class OpenBenchmarkTest {
  @Test
  void opensTheFourModelStore() {
    StoreZooState s = new StoreZooState();
    s.models = 4;
    s.setUp();
    ZooStore z = new OpenBenchmark().open(s);
    assertThat(z.models())
        .containsExactly(
            "synthetic_model_0000",
            "synthetic_model_0001",
            "synthetic_model_0002",
            "synthetic_model_0003");
    assertThat(z.numImages()).isEqualTo(50_000);
    assertThat(new OpenBenchmark().openAndVerifyAll(s).size()).isEqualTo(4);
  }
}
