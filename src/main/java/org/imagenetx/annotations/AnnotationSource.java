package org.imagenetx.annotations;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.imagenetx.io.BadInputException;

/**
 * Where the upstream annotation files are: a folder (like the upstream repository's {@code
 * annotations/}), a zip or wheel holding {@code imagenet_x/annotations/} (the PyPI package {@code
 * imagenet-x}), or one annotation jsonl file whose siblings hold the rest.
 */
public abstract class AnnotationSource implements AutoCloseable {
  /** Upstream file names. */
  public static final String FILENAME_LABEL = "filename_label.csv";

  /** Class→metaclass table. */
  public static final String METACLASSES = "imagenet_1k_classes_to_100_metaclasses.csv";

  /** ReaL label sets of the validation images. */
  public static final String REAL_LABELS = "imagenet_real_labels.jsonl";

  /** WordNet id and human label per class, no header. */
  public static final String HUMAN_LABELS = "imagenet_labels.txt";

  /** Prototype images shown to the annotators. */
  public static final String PROTOTYPES = "prototypical_paths.csv";

  /** How to obtain the annotations, for messages. */
  public static final String HOW_TO_GET =
      "get the ImageNet-X annotations from the upstream repository github.com/facebookresearch/imagenetx"
          + " (folder imagenet_x/annotations) or its PyPI package (pip download imagenet-x==0.0.7"
          + " --no-deps: the wheel is a zip that --annotations reads directly), then pass"
          + " --annotations <folder|zip> or put them in data/imagenet-x/annotations (see data/README.md)";

  /**
   * @param partition val or train
   * @param selection multi or top
   * @return the upstream file name, e.g. {@code imagenet_x_val_top_factor.jsonl}
   */
  public static String annotationFile(Partition partition, FactorSelection selection) {
    return "imagenet_x_" + partition.key() + "_" + selection.directory() + ".jsonl";
  }

  /**
   * @param name an upstream file name
   * @return true when the source has it
   */
  public abstract boolean has(String name);

  /**
   * @param name an upstream file name
   * @return its bytes
   */
  public abstract InputStream open(String name);

  /**
   * @param name an upstream file name
   * @return how to name it in messages ({@code archive!entry} inside a zip)
   */
  public abstract String describe(String name);

  /**
   * @param selection multi or top
   * @return false when the source is a single file of the other selection
   */
  public boolean offers(FactorSelection selection) {
    return true;
  }

  /**
   * @return a description of the whole source
   */
  public abstract String description();

  /**
   * @return the files on disk the source reads (a folder's annotation files, or the archive): a
   *     cached snapshot of the source is fresh while these are unchanged
   */
  public abstract java.util.List<Path> files();

  /**
   * @return what identifies the source for a cache: its absolute path, and the selection when it is
   *     a single annotation file
   */
  public abstract String cacheKey();

  @Override
  public void close() {}

  /**
   * Opens a folder, a zip/wheel, or a single annotation file.
   *
   * @param path the user's path
   * @return the source
   * @throws BadInputException when the path does not exist or is not one of the three forms
   */
  public static AnnotationSource open(Path path) {
    if (Files.isDirectory(path)) {
      Path nested = path.resolve("imagenet_x").resolve("annotations");
      return new Folder(Files.isDirectory(nested) ? nested : path, null);
    }
    if (!Files.isRegularFile(path)) {
      throw new BadInputException(path.toString(), 0, "no such file or folder; " + HOW_TO_GET);
    }
    String lower = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (lower.endsWith(".zip") || lower.endsWith(".whl")) {
      return new Zip(path);
    }
    if (lower.endsWith(".jsonl")) {
      FactorSelection only = null;
      for (FactorSelection s : FactorSelection.values()) {
        if (lower.endsWith("_" + s.directory() + ".jsonl")) {
          only = s;
        }
      }
      if (only == null) {
        throw new BadInputException(
            path.toString(),
            0,
            "not an ImageNet-X annotation file (expected *_{multi,top}_factor.jsonl)");
      }
      Path dir = path.toAbsolutePath().getParent();
      return new Folder(dir, only);
    }
    throw new BadInputException(
        path.toString(), 0, "expected an annotation folder, a .zip/.whl, or a *_factor.jsonl file");
  }

