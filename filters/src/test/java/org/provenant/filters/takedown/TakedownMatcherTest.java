package org.provenant.filters.takedown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.provenant.schemas.Document;
import org.provenant.schemas.Kind;
import org.provenant.schemas.Source;

class TakedownMatcherTest {
  static final String REQUESTS = String.join("\n",
      "{\"request_id\": \"R1\", \"date\": \"2026-11-30\", \"url\": \"https://news.example/story/1/\"}",
      "{\"request_id\": \"R2\", \"date\": \"2026-12-01\", \"url_prefix\": \"http://www.blog.example/private/\"}",
      "{\"request_id\": \"R3\", \"domain\": \"Spam.Example\"}",
      "",
      "{\"request_id\": \"R4\", \"package\": \"left-pad/1.3.0\"}",
      "{\"request_id\": \"R5\", \"package\": \"@acme/util\"}",
      "{\"request_id\": \"R6\", \"document_id\": \"doc-9\"}",
      "{\"request_id\": \"R7\", \"date\": \"2026-12-02\", \"passage\": \"My home address is 12 Elm Street, Springfield\"}") + "\n";

  static TakedownMatcher matcher() throws IOException {
    return TakedownMatcher.of(TakedownRequests.parse(REQUESTS.getBytes(StandardCharsets.UTF_8), "requests.jsonl"));
  }

  static Document page(String id, String url, String text) {
    return Document.of(id, text, Kind.WEB, Source.builder("file:///c.warc.gz", 0).url(url).build(), List.of());
  }

  static Document file(String id, String pkg, String version) {
    return Document.of(id, "x = 1", Kind.CODE, Source.builder("file:///p.tgz", 3).packageName(pkg).version(version).path("a.js").build(), List.of());
  }

  static String matched(TakedownMatcher m, Document d) {
    Optional<TakedownMatcher.Match> r = m.match(d);
    return r.map(x -> x.request().requestId() + " " + x.how()).orElse("none");
  }

  @Test
  void parsesEveryKindOfRequest() throws IOException {
    List<TakedownRequest> rs = matcher().requests();
    assertEquals(List.of(
        new TakedownRequest("R1", "2026-11-30", TakedownRequest.Selector.URL, "https://news.example/story/1/", null),
        new TakedownRequest("R2", "2026-12-01", TakedownRequest.Selector.URL_PREFIX, "http://www.blog.example/private/", null),
        new TakedownRequest("R3", null, TakedownRequest.Selector.DOMAIN, "Spam.Example", null),
        new TakedownRequest("R4", null, TakedownRequest.Selector.PACKAGE, "left-pad", "1.3.0"),
        new TakedownRequest("R5", null, TakedownRequest.Selector.PACKAGE, "@acme/util", null),
        new TakedownRequest("R6", null, TakedownRequest.Selector.DOCUMENT_ID, "doc-9", null),
        new TakedownRequest("R7", "2026-12-02", TakedownRequest.Selector.PASSAGE, "My home address is 12 Elm Street, Springfield", null)),
        rs);
  }

  @Test
  void matchesWhatEachRequestNames() throws IOException {
    TakedownMatcher m = matcher();
    assertEquals("R1 url", matched(m, page("a", "http://www.news.example/story/1#top", "t")));
    assertEquals("none", matched(m, page("b", "https://news.example/story/12", "t")));
    assertEquals("R2 url_prefix", matched(m, page("c", "https://blog.example/private/diary", "t")));
    assertEquals("none", matched(m, page("d", "https://blog.example/privateer", "t")));
    assertEquals("R3 domain", matched(m, page("e", "https://cdn.spam.example/x", "t")));
    assertEquals("none", matched(m, page("f", "https://notspam.example/x", "t")));
    assertEquals("R4 package", matched(m, file("g", "left-pad", "1.3.0")));
    assertEquals("none", matched(m, file("h", "left-pad", "1.2.0")));
    assertEquals("R5 package", matched(m, file("i", "@acme/util", "0.0.1")));
    assertEquals("R6 document_id", matched(m, page("doc-9", null, "t")));
    assertEquals("R7 passage", matched(m, page("j", null, "Contact: my HOME address is 12 elm street -- Springfield, USA")));
    assertEquals("none", matched(m, page("k", null, "my home address is 12 Elm Street in Shelbyville")));
    // the earliest request in the file wins when several name a document
    assertEquals("R1 url", matched(m, page("doc-9", "https://news.example/story/1", "my home address is 12 elm street springfield")));
  }

  @Test
  void theStepRejectsWithTheRequestId() throws IOException {
    var o = new TakedownStep(matcher()).apply(page("c", "https://blog.example/private/diary", "t"));
    var r = ((org.provenant.filters.step.Outcome.Rejected) o).rejection();
    assertEquals("takedown@1", r.step());
    assertEquals("takedown", r.reason());
    assertEquals("request R2 (2026-12-01): url_prefix http://www.blog.example/private/", r.detail());
  }

  @Test
  void malformedRequestsNameTheLine() {
    assertEquals("r.jsonl:2: request_id R1 is given twice", parseError("{\"request_id\":\"R1\",\"url\":\"a\"}\n{\"request_id\":\"R1\",\"url\":\"b\"}"));
    assertEquals("r.jsonl:1: request R1 names both url and domain; one per line",
        parseError("{\"request_id\":\"R1\",\"url\":\"a\",\"domain\":\"b\"}"));
    assertEquals("r.jsonl:1: request_id is required", parseError("{\"url\":\"a\"}"));
    assertEquals("r.jsonl:1: unknown key \"uri\"; known: request_id, date, and one of url, url_prefix, domain, package (with version),"
        + " document_id, passage", parseError("{\"request_id\":\"R1\",\"uri\":\"a\"}"));
  }

  private static String parseError(String text) {
    return assertThrows(IOException.class, () -> TakedownRequests.parse(text.getBytes(StandardCharsets.UTF_8), "r.jsonl")).getMessage();
  }
}
