package org.provenant.filters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provenant.schemas.Signals.OptOutSignal;

class RobotsTxtTest {
  private static final String ROBOTS = String.join("\n",
      "# a comment",
      "User-agent: *",
      "Disallow: /cgi-bin/",
      "",
      "User-agent: GPTBot",
      "User-agent: ClaudeBot",
      "Disallow: /",
      "Allow: /public/",
      "",
      "User-agent: CCBot",
      "Disallow: /*.pdf$",
      "Disallow: /drafts",
      "Allow: /drafts/ok",
      "",
      "User-agent: Google-Extended",
      "Disallow:",
      "Sitemap: https://example.org/sitemap.xml");

  private static OptOutSignal robots(String value) {
    return new OptOutSignal("robots_txt", "robots_txt", value, true);
  }

  @Test
  void namedAiAgentsAndTheirDecidingRule() {
    RobotsTxt r = RobotsTxt.parse(ROBOTS);
    assertEquals(List.of(robots("GPTBot: Disallow: /"), robots("ClaudeBot: Disallow: /")), r.aiReservations("/article/1", false));
    assertEquals(List.of(), r.aiReservations("/public/page", false));
    assertEquals(List.of(robots("GPTBot: Disallow: /"), robots("ClaudeBot: Disallow: /"), robots("CCBot: Disallow: /drafts")),
        r.aiReservations("/drafts/x", false));
    assertEquals(List.of(robots("GPTBot: Disallow: /"), robots("ClaudeBot: Disallow: /")), r.aiReservations("/drafts/ok/1", false));
    assertEquals(3, r.aiReservations("/paper.pdf", false).size());
    assertEquals(2, r.aiReservations("/paper.pdf?x=1", false).size());
  }

  @Test
  void wildcardGroupOnlyWhenAsked() {
    RobotsTxt r = RobotsTxt.parse("User-agent: *\nDisallow: /private\n");
    assertEquals(List.of(), r.aiReservations("/private/a", false));
    assertEquals(List.of(robots("*: Disallow: /private")), r.aiReservations("/private/a", true));
  }

  @Test
  void ruleMatching() {
    assertTrue(RobotsTxt.matches("/a*b$", "/a/x/b"));
    assertFalse(RobotsTxt.matches("/a*b$", "/a/x/bc"));
    assertTrue(RobotsTxt.matches("/a", "/abc"));
    assertFalse(RobotsTxt.matches("/abc", "/ab"));
    assertTrue(RobotsTxt.matches("*", "/"));
    String hostile = "/" + "*a".repeat(2000) + "b";
    assertFalse(RobotsTxt.matches(hostile, "/" + "a".repeat(5000)));
  }

  @Test
  void indexReadsRobotsWarcsBySite(@TempDir Path dir) throws Exception {
    Path warc = dir.resolve("robots.warc");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeResponse(out, "http://example.org/robots.txt", "2024-01-01T00:00:00Z", 200, "User-agent: GPTBot\nDisallow: /\n");
    writeResponse(out, "https://example.org/robots.txt", "2024-01-01T00:00:00Z", 200, "User-agent: CCBot\nDisallow: /x\n");
    writeResponse(out, "http://example.org/robots.txt", "2023-01-01T00:00:00Z", 200, "User-agent: ClaudeBot\nDisallow: /\n");
    writeResponse(out, "http://gone.example/robots.txt", "2024-01-01T00:00:00Z", 404, "User-agent: GPTBot\nDisallow: /\n");
    Files.write(warc, out.toByteArray());
    RobotsIndex index = RobotsIndex.load(List.of(warc.toString()));
    assertEquals(2, index.size());
    assertEquals(List.of(robots("GPTBot: Disallow: /")), index.reservationsFor("http://EXAMPLE.org:80/a?b", false));
    assertEquals(List.of(robots("CCBot: Disallow: /x")), index.reservationsFor("https://example.org/x/1", false));
    assertEquals(List.of(), index.reservationsFor("http://gone.example/a", false));
    assertEquals(List.of(), index.reservationsFor("not a url", false));
  }

  @Test
  void indexFromMap() {
    RobotsIndex index = RobotsIndex.of(Map.of("https://a.example/robots.txt", "User-agent: Google-Extended\nDisallow: /news/\n"));
    assertEquals(List.of(robots("Google-Extended: Disallow: /news/")), index.reservationsFor("https://a.example/news/1", false));
  }

  static void writeResponse(ByteArrayOutputStream out, String url, String date, int status, String body) throws Exception {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    String http = "HTTP/1.1 " + status + " X\r\nContent-Type: text/plain\r\nContent-Length: " + b.length + "\r\n\r\n";
    byte[] block = concat(http.getBytes(StandardCharsets.ISO_8859_1), b);
    String header = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:" + java.util.UUID.nameUUIDFromBytes((url + date).getBytes()) + ">\r\n"
        + "WARC-Date: " + date + "\r\nWARC-Target-URI: " + url + "\r\nContent-Type: application/http; msgtype=response\r\n"
        + "Content-Length: " + block.length + "\r\n\r\n";
    out.write(header.getBytes(StandardCharsets.ISO_8859_1));
    out.write(block);
    out.write("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = new byte[a.length + b.length];
    System.arraycopy(a, 0, c, 0, a.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
