package org.imagenetx.annotations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.imagenetx.io.BadInputException;
import org.imagenetx.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 6: flipping {@code "pose":0} to {@code "pose":1} inside a stored (uncompressed)
 * zip entry changed a model's pose error ratio and exited 0. The entry's CRC-32 no longer matches
 * the zip directory: the loader must refuse the archive with one line naming the entry.
 */
class CorruptZipTest {
  @TempDir Path tmp;

  /** Zips the annotations uncompressed, so their bytes appear as-is in the archive. */
  private static Path storedZip(Path annotations, Path zip) throws IOException {
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
        var files = Files.list(annotations)) {
      for (Path f : (Iterable<Path>) files.sorted()::iterator) {
        byte[] bytes = Files.readAllBytes(f);
        ZipEntry e = new ZipEntry("imagenet_x/annotations/" + f.getFileName());
        e.setMethod(ZipEntry.STORED);
        e.setSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        e.setCrc(crc.getValue());
        out.putNextEntry(e);
        out.write(bytes);
        out.closeEntry();
      }
    }
    return zip;
  }

  /** Found by fuzzing: ZipFile threw IllegalArgumentException on a name that is not UTF-8. */
  @Test
  void anEntryNameThatIsNotUtf8IsOneLine() {
    Path zip = Path.of("src/test/resources/fuzz/zip/malformed-name.zip");
    assertThatThrownBy(() -> ParserAccess.zipAnnotations(zip))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("not a readable zip: an entry name or comment is not valid UTF-8");
  }

  @Test
  void flippedBytesInAStoredEntryAreRefused() throws IOException {
    Path ann = Fixtures.tiny(tmp.resolve("fx")).resolve("annotations");
    Path zip = storedZip(ann, tmp.resolve("ann.zip"));
    Dataset clean = AnnotationLoader.load(zip, AnnotationLoader.Options.defaults());
    assertThat(clean.index().size()).isEqualTo(2000);

    String text = new String(Files.readAllBytes(zip), StandardCharsets.ISO_8859_1);
    String flipped = text.replace("\"pose\":0", "\"pose\":1");
    int flips = (text.length() - text.replace("\"pose\":0", "").length()) / 8;
    assertThat(flips).isGreaterThan(1000);
    Files.write(zip, flipped.getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> AnnotationLoader.load(zip, AnnotationLoader.Options.defaults()))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("ann.zip!imagenet_x/annotations/")
        .hasMessageContaining("CRC-32 does not match");
  }
}
