package org.provenant.filters.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.provenant.filters.extract.WebExtractor;
import org.provenant.filters.step.Outcome;
import org.provenant.schemas.Rejection;

/**
 * Pages as servers send them, in a WARC the test writes byte by byte (gzip per record), read by
 * {@link WarcFileReader} and extracted by {@link WebExtractor}: each record's exact text, or its
 * exact reason and detail.
 */
class ServedPagesTest {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final long CAP = 200_000;

  private static String sentence(String what) {
    return "This page was sent " + what + " and its words must survive the trip intact.";
  }

  private static byte[] page(String what) {
    return ("<html><head><title>t</title></head><body><p>" + sentence(what) + "</p></body></html>")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** One gzip member holding a WARC response record whose block is {@code head} CRLF {@code body}. */
  private static byte[] record(int n, String path, String head, byte[] body) throws IOException {
    byte[] http = HttpBodiesTest.concat(ascii("HTTP/1.1 200 OK\r\n" + head + "\r\n"), body);
    String warcHead = "WARC/1.1\r\n"
        + "WARC-Type: response\r\n"
        + String.format("WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\n", n)
        + "WARC-Date: 2026-12-01T00:00:00Z\r\n"
        + "WARC-Target-URI: https://served.example" + path + "\r\n"
        + "Content-Type: application/http; msgtype=response\r\n"
        + "Content-Length: " + http.length + "\r\n\r\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(ascii(warcHead));
      gz.write(http);
      gz.write(ascii("\r\n\r\n"));
    }
    return out.toByteArray();
  }

