package org.imagenetx.state;

import org.imagenetx.annotations.Dataset;
import org.imagenetx.synth.SyntheticImageNetX;
import org.imagenetx.synth.SyntheticZoo;
import org.imagenetx.zoo.InMemoryZoo;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A seeded ImageNet-X-shaped dataset (50,000 images, real factor prevalences) and a zoo of {@code
 * models} synthetic models with correlated, factor-dependent errors (uniform independent errors
 * would flatter the kernels). Model counts are the real workloads: the 4 base models, a 200-model
 * zoo, and the 2,200-model reference zoo.
 */
@State(Scope.Benchmark)
public class SyntheticZooState {
  /** Models in the zoo. */
  @Param({"4", "200", "2200"})
  public int models;

  /** The annotations. */
  public Dataset dataset;

  /** The predictions. */
  public InMemoryZoo zoo;

  /** Builds the data once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    dataset = SyntheticImageNetX.generate(42, 50).dataset(false);
    zoo = SyntheticZoo.generate(dataset, models, 42);
  }
}
