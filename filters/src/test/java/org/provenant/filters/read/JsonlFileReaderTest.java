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
import org.provenant.schemas.Rejection;

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

  /** Everything a read produced, as one comparable text. */
  private static String outcome(JsonlFileReader reader, byte[] bytes) throws IOException {
    CollectingSink sink = new CollectingSink();
    ReadSummary s = reader.read("/data/mixed.jsonl", new ByteArrayInputStream(bytes), sink);
    StringBuilder b = new StringBuilder();
    for (Candidate c : sink.candidates) {
      b.append("C ").append(c.id()).append(' ').append(c.source().offset()).append(' ').append(c.text()).append('\n');
    }
    for (Rejection r : sink.rejections) {
      b.append("R ").append(r.id()).append(' ').append(r.source().offset()).append(' ').append(r.reason()).append(' ').append(r.detail()).append('\n');
    }
    return b.append("S ").append(s.recordsRead()).append(' ').append(s.candidates()).append(' ').append(s.error()).toString();
  }

  @Test
  void linesAtTheLimitCrlfAndAMissingLastNewline() throws IOException {
    String atLimit = "{\"text\":\"" + "a".repeat(64 - 11) + "\"}"; // exactly 64 bytes
    String overLimit = "{\"text\":\"" + "a".repeat(64 - 10) + "\"}"; // 65 bytes
    assertEquals(64, atLimit.length());
    String input = atLimit + "\n" + overLimit + "\n \t\r\n{\"id\":\"crlf\",\"text\":\"x\"}\r\n{\"id\":\"last\",\"text\":\"\u00e9t\u00e9\"}";
    byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
    String expected = "C " + Digests.id("jsonl", "mixed.jsonl", "1") + " 0 " + "a".repeat(53) + "\n"
        + "C crlf " + input.indexOf("{\"id\":\"crlf") + " x\n"
        + "C last " + input.indexOf("{\"id\":\"last") + " \u00e9t\u00e9\n"
        + "R " + Digests.id("jsonl", "mixed.jsonl", "2") + " 65 record_too_large line 2 is over 64 bytes\n"
        + "S 4 4 null";
    for (int chunk : new int[] {1, 2, 3, 7, 64, 65, 1 << 16}) {
      assertEquals(expected, outcome(new JsonlFileReader(64, chunk), bytes), "chunk " + chunk);
    }
  }

  /** Random lines of every kind read the same whatever the chunk size, multi-byte characters split included. */
  @Test
  void chunkSizeNeverChangesTheOutcome() throws IOException {
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    String[] words = {"caf\u00e9", "\u65e5\u672c", "\ud83d\ude00", "plain", "tab\\t", "quote\\\""};
    for (int i = 0; i < 400; i++) {
      int kind = random.nextInt(8);
      StringBuilder text = new StringBuilder();
      for (int w = random.nextInt(1, 30); w > 0; w--) {
        text.append(words[random.nextInt(words.length)]).append(' ');
      }
      byte[] line = switch (kind) {
        case 0 -> new byte[0];
        case 1 -> "   ".getBytes(StandardCharsets.UTF_8);
        case 2 -> "not json at all".getBytes(StandardCharsets.UTF_8);
        case 3 -> new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, '"', '}'};
        case 4 -> ("{\"text\":\"" + text.toString().repeat(12) + "\"}").getBytes(StandardCharsets.UTF_8);
        default -> ("{\"id\":\"r" + i + "\",\"text\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
      };
      input.write(line);
      input.write(random.nextInt(5) == 0 ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
    }
    byte[] bytes = input.toByteArray();
    String reference = outcome(new JsonlFileReader(300, 1 << 16), bytes);
    assertEquals(true, reference.contains(" record_too_large ") && reference.contains(" decode_error ")
        && reference.contains(" malformed_record "), reference);
    for (int chunk : new int[] {1, 3, 7, 100, 4096}) {
      assertEquals(reference, outcome(new JsonlFileReader(300, chunk), bytes), "chunk " + chunk);
    }
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
