package org.provenant.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class AvroRowsTest {
  private static final Source SOURCE =
      Source.builder("file:///data/crawl-00001.warc.gz", 12345)
          .recordId("<urn:uuid:6f3b7e2a-0000-4000-8000-000000000001>")
          .url("https://example.org/a")
          .date("2026-01-02T03:04:05Z")
          .path("src/Main.java")
          .packageName("demo")
          .version("1.0")
          .contentType("text/html; charset=utf-8")
          .httpStatus(200)
          .payloadDigest("sha1:AAAA")
          .sha256("ab12")
          .archiveSha256("cd34")
          .build();

  @Test
  void documentRoundTripsThroughEveryColumn() {
    Document d =
        new Document(
            "d1",
            "Hello",
            Kind.WEB,
            SOURCE,
            new License("CC-BY-SA-4.0",
                List.of(new Evidence("rel_license", "footer", "https://creativecommons.org/licenses/by-sa/4.0/", "CC-BY-SA-4.0", 1.0),
                    new Evidence("meta_license", "head", "CC BY 4.0")),
                true),
            new DedupInfo("c1", 3),
            new Signals("en", 0.97, "java",
                List.of(new Signals.Statistic("gopher_quality@1", "mean_word_len", 4.25)),
                List.of(new Signals.OptOutSignal("tdm_reservation", "http_header", "1", true)),
                new Signals.PiiCounts(2, 1)),
            List.of(new LineageEntry("read_warc@1", "ok", "response"), new LineageEntry("extract_html@1", "ok", null)));
    GenericRecord r = AvroRows.toRecord(d);
    assertTrue(GenericData.get().validate(ProvenantSchemas.DOCUMENT, r));
    assertEquals(d, AvroRows.documentFrom(r));
    assertEquals(12345L, ((GenericRecord) r.get("source")).get("offset"));
    assertEquals("demo", ((GenericRecord) r.get("source")).get("package"));
    assertEquals(true, ((GenericRecord) r.get("license")).get("conflict"));
    Document plain = Document.of("d9", "t", Kind.TEXT, Source.builder("f", 0).build(), List.of());
    assertEquals(plain, AvroRows.documentFrom(AvroRows.toRecord(plain)));
    assertEquals(Signals.EMPTY, plain.signals());
  }

  @Test
  void rejectionRoundTripsWithAndWithoutLicense() {
    Document d = Document.of("d2", "x", Kind.WEB, SOURCE, List.of(new LineageEntry("read_warc@1", "ok", null)));
    Rejection x = d.reject("extract_html@1", "empty_text", "no text after boilerplate removal").asDuplicateOf("d1", 0.875);
    GenericRecord r = AvroRows.toRecord(x);
    assertTrue(GenericData.get().validate(ProvenantSchemas.REJECTED, r));
    Rejection back = AvroRows.rejectionFrom(r);
    assertEquals(x, back);
    assertEquals("d1", back.duplicateOf());
    assertEquals(0.875, back.similarity());
    assertEquals(
        List.of(
            new LineageEntry("read_warc@1", "ok", null),
            new LineageEntry("extract_html@1", "rejected", "empty_text: no text after boilerplate removal")),
        back.lineage());
    Rejection noLicense = new Rejection("d3", Kind.TEXT, SOURCE, null, "read_jsonl@1", "malformed_record", "bad json", null, null, null, List.of());
    assertEquals(noLicense, AvroRows.rejectionFrom(AvroRows.toRecord(noLicense)));
  }

  @Test
  void schemaFilesHoldTheContractColumns() {
    assertEquals(
        List.of("id", "text", "kind", "source", "license", "dedup", "signals", "lineage"),
        ProvenantSchemas.DOCUMENT.getFields().stream().map(Schema.Field::name).collect(Collectors.toList()));
    assertEquals(
        List.of("id", "kind", "source", "license", "step", "reason", "detail", "duplicate_of", "similarity", "signals", "lineage"),
        ProvenantSchemas.REJECTED.getFields().stream().map(Schema.Field::name).collect(Collectors.toList()));
    assertEquals(
        Set.of("uri", "offset", "record_id", "url", "date", "path", "package", "version", "content_type", "http_status", "payload_digest", "sha256", "archive_sha256"),
        ProvenantSchemas.DOCUMENT.getField("source").schema().getFields().stream().map(Schema.Field::name).collect(Collectors.toSet()));
    assertNotNull(ProvenantSchemas.manifestJsonSchema());
  }
}
