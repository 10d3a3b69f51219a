package org.imagenetx.annotations;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The annotation parsers, reached from the fuzz suite ({@code org.imagenetx.fuzz}) over bytes in
 * memory rather than files: test-only access to the package-private readers.
 */
public final class ParserAccess {
  private ParserAccess() {}

  /**
   * One annotation line as the parser reads it.
   *
   * @param fileName image file name
   * @param classId true class
   * @param mask bit f set when factor f is selected
   * @param justification the text, or null
   * @param oneWord the text, or null
   */
  public record Line(
      String fileName, int classId, int mask, String justification, String oneWord) {}

  /** A source holding files in memory under their names. */
  static final class Bytes extends AnnotationSource {
    private final Map<String, byte[]> files;

    Bytes(Map<String, byte[]> files) {
      this.files = files;
    }

    @Override
    public boolean has(String name) {
      return files.containsKey(name);
    }

    @Override
    public InputStream open(String name) {
      return new ByteArrayInputStream(files.get(name));
    }

    @Override
    public String describe(String name) {
      return "fuzz/" + name;
    }

    @Override
    public String description() {
      return "fuzz";
    }

    @Override
    public List<Path> files() {
      return List.of();
    }

    @Override
    public String cacheKey() {
      return "fuzz";
    }
  }

  private static List<Line> lines(List<AnnotationParser.Row> rows) {
    List<Line> out = new ArrayList<>(rows.size());
    for (AnnotationParser.Row r : rows) {
      out.add(new Line(r.fileName(), r.classId(), r.mask(), r.justification(), r.oneWord()));
    }
    return out;
  }

  /**
   * @param jsonl an annotation file's bytes
   * @return its lines
   */
  public static List<Line> annotations(byte[] jsonl) {
    String name = "imagenet_x_val_top_factor.jsonl";
    return lines(
        AnnotationParser.readAnnotations(
            new Bytes(Map.of(name, jsonl)), name, Metaclasses.NUM_CLASSES));
  }

  /**
   * @param zip a zip holding {@code imagenet_x/annotations/imagenet_x_val_top_factor.jsonl}
   * @return the entry's lines, read through the zip source (its CRC check included)
   */
  public static List<Line> zipAnnotations(Path zip) {
    try (AnnotationSource s = AnnotationSource.open(zip)) {
      return lines(
          AnnotationParser.readAnnotations(
              s, "imagenet_x_val_top_factor.jsonl", Metaclasses.NUM_CLASSES));
    }
  }

  /**
   * @param csv a {@code filename_label.csv}
   * @param metaclasses the class hierarchy
   * @return the index it builds
   */
  public static ImageIndex filenameLabels(byte[] csv, Metaclasses metaclasses) {
    return AnnotationParser.readFilenameLabels(
        new Bytes(Map.of(AnnotationSource.FILENAME_LABEL, csv)), metaclasses);
  }

  /**
   * @param json the ReaL labels file
   * @param index the images
   * @return {offsets, values} in index order
   */
  public static int[][] real(byte[] json, ImageIndex index) {
    return AnnotationParser.readReal(new Bytes(Map.of(AnnotationSource.REAL_LABELS, json)), index);
  }
}
