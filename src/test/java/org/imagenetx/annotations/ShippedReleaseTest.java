package org.imagenetx.annotations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.imagenetx.testing.PlainRelease;
import org.imagenetx.testing.RealData;
import org.imagenetx.zoo.Zoo;
import org.imagenetx.zoo.Zoos;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The release that ships in {@code data/imagenet-x} and its embedded binary form: the shipped files
 * equal the reference copy, the embedded snapshot was built from exactly these files, and every
 * dataset, text and prediction read from it equals what parsing the files gives.
 */
class ShippedReleaseTest {
  @Test
  void shippedFilesEqualTheReferenceCopy() throws IOException {
    Path reference = RealData.reference();
    Assumptions.assumeTrue(
        reference != null, "no reference copy at ../shared/imagenet-x beside the clone");
    Path shipped = RealData.root();
    List<Path> files = files(reference);
    files.remove(Path.of("README.md"));
    assertThat(files).hasSize(56);
    assertThat(files(shipped)).containsExactlyInAnyOrderElementsOf(files);
    for (Path rel : files) {
      assertThat(Files.mismatch(reference.resolve(rel), shipped.resolve(rel)))
          .as("%s differs from the reference copy", rel)
          .isEqualTo(-1L);
    }
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return new ArrayList<>(
          s.filter(Files::isRegularFile).map(root::relativize).sorted().toList());
    }
  }

  @Test
  void embeddedSnapshotWasBuiltFromTheShippedFiles() throws IOException {
    List<Snapshot.Stamp> stamps = Release.stamps();
    int data = 0;
    for (Snapshot.Stamp s : stamps) {
      if (s.path().endsWith(".class")) {
        continue; // the code that wrote the snapshot
      }
      data++;
      Snapshot.Stamp now = SnapshotCache.stamp(RealData.root().resolve(s.path()));
      assertThat(now.size()).as(s.path()).isEqualTo(s.size());
      assertThat(now.crc32c()).as(s.path()).isEqualTo(s.crc32c());
      assertThat(now.crc32()).as(s.path()).isEqualTo(s.crc32());
    }
    // 9 annotation files and 4 base models
    assertThat(data).isEqualTo(13);
    assertThat(Release.available()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Partition.class)
  void embeddedDatasetsEqualTheParsedFiles(Partition p) {
    Annotations parsed = Annotations.open(RealData.annotations(), null);
    Annotations embedded = Annotations.release();
    assertThat(embedded.has(p)).isTrue();
    for (boolean keep : new boolean[] {false, true}) {
      AnnotationLoader.Options o =
          new AnnotationLoader.Options(
              p,
              EnumSet.allOf(FactorSelection.class),
              keep,
              p == Partition.VAL
                  ? AnnotationLoader.RealLabels.REQUIRED
                  : AnnotationLoader.RealLabels.SKIP);
      Dataset a = parsed.dataset(o);
      Dataset b = embedded.dataset(o);
      assertThat(SnapshotCacheTest.digest(b)).isEqualTo(SnapshotCacheTest.digest(a));
      assertThat(b.index().size()).isEqualTo(p == Partition.VAL ? 50_000 : 11_233);
      for (int c = 0; c < b.index().numClasses(); c++) {
        assertThat(b.index().classFrom(c)).isEqualTo(a.index().classFrom(c));
        assertThat(b.index().classTo(c)).isEqualTo(a.index().classTo(c));
        assertThat(b.classNames().wnid(c)).isEqualTo(a.classNames().wnid(c));
        assertThat(b.classNames().label(c)).isEqualTo(a.classNames().label(c));
      }
      for (int m = 0; m < Metaclasses.COUNT; m++) {
        assertThat(b.index().metaclassFrom(m)).isEqualTo(a.index().metaclassFrom(m));
        assertThat(b.index().metaclassTo(m)).isEqualTo(a.index().metaclassTo(m));
      }
      for (int d = 0; d < b.index().size(); d++) {
        assertThat(b.index().lookup(a.index().fileName(d))).isEqualTo(d);
        assertThat(b.texts().justification(d)).isEqualTo(a.texts().justification(d));
        assertThat(b.texts().oneWord(d)).isEqualTo(a.texts().oneWord(d));
      }
    }
    assertThat(embedded.dataset(AnnotationLoader.Options.defaults()).classNames().label(0))
        .isEqualTo("tench");
  }

  @ParameterizedTest
  @EnumSource(Partition.class)
  void textsRoundTripAsTheAnnotatorsWroteThem(Partition p) throws IOException {
    // a plain reading of the jsonl with another JSON parser, every image, non-ASCII included
    Map<String, String[]> expected = new HashMap<>();
    Path file =
        RealData.annotations().resolve(AnnotationSource.annotationFile(p, FactorSelection.MULTI));
    int nonAscii = 0;
    for (PlainRelease.Annotation a : PlainRelease.annotations(file).values()) {
      String j = a.justification();
      String w = a.oneWord();
      if ((j != null && !StandardCharsets.US_ASCII.newEncoder().canEncode(j))
          || (w != null && !StandardCharsets.US_ASCII.newEncoder().canEncode(w))) {
        nonAscii++;
      }
      expected.put(a.fileName(), new String[] {j, w});
    }
    assertThat(nonAscii).isEqualTo(p == Partition.VAL ? 16 : 8);
    Dataset ds =
        Release.load(
            new AnnotationLoader.Options(
                p, EnumSet.of(FactorSelection.TOP), true, AnnotationLoader.RealLabels.SKIP));
    ImageTexts texts = ds.texts();
    int annotated = 0;
    for (int d = 0; d < ds.index().size(); d++) {
      String[] e = expected.get(ds.index().fileName(d));
      if (e == null) {
        assertThat(texts.justification(d)).isNull();
        assertThat(texts.oneWord(d)).isNull();
        continue;
      }
      annotated++;
      assertThat(texts.justification(d)).isEqualTo(e[0]);
      assertThat(texts.oneWord(d)).isEqualTo(e[1]);
    }
    assertThat(annotated).isEqualTo(expected.size());
  }

  @Test
  void embeddedBaseModelsEqualTheShippedCsvs() {
    Dataset ds = RealData.val();
    try (Zoo embedded = Zoos.base(ds.index());
        Zoo csv = Zoos.open(RealData.baseZoo(), ds.index())) {
      assertThat(embedded.models()).containsExactly("DINO", "ResNet50", "SimCLR", "ViT");
      assertThat(embedded.models()).isEqualTo(csv.models());
      assertThat(embedded.name()).isEqualTo("base");
      int n = ds.index().size();
      for (int m = 0; m < embedded.size(); m++) {
        short[] a = new short[n];
        short[] b = new short[n];
        assertThat(embedded.readClasses(m, a)).isEqualTo(csv.readClasses(m, b)).isZero();
        assertThat(a).isEqualTo(b);
        float[] pa = new float[n];
        float[] pb = new float[n];
        embedded.readProbabilities(m, pa);
        csv.readProbabilities(m, pb);
        assertThat(pa).isEqualTo(pb);
      }
    }
  }
}
