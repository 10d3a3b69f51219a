package org.imagenetx.annotations;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.imagenetx.io.BadInputException;

/**
 * Reads the upstream annotation files, one file per method. Every malformed line is a {@link
 * BadInputException} with file, line and cause; nothing is guessed. The results go into a {@link
 * Snapshot}; nothing else parses these formats.
 */
final class AnnotationParser {
  private static final JsonFactory JSON = new JsonFactory();
  private static final String[] COLUMNS = Factor.columns();

  private AnnotationParser() {}

  /**
   * One line of a factor file.
   *
   * @param fileName image file name
   * @param classId true class
   * @param mask bit f set when factor f is selected
   * @param line 1-based line number
   * @param justification the annotator's free text, or null
   * @param oneWord the annotator's short description, or null
   */
  record Row(
      String fileName, int classId, int mask, long line, String justification, String oneWord) {}

  /**
   * {@code imagenet_labels.txt}: WordNet id and human label per class id.
   *
   * @param wnids WordNet id per class
   * @param labels human label per class
   */
  record HumanLabels(String[] wnids, String[] labels) {}

  static List<Row> readAnnotations(AnnotationSource source, String name, int numClasses) {
    List<Row> out = new ArrayList<>(50_000);
    Set<String> seen = new HashSet<>(100_000);
    try (TextLines in = TextLines.open(source, name)) {
      while (in.next()) {
        Row r = parseAnnotation(in.file(), in.number(), in.line(), numClasses);
        if (!seen.add(r.fileName)) {
          throw in.bad("duplicate image " + r.fileName);
        }
        out.add(r);
      }
      if (out.isEmpty()) {
        throw new BadInputException(in.file(), 0, "no annotations (empty file)");
      }
    }
    return out;
  }

  private static Row parseAnnotation(String file, long lineNo, String line, int numClasses) {
    String fileName = null;
    String justification = null;
    String oneWord = null;
    int classId = -1;
    int mask = 0;
    int seenFactors = 0;
    try (JsonParser p = JSON.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new BadInputException(file, lineNo, "expected a JSON object");
      }
      Set<String> fields = new HashSet<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        if (!fields.add(field)) {
          // JSON leaves a repeated name's meaning open; "pose":1 then "pose":0 set the factor
          throw new BadInputException(file, lineNo, "field " + field + " given twice");
        }
        JsonToken t = p.nextToken();
        if (field.equals("file_name")) {
          if (t != JsonToken.VALUE_STRING) {
            throw new BadInputException(file, lineNo, "file_name must be a string");
          }
          fileName = p.getText();
        } else if (field.equals("class")) {
          if (t != JsonToken.VALUE_NUMBER_INT) {
            throw new BadInputException(file, lineNo, "class must be an integer");
          }
          if (!fitsInt(p)) {
            throw new BadInputException(
                file, lineNo, "class id " + number(p) + " outside 0.." + (numClasses - 1));
          }
          classId = p.getIntValue();
          if (classId < 0 || classId >= numClasses) {
            throw new BadInputException(
                file, lineNo, "class id " + p.getText() + " outside 0.." + (numClasses - 1));
          }
        } else if (field.equals("justification") || field.equals("one_word")) {
          String text = text(file, lineNo, field, p, t);
          if (field.equals("justification")) {
            justification = text;
          } else {
            oneWord = text;
          }
        } else {
          int f = factorIndex(field);
          if (f >= 0) {
            if (t != JsonToken.VALUE_NUMBER_INT
                || !fitsInt(p)
                || (p.getIntValue() != 0 && p.getIntValue() != 1)) {
              throw new BadInputException(
                  file, lineNo, "factor " + field + " must be 0 or 1, got " + number(p));
            }
            if (p.getIntValue() == 1) {
              mask |= 1 << f;
            }
            seenFactors |= 1 << f;
          } else {
            p.skipChildren();
          }
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new BadInputException(file, lineNo, "malformed JSON object");
      }
    } catch (JsonProcessingException e) {
      // the original message: getMessage() appends a second line "at [Source: ...]"
      throw new BadInputException(file, lineNo, "malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new BadInputException(file, lineNo, "malformed JSON: " + e.getMessage());
    }
    if (fileName == null) {
      throw new BadInputException(file, lineNo, "missing file_name");
    }
    if (classId < 0) {
      throw new BadInputException(file, lineNo, "missing class");
    }
    if (seenFactors != (1 << Factor.COUNT) - 1) {
      for (int f = 0; f < Factor.COUNT; f++) {
        if ((seenFactors & (1 << f)) == 0) {
          throw new BadInputException(file, lineNo, "missing factor " + Factor.of(f).column());
        }
      }
    }
    return new Row(fileName, classId, mask, lineNo, justification, oneWord);
  }

