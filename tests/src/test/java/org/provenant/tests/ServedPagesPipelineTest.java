package org.provenant.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provenant.pipelines.cli.Curator;
import org.provenant.pipelines.config.CurationConfig;
import org.provenant.pipelines.output.OutputDir;
import org.provenant.schemas.Document;
import org.provenant.schemas.Rejection;
import org.provenant.schemas.manifest.RunManifest;

/**
 * {@code curate} over a crawl of pages as servers send them (a WARC the test writes byte by byte):
 * chunked with extensions and trailers, gzip, br, zstd, stacked codings, a body stored de-chunked
 * under its Transfer-Encoding header, a windows-1252 page declared in its header and its meta; and
 * the ones that cannot be read, each with its reason.
 */
class ServedPagesPipelineTest {
  @TempDir Path tmp;

  private static final String WORDS_1252 = "Caf\u00e9 cr\u00e8me for 3 \u20ac \u2014 a na\u00efve \u201cbargain\u201d, isn\u2019t it?";

  private static String sentence(String what) {
    return "This page was sent " + what + " and its words must survive the trip intact.";
  }

  private static byte[] page(String what) {
    return ("<html><head><title>t</title></head><body><p>" + sentence(what) + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.write(p, 0, p.length);
    }
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream o = new GZIPOutputStream(out)) {
      o.write(data);
    }
    return out.toByteArray();
  }

  private static byte[] zstd(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream o = new ZstdOutputStream(out)) {
      o.write(data);
    }
    return out.toByteArray();
  }

  /** RFC 7932: WBITS 16, one uncompressed meta-block of the data, an empty last meta-block. */
  private static byte[] brotliStored(byte[] data) {
    int header = ((data.length - 1) << 4) | (1 << 20);
    return concat(new byte[] {(byte) header, (byte) (header >> 8), (byte) (header >> 16)}, data, new byte[] {3});
  }

  private static byte[] chunked(byte[] data, int size, String extension, String trailer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int p = 0; p < data.length; p += size) {
      int n = Math.min(size, data.length - p);
      out.writeBytes(ascii(Integer.toHexString(n) + extension + "\r\n"));
      out.write(data, p, n);
      out.writeBytes(ascii("\r\n"));
    }
    out.writeBytes(ascii("0\r\n" + trailer + "\r\n"));
    return out.toByteArray();
  }

  private static byte[] record(String path, String head, byte[] body) throws IOException {
    byte[] http = concat(ascii("HTTP/1.1 200 OK\r\n" + head + "\r\n"), body);
    String warcHead = "WARC/1.1\r\nWARC-Type: response\r\n"
        + "WARC-Record-ID: <urn:uuid:" + java.util.UUID.nameUUIDFromBytes(ascii(path)) + ">\r\n"
        + "WARC-Date: 2026-12-01T00:00:00Z\r\n"
        + "WARC-Target-URI: https://served.example" + path + "\r\n"
        + "Content-Type: application/http; msgtype=response\r\n"
        + "Content-Length: " + http.length + "\r\n\r\n";
    return gzip(concat(ascii(warcHead), http, ascii("\r\n\r\n")));
  }

  @Test
  void curateKeepsTheWordsOfEveryCodingAndNamesWhatItCannotRead() throws IOException {
    String utf8 = "Content-Type: text/html; charset=utf-8\r\n";
    byte[] w1252 = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><title>t</title>"
        + "</head><body><p>" + WORDS_1252 + "</p></body></html>").getBytes(Charset.forName("windows-1252"));
    byte[] big = new byte[300_000];
    Arrays.fill(big, (byte) ' ');
    byte[] gz = gzip(page("gzipped"));
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.write(in.resolve("served.warc.gz"), concat(
        record("/chunked", utf8 + "Transfer-Encoding: chunked\r\n", chunked(page("in chunks"), 25, ";step=1", "X-Sum: 7\r\n")),
        record("/gzip", utf8 + "Content-Encoding: gzip\r\n", gz),
        record("/br", utf8 + "Content-Encoding: br\r\n", brotliStored(page("with brotli"))),
        record("/zstd", utf8 + "Content-Encoding: zstd\r\n", zstd(page("with zstandard"))),
        record("/stacked", utf8 + "Content-Encoding: gzip, br\r\nTransfer-Encoding: chunked\r\n",
            chunked(brotliStored(gzip(page("gzipped then brotli, chunked"))), 64, "", "")),
        record("/dechunked", utf8 + "Transfer-Encoding: chunked\r\n", page("de-chunked by the crawler")),
        record("/w1252", "Content-Type: text/html; charset=windows-1252\r\n", w1252),
        record("/compress", utf8 + "Content-Encoding: compress\r\n", page("with compress")),
        record("/broken-gzip", utf8 + "Content-Encoding: gzip\r\n", Arrays.copyOf(gz, gz.length / 2)),
        record("/too-large", utf8 + "Content-Encoding: gzip\r\n", gzip(big)),
        record("/replacement", "Content-Type: text/html; charset=hz-gb-2312\r\n", page("in a refused charset"))));

    Path out = tmp.resolve("out");
    CurationConfig config = CurationConfig.parse(
        "{\"preset\": \"none\", \"read\": {\"max_payload_bytes\": 200000}, \"dedup\": {\"enabled\": false}}");
    new Curator(System.err).run(List.of(in + "/*"), out.toString(), config, false, List.of());

    Map<String, String> got = new TreeMap<>();
    for (Document d : CurationEndToEndTest.documents(out)) {
      got.put(d.source().url().substring("https://served.example".length()), "kept: " + d.text());
    }
    for (Rejection r : CurationEndToEndTest.rejections(out)) {
      got.put(r.source().url().substring("https://served.example".length()), r.step() + " " + r.reason() + ": " + r.detail());
    }
    Map<String, String> expected = new TreeMap<>();
    expected.put("/chunked", "kept: " + sentence("in chunks"));
    expected.put("/gzip", "kept: " + sentence("gzipped"));
    expected.put("/br", "kept: " + sentence("with brotli"));
    expected.put("/zstd", "kept: " + sentence("with zstandard"));
    expected.put("/stacked", "kept: " + sentence("gzipped then brotli, chunked"));
    expected.put("/dechunked", "kept: " + sentence("de-chunked by the crawler"));
    expected.put("/w1252", "kept: " + WORDS_1252);
    expected.put("/compress", "read_warc@1 unsupported_encoding: Content-Encoding compress is not supported");
    expected.put("/broken-gzip", "read_warc@1 malformed_http_body: Content-Encoding gzip does not decode: the stream ends early");
    expected.put("/too-large", "read_warc@1 record_too_large: Content-Encoding gzip decodes to more than 200000 bytes");
    expected.put("/replacement", "extract_html@1 replacement_encoding: charset hz-gb-2312 (from http-header) is the WHATWG replacement encoding, which browsers do not decode");
    assertEquals(expected, got);

    RunManifest m = new OutputDir(out.toString()).manifest().orElseThrow();
    assertTrue(m.accountingOk());
    assertEquals(Map.of("malformed_http_body", 1L, "record_too_large", 1L, "replacement_encoding", 1L, "unsupported_encoding", 1L),
        m.counts().rejectedByReason());
  }
}
