package org.imagenetx.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.ImageIndex;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.bits.Lanes;
import org.imagenetx.evaluation.Aggregation;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.io.BadInputException;
import org.imagenetx.synth.SyntheticImageNetX;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The binary store: round trips, and every way a store can be damaged is refused. */
class ZooStoreTest {
  @TempDir Path tmp;

  /** A model with random classes, some positions missing, probabilities NaN where missing. */
  static final class RandomSource implements ZooStoreWriter.Source {
    final String name;
    final short[] classes;
    final float[] probabilities;
    final int missing;

    RandomSource(String name, int n, long seed, double missingRate) {
      this.name = name;
      SplittableRandom rnd = new SplittableRandom(seed);
      classes = new short[n];
      probabilities = new float[n];
      int miss = 0;
      for (int i = 0; i < n; i++) {
        if (rnd.nextDouble() < missingRate) {
          classes[i] = -1;
          probabilities[i] = Float.NaN;
          miss++;
        } else {
          classes[i] = (short) rnd.nextInt(1000);
          probabilities[i] = (float) rnd.nextDouble();
        }
      }
      missing = miss;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String provenance() {
      return "test " + name;
    }

    @Override
    public long inputBytes() {
      return 0;
    }

    @Override
    public int fill(short[] c, float[] p) {
      System.arraycopy(classes, 0, c, 0, classes.length);
      if (p != null) {
        System.arraycopy(probabilities, 0, p, 0, probabilities.length);
      }
      return missing;
    }
  }

  static ImageIndex index(long seed, int imagesPerClass) {
    return SyntheticImageNetX.generate(seed, imagesPerClass).dataset(false).index();
  }

  private static List<RandomSource> models(int count, int n, long seed) {
    List<RandomSource> out = new ArrayList<>();
    double[] rates = {0, .01, .1, .5, .9, .99, 1};
    for (int m = 0; m < count; m++) {
      // names deliberately out of order: the store sorts them
      out.add(new RandomSource("model_" + ((m * 7) % count), n, seed + m, rates[m % rates.length]));
    }
    return out;
  }

  private Path write(
      String file,
      ImageIndex index,
      List<? extends ZooStoreWriter.Source> sources,
      boolean probabilities) {
    Path p = tmp.resolve(file);
    ZooStoreWriter.write(
        p,
        index,
        List.copyOf(sources),
        new ZooStoreWriter.Options(probabilities, true, 99, "test zoo", 2, null));
    return p;
  }

  @ParameterizedTest(name = "{0} images per class")
  @ValueSource(ints = {1, 2, 3})
  void roundTripKeepsEveryValueAndSortsModels(int imagesPerClass) {
    ImageIndex index = index(11, imagesPerClass);
    int n = index.size();
    List<RandomSource> sources = models(9, n, 5);
    Path p = write("z.zoo", index, sources, true);
    for (ZooStore.Access access : ZooStore.Access.values()) {
      ZooStore s = ZooStore.open(p, index, access);
      assertThat(s.size()).isEqualTo(9);
      assertThat(s.numImages()).isEqualTo(n);
      assertThat(s.models()).isSorted();
      assertThat(s.hasProbabilities()).isTrue();
      assertThat(s.synthetic()).isTrue();
      assertThat(s.seed()).isEqualTo(99);
      assertThat(s.zooProvenance()).isEqualTo("test zoo");
      assertThat(s.name()).isEqualTo("z");
      short[] c = new short[n];
      float[] pr = new float[n];
      for (RandomSource src : sources) {
        int m = s.models().indexOf(src.name);
        assertThat(s.readClasses(m, c)).as(src.name).isEqualTo(src.missing);
        assertThat(c).as(src.name).isEqualTo(src.classes);
        s.readProbabilities(m, pr);
        for (int i = 0; i < n; i++) {
          assertThat(Float.floatToRawIntBits(pr[i]))
              .as("%s %d", src.name, i)
              .isEqualTo(Float.floatToRawIntBits(src.probabilities[i]));
        }
        assertThat(s.provenance(m)).isEqualTo("test " + src.name);
        assertThat(s.numMissing(m)).isEqualTo(src.missing);
      }
      s.verifyAll();
      s.close();
    }
    assertThat(ZooStore.isStore(p)).isTrue();
  }

