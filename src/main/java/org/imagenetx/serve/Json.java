package org.imagenetx.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import org.imagenetx.query.Metric;
import org.imagenetx.stats.ErrorType;

/**
 * Writes query results as JSON. Results are records, so one reflective walk renders them all: a
 * record becomes an object named by its components, lists and arrays become arrays, enums their
 * key, and non-finite doubles {@code null} (JSON has no NaN). Doubles are written in Java's shortest
 * round-trip form, so the page shows exactly the engine's numbers.
 */
final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();

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
      g.writeString(e.name().toLowerCase(java.util.Locale.ROOT));
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
    } else if (v instanceof Record r) {
      g.writeStartObject();
      g.writeStringField("kind", r.getClass().getSimpleName());
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        g.writeFieldName(c.getName());
        try {
          write(g, c.getAccessor().invoke(r));
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException("cannot read " + c.getName(), e);
        }
      }
      g.writeEndObject();
    } else {
      g.writeString(v.toString());
    }
  }
}
