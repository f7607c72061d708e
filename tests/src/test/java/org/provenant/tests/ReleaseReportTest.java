package org.provenant.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report: a self-contained HTML file, rendered in a real headless Chromium whose DOM (after the
 * report's own script ran) must hold the totals and the funnel check. Skipped without
 * /usr/bin/chromium unless PROVENANT_REQUIRE_BROWSER=1 (then it fails); tests/setup-browser.sh
 * installs it.
 */
class ReleaseReportTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  @TempDir static Path tmp;
  static Path out;
  static Path report;

  @BeforeAll
  static void run() throws IOException {
    out = tmp.resolve("out");
    ReleaseCroissantTest.curate(tmp.resolve("in"), out);
    report = tmp.resolve("report.html");
    ReleaseCroissantTest.Run r = ReleaseCroissantTest.cli("report", out.toString(), "--out", report.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("wrote " + report + "\n", r.out());
  }

  @Test
  void reportIsSelfContained() throws IOException {
    String html = Files.readString(report);
    assertFalse(Pattern.compile("(src|href)\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(), "no src or href attributes");
    assertFalse(html.contains("@import") || html.contains("url("), "no CSS fetches");
    assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"), "nothing may be fetched");
    assertTrue(html.contains("<g class=\"bar\" data-label=\"exact_duplicate\" data-value=\"1\">"), html);
    assertTrue(html.contains("<g class=\"bar\" data-label=\"dedup_exact@1\" data-value=\"5\">"), html);
  }

  @Test
  void chromiumRendersTheChartsAndTheScriptChecksTheFunnel() throws Exception {
    boolean required = "1".equals(System.getenv("PROVENANT_REQUIRE_BROWSER"));
    if (!required) {
      assumeTrue(Files.isExecutable(CHROMIUM), "no /usr/bin/chromium (run tests/setup-browser.sh, or set PROVENANT_REQUIRE_BROWSER=1 to fail instead)");
    }
    assertTrue(Files.isExecutable(CHROMIUM), "PROVENANT_REQUIRE_BROWSER=1 but /usr/bin/chromium is missing; run tests/setup-browser.sh");
    String dom = dumpDom(report);
    Matcher check = Pattern.compile("<p id=\"check\"[^>]*>([^<]*)</p>").matcher(dom);
    assertTrue(check.find(), dom);
    String tag = check.group();
    assertTrue(tag.contains("class=\"ok\""), tag);
    assertTrue(tag.contains("data-status=\"ok\""), tag);
    assertTrue(tag.contains("data-funnel-end=\"5\""), tag);
    assertTrue(tag.contains("data-funnel-rejected=\"7\""), tag);
    assertEquals("Checked in the browser: the funnel ends at 5 (kept 5), its steps rejected 7 (rejected 7); candidates 12 = kept + rejected.", check.group(1));
    assertEquals(List.of("reasons 7 rejected", "languages 5 kept", "licences 5 kept", "clusters 5 kept", "domains 5 kept"), totals(dom));
    assertTrue(dom.contains("Total: 7 rejected documents"), dom);
    assertEquals(6, count(dom, "<svg class=\"chart\""), "funnel, reasons, languages, licences, clusters, domains");
  }

  static List<String> totals(String dom) {
    Matcher m = Pattern.compile("<p class=\"total\" data-chart=\"([a-z]+)\" data-of=\"([a-z]+)\" data-computed-total=\"(\\d+)\">").matcher(dom);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1) + " " + m.group(3) + " " + m.group(2));
    }
    return out;
  }

  static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  static String dumpDom(Path html) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(tmp, "chromium-profile");
    Path stdout = tmp.resolve("dom.html");
    Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile, "--dump-dom", html.toUri().toString())
        .redirectOutput(stdout.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 120 s");
    }
    assertEquals(0, p.exitValue(), "chromium exit code");
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }
}