  /**
   * Packed reads (what whole-zoo passes use) equal the packed short reads, for index sizes that end
   * inside a word of four ids and inside a 64-image word, from the store (both accesses), from an
   * in-memory zoo and through the interface's default (read, then pack).
   */
  @ParameterizedTest(name = "{0} images")
  @ValueSource(ints = {1001, 1002, 1003, 1004, 1087})
  void packedReadsEqualPackedClasses(int n) {
    Metaclasses meta = SyntheticImageNetX.generate(3, 1).metaclasses();
    String[] names = new String[n];
    int[] classes = new int[n];
    for (int i = 0; i < n; i++) {
      names[i] = ImageIndex.valFileName(i + 1);
      classes[i] = i % 1000;
    }
    ImageIndex index = ImageIndex.build(names, classes, meta);
    List<RandomSource> sources = models(9, n, 21);
    Path p = write("packed.zoo", index, sources, false);
    int words = Lanes.numLongs(n);
    List<String> sorted = new ArrayList<>();
    short[][] byName = new short[sources.size()][];
    for (RandomSource src : sources) {
      sorted.add(src.name);
    }
    Collections.sort(sorted);
    for (RandomSource src : sources) {
      byName[sorted.indexOf(src.name)] = src.classes;
    }
    InMemoryZoo memory = new InMemoryZoo("m", sorted, byName, null, false, "test");
    Zoo viaDefault = new ReadClassesOnly(memory);
    for (ZooStore.Access access : ZooStore.Access.values()) {
      ZooStore store = ZooStore.open(p, index, access);
      for (Zoo zoo : List.of(store, memory, viaDefault)) {
        for (int m = 0; m < zoo.size(); m++) {
          long[] expected = new long[words];
          Lanes.pack(byName[m], n, expected);
          long[] packed = new long[words];
          Arrays.fill(packed, 0x5555L); // stale contents must be overwritten
          int missing = zoo.readPacked(m, packed);
          assertThat(packed)
              .as("%s model %d (%s)", zoo.getClass().getSimpleName(), m, access)
              .isEqualTo(expected);
          assertThat(missing).isEqualTo(Lanes.countMissing(expected, n));
        }
      }
      store.close();
    }
  }

  /** A zoo that only has readClasses, so readPacked is the interface's default. */
  private static final class ReadClassesOnly implements Zoo {
    private final Zoo base;

    ReadClassesOnly(Zoo base) {
      this.base = base;
    }

    @Override
    public String name() {
      return base.name();
    }

    @Override
    public List<String> models() {
      return base.models();
    }

    @Override
    public int numImages() {
      return base.numImages();
    }

    @Override
    public int readClasses(int model, short[] dst) {
      return base.readClasses(model, dst);
    }

    @Override
    public boolean hasProbabilities() {
      return false;
    }

    @Override
    public void readProbabilities(int model, float[] dst) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String source() {
      return "default readPacked";
    }
  }

  @Test
  void layoutIsAlignedAndClassesOnlyStoreIsSmaller() throws IOException {
    ImageIndex index = index(3, 1);
    int n = index.size();
    List<RandomSource> sources = models(3, n, 1);
    Path with = write("with.zoo", index, sources, true);
    Path without = write("without.zoo", index, sources, false);
    long dirBytes;
    try (ZooStore s = ZooStore.open(with, index)) {
      assertThat(s.hasProbabilities()).isTrue();
    }
    try (ZooStore s = ZooStore.open(without, index)) {
      assertThat(s.hasProbabilities()).isFalse();
      assertThatThrownBy(() -> s.readProbabilities(0, new float[n]))
          .isInstanceOf(IllegalStateException.class);
    }
    ByteBuffer h = ByteBuffer.wrap(Files.readAllBytes(without)).order(ByteOrder.LITTLE_ENDIAN);
    dirBytes = h.getInt(40);
    long classBase = (64 + dirBytes + 63) / 64 * 64;
    long stride = (2L * n + 63) / 64 * 64;
    assertThat(Files.size(without)).isEqualTo(classBase + 3 * stride);
    long probStride = (4L * n + 63) / 64 * 64;
    assertThat(Files.size(with)).isEqualTo(classBase + 3 * stride + 3 * probStride);
    // model 0's first class id sits at the aligned class base, little-endian
    RandomSource first =
        sources.stream().filter(x -> x.name.equals("model_0")).findFirst().orElseThrow();
    assertThat(h.getShort((int) classBase)).isEqualTo(first.classes[0]);
    assertThat(classBase % 64).isZero();
  }

