package org.provenant.filters.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.ZstdInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
  private static final int DEFAULT_CHUNK_BYTES = 1 << 16;
  private final int maxLineBytes;
  private final int chunkBytes;

  public JsonlFileReader(int maxLineBytes) {
    this(maxLineBytes, DEFAULT_CHUNK_BYTES);
  }

  /** With lines taken from the decompressed stream {@code chunkBytes} at a time (tests use tiny chunks). */
  JsonlFileReader(int maxLineBytes, int chunkBytes) {
    if (maxLineBytes <= 0) {
      throw new IllegalArgumentException("maxLineBytes must be positive: " + maxLineBytes);
    }
    if (chunkBytes <= 0) {
      throw new IllegalArgumentException("chunkBytes must be positive: " + chunkBytes);
    }
    this.maxLineBytes = maxLineBytes;
    this.chunkBytes = chunkBytes;
  }

  public JsonlFileReader() {
    this(DEFAULT_MAX_LINE_BYTES);
  }

  /** Reads {@code raw}, decompressing by the name in {@code uri}; never throws for bad content. */
  public ReadSummary read(String uri, InputStream raw, ReadSink sink) throws IOException {
    String lower = Digests.fileName(uri).toLowerCase(Locale.ROOT);
    return read(uri, () -> decompress(lower, raw), 0, Long.MAX_VALUE, 0, sink);
  }

  /**
   * Whether a file of this name is read as it is stored (not decompressed), so that it can be read
   * in byte ranges ({@link #readRange}).
   */
  public static boolean splittable(String uri) {
    String lower = Digests.fileName(uri).toLowerCase(Locale.ROOT);
    return !lower.endsWith(".gz") && !lower.endsWith(".zst");
  }

  /**
   * Reads the lines of an uncompressed file that start in {@code [start, end)}, as {@link #read}
   * reads them from the whole file: same records, offsets, line numbers and ids. {@code in} gives
   * the file's bytes from {@code start}, which must be 0 or follow a newline; {@code linesBefore}
   * is the number of newlines before {@code start} ({@link JsonlRanges} finds both). The last line
   * is read to its end even past {@code end}.
   */
  public ReadSummary readRange(String uri, InputStream in, long start, long end, long linesBefore, ReadSink sink) throws IOException {
    if (!splittable(uri)) {
      throw new IllegalArgumentException("a compressed file is read whole: " + uri);
    }
    return read(uri, () -> in, start, end, linesBefore, sink);
  }

  /** Opens the stream of lines (a decompressing stream can fail at once, on a bad header). */
  private interface Lines {
    InputStream open() throws IOException;
  }

  private ReadSummary read(String uri, Lines lines, long startOffset, long endOffset, long linesBefore, ReadSink sink)
      throws IOException {
    String fileName = Digests.fileName(uri);
    long records = 0;
    long candidates = 0;
    String error = null;
    long lineNo = linesBefore;
    long offset = startOffset;
    try (InputStream in = lines.open()) {
      byte[] chunk = new byte[chunkBytes];
      int pos = 0;
      int limit = 0;
      LineBuffer line = new LineBuffer(maxLineBytes);
      CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
      while (offset < endOffset) {
        // one line: the bytes up to the next '\n' (or the end), taken from the chunk in runs
        line.reset();
        long start = offset;
        boolean any = false;
        boolean ended = false;
        while (!ended) {
          if (pos == limit) {
            int n = in.read(chunk, 0, chunk.length);
            if (n < 0) {
              break;
            }
            pos = 0;
            limit = n;
            continue;
          }
          any = true;
          int nl = indexOfNewline(chunk, pos, limit);
          int end = nl < 0 ? limit : nl;
          line.append(chunk, pos, end - pos);
          offset += end - pos;
          if (nl >= 0) {
            offset++;
            pos = nl + 1;
            ended = true;
          } else {
            pos = limit;
          }
        }
        if (!any) {
          break;
        }
        lineNo++;
        boolean tooLong = line.tooLong();
        if (!tooLong && isBlank(line.bytes(), line.length())) {
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
        CharBuffer json;
        try {
          json = utf8.reset().decode(ByteBuffer.wrap(line.bytes(), 0, line.length()));
        } catch (CharacterCodingException e) {
          sink.rejected(reject(fallbackId, source.build(), "decode_error", "line " + lineNo + " is not valid UTF-8"));
          continue;
        }
        JsonNode node;
        try (JsonParser parser = JSON.getFactory().createParser(json.array(), json.arrayOffset() + json.position(), json.remaining())) {
          node = JSON.readTree(parser);
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

  private static boolean isBlank(byte[] bytes, int length) {
    for (int i = 0; i < length; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private static int indexOfNewline(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /**
   * The bytes of one line, kept up to a limit: a longer line keeps only its first {@code max}
   * bytes and says so, so an over-long line never takes more memory than the limit.
   */
  private static final class LineBuffer {
    private final int max;
    private byte[] bytes = new byte[8192];
    private int length;
    private boolean tooLong;

    LineBuffer(int max) {
      this.max = max;
    }

    void reset() {
      length = 0;
      tooLong = false;
    }

    void append(byte[] src, int from, int count) {
      int take = Math.min(count, max - length);
      if (take < count) {
        tooLong = true;
      }
      if (take <= 0) {
        return;
      }
      if (length + take > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(length + take, Math.min(max, 2 * bytes.length)));
      }
      System.arraycopy(src, from, bytes, length, take);
      length += take;
    }

    byte[] bytes() {
      return bytes;
    }

    int length() {
      return length;
    }

    boolean tooLong() {
      return tooLong;
    }
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
