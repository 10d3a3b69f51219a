package org.imagenetx.annotations;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.imagenetx.io.BadInputException;

/**
 * The ImageNet-X release that ships inside imagenetx (CC BY-NC 4.0, "ImageNet-X, Idrissi et al.
 * 2022, arXiv:2211.01866"): the annotations as a snapshot built from {@code data/imagenet-x} at
 * build time, the predictions of the four base models (DINO, ResNet50, SimCLR, ViT), the study's
 * aggregated tables and {@code model_types.csv}. Every command uses it when no {@code
 * --annotations} is given, from any working directory.
 *
 * <pre>{@code
 * Dataset val = Release.load(AnnotationLoader.Options.defaults());
 * }</pre>
 */
public final class Release {
  /** Where the release lives among the classes. */
  static final String ROOT = "/org/imagenetx/release/";

  /** The annotation snapshot resource. */
  static final String SNAPSHOT = ROOT + "imagenet-x.ixs";

  /** How datasets of the release name their source. */
  public static final String DESCRIPTION = "ImageNet-X release (embedded)";

  private static volatile Snapshot snapshot;

  private Release() {}

  /**
   * The predictions of the release's base models, over the release's validation index.
   *
   * @param names model names, sorted
   * @param packedClasses per model, predicted class ids in index order packed four to a {@code
   *     long} as {@code bits.Lanes} lays them out (-1 where missing); shared, not to be modified
   * @param probabilities per model, predicted probability in index order (NaN where missing);
   *     shared, not to be modified
   * @param numMissing per model, images without a prediction
   * @param index the index the arrays follow (the release's validation index)
   */
  public record BaseModels(
      List<String> names,
      long[][] packedClasses,
      float[][] probabilities,
      int[] numMissing,
      ImageIndex index) {}

  /**
   * @return true when this build carries the release (every packaged build does)
   */
  public static boolean available() {
    return Release.class.getResource(SNAPSHOT) != null;
  }

  /**
   * @param options what to load
   * @return the dataset of the embedded release
   * @throws BadInputException when the embedded snapshot is missing or damaged
   */
  public static Dataset load(AnnotationLoader.Options options) {
    return Annotations.release().dataset(options);
  }

  /**
   * @return the base models' predictions over the release's validation index (decoded once)
   */
  public static BaseModels baseModels() {
    try {
      return snapshot().decoded(SnapshotSection.BASE_MODELS, Release::decodeBaseModels);
    } catch (SnapshotCodec.Corrupt e) {
      throw corrupt(e);
    }
  }

  private static BaseModels decodeBaseModels(Snapshot s) {
    ImageIndex index =
        s.decoded(
            SnapshotSection.VAL_INDEX,
            x ->
                SnapshotDatasets.index(
                    x,
                    SnapshotSection.VAL_INDEX,
                    x.decoded(SnapshotSection.CLASSES, SnapshotDatasets::metaclasses)));
    SnapshotCodec.In in = s.section(SnapshotSection.BASE_MODELS);
    int numModels = in.getInt();
    List<String> names = new ArrayList<>(numModels);
    long[][] classes = new long[numModels][];
    float[][] probabilities = new float[numModels][];
    int[] missing = new int[numModels];
    for (int m = 0; m < numModels; m++) {
      names.add(in.getString());
      missing[m] = in.getInt();
      classes[m] = in.getLongs();
      probabilities[m] = in.getFloats();
      if (probabilities[m].length != index.size()) {
        throw new SnapshotCodec.Corrupt("base model over another index");
      }
    }
    in.end();
    return new BaseModels(List.copyOf(names), classes, probabilities, missing, index);
  }

