package org.imagenetx.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.images.ImageSet;
import org.imagenetx.query.Metric;
import org.imagenetx.query.Results;
import org.imagenetx.report.ImageTables;
import org.imagenetx.report.ReportTable;
import org.imagenetx.resampling.Interval;

/**
 * Writes query results as JSON. Results are records, so one reflective walk renders them all: a
 * record becomes an object whose keys are its component names in snake case ({@code onlyAWrong} →
 * {@code only_a_wrong}, {@code worst100Classes} → {@code worst_100_classes}), the column names of
 * the CLI's tables; an {@link Interval} component {@code x} becomes three keys {@code x}, {@code
 * x_lower}, {@code x_upper}, as the tables' interval columns are named; lists and arrays become
 * arrays, enums their key, and non-finite doubles {@code null} (JSON has no NaN). Doubles are
 * written in Java's shortest round-trip form, so the page shows exactly the engine's numbers.
 */
final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();

  /**
   * A record class's name and accessors, looked up once: {@code getRecordComponents()} copies its
   * reflective objects on every call, and fresh {@code Method} copies never get past JDK 17's slow
   * native reflection, which made JSON a tenth of the explorer's CPU under load.
   */
  private record Shape(String kind, String[] names, Method[] accessors) {}

  private static final ClassValue<Shape> SHAPES =
      new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
          RecordComponent[] rc = type.getRecordComponents();
          String[] names = new String[rc.length];
          Method[] accessors = new Method[rc.length];
          for (int i = 0; i < rc.length; i++) {
            names[i] = snakeCase(rc[i].getName());
            accessors[i] = rc[i].getAccessor();
            accessors[i].setAccessible(true);
          }
          return new Shape(type.getSimpleName(), names, accessors);
        }
      };

  private Json() {}

  /**
   * @param value a record, list, map, array, string, number, boolean or null
   * @return UTF-8 JSON
   */
  static byte[] bytes(Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      write(g, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A ranking's rows, the ranked value under its column name, as the ranking table has it. */
  private static void rankRows(JsonGenerator g, Results.Ranking ranking) throws IOException {
    String value = ranking.valueColumn();
    g.writeStartArray();
    for (Results.RankRow row : ranking.rows()) {
      g.writeStartObject();
      g.writeStringField("kind", "RankRow");
      g.writeNumberField("rank", row.rank());
      g.writeStringField("model", row.model());
      number(g, value, row.value().point());
      number(g, value + "_lower", row.value().lower());
      number(g, value + "_upper", row.value().upper());
      number(g, "average", row.average());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void number(JsonGenerator g, String name, double v) throws IOException {
    g.writeFieldName(name);
    if (Double.isFinite(v)) {
      g.writeNumber(v);
    } else {
      g.writeNull();
    }
  }

  /**
   * @param camel a Java component name
   * @return it in snake case: an underscore before every upper-case letter and before a run of
   *     digits, all lower case
   */
  static String snakeCase(String camel) {
    StringBuilder sb = new StringBuilder(camel.length() + 4);
    for (int i = 0; i < camel.length(); i++) {
      char ch = camel.charAt(i);
      boolean digitRun = Character.isDigit(ch) && i > 0 && !Character.isDigit(camel.charAt(i - 1));
      if (i > 0 && (Character.isUpperCase(ch) || digitRun)) {
        sb.append('_');
      }
      sb.append(Character.toLowerCase(ch));
    }
    return sb.toString();
  }

  private static void write(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isFinite(d)) {
        g.writeNumber(d);
      } else {
        g.writeNull();
      }
    } else if (v instanceof Number n) {
      g.writeNumber(n.longValue());
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof ErrorType t) {
      g.writeString(t.key());
    } else if (v instanceof Metric m) {
      g.writeString(m.key());
    } else if (v instanceof Enum<?> e) {
      g.writeString(e.name().toLowerCase(Locale.ROOT));
    } else if (v instanceof Path p) {
      g.writeString(p.toString());
    } else if (v instanceof double[] a) {
      g.writeStartArray();
      for (double d : a) {
        if (Double.isFinite(d)) {
          g.writeNumber(d);
        } else {
          g.writeNull();
        }
      }
      g.writeEndArray();
    } else if (v instanceof int[] a) {
      g.writeStartArray();
      for (int i : a) {
        g.writeNumber(i);
      }
      g.writeEndArray();
    } else if (v instanceof boolean[] a) {
      g.writeStartArray();
      for (boolean b : a) {
        g.writeBoolean(b);
      }
      g.writeEndArray();
    } else if (v instanceof Results.ImagePage p) {
      imagePage(g, p);
    } else if (v instanceof Results.Confusions c) {
      confusions(g, c);
    } else if (v instanceof Results.Words w) {
      words(g, w);
    } else if (v instanceof Object[] a) {
      g.writeStartArray();
      for (Object o : a) {
        write(g, o);
      }
      g.writeEndArray();
    } else if (v instanceof Collection<?> c) {
      g.writeStartArray();
      for (Object o : c) {
        write(g, o);
      }
      g.writeEndArray();
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof Results.RankRow) {
      throw new IllegalStateException("a ranking row is written by its ranking");
    } else if (v instanceof Record r) {
      Shape shape = SHAPES.get(r.getClass());
      g.writeStartObject();
      g.writeStringField("kind", shape.kind);
      for (int i = 0; i < shape.names.length; i++) {
        Object value;
        try {
          value = shape.accessors[i].invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException("cannot read " + shape.names[i], e);
        }
        if (r instanceof Results.Ranking ranking && value == ranking.rows()) {
          g.writeFieldName(shape.names[i]);
          rankRows(g, ranking);
        } else if (value instanceof Interval iv) {
          number(g, shape.names[i], iv.point());
          number(g, shape.names[i] + "_lower", iv.lower());
          number(g, shape.names[i] + "_upper", iv.upper());
        } else {
          g.writeFieldName(shape.names[i]);
          write(g, value);
        }
      }
      g.writeEndObject();
    } else {
      g.writeString(v.toString());
    }
  }

  /** The set an answer is about: its canonical expression, count and universe. */
  private static void set(JsonGenerator g, String kind, ImageSet set) throws IOException {
    g.writeStringField("kind", kind);
    g.writeStringField("expression", set.expression().toString());
    g.writeNumberField("count", set.count());
    g.writeNumberField("universe_size", set.universeSize());
    g.writeStringField("selection", set.selection().key());
    g.writeStringField("error_type", set.errorType().key());
  }

  /** A table's rows as objects keyed by its columns: the CLI's CSV, row for row. */
  private static void rows(JsonGenerator g, ReportTable t) throws IOException {
    g.writeFieldName("rows");
    g.writeStartArray();
    for (Object[] row : t.rows()) {
      g.writeStartObject();
      for (int i = 0; i < row.length; i++) {
        g.writeFieldName(t.columns().get(i));
        write(g, row[i]);
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void imagePage(JsonGenerator g, Results.ImagePage p) throws IOException {
    g.writeStartObject();
    set(g, "ImagePage", p.set());
    if (p.listing() != null) {
      g.writeNumberField("offset", p.listing().offset());
      g.writeNumberField("limit", p.limit());
      g.writeFieldName("models");
      write(g, p.listing().models());
      rows(g, ImageTables.listing(p.listing(), p.probabilities(), null, false));
    }
    g.writeEndObject();
  }

  private static void confusions(JsonGenerator g, Results.Confusions c) throws IOException {
    g.writeStartObject();
    set(g, "Confusions", c.set());
    g.writeStringField("model", c.table().model());
    g.writeBooleanField("metaclass", c.table().metaclass());
    g.writeNumberField("num_errors", c.table().numErrors());
    g.writeNumberField("num_errors_overall", c.table().numErrorsOverall());
    g.writeNumberField("num_pairs", c.table().rows().size());
    rows(g, ImageTables.confusions(c.table(), c.top()));
    g.writeEndObject();
  }

  private static void words(JsonGenerator g, Results.Words w) throws IOException {
    g.writeStartObject();
    set(g, "Words", w.set());
    g.writeFieldName("models");
    write(g, w.models());
    g.writeStringField("text", w.table().kind().key());
    g.writeNumberField("num_mistakes", w.table().numMistakes());
    g.writeNumberField("num_correct", w.table().numCorrect());
    g.writeNumberField("min_support", w.table().minSupport());
    g.writeNumberField("num_tested", w.table().numTested());
    var over = w.table().overRepresented();
    g.writeNumberField("num_over_represented", over.size());
    rows(g, ImageTables.words(over, w.top(), false, 0));
    g.writeEndObject();
  }
}
