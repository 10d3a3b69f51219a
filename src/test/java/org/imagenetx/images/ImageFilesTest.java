package org.imagenetx.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.imagenetx.io.BadInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --imagenet}: only validation file names, only files inside the directory, whatever the
 * spelling or the links.
 */
class ImageFilesTest {
  static final String NAME = "ILSVRC2012_val_00000293.JPEG";
  static final String WNID = "n01440764";

  @TempDir Path tmp;
  Path images;
  Path outside;
  ImageFiles files;

  @BeforeEach
  void tree() throws IOException {
    images = Files.createDirectories(tmp.resolve("val"));
    outside = Files.createDirectories(tmp.resolve("private"));
    Files.writeString(images.resolve(NAME), "jpeg");
    Files.createDirectories(images.resolve(WNID));
    Files.writeString(images.resolve(WNID).resolve("ILSVRC2012_val_00002138.JPEG"), "jpeg");
    Files.writeString(outside.resolve("ILSVRC2012_val_00000001.JPEG"), "secret");
    Files.writeString(outside.resolve("passwd"), "secret");
    files = ImageFiles.of(images);
  }

  @Test
  void servesFlatAndByClassLayouts() throws IOException {
    assertThat(files.resolve(NAME, null)).contains(images.resolve(NAME).toRealPath());
    assertThat(files.resolve("ILSVRC2012_val_00002138.JPEG", WNID))
        .contains(images.resolve(WNID).resolve("ILSVRC2012_val_00002138.JPEG").toRealPath());
    assertThat(files.resolve("ILSVRC2012_val_00002138.JPEG", null)).isEmpty();
    assertThat(files.resolve("ILSVRC2012_val_00000007.JPEG", WNID)).isEmpty(); // missing
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../private/passwd",
        "..",
        "../private/ILSVRC2012_val_00000001.JPEG",
        "..%2Fprivate%2FILSVRC2012_val_00000001.JPEG",
        "%2e%2e/private/ILSVRC2012_val_00000001.JPEG",
        "..\\private\\ILSVRC2012_val_00000001.JPEG",
        "/etc/passwd",
        "n01440764/ILSVRC2012_val_00002138.JPEG",
        "ILSVRC2012_val_00000293.JPEG/",
        "ILSVRC2012_val_00000293.JPEG/..",
        "ILSVRC2012_val_00000293.jpeg",
        "ILSVRC2012_val_0000293.JPEG",
        "ILSVRC2012_val_000000293.JPEG",
        "ILSVRC2012_val_00000000.JPEG",
        "ILSVRC2012_val_0000029３.JPEG",
        "ILSVRC2012_val_00000293.JPEG\u0000",
        "ILSVRC2012_val_00000293.JPEG%00",
        " ILSVRC2012_val_00000293.JPEG",
        "",
      })
  void refusesEveryNameThatIsNotAValidationName(String name) {
    assertThat(ImageFiles.isValidationName(name)).isFalse();
    assertThat(files.resolve(name, WNID)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "../private", "n0144076", "n014407640", "N01440764", "/tmp"})
  void classFoldersMustBeWordNetIds(String wnid) throws IOException {
    Files.writeString(outside.resolve("ILSVRC2012_val_00000009.JPEG"), "secret");
    assertThat(files.resolve("ILSVRC2012_val_00000009.JPEG", wnid)).isEmpty();
  }

  @Test
  void refusesLinksOutOfTheTree() throws IOException {
    Path link = images.resolve("ILSVRC2012_val_00000001.JPEG");
    Files.createSymbolicLink(link, outside.resolve("ILSVRC2012_val_00000001.JPEG"));
    assertThat(files.resolve("ILSVRC2012_val_00000001.JPEG", null)).isEmpty();
    // a class folder that is a link out of the tree
    Files.createSymbolicLink(images.resolve("n09999999"), outside);
    assertThat(files.resolve("ILSVRC2012_val_00000001.JPEG", "n09999999")).isEmpty();
    // a dangling link
    Files.createSymbolicLink(images.resolve("ILSVRC2012_val_00000005.JPEG"), tmp.resolve("gone"));
    assertThat(files.resolve("ILSVRC2012_val_00000005.JPEG", null)).isEmpty();
    // a directory with an image's name
    Files.createDirectories(images.resolve("ILSVRC2012_val_00000006.JPEG"));
    assertThat(files.resolve("ILSVRC2012_val_00000006.JPEG", null)).isEmpty();
  }

  @Test
  void followsLinksThatStayInside() throws IOException {
    Path link = images.resolve("ILSVRC2012_val_00000002.JPEG");
    Files.createSymbolicLink(link, images.resolve(NAME));
    assertThat(files.resolve("ILSVRC2012_val_00000002.JPEG", null))
        .contains(images.resolve(NAME).toRealPath());
  }

  @Test
  void theDirectoryItselfMayBeALink() throws IOException {
    Path alias = Files.createSymbolicLink(tmp.resolve("alias"), images);
    ImageFiles viaLink = ImageFiles.of(alias);
    assertThat(viaLink.root()).isEqualTo(images.toRealPath());
    assertThat(viaLink.resolve(NAME, null)).contains(images.resolve(NAME).toRealPath());
  }

  @Test
  void refusesAMissingDirectory() {
    assertThatThrownBy(() -> ImageFiles.of(tmp.resolve("nope")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("not a directory");
    assertThatThrownBy(() -> ImageFiles.of(outside.resolve("passwd")))
        .isInstanceOf(BadInputException.class);
  }
}