  /**
   * @param p a parser on a number token
   * @return whether the number is an integer of the int range (a JSON number may have any number of
   *     digits; Jackson's getIntValue throws with a two-line message on one outside it)
   */
  private static boolean fitsInt(JsonParser p) throws IOException {
    return p.currentToken() == JsonToken.VALUE_NUMBER_INT
        && p.getNumberType() == JsonParser.NumberType.INT;
  }

  /**
   * @param p a parser on a value
   * @return its text for a message, at most 40 characters
   */
  private static String number(JsonParser p) throws IOException {
    String t = p.getText();
    return t.length() <= 40 ? t : t.substring(0, 20) + "...(" + t.length() + " characters)";
  }

  private static String text(String file, long lineNo, String field, JsonParser p, JsonToken t)
      throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.VALUE_STRING) {
      throw new BadInputException(file, lineNo, field + " must be a string or null");
    }
    return p.getText();
  }

  private static int factorIndex(String field) {
    for (int f = 0; f < COLUMNS.length; f++) {
      if (COLUMNS[f].equals(field)) {
        return f;
      }
    }
    return -1;
  }

  static Metaclasses readMetaclasses(AnnotationSource source) {
    String file = source.describe(AnnotationSource.METACLASSES);
    List<String> names = new ArrayList<>(1000);
    try (TextLines in = TextLines.open(source, AnnotationSource.METACLASSES)) {
      String header = in.header();
      if (header == null) {
        throw new BadInputException(file, 1, "empty file");
      }
      String[] cols = header.split(",", -1);
      int nameCol = -1;
      for (int i = 0; i < cols.length; i++) {
        if (cols[i].trim().equals("name")) {
          nameCol = i;
        }
      }
      if (nameCol < 0) {
        throw new BadInputException(
            file, 1, "header has no 'name' column (expected wnid,name,metaclass)");
      }
      while (in.next()) {
        String[] parts = in.line().split(",", -1);
        if (parts.length != cols.length) {
          throw in.bad("expected " + cols.length + " fields, got " + parts.length);
        }
        names.add(parts[nameCol].trim());
      }
    }
    if (names.size() != Metaclasses.NUM_CLASSES) {
      throw new BadInputException(
          file, 0, "expected " + Metaclasses.NUM_CLASSES + " classes, found " + names.size());
    }
    return Metaclasses.fromHierarchyNames(names);
  }

  /**
   * Reads {@code imagenet_labels.txt}: {@code wnid,human label} per class, in class order, no
   * header; the label may itself hold commas.
   */
  static HumanLabels readHumanLabels(AnnotationSource source) {
    String file = source.describe(AnnotationSource.HUMAN_LABELS);
    List<String> wnids = new ArrayList<>(1000);
    List<String> labels = new ArrayList<>(1000);
    try (TextLines in = TextLines.open(source, AnnotationSource.HUMAN_LABELS)) {
      while (in.next()) {
        String line = in.line();
        int comma = line.indexOf(',');
        if (comma <= 0) {
          throw in.bad("expected wnid,human label");
        }
        wnids.add(line.substring(0, comma).trim());
        labels.add(line.substring(comma + 1).trim());
      }
    }
    if (labels.size() != Metaclasses.NUM_CLASSES) {
      throw new BadInputException(
          file, 0, "expected " + Metaclasses.NUM_CLASSES + " classes, found " + labels.size());
    }
    return new HumanLabels(wnids.toArray(new String[0]), labels.toArray(new String[0]));
  }

  static ImageIndex readFilenameLabels(AnnotationSource source, Metaclasses metaclasses) {
    String file = source.describe(AnnotationSource.FILENAME_LABEL);
    List<String> names = new ArrayList<>(50_000);
    IntArrayList classes = new IntArrayList(50_000);
    Set<String> seen = new HashSet<>(100_000);
    try (TextLines in = TextLines.open(source, AnnotationSource.FILENAME_LABEL)) {
      String header = in.header();
      if (header == null || !header.trim().equals("file_name,label")) {
        throw new BadInputException(file, 1, "expected header file_name,label");
      }
      while (in.next()) {
        String line = in.line();
        int comma = line.indexOf(',');
        if (comma <= 0 || line.indexOf(',', comma + 1) >= 0) {
          throw in.bad("expected file_name,label");
        }
        String name = line.substring(0, comma);
        int label;
        try {
          label = Integer.parseInt(line.substring(comma + 1).trim());
        } catch (NumberFormatException e) {
          throw in.bad("label is not an integer: " + line.substring(comma + 1));
        }
        if (label < 0 || label >= metaclasses.numClasses()) {
          throw in.bad("class id " + label + " outside 0..999");
        }
        if (!seen.add(name)) {
          throw in.bad("duplicate image " + name);
        }
        names.add(name);
        classes.add(label);
      }
    }
    if (names.isEmpty()) {
      throw new BadInputException(file, 0, "no images");
    }
    return ImageIndex.build(names.toArray(new String[0]), classes.toArray(), metaclasses);
  }

  static Set<String> readPrototypes(AnnotationSource source) {
    String file = source.describe(AnnotationSource.PROTOTYPES);
    Set<String> out = new HashSet<>(8192);
    try (TextLines in = TextLines.open(source, AnnotationSource.PROTOTYPES)) {
      String header = in.header();
      if (header == null || !header.trim().startsWith("file_name")) {
        throw new BadInputException(file, 1, "expected header file_name");
      }
      while (in.next()) {
        String name = in.line().split(",", -1)[0].trim();
        if (!name.isEmpty()) {
          out.add(name.substring(name.lastIndexOf('/') + 1));
        }
      }
    }
    return out;
  }

  /**
   * Reads the ReaL sets: one JSON array whose element i belongs to validation image i+1.
   *
   * @return {offsets (index.size()+1), values} in index order
   */
  static int[][] readReal(AnnotationSource source, ImageIndex index) {
    String file = source.describe(AnnotationSource.REAL_LABELS);
    int n = index.size();
    int[][] perDense = new int[n][];
    int element = 0;
    // read as UTF-8 text: from bytes, Jackson guesses UTF-16 or UTF-32 from NULs at the start
    try (InputStream in = source.open(AnnotationSource.REAL_LABELS);
        JsonParser p =
            JSON.createParser(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new BadInputException(file, 1, "expected a JSON array of label lists");
      }
      IntArrayList labels = new IntArrayList(8);
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.START_ARRAY) {
        labels.clear();
        while ((t = p.nextToken()) == JsonToken.VALUE_NUMBER_INT) {
          if (!fitsInt(p) || p.getIntValue() < 0 || p.getIntValue() >= index.numClasses()) {
            throw new BadInputException(
                file,
                p.currentLocation().getLineNr(),
                "ReaL label "
                    + number(p)
                    + " outside 0.."
                    + (index.numClasses() - 1)
                    + " (element "
                    + element
                    + ")");
          }
          int v = p.getIntValue();
          labels.add(v);
        }
        if (t != JsonToken.END_ARRAY) {
          throw new BadInputException(
              file, p.currentLocation().getLineNr(), "expected integers in element " + element);
        }
        element++;
        int dense = index.lookup(ImageIndex.valFileName(element));
        if (dense >= 0) {
          perDense[dense] = labels.toArray();
        }
      }
      if (t != JsonToken.END_ARRAY) {
        throw new BadInputException(
            file, p.currentLocation().getLineNr(), "expected a list at element " + element);
      }
      if (p.nextToken() != null) {
        throw new BadInputException(
            file, p.currentLocation().getLineNr(), "content after the array of label lists");
      }
    } catch (JsonProcessingException e) {
      // the original message: getMessage() appends a second line "at [Source: ...]"
      throw new BadInputException(
          file,
          e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new BadInputException(file, 0, "cannot read: " + e.getMessage());
    }
    for (int d = 0; d < n; d++) {
      if (perDense[d] == null) {
        throw new BadInputException(
            file,
            0,
            "has " + element + " label lists but image " + index.fileName(d) + " needs one");
      }
    }
    int[] offsets = new int[n + 1];
    for (int d = 0; d < n; d++) {
      offsets[d + 1] = offsets[d] + perDense[d].length;
    }
    int[] values = new int[offsets[n]];
    for (int d = 0; d < n; d++) {
      System.arraycopy(perDense[d], 0, values, offsets[d], perDense[d].length);
    }
    return new int[][] {offsets, values};
  }
}