  private static byte[] chunk(byte[] data, int size, String firstExtension, String trailer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int p = 0; p < data.length; p += size) {
      int n = Math.min(size, data.length - p);
      byte[] line = ascii(Integer.toHexString(n) + (p == 0 ? firstExtension : "") + "\r\n");
      out.write(line, 0, line.length);
      out.write(data, p, n);
      out.write('\r');
      out.write('\n');
    }
    byte[] last = ascii("0\r\n" + trailer + "\r\n");
    out.write(last, 0, last.length);
    return out.toByteArray();
  }

  /** The outcome of every record, by path: "kept: TEXT" or "REASON: DETAIL". */
  private static Map<String, String> curate(byte[] warc) throws IOException {
    CollectingSink sink = new CollectingSink();
    new WarcFileReader(CAP).read("/data/served.warc.gz", new ByteArrayInputStream(warc), sink);
    Map<String, String> out = new TreeMap<>();
    for (Rejection r : sink.rejections) {
      out.put(path(r.source().url()), r.reason() + ": " + r.detail());
    }
    WebExtractor extractor = new WebExtractor(false);
    for (Candidate c : sink.candidates) {
      Outcome o = extractor.extract(c);
      String v = o instanceof Outcome.Kept k
          ? "kept: " + k.document().text()
          : ((Outcome.Rejected) o).rejection().reason() + ": " + ((Outcome.Rejected) o).rejection().detail();
      out.put(path(c.source().url()), v);
    }
    return out;
  }

  private static String path(String url) {
    return url.substring("https://served.example".length());
  }

  @Test
  void everyCodingAServerUsesGivesThePagesText() throws IOException {
    String html = "Content-Type: text/html; charset=utf-8\r\n";
    byte[] big = new byte[(int) CAP + 1];
    Arrays.fill(big, (byte) ' ');
    byte[] gz = HttpBodiesTest.gzip(page("gzipped"));
    byte[] stacked = HttpBodiesTest.brotliStored(HttpBodiesTest.gzip(page("gzipped, then brotli, then chunked")));
    byte[] warc = HttpBodiesTest.concat(
        record(1, "/chunked", html + "Transfer-Encoding: chunked\r\n",
            chunk(page("in chunks"), 17, ";name=\"v a\"", "X-Checksum: abc\r\nExpires: 0\r\n")),
        record(2, "/gzip", html + "Content-Encoding: gzip\r\nContent-Length: " + gz.length + "\r\n", gz),
        record(3, "/x-gzip", html + "Content-Encoding: x-gzip\r\n", HttpBodiesTest.gzip(page("as x-gzip"))),
        record(4, "/deflate-raw", html + "Content-Encoding: deflate\r\n", HttpBodiesTest.deflate(page("raw deflated"), true)),
        record(5, "/deflate-zlib", html + "Content-Encoding: deflate\r\n", HttpBodiesTest.deflate(page("zlib deflated"), false)),
        record(6, "/br", html + "Content-Encoding: br\r\n", HttpBodiesTest.brotliStored(page("with brotli"))),
        record(7, "/zstd", html + "Content-Encoding: zstd\r\n", HttpBodiesTest.zstd(page("with zstandard"))),
        record(8, "/stacked", html + "Content-Encoding: gzip\r\nContent-Encoding: br\r\nTransfer-Encoding: chunked\r\n",
            chunk(stacked, 40, "", "")),
        record(9, "/compress", html + "Content-Encoding: compress\r\n", page("with compress")),
        record(10, "/broken-gzip", html + "Content-Encoding: gzip\r\n", Arrays.copyOf(gz, gz.length - 30)),
        record(11, "/too-large", html + "Content-Encoding: gzip\r\n", HttpBodiesTest.gzip(big)),
        record(12, "/dechunked", html + "Transfer-Encoding: chunked\r\n", page("de-chunked by the crawler")),
        record(13, "/broken-chunks", html + "Transfer-Encoding: chunked\r\n",
            Arrays.copyOf(chunk(page("in broken chunks"), 1000, "", ""), 60)));
    Map<String, String> got = curate(warc);

    Map<String, String> expected = new TreeMap<>();
    expected.put("/chunked", "kept: " + sentence("in chunks"));
    expected.put("/gzip", "kept: " + sentence("gzipped"));
    expected.put("/x-gzip", "kept: " + sentence("as x-gzip"));
    expected.put("/deflate-raw", "kept: " + sentence("raw deflated"));
    expected.put("/deflate-zlib", "kept: " + sentence("zlib deflated"));
    expected.put("/br", "kept: " + sentence("with brotli"));
    expected.put("/zstd", "kept: " + sentence("with zstandard"));
    expected.put("/stacked", "kept: " + sentence("gzipped, then brotli, then chunked"));
    expected.put("/compress", "unsupported_encoding: Content-Encoding compress is not supported");
    expected.put("/broken-gzip", "malformed_http_body: Content-Encoding gzip does not decode: the stream ends early");
    expected.put("/too-large", "record_too_large: Content-Encoding gzip decodes to more than 200000 bytes");
    expected.put("/dechunked", "kept: " + sentence("de-chunked by the crawler"));
    // one chunk of the whole page ("8d" CRLF = 4 bytes of size line), cut after 60 bytes of body
    int pageLength = page("in broken chunks").length;
    assertEquals("8d", Integer.toHexString(pageLength));
    expected.put("/broken-chunks", "malformed_http_body: bad chunked encoding: chunk of " + pageLength
        + " bytes at body byte 4 runs past the end of the body (" + (60 - 4) + " left)");
    assertEquals(expected, got);
  }

  @Test
  void aBodyStoredDecodedSaysSoInItsLineage() throws IOException {
    CollectingSink sink = new CollectingSink();
    byte[] warc = HttpBodiesTest.concat(
        record(1, "/dechunked", "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", page("de-chunked")),
        record(2, "/gunzipped", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", page("gunzipped")),
        record(3, "/gzip", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", HttpBodiesTest.gzip(page("gzipped"))));
    new WarcFileReader(CAP).read("/data/served.warc.gz", new ByteArrayInputStream(warc), sink);
    assertEquals(3, sink.candidates.size());
    assertEquals("response record; Transfer-Encoding: chunked but the body is not chunked (stored de-chunked): read as is",
        sink.candidates.get(0).lineage().get(0).detail());
    assertEquals("response record; Content-Encoding: gzip but the body is text (stored decoded): read as is",
        sink.candidates.get(1).lineage().get(0).detail());
    assertEquals("response record", sink.candidates.get(2).lineage().get(0).detail());
  }

  @Test
  void windows1252PageDeclaredInHeaderAndMetaKeepsEveryCharacter() throws IOException {
    String words = "Caf\u00e9 cr\u00e8me for 3 \u20ac \u2014 a na\u00efve \u201cbargain\u201d, isn\u2019t it?";
    byte[] body = ("<html><head><meta charset=\"windows-1252\"><title>t</title></head><body><p>" + words
        + "</p></body></html>").getBytes(WINDOWS_1252);
    byte[] gz = HttpBodiesTest.gzip(body);
    byte[] warc = HttpBodiesTest.concat(
        record(1, "/w1252", "Content-Type: text/html; charset=windows-1252\r\n", body),
        record(2, "/latin1-chunked-gzip", "Content-Type: text/html; charset=ISO-8859-1\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n",
            chunk(gz, 50, "", "")),
        record(3, "/meta-only", "Content-Type: text/html\r\n", body),
        record(4, "/replacement", "Content-Type: text/html; charset=iso-2022-kr\r\n", body));
    Map<String, String> got = curate(warc);
    Map<String, String> expected = new TreeMap<>();
    expected.put("/w1252", "kept: " + words);
    expected.put("/latin1-chunked-gzip", "kept: " + words);
    expected.put("/meta-only", "kept: " + words);
    expected.put("/replacement", "replacement_encoding: charset iso-2022-kr (from http-header) is the WHATWG replacement encoding, which browsers do not decode");
    assertEquals(expected, got);
  }

  /** HTTP/1.1 allows a body delimited by the connection's close: no Content-Length, no chunked. */
  @Test
  void aResponseWithoutContentLengthIsReadToTheEndOfItsBlock() throws IOException {
    byte[] warc = HttpBodiesTest.concat(
        record(1, "/close-delimited", "Content-Type: text/html\r\nConnection: close\r\n", page("until the connection closed")),
        record(2, "/with-length", "Content-Type: text/html\r\nContent-Length: 20\r\n", page("with a short Content-Length")));
    Map<String, String> got = curate(warc);
    assertEquals("kept: " + sentence("until the connection closed"), got.get("/close-delimited"));
    // a Content-Length shorter than the stored body cuts it: 20 bytes hold no text
    assertEquals("empty_text: no text left after extraction; charset UTF-8 from detected; 0 blocks kept, 0 boilerplate blocks dropped",
        got.get("/with-length"));
  }
}
