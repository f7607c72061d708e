package org.provenant.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Benchmark input builder: wraps real HTML files (for example the documentation that Debian
 * packages ship) as HTTP 200 response records in gzip-per-record WARC files, deterministically
 * (sorted paths, name-based record ids, fixed dates). Usage: {@code HtmlToWarc OUT_DIR PAGES_PER_FILE
 * COPIES DIR...}; {@code COPIES} repeats the set under distinct URLs to make a larger corpus.
 */
public final class HtmlToWarc {
  private HtmlToWarc() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 4) {
      System.err.println("usage: HtmlToWarc OUT_DIR PAGES_PER_FILE COPIES DIR...");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int perFile = Integer.parseInt(args[1]);
    int copies = Integer.parseInt(args[2]);
    List<Path> pages = new ArrayList<>();
    for (int i = 3; i < args.length; i++) {
      try (Stream<Path> s = Files.walk(Path.of(args[i]))) {
        s.filter(p -> p.toString().endsWith(".html") && Files.isRegularFile(p)).forEach(pages::add);
      }
    }
    pages.sort(null);
    Files.createDirectories(out);
    int n = 0;
    int file = 0;
    WarcWriter w = null;
    OutputStream os = null;
    long bytes = 0;
    for (int c = 0; c < copies; c++) {
      for (Path p : pages) {
        if (n % perFile == 0) {
          if (w != null) {
            w.close();
            os.close();
          }
          os = Files.newOutputStream(out.resolve(String.format("docs-%05d.warc.gz", file++)));
          w = new WarcWriter(Channels.newChannel(os), WarcCompression.GZIP);
        }
        byte[] body = Files.readAllBytes(p);
        bytes += body.length;
        String url = "https://docs" + c + ".example.org/" + p.toString().replaceAll("^.*?/usr/share/doc/", "");
        HttpResponse http = new HttpResponse.Builder(200, "OK")
            .addHeader("Content-Type", "text/html")
            .addHeader("Content-Length", Integer.toString(body.length))
            .body(MediaType.HTML, body)
            .build();
        w.write(new WarcResponse.Builder(URI.create(url.replace(" ", "%20")))
            .recordId(URI.create("urn:uuid:" + UUID.nameUUIDFromBytes(url.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
            .date(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n))
            .body(http)
            .build());
        n++;
      }
    }
    if (w != null) {
      w.close();
      os.close();
    }
    System.out.printf("wrote %d pages (%,d bytes of HTML) into %d WARC files in %s%n", n, bytes, file, out);
  }
}
