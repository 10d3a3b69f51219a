package org.imagenetx.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.imagenetx.annotations.ImageIndex;
import org.imagenetx.io.BadInputException;
import org.imagenetx.query.Glob;
import org.imagenetx.query.QueryException;
import org.imagenetx.query.QueryParser;
import org.imagenetx.synth.SyntheticImageNetX;
import org.imagenetx.synth.SyntheticZoo;
import org.imagenetx.zoo.PredictionCsv;
import org.imagenetx.zoo.ZooStore;
import org.imagenetx.zoo.ZooStoreWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded, structure-aware mutation fuzzing of the parsers that read user files and typed text
 * (Jazzer is not in the offline repository). Inputs start from the corpus in {@code
 * src/test/resources/fuzz/} (stores are built at run time), and are mutated by byte flips,
 * dictionary tokens that sit on parser edges (separators, signs, huge and non-finite numbers, NUL,
 * CR), deletions, duplications and truncations; stores are resealed after mutation (both CRCs
 * recomputed, as an attacker would), so mutations reach the directory and the block checks.
 *
 * <p>The property: the documented one-line error ({@link BadInputException}, {@link
 * QueryException}) or a result; for globs, the result equals the regex oracle's. Any other
 * exception fails with the seed; the input is dumped to {@code target/fuzz-failures/}. Default runs
 * take a few hundred inputs per parser; {@code -Dnightly} runs each for {@code -Dfuzz.minutes}
 * (default 10) and writes execution counts to {@code results/bench/fuzz-nightly.json}.
 */
class ParserFuzzTest {
  private static final boolean NIGHTLY = Boolean.getBoolean("nightly");
  private static final long SEED = Long.getLong("fuzz.seed", 15L);
  private static final int DEFAULT_RUNS = 300;
  private static final String[] TOKENS = {
    ",",
    "\n",
    "\r\n",
    "\"",
    "-",
    "-1",
    "0",
    "65535",
    "32768",
    "1e309",
    "NaN",
    "-Infinity",
    "\u0000",
    "99999999999999999999",
    ".",
    "file_name",
    "predicted_class",
    "predicted_probability",
    "*",
    "?",
    "--top",
    "--by",
    "--error-type",
    " ",
    "\t",
    "'",
    "%",
    "\u001b",
    "é",
    "\uffff"
  };

  @TempDir static Path tmp;
  private static ImageIndex index;
  private static byte[] store;

  @BeforeAll
  static void fixtures() throws IOException {
    var synth = SyntheticImageNetX.generate(7, 2);
    var ds = synth.dataset(false);
    index = ds.index();
    Path s = tmp.resolve("seed.zoo");
    ZooStoreWriter.write(
        s,
        index,
        SyntheticZoo.sources(new SyntheticZoo.Inputs(ds, 7), 2, 7),
        new ZooStoreWriter.Options(true, true, 7, "fuzz seed", 1, null));
    store = Files.readAllBytes(s);
  }

  /** One parser under test: throws only documented exceptions for any input. */
  private interface Target {
    void run(byte[] input) throws Exception;
  }

