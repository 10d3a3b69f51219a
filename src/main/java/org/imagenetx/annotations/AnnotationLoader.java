package org.imagenetx.annotations;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imagenetx.io.BadInputException;
import org.roaringbitmap.RoaringBitmap;

/**
 * Loads the upstream annotation files into a {@link Dataset}. Every malformed line is reported as a
 * {@link BadInputException} with file, line and cause; nothing is guessed.
 */
public final class AnnotationLoader {
  private static final JsonFactory JSON = new JsonFactory();

  /**
   * What to load.
   *
   * @param partition val or train
   * @param selections which factor files to read
   * @param keepPrototypes keep the 3,000 prototype images (filtered out by default, as upstream)
   * @param requireReal fail when the ReaL labels are missing (needed for {@code real_class})
   */
  public record Options(
      Partition partition,
      Set<FactorSelection> selections,
      boolean keepPrototypes,
      boolean requireReal) {
    /**
     * @return val, both selections, prototypes filtered, ReaL optional
     */
    public static Options defaults() {
      return new Options(Partition.VAL, EnumSet.allOf(FactorSelection.class), false, false);
    }
  }

  private AnnotationLoader() {}

  /**
   * @param path folder, zip/wheel or single annotation file
   * @param options what to load
   * @return the dataset
   */
  public static Dataset load(Path path, Options options) {
    try (AnnotationSource source = AnnotationSource.open(path)) {
      return load(source, options);
    }
  }

  /**
   * @param source the annotation files
   * @param options what to load
   * @return the dataset
   */
  public static Dataset load(AnnotationSource source, Options options) {
    Partition partition = options.partition();
    List<FactorSelection> selections = new ArrayList<>();
    for (FactorSelection s : options.selections()) {
      String name = AnnotationSource.annotationFile(partition, s);
      if (!source.offers(s)) {
        throw new BadInputException(
            source.description(),
            0,
            "this annotation file only holds "
                + (s == FactorSelection.MULTI ? "top" : "multi")
                + " factors; pass its folder to get "
                + s.key()
                + " factors");
      }
      if (!source.has(name)) {
        throw new BadInputException(
            source.describe(name), 0, "missing; " + AnnotationSource.HOW_TO_GET);
      }
      selections.add(s);
    }
    if (!source.has(AnnotationSource.METACLASSES)) {
      throw new BadInputException(
          source.describe(AnnotationSource.METACLASSES),
          0,
          "missing; " + AnnotationSource.HOW_TO_GET);
    }
    Metaclasses metaclasses = readMetaclasses(source);

    Map<FactorSelection, List<Row>> rows = new EnumMap<>(FactorSelection.class);
    for (FactorSelection s : selections) {
      rows.put(
          s, readAnnotations(source, AnnotationSource.annotationFile(partition, s), metaclasses));
    }

    ImageIndex index;
    if (partition == Partition.VAL) {
      if (!source.has(AnnotationSource.FILENAME_LABEL)) {
        throw new BadInputException(
            source.describe(AnnotationSource.FILENAME_LABEL),
            0,
            "missing; " + AnnotationSource.HOW_TO_GET);
      }
      index = readFilenameLabels(source, metaclasses);
    } else {
      Map<String, Integer> labels = new LinkedHashMap<>();
      for (List<Row> rs : rows.values()) {
        for (Row r : rs) {
          labels.putIfAbsent(r.fileName, r.classId);
        }
      }
      String[] names = labels.keySet().toArray(new String[0]);
      int[] classes = new int[names.length];
      for (int i = 0; i < names.length; i++) {
        classes[i] = labels.get(names[i]);
      }
      index = ImageIndex.build(names, classes, metaclasses);
    }

    Set<String> prototypes = new HashSet<>();
    if (!options.keepPrototypes() && partition == Partition.VAL) {
      if (!source.has(AnnotationSource.PROTOTYPES)) {
        throw new BadInputException(
            source.describe(AnnotationSource.PROTOTYPES),
            0,
            "missing (needed to filter prototypes; pass --keep-prototypes to keep them)");
      }
      prototypes = readPrototypes(source);
    }

    Map<FactorSelection, FactorSet> sets = new EnumMap<>(FactorSelection.class);
    int removed = 0;
    for (FactorSelection s : selections) {
      String file = source.describe(AnnotationSource.annotationFile(partition, s));
      RoaringBitmap evaluated = new RoaringBitmap();
      RoaringBitmap[] factors = new RoaringBitmap[Factor.COUNT];
      for (int f = 0; f < Factor.COUNT; f++) {
        factors[f] = new RoaringBitmap();
      }
      int removedHere = 0;
      for (Row r : rows.get(s)) {
        int dense = index.lookup(r.fileName);
        if (dense < 0) {
          throw new BadInputException(
              file,
              r.line,
              "unknown file name "
                  + r.fileName
                  + " (not in "
                  + AnnotationSource.FILENAME_LABEL
                  + ")");
        }
        if (index.label(dense) != r.classId) {
          throw new BadInputException(
              file,
              r.line,
              "class "
                  + r.classId
                  + " of "
                  + r.fileName
                  + " disagrees with its label "
                  + index.label(dense)
                  + " in "
                  + AnnotationSource.FILENAME_LABEL);
        }
        if (prototypes.contains(r.fileName)) {
          removedHere++;
          continue;
        }
        evaluated.add(dense);
        for (int f = 0; f < Factor.COUNT; f++) {
          if ((r.mask & (1 << f)) != 0) {
            factors[f].add(dense);
          }
        }
      }
      removed = Math.max(removed, removedHere);
      sets.put(s, new FactorSet(s, index.size(), evaluated, factors));
    }

    int[] realOffsets = null;
    short[] realLabels = null;
    if (partition == Partition.VAL && source.has(AnnotationSource.REAL_LABELS)) {
      int[][] csr = readReal(source, index);
      realOffsets = csr[0];
      realLabels = new short[csr[1].length];
      for (int i = 0; i < realLabels.length; i++) {
        realLabels[i] = (short) csr[1][i];
      }
    } else if (options.requireReal()) {
      throw new BadInputException(
          source.describe(AnnotationSource.REAL_LABELS),
          0,
          partition == Partition.TRAIN
              ? "ReaL labels exist for validation images only; drop real_class from --error-types"
              : "missing (needed for the real_class error type)");
    }
    return new Dataset(
        partition,
        index,
        metaclasses,
        sets,
        realOffsets,
        realLabels,
        removed,
        false,
        source.description());
  }

