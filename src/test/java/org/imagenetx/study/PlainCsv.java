package org.imagenetx.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Independent, deliberately naive readers of the real files: tests compare the engine against
 * these.
 */
final class PlainCsv {
  private PlainCsv() {}

  /** model → 19 values (NaN for empty cells), by plain splitting. */
  static Map<String, double[]> accuracies(Path file) {
    Map<String, double[]> out = new LinkedHashMap<>();
    List<String> lines = lines(file);
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",", -1);
      double[] v = new double[c.length - 1];
      for (int i = 1; i < c.length; i++) {
        v[i - 1] = c[i].isEmpty() ? Double.NaN : Double.parseDouble(c[i]);
      }
      out.put(c[0], v);
    }
    return out;
  }

  /** model → type from a two-column CSV. */
  static Map<String, String> types(Path file) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> lines = lines(file);
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",");
      out.put(c[0], c[1]);
    }
    return out;
  }

  /** Error ratio of factor column f from a 19-value row: (1 − acc_f) / (1 − average). */
  static double errorRatio(double[] row, int f) {
    return (1 - row[f]) / (1 - row[17]);
  }

  static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
