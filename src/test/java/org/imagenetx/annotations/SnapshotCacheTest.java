package org.imagenetx.annotations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.imagenetx.io.BadInputException;
import org.imagenetx.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snapshot cache of user-given annotations: a fresh entry is used, a stale, corrupt, truncated
 * or other-version entry is rebuilt (never used), a read-only cache is not an error, and the
 * datasets are the same either way.
 */
class SnapshotCacheTest {
  @TempDir Path tmp;
  Path ann;
  Path cache;

  static final AnnotationLoader.Options VAL =
      new AnnotationLoader.Options(
          Partition.VAL,
          EnumSet.allOf(FactorSelection.class),
          false,
          AnnotationLoader.RealLabels.REQUIRED);

  @BeforeEach
  void fixture() {
    ann = Fixtures.tiny(tmp.resolve("fx")).resolve("annotations");
    cache = tmp.resolve("cache");
  }

  private Snapshot load() {
    try (AnnotationSource source = AnnotationSource.open(ann)) {
      return SnapshotCache.load(source, cache);
    }
  }

  private Path entry() {
    try (AnnotationSource source = AnnotationSource.open(ann)) {
      return SnapshotCache.entry(cache, source);
    }
  }

  private static Dataset dataset(Snapshot s) {
    return SnapshotDatasets.dataset(null, s, VAL, "test");
  }

  private Dataset viaAnnotations() {
    return Annotations.open(ann, cache).dataset(VAL);
  }

  /** A fingerprint of everything a dataset holds, to compare two loads. */
  static String digest(Dataset d) {
    StringBuilder sb = new StringBuilder();
    ImageIndex index = d.index();
    for (int i = 0; i < index.size(); i++) {
      sb.append(index.fileName(i)).append(index.label(i)).append(';');
    }
    for (FactorSelection s : d.selections()) {
      FactorSet f = d.factors(s);
      sb.append(s).append(f.evaluated());
      for (Factor x : Factor.values()) {
        sb.append(f.factor(x));
      }
    }
    if (d.hasReal()) {
      sb.append(java.util.Arrays.toString(d.realOffsets()));
      sb.append(java.util.Arrays.toString(d.realLabels()));
    }
    sb.append(d.numPrototypesRemoved());
    return sb.toString();
  }

  @Test
  void firstLoadBuildsAndStoresSecondReadsTheEntry() {
    Snapshot first = load();
    assertThat(first.stored()).isFalse();
    assertThat(entry()).isRegularFile();
    Snapshot second = load();
    assertThat(second.stored()).isTrue();
    assertThat(digest(dataset(second))).isEqualTo(digest(dataset(first)));
    // and equal to a load with no cache at all
    try (AnnotationSource source = AnnotationSource.open(ann)) {
      assertThat(digest(dataset(SnapshotCache.load(source, null))))
          .isEqualTo(digest(dataset(first)));
    }
  }

  @Test
  void changedSourceIsRebuiltNotUsed() throws IOException {
    Dataset before = dataset(load());
    // one more prototype, an annotated image: one more image is removed
    String annotated =
        Files.readAllLines(ann.resolve("imagenet_x_val_top_factor.jsonl"))
            .get(0)
            .replaceFirst("^\\{\"file_name\": ?\"([^\"]+)\".*$", "$1");
    assertThat(annotated).startsWith("ILSVRC2012_val_").endsWith(".JPEG");
    Path protos = ann.resolve(AnnotationSource.PROTOTYPES);
    Files.writeString(protos, Files.readString(protos) + annotated + "\n");
    Snapshot after = load();
    assertThat(after.stored()).as("a stale entry is never used").isFalse();
    assertThat(dataset(after).numPrototypesRemoved()).isEqualTo(before.numPrototypesRemoved() + 1);
    assertThat(load().stored()).isTrue();
  }

  @Test
  void sameContentWithNewTimeKeepsTheEntry() throws IOException {
    Dataset before = dataset(load());
    Path protos = ann.resolve(AnnotationSource.PROTOTYPES);
    Files.setLastModifiedTime(protos, FileTime.fromMillis(1_000_000_000_000L));
    Snapshot touched = load();
    assertThat(digest(dataset(touched))).isEqualTo(digest(before));
    // the entry now carries the new time: read as is
    assertThat(load().stored()).isTrue();
  }

  @Test
  void sameSizeAndTimeButOtherContentIsTheDocumentedLimit() throws IOException {
    // The entry is trusted while size and time match; a same-size rewrite that also restores the
    // time is the one change it cannot see. This pins the documented behaviour.
    load();
    Path protos = ann.resolve(AnnotationSource.PROTOTYPES);
    FileTime time = Files.getLastModifiedTime(protos);
    byte[] b = Files.readAllBytes(protos);
    b[b.length - 2] = (byte) (b[b.length - 2] == '1' ? '2' : '1');
    Files.write(protos, b);
    Files.setLastModifiedTime(protos, time);
    assertThat(load().stored()).isTrue();
  }

