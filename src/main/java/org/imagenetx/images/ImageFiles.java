package org.imagenetx.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import org.imagenetx.annotations.ImageIndex;
import org.imagenetx.io.BadInputException;

/**
 * A user's copy of the ImageNet validation images ({@code --imagenet <dir>}), and the only way the
 * tool turns a file name into a path under it. A name is served only when it is exactly an ImageNet
 * validation file name, {@code ILSVRC2012_val_%08d.JPEG} with a number from 1: no separators, no
 * dots beyond the extension, no percent-encoding or other spelling can get through, since the name
 * is compared with the one rebuilt from its number. The file is looked for in the two layouts
 * copies come in, flat ({@code <dir>/<name>}) and by class ({@code <dir>/<wnid>/<name>}, with a
 * WordNet id {@code n%08d}), and is served only when its real path (symbolic links resolved) is a
 * regular file inside the real path of the directory: a link that leaves the tree is refused.
 *
 * <p>Immutable and thread-safe; nothing is read until {@link #resolve} asks.
 */
public final class ImageFiles {
  private final Path root;

  private ImageFiles(Path root) {
    this.root = root;
  }

  /**
   * @param dir the directory of validation JPEGs
   * @return the images under it
   * @throws BadInputException when it is not a readable directory
   */
  public static ImageFiles of(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new BadInputException(
          dir.toString(), 0, "not a directory (expected the ImageNet validation JPEGs)");
    }
    try {
      return new ImageFiles(dir.toRealPath());
    } catch (IOException e) {
      throw new BadInputException(dir.toString(), 0, "cannot open: " + e.getMessage());
    }
  }

  /**
   * @return the directory, as a real path
   */
  public Path root() {
    return root;
  }

  /**
   * @param name a file name
   * @return true when it is exactly {@code ILSVRC2012_val_%08d.JPEG} with a number from 1
   */
  public static boolean isValidationName(String name) {
    if (name == null) {
      return false;
    }
    int number = ImageIndex.valNumber(name);
    return number > 0 && ImageIndex.valFileName(number).equals(name);
  }

  /**
   * @param wnid a WordNet id, or null
   * @return true when it is {@code n} followed by eight digits
   */
  public static boolean isWnid(String wnid) {
    if (wnid == null || wnid.length() != 9 || wnid.charAt(0) != 'n') {
      return false;
    }
    for (int i = 1; i < 9; i++) {
      if (wnid.charAt(i) < '0' || wnid.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * @param name the requested file name
   * @param wnid the image's WordNet id for the by-class layout, or null
   * @return the image's real path, or empty when the name is not a validation name, the file does
   *     not exist in either layout, or it resolves outside the directory
   */
  public Optional<Path> resolve(String name, String wnid) {
    if (!isValidationName(name)) {
      return Optional.empty();
    }
    Optional<Path> flat = inside(root.resolve(name));
    if (flat.isPresent() || !isWnid(wnid)) {
      return flat;
    }
    return inside(root.resolve(wnid).resolve(name));
  }

  private Optional<Path> inside(Path candidate) {
    if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      Path real = candidate.toRealPath();
      if (real.startsWith(root) && Files.isRegularFile(real)) {
        return Optional.of(real);
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // a dangling link, or no permission: nothing to serve
    }
  }
}
