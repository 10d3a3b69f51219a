package org.imagenetx.state;

import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.compare.PairwiseData;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.synth.SyntheticImageNetX;
import org.imagenetx.synth.SyntheticZoo;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The synthetic zoo of {@link SyntheticZooState} with every model's error words precomputed in cell
 * order ({@link PairwiseData}, top factors, class error): the pairwise benchmarks measure the
 * comparisons, not the one-off load.
 */
@State(Scope.Benchmark)
public class PairwiseState {
  /** Models in the zoo. */
  @Param({"4", "200", "2200"})
  public int models;

  /** Error words of the zoo. */
  public PairwiseData data;

  /** Builds the data once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    var dataset = SyntheticImageNetX.generate(42, 50).dataset(false);
    var zoo = SyntheticZoo.generate(dataset, models, 42);
    data = PairwiseData.load(dataset, zoo, FactorSelection.TOP, ErrorType.CLASS, 2);
  }
}
