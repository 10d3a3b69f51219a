package org.imagenetx.zoo;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.imagenetx.annotations.ImageIndex;
import org.imagenetx.io.BadInputException;

/**
 * A folder of upstream prediction CSVs, one per model, model name = file stem. Files are parsed
 * when a model is read, so a zoo of thousands of CSVs costs nothing until used.
 */
final class CsvZoo implements Zoo {
  private final String name;
  private final Path source;
  private final List<String> models;
  private final List<Path> files;
  private final ImageIndex index;
  private volatile Boolean probabilities;

  private CsvZoo(
      String name, Path source, List<String> models, List<Path> files, ImageIndex index) {
    this.name = name;
    this.source = source;
    this.models = List.copyOf(models);
    this.files = List.copyOf(files);
    this.index = index;
  }

  static CsvZoo folder(Path dir, ImageIndex index) {
    List<Path> csvs = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String f = p.getFileName().toString();
        if (f.startsWith(".")) {
          continue;
        }
        if (Files.isDirectory(p)) {
          continue;
        }
        if (!Files.isRegularFile(p)) {
          throw new BadInputException(
              p.toString(), 0, "not a regular file (a FIFO, socket or device) in a zoo folder");
        }
        if (!f.endsWith(".csv")) {
          throw new BadInputException(
              p.toString(),
              0,
              "unexpected file in a zoo folder (expected one <model>.csv per model)");
        }
        csvs.add(p);
      }
    } catch (IOException e) {
      throw new BadInputException(dir.toString(), 0, "cannot list: " + e.getMessage());
    }
    if (csvs.isEmpty()) {
      throw new BadInputException(dir.toString(), 0, "empty zoo: no <model>.csv prediction files");
    }
    csvs.sort((a, b) -> stem(a).compareTo(stem(b)));
    List<String> names = new ArrayList<>();
    for (Path p : csvs) {
      names.add(ModelNames.check(stem(p), p.toString(), 0));
    }
    return new CsvZoo(dir.getFileName().toString(), dir, names, csvs, index);
  }

  static CsvZoo file(Path csv, ImageIndex index) {
    ModelNames.check(stem(csv), csv.toString(), 0);
    return new CsvZoo(stem(csv), csv, List.of(stem(csv)), List.of(csv), index);
  }

  private static String stem(Path p) {
    String f = p.getFileName().toString();
    int dot = f.lastIndexOf('.');
    return dot > 0 ? f.substring(0, dot) : f;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> models() {
    return models;
  }

  @Override
  public int numImages() {
    return index.size();
  }

  /**
   * @return the CSVs, in model order
   */
  List<Path> files() {
    return files;
  }

  /**
   * @return the CSV of a model
   */
  Path file(int model) {
    return files.get(model);
  }

  @Override
  public int readClasses(int model, short[] dst) {
    CsvPrefetch.Parsed p = CsvPrefetch.take(files.get(model), index);
    if (p != null) {
      System.arraycopy(p.classes(), 0, dst, 0, p.classes().length);
      return p.numMissing();
    }
    PredictionCsv.Result r = PredictionCsv.read(files.get(model), index, dst, null);
    return r.numMissing();
  }

  @Override
  public boolean hasProbabilities() {
    Boolean p = probabilities;
    if (p == null) {
      boolean all = true;
      for (Path f : files) {
        all &= headerHasProbability(f);
      }
      probabilities = p = all;
    }
    return p;
  }

  private static boolean headerHasProbability(Path f) {
    try (BufferedReader r = Files.newBufferedReader(f)) {
      String h = r.readLine();
      return h != null && h.strip().replace("\uFEFF", "").equals(PredictionCsv.HEADER);
    } catch (IOException e) {
      throw new BadInputException(f.toString(), 0, "cannot read: " + e.getMessage());
    }
  }

  @Override
  public void readProbabilities(int model, float[] dst) {
    short[] scratch = new short[index.size()];
    PredictionCsv.read(files.get(model), index, scratch, dst);
  }

  @Override
  public String source() {
    return source.toString();
  }
}
