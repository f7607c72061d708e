package org.provenant.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
import org.provenant.schemas.Rejection;
import org.provenant.schemas.manifest.RunManifest;
import org.provenant.tests.fixtures.BrokenWarcs;

/**
 * One pipeline run over every broken fixture: the run completes, every record ends kept or
 * rejected with the reason its damage calls for, and the accounting holds.
 */
class BrokenInputPipelineTest {
  @TempDir static Path tmp;
  static Path in;
  static Path out;
  static Map<String, String> outcome = new TreeMap<>();
  static Map<String, String> detail = new TreeMap<>();

  @BeforeAll
  static void run() throws IOException {
    in = tmp.resolve("in");
    java.nio.file.Files.createDirectories(in);
    BrokenWarcs.truncatedGzip(in);
    BrokenWarcs.wrongContentLength(in);
    BrokenWarcs.badChunked(in);
    BrokenWarcs.invalidUtf8(in);
    BrokenWarcs.nonHtml(in);
    BrokenWarcs.emptyBodies(in);
    BrokenWarcs.http404(in);
    BrokenWarcs.wholeFileGzip(in);
    BrokenWarcs.plainWarc(in);
    BrokenWarcs.wet(in);
    out = tmp.resolve("out");
    new Curator(System.err).run(List.of(in + "/*"), out.toString(), CurationConfig.NONE, false, List.of());
    for (Document d : CurationEndToEndTest.documents(out)) {
      outcome.put(key(d.source().recordId(), d.source().uri(), d.source().offset()), "kept");
    }
    for (Rejection r : CurationEndToEndTest.rejections(out)) {
      String k = key(r.source().recordId(), r.source().uri(), r.source().offset());
      outcome.put(k, r.reason());
      detail.put(k, r.detail());
    }
  }

  static String key(String recordId, String uri, long offset) {
    if (recordId != null) {
      assertTrue(recordId.startsWith("<urn:uuid:") && recordId.endsWith(">"), "record_id as written: " + recordId);
      return recordId.substring(1, recordId.length() - 1);
    }
    return uri.substring(uri.lastIndexOf('/') + 1) + "@" + offset;
  }

  private static String id(int fixture, int record) {
    return BrokenWarcs.recordId(fixture, record);
  }

  @Test
  void everyRecordHasTheOutcomeItsDamageCallsFor() {
    Map<String, String> expected = new TreeMap<>();
    expected.put(id(1, 0), "kept");
    expected.put(id(1, 1), "kept");
    expected.put("truncated-gzip.warc.gz@1703", "truncated_record"); // record 2: member cut in half
    expected.put(id(2, 0), "kept");
    expected.put(id(2, 1), "malformed_record"); // Content-Length 20 bytes short: bad trailer
    expected.put("wrong-content-length.warc@1342", "malformed_record"); // record 2 cannot be found after it
    expected.put(id(3, 0), "malformed_http_body"); // chunk size "zz"
    expected.put(id(3, 1), "malformed_http_body"); // chunk longer than the body
    expected.put(id(3, 2), "kept"); // correct chunking
    expected.put(id(4, 0), "decode_error");
    expected.put(id(5, 0), "not_html");
    expected.put(id(5, 1), "not_html");
    expected.put(id(5, 2), "kept");
    expected.put(id(6, 0), "empty_text");
    expected.put(id(6, 1), "empty_text");
    expected.put(id(7, 0), "http_status_404");
    expected.put(id(8, 1), "kept"); // whole-file gzip
    expected.put(id(8, 2), "kept");
    expected.put(id(9, 2), "kept");
    expected.put(id(9, 4), "kept");
    expected.put(id(9, 6), "kept");
    expected.put(id(10, 1), "exact_duplicate"); // WET conversion records: the text of plainWarc's pages
    expected.put(id(10, 2), "exact_duplicate");
    expected.put(id(10, 3), "exact_duplicate");
    assertEquals(expected, outcome);
  }

  @Test
  void detailsSayWhatIsWrongAndWhere() {
    assertEquals("bad chunked encoding: chunk size \"zz\" at body byte 0 is not hex", detail.get(id(3, 0)));
    assertEquals("bad chunked encoding: chunk of 1024 bytes at body byte 5 runs past the end of the body (827 left)", detail.get(id(3, 1)));
    assertEquals("invalid UTF-8 at byte " + BrokenWarcs.INVALID_UTF8_PAYLOAD_OFFSET + " (charset from http-header)", detail.get(id(4, 0)));
    assertEquals("the record's block does not end where its WARC Content-Length says (invalid record trailer)", detail.get(id(2, 1)));
    assertEquals("gzip member at offset 1703 is truncated; reading of this file stopped at offset 1703", detail.get("truncated-gzip.warc.gz@1703"));
    assertEquals(BrokenWarcs.WRONG_CONTENT_LENGTH_OFFSETS.get(1), 1342L);
  }

  @Test
  void theRunCompletesAndAccountsForEveryCandidate() throws IOException {
    RunManifest m = new OutputDir(out.toString()).manifest().orElseThrow();
    assertTrue(m.accountingOk());
    assertEquals(outcome.size(), m.counts().candidates());
    assertEquals(outcome.values().stream().filter("kept"::equals).count(), m.counts().kept());
    assertEquals(10, m.inputs().size());
    assertEquals(
        List.of("truncated-gzip.warc.gz", "wrong-content-length.warc"),
        m.inputs().stream().filter(i -> i.error() != null).map(i -> i.uri().substring(i.uri().lastIndexOf('/') + 1)).toList());
    assertTrue(new OutputVerifier().verify(new OutputDir(out.toString())).ok());
  }
}
