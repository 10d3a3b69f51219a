package org.imagenetx.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.ImageIndex;
import org.imagenetx.report.PyFloat;
import org.imagenetx.synth.SyntheticImageNetX;
import org.imagenetx.synth.SyntheticZoo;
import org.imagenetx.zoo.InMemoryZoo;

/** Small on-disk datasets in the upstream file formats, generated from a seed. */
public final class Fixtures {
  /** Seed of the tiny fixture. */
  public static final long SEED = 7;

  private Fixtures() {}

  /**
   * Writes {@code dir/annotations/} (2,000 validation images) and {@code dir/zoo/} (3 models).
   *
   * @param dir target folder
   * @return {@code dir}
   */
  public static Path tiny(Path dir) {
    SyntheticImageNetX synth = SyntheticImageNetX.generate(SEED, 2);
    synth.writeAnnotations(dir.resolve("annotations"));
    Dataset ds = synth.dataset(false);
    InMemoryZoo zoo = SyntheticZoo.generate(ds, 3, SEED);
    writeZoo(zoo, ds.index(), dir.resolve("zoo"));
    return dir;
  }

  /**
   * Writes prediction CSVs in validation-number order, as upstream files are.
   *
   * @param zoo predictions
   * @param index their index
   * @param dir target folder
   */
  public static void writeZoo(InMemoryZoo zoo, ImageIndex index, Path dir) {
    try {
      Files.createDirectories(dir);
      short[] classes = new short[index.size()];
      float[] probs = new float[index.size()];
      for (int m = 0; m < zoo.size(); m++) {
        zoo.readClasses(m, classes);
        zoo.readProbabilities(m, probs);
        try (Writer w = Files.newBufferedWriter(dir.resolve(zoo.models().get(m) + ".csv"))) {
          w.write("file_name,predicted_class,predicted_probability\n");
          for (int number = 1; number <= index.size(); number++) {
            int d = index.lookup(ImageIndex.valFileName(number));
            w.write(index.fileName(d) + "," + classes[d] + "," + PyFloat.repr(probs[d]) + "\n");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Zips a folder's files under {@code imagenet_x/annotations/}, like the upstream wheel.
   *
   * @param annotations folder
   * @param zip target file
   * @return {@code zip}
   */
  public static Path wheel(Path annotations, Path zip) {
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
        var files = Files.list(annotations)) {
      out.putNextEntry(new ZipEntry("imagenet_x/__init__.py"));
      out.write("# synthetic wheel\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
      for (Path f : (Iterable<Path>) files.sorted()::iterator) {
        out.putNextEntry(new ZipEntry("imagenet_x/annotations/" + f.getFileName()));
        Files.copy(f, out);
        out.closeEntry();
      }
      out.putNextEntry(new ZipEntry("imagenet_x-0.0.7.dist-info/METADATA"));
      out.write("Name: imagenet-x\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return zip;
  }

  /**
   * Replaces line {@code lineNo} (1-based) of a text file.
   *
   * @param file the file
   * @param lineNo line to replace
   * @param text new content of the line
   */
  public static void replaceLine(Path file, int lineNo, String text) {
    try {
      var lines = new ArrayList<>(Files.readAllLines(file));
      lines.set(lineNo - 1, text);
      Files.write(file, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param file a text file
   * @param lineNo 1-based line
   * @return the line
   */
  public static String line(Path file, int lineNo) {
    try {
      return Files.readAllLines(file).get(lineNo - 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
