package org.provenant.filters.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

class WarcFileReaderTest {
  private static final Path SHARED = Path.of("../../shared/corpora/warc");

  /** Three responses: a page, a 404 and an image; record ids urn:uuid:00000000-0000-4000-8000-00000000000N. */
  static byte[] threeResponses(WarcCompression compression) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    WarcWriter w = new WarcWriter(Channels.newChannel(bytes), compression);
    w.write(response(1, "https://example.org/a", 200, "text/html; charset=utf-8", "<html><body><p>Hello world.</p></body></html>"));
    w.write(response(2, "https://example.org/missing", 404, "text/html", "<p>not found</p>"));
    w.write(response(3, "https://example.org/logo.png", 200, "image/png", "\u0089PNG"));
    return bytes.toByteArray();
  }

  static WarcResponse response(int n, String url, int status, String type, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    HttpResponse http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Not Found")
        .addHeader("Content-Type", type)
        .addHeader("Content-Length", Integer.toString(b.length))
        .body(MediaType.parse(type), b)
        .build();
    return new WarcResponse.Builder(URI.create(url))
        .recordId(URI.create(String.format("urn:uuid:00000000-0000-4000-8000-%012d", n)))
        .date(Instant.parse("2026-01-0" + n + "T00:00:00Z"))
        .body(http)
        .build();
  }

  static CollectingSink read(byte[] file, ReadSummary[] summary) throws IOException {
    CollectingSink sink = new CollectingSink();
    summary[0] = new WarcFileReader().read("/data/t.warc.gz", new ByteArrayInputStream(file), sink);
    return sink;
  }

  @Test
  void gzipPerRecordOffsetsPointAtTheirMembers() throws IOException {
    byte[] file = threeResponses(WarcCompression.GZIP);
    ReadSummary[] s = new ReadSummary[1];
    CollectingSink sink = read(file, s);
    assertEquals(3, sink.candidates.size());
    assertEquals(Map.of("response", 3L), s[0].recordsByType());
    assertEquals(3, s[0].candidates());
    assertNull(s[0].error());
    for (Candidate c : sink.candidates) {
      // seek to the offset in the compressed file: the record found there is this candidate's
      try (WarcReader r = new WarcReader(new ByteArrayInputStream(file, (int) c.source().offset(), file.length))) {
        WarcRecord first = r.next().orElseThrow();
        assertEquals(c.source().recordId(), first.headers().first("WARC-Record-ID").orElseThrow());
      }
    }
    Candidate a = sink.candidates.get(0);
    assertEquals(0, a.source().offset());
    assertEquals("<urn:uuid:00000000-0000-4000-8000-000000000001>", a.source().recordId()); // as written
    assertEquals(Digests.id("warc", "urn:uuid:00000000-0000-4000-8000-000000000001"), a.id());
    assertEquals("943c303c0cb5e1d51afe7053bf04501d", a.id());
    assertEquals("https://example.org/a", a.source().url());
    assertEquals("2026-01-01T00:00:00Z", a.source().date());
    assertEquals(200, a.source().httpStatus());
    assertEquals("text/html;charset=utf-8", a.source().contentType()); // as jwarc wrote it
    assertArrayEquals("<html><body><p>Hello world.</p></body></html>".getBytes(StandardCharsets.UTF_8), a.body());
    assertEquals(404, sink.candidates.get(1).source().httpStatus());
    assertTrue(sink.candidates.get(1).source().offset() > 0);
  }

  @Test
  void plainWarcOffsetsAreRecordOffsets() throws IOException {
    byte[] file = threeResponses(WarcCompression.NONE);
    ReadSummary[] s = new ReadSummary[1];
    CollectingSink sink = read(file, s);
    assertEquals(3, sink.candidates.size());
    for (Candidate c : sink.candidates) {
      String at = new String(file, (int) c.source().offset(), 9, StandardCharsets.US_ASCII);
      assertEquals("WARC/1.0\r", at);
    }
  }

  @Test
  void wholeFileGzipGivesDecompressedOffsetsAndSaysSo() throws IOException {
    byte[] plain = threeResponses(WarcCompression.NONE);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(plain);
    }
    ReadSummary[] s = new ReadSummary[1];
    CollectingSink sink = read(gz.toByteArray(), s);
    assertEquals(3, sink.candidates.size());
    byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(gz.toByteArray())).readAllBytes();
    assertArrayEquals(plain, unzipped);
    assertEquals(0, sink.candidates.get(0).source().offset());
    for (Candidate c : sink.candidates.subList(1, 3)) {
      assertEquals("WARC/1.0\r", new String(plain, (int) c.source().offset(), 9, StandardCharsets.US_ASCII));
      assertEquals("response record in a whole-file gzip: offset is in the decompressed stream", c.lineage().get(0).detail());
    }
  }

  @Test
  void truncatedLastMemberBecomesARejectionAndTheRunGoesOn() throws IOException {
    byte[] file = threeResponses(WarcCompression.GZIP);
    ReadSummary[] full = new ReadSummary[1];
    long thirdOffset = read(file, full).candidates.get(2).source().offset();
    byte[] cut = java.util.Arrays.copyOf(file, (int) thirdOffset + 40);
    ReadSummary[] s = new ReadSummary[1];
    CollectingSink sink = read(cut, s);
    assertEquals(2, sink.candidates.size());
    assertEquals(1, sink.rejections.size());
    var r = sink.rejections.get(0);
    assertEquals("truncated_record", r.reason());
    assertEquals(thirdOffset, r.source().offset());
    assertEquals("read_warc@1", r.step());
    assertEquals("gzip member at offset " + thirdOffset + " is truncated; reading of this file stopped at offset " + thirdOffset, r.detail());
    assertEquals(3, s[0].candidates());
    assertEquals("truncated_record: " + r.detail(), s[0].error());
  }

  @Test
  void corruptCrcIsAMalformedRecord() throws IOException {
    byte[] file = threeResponses(WarcCompression.GZIP);
    ReadSummary[] full = new ReadSummary[1];
    long second = read(file, full).candidates.get(1).source().offset();
    long third = full[0] == null ? 0 : read(file, full).candidates.get(2).source().offset();
    byte[] bad = file.clone();
    bad[(int) third - 8] ^= 0x55; // CRC-32 of the second member
    ReadSummary[] s = new ReadSummary[1];
    CollectingSink sink = read(bad, s);
    // the record decodes before its member's trailer is checked: it is a candidate, and the failed
    // check is a rejection at the same member offset; reading resumes at the next member
    assertEquals(3, sink.candidates.size());
    assertEquals(1, sink.rejections.size());
    assertEquals("malformed_record", sink.rejections.get(0).reason());
    assertEquals(second, sink.rejections.get(0).source().offset());
    assertEquals("gzip member at offset " + second + " fails its CRC-32 check; skipped to the next gzip member at offset " + third,
        sink.rejections.get(0).detail());
    assertEquals(third, sink.candidates.get(2).source().offset());
    assertEquals(4, s[0].candidates());
  }

  @Test
  void aCorruptMemberInTheMiddleIsSkippedAndReadingResumes() throws IOException {
    byte[] file = threeResponses(WarcCompression.GZIP);
    ReadSummary[] full = new ReadSummary[1];
    List<Candidate> all = read(file, full).candidates;
    long second = all.get(1).source().offset();
    long third = all.get(2).source().offset();
    byte[] bad = file.clone();
    for (int i = (int) second + 12; i < second + 40; i++) {
      bad[i] = (byte) 0xff; // garbage in the deflate data of the second member
    }
    ReadSummary[] s = new ReadSummary[1];
    CollectingSink sink = read(bad, s);
    assertEquals(List.of(all.get(0).id(), all.get(2).id()), sink.candidates.stream().map(Candidate::id).toList());
    assertEquals(1, sink.rejections.size());
    assertEquals(second, sink.rejections.get(0).source().offset());
    assertTrue(sink.rejections.get(0).detail().endsWith("; skipped to the next gzip member at offset " + third), sink.rejections.get(0).detail());
    assertEquals(3, s[0].candidates());
    assertEquals(3, sink.candidates.size() + sink.rejections.size());
    assertEquals(third, sink.candidates.get(1).source().offset());
  }

  // ---- real third-party files (skipped when ../shared is absent) ----

  private static byte[] shared(String rel) throws IOException {
    Path p = SHARED.resolve(rel);
    Assumptions.assumeTrue(Files.exists(p), "shared corpora not present: " + p.toAbsolutePath());
    return Files.readAllBytes(p);
  }

  @Test
  void warcioExampleCountsEveryRecordType() throws IOException {
    ReadSummary[] s = new ReadSummary[1];
    CollectingSink sink = read(shared("warcio/example.warc.gz"), s);
    assertEquals(new TreeMap<>(Map.of("warcinfo", 2L, "response", 1L, "request", 2L, "revisit", 1L)), s[0].recordsByType());
    assertEquals(1, sink.candidates.size());
    assertEquals(784, sink.candidates.get(0).source().offset());
    assertEquals("http://example.com/", sink.candidates.get(0).source().url());
    assertTrue(new String(sink.candidates.get(0).body(), StandardCharsets.UTF_8).contains("<title>Example Domain</title>"));
  }

  @Test
  void warcioTruncatedFileStopsWithAReason() throws IOException {
    ReadSummary[] s = new ReadSummary[1];
    CollectingSink sink = read(shared("warcio/example-trunc.warc"), s);
    // the response's gzip-encoded body is cut short, then the next record does not parse
    assertEquals(List.of("malformed_http_body", "malformed_record"), sink.rejections.stream().map(r -> r.reason()).toList());
    assertEquals(List.of(1197L, 1197L), sink.rejections.stream().map(r -> r.source().offset()).toList());
    assertEquals("<urn:uuid:a9c51e3e-0221-11e7-bf66-0242ac120005>", sink.rejections.get(0).source().recordId());
    assertEquals("invalid WARC record at position 0; reading of this file stopped after the record at offset 1197", sink.rejections.get(1).detail());
    assertEquals(s[0].candidates(), sink.candidates.size() + sink.rejections.size());
  }

  @Test
  void resiliparseClippedGzipIsTruncated() throws IOException {
    ReadSummary[] s = new ReadSummary[1];
    CollectingSink sink = read(shared("resiliparse/clipped.warc.gz"), s);
    assertEquals(List.of("truncated_record"), sink.rejections.stream().map(r -> r.reason()).toList());
    assertEquals(0, sink.rejections.get(0).source().offset());
  }

  @Test
  void commonCrawlWetConversionIsText() throws IOException {
    ReadSummary[] s = new ReadSummary[1];
    CollectingSink sink = read(shared("commoncrawl-whirlwind/whirlwind.warc.wet.gz"), s);
    assertEquals(Map.of("warcinfo", 1L, "conversion", 1L), s[0].recordsByType());
    Candidate c = sink.candidates.get(0);
    assertEquals(466, c.source().offset());
    assertNull(c.body());
    assertTrue(c.text().length() > 100);
  }
}