  private record Row(String fileName, int classId, int mask, long line) {}

  private static List<Row> readAnnotations(
      AnnotationSource source, String name, Metaclasses metaclasses) {
    String file = source.describe(name);
    List<Row> out = new ArrayList<>(50_000);
    Set<String> seen = new HashSet<>(100_000);
    try (BufferedReader in = reader(source.open(name))) {
      String line;
      long lineNo = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        Row r = parseAnnotation(file, lineNo, line, metaclasses.numClasses());
        if (!seen.add(r.fileName)) {
          throw new BadInputException(file, lineNo, "duplicate image " + r.fileName);
        }
        out.add(r);
      }
      if (out.isEmpty()) {
        throw new BadInputException(file, 0, "no annotations (empty file)");
      }
    } catch (IOException e) {
      throw new BadInputException(file, 0, "cannot read: " + e.getMessage());
    }
    return out;
  }

  private static Row parseAnnotation(String file, long lineNo, String line, int numClasses) {
    String fileName = null;
    int classId = -1;
    int mask = 0;
    int seenFactors = 0;
    try (JsonParser p = JSON.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new BadInputException(file, lineNo, "expected a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
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
          classId = p.getIntValue();
          if (classId < 0 || classId >= numClasses) {
            throw new BadInputException(
                file, lineNo, "class id " + p.getText() + " outside 0.." + (numClasses - 1));
          }
        } else {
          int f = factorIndex(field);
          if (f >= 0) {
            if (t != JsonToken.VALUE_NUMBER_INT || (p.getIntValue() != 0 && p.getIntValue() != 1)) {
              throw new BadInputException(
                  file, lineNo, "factor " + field + " must be 0 or 1, got " + p.getText());
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
    } catch (JsonParseException e) {
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
    return new Row(fileName, classId, mask, lineNo);
  }

  private static final String[] COLUMNS = Factor.columns();

  private static int factorIndex(String field) {
    for (int f = 0; f < COLUMNS.length; f++) {
      if (COLUMNS[f].equals(field)) {
        return f;
      }
    }
    return -1;
  }

  private static Metaclasses readMetaclasses(AnnotationSource source) {
    String file = source.describe(AnnotationSource.METACLASSES);
    List<String> names = new ArrayList<>(1000);
    try (BufferedReader in = reader(source.open(AnnotationSource.METACLASSES))) {
      String header = in.readLine();
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
      String line;
      long lineNo = 1;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isEmpty()) {
          continue;
        }
        String[] parts = line.split(",", -1);
        if (parts.length != cols.length) {
          throw new BadInputException(
              file, lineNo, "expected " + cols.length + " fields, got " + parts.length);
        }
        names.add(parts[nameCol].trim());
      }
    } catch (IOException e) {
      throw new BadInputException(file, 0, "cannot read: " + e.getMessage());
    }
    if (names.size() != Metaclasses.NUM_CLASSES) {
      throw new BadInputException(
          file, 0, "expected " + Metaclasses.NUM_CLASSES + " classes, found " + names.size());
    }
    return Metaclasses.fromHierarchyNames(names);
  }

  private static ImageIndex readFilenameLabels(AnnotationSource source, Metaclasses metaclasses) {
    String file = source.describe(AnnotationSource.FILENAME_LABEL);
    List<String> names = new ArrayList<>(50_000);
    it.unimi.dsi.fastutil.ints.IntArrayList classes =
        new it.unimi.dsi.fastutil.ints.IntArrayList(50_000);
    Set<String> seen = new HashSet<>(100_000);
    try (BufferedReader in = reader(source.open(AnnotationSource.FILENAME_LABEL))) {
      String header = in.readLine();
      if (header == null || !header.trim().equals("file_name,label")) {
        throw new BadInputException(file, 1, "expected header file_name,label");
      }
      String line;
      long lineNo = 1;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isEmpty()) {
          continue;
        }
        int comma = line.indexOf(',');
        if (comma <= 0 || line.indexOf(',', comma + 1) >= 0) {
          throw new BadInputException(file, lineNo, "expected file_name,label");
        }
        String name = line.substring(0, comma);
        int label;
        try {
          label = Integer.parseInt(line.substring(comma + 1).trim());
        } catch (NumberFormatException e) {
          throw new BadInputException(
              file, lineNo, "label is not an integer: " + line.substring(comma + 1));
        }
        if (label < 0 || label >= metaclasses.numClasses()) {
          throw new BadInputException(file, lineNo, "class id " + label + " outside 0..999");
        }
        if (!seen.add(name)) {
          throw new BadInputException(file, lineNo, "duplicate image " + name);
        }
        names.add(name);
        classes.add(label);
      }
    } catch (IOException e) {
      throw new BadInputException(file, 0, "cannot read: " + e.getMessage());
    }
    if (names.isEmpty()) {
      throw new BadInputException(file, 0, "no images");
    }
    return ImageIndex.build(names.toArray(new String[0]), classes.toIntArray(), metaclasses);
  }

  private static Set<String> readPrototypes(AnnotationSource source) {
    String file = source.describe(AnnotationSource.PROTOTYPES);
    Set<String> out = new HashSet<>(8192);
    try (BufferedReader in = reader(source.open(AnnotationSource.PROTOTYPES))) {
      String header = in.readLine();
      if (header == null || !header.trim().startsWith("file_name")) {
        throw new BadInputException(file, 1, "expected header file_name");
      }
      String line;
      while ((line = in.readLine()) != null) {
        String name = line.split(",", -1)[0].trim();
        if (!name.isEmpty()) {
          out.add(name.substring(name.lastIndexOf('/') + 1));
        }
      }
    } catch (IOException e) {
      throw new BadInputException(file, 0, "cannot read: " + e.getMessage());
    }
    return out;
  }

  /** Reads the ReaL sets: one JSON array whose element i belongs to validation image i+1. */
  private static int[][] readReal(AnnotationSource source, ImageIndex index) {
    String file = source.describe(AnnotationSource.REAL_LABELS);
    int n = index.size();
    int[][] perDense = new int[n][];
    int element = 0;
    try (InputStream in = source.open(AnnotationSource.REAL_LABELS);
        JsonParser p = JSON.createParser(in)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new BadInputException(file, 1, "expected a JSON array of label lists");
      }
      it.unimi.dsi.fastutil.ints.IntArrayList labels =
          new it.unimi.dsi.fastutil.ints.IntArrayList(8);
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.START_ARRAY) {
        labels.clear();
        while ((t = p.nextToken()) == JsonToken.VALUE_NUMBER_INT) {
          int v = p.getIntValue();
          if (v < 0 || v >= index.numClasses()) {
            throw new BadInputException(
                file,
                p.currentLocation().getLineNr(),
                "ReaL label " + v + " outside 0..999 (element " + element + ")");
          }
          labels.add(v);
        }
        if (t != JsonToken.END_ARRAY) {
          throw new BadInputException(
              file, p.currentLocation().getLineNr(), "expected integers in element " + element);
        }
        element++;
        int dense = index.lookup(ImageIndex.valFileName(element));
        if (dense >= 0) {
          perDense[dense] = labels.toIntArray();
        }
      }
      if (t != JsonToken.END_ARRAY) {
        throw new BadInputException(
            file, p.currentLocation().getLineNr(), "expected a list at element " + element);
      }
    } catch (JsonParseException e) {
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

  private static BufferedReader reader(InputStream in) {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }
}
