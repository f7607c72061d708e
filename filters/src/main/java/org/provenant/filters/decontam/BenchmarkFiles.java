package org.provenant.filters.decontam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.provenant.filters.step.StepFiles;

/**
 * Reads benchmark items from JSONL files ({@code .jsonl}, {@code .json} lines, {@code .jsonl.gz}),
 * and from Parquet files ({@code .parquet}) through the reader the pipelines module installs
 * ({@link #useParquet}; plain Java here has no Parquet library):
 * one item per non-blank line, its text the configured fields joined by newlines (each a string,
 * or a list of strings such as multiple-choice options), its id the {@code id_field} (a string or
 * a number), else {@code line N}. A line that is not a JSON object or lacks every text field fails
 * with {@code FILE:LINE}, so a wrong field name never yields an empty benchmark.
 */
public final class BenchmarkFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static volatile ParquetItems parquet;

  private BenchmarkFiles() {}

  /** Reads the items of one Parquet benchmark file, the same fields as a JSONL line's. */
  public interface ParquetItems {
    void read(String benchmark, String file, Fields fields, List<BenchmarkItem> out) throws IOException;
  }

  /** Makes {@code .parquet} benchmark files readable in this JVM (the pipelines module installs one). */
  public static void useParquet(ParquetItems reader) {
    parquet = reader;
  }

  /**
   * The text of one item from its field values (a string, or a list whose elements are joined),
   * or null when none of the fields is present; the rule JSONL and Parquet share.
   */
  public static String itemText(List<Object> values) {
    StringBuilder text = new StringBuilder();
    boolean any = false;
    for (Object v : values) {
      if (v == null) {
        continue;
      }
      if (v instanceof Iterable<?> list) {
        for (Object e : list) {
          text.append(text.length() > 0 ? "\n" : "").append(e);
        }
      } else {
        text.append(text.length() > 0 ? "\n" : "").append(v);
      }
      any = true;
    }
    return any ? text.toString() : null;
  }

  /** Which fields hold an item's text and id. */
  public record Fields(List<String> textFields, String idField) {
    public Fields {
      textFields = List.copyOf(textFields);
      if (textFields.isEmpty()) {
        throw new IllegalArgumentException("no text field named");
      }
    }
  }

  /** A benchmark file and the name its items are reported under. */
  public record Source(String benchmark, String file) {}

  /**
   * Parses {@code NAME=PATH} or {@code PATH} entries; an entry without a name takes {@code
   * defaultName}, or when that is blank the file's name without {@code .jsonl}/{@code .gz}.
   */
  public static List<Source> sources(String step, String param, List<String> entries, String defaultName) {
    List<Source> out = new ArrayList<>();
    for (String entry : entries) {
      int eq = entry.indexOf('=');
      String name = eq > 0 && !entry.substring(0, eq).contains("/") ? entry.substring(0, eq).strip() : null;
      String spec = name == null ? entry.strip() : entry.substring(eq + 1).strip();
      for (String file : StepFiles.files(step, param, List.of(spec))) {
        String n = name != null ? name : !defaultName.isBlank() ? defaultName : stem(file);
        out.add(new Source(n, file));
      }
    }
    return out;
  }

  static String stem(String file) {
    String s = file.substring(file.lastIndexOf('/') + 1);
    for (String ext : List.of(".gz", ".jsonl", ".json", ".ndjson", ".parquet")) {
      if (s.endsWith(ext)) {
        s = s.substring(0, s.length() - ext.length());
      }
    }
    return s;
  }

  /** The items of every source, in the order given, each file's lines in order. */
  public static List<BenchmarkItem> read(List<Source> sources, Fields fields) throws IOException {
    List<BenchmarkItem> out = new ArrayList<>();
    for (Source s : sources) {
      if (s.file().endsWith(".parquet")) {
        ParquetItems p = parquet;
        if (p == null) {
          throw new IOException("benchmark " + s.file() + ": Parquet benchmark files are read through the pipelines module");
        }
        p.read(s.benchmark(), s.file(), fields, out);
        continue;
      }
      try (InputStream raw = StepFiles.open(s.file())) {
        read(s.benchmark(), s.file(), s.file().endsWith(".gz") ? new GZIPInputStream(raw) : raw, fields, out);
      }
    }
    return out;
  }

  /** The items of one JSONL stream. */
  public static void read(String benchmark, String file, InputStream in, Fields fields, List<BenchmarkItem> out)
      throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int lineNo = 0;
    while ((line = r.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String where = file + ":" + lineNo;
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IOException("benchmark " + where + ": not JSON: " + e.getOriginalMessage(), e);
      }
      if (node == null || !node.isObject()) {
        throw new IOException("benchmark " + where + ": not a JSON object");
      }
      List<Object> values = new ArrayList<>();
      for (String f : fields.textFields()) {
        JsonNode v = node.get(f);
        if (v == null || v.isNull()) {
          values.add(null);
        } else if (v.isArray()) {
          List<String> items = new ArrayList<>();
          v.forEach(e -> items.add(e.asText()));
          values.add(items);
        } else {
          values.add(v.asText());
        }
      }
      String text = itemText(values);
      if (text == null) {
        throw new IOException("benchmark " + where + ": none of the text fields " + fields.textFields() + " is present");
      }
      JsonNode id = fields.idField().isBlank() ? null : node.get(fields.idField());
      String itemId = id == null || id.isNull() || id.isContainerNode() ? "line " + lineNo : id.asText();
      out.add(new BenchmarkItem(benchmark, itemId, text));
    }
  }
}
