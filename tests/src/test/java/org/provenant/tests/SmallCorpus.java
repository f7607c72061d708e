package org.provenant.tests;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * A small corpus written by the tests themselves, with known record ids and one record of each
 * outcome: two pages kept, a 404, an image, invalid UTF-8, an empty body, a cut-off last member, and
 * a JSONL file with a good row, a row without text and a line that is not JSON.
 */
final class SmallCorpus {
  static final String PAGE_A = "urn:uuid:00000000-0000-4000-8000-00000000000a";
  static final String PAGE_B = "urn:uuid:00000000-0000-4000-8000-00000000000b";

  private SmallCorpus() {}

  static Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path warc = dir.resolve("crawl-0.warc.gz");
    try (OutputStream out = Files.newOutputStream(warc); WarcWriter w = new WarcWriter(java.nio.channels.Channels.newChannel(out), WarcCompression.GZIP)) {
      w.write(page(PAGE_A, "https://news.example/a", 200, "text/html; charset=utf-8",
          bytes("<html><head><title>A</title></head><body><nav><a href=/>Home</a> <a href=/b>B</a></nav>"
              + "<main><h1>Rivers of the north</h1><p>The northern rivers freeze every winter and thaw in spring.</p></main>"
              + "<footer>Copyright</footer></body></html>")));
      w.write(page("urn:uuid:00000000-0000-4000-8000-000000000404", "https://news.example/gone", 404, "text/html", bytes("<p>gone</p>")));
      w.write(page("urn:uuid:00000000-0000-4000-8000-0000000000aa", "https://news.example/logo.png", 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
      byte[] bad = bytes("<html><body><p>caf\u00e9 au lait</p></body></html>");
      int e = indexOf(bad, (byte) 0xC3);
      bad[e + 1] = 0x28; // C3 28: invalid UTF-8
      w.write(page("urn:uuid:00000000-0000-4000-8000-0000000000bd", "https://news.example/bad", 200, "text/html; charset=utf-8", bad));
      w.write(page("urn:uuid:00000000-0000-4000-8000-0000000000e0", "https://news.example/empty", 200, "text/html", new byte[0]));
      w.write(page(PAGE_B, "https://blog.example/b", 200, "text/html",
          bytes("<html><body><article><h2>Baking bread</h2><p>Flour, water, salt and time make bread.</p><ul><li>Mix</li><li>Bake</li></ul></article></body></html>")));
    }
    // a second file whose last member is cut short
    Path cut = dir.resolve("crawl-1.warc.gz");
    byte[] full;
    long lastOffset;
    try (java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
      WarcWriter w = new WarcWriter(java.nio.channels.Channels.newChannel(out), WarcCompression.GZIP);
      w.write(page("urn:uuid:00000000-0000-4000-8000-0000000000c1", "https://c.example/1", 200, "text/html",
          bytes("<html><body><p>Sea otters hold hands while they sleep so that they do not drift apart.</p></body></html>")));
      lastOffset = out.size();
      w.write(page("urn:uuid:00000000-0000-4000-8000-0000000000c2", "https://c.example/2", 200, "text/html",
          bytes("<html><body><p>This page is cut off in the middle of its gzip member.</p></body></html>")));
      full = out.toByteArray();
    }
    Files.write(cut, java.util.Arrays.copyOf(full, (int) lastOffset + 30));
    Files.writeString(dir.resolve("rows.jsonl"),
        "{\"id\":\"row-1\",\"text\":\"A line of plain text from a JSONL dataset.\",\"url\":\"https://data.example/1\"}\n"
            + "{\"id\":\"row-2\",\"title\":\"no text field\"}\n"
            + "{broken json\n",
        StandardCharsets.UTF_8);
    return dir;
  }

  static long cutMemberOffset(Path dir) throws IOException {
    // the offset of the second member of crawl-1.warc.gz = size of the first member
    byte[] b = Files.readAllBytes(dir.resolve("crawl-1.warc.gz"));
    for (int i = 1; i < b.length - 1; i++) {
      if ((b[i] & 0xff) == 0x1f && (b[i + 1] & 0xff) == 0x8b && b[i + 2] == 8) {
        return i;
      }
    }
    throw new AssertionError("no second member");
  }

  static WarcResponse page(String id, String url, int status, String type, byte[] body) throws IOException {
    HttpResponse http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Not Found")
        .addHeader("Content-Type", type)
        .addHeader("Content-Length", Integer.toString(body.length))
        .body(MediaType.parse(type), body)
        .build();
    return new WarcResponse.Builder(URI.create(url)).recordId(URI.create(id)).date(Instant.parse("2026-03-01T12:00:00Z")).body(http).build();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static int indexOf(byte[] b, byte x) {
    for (int i = 0; i < b.length; i++) {
      if (b[i] == x) {
        return i;
      }
    }
    throw new AssertionError();
  }
}