  @Test
  void duplicateModelNamesAndEmptyZoosAreRefused() {
    ImageIndex index = index(3, 1);
    int n = index.size();
    List<ZooStoreWriter.Source> dup =
        List.of(new RandomSource("a", n, 1, 0), new RandomSource("a", n, 2, 0));
    assertThatThrownBy(() -> write("d.zoo", index, dup, false))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("duplicate model 'a'");
    assertThatThrownBy(() -> write("e.zoo", index, List.of(), false))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("empty zoo");
    assertThat(tmp.resolve("d.zoo")).doesNotExist();
  }

  private Path good(ImageIndex index) {
    return write("good.zoo", index, models(4, index.size(), 3), true);
  }

  private static byte[] flip(byte[] b, int at) {
    byte[] c = b.clone();
    c[at] ^= 0x10;
    return c;
  }

  private Path variant(String name, byte[] bytes) throws IOException {
    Path p = tmp.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  @Test
  void truncatedAndShortFilesAreRefusedWithOneLine() throws IOException {
    ImageIndex index = index(3, 1);
    byte[] bytes = Files.readAllBytes(good(index));
    for (int len : new int[] {0, 1, 7, 8, 63}) {
      Path p = variant("short" + len + ".zoo", Arrays.copyOf(bytes, len));
      assertThatThrownBy(() -> ZooStore.open(p, index))
          .as("length %d", len)
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("shorter than the 64-byte header")
          .hasMessageNotContaining("\n");
    }
    for (int len : new int[] {64, 100, bytes.length / 2, bytes.length - 1}) {
      Path p = variant("trunc" + len + ".zoo", Arrays.copyOf(bytes, len));
      assertThatThrownBy(() -> ZooStore.open(p, index))
          .as("length %d", len)
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("truncated zoo store")
          .hasMessageContaining(p.toString());
    }
    Path longer = variant("longer.zoo", Arrays.copyOf(bytes, bytes.length + 5));
    assertThatThrownBy(() -> ZooStore.open(longer, index)).hasMessageContaining("trailing bytes");
  }

  @Test
  void wrongMagicVersionAndChecksumsAreRefused() throws IOException {
    ImageIndex index = index(3, 1);
    byte[] bytes = Files.readAllBytes(good(index));
    Path magic = variant("magic.zoo", flip(bytes, 0));
    assertThatThrownBy(() -> ZooStore.open(magic, index)).hasMessageContaining("wrong magic");
    Path csvLike =
        variant("text.zoo", "file_name,predicted_class\n".getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> Zoos.open(csvLike, index))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("not a zoo store");
    // every header byte but the reserved ones is covered by the header checksum
    for (int at = 8; at < 64; at++) {
      if (at >= 56 && at < 60) {
        continue;
      }
      Path p = variant("h" + at + ".zoo", flip(bytes, at));
      assertThatThrownBy(() -> ZooStore.open(p, index))
          .as("byte %d", at)
          .isInstanceOf(BadInputException.class);
    }
    // a newer version with a valid checksum names the version
    ByteBuffer b = ByteBuffer.wrap(bytes.clone()).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(8, 2);
    b.putInt(60, StoreFormat.crc(b, 0, 60));
    Path v2 = variant("v2.zoo", b.array());
    assertThatThrownBy(() -> ZooStore.open(v2, index))
        .hasMessageContaining("version 2 is not supported");
    Path dir = variant("dir.zoo", flip(bytes, 64 + 70));
    assertThatThrownBy(() -> ZooStore.open(dir, index))
        .hasMessageContaining("directory checksum mismatch");
  }

  @Test
  void aCorruptedDataBlockNeverYieldsValuesOrATable() throws IOException {
    Dataset ds = SyntheticImageNetX.generate(3, 1).dataset(false);
    ImageIndex index = ds.index();
    Path goodPath = good(index);
    byte[] bytes = Files.readAllBytes(goodPath);
    int last = bytes.length - 64 * 10;
    for (int at : new int[] {bytes.length / 3, bytes.length / 2, last}) {
      Path p = variant("data" + at + ".zoo", flip(bytes, at));
      for (ZooStore.Access access : ZooStore.Access.values()) {
        ZooStore s = ZooStore.open(p, index, access);
        assertThatThrownBy(s::verifyAll)
            .as("byte %d, %s", at, access)
            .isInstanceOf(BadInputException.class)
            .hasMessageContaining("checksum mismatch in the");
      }
      ZooStore s = ZooStore.open(p, index);
      assertThatThrownBy(s::verifyAll)
          .as("byte %d", at)
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("checksum mismatch in the");
    }
    // a flipped class id: reading that model throws, and so does the whole aggregation
    String firstModel;
    try (ZooStore s0 = ZooStore.open(goodPath, index)) {
      firstModel = s0.models().get(0);
    }
    int classBase =
        (int)
            ((64 + ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(40) + 63)
                / 64
                * 64);
    Path p = variant("class.zoo", flip(bytes, classBase + 2 * 5));
    short[] dst = new short[index.size()];
    for (ZooStore.Access access : ZooStore.Access.values()) {
      ZooStore s = ZooStore.open(p, index, access);
      assertThatThrownBy(() -> s.readClasses(0, dst))
          .as("%s", access)
          .hasMessageContaining("checksum mismatch in the class block of model " + firstModel);
      // the second read checks again: a failed block is never marked verified
      assertThatThrownBy(() -> s.readClasses(0, dst)).hasMessageContaining("checksum mismatch");
    }
    assertThatThrownBy(
            () ->
                Aggregation.run(
                    ds,
                    ZooStore.open(p, index),
                    List.of(FactorSelection.MULTI),
                    List.of(ErrorType.CLASS),
                    2,
                    null))
        .isInstanceOf(BadInputException.class);
  }

  @Test
  void aStoreOfAnotherIndexIsRefusedAndNamesTheSeed() {
    ImageIndex index = index(3, 1);
    Path p = good(index);
    ImageIndex other = index(4, 1);
    assertThat(ZooStore.fingerprintOf(other)).isNotEqualTo(ZooStore.fingerprintOf(index));
    assertThatThrownBy(() -> ZooStore.open(p, other))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("built against another image index")
        .hasMessageContaining("--synthetic --seed 99");
    ImageIndex smaller = index(3, 2);
    assertThatThrownBy(() -> Zoos.open(p, smaller)).hasMessageContaining("another image index");
  }

  @Test
  void aFailingWriteLeavesThePreviousStoreAndNoTemporaryFile() throws IOException {
    ImageIndex index = index(3, 1);
    Path p = good(index);
    byte[] before = Files.readAllBytes(p);
    List<ZooStoreWriter.Source> sources = new ArrayList<>(models(6, index.size(), 8));
    RandomSource ok = new RandomSource("zz_failing", index.size(), 1, 0);
    sources.add(
        new ZooStoreWriter.Source() {
          @Override
          public String name() {
            return ok.name();
          }

          @Override
          public String provenance() {
            return "failing";
          }

          @Override
          public long inputBytes() {
            return 0;
          }

          @Override
          public int fill(short[] c, float[] pr) {
            throw new BadInputException("failing.csv", 3, "malformed row");
          }
        });
    assertThatThrownBy(() -> write("good.zoo", index, sources, true))
        .hasMessageContaining("failing.csv:3");
    assertThat(Files.readAllBytes(p)).isEqualTo(before);
    try (var files = Files.list(tmp)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("good.zoo");
    }
  }
}
