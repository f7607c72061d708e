package org.provenant.pipelines.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.provenant.pipelines.demo.DemoCorpusGenerator.DemoPage;
import org.provenant.pipelines.demo.DemoCorpusGenerator.PageKind;
import org.provenant.pipelines.demo.DemoCorpusGenerator.Summary;

class DemoCorpusGeneratorTest {

  private static final long SEED = 42;
  private static final Pattern UUID_URN =
      Pattern.compile("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

  @TempDir static Path shared;
  private static Summary summary;
  /** Every record of every file in order, up to the truncation. */
  private static final List<Seen> seen = new ArrayList<>();
  private static final Map<Path, Exception> failures = new HashMap<>();

  /** What the test kept of one record: jwarc values, and payload bytes for responses. */
  private record Seen(
      Path file,
      WarcRecord record,
      String type,
      long position,
      HttpResponse http,
      byte[] payload,
      byte[] block,
      Optional<WarcDigest> calculatedBlockDigest) {}

  @BeforeAll
  static void generateOnce() throws IOException {
    summary = DemoCorpusGenerator.generate(shared.resolve("corpus"), 20, SEED);
    for (Path file : summary.files()) {
      try (WarcReader reader = new WarcReader(file)) {
        reader.calculateBlockDigest();
        while (true) {
          Optional<WarcRecord> next = reader.next();
          if (next.isEmpty()) {
            break;
          }
          WarcRecord record = next.get();
          HttpResponse http = null;
          byte[] payload = null;
          byte[] block = null;
          if (record instanceof WarcResponse response) {
            http = response.http();
            payload = http.body().stream().readAllBytes();
          } else if (record instanceof WarcRevisit revisit) {
            http = revisit.http();
          } else {
            block = record.body().stream().readAllBytes();
          }
          seen.add(new Seen(file, record, record.type(), record.position(), http, payload, block,
              record.calculatedBlockDigest()));
        }
      } catch (IOException e) {
        failures.put(file, e);
      }
    }
  }

  @Test
  void sameSeedWritesByteIdenticalFiles(@TempDir Path first, @TempDir Path second)
      throws IOException {
    Summary a = DemoCorpusGenerator.generate(first, 20, SEED);
    Summary b = DemoCorpusGenerator.generate(second, 20, SEED);
    assertEquals(List.of("demo-00000.warc.gz", "demo-00001.warc.gz", "demo-00002.warc.gz"),
        a.files().stream().map(p -> p.getFileName().toString()).toList());
    for (int i = 0; i < a.files().size(); i++) {
      assertEquals(sha256(a.files().get(i)), sha256(b.files().get(i)), "file " + i);
      assertEquals(sha256(a.files().get(i)), sha256(summary.files().get(i)), "file " + i);
    }
    assertEquals(a.pages().stream().map(DemoPage::recordId).toList(),
        b.pages().stream().map(DemoPage::recordId).toList());
  }

  @Test
  void anotherSeedWritesAnotherCorpusWithTheSameMix(@TempDir Path dir) throws IOException {
    Summary other = DemoCorpusGenerator.generate(dir, 20, SEED + 1);
    assertNotEquals(sha256(summary.files().get(0)), sha256(other.files().get(0)));
    assertNotEquals(summary.pages().get(0).recordId(), other.pages().get(0).recordId());
    assertEquals(summary.countsByKind(), other.countsByKind());
  }

  @Test
  void countsArePinned() {
    assertEquals(60, summary.pageCount());
    Map<PageKind, Integer> expected = new HashMap<>();
    expected.put(PageKind.ARTICLE, 33);
    expected.put(PageKind.EXACT_DUPLICATE, 3);
    expected.put(PageKind.NEAR_DUPLICATE, 4);
    expected.put(PageKind.NON_ENGLISH, 6);
    expected.put(PageKind.BOILERPLATE, 2);
    expected.put(PageKind.LICENSED, 3);
    expected.put(PageKind.AI_OPT_OUT, 2);
    expected.put(PageKind.NOT_FOUND, 1);
    expected.put(PageKind.REDIRECT, 1);
    expected.put(PageKind.IMAGE, 1);
    expected.put(PageKind.PDF, 1);
    expected.put(PageKind.EMPTY, 1);
    expected.put(PageKind.INVALID_UTF8, 1);
    expected.put(PageKind.WINDOWS_1252, 1);
    assertEquals(expected, summary.countsByKind());
    assertEquals(1, summary.revisitRecords());
    assertEquals(1, summary.metadataRecords());
    assertEquals(1, summary.truncatedRecords());
    assertEquals("wrote 3 WARC files, 60 pages: 33 articles, 3 exact duplicates, 4 near duplicates,"
        + " 6 non-English, 2 boilerplate-heavy, 3 CC-licensed, 2 AI opt-out, 1 HTTP 404,"
        + " 1 redirect, 1 image, 1 PDF, 1 empty, 1 invalid UTF-8, 1 windows-1252;"
        + " plus 1 revisit, 1 metadata and 1 truncated record", summary.describe());
  }

  @Test
  void fewerPagesPerFileOnlyShrinksTheArticles(@TempDir Path dir) throws IOException {
    Summary small = DemoCorpusGenerator.generate(dir, DemoCorpusGenerator.MIN_PAGES_PER_FILE, 7);
    assertEquals(36, small.pageCount());
    assertEquals(9, small.count(PageKind.ARTICLE));
    assertEquals(3, small.count(PageKind.EXACT_DUPLICATE));
    assertEquals(6, small.count(PageKind.NON_ENGLISH));
    IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
        () -> DemoCorpusGenerator.generate(dir, 11, 7));
    assertEquals("pagesPerFile must be at least 12: 11", tooFew.getMessage());
  }

