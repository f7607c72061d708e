package org.provenant.filters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.provenant.filters.read.Header;
import org.provenant.schemas.Signals.OptOutSignal;

class OptOutDetectorTest {
  private final OptOutDetector detector = new OptOutDetector();

  @Test
  void headers() {
    List<OptOutSignal> s = detector.fromHeaders(List.of(
        new Header("Content-Type", "text/html"),
        new Header("X-Robots-Tag", "noindex, noai"),
        new Header("x-robots-tag", "otherbot: noimageai"),
        new Header("TDM-Reservation", "1"),
        new Header("tdm-policy", "https://example.org/tdm.json"),
        new Header("Content-Usage", "train-ai=n, search=y")));
    assertEquals(List.of(
        new OptOutSignal("noai", "http_header", "noindex, noai", true),
        new OptOutSignal("noimageai", "http_header", "otherbot: noimageai", true),
        new OptOutSignal("tdm_reservation", "http_header", "1", true),
        new OptOutSignal("tdm_policy", "http_header", "https://example.org/tdm.json", false),
        new OptOutSignal("content_usage", "http_header", "train-ai=n, search=y", true)), s);
  }

  @Test
  void statementsThatAllowAreRecordedAsNotReserving() {
    assertEquals(List.of(
        new OptOutSignal("tdm_reservation", "http_header", "0", false),
        new OptOutSignal("content_usage", "http_header", "train-ai=y", false)),
        detector.fromHeaders(List.of(new Header("tdm-reservation", "0"), new Header("Content-Usage", "train-ai=y"))));
    assertTrue(OptOutDetector.contentUsageReserves("search=y; train-genai=n"));
    assertTrue(OptOutDetector.contentUsageReserves("ai=\"n\""));
    assertFalse(OptOutDetector.contentUsageReserves("train-ai"));
  }

  @Test
  void metas() {
    List<OptOutSignal> s = detector.fromHtml(Jsoup.parse("<html><head>"
        + "<meta name='robots' content='noai, noimageai'>"
        + "<meta name='CCBot' content='noai'>"
        + "<meta name='robots' content='index, follow'>"
        + "<meta name='tdm-reservation' content='1'>"
        + "<meta name='tdm-policy' content='https://example.org/policy'>"
        + "</head><body>x</body></html>"));
    assertEquals(List.of(
        new OptOutSignal("noai", "meta", "noai, noimageai", true),
        new OptOutSignal("noimageai", "meta", "noai, noimageai", true),
        new OptOutSignal("noai", "meta", "CCBot: noai", true),
        new OptOutSignal("tdm_reservation", "meta", "1", true),
        new OptOutSignal("tdm_policy", "meta", "https://example.org/policy", false)), s);
  }

  @Test
  void plainPagesSayNothing() {
    assertEquals(List.of(), detector.fromHtml(Jsoup.parse("<p>noai is a word here</p>")));
    assertEquals(List.of(), detector.fromHeaders(List.of(new Header("X-Robots-Tag", "noindex"))));
  }
}