  static final class Folder extends AnnotationSource {
    private final Path dir;
    private final FactorSelection only;

    Folder(Path dir, FactorSelection only) {
      this.dir = dir;
      this.only = only;
    }

    @Override
    public boolean has(String name) {
      return Files.isRegularFile(dir.resolve(name));
    }

    @Override
    public InputStream open(String name) {
      try {
        return new BufferedInputStream(Files.newInputStream(dir.resolve(name)), 1 << 16);
      } catch (IOException e) {
        throw new BadInputException(describe(name), 0, "cannot read: " + e.getMessage());
      }
    }

    @Override
    public String describe(String name) {
      return dir.resolve(name).toString();
    }

    @Override
    public boolean offers(FactorSelection selection) {
      return only == null || only == selection;
    }

    @Override
    public String description() {
      return dir.toString();
    }

    @Override
    public java.util.List<Path> files() {
      java.util.List<Path> out = new java.util.ArrayList<>();
      for (String name : SnapshotBuilder.NAMES) {
        if (has(name)) {
          out.add(dir.resolve(name));
        }
      }
      return out;
    }

    @Override
    public String cacheKey() {
      return "folder:" + dir.toAbsolutePath().normalize() + (only == null ? "" : "#" + only.key());
    }
  }

  static final class Zip extends AnnotationSource {
    private final Path path;
    private final ZipFile zip;
    private final String prefix;

    Zip(Path path) {
      this.path = path;
      try {
        this.zip = new ZipFile(path.toFile());
      } catch (IOException e) {
        throw new BadInputException(path.toString(), 0, "not a readable zip: " + e.getMessage());
      }
      String found = null;
      try {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
          String n = entries.nextElement().getName();
          int at = n.indexOf("imagenet_x/annotations/");
          if (at >= 0) {
            found = n.substring(0, at + "imagenet_x/annotations/".length());
            break;
          }
        }
      } catch (IllegalArgumentException e) {
        // ZipFile decodes names and comments as it lists them, and throws on bytes that are not
        // UTF-8 (found by fuzzing)
        close();
        throw malformed(path.toString());
      }
      if (found == null) {
        close();
        throw new BadInputException(
            path.toString(), 0, "zip holds no imagenet_x/annotations/ folder; " + HOW_TO_GET);
      }
      this.prefix = found;
    }

    private static BadInputException malformed(String where) {
      return new BadInputException(
          where, 0, "not a readable zip: an entry name or comment is not valid UTF-8");
    }

    private ZipEntry entry(String name) {
      try {
        return zip.getEntry(prefix + name);
      } catch (IllegalArgumentException e) {
        throw malformed(describe(name));
      }
    }

    @Override
    public boolean has(String name) {
      return entry(name) != null;
    }

    @Override
    public InputStream open(String name) {
      ZipEntry e = entry(name);
      if (e == null) {
        throw new BadInputException(describe(name), 0, "missing from the archive");
      }
      // Read whole and checked against the CRC-32 of the zip directory before any byte is
      // parsed: ZipFile checks nothing for stored entries, so a flipped byte would be read as data.
      try (InputStream in = zip.getInputStream(e)) {
        byte[] bytes = in.readAllBytes();
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes);
        if (e.getCrc() >= 0 && crc.getValue() != e.getCrc()) {
          throw new BadInputException(
              describe(name),
              0,
              "corrupt archive entry: its CRC-32 does not match the zip directory");
        }
        return new java.io.ByteArrayInputStream(bytes);
      } catch (IOException ex) {
        throw new BadInputException(describe(name), 0, "cannot read: " + ex.getMessage());
      }
    }

    @Override
    public java.util.List<Path> files() {
      return java.util.List.of(path);
    }

    @Override
    public String cacheKey() {
      return "zip:" + path.toAbsolutePath().normalize();
    }

    @Override
    public String describe(String name) {
      return path + "!" + prefix + name;
    }

    @Override
    public String description() {
      return path + "!" + prefix;
    }

    @Override
    public void close() {
      try {
        zip.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
