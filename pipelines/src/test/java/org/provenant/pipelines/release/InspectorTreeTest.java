package org.provenant.pipelines.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provenant.pipelines.io.ShardFiles;
import org.provenant.pipelines.output.Inspector;
import org.provenant.pipelines.output.OutputDir;
import org.provenant.schemas.AvroRows;
import org.provenant.schemas.DedupInfo;
import org.provenant.schemas.Document;
import org.provenant.schemas.Evidence;
import org.provenant.schemas.Kind;
import org.provenant.schemas.License;
import org.provenant.schemas.LineageEntry;
import org.provenant.schemas.ProvenantSchemas;
import org.provenant.schemas.Signals;
import org.provenant.schemas.Source;

/** inspect's tree of signals, licence evidence and duplicates, and the projected and filtered reads under it. */
class InspectorTreeTest {
  @TempDir static Path tmp;
  static OutputDir dir;

  @BeforeAll
  static void write() throws IOException {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
    Files.createDirectories(tmp.resolve("data"));
    Files.createDirectories(tmp.resolve("rejected"));
    Source src = Source.builder("/in/crawl.warc.gz", 1234).url("https://a.example/page").recordId("urn:uuid:1").build();
    Document kept = Document.of("doc-1", "Some text that was kept.", Kind.WEB, src, List.of(new LineageEntry("read_warc@1", LineageEntry.OK, "response record")))
        .withLicense(new License("CC-BY-4.0", List.of(
            new Evidence("rel_license", "footer", "https://creativecommons.org/licenses/by/4.0/", "CC-BY-4.0", 1.0),
            new Evidence("meta_license", "head", "all rights reserved", null, null)), true))
        .withDedup(new DedupInfo("c-7", 2))
        .withSignals(Signals.EMPTY.withLanguage("en", 0.9871)
            .plusStatistics(List.of(new Signals.Statistic("gopher_quality@1", "mean_word_len", 4.5)))
            .plusOptOut(List.of(new Signals.OptOutSignal("noai", "meta", "noai, noimageai", true)))
            .withPii(new Signals.PiiCounts(2, 1)));
    Document other = Document.of("doc-2", "Other.", Kind.WEB, Source.builder("/in/crawl.warc.gz", 9999).build(), List.of());
    ResourceId root = FileSystems.matchNewResource(tmp.toString(), true);
    ShardFiles.write(root.resolve("data", org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions.RESOLVE_DIRECTORY), "data", "part-00000-of-00001.parquet",
        ProvenantSchemas.DOCUMENT, List.of(AvroRows.toRecord(kept), AvroRows.toRecord(other)), new TreeMap<>());
    Document dupDoc = Document.of("doc-9", "Some text that was kept.", Kind.WEB, Source.builder("/in/crawl.warc.gz", 5678).url("https://mirror.example/page").build(),
        List.of());
    ShardFiles.write(root.resolve("rejected", org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions.RESOLVE_DIRECTORY), "rejected",
        "part-00000-of-00001.parquet", ProvenantSchemas.REJECTED,
        List.of(AvroRows.toRecord(dupDoc.reject("dedup_exact@1", "exact_duplicate", null).asDuplicateOf("doc-1", 1.0))), new TreeMap<>());
    dir = new OutputDir(tmp.toString());
  }

  static String inspect(String id) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    assertTrue(new Inspector(dir, new PrintStream(b, true, StandardCharsets.UTF_8), false).byId(id));
    return b.toString(StandardCharsets.UTF_8);
  }

  @Test
  void documentTreeShowsLicenceEvidenceConflictDuplicatesAndSignals() throws IOException {
    assertEquals(String.join("\n",
        "document doc-1  (web, 24 chars)",
        "  source    /in/crawl.warc.gz @ offset 1234",
        "            record_id urn:uuid:1",
        "            url       https://a.example/page",
        "  licence   CC-BY-4.0  (CONFLICT: the statements disagree)",
        "            evidence rel_license in footer: https://creativecommons.org/licenses/by/4.0/ -> CC-BY-4.0 (confidence 1.00)",
        "            evidence meta_license in head: all rights reserved",
        "  dedup     cluster c-7 of 2",
        "            stands for doc-9 (exact_duplicate, similarity 1.0) https://mirror.example/page",
        "  signals",
        "            language  en (score 0.987)",
        "            statistic gopher_quality@1 mean_word_len = 4.5",
        "            opt-out   noai in meta: noai, noimageai (RESERVED against AI training / mining)",
        "            pii       2 e-mail address(es), 1 IP address(es) replaced",
        "  lineage 1. read_warc@1      ok       response record",
        "  text      Some text that was kept.",
        "", ""), inspect("doc-1"));
  }

  @Test
  void rejectedRecordsAreInspectableTheSameWay() throws IOException {
    String out = inspect("doc-9");
    assertTrue(out.startsWith("rejected doc-9  (web)\n  reason    exact_duplicate at dedup_exact@1\n  duplicate of doc-1 (similarity 1.0)\n"
        + "  source    /in/crawl.warc.gz @ offset 5678\n            url       https://mirror.example/page\n  licence   unknown\n"), out);
    assertTrue(out.contains("  lineage 1. dedup_exact@1    rejected exact_duplicate\n"), out);
    assertFalse(out.contains("signals"), out);
  }

  @Test
  void projectionReadsOnlyTheNamedColumns() throws IOException {
    Projection p = Projection.of(ProvenantSchemas.DOCUMENT, "id", "source.url", "signals.language", "lineage.step");
    assertEquals("[id, source, signals, lineage]", p.schema().getFields().stream().map(f -> f.name()).toList().toString());
    assertEquals(List.of("url"), p.schema().getField("source").schema().getFields().stream().map(f -> f.name()).toList());
    List<String> rows = new ArrayList<>();
    p.forEachRow(dir.list("data/*.parquet").get(0), r -> rows.add(r.get("id") + " " + Projection.string(r, "source.url") + " "
        + Projection.string(r, "signals.language") + " " + r.get("lineage")));
    assertEquals(List.of("doc-1 https://a.example/page en [{\"step\": \"read_warc@1\"}]", "doc-2 null null []"), rows);
    List<GenericRecord> hits = new ArrayList<>();
    Projection.forEachRowWhere(dir.list("data/*.parquet").get(0), "source.url", "https://a.example/page", hits::add);
    assertEquals(1, hits.size());
    assertEquals("doc-1", hits.get(0).get("id").toString());
  }

  @Test
  void stepOrderPlacesAStepAfterTheOneItFollows() {
    DatasetStats.StepOrder order = new DatasetStats.StepOrder();
    order.add(List.of("read@1", "extract@1", "dedup@1"));
    order.add(List.of("read@1", "extract@1", "language@1"));
    order.add(List.of("truncated@1"));
    assertEquals(List.of("truncated@1", "read@1", "extract@1", "language@1", "dedup@1"), order.steps());
  }
}
