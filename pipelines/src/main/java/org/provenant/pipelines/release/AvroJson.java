package org.provenant.pipelines.release;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/** Writes Avro values as plain JSON (records as objects without their null fields, arrays as arrays). */
final class AvroJson {
  private AvroJson() {}

  static void write(JsonGenerator g, Object value, Schema type) throws IOException {
    Schema t = Croissant.nonNull(type);
    if (value == null) {
      g.writeNull();
      return;
    }
    switch (t.getType()) {
      case RECORD -> {
        g.writeStartObject();
        GenericRecord r = (GenericRecord) value;
        for (Schema.Field f : t.getFields()) {
          Object v = r.get(f.name());
          if (v != null) {
            g.writeFieldName(f.name());
            write(g, v, f.schema());
          }
        }
        g.writeEndObject();
      }
      case ARRAY -> {
        g.writeStartArray();
        for (Object item : (List<?>) value) {
          write(g, item, t.getElementType());
        }
        g.writeEndArray();
      }
      case LONG -> g.writeNumber((Long) value);
      case INT -> g.writeNumber((Integer) value);
      case DOUBLE -> g.writeNumber((Double) value);
      case BOOLEAN -> g.writeBoolean((Boolean) value);
      default -> g.writeString(value.toString());
    }
  }
}