  @Test
  void firstPageIsPinned() {
    DemoPage first = summary.pages().get(0);
    assertEquals(PINNED_FIRST_URL, first.url().toString());
    assertEquals(PINNED_FIRST_RECORD_ID, first.recordId().toString());
    assertEquals(PINNED_FIRST_PAYLOAD_DIGEST, first.payloadDigest());
  }

  // Pinned for seed 42: these change whenever the vocabulary, templates or planning change, which
  // is the point; they do not depend on the zlib build, unlike the compressed bytes.
  private static final String PINNED_FIRST_URL =
      "https://www.switchback-journal.com/2024/02/a-beginners-guide-to-a-paper-map/";
  private static final String PINNED_FIRST_RECORD_ID =
      "urn:uuid:9731e945-243e-4146-b353-07104e4628d5";
  private static final String PINNED_FIRST_PAYLOAD_DIGEST = "sha1:GGVWCV47N2AEV562ZZLRDSXHP3MRIJFP";

  @Test
  void completeFilesReadBackWithTheExpectedRecords() {
    assertNull(failures.get(summary.files().get(0)));
    assertNull(failures.get(summary.files().get(1)));
    List<String> expected0 = new ArrayList<>(List.of("warcinfo"));
    for (int i = 0; i < 20; i++) {
      expected0.addAll(List.of("request", "response"));
    }
    assertEquals(expected0, typesIn(summary.files().get(0)));
    List<String> expected1 = new ArrayList<>(expected0);
    expected1.add(3, "metadata"); // after the first response, as Heritrix writes it
    assertEquals(expected1, typesIn(summary.files().get(1)));

    for (Seen s : seen) {
      assertEquals(MessageVersion.WARC_1_1, s.record().version());
      assertTrue(UUID_URN.matcher(s.record().id().toString()).matches(), s.record().id().toString());
      Instant date = s.record().date();
      assertFalse(date.isBefore(DemoCorpusGenerator.CRAWL_START), date.toString());
      assertTrue(date.isBefore(DemoCorpusGenerator.CRAWL_START.plus(DemoCorpusGenerator.CRAWL_SPAN)));
      assertEquals(s.record().blockDigest(), s.calculatedBlockDigest(), s.record().toString());
    }
    Set<URI> ids = new HashSet<>();
    seen.forEach(s -> ids.add(s.record().id()));
    assertEquals(seen.size(), ids.size());
  }

  @Test
  void responsesMatchTheSummary() throws IOException {
    List<Seen> responses = seen.stream().filter(s -> s.type().equals("response")).toList();
    List<DemoPage> complete = summary.pages().stream().filter(p -> !p.truncated()).toList();
    assertEquals(complete.size(), responses.size());
    for (int i = 0; i < responses.size(); i++) {
      Seen s = responses.get(i);
      DemoPage page = complete.get(i);
      WarcResponse response = (WarcResponse) s.record();
      assertEquals(page.url(), response.targetURI());
      assertEquals(page.file(), s.file());
      assertEquals(page.offset(), s.position());
      assertEquals(page.recordId(), response.id());
      assertEquals(page.httpStatus(), s.http().status());
      assertEquals(Optional.of(page.payloadDigest()),
          response.payloadDigest().map(WarcDigest::prefixedBase32));
      assertEquals(page.payloadDigest(), "sha1:" + base32Sha1(s.payload()));
      assertEquals(Optional.of(Integer.toString(s.payload().length)),
          s.http().headers().first("Content-Length"));
      assertTrue(response.ipAddress().isPresent());
    }
  }

