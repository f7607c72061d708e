package org.provenant.filters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provenant.filters.step.DocumentStep;
import org.provenant.filters.step.Outcome;
import org.provenant.filters.step.StepCatalog;
import org.provenant.schemas.Document;
import org.provenant.schemas.Kind;
import org.provenant.schemas.LineageEntry;
import org.provenant.schemas.Rejection;
import org.provenant.schemas.Signals;
import org.provenant.schemas.Signals.OptOutSignal;
import org.provenant.schemas.Source;

class WebStepsTest {
  private static Document page(String url, String text) {
    return Document.of("d1", text, Kind.WEB, Source.builder("file:///c.warc.gz", 10).url(url).build(), List.of());
  }

  private static Rejection rejected(Outcome o) {
    return ((Outcome.Rejected) o).rejection();
  }

  private static Document kept(Outcome o) {
    return ((Outcome.Kept) o).document();
  }

  @Test
  void urlFilterNamesTheRuleAndItsLine(@TempDir Path dir) throws Exception {
    Path domains = dir.resolve("domains.txt");
    Files.writeString(domains, "# blocked\nbad.example\n\n*.spam.example  # all of it\n");
    Path urls = dir.resolve("urls.txt");
    Files.writeString(urls, "https://www.ok.example/private/\n");
    UrlFilter f = UrlFilter.of(List.of(domains.toString()), List.of("inline.example"), List.of(urls.toString()), List.of(), List.of("casino"));
    assertEquals("3 domains, 1 urls, 1 words", f.describe());
    Rejection r = rejected(f.apply(page("https://www.bad.example/a", "t")));
    assertEquals("blocked_domain", r.reason());
    assertEquals("rule bad.example (domains.txt:2)", r.detail());
    assertEquals("rule spam.example (domains.txt:4)", rejected(f.apply(page("http://a.b.spam.example/", "t"))).detail());
    assertEquals("rule inline.example (inline)", rejected(f.apply(page("http://inline.example./", "t"))).detail());
    Rejection u = rejected(f.apply(page("http://ok.example:80/private#top", "t")));
    assertEquals("blocked_url", u.reason());
    assertEquals("rule ok.example/private (urls.txt:1)", u.detail());
    assertEquals("blocked_url_word", rejected(f.apply(page("https://ok.example/Online-CASINO", "t"))).reason());
    Document ok = kept(f.apply(page("https://notbad.example/a", "t")));
    assertEquals(new LineageEntry("url_filter@1", "ok", "no rule matched"), ok.lineage().get(0));
    assertEquals("no url", kept(f.apply(page(null, "t"))).lineage().get(0).detail());
  }

  @Test
  void piiReplacesAndCountsNeverStoringValues() {
    PiiReplacer pii = new PiiReplacer(PiiReplacer.DEFAULT_EMAIL_REPLACEMENT, PiiReplacer.DEFAULT_IP_REPLACEMENT, false);
    Document d = kept(pii.apply(page("https://x.example/", "Write to jane.doe+news@mail.example.com. Or admin@example.org!\n"
        + "Server 8.8.8.8 and 10.0.0.1 and 2001:4860:4860::8888 and ::1; version 1.2.3.4.5; at 12:30:45; a@b; x@y.z1")));
    assertEquals("Write to email@example.com. Or email@example.com!\n"
        + "Server 192.0.2.1 and 10.0.0.1 and 192.0.2.1 and ::1; version 1.2.3.4.5; at 12:30:45; a@b; x@y.z1", d.text());
    assertEquals(new Signals.PiiCounts(2, 2), d.signals().pii());
    assertEquals(new LineageEntry("pii@1", "modified", "emails=2 ip_addresses=2"), d.lineage().get(0));
    Document clean = kept(pii.apply(page(null, "nothing here")));
    assertEquals(new LineageEntry("pii@1", "ok", "emails=0 ip_addresses=0"), clean.lineage().get(0));
    String hostile = "a".repeat(200_000) + "@";
    assertEquals(hostile, pii.replace(hostile).text());
  }

  @Test
  void optOutRejectsWithTheSignalAndKeepsNoImageAi() {
    OptOutStep step = new OptOutStep(OptOutStep.DEFAULT_REJECTING, null, false);
    Document reserved = page("https://x.example/a", "t").withSignals(Signals.EMPTY.plusOptOut(List.of(
        new OptOutSignal("tdm_reservation", "http_header", "0", false),
        new OptOutSignal("noai", "meta", "noai", true))));
    Rejection r = rejected(step.apply(reserved));
    assertEquals("optout_noai", r.reason());
    assertEquals("meta: noai", r.detail());
    assertEquals(2, r.signals().optOut().size());
    Document images = page("https://x.example/a", "t").withSignals(Signals.EMPTY.plusOptOut(List.of(
        new OptOutSignal("noimageai", "http_header", "noimageai", true))));
    assertEquals("noimageai (not rejecting) in http_header", kept(step.apply(images)).lineage().get(0).detail());
    assertThrows(IllegalArgumentException.class, () -> new OptOutStep(List.of("nope"), null, false));
  }

  @Test
  void optOutReadsRobotsOfThePagesSite() {
    RobotsIndex robots = RobotsIndex.of(Map.of("https://x.example/robots.txt", "User-agent: GPTBot\nDisallow: /a\n"));
    OptOutStep step = new OptOutStep(OptOutStep.DEFAULT_REJECTING, robots, false);
    Rejection r = rejected(step.apply(page("https://x.example/a/1", "t")));
    assertEquals("optout_robots_txt", r.reason());
    assertEquals("robots_txt: GPTBot: Disallow: /a", r.detail());
    assertEquals("no opt-out statement", kept(step.apply(page("https://x.example/b", "t"))).lineage().get(0).detail());
  }

  private static DocumentStep build(String name, Map<String, Object> params) {
    return StepCatalog.build(List.of(name), List.of(params)).get(0);
  }

  @Test
  void stepsAreInTheCatalogueWithCheckedParameters(@TempDir Path dir) {
    DocumentStep s = build("url_filter", Map.of("domains", List.of("a.example")));
    assertEquals("url_filter@1", s.id());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> build("optout", Map.of("robots_warcs", List.of(dir.resolve("none-*.warc.gz").toString()))));
    assertTrue(e.getMessage().startsWith("step optout, parameter robots_warcs: no file matches"), e.getMessage());
    assertEquals("pii@1", build("pii", Map.of()).id());
  }
}
