package org.provenant.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.provenant.filters.extract.WebExtractor;
import org.provenant.filters.read.Candidate;
import org.provenant.filters.step.DocumentStep;
import org.provenant.filters.step.Outcome;
import org.provenant.filters.step.StepCatalog;
import org.provenant.schemas.Document;

/**
 * Single-thread cost of each web step, so BENCHMARKS.md can say which step costs what: extraction
 * with and without the HTML signal detectors (Creative Commons, opt-out), then every catalogue step
 * with its defaults over the same extracted documents (each step sees every document, not only the
 * survivors of the one before). Prints the median of REPEAT runs in documents and text MB per
 * second. Usage: {@code StepThroughput WARC_DIR [REPEAT]}.
 */
public final class StepThroughput {
  private StepThroughput() {}

  public static void main(String[] args) throws IOException {
    int repeat = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<Candidate> candidates = WebPathProfile.readCandidates(WebPathProfile.warcFiles(Path.of(args[0])));
    long payloadBytes = candidates.stream().mapToLong(c -> c.body() == null ? 0 : c.body().length).sum();
    List<Document> docs = new ArrayList<>();
    for (boolean signals : new boolean[] {false, true}) {
      WebExtractor extractor = new WebExtractor(true, signals);
      double[] secs = new double[repeat];
      for (int r = 0; r < repeat; r++) {
        List<Document> kept = new ArrayList<>();
        long t0 = System.nanoTime();
        for (Candidate c : candidates) {
          if (extractor.extract(c) instanceof Outcome.Kept k) {
            kept.add(k.document());
          }
        }
        secs[r] = (System.nanoTime() - t0) / 1e9;
        if (signals && r == 0) {
          docs.addAll(kept);
        }
      }
      double med = median(secs);
      System.out.printf("extract%-22s %6d docs  %8.0f docs/s  %6.2f MB payload/s%n",
          signals ? " + html signals" : " (no html signals)", candidates.size(), candidates.size() / med, payloadBytes / 1e6 / med);
    }
    long textBytes = docs.stream().mapToLong(d -> d.text().length()).sum();
    System.out.printf("%d documents kept, %.1f MB of text, %d with a licence, %d with opt-out statements%n",
        docs.size(), textBytes / 1e6, docs.stream().filter(d -> d.license().spdx() != null).count(),
        docs.stream().filter(d -> !d.signals().optOut().isEmpty()).count());
    List<String> domains = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      domains.add("blocked-" + i + ".example");
    }
    Map<String, Map<String, Object>> steps = new java.util.LinkedHashMap<>();
    for (String name : List.of("text_length", "language", "gopher_repetition", "gopher_quality", "c4_quality",
        "c4_paragraph", "c4_badwords", "fineweb_quality", "pii", "optout")) {
      steps.put(name, Map.of());
    }
    steps.put("url_filter", Map.of("domains", domains));
    for (Map.Entry<String, Map<String, Object>> e : steps.entrySet()) {
      DocumentStep step = StepCatalog.build(List.of(e.getKey()), List.of(e.getValue())).get(0);
      double[] secs = new double[repeat];
      int kept = 0;
      for (int r = 0; r < repeat; r++) {
        kept = 0;
        long t0 = System.nanoTime();
        for (Document d : docs) {
          if (step.apply(d) instanceof Outcome.Kept) {
            kept++;
          }
        }
        secs[r] = (System.nanoTime() - t0) / 1e9;
      }
      double med = median(secs);
      System.out.printf("%-20s %9.0f docs/s  %7.2f MB text/s  kept %d/%d%n",
          e.getKey() + (e.getKey().equals("url_filter") ? "(10k)" : ""), docs.size() / med, textBytes / 1e6 / med, kept, docs.size());
    }
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
