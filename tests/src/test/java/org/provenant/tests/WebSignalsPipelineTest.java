package org.provenant.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provenant.pipelines.cli.Curator;
import org.provenant.pipelines.config.CurationConfig;
import org.provenant.pipelines.output.OutputDir;
import org.provenant.pipelines.output.OutputVerifier;
import org.provenant.schemas.Document;
import org.provenant.schemas.Evidence;
import org.provenant.schemas.Rejection;
import org.provenant.schemas.Signals;
import org.provenant.schemas.Signals.OptOutSignal;

/**
 * A run with the web policy steps ({@code url_filter}, {@code pii}, {@code optout}) over captures
 * that carry Creative Commons statements, AI opt-outs in headers, metas and robots.txt, a blocked
 * domain and personal data: each page ends with the licence, signals and reason its HTML and
 * headers call for, in the typed columns.
 */
class WebSignalsPipelineTest {
  @TempDir static Path tmp;
  static Map<String, Document> kept = new TreeMap<>();
  static Map<String, Rejection> rejected = new TreeMap<>();
  static Path out;

  private static final String FILLER =
      "<p>The river valley has been farmed for many centuries, and the old mill still stands by the bridge.</p>";

  @BeforeAll
  static void run() throws IOException {
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    ByteArrayOutputStream w = new ByteArrayOutputStream();
    response(w, "https://cc.example/a", List.of(),
        "<html><head><link rel='license' href='https://creativecommons.org/licenses/by-sa/4.0/'></head><body>"
            + FILLER + "<p>Write to jane.doe@mail.example.com or call 8.8.8.8 for the cc page.</p>"
            + "<footer><a href='https://creativecommons.org/licenses/by-sa/4.0/'>CC BY-SA 4.0</a></footer></body></html>");
    response(w, "https://noai.example/a", List.of("X-Robots-Tag: noai"),
        "<html><body>" + FILLER + "<p>The noai page.</p></body></html>");
    response(w, "https://tdm.example/a", List.of(),
        "<html><head><meta name='tdm-reservation' content='1'></head><body>" + FILLER + "<p>The tdm page.</p></body></html>");
    response(w, "https://www.spam.example/a", List.of(),
        "<html><body>" + FILLER + "<p>The spam page.</p></body></html>");
    response(w, "https://robots.example/private/a", List.of(),
        "<html><body>" + FILLER + "<p>The robots page.</p></body></html>");
    response(w, "https://images.example/a", List.of("X-Robots-Tag: noimageai"),
        "<html><body>" + FILLER + "<p>The images page, under <a href='https://creativecommons.org/licenses/by-nc/4.0/'>"
            + "a licence we discuss</a>.</p></body></html>");
    Files.write(in.resolve("pages.warc"), w.toByteArray());
    ByteArrayOutputStream r = new ByteArrayOutputStream();
    response(r, "https://robots.example/robots.txt", List.of(), "User-agent: GPTBot\nDisallow: /private\n");
    Path robots = tmp.resolve("robots.warc");
    Files.write(robots, r.toByteArray());
    Path domains = tmp.resolve("domains.txt");
    Files.writeString(domains, "spam.example\n");
    CurationConfig config = CurationConfig.parse("{\"steps\": ["
        + "{\"step\": \"url_filter\", \"params\": {\"domain_files\": [\"" + domains + "\"]}},"
        + "{\"step\": \"pii\"},"
        + "{\"step\": \"optout\", \"params\": {\"robots_warcs\": [\"" + robots + "\"]}}],"
        + "\"dedup\": {\"enabled\": false}, \"output\": {\"shards\": 2}}");
    out = tmp.resolve("out");
    new Curator(System.err).run(List.of(in + "/*"), out.toString(), config, false, List.of());
    for (Document d : CurationEndToEndTest.documents(out)) {
      kept.put(d.source().url(), d);
    }
    for (Rejection x : CurationEndToEndTest.rejections(out)) {
      rejected.put(x.source().url(), x);
    }
  }

