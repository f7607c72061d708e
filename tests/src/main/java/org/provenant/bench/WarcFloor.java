package org.provenant.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * The floor a curation pipeline is compared with: read the same WARC files with nothing else done.
 * Mode {@code gunzip}: decompress only. Mode {@code parse}: decompress, parse every record and its
 * HTTP head with jwarc and read each payload fully. Mode {@code jsoup}: as {@code parse}, then parse
 * each response payload with jsoup (charset from the BOM or {@code <meta>}) and take the body's
 * text: the one-thread floor of any HTML-to-text pipeline. Mode {@code reader}: Provenant's own {@code
 * WarcFileReader} (gzip members, strict HTTP decoding), counting candidates; run it with a small
 * {@code -Xmx} to show that reading streams. Single thread; prints MB of input per second.
 * Usage: {@code WarcFloor gunzip|parse|jsoup|reader DIR [REPEAT]} (DIR holds {@code .warc.gz} or {@code
 * .warc} files).
 */
public final class WarcFloor {
  private WarcFloor() {}

  public static void main(String[] args) throws IOException {
    String mode = args[0];
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of(args[1]))) {
      s.filter(p -> p.toString().endsWith(".warc.gz") || p.toString().endsWith(".warc")).sorted().forEach(files::add);
    }
    int repeat = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    long compressed = 0;
    for (Path f : files) {
      compressed += Files.size(f);
    }
    for (int r = 0; r < repeat; r++) {
      long start = System.nanoTime();
      long records = 0;
      long payload = 0;
      byte[] buf = new byte[1 << 16];
      for (Path f : files) {
        if (mode.equals("gunzip")) {
          try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(f), 1 << 16), 1 << 16)) {
            int n;
            while ((n = in.read(buf)) > 0) {
              payload += n;
            }
          }
        } else if (mode.equals("reader")) {
          long[] n = new long[2];
          try (InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 16)) {
            new org.provenant.filters.read.WarcFileReader().read(f.toString(), in, new org.provenant.filters.read.ReadSink() {
              @Override
              public void candidate(org.provenant.filters.read.Candidate c) {
                n[0]++;
                n[1] += c.body() == null ? 0 : c.body().length;
              }

              @Override
              public void rejected(org.provenant.schemas.Rejection r) {
                n[0]++;
              }
            });
          }
          records += n[0];
          payload += n[1];
        } else if (mode.equals("jsoup")) {
          try (WarcReader reader = new WarcReader(Files.newInputStream(f))) {
            for (WarcRecord rec : reader) {
              records++;
              if (rec instanceof WarcResponse resp) {
                byte[] body = resp.http().body().stream().readAllBytes();
                org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(new java.io.ByteArrayInputStream(body), null, resp.target());
                payload += doc.body() == null ? 0 : doc.body().text().length();
              }
            }
          }
        } else {
          try (WarcReader reader = new WarcReader(Files.newInputStream(f))) {
            for (WarcRecord rec : reader) {
              records++;
              if (rec instanceof WarcResponse resp) {
                payload += resp.http().body().stream().readAllBytes().length;
              }
            }
          }
        }
      }
      double secs = (System.nanoTime() - start) / 1e9;
      System.out.printf("%s run %d: %d files, %.1f MB in, %d records, %.1f MB out, %.2f s, %.1f MB/s of input%n",
          mode, r + 1, files.size(), compressed / 1e6, records, payload / 1e6, secs, compressed / 1e6 / secs);
    }
  }
}
