package org.imagenetx.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.io.BadInputException;
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
          s =
              String.format(
                  Locale.ROOT,
                  "%." + rnd.nextInt(12) + "e",
                  rnd.nextDouble() * Math.pow(10, -rnd.nextInt(30)));
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
  void rowFastPathGivesTheProbabilitiesOfTheDecimalParser() {
    Dataset ds = SyntheticImageNetX.generate(Fixtures.SEED, 2).dataset(false);
    int n = ds.index().size();
    SplittableRandom rnd = new SplittableRandom(11);
    StringBuilder csv = new StringBuilder(PredictionCsv.HEADER).append('\n');
    String[] written = new String[n];
    for (int d = 0; d < n; d++) {
      // 0, 1, 1.000, and 0.<1..20 digits>: short and long fractions, leading and trailing zeros
      int kind = rnd.nextInt(10);
      String p;
      if (kind == 0) {
        p = rnd.nextBoolean() ? "0" : "1";
      } else if (kind == 1) {
        p = "1." + "0".repeat(1 + rnd.nextInt(20));
      } else {
        StringBuilder f = new StringBuilder("0.");
        int digits = 1 + rnd.nextInt(20);
        for (int k = 0; k < digits; k++) {
          f.append((char) ('0' + (rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(10))));
        }
        p = f.toString();
      }
      written[d] = p;
      csv.append(ds.index().fileName(d)).append(',').append(rnd.nextInt(1000)).append(',');
      csv.append(p).append(rnd.nextInt(8) == 0 ? "\r\n" : "\n");
    }
    byte[] bytes = csv.toString().getBytes(StandardCharsets.US_ASCII);
    short[] classes = new short[n];
    float[] probabilities = new float[n];
    PredictionCsv.parse(bytes, bytes.length, "p.csv", ds.index(), classes, probabilities);
    for (int d = 0; d < n; d++) {
      assertThat(probabilities[d]).as(written[d]).isEqualTo((float) Double.parseDouble(written[d]));
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
    String text =
        "\uFEFFfile_name,predicted_class,predicted_probability\r\n" + name + ",7,0.25\r\n\r\n";
    byte[] buf = text.getBytes(StandardCharsets.UTF_8);
    short[] classes = new short[ds.index().size()];
    float[] probs = new float[classes.length];
    PredictionCsv.Result r =
        PredictionCsv.parse(buf, buf.length, "x.csv", ds.index(), classes, probs);
    assertThat(r.numRows()).isEqualTo(1);
    assertThat(r.numMissing()).isEqualTo(classes.length - 1);
    assertThat(classes[0]).isEqualTo((short) 7);
    assertThat(probs[0]).isEqualTo(0.25f);
    assertThat(classes[1]).isEqualTo((short) -1);
  }

  /**
   * Row shapes on both sides of the one-pass fast path: what it takes (plain names, 1–4 digit ids,
   * 0 / 1 / 0.ddd / 1.000 probabilities) parses to the JDK's values; what it hands back (signs,
   * exponents, leading dots, long ids, out-of-range values, extra fields, stray carriage returns,
   * duplicates) is accepted or refused by the general path with the same line number.
   */
  @Test
  void rowShapesParseOrFailWithTheirLine() {
    Dataset ds = SyntheticImageNetX.generate(Fixtures.SEED, 1).dataset(false);
    String a = ds.index().fileName(0);
    String b = ds.index().fileName(1);
    String header = PredictionCsv.HEADER + "\n";
    // accepted: probability text, expected class
    String[][] good = {
      {"0", "5"},
      {"1", "5"},
      {"0.5", "0"},
      {"1.000", "999"},
      {"0.123456789012345678", "65"},
      {"0.", "65"},
      {"1e-5", "65"},
      {".5", "65"},
      {"+0.5", "65"},
      {"5e-1", "0065"},
      {"1.0", "00001"},
    };
    short[] classes = new short[ds.index().size()];
    float[] probs = new float[classes.length];
    for (String[] g : good) {
      for (String eol : new String[] {"\n", "\r\n", ""}) {
        String text = header + a + "," + g[1] + "," + g[0] + eol + b + ",3," + g[0] + eol;
        byte[] buf = text.getBytes(StandardCharsets.US_ASCII);
        if (eol.isEmpty()) {
          buf =
              (header + a + "," + g[1] + "," + g[0] + "\n" + b + ",3," + g[0])
                  .getBytes(StandardCharsets.US_ASCII);
        }
        PredictionCsv.Result r =
            PredictionCsv.parse(buf, buf.length, "x.csv", ds.index(), classes, probs);
        assertThat(r.numRows()).as(text).isEqualTo(2);
        assertThat(classes[0]).as(text).isEqualTo(Short.parseShort(g[1]));
        assertThat(classes[1]).isEqualTo((short) 3);
        assertThat(probs[0]).as(text).isEqualTo((float) Double.parseDouble(g[0]));
        // classes only: the probability is checked, not converted
        parseClasses(buf, buf.length, ds.index(), classes);
        assertThat(classes[0]).isEqualTo(Short.parseShort(g[1]));
      }
    }
    // refused on line 3 (the second row), with the reason
    String[][] bad = {
      {b + ",3,1.5", "outside [0,1]"},
      {b + ",3,1.0001", "outside [0,1]"},
      {b + ",3,-0.1", "outside [0,1]"},
      {b + ",3,0.5,9", "malformed row"},
      {b + ",1000,0.5", "outside 0..999"},
      {b + ",12345,0.5", "outside 0..999"},
      {b + ",-1,0.5", "outside 0..999"},
      {a + ",3,0.5", "duplicate image"},
      {b + ",3", "malformed row"},
      {b + ",3,0.5\r\r", "not a number"},
      {b + ",x,0.5", "not an integer"},
      {b + ",3,abc", "not a number"},
      {"ILSVRC2012_val_99999999.JPEG,3,0.5", "unknown file name"},
      {b + " ,3,0.5", "unknown file name"},
    };
    for (String[] x : bad) {
      byte[] buf = (header + a + ",5,0.5\n" + x[0] + "\n").getBytes(StandardCharsets.US_ASCII);
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> parseClasses(buf, buf.length, ds.index(), classes))
          .as(x[0])
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("x.csv:3")
          .hasMessageContaining(x[1]);
    }
  }

  /**
   * The word-at-a-time row path of a class table against the byte path, over shaped rows: every
   * class-id length with and without leading zeros, probabilities 0, 1, 1.000 and 0.&lt;0..30
   * digits&gt; (one to four words), near misses (1.0001, 0., a third field, a sign, a lone carriage
   * return, an id of five digits or of 1000) and files with and without a last line end. Parsed
   * with probabilities the rows take the byte path; classes only, they take the word path with the
   * file's bytes followed by garbage digits (which must not be read as the row's): the same classes
   * or the same error.
   */
  @Test
  void wordRowsMatchTheBytePathOnShapedRows() {
    Dataset ds = SyntheticImageNetX.generate(Fixtures.SEED, 2).dataset(false);
    var index = ds.index();
    assertThat(index.fixedNameLength()).isPositive();
    int n = index.size();
    SplittableRandom rnd = new SplittableRandom(23);
    short[] viaBytes = new short[n];
    short[] viaWords = new short[n];
    float[] probs = new float[n];
    int accepted = 0;
    int refused = 0;
    for (int file = 0; file < 400; file++) {
      boolean withProbability = rnd.nextInt(8) != 0;
      StringBuilder csv =
          new StringBuilder(
                  withProbability ? PredictionCsv.HEADER : PredictionCsv.HEADER_NO_PROBABILITY)
              .append('\n');
      int rows = 1 + rnd.nextInt(60);
      int start = rnd.nextInt(n - rows);
      boolean nearMiss = rnd.nextInt(3) == 0;
      for (int r = 0; r < rows; r++) {
        csv.append(index.fileName(start + r)).append(',');
        int cls = rnd.nextInt(1000);
        String id = Integer.toString(cls);
        if (rnd.nextInt(6) == 0 && id.length() < 4) {
          id = "0".repeat(1 + rnd.nextInt(4 - id.length())) + id;
        }
        csv.append(id);
        if (withProbability) {
          csv.append(',').append(probability(rnd));
        }
        if (nearMiss && rnd.nextInt(rows) == 0) {
          String[] miss = {"1", "0001", ".", ",0", "-", "\r", "\r\r", "0", ",1"};
          csv.append(miss[rnd.nextInt(miss.length)]);
        }
        if (r < rows - 1 || rnd.nextBoolean()) {
          csv.append(rnd.nextInt(4) == 0 ? "\r\n" : "\n");
        }
      }
      byte[] text = csv.toString().getBytes(StandardCharsets.US_ASCII);
      String expected = null;
      try {
        PredictionCsv.parse(text, text.length, "x.csv", index, viaBytes, probs);
      } catch (BadInputException e) {
        expected = e.getMessage();
      }
      String got = null;
      try {
        parseClasses(text, text.length, index, viaWords);
      } catch (BadInputException e) {
        got = e.getMessage();
      }
      assertThat(got).as(csv.toString()).isEqualTo(expected);
      if (expected == null) {
        assertThat(viaWords).as(csv.toString()).isEqualTo(viaBytes);
        accepted++;
      } else {
        refused++;
      }
    }
    // both sides of the paths were exercised
    assertThat(accepted).isGreaterThan(150);
    assertThat(refused).isGreaterThan(30);
  }

  private static String probability(SplittableRandom rnd) {
    switch (rnd.nextInt(6)) {
      case 0:
        return "0";
      case 1:
        return "1";
      case 2:
        return "1." + "0".repeat(rnd.nextInt(12));
      default:
        StringBuilder f = new StringBuilder("0.");
        int digits = rnd.nextInt(31);
        for (int i = 0; i < digits; i++) {
          f.append((char) ('0' + rnd.nextInt(10)));
        }
        return f.toString();
    }
  }

  /**
   * Parses classes only from {@code length} bytes, then again from copies followed by 64 bytes that
   * would extend the last row if they were read as its own (digits, a fraction, line ends; the word
   * path loads up to 64 bytes ahead of a row): every parse must give the same classes or the same
   * error.
   *
   * @return the result of the parse
   */
  static PredictionCsv.Result parseClasses(
      byte[] buf, int length, org.imagenetx.annotations.ImageIndex index, short[] classes) {
    BadInputException thrown = null;
    PredictionCsv.Result r = null;
    try {
      r = PredictionCsv.parse(buf, length, "x.csv", index, classes, null);
    } catch (BadInputException e) {
      thrown = e;
    }
    String error = thrown == null ? null : thrown.getMessage();
    short[] again = new short[classes.length];
    for (String tail : new String[] {"\n", "1\n", "23\n", "\r\n", ".5\n", "0,0\n", "99999"}) {
      byte[] padded = java.util.Arrays.copyOf(buf, length + 64);
      byte[] t = tail.getBytes(StandardCharsets.US_ASCII);
      for (int i = length; i < padded.length; i++) {
        padded[i] = t[(i - length) % t.length];
      }
      try {
        PredictionCsv.parse(padded, length, "x.csv", index, again, null);
        assertThat(error).as(tail).isNull();
        assertThat(again).as(tail).isEqualTo(classes);
      } catch (BadInputException e) {
        assertThat(e.getMessage()).as(tail).isEqualTo(error);
      }
    }
    if (thrown != null) {
      throw thrown;
    }
    return r;
  }
}
