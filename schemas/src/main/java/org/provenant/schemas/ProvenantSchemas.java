package org.provenant.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;

/**
 * The Avro schemas of the Parquet rows, loaded from the {@code .avsc} files under {@code
 * schemas/avro/} so that the files are the single definition of the output format.
 */
public final class ProvenantSchemas {
  /** Schema of a kept document row ({@code document.avsc}). */
  public static final Schema DOCUMENT;
  /** Schema of a rejected row ({@code rejected.avsc}). */
  public static final Schema REJECTED;
  /** Version of the output format; bump when a column changes meaning. */
  public static final String FORMAT_VERSION = "provenant/1";

  static {
    Schema.Parser parser = new Schema.Parser();
    DOCUMENT = parse(parser, "document.avsc");
    REJECTED = parse(parser, "rejected.avsc");
  }

  private ProvenantSchemas() {}

  private static Schema parse(Schema.Parser parser, String name) {
    String resource = "/org/provenant/schemas/avro/" + name;
    try (InputStream in = ProvenantSchemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("schema resource missing: " + resource);
      }
      return parser.parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema " + resource, e);
    }
  }

  /** The JSON Schema of {@code manifest.json}, as text. */
  public static String manifestJsonSchema() {
    return resourceText("/org/provenant/schemas/json/manifest.schema.json");
  }

  static String resourceText(String resource) {
    try (InputStream in = ProvenantSchemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("schema resource missing: " + resource);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
