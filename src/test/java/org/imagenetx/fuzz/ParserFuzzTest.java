package org.imagenetx.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.ImageIndex;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.annotations.ParserAccess;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.images.ExpressionException;
import org.imagenetx.images.ImageSet;
import org.imagenetx.images.ImageSets;
import org.imagenetx.io.BadInputException;
import org.imagenetx.query.Glob;
import org.imagenetx.query.QueryException;
import org.imagenetx.query.QueryParser;
import org.imagenetx.serve.QueryStrings;
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
 * QueryException}, {@link ExpressionException}) or a result equal to the reference's: the regex
 * oracle for globs, a plain map-based reading for annotation lines, the seed's lines for zips (an
 * accepted zip passed its CRC check), a plain reader for label CSVs, a hand-written strict grammar
 * for ReaL labels and for query strings, and the canonical text re-parsed for image-set
 * expressions. Any other exception fails with the seed; the input is dumped to {@code
 * target/fuzz-failures/}. Default runs take a few hundred inputs per parser; {@code -Dnightly} runs
 * each for {@code -Dfuzz.minutes} (default 10) and writes execution counts to {@code
 * results/bench/fuzz-nightly.json}.
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
    "\uffff",
    "{",
    "}",
    "[",
    "]",
    ":",
    "null",
    "\"pose\":1",
    "\"class\":",
    "\\u0000",
    "&",
    "=",
    "+",
    "%zz",
    "%-1",
    "%C3%A9",
    "%FF",
    "(",
    ")",
    " and ",
    " or ",
    "not ",
    "wrong:",
    "class:",
    "@real_class",
    "\uFEFF"
  };

  @TempDir static Path tmp;
  private static ImageIndex index;
  private static Dataset dataset;
  private static byte[] store;

  @BeforeAll
  static void fixtures() throws IOException {
    var synth = SyntheticImageNetX.generate(7, 2);
    var ds = synth.dataset(false);
    dataset = ds;
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
    long deadline = System.nanoTime() + budgetSeconds() * 1_000_000_000L;
    long runs = 0;
    long accepted = 0;
    List<byte[]> pool = new ArrayList<>(corpus);
    while (NIGHTLY ? System.nanoTime() < deadline : runs < DEFAULT_RUNS) {
      byte[] input = mutate(pool.get(rnd.nextInt(pool.size())), rnd);
      try {
        target.run(input);
        accepted++;
        if (pool.size() < 2000) {
          pool.add(input); // accepted inputs are deeper seeds
        }
      } catch (BadInputException | QueryException | ExpressionException e) {
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
      record(name, runs, accepted);
    }
    return runs;
  }

  /** Seconds per parser of a nightly run: {@code -Dfuzz.seconds}, else {@code -Dfuzz.minutes}. */
  private static long budgetSeconds() {
    return Long.getLong("fuzz.seconds", Long.getLong("fuzz.minutes", 10L) * 60);
  }

  private static synchronized void record(String name, long runs, long accepted)
      throws IOException {
    Path f = Path.of(System.getProperty("fuzz.out", "results/bench/fuzz-nightly.json"));
    Files.createDirectories(f.getParent());
    String line =
        String.format(
            Locale.ROOT,
            "{\"parser\":\"%s\",\"executions\":%d,\"accepted\":%d,\"seconds\":%d,\"seed\":%d,"
                + "\"cores\":%d}%n",
            name,
            runs,
            accepted,
            budgetSeconds(),
            SEED,
            Runtime.getRuntime().availableProcessors());
    Files.writeString(
        f, line, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
  }

  @Test
  void predictionCsv() throws IOException {
    short[] classes = new short[index.size()];
    short[] classesOnly = new short[index.size()];
    short[] classesPadded = new short[index.size()];
    float[] probabilities = new float[index.size()];
    long runs =
        fuzz(
            "prediction-csv",
            corpus("csv"),
            in -> {
              // with and without probabilities (a class table checks them, does not convert
              // them): the same rows accepted, the same error for the same input
              String error = null;
              try {
                PredictionCsv.parse(in, in.length, "fuzz.csv", index, classesOnly, null);
              } catch (org.imagenetx.io.BadInputException e) {
                error = e.getMessage();
              }
              // classes only again, with digits and line ends after the input: the word path
              // reads ahead of a row and must not take those bytes for the row's
              byte[] padded = java.util.Arrays.copyOf(in, in.length + 64);
              java.util.Arrays.fill(padded, in.length, padded.length, (byte) '7');
              padded[padded.length - 1] = '\n';
              try {
                PredictionCsv.parse(padded, in.length, "fuzz.csv", index, classesPadded, null);
                assertThat(error).isNull();
                assertThat(classesPadded).isEqualTo(classesOnly);
              } catch (org.imagenetx.io.BadInputException e) {
                assertThat(e.getMessage()).isEqualTo(error);
              }
              try {
                PredictionCsv.parse(in, in.length, "fuzz.csv", index, classes, probabilities);
              } catch (org.imagenetx.io.BadInputException e) {
                assertThat(e.getMessage()).isEqualTo(error);
                throw e;
              }
              assertThat(error).isNull();
              assertThat(classesOnly).isEqualTo(classes);
            });
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

  // ---- annotation files (jsonl, zip, csv), ReaL labels, image-set expressions, query strings

  /** The reference reading of an annotation file: every field into a map, last one wins. */
  static List<ParserAccess.Line> referenceAnnotations(byte[] in) throws IOException {
    List<ParserAccess.Line> out = new ArrayList<>();
    JsonFactory json = new JsonFactory();
    try (BufferedReader r =
        new BufferedReader(new StringReader(new String(in, StandardCharsets.UTF_8)))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        Map<String, Object> fields = new HashMap<>();
        try (JsonParser jp = json.createParser(line)) {
          jp.nextToken();
          while (jp.nextToken() == JsonToken.FIELD_NAME) {
            String f = jp.currentName();
            JsonToken t = jp.nextToken();
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
              jp.skipChildren();
              fields.put(f, "(structure)");
            } else {
              fields.put(f, t == JsonToken.VALUE_NULL ? null : jp.getText());
            }
          }
        }
        int mask = 0;
        String[] columns = Factor.columns();
        for (int f = 0; f < columns.length; f++) {
          if (Integer.parseInt((String) fields.get(columns[f])) == 1) {
            mask |= 1 << f;
          }
        }
        out.add(
            new ParserAccess.Line(
                (String) fields.get("file_name"),
                Integer.parseInt((String) fields.get("class")),
                mask,
                (String) fields.get("justification"),
                (String) fields.get("one_word")));
      }
    }
    return out;
  }

  @Test
  void annotationJsonlAgreesWithTheReferenceReading() throws IOException {
    long runs =
        fuzz(
            "annotation-jsonl",
            corpus("annotations"),
            in -> {
              List<ParserAccess.Line> got = ParserAccess.annotations(in);
              List<ParserAccess.Line> want = referenceAnnotations(in);
              if (!got.equals(want)) {
                throw new IllegalStateException("parser " + got + " != reference " + want);
              }
            });
    assertThat(runs).isGreaterThanOrEqualTo(NIGHTLY ? 1 : DEFAULT_RUNS);
  }

  private static byte[] zip(byte[] jsonl, boolean stored) throws IOException {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(b)) {
      java.util.zip.ZipEntry readme = new java.util.zip.ZipEntry("imagenet_x/README.md");
      z.putNextEntry(readme);
      z.write("fuzz".getBytes(StandardCharsets.UTF_8));
      java.util.zip.ZipEntry e =
          new java.util.zip.ZipEntry("imagenet_x/annotations/imagenet_x_val_top_factor.jsonl");
      if (stored) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(jsonl);
        e.setMethod(java.util.zip.ZipEntry.STORED);
        e.setSize(jsonl.length);
        e.setCompressedSize(jsonl.length);
        e.setCrc(crc.getValue());
      }
      z.putNextEntry(e);
      z.write(jsonl);
    }
    return b.toByteArray();
  }

  @Test
  void annotationZipIsRefusedOrReadsItsSeed() throws IOException {
    // regressions first (refused: a name that is not UTF-8), then zips of the jsonl corpus
    List<byte[]> seeds = new ArrayList<>(corpus("zip"));
    List<List<ParserAccess.Line>> expected = new ArrayList<>();
    for (byte[] jsonl : corpus("annotations")) {
      seeds.add(zip(jsonl, true));
      seeds.add(zip(jsonl, false));
      expected.add(referenceAnnotations(jsonl));
    }
    Path f = tmp.resolve("mutant.zip");
    long runs =
        fuzz(
            "annotation-zip",
            seeds,
            in -> {
              Files.write(f, in);
              List<ParserAccess.Line> got = ParserAccess.zipAnnotations(f);
              // an entry that passed the CRC check holds one of the seeds' files
              if (!expected.contains(got)) {
                throw new IllegalStateException("zip accepted with altered content: " + got);
              }
            });
    assertThat(runs).isGreaterThanOrEqualTo(NIGHTLY ? 1 : DEFAULT_RUNS);
  }

  @Test
  void filenameLabelCsvAgreesWithThePlainReading() throws IOException {
    Metaclasses metaclasses = dataset.metaclasses();
    long runs =
        fuzz(
            "annotation-csv",
            corpus("labels"),
            in -> {
              ImageIndex got = ParserAccess.filenameLabels(in, metaclasses);
              List<String> lines =
                  new BufferedReader(new StringReader(new String(in, StandardCharsets.UTF_8)))
                      .lines()
                      .toList();
              List<String[]> want = new ArrayList<>();
              for (String l : lines.subList(1, lines.size())) {
                // TextLines skips blank lines, whitespace-only ones included
                if (!l.isBlank()) {
                  want.add(l.split(",", -1));
                }
              }
              if (got.size() != want.size()) {
                throw new IllegalStateException(got.size() + " images, reference " + want.size());
              }
              for (String[] w : want) {
                int d = got.lookup(w[0]);
                if (d < 0 || got.label(d) != Integer.parseInt(w[1].trim())) {
                  throw new IllegalStateException("image " + w[0] + " disagrees");
                }
              }
            });
    assertThat(runs).isGreaterThanOrEqualTo(NIGHTLY ? 1 : DEFAULT_RUNS);
  }

  /** A strict reference grammar for the ReaL file: {@code [ [int, ...], ... ]}, JSON integers. */
  static List<List<Integer>> referenceReal(byte[] in) {
    String s = new String(in, StandardCharsets.UTF_8);
    int[] at = {0};
    List<List<Integer>> out = new ArrayList<>();
    expect(s, at, '[');
    if (peek(s, at) == ']') {
      at[0]++;
    } else {
      while (true) {
        expect(s, at, '[');
        List<Integer> set = new ArrayList<>();
        if (peek(s, at) == ']') {
          at[0]++;
        } else {
          while (true) {
            skipBlanks(s, at);
            int start = at[0];
            if (at[0] < s.length() && s.charAt(at[0]) == '-') {
              at[0]++;
            }
            int digits = at[0];
            while (at[0] < s.length() && s.charAt(at[0]) >= '0' && s.charAt(at[0]) <= '9') {
              at[0]++;
            }
            String num = s.substring(digits, at[0]);
            if (num.isEmpty() || (num.length() > 1 && num.charAt(0) == '0')) {
              throw new IllegalArgumentException("not an integer at " + start);
            }
            if (at[0] < s.length() && ".eE".indexOf(s.charAt(at[0])) >= 0) {
              throw new IllegalArgumentException("not an integer at " + start);
            }
            set.add(Integer.parseInt(s.substring(start, at[0])));
            char c = peek(s, at);
            at[0]++;
            if (c == ']') {
              break;
            }
            if (c != ',') {
              throw new IllegalArgumentException("expected , or ] at " + at[0]);
            }
          }
        }
        out.add(set);
        char c = peek(s, at);
        at[0]++;
        if (c == ']') {
          break;
        }
        if (c != ',') {
          throw new IllegalArgumentException("expected , or ] at " + at[0]);
        }
      }
    }
    skipBlanks(s, at);
    if (at[0] != s.length()) {
      throw new IllegalArgumentException("content after the array");
    }
    return out;
  }

  private static void skipBlanks(String s, int[] at) {
    while (at[0] < s.length() && " \t\n\r".indexOf(s.charAt(at[0])) >= 0) {
      at[0]++;
    }
  }

  private static char peek(String s, int[] at) {
    skipBlanks(s, at);
    if (at[0] >= s.length()) {
      throw new IllegalArgumentException("unexpected end");
    }
    return s.charAt(at[0]);
  }

  private static void expect(String s, int[] at, char c) {
    if (peek(s, at) != c) {
      throw new IllegalArgumentException("expected " + c + " at " + at[0]);
    }
    at[0]++;
  }

  @Test
  void realLabelsAgreeWithTheReferenceGrammar() throws IOException {
    String[] names = new String[10];
    int[] classes = new int[10];
    for (int i = 0; i < 10; i++) {
      names[i] = ImageIndex.valFileName(i + 1);
      classes[i] = i * 97;
    }
    ImageIndex ten = ImageIndex.build(names, classes, dataset.metaclasses());
    long runs =
        fuzz(
            "real-labels",
            corpus("real"),
            in -> {
              int[][] got = ParserAccess.real(in, ten);
              List<List<Integer>> ref = referenceReal(in);
              for (int d = 0; d < ten.size(); d++) {
                int number = Integer.parseInt(ten.fileName(d).replaceAll("\\D", "").substring(4));
                List<Integer> want = ref.get(number - 1);
                int[] have = java.util.Arrays.copyOfRange(got[1], got[0][d], got[0][d + 1]);
                if (!want.equals(java.util.Arrays.stream(have).boxed().toList())) {
                  throw new IllegalStateException("image " + ten.fileName(d) + " disagrees");
                }
              }
            });
    assertThat(runs).isGreaterThanOrEqualTo(NIGHTLY ? 1 : DEFAULT_RUNS);
  }

  @Test
  void imageSetExpressionsEqualTheirCanonicalText() throws IOException {
    ImageSets sets =
        ImageSets.of(
            dataset, SyntheticZoo.generate(dataset, 2, 7), FactorSelection.TOP, ErrorType.CLASS);
    long runs =
        fuzz(
            "image-expression",
            corpus("expressions"),
            in -> {
              String text = new String(in, StandardCharsets.UTF_8);
              ImageSet set = sets.evaluate(text);
              String canonical = sets.parse(text).toString();
              if (!sets.parse(canonical).toString().equals(canonical)
                  || !sets.evaluate(canonical).images().equals(set.images())) {
                throw new IllegalStateException("'" + text + "' != canonical '" + canonical + "'");
              }
            });
    assertThat(runs).isGreaterThanOrEqualTo(NIGHTLY ? 1 : DEFAULT_RUNS);
  }

  /** A reference decoding of a query string: {@code +} is a space, {@code %XX} a UTF-8 byte. */
  static Map<String, String> referenceParams(String raw) {
    Map<String, String> out = new HashMap<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (out.put(k, v) != null) {
        throw new IllegalArgumentException("twice");
      }
    }
    return out;
  }

  private static String decode(String s) {
    StringBuilder sb = new StringBuilder();
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length()
            || Character.digit(s.charAt(i + 1), 16) < 0
            || Character.digit(s.charAt(i + 2), 16) < 0
            || s.charAt(i + 1) > 'f'
            || s.charAt(i + 2) > 'f') {
          throw new IllegalArgumentException("bad escape");
        }
        bytes.write(
            Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
        i += 2;
        continue;
      }
      if (bytes.size() > 0) {
        sb.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
        bytes.reset();
      }
      sb.append(c == '+' ? ' ' : c);
    }
    if (bytes.size() > 0) {
      sb.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
    }
    return sb.toString();
  }

  @Test
  void httpQueryStringsAgreeWithTheReferenceDecoding() throws IOException {
    long runs =
        fuzz(
            "http-query-string",
            corpus("querystring"),
            in -> {
              String raw = new String(in, StandardCharsets.UTF_8);
              Map<String, String> got = QueryStrings.params(raw);
              Map<String, String> want = referenceParams(raw);
              if (!got.equals(want)) {
                throw new IllegalStateException("parser " + got + " != reference " + want);
              }
            });
    assertThat(runs).isGreaterThanOrEqualTo(NIGHTLY ? 1 : DEFAULT_RUNS);
  }
}