  @Test
  void everyRequestPointsAtItsResponseAndEveryRecordAtItsWarcinfo() {
    Map<Path, URI> warcinfoIds = new HashMap<>();
    for (Seen s : seen) {
      if (s.type().equals("warcinfo")) {
        warcinfoIds.put(s.file(), s.record().id());
        assertTrue(new String(s.block(), StandardCharsets.UTF_8)
            .contains("isPartOf: provenant-demo-42\r\n"));
      }
    }
    assertEquals(3, warcinfoIds.size());
    for (int i = 0; i < seen.size(); i++) {
      Seen s = seen.get(i);
      if (s.record() instanceof WarcRequest request) {
        String http = new String(s.block(), StandardCharsets.US_ASCII);
        assertTrue(http.startsWith("GET /"), http);
        assertTrue(http.contains("\r\nHost: " + request.targetURI().getHost() + "\r\n"), http);
        if (i + 1 < seen.size()) {
          WarcRecord next = seen.get(i + 1).record();
          assertEquals(List.of(next.id()), request.concurrentTo());
          assertEquals(request.targetURI(), ((WarcTargetRecord) next).targetURI());
          assertEquals(request.date(), next.date());
        }
      }
      if (s.record() instanceof WarcTargetRecord target) {
        assertEquals(Optional.of(warcinfoIds.get(s.file())), target.warcinfoID());
      }
    }
  }

  @Test
  void truncatedFileReadsUpToItsLastResponse() throws IOException {
    Path last = summary.files().get(2);
    assertInstanceOf(IOException.class, failures.get(last));
    List<String> expected = new ArrayList<>(List.of("warcinfo"));
    for (int i = 0; i < 19; i++) {
      expected.addAll(List.of("request", "response"));
    }
    expected.addAll(List.of("request", "revisit", "request"));
    assertEquals(expected, typesIn(last));

    DemoPage truncated = summary.pages().get(summary.pageCount() - 1);
    assertTrue(truncated.truncated());
    assertEquals(PageKind.ARTICLE, truncated.kind());
    byte[] bytes = Files.readAllBytes(last);
    // the last gzip member starts at the page's offset and stops before its end
    assertEquals((byte) 0x1f, bytes[(int) truncated.offset()]);
    assertEquals((byte) 0x8b, bytes[(int) truncated.offset() + 1]);
    GzipTail tail = GzipTail.inflate(bytes, (int) truncated.offset());
    assertFalse(tail.finished());
    String partial = new String(tail.output(), StandardCharsets.UTF_8);
    assertTrue(partial.startsWith("WARC/1.1\r\n"));
    assertTrue(partial.contains("WARC-Target-URI: " + truncated.url() + "\r\n"));
    assertFalse(partial.contains("</html>"));
  }

  @Test
  void revisitRefersToTheFirstExactDuplicate() throws IOException {
    WarcRevisit revisit = (WarcRevisit) seen.stream()
        .filter(s -> s.type().equals("revisit")).findFirst().orElseThrow().record();
    DemoPage original = summary.pagesOf(PageKind.EXACT_DUPLICATE).get(0);
    assertNull(original.duplicateOf());
    assertEquals(original.url(), revisit.targetURI());
    assertEquals(Optional.of(original.recordId()), revisit.refersTo());
    assertEquals(Optional.of(original.url()), revisit.refersToTargetURI());
    assertEquals(WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1, revisit.profile());
    assertEquals(Optional.of(original.payloadDigest()),
        revisit.payloadDigest().map(WarcDigest::prefixedBase32));
    assertTrue(revisit.date().isAfter(revisit.refersToDate().orElseThrow()));
  }

  @Test
  void metadataRecordDescribesTheFetchBeforeIt() {
    WarcMetadata metadata = (WarcMetadata) seen.stream()
        .filter(s -> s.type().equals("metadata")).findFirst().orElseThrow().record();
    int at = indexOf(metadata);
    WarcRecord response = seen.get(at - 1).record();
    assertEquals(List.of(response.id()), ((WarcCaptureRecord) metadata).concurrentTo());
    assertEquals("application/warc-fields", metadata.contentType().toString());
  }

