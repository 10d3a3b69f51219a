package org.imagenetx.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.zoo.ZooStoreWriter;
import org.junit.jupiter.api.Test;

/** Generating model by model (for stores) gives the in-memory generator's predictions exactly. */
class SyntheticZooStoreTest {
  @Test
  void classesDoNotDependOnWhetherProbabilitiesAreKept() {
    Dataset ds = SyntheticImageNetX.generate(31, 5).dataset(false);
    SyntheticZoo.Inputs inputs = new SyntheticZoo.Inputs(ds, 31);
    int n = inputs.numImages();
    for (int model : new int[] {0, 1, 7, 2199}) {
      short[] with = new short[n];
      short[] without = new short[n];
      float[] p = new float[n];
      SyntheticZoo.generateModel(inputs, 31, model, with, p);
      SyntheticZoo.generateModel(inputs, 31, model, without, null);
      assertThat(without).as("model %d", model).isEqualTo(with);
      for (float x : p) {
        assertThat(x).isBetween(0f, 1f);
      }
    }
  }

  @Test
  void sourcesMatchTheInMemoryZoo() {
    Dataset ds = SyntheticImageNetX.generate(32, 5).dataset(false);
    var zoo = SyntheticZoo.generate(ds, 3, 32);
    List<ZooStoreWriter.Source> sources =
        SyntheticZoo.sources(new SyntheticZoo.Inputs(ds, 32), 3, 32);
    int n = ds.index().size();
    for (int m = 0; m < 3; m++) {
      short[] a = new short[n];
      short[] b = new short[n];
      float[] pa = new float[n];
      float[] pb = new float[n];
      zoo.readClasses(m, a);
      zoo.readProbabilities(m, pa);
      assertThat(sources.get(m).name()).isEqualTo(zoo.models().get(m));
      assertThat(sources.get(m).fill(b, pb)).isZero();
      assertThat(b).isEqualTo(a);
      assertThat(pb).isEqualTo(pa);
      assertThat(sources.get(m).provenance()).isEqualTo("synthetic (seed 32, model " + m + ")");
    }
  }
}
