package org.provenant.filters.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonlRangesTest {
  /** Lines of every kind the reader tells apart, a long one, and no newline at the end. */
  private static byte[] file(boolean finalNewline) {
    StringBuilder b = new StringBuilder();
    b.append("{\"id\":\"a\",\"text\":\"first\"}\n");
    b.append("\n"); // blank: counted as a line, not a record
    b.append("   \r\n");
    b.append("{\"text\":\"no id, so the id comes from the line number\"}\n");
    b.append("{\"id\":\"long\",\"text\":\"").append("x".repeat(300)).append("\"}\n");
    b.append("not json\n");
    b.append("{\"id\":\"c\",\"text\":\"caf\u00e9 \u4e2d\"}\n");
    b.append("[1,2]\n");
    b.append("{\"id\":\"d\"}\n");
    b.append("{\"text\":\"").append("y".repeat(90)).append("\"}\n");
    b.append("\n\n");
    b.append("{\"id\":\"e\",\"text\":\"last\"}");
    if (finalNewline) {
      b.append('\n');
    }
    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
    // one line that is not UTF-8, in the middle
    byte[] bad = "{\"id\":\"bad\",\"text\":\"\u00ff\"}\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] out = new byte[bytes.length + bad.length];
    int cut = b.indexOf("not json");
    System.arraycopy(bytes, 0, out, 0, cut);
    System.arraycopy(bad, 0, out, cut, bad.length);
    System.arraycopy(bytes, cut, out, cut + bad.length, bytes.length - cut);
    return out;
  }

  private static InputStream from(byte[] file, long pos) {
    return new ByteArrayInputStream(file, (int) pos, file.length - (int) pos);
  }

  private static long[] readByRanges(JsonlFileReader reader, byte[] file, long splitBytes, CollectingSink sink) throws IOException {
    List<JsonlRanges.Scan> scans = new ArrayList<>();
    for (JsonlRanges.Split s : JsonlRanges.splits(file.length, splitBytes)) {
      scans.add(JsonlRanges.scan(s, file.length, from(file, s.start() == 0 ? 0 : s.start() - 1)));
    }
    Collections.shuffle(scans, new Random(splitBytes)); // the plan does not depend on their order
    long records = 0;
    long candidates = 0;
    for (JsonlRanges.Range r : JsonlRanges.plan(scans, file.length)) {
      ReadSummary s = reader.readRange("/in/docs.jsonl", from(file, r.start()), r.start(), r.end(), r.linesBefore(), sink);
      records += s.recordsRead();
      candidates += s.candidates();
      assertEquals(null, s.error());
    }
    return new long[] {records, candidates};
  }

  @Test
  void rangesOfEverySizeReadWhatOneReaderReads() throws IOException {
    JsonlFileReader reader = new JsonlFileReader(200, 7);
    for (boolean finalNewline : new boolean[] {true, false}) {
      byte[] file = file(finalNewline);
      CollectingSink whole = new CollectingSink();
      ReadSummary all = reader.read("/in/docs.jsonl", new ByteArrayInputStream(file), whole);
      assertEquals(10, all.recordsRead());
      assertEquals(5, whole.candidates.size());
      assertEquals(List.of("record_too_large", "decode_error", "malformed_record", "malformed_record", "missing_text"),
          whole.rejections.stream().map(x -> x.reason()).toList());
      assertEquals("line 9 is not a JSON object", whole.rejections.get(3).detail());
      for (long split = 1; split <= file.length + 1; split++) {
        CollectingSink parts = new CollectingSink();
        long[] counts = readByRanges(reader, file, split, parts);
        assertEquals(whole.candidates, parts.candidates, "split " + split);
        assertEquals(whole.rejections, parts.rejections, "split " + split);
        assertEquals(all.recordsRead(), counts[0], "split " + split);
        assertEquals(all.candidates(), counts[1], "split " + split);
      }
    }
  }

  @Test
  void aLineLongerThanSeveralRangesIsReadOnceByTheRangeItStartsIn() throws IOException {
    byte[] file = ("{\"id\":\"a\",\"text\":\"" + "z".repeat(100) + "\"}\n{\"id\":\"b\",\"text\":\"b\"}\n").getBytes(StandardCharsets.UTF_8);
    List<JsonlRanges.Scan> scans = new ArrayList<>();
    for (JsonlRanges.Split s : JsonlRanges.splits(file.length, 10)) {
      scans.add(JsonlRanges.scan(s, file.length, from(file, s.start() == 0 ? 0 : s.start() - 1)));
    }
    assertEquals(15, scans.size());
    List<JsonlRanges.Range> ranges = JsonlRanges.plan(scans, file.length);
    assertEquals(List.of(new JsonlRanges.Range(0, 0, 121, 0), new JsonlRanges.Range(12, 121, 143, 1)), ranges);
  }

  @Test
  void badArgumentsAreRefused() {
    assertEquals(List.of(), JsonlRanges.splits(0, 10));
    assertEquals(List.of(new JsonlRanges.Split(0, 0, 10), new JsonlRanges.Split(1, 10, 15)), JsonlRanges.splits(15, 10));
    assertThrows(IllegalArgumentException.class, () -> JsonlRanges.splits(10, 0));
    assertThrows(IllegalArgumentException.class,
        () -> JsonlRanges.plan(List.of(new JsonlRanges.Scan(1, 10, 0, 10)), 20));
    assertThrows(IllegalArgumentException.class,
        () -> new JsonlFileReader().readRange("/in/a.jsonl.gz", InputStream.nullInputStream(), 0, 1, 0, new CollectingSink()));
    assertThrows(java.io.EOFException.class,
        () -> JsonlRanges.scan(new JsonlRanges.Split(0, 0, 10), 10, new ByteArrayInputStream(new byte[4])));
  }
}