  @Test
  void eachPageEndsAsItsStatementsSay() {
    assertEquals(List.of("https://cc.example/a", "https://images.example/a"), List.copyOf(kept.keySet()));
    assertEquals(Map.of(
        "https://noai.example/a", "optout_noai",
        "https://tdm.example/a", "optout_tdm_reservation",
        "https://www.spam.example/a", "blocked_domain",
        "https://robots.example/private/a", "optout_robots_txt"),
        Map.copyOf(new TreeMap<>(Map.of(
            "https://noai.example/a", rejected.get("https://noai.example/a").reason(),
            "https://tdm.example/a", rejected.get("https://tdm.example/a").reason(),
            "https://www.spam.example/a", rejected.get("https://www.spam.example/a").reason(),
            "https://robots.example/private/a", rejected.get("https://robots.example/private/a").reason()))));
    assertEquals(4, rejected.size());
    assertEquals("http_header: noai", rejected.get("https://noai.example/a").detail());
    assertEquals("robots_txt: GPTBot: Disallow: /private", rejected.get("https://robots.example/private/a").detail());
    assertEquals("rule spam.example (domains.txt:1)", rejected.get("https://www.spam.example/a").detail());
    assertEquals(List.of(new OptOutSignal("tdm_reservation", "meta", "1", true)),
        rejected.get("https://tdm.example/a").signals().optOut());
  }

  @Test
  void licenceAndPiiAreTypedColumns() {
    Document cc = kept.get("https://cc.example/a");
    assertEquals("CC-BY-SA-4.0", cc.license().spdx());
    assertEquals(List.of(
        new Evidence("rel_license", "head", "https://creativecommons.org/licenses/by-sa/4.0/", "CC-BY-SA-4.0", 1.0),
        new Evidence("cc_link", "footer", "https://creativecommons.org/licenses/by-sa/4.0/", "CC-BY-SA-4.0", 0.8)),
        cc.license().evidence());
    assertEquals(new Signals.PiiCounts(1, 1), cc.signals().pii());
    assertTrue(cc.text().contains("Write to email@example.com or call 192.0.2.1 for the cc page."), cc.text());
    assertEquals(List.of("read_warc@1", "extract_html@1", "url_filter@1", "pii@1", "optout@1"),
        cc.lineage().stream().map(e -> e.step()).toList());
    assertTrue(cc.lineage().get(1).detail().endsWith("; licence CC-BY-SA-4.0"), cc.lineage().get(1).detail());

    Document images = kept.get("https://images.example/a");
    assertEquals(null, images.license().spdx());
    assertEquals(0.3, images.license().evidence().get(0).confidence());
    assertEquals(List.of(new OptOutSignal("noimageai", "http_header", "noimageai", true)), images.signals().optOut());
  }

  @Test
  void outputVerifies() throws IOException {
    OutputVerifier.Report report = new OutputVerifier().verify(new OutputDir(out.toString()));
    assertTrue(report.ok(), report.toString());
  }

  private static int serial;

  static void response(ByteArrayOutputStream out, String url, List<String> headers, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder http = new StringBuilder("HTTP/1.1 200 OK\r\n");
    http.append(url.endsWith(".txt") ? "Content-Type: text/plain\r\n" : "Content-Type: text/html; charset=utf-8\r\n");
    for (String h : headers) {
      http.append(h).append("\r\n");
    }
    http.append("Content-Length: ").append(b.length).append("\r\n\r\n");
    ByteArrayOutputStream block = new ByteArrayOutputStream();
    block.write(http.toString().getBytes(StandardCharsets.ISO_8859_1));
    block.write(b);
    String header = "WARC/1.0\r\nWARC-Type: response\r\n"
        + "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-" + String.format("%012d", ++serial) + ">\r\n"
        + "WARC-Date: 2024-05-01T00:00:00Z\r\nWARC-Target-URI: " + url + "\r\n"
        + "Content-Type: application/http; msgtype=response\r\nContent-Length: " + block.size() + "\r\n\r\n";
    out.write(header.getBytes(StandardCharsets.ISO_8859_1));
    block.writeTo(out);
    out.write("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
  }
}
