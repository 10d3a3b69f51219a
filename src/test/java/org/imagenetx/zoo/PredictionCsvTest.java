package org.imagenetx.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.synth.SyntheticImageNetX;
import org.imagenetx.synth.SyntheticZoo;
import org.imagenetx.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionCsvTest {
  @TempDir Path tmp;

  @Test
  void decimalParserIsExactAgainstTheJdk() {
    SplittableRandom rnd = new SplittableRandom(5);
    for (int i = 0; i < 60_000; i++) {
      String s;
      switch (i % 4) {
        case 0:
          s = Double.toString(rnd.nextDouble());
          break;
        case 1:
          s = String.format(Locale.ROOT, "%." + (1 + rnd.nextInt(17)) + "f", rnd.nextDouble());
          break;
        case 2:
          s = String.format(Locale.ROOT, "%." + rnd.nextInt(12) + "e", rnd.nextDouble() * Math.pow(10, -rnd.nextInt(30)));
          break;
        default:
          s = rnd.nextInt(2) + "." + Long.toString(rnd.nextLong() & Long.MAX_VALUE);
      }
      byte[] b = s.getBytes(StandardCharsets.US_ASCII);
      assertThat(PredictionCsv.parseDouble(b, 0, b.length)).as(s).isEqualTo(Double.parseDouble(s));
    }
    for (String bad : new String[] {"", ".", "-", "1e", "abc", "1.2.3", "0x10", "1e+"}) {
      byte[] b = bad.getBytes(StandardCharsets.US_ASCII);
      assertThat(PredictionCsv.parseDouble(b, 0, b.length)).as(bad).isNaN();
    }
  }

  @Test
  void csvZooReadsBackTheGeneratedPredictions() {
    Dataset ds = SyntheticImageNetX.generate(Fixtures.SEED, 2).dataset(false);
    InMemoryZoo mem = SyntheticZoo.generate(ds, 3, Fixtures.SEED);
    Fixtures.writeZoo(mem, ds.index(), tmp.resolve("zoo"));
    Zoo csv = Zoos.open(tmp.resolve("zoo"), ds.index());
    assertThat(csv.models()).isEqualTo(mem.models());
    assertThat(csv.name()).isEqualTo("zoo");
    assertThat(csv.hasProbabilities()).isTrue();
    short[] a = new short[ds.index().size()];
    short[] b = new short[ds.index().size()];
    float[] pa = new float[a.length];
    float[] pb = new float[a.length];
    for (int m = 0; m < 3; m++) {
      assertThat(csv.readClasses(m, a)).isZero();
      mem.readClasses(m, b);
      assertThat(a).isEqualTo(b);
      csv.readProbabilities(m, pa);
      mem.readProbabilities(m, pb);
      assertThat(pa).isEqualTo(pb);
    }
  }

  @Test
  void windowsLineEndsAndByteOrderMarkAreAccepted() {
    Dataset ds = SyntheticImageNetX.generate(Fixtures.SEED, 1).dataset(false);
    String name = ds.index().fileName(0);
    String text = "\uFEFFfile_name,predicted_class,predicted_probability\r\n" + name + ",7,0.25\r\n\r\n";
    byte[] buf = text.getBytes(StandardCharsets.UTF_8);
    short[] classes = new short[ds.index().size()];
    float[] probs = new float[classes.length];
    PredictionCsv.Result r = PredictionCsv.parse(buf, buf.length, "x.csv", ds.index(), classes, probs);
    assertThat(r.numRows()).isEqualTo(1);
    assertThat(r.numMissing()).isEqualTo(classes.length - 1);
    assertThat(classes[0]).isEqualTo((short) 7);
    assertThat(probs[0]).isEqualTo(0.25f);
    assertThat(classes[1]).isEqualTo((short) -1);
  }
}
