package org.provenant.filters.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.provenant.schemas.Kind;
import org.provenant.schemas.LineageEntry;
import org.provenant.schemas.Rejection;
import org.provenant.schemas.Source;

/**
 * Reads a JSONL file ({@code .jsonl}, {@code .jsonl.gz}, {@code .jsonl.zst}) of Dolma- or
 * datatrove-style rows: {@code text} required; {@code id}, {@code url} (or {@code metadata.url}),
 * {@code created}/{@code added}/{@code date} optional. A row's own {@code id} is kept. Each
 * non-blank line is a candidate; lines that are not UTF-8, not JSON, or have no string {@code
 * text} are rejections. The offset is the line's byte offset in the (decompressed) stream.
 */
public final class JsonlFileReader {
  public static final String STEP = "read_jsonl@1";
  public static final int DEFAULT_MAX_LINE_BYTES = 64 << 20;

  private static final ObjectMapper JSON = new ObjectMapper();
  private final int maxLineBytes;

  public JsonlFileReader(int maxLineBytes) {
    if (maxLineBytes <= 0) {
      throw new IllegalArgumentException("maxLineBytes must be positive: " + maxLineBytes);
    }
    this.maxLineBytes = maxLineBytes;
  }

  public JsonlFileReader() {
    this(DEFAULT_MAX_LINE_BYTES);
  }

  /** Reads {@code raw}, decompressing by the name in {@code uri}; never throws for bad content. */
  public ReadSummary read(String uri, InputStream raw, ReadSink sink) throws IOException {
    String fileName = Digests.fileName(uri);
    String lower = fileName.toLowerCase(Locale.ROOT);
    long records = 0;
    long candidates = 0;
    String error = null;
    long lineNo = 0;
    long offset = 0;
    try (InputStream in = new BufferedInputStream(decompress(lower, raw), 1 << 16)) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      while (true) {
        line.reset();
        long start = offset;
        boolean tooLong = false;
        int b;
        boolean any = false;
        while ((b = in.read()) != -1) {
          any = true;
          offset++;
          if (b == '\n') {
            break;
          }
          if (line.size() < maxLineBytes) {
            line.write(b);
          } else {
            tooLong = true;
          }
        }
        if (!any) {
          break;
        }
        lineNo++;
        byte[] bytes = line.toByteArray();
        if (!tooLong && isBlank(bytes)) {
          continue;
        }
        records++;
        candidates++;
        Source.Builder source = Source.builder(uri, start);
        String fallbackId = Digests.id("jsonl", fileName, Long.toString(lineNo));
        if (tooLong) {
          sink.rejected(reject(fallbackId, source.build(), "record_too_large", "line " + lineNo + " is over " + maxLineBytes + " bytes"));
          continue;
        }
        String json;
        try {
          json = StandardCharsets.UTF_8.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
          sink.rejected(reject(fallbackId, source.build(), "decode_error", "line " + lineNo + " is not valid UTF-8"));
          continue;
        }
        JsonNode node;
        try {
          node = JSON.readTree(json);
        } catch (IOException e) {
          sink.rejected(reject(fallbackId, source.build(), "malformed_record", "line " + lineNo + " is not JSON: " + firstLine(e.getMessage())));
          continue;
        }
        if (node == null || !node.isObject()) {
          sink.rejected(reject(fallbackId, source.build(), "malformed_record", "line " + lineNo + " is not a JSON object"));
          continue;
        }
        String id = scalar(node.get("id"));
        if (id == null || id.isEmpty()) {
          id = fallbackId;
        }
        String url = scalar(node.get("url"));
        JsonNode metadata = node.get("metadata");
        if (url == null && metadata != null && metadata.isObject()) {
          url = scalar(metadata.get("url"));
        }
        String date = firstNonNull(scalar(node.get("date")), scalar(node.get("created")), scalar(node.get("added")));
        source.url(url).date(date);
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
          sink.rejected(reject(id, source.build(), "missing_text", "line " + lineNo + " has no string field \"text\""));
          continue;
        }
        sink.candidate(Candidate.ofText(id, Kind.TEXT, source.build(), text.asText(), new LineageEntry(STEP, LineageEntry.OK, "line " + lineNo)));
      }
    } catch (EOFException e) {
      candidates++;
      String detail = "compressed stream ends early after line " + lineNo + "; reading stopped at decompressed offset " + offset;
      sink.rejected(reject(Digests.id("jsonl", fileName, "eof"), Source.builder(uri, offset).build(), "truncated_record", detail));
      error = "truncated_record: " + detail;
    } catch (IOException e) {
      candidates++;
      String detail = "cannot decompress: " + firstLine(e.getMessage()) + "; reading stopped at decompressed offset " + offset;
      sink.rejected(reject(Digests.id("jsonl", fileName, "eof"), Source.builder(uri, offset).build(), "malformed_record", detail));
      error = "malformed_record: " + detail;
    }
    TreeMap<String, Long> byType = new TreeMap<>();
    if (records > 0) {
      byType.put("line", records);
    }
    return new ReadSummary(InputFormat.JSONL, records, byType, candidates, error);
  }

  private static InputStream decompress(String lowerName, InputStream raw) throws IOException {
    if (lowerName.endsWith(".gz")) {
      return new GZIPInputStream(raw, 1 << 16);
    }
    if (lowerName.endsWith(".zst")) {
      return new ZstdInputStream(raw);
    }
    return raw;
  }

  private static Rejection reject(String id, Source source, String reason, String detail) {
    return Rejection.atRead(id, Kind.TEXT, source, STEP, reason, detail);
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private static String scalar(JsonNode n) {
    if (n == null || n.isNull() || n.isContainerNode()) {
      return null;
    }
    return n.asText();
  }

  private static String firstNonNull(String... values) {
    for (String v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static String firstLine(String m) {
    if (m == null) {
      return "unknown error";
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