  @Test
  void corruptTruncatedOrOtherVersionEntriesAreRebuilt() throws IOException {
    Dataset fresh = viaAnnotations();
    String expected = digest(fresh);
    Path entry = entry();
    byte[] good = Files.readAllBytes(entry);
    // a flipped byte in the last section (the texts, read lazily): found when first read
    byte[] flipped = good.clone();
    flipped[flipped.length - 3] ^= 0x5a;
    // a flipped byte in a section every load reads (the class table follows the header)
    byte[] early = good.clone();
    early[early.length / 3] ^= 0x5a;
    byte[] header = good.clone();
    header[20] ^= 0x01;
    byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
    byte[] version = good.clone();
    ByteBuffer.wrap(version, 8, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(Snapshot.VERSION + 1);
    byte[] magic = good.clone();
    magic[0] = 'X';
    for (byte[] bad : List.of(flipped, early, header, truncated, version, magic)) {
      Files.write(entry, bad);
      Dataset d = viaAnnotations();
      assertThat(digest(d)).isEqualTo(expected);
      for (int i = 0; i < d.index().size(); i++) {
        assertThat(d.texts().justification(i)).isEqualTo(fresh.texts().justification(i));
        assertThat(d.texts().oneWord(i)).isEqualTo(fresh.texts().oneWord(i));
      }
      assertThat(load().stored()).as("the damaged entry was replaced").isTrue();
    }
  }

  @Test
  void checksumMismatchIsDetectedBeforeAnyValueIsUsed() throws IOException {
    load();
    Path entry = entry();
    byte[] b = Files.readAllBytes(entry);
    b[b.length - 3] ^= 0x5a;
    Files.write(entry, b);
    Snapshot s = Snapshot.open(SnapshotCache.fileSource(entry));
    assertThatThrownBy(() -> s.prefetch(EnumSet.allOf(SnapshotSection.class)))
        .isInstanceOf(SnapshotCodec.Corrupt.class)
        .hasMessageContaining("checksum mismatch");
    b[20] ^= 0x01;
    Files.write(entry, b);
    assertThatThrownBy(() -> Snapshot.open(SnapshotCache.fileSource(entry)))
        .isInstanceOf(SnapshotCodec.Corrupt.class)
        .hasMessageContaining("header checksum");
  }

  @Test
  void readOnlyCacheDirectoryIsNotAnError() throws IOException {
    // root writes into read-only directories: the permission case needs another user; the case
    // of a cache below a regular file (cacheThatIsAFileIsNotAnError) holds for every user
    org.junit.jupiter.api.Assumptions.assumeFalse(
        "root".equals(System.getProperty("user.name")), "permissions do not bind root");
    Files.createDirectories(cache);
    Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      Snapshot s = load();
      assertThat(s.stored()).isFalse();
      assertThat(dataset(s).index().size()).isEqualTo(2000);
      try (var files = Files.list(cache)) {
        assertThat(files).isEmpty();
      }
    } finally {
      Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void cacheThatIsAFileIsNotAnError() throws IOException {
    Files.writeString(tmp.resolve("file"), "not a directory");
    cache = tmp.resolve("file").resolve("cache");
    Snapshot s = load();
    assertThat(s.stored()).isFalse();
    assertThat(dataset(s).index().size()).isEqualTo(2000);
    assertThat(viaAnnotations().index().size()).isEqualTo(2000);
  }

  @Test
  void brokenFileTheCommandDoesNotNeedIsNotReportedAndNotCached() throws IOException {
    Files.writeString(ann.resolve(AnnotationSource.REAL_LABELS), "[[1, 2], [3,");
    Snapshot s = load();
    assertThat(s.failures()).containsKey(SnapshotSection.VAL_REAL);
    assertThat(entry()).doesNotExist();
    AnnotationLoader.Options noReal =
        new AnnotationLoader.Options(
            Partition.VAL,
            EnumSet.of(FactorSelection.TOP),
            false,
            AnnotationLoader.RealLabels.SKIP);
    assertThat(SnapshotDatasets.dataset(null, s, noReal, "t").hasReal()).isFalse();
    assertThatThrownBy(() -> SnapshotDatasets.dataset(null, s, VAL, "t"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("imagenet_real_labels.jsonl:1: malformed JSON");
  }

  @Test
  void zipEntriesAreCheckedAgainstTheirCrc() throws IOException {
    // a stored (uncompressed) wheel: ZipFile checks nothing for stored entries by itself
    Path wheel = tmp.resolve("imagenet_x-0.0.7-py3-none-any.whl");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(wheel));
        var files = Files.list(ann)) {
      zip.setMethod(ZipOutputStream.STORED);
      for (Path f : files.sorted().toList()) {
        byte[] b = Files.readAllBytes(f);
        ZipEntry e = new ZipEntry("imagenet_x/annotations/" + f.getFileName());
        CRC32 crc = new CRC32();
        crc.update(b);
        e.setSize(b.length);
        e.setCompressedSize(b.length);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(b);
        zip.closeEntry();
      }
    }
    Dataset good = Annotations.open(wheel, null).dataset(VAL);
    assertThat(good.index().size()).isEqualTo(2000);
    // flip "pose":0 -> 1 inside the stored multi-factor entry, checksums of the zip untouched
    byte[] b = Files.readAllBytes(wheel);
    String s = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
    int at = s.indexOf("\"pose\":0", s.indexOf("imagenet_x_val_multi_factor.jsonl") + 40);
    b[at + 7] = '1';
    Path bad = tmp.resolve("imagenet_x-0.0.7-bad.whl");
    try (OutputStream out = Files.newOutputStream(bad)) {
      out.write(b);
    }
    assertThatThrownBy(() -> Annotations.open(bad, null).dataset(VAL))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("imagenet_x_val_multi_factor.jsonl")
        .hasMessageContaining("corrupt archive entry");
  }
}
