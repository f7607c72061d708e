package org.provenant.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.provenant.filters.extract.WebExtractor;
import org.provenant.filters.read.Candidate;
import org.provenant.filters.read.ReadSink;
import org.provenant.filters.read.WarcFileReader;
import org.provenant.filters.step.Outcome;
import org.provenant.schemas.AvroRows;
import org.provenant.schemas.Rejection;

/**
 * Single-thread cost of each stage of the web path outside Beam: read (gzip members + jwarc +
 * payload), extract (charset + jsoup main content), and Avro row encoding. Usage: {@code
 * WebPathProfile DIR [REPEAT]}.
 */
public final class WebPathProfile {
  private WebPathProfile() {}

  public static void main(String[] args) throws IOException {
    List<Path> files = warcFiles(Path.of(args[0]));
    int repeat = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    long compressed = 0;
    for (Path f : files) {
      compressed += Files.size(f);
    }
    WebExtractor extractor = new WebExtractor(true);
    for (int r = 0; r < repeat; r++) {
      long t0 = System.nanoTime();
      List<Candidate> candidates = readCandidates(files);
      long t1 = System.nanoTime();
      List<Outcome> outcomes = new ArrayList<>(candidates.size());
      for (Candidate c : candidates) {
        outcomes.add(extractor.extract(c));
      }
      long t2 = System.nanoTime();
      long rowBytes = 0;
      for (Outcome o : outcomes) {
        if (o instanceof Outcome.Kept k) {
          rowBytes += AvroRows.toRecord(k.document()).toString().length();
        }
      }
      long t3 = System.nanoTime();
      System.out.printf("run %d: %d records, %.1f MB compressed: read %.2f s (%.1f MB/s), extract %.2f s (%.0f docs/s), rows %.2f s%n",
          r + 1, candidates.size(), compressed / 1e6, (t1 - t0) / 1e9, compressed / 1e6 / ((t1 - t0) / 1e9),
          (t2 - t1) / 1e9, candidates.size() / ((t2 - t1) / 1e9), (t3 - t2) / 1e9);
    }
  }

  /** The {@code .warc.gz} files of {@code dir}, sorted. */
  static List<Path> warcFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".warc.gz")).sorted().toList();
    }
  }

  /** Every candidate of {@code files}, read in order (rejections are dropped). */
  static List<Candidate> readCandidates(List<Path> files) throws IOException {
    List<Candidate> candidates = new ArrayList<>();
    for (Path f : files) {
      try (InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 16)) {
        new WarcFileReader().read(f.toString(), in, new ReadSink() {
          @Override
          public void candidate(Candidate c) {
            candidates.add(c);
          }

          @Override
          public void rejected(Rejection x) {}
        });
      }
    }
    return candidates;
  }
}
