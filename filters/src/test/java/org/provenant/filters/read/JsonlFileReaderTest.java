package org.provenant.filters.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.provenant.schemas.Kind;

class JsonlFileReaderTest {
  private static final String ROWS =
      "{\"id\":\"doc-1\",\"text\":\"First text.\",\"url\":\"https://a.example/1\"}\n"
          + "{\"text\":\"No id here.\",\"metadata\":{\"url\":\"https://b.example/2\"},\"added\":\"2024-01-01\"}\n"
          + "\n"
          + "not json\n"
          + "{\"id\":7,\"title\":\"no text\"}\n";

  private static CollectingSink read(String name, byte[] bytes, ReadSummary[] s) throws IOException {
    CollectingSink sink = new CollectingSink();
    s[0] = new JsonlFileReader().read("/data/" + name, new ByteArrayInputStream(bytes), sink);
    return sink;
  }

  @Test
  void keepsOwnIdsDerivesMissingOnesAndRejectsBadLines() throws IOException {
    byte[] bytes = (ROWS + "{\"text\":\"bad \u00ff\"}\n").getBytes(StandardCharsets.UTF_8);
    // make the last line invalid UTF-8: replace the two bytes of U+00FF with 0xFF 0x20
    int at = indexOf(bytes, new byte[] {(byte) 0xC3, (byte) 0xBF});
    bytes[at] = (byte) 0xFF;
    bytes[at + 1] = 0x20;
    ReadSummary[] s = new ReadSummary[1];
    CollectingSink sink = read("rows.jsonl", bytes, s);
    assertEquals(2, sink.candidates.size());
    Candidate first = sink.candidates.get(0);
    assertEquals("doc-1", first.id());
    assertEquals(Kind.TEXT, first.kind());
    assertEquals(0, first.source().offset());
    assertEquals("https://a.example/1", first.source().url());
    Candidate second = sink.candidates.get(1);
    assertEquals(Digests.id("jsonl", "rows.jsonl", "2"), second.id());
    assertEquals(ROWS.indexOf("{\"text\":\"No id"), second.source().offset());
    assertEquals("https://b.example/2", second.source().url());
    assertEquals("2024-01-01", second.source().date());
    assertEquals(
        List.of("malformed_record", "missing_text", "decode_error"),
        sink.rejections.stream().map(r -> r.reason()).toList());
    assertEquals("7", sink.rejections.get(1).id());
    assertEquals("line 6 is not valid UTF-8", sink.rejections.get(2).detail());
    assertEquals(5, s[0].candidates());
    assertNull(s[0].error());
  }

  @Test
  void readsGzipAndZstdAndReportsATruncatedGzip() throws IOException {
    byte[] raw = ROWS.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream o = new GZIPOutputStream(gz)) {
      o.write(raw);
    }
    ByteArrayOutputStream zst = new ByteArrayOutputStream();
    try (ZstdOutputStream o = new ZstdOutputStream(zst)) {
      o.write(raw);
    }
    ReadSummary[] s = new ReadSummary[1];
    assertEquals(2, read("rows.jsonl.gz", gz.toByteArray(), s).candidates.size());
    assertEquals(2, read("rows.jsonl.zst", zst.toByteArray(), s).candidates.size());
    byte[] cut = java.util.Arrays.copyOf(gz.toByteArray(), gz.size() - 12);
    CollectingSink sink = read("rows.jsonl.gz", cut, s);
    assertEquals("truncated_record", sink.rejections.get(sink.rejections.size() - 1).reason());
    assertEquals(s[0].candidates(), sink.candidates.size() + sink.rejections.size());
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
