package org.provenant.pipelines.release;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Avro records as Arrow: the schema mapping (records become structs, arrays lists, nullable unions
 * nullable fields) and the copy of one Avro value into an Arrow vector.
 */
final class ArrowSchemas {
  private ArrowSchemas() {}

  /** The Arrow schema of an Avro record schema. */
  static org.apache.arrow.vector.types.pojo.Schema of(Schema record) {
    List<Field> fields = new ArrayList<>();
    for (Schema.Field f : record.getFields()) {
      fields.add(field(f.name(), f.schema()));
    }
    return new org.apache.arrow.vector.types.pojo.Schema(fields);
  }

  private static Field field(String name, Schema type) {
    boolean nullable = type.getType() == Schema.Type.UNION;
    Schema t = Croissant.nonNull(type);
    switch (t.getType()) {
      case RECORD: {
        List<Field> children = new ArrayList<>();
        for (Schema.Field f : t.getFields()) {
          children.add(field(f.name(), f.schema()));
        }
        return new Field(name, new FieldType(nullable, ArrowType.Struct.INSTANCE, null), children);
      }
      case ARRAY:
        return new Field(name, new FieldType(nullable, ArrowType.List.INSTANCE, null), List.of(field("item", t.getElementType())));
      default:
        return new Field(name, new FieldType(nullable, primitive(t), null), null);
    }
  }

  private static ArrowType primitive(Schema t) {
    return switch (t.getType()) {
      case STRING -> ArrowType.Utf8.INSTANCE;
      case LONG -> new ArrowType.Int(64, true);
      case INT -> new ArrowType.Int(32, true);
      case DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case BOOLEAN -> ArrowType.Bool.INSTANCE;
      default -> throw new IllegalArgumentException("no Arrow type for Avro " + t.getType());
    };
  }

  /** Sets position {@code i} of {@code v} to {@code value}, whose Avro type is {@code type}. */
  static void set(FieldVector v, int i, Object value, Schema type) {
    Schema t = Croissant.nonNull(type);
    if (value == null) {
      if (v instanceof StructVector s) {
        s.setNull(i);
      } else if (v instanceof ListVector l) {
        l.setNull(i);
      } else {
        setNullPrimitive(v, i);
      }
      return;
    }
    switch (t.getType()) {
      case RECORD: {
        StructVector s = (StructVector) v;
        s.setIndexDefined(i);
        GenericRecord r = (GenericRecord) value;
        for (Schema.Field f : t.getFields()) {
          set((FieldVector) s.getChild(f.name()), i, r.get(f.name()), f.schema());
        }
        return;
      }
      case ARRAY: {
        ListVector l = (ListVector) v;
        List<?> items = (List<?>) value;
        int start = l.startNewValue(i);
        FieldVector data = l.getDataVector();
        for (int k = 0; k < items.size(); k++) {
          set(data, start + k, items.get(k), t.getElementType());
        }
        l.endValue(i, items.size());
        return;
      }
      case STRING:
        ((VarCharVector) v).setSafe(i, value.toString().getBytes(StandardCharsets.UTF_8));
        return;
      case LONG:
        ((BigIntVector) v).setSafe(i, (Long) value);
        return;
      case INT:
        ((IntVector) v).setSafe(i, (Integer) value);
        return;
      case DOUBLE:
        ((Float8Vector) v).setSafe(i, (Double) value);
        return;
      case BOOLEAN:
        ((BitVector) v).setSafe(i, ((Boolean) value) ? 1 : 0);
        return;
      default:
        throw new IllegalArgumentException("no Arrow type for Avro " + t.getType());
    }
  }

  private static void setNullPrimitive(FieldVector v, int i) {
    if (v instanceof VarCharVector x) {
      x.setNull(i);
    } else if (v instanceof BigIntVector x) {
      x.setNull(i);
    } else if (v instanceof IntVector x) {
      x.setNull(i);
    } else if (v instanceof Float8Vector x) {
      x.setNull(i);
    } else if (v instanceof BitVector x) {
      x.setNull(i);
    } else {
      throw new IllegalArgumentException("cannot set null in " + v.getClass().getSimpleName());
    }
  }
}