  private static List<byte[]> corpus(String dir) {
    try (Stream<Path> s = Files.list(Path.of("src/test/resources/fuzz", dir))) {
      List<byte[]> out = new ArrayList<>();
      for (Path p : (Iterable<Path>) s.sorted()::iterator) {
        out.add(Files.readAllBytes(p));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] mutate(byte[] in, SplittableRandom rnd) {
    byte[] b = in;
    int ops = 1 + rnd.nextInt(4);
    for (int o = 0; o < ops; o++) {
      int at = b.length == 0 ? 0 : rnd.nextInt(b.length + 1);
      switch (rnd.nextInt(6)) {
        case 0 -> {
          if (b.length > 0) {
            b = b.clone();
            b[Math.min(at, b.length - 1)] ^= (byte) (1 << rnd.nextInt(8));
          }
        }
        case 1 -> {
          byte[] t = TOKENS[rnd.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8);
          b = splice(b, at, at, t);
        }
        case 2 -> b = splice(b, at, Math.min(b.length, at + 1 + rnd.nextInt(8)), new byte[0]);
        case 3 -> {
          int len = Math.min(b.length - Math.min(at, b.length), 1 + rnd.nextInt(64));
          byte[] copy =
              java.util.Arrays.copyOfRange(b, Math.min(at, b.length), Math.min(at, b.length) + len);
          b = splice(b, at, at, copy);
        }
        case 4 -> b = java.util.Arrays.copyOf(b, Math.min(b.length, at));
        default -> {
          if (b.length > 0) {
            b = b.clone();
            b[Math.min(at, b.length - 1)] = (byte) rnd.nextInt(256);
          }
        }
      }
    }
    return b;
  }

  private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
    int f = Math.min(from, b.length);
    int t = Math.max(f, Math.min(to, b.length));
    byte[] out = new byte[b.length - (t - f) + insert.length];
    System.arraycopy(b, 0, out, 0, f);
    System.arraycopy(insert, 0, out, f, insert.length);
    System.arraycopy(b, t, out, f + insert.length, b.length - t);
    return out;
  }

  /** Runs a target on mutants of its corpus; returns the number of executions. */
  private static long fuzz(String name, List<byte[]> corpus, Target target) throws IOException {
    SplittableRandom rnd = new SplittableRandom(SEED ^ name.hashCode());
    long deadline = System.nanoTime() + Long.getLong("fuzz.minutes", 10L) * 60_000_000_000L;
    long runs = 0;
    List<byte[]> pool = new ArrayList<>(corpus);
    while (NIGHTLY ? System.nanoTime() < deadline : runs < DEFAULT_RUNS) {
      byte[] input = mutate(pool.get(rnd.nextInt(pool.size())), rnd);
      try {
        target.run(input);
        if (pool.size() < 2000) {
          pool.add(input); // accepted inputs are deeper seeds
        }
      } catch (BadInputException | QueryException e) {
        assertThat(e.getMessage()).doesNotContain("\n");
      } catch (Throwable e) {
        Path dump = Path.of("target/fuzz-failures", name + "-" + SEED + "-" + runs + ".bin");
        Files.createDirectories(dump.getParent());
        Files.write(dump, input);
        throw new AssertionError(
            name
                + ": undocumented "
                + e
                + " (seed "
                + SEED
                + ", run "
                + runs
                + ", input "
                + dump
                + ")",
            e);
      }
      runs++;
    }
    if (NIGHTLY) {
      record(name, runs);
    }
    return runs;
  }

  private static synchronized void record(String name, long runs) throws IOException {
    Path f = Path.of("results/bench/fuzz-nightly.json");
    Files.createDirectories(f.getParent());
    String line =
        String.format(
            Locale.ROOT,
            "{\"parser\":\"%s\",\"executions\":%d,\"minutes\":%d,\"seed\":%d,\"cores\":%d}%n",
            name,
            runs,
            Long.getLong("fuzz.minutes", 10L),
            SEED,
            Runtime.getRuntime().availableProcessors());
    Files.writeString(
        f, line, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
  }

  @Test
  void predictionCsv() throws IOException {
    short[] classes = new short[index.size()];
    float[] probabilities = new float[index.size()];
    long runs =
        fuzz(
            "prediction-csv",
            corpus("csv"),
            in -> PredictionCsv.parse(in, in.length, "fuzz.csv", index, classes, probabilities));
    assertThat(runs).isGreaterThanOrEqualTo(NIGHTLY ? 1 : DEFAULT_RUNS);
  }

  @Test
  void zooStore() throws IOException {
    Path f = tmp.resolve("mutant.zoo");
    long runs =
        fuzz(
            "zoo-store",
            List.of(store),
            in -> {
              Files.write(f, reseal(in));
              try (ZooStore s = ZooStore.open(f, index)) {
                s.verifyAll();
                short[] c = new short[s.numImages()];
                for (int m = 0; m < s.size(); m++) {
                  s.readClasses(m, c);
                }
              }
            });
    assertThat(runs).isGreaterThanOrEqualTo(NIGHTLY ? 1 : DEFAULT_RUNS);
  }

  /** Recomputes the directory and header CRCs of a mutated store, where its layout allows. */
  private static byte[] reseal(byte[] in) {
    if (in.length < 64) {
      return in;
    }
    var b = java.nio.ByteBuffer.wrap(in).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    int dirLength = b.getInt(40);
    var crc = new java.util.zip.CRC32C();
    if (dirLength >= 0 && 64L + dirLength <= in.length) {
      crc.update(in, 64, dirLength);
      b.putInt(44, (int) crc.getValue());
    }
    crc.reset();
    crc.update(in, 0, 60);
    b.putInt(60, (int) crc.getValue());
    return in;
  }

  @Test
  void queryLanguage() throws IOException {
    long runs =
        fuzz(
            "query",
            corpus("query"),
            in -> QueryParser.parse(new String(in, StandardCharsets.UTF_8)));
    assertThat(runs).isGreaterThanOrEqualTo(NIGHTLY ? 1 : DEFAULT_RUNS);
  }

  @Test
  void globAgreesWithTheRegexOracle() throws IOException {
    String[] names = {"ViT", "resnet50", "a.b", "", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaab"};
    long runs =
        fuzz(
            "glob",
            corpus("glob"),
            in -> {
              String g = new String(in, StandardCharsets.UTF_8);
              Glob glob = Glob.compile(g);
              if (g.chars().filter(c -> c == '*').count() <= 4) {
                StringBuilder sb = new StringBuilder();
                for (char ch : g.toCharArray()) {
                  sb.append(ch == '*' ? ".*" : ch == '?' ? "." : Pattern.quote(String.valueOf(ch)));
                }
                Pattern p = Pattern.compile(sb.toString(), Pattern.DOTALL);
                for (String n : names) {
                  if (glob.matches(n) != p.matcher(n).matches()) {
                    throw new IllegalStateException("glob '" + g + "' disagrees on '" + n + "'");
                  }
                }
              } else {
                for (String n : names) {
                  glob.matches(n);
                }
              }
            });
    assertThat(runs).isGreaterThanOrEqualTo(NIGHTLY ? 1 : DEFAULT_RUNS);
  }
}
