package org.imagenetx.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deliberately naive readers of the shipped release's files (jsonl by a streaming JSON parser, CSVs
 * by splitting lines), for tests that compare the engine with a plain loop over the files.
 */
public final class PlainRelease {
  /**
   * One line of an annotation jsonl.
   *
   * @param fileName image file name
   * @param classId true class
   * @param factors factor column → 0/1
   * @param justification the text, or null
   * @param oneWord the text, or null
   */
  public record Annotation(
      String fileName,
      int classId,
      Map<String, Integer> factors,
      String justification,
      String oneWord) {}

  /**
   * One row of a prediction CSV.
   *
   * @param classId predicted class
   * @param probability predicted probability
   */
  public record Prediction(int classId, double probability) {}

  private static final Map<Path, Map<String, Annotation>> READ = new HashMap<>();

  private PlainRelease() {}

  /**
   * @param file {@code imagenet_x_<partition>_<multi|top>_factor.jsonl}
   * @return its lines, by file name, in file order (read once per test JVM; do not modify)
   */
  public static synchronized Map<String, Annotation> annotations(Path file) {
    return READ.computeIfAbsent(file.toAbsolutePath(), PlainRelease::read);
  }

  /**
   * @param selection {@code multi} or {@code top}
   * @return the validation annotations of that selection
   */
  public static Map<String, Annotation> val(String selection) {
    return annotations(
        RealData.annotations().resolve("imagenet_x_val_" + selection + "_factor.jsonl"));
  }

  private static Map<String, Annotation> read(Path file) {
    Map<String, Annotation> out = new LinkedHashMap<>();
    JsonFactory json = new JsonFactory();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        String name = null;
        int classId = -1;
        String j = null;
        String w = null;
        Map<String, Integer> factors = new HashMap<>();
        try (JsonParser jp = json.createParser(line)) {
          jp.nextToken();
          while (jp.nextToken() == JsonToken.FIELD_NAME) {
            String f = jp.currentName();
            JsonToken t = jp.nextToken();
            String v = t == JsonToken.VALUE_NULL ? null : jp.getText();
            switch (f) {
              case "file_name" -> name = v;
              case "class" -> classId = Integer.parseInt(v);
              case "justification" -> j = v;
              case "one_word" -> w = v;
              default -> factors.put(f, Integer.parseInt(v));
            }
          }
        }
        out.put(name, new Annotation(name, classId, factors, j, w));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * @return the prototype file names of the release
   */
  public static Set<String> prototypes() {
    List<String> lines = lines(RealData.annotations().resolve("prototypical_paths.csv"));
    Set<String> out = new HashSet<>();
    for (String l : lines.subList(1, lines.size())) {
      String name = l.trim();
      out.add(name.substring(name.lastIndexOf('/') + 1));
    }
    return out;
  }

  /**
   * @param model a base model name
   * @return its predictions by file name
   */
  public static Map<String, Prediction> predictions(String model) {
    List<String> lines = lines(RealData.baseZoo().resolve(model + ".csv"));
    Map<String, Prediction> out = new HashMap<>();
    for (String l : lines.subList(1, lines.size())) {
      String[] c = l.split(",");
      out.put(c[0], new Prediction(Integer.parseInt(c[1]), Double.parseDouble(c[2])));
    }
    return out;
  }

  /**
   * @return ReaL label sets of the validation images, by validation number − 1
   */
  public static List<List<Integer>> real() {
    String text;
    try {
      text =
          Files.readString(
              RealData.annotations().resolve("imagenet_real_labels.jsonl"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<List<Integer>> out = new java.util.ArrayList<>();
    JsonFactory json = new JsonFactory();
    try (JsonParser jp = json.createParser(text)) {
      jp.nextToken(); // [
      while (jp.nextToken() == JsonToken.START_ARRAY) {
        List<Integer> set = new java.util.ArrayList<>();
        while (jp.nextToken() == JsonToken.VALUE_NUMBER_INT) {
          set.add(jp.getIntValue());
        }
        out.add(set);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
