package org.provenant.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.provenant.filters.decontam.BenchmarkIndex;
import org.provenant.filters.decontam.BenchmarkItem;
import org.provenant.pipelines.cli.Curator;
import org.provenant.pipelines.config.CurationConfig;
import org.provenant.pipelines.output.OutputDir;
import org.provenant.pipelines.output.OutputVerifier;
import org.provenant.pipelines.release.ReleaseInfo;
import org.provenant.pipelines.release.Takedown;
import org.provenant.schemas.manifest.RunManifest;

/**
 * The figures behind BENCHMARKS.md's takedown and decontamination section, on a seeded synthetic
 * corpus: N pages of 150 random words (a 20,000-word vocabulary) on 500 sites, plus N/100 mirrors
 * (a page with 1 word in 50 changed, another site). {@code takedown}: curates the corpus (preset
 * none, dedup off so the mirrors stay, embedded Flink), writes N/100 requests (70% url, 20%
 * document_id, 10% passage of 20 words) and times {@link Takedown} on the release, then {@code
 * verify}. {@code decontam}: builds a {@link BenchmarkIndex} of 10,000 items of 60 to 200 words
 * and times {@link BenchmarkIndex#first} on one thread over the N pages, 1% of which have an
 * item's 30-word run planted.
 *
 * <pre>TakedownBench takedown|decontam WORK_DIR [N]</pre>
 */
public final class TakedownBench {
  private TakedownBench() {}

  public static void main(String[] args) throws Exception {
    Path work = Files.createDirectories(Path.of(args[1]));
    int n = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
    if (args[0].equals("takedown")) {
      takedown(work, n);
    } else {
      decontam(n);
    }
  }

  static String[] vocabulary(SplittableRandom r) {
    String[] v = new String[20_000];
    for (int i = 0; i < v.length; i++) {
      StringBuilder b = new StringBuilder();
      int len = 3 + r.nextInt(7);
      for (int k = 0; k < len; k++) {
        b.append((char) ('a' + r.nextInt(26)));
      }
      v[i] = b.toString();
    }
    return v;
  }

  static String words(SplittableRandom r, String[] v, int count) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < count; i++) {
      b.append(i == 0 ? "" : i % 15 == 0 ? ". " : " ").append(v[r.nextInt(v.length)]);
    }
    return b.append('.').toString();
  }

  static List<String> pages(int n) {
    SplittableRandom r = new SplittableRandom(18);
    String[] v = vocabulary(r);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(words(r, v, 150));
    }
    return out;
  }

  static void takedown(Path work, int n) throws IOException {
    List<String> pages = pages(n);
    SplittableRandom r = new SplittableRandom(19);
    ObjectMapper json = new ObjectMapper();
    Path corpus = work.resolve("pages.jsonl");
    try (BufferedWriter w = Files.newBufferedWriter(corpus, StandardCharsets.UTF_8)) {
      for (int i = 0; i < n; i++) {
        w.write(json.writeValueAsString(new TreeMap<>(Map.of("id", "p" + i, "url", "https://site-" + (i % 500) + ".example/page/" + i,
            "text", pages.get(i)))));
        w.write('\n');
      }
      for (int i = 0; i < n / 100; i++) {
        int of = r.nextInt(n);
        String[] ws = pages.get(of).split(" ");
        for (int k = 25; k < ws.length; k += 50) {
          ws[k] = "mirrored";
        }
        w.write(json.writeValueAsString(new TreeMap<>(Map.of("id", "m" + i, "url", "https://mirror-" + (i % 7) + ".example/" + of,
            "text", String.join(" ", ws)))));
        w.write('\n');
      }
    }
    Path release = work.resolve("release");
    long t0 = System.nanoTime();
    new Curator(System.err).run(List.of(corpus.toString()), release.toString(),
        CurationConfig.parse("{\"preset\": \"none\", \"dedup\": {\"enabled\": false}}"), true, List.of("--runner=FlinkRunner", "--parallelism=2"));
    System.out.printf("curate (preset none, dedup off, Flink x2): %d documents in %.1f s%n", n + n / 100, (System.nanoTime() - t0) / 1e9);

    Path requests = work.resolve("requests.jsonl");
    try (BufferedWriter w = Files.newBufferedWriter(requests, StandardCharsets.UTF_8)) {
      for (int i = 0; i < n / 100; i++) {
        int doc = r.nextInt(n);
        Map<String, String> req = new TreeMap<>(Map.of("request_id", "T" + i, "date", "2026-12-07"));
        double kind = r.nextDouble();
        if (kind < 0.7) {
          req.put("url", "https://site-" + (doc % 500) + ".example/page/" + doc);
        } else if (kind < 0.9) {
          req.put("document_id", "p" + doc);
        } else {
          String[] ws = pages.get(doc).split(" ");
          req.put("passage", String.join(" ", java.util.Arrays.copyOfRange(ws, 40, 60)));
        }
        w.write(json.writeValueAsString(req));
        w.write('\n');
      }
    }
    Path derived = work.resolve("derived");
    if (Files.exists(derived)) {
      try (var s = Files.walk(derived)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(derived);
    t0 = System.nanoTime();
    RunManifest m = Takedown.withThreshold(0.8).run(release.toString(), requests.toString(), Files.readAllBytes(requests), derived + "/",
        new RunManifest.ToolInfo("provenant", Curator.VERSION, null), ReleaseInfo.NONE);
    double secs = (System.nanoTime() - t0) / 1e9;
    System.out.printf("takedown: %d requests, removed %d of %d (%s) in %.1f s%n", m.derivation().requestsCount(), m.derivation().removed(),
        m.derivation().parentCounts().kept(), m.derivation().removedByMatch(), secs);
    t0 = System.nanoTime();
    OutputVerifier.Report rep = new OutputVerifier().verify(new OutputDir(derived.toString()));
    System.out.printf("verify: %s in %.1f s: %s%n", rep.ok() ? "OK" : "FAILED " + rep.problems(), (System.nanoTime() - t0) / 1e9, rep.summary());
  }

  static void decontam(int n) {
    List<String> pages = pages(n);
    SplittableRandom r = new SplittableRandom(20);
    String[] v = vocabulary(new SplittableRandom(21));
    List<BenchmarkItem> items = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      items.add(new BenchmarkItem("synthetic", "item-" + i, words(r, v, 60 + r.nextInt(141))));
    }
    int planted = 0;
    for (int i = 0; i < n; i += 100) {
      String[] item = items.get(r.nextInt(items.size())).text().split(" ");
      int from = r.nextInt(item.length - 30);
      pages.set(i, pages.get(i) + " " + String.join(" ", java.util.Arrays.copyOfRange(item, from, from + 30)).toUpperCase());
      planted++;
    }
    long t0 = System.nanoTime();
    BenchmarkIndex index = BenchmarkIndex.of(items, 13);
    double build = (System.nanoTime() - t0) / 1e9;
    long chars = pages.stream().mapToLong(String::length).sum();
    System.out.printf("index: %d items, %d 13-grams, built in %.2f s (%d MB heap used)%n", items.size(), index.grams(), build,
        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    for (int rep = 0; rep < 3; rep++) {
      int hits = 0;
      t0 = System.nanoTime();
      for (String p : pages) {
        if (index.first(p).isPresent()) {
          hits++;
        }
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      System.out.printf("run %d: %d documents (%.0f MB) in %.2f s on one thread: %.0f docs/s, %.1f MB/s; %d hits of %d planted%n", rep, n,
          chars / 1e6, secs, n / secs, chars / 1e6 / secs, hits, planted);
    }
  }
}