  @Test
  void exactDuplicatesShareOnePayloadAtThreeUrls() {
    List<DemoPage> group = summary.pagesOf(PageKind.EXACT_DUPLICATE);
    URI canonical = group.get(0).url();
    assertEquals(1, group.stream().map(DemoPage::payloadDigest).distinct().count());
    assertEquals(List.of(canonical.toString(),
            canonical + "?utm_source=newsletter&utm_medium=email&utm_campaign=morning",
            "https://mirror.riverbend-courier.com" + canonical.getPath()),
        group.stream().map(p -> p.url().toString()).toList());
    assertNull(group.get(0).duplicateOf());
    assertEquals(canonical, group.get(1).duplicateOf());
    assertEquals(canonical, group.get(2).duplicateOf());
  }

  @Test
  void nearDuplicatesAreCloseAndOrdinaryPagesAreNot() {
    List<DemoPage> near = summary.pagesOf(PageKind.NEAR_DUPLICATE);
    assertEquals(4, near.stream().map(DemoPage::payloadDigest).distinct().count());
    for (int i = 0; i < near.size(); i++) {
      for (int j = i + 1; j < near.size(); j++) {
        double jaccard = jaccard(shingles(text(near.get(i))), shingles(text(near.get(j))));
        assertTrue(jaccard > 0.8, near.get(i).url() + " vs " + near.get(j).url() + ": " + jaccard);
        assertTrue(jaccard < 1.0);
      }
    }
    List<DemoPage> articles = summary.pages().stream()
        .filter(p -> p.kind() == PageKind.ARTICLE && !p.truncated()).toList();
    double max = 0;
    for (int i = 0; i < articles.size(); i++) {
      for (int j = i + 1; j < articles.size(); j++) {
        max = Math.max(max, jaccard(shingles(text(articles.get(i))), shingles(text(articles.get(j)))));
      }
    }
    assertTrue(max < 0.5, "two ordinary articles are too similar: " + max);
  }

  @Test
  void specialPagesCarryTheirMarks() throws CharacterCodingException {
    assertEquals(List.of("de", "de", "es", "es", "fr", "fr"),
        summary.pagesOf(PageKind.NON_ENGLISH).stream()
            .map(p -> between(utf8(payload(p)), "<html lang=\"", "\"")).sorted().toList());
    for (DemoPage page : summary.pagesOf(PageKind.ARTICLE)) {
      if (!page.truncated()) {
        assertTrue(utf8(payload(page)).contains("<html lang=\"en\">"));
      }
    }

    List<String> licensed =
        summary.pagesOf(PageKind.LICENSED).stream().map(p -> utf8(payload(p))).toList();
    assertEquals(1, count(licensed,
        "<a rel=\"license\" href=\"https://creativecommons.org/licenses/by-sa/4.0/\">CC BY-SA 4.0</a>"));
    assertEquals(1, count(licensed,
        "<link rel=\"license\" href=\"https://creativecommons.org/licenses/by/4.0/\">"));
    assertEquals(1, count(licensed,
        "<a rel=\"license\" href=\"https://creativecommons.org/publicdomain/zero/1.0/\">CC0 1.0</a>"));

    List<DemoPage> optOut = summary.pagesOf(PageKind.AI_OPT_OUT);
    assertEquals(1, count(optOut.stream().map(p -> utf8(payload(p))).toList(),
        "<meta name=\"robots\" content=\"noai, noimageai\">"));
    assertEquals(1, optOut.stream()
        .filter(p -> http(p).headers().all("X-Robots-Tag").equals(List.of("noai")))
        .count());

    DemoPage notFound = summary.pagesOf(PageKind.NOT_FOUND).get(0);
    assertEquals(404, http(notFound).status());
    DemoPage redirect = summary.pagesOf(PageKind.REDIRECT).get(0);
    assertEquals(301, http(redirect).status());
    assertEquals(0, payload(redirect).length);
    assertEquals(Optional.of(redirect.url().toString().replace("http://", "https://")),
        http(redirect).headers().first("Location"));
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'},
        Arrays.copyOf(payload(summary.pagesOf(PageKind.IMAGE).get(0)), 4));
    assertTrue(utf8(payload(summary.pagesOf(PageKind.PDF).get(0))).startsWith("%PDF-1.4\n"));
    DemoPage empty = summary.pagesOf(PageKind.EMPTY).get(0);
    assertEquals(0, payload(empty).length);
    assertEquals(Optional.of("text/html; charset=utf-8"),
        http(empty).headers().first("Content-Type"));

    byte[] invalid = payload(summary.pagesOf(PageKind.INVALID_UTF8).get(0));
    assertThrows(CharacterCodingException.class, () -> strictDecode(invalid, StandardCharsets.UTF_8));
    assertTrue(new String(invalid, StandardCharsets.ISO_8859_1).contains("caf\u00e9 by the lake"));
    assertTrue(new String(invalid, StandardCharsets.ISO_8859_1).contains("na\u00c3(ve plan"));