  /**
   * The release's files beside the annotations, as a folder: {@code results/val/...} (the
   * aggregated tables of the study's zoos) and {@code model_types.csv}. Inside a jar this is a
   * read-only zip file system.
   *
   * @return the folder
   */
  public static Path root() {
    URL url = Release.class.getResource(ROOT + "model_types.csv");
    if (url == null) {
      throw new BadInputException(
          "imagenetx", 0, "this build carries no ImageNet-X release (build it with mvn package)");
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        return fs.getPath(ROOT);
      }
      return Path.of(uri).getParent();
    } catch (URISyntaxException | IOException e) {
      throw new BadInputException(url.toString(), 0, "cannot open the embedded release: " + e);
    }
  }

  /**
   * @return the embedded snapshot (its header; sections are read when needed)
   */
  static Snapshot snapshot() {
    Snapshot s = snapshot;
    if (s == null) {
      synchronized (Release.class) {
        s = snapshot;
        if (s == null) {
          if (!available()) {
            throw new BadInputException(
                "imagenetx",
                0,
                "this build carries no ImageNet-X release (build it with mvn package, or pass"
                    + " --annotations)");
          }
          try {
            s = Snapshot.open(resource());
          } catch (SnapshotCodec.Corrupt e) {
            throw corrupt(e);
          } catch (IOException e) {
            throw new BadInputException(SNAPSHOT, 0, "cannot read: " + e.getMessage());
          }
          snapshot = s;
        }
      }
    }
    return s;
  }

  private static Snapshot.Source resource() {
    return new Snapshot.Source() {
      @Override
      public InputStream open() throws IOException {
        InputStream in = Release.class.getResourceAsStream(SNAPSHOT);
        if (in == null) {
          throw new IOException("resource " + SNAPSHOT + " not found");
        }
        return new BufferedInputStream(in, 1 << 16);
      }

      @Override
      public String describe() {
        return "imagenetx!" + SNAPSHOT;
      }
    };
  }

  static BadInputException corrupt(RuntimeException e) {
    return new BadInputException(
        "imagenetx!" + SNAPSHOT,
        0,
        "the embedded release snapshot is damaged (" + e.getMessage() + "); reinstall imagenetx");
  }

  /**
   * Writes the release snapshot: the build step behind {@link #load}. Skips the work when {@code
   * out} already holds a snapshot of this version built from files of the same sizes and checksums.
   *
   * @param root the release folder ({@code annotations/} inside; file names in messages and stamps
   *     are relative to it, so the output does not depend on where the build runs)
   * @param baseFiles further files the snapshot depends on (the base models' predictions, the code
   *     that writes it), listed in the stamps
   * @param base reads the base models' predictions against the validation index
   * @param out the snapshot file to write
   * @return true when written, false when it was already up to date
   * @throws IOException on a write failure
   */
  public static boolean write(
      Path root,
      List<Path> baseFiles,
      java.util.function.Function<ImageIndex, BaseModels> base,
      Path out)
      throws IOException {
    Path annotations = root.resolve("annotations");
    try (AnnotationSource source = AnnotationSource.open(annotations)) {
      List<Path> files = new ArrayList<>(source.files());
      files.addAll(baseFiles);
      List<Snapshot.Stamp> stamps = new ArrayList<>();
      for (Path p : files) {
        Snapshot.Stamp s = SnapshotCache.stamp(p);
        String rel = root.toAbsolutePath().normalize().relativize(Path.of(s.path())).toString();
        stamps.add(new Snapshot.Stamp(rel.replace('\\', '/'), s.size(), 0, s.crc32c(), s.crc32()));
      }
      if (upToDate(out, stamps)) {
        return false;
      }
      Snapshot snap =
          SnapshotBuilder.build(
              source, stamps, Map.of(), name -> "imagenet-x/annotations/" + name, "imagenet-x");
      if (!snap.failures().isEmpty()) {
        throw snap.failures().values().iterator().next().error();
      }
      BaseModels models =
          base.apply(
              SnapshotDatasets.index(
                  snap, SnapshotSection.VAL_INDEX, SnapshotDatasets.metaclasses(snap)));
      SnapshotCodec.Out b = new SnapshotCodec.Out().putInt(models.names().size());
      for (int m = 0; m < models.names().size(); m++) {
        b.putString(models.names().get(m));
        b.putInt(models.numMissing()[m]);
        b.putLongs(models.packedClasses()[m]);
        b.putFloats(models.probabilities()[m]);
      }
      snap = snap.withSection(SnapshotSection.BASE_MODELS, b.toBytes());
      Files.createDirectories(out.toAbsolutePath().getParent());
      Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
      try (OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
        snap.write(o);
      }
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
      return true;
    }
  }

  private static boolean upToDate(Path out, List<Snapshot.Stamp> stamps) {
    if (!Files.isRegularFile(out)) {
      return false;
    }
    try {
      Snapshot old = Snapshot.open(SnapshotCache.fileSource(out));
      return old.stamps().equals(stamps);
    } catch (IOException | SnapshotCodec.Corrupt e) {
      return false;
    }
  }

  /**
   * @return the stamps of the files the embedded snapshot was built from (paths relative to the
   *     release folder), for a check that the build is fresh
   */
  static List<Snapshot.Stamp> stamps() {
    return snapshot().stamps();
  }
}