    DemoPage cp1252 = summary.pagesOf(PageKind.WINDOWS_1252).get(0);
    assertEquals(Optional.of("text/html"), http(cp1252).headers().first("Content-Type"));
    byte[] cp1252Bytes = payload(cp1252);
    assertThrows(CharacterCodingException.class,
        () -> strictDecode(cp1252Bytes, StandardCharsets.UTF_8));
    String decoded = strictDecode(cp1252Bytes, Charset.forName("windows-1252"));
    assertTrue(decoded.contains("<meta charset=\"windows-1252\">"));
    assertTrue(decoded.contains("the \u201cfamous\u201d scones"));
    assertTrue(decoded.contains("\u20ac8 buys a pot of tea"));

    for (DemoPage page : summary.pagesOf(PageKind.BOILERPLATE)) {
      String html = utf8(payload(page));
      int links = html.split("<a href=", -1).length - 1;
      String mainText = between(html, "<main id=\"content\">", "</main>")
          .replaceAll("(?s)<a [^>]*>.*?</a>", " ").replaceAll("<[^>]+>", " ");
      assertTrue(links > 40, page.url() + " has " + links + " links");
      assertTrue(words(mainText) < 20, mainText);
    }
  }

  // ------------------------------------------------------------------------------------- helpers

  private static List<String> typesIn(Path file) {
    return seen.stream().filter(s -> s.file().equals(file)).map(Seen::type).toList();
  }

  private static int indexOf(WarcRecord record) {
    for (int i = 0; i < seen.size(); i++) {
      if (seen.get(i).record() == record) {
        return i;
      }
    }
    throw new AssertionError("not seen: " + record);
  }

  private static Seen seenResponse(DemoPage page) {
    return seen.stream()
        .filter(s -> s.type().equals("response") && s.record().id().equals(page.recordId()))
        .findFirst()
        .orElseThrow();
  }

  private static HttpResponse http(DemoPage page) {
    return seenResponse(page).http();
  }

  private static byte[] payload(DemoPage page) {
    return seenResponse(page).payload();
  }

  private static String text(DemoPage page) {
    return utf8(payload(page))
        .replaceAll("(?s)<script.*?</script>", " ")
        .replaceAll("<[^>]+>", " ")
        .replace("&amp;", "&")
        .replace("&quot;", "\"");
  }

  private static Set<String> shingles(String text) {
    List<String> words = new ArrayList<>();
    for (String word : text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    Set<String> shingles = new HashSet<>();
    for (int i = 0; i + 5 <= words.size(); i++) {
      shingles.add(String.join(" ", words.subList(i, i + 5)));
    }
    return shingles;
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    Set<String> both = new HashSet<>(a);
    both.retainAll(b);
    return both.size() / (double) (a.size() + b.size() - both.size());
  }

  private static int words(String text) {
    return (int) Arrays.stream(text.split("\\s+")).filter(w -> !w.isBlank()).count();
  }

  private static long count(List<String> pages, String needle) {
    return pages.stream().filter(p -> p.contains(needle)).count();
  }

  private static String between(String text, String start, String end) {
    Matcher matcher = Pattern.compile(Pattern.quote(start) + "(.*?)" + Pattern.quote(end),
        Pattern.DOTALL).matcher(text);
    assertTrue(matcher.find(), "no " + start);
    return matcher.group(1);
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static String strictDecode(byte[] bytes, Charset charset) throws CharacterCodingException {
    return charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static String base32Sha1(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(bytes);
      // RFC 4648 base32, written out here so the test does not trust jwarc's encoder
      String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
      StringBuilder out = new StringBuilder();
      int buffer = 0;
      int bits = 0;
      for (byte b : digest) {
        buffer = (buffer << 8) | (b & 0xFF);
        bits += 8;
        while (bits >= 5) {
          out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
          bits -= 5;
        }
      }
      return out.toString(); // 160 bits = 32 characters, no padding
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** Inflates one gzip member from an offset, as far as the bytes go. */
  private record GzipTail(byte[] output, boolean finished) {
    static GzipTail inflate(byte[] bytes, int offset) {
      java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
      inflater.setInput(bytes, offset + 10, bytes.length - offset - 10);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        while (!inflater.finished() && !inflater.needsInput()) {
          out.write(buffer, 0, inflater.inflate(buffer));
        }
      } catch (java.util.zip.DataFormatException e) {
        throw new AssertionError(e);
      }
      boolean finished = inflater.finished();
      inflater.end();
      return new GzipTail(out.toByteArray(), finished);
    }
  }
}
