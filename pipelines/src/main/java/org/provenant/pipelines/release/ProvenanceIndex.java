package org.provenant.pipelines.release;

import com.google.common.base.Preconditions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.provenant.pipelines.output.OutputDir;
import org.provenant.schemas.ProvenantSchemas;

/**
 * A Lucene index of an output's kept documents ({@code DIR/index/}): the text with positions for
 * phrase search, and stored provenance (id, url, source file and offset, licence, duplicate cluster
 * and the rejected duplicates each document stands for), so a trace never re-reads the shards. The
 * commit records the sha256 of the manifest it was built from.
 */
public final class ProvenanceIndex {
  public static final String DIRECTORY = "index";
  public static final String MANIFEST_SHA256 = "manifest_sha256";

  static final String ID = "id";
  static final String TEXT = "text";
  static final String URL = "url";
  static final String URI = "uri";
  static final String OFFSET = "offset";
  static final String LICENSE = "license";
  static final String CLUSTER_ID = "cluster_id";
  static final String CLUSTER_SIZE = "cluster_size";
  static final String DUPLICATE = "duplicate";

  /** Kept-document columns the index reads. */
  static final Projection DATA = Projection.of(ProvenantSchemas.DOCUMENT,
      "id", "text", "source.uri", "source.offset", "source.url", "license.spdx", "dedup.cluster_id", "dedup.cluster_size");

  /** Rejected columns it reads to list each document's duplicates. */
  static final Projection DUPLICATES = Projection.of(ProvenantSchemas.REJECTED,
      "id", "reason", "duplicate_of", "similarity", "source.uri", "source.offset", "source.url");

  private ProvenanceIndex() {}

  /** The analyzer of the text field, used for indexing and for the passages searched. */
  static Analyzer analyzer() {
    return new StandardAnalyzer();
  }

  /** Where the index of a local output directory lives. */
  public static Path location(OutputDir dir) {
    return Path.of(dir.root()).resolve(DIRECTORY);
  }

  /** Builds (or rebuilds) the index of {@code dir}; returns the number of documents indexed. */
  public static long build(OutputDir dir) throws IOException {
    byte[] manifest = OutputDir.readIfExists(dir.resolve("manifest.json")).orElseThrow(() -> new IOException(dir.root() + " has no manifest.json"));
    Map<String, List<String>> duplicates = new HashMap<>();
    for (MatchResult.Metadata f : dir.list("rejected/*.parquet")) {
      DUPLICATES.forEachRow(f, r -> {
        String of = Projection.string(r, "duplicate_of");
        if (of != null) {
          duplicates.computeIfAbsent(of, k -> new ArrayList<>()).add(duplicateLine(r));
        }
      });
    }
    long[] n = {0};
    try (Analyzer analyzer = analyzer();
        Directory d = FSDirectory.open(location(dir));
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
      IOException[] failure = {null};
      for (MatchResult.Metadata f : dir.list("data/*.parquet")) {
        DATA.forEachRow(f, r -> {
          try {
            w.addDocument(document(r, duplicates));
            n[0]++;
          } catch (IOException e) {
            failure[0] = failure[0] == null ? e : failure[0];
          }
        });
      }
      if (failure[0] != null) {
        throw failure[0];
      }
      w.setLiveCommitData(Map.of(MANIFEST_SHA256, com.google.common.hash.Hashing.sha256().hashBytes(manifest).toString()).entrySet());
      w.commit();
    }
    return n[0];
  }

  private static Document document(GenericRecord r, Map<String, List<String>> duplicates) {
    Document doc = new Document();
    String id = r.get("id").toString();
    doc.add(new StringField(ID, id, Field.Store.YES));
    doc.add(new TextField(TEXT, r.get("text").toString(), Field.Store.NO));
    stored(doc, URL, Projection.string(r, "source.url"));
    stored(doc, URI, Projection.string(r, "source.uri"));
    doc.add(new StoredField(OFFSET, (Long) Projection.get(r, "source.offset")));
    stored(doc, LICENSE, Projection.string(r, "license.spdx"));
    stored(doc, CLUSTER_ID, Projection.string(r, "dedup.cluster_id"));
    Object size = Projection.get(r, "dedup.cluster_size");
    if (size != null) {
      doc.add(new StoredField(CLUSTER_SIZE, (Integer) size));
    }
    List<String> dups = new ArrayList<>(duplicates.getOrDefault(id, List.of()));
    dups.sort(null);
    for (String line : dups) {
      doc.add(new StoredField(DUPLICATE, line));
    }
    return doc;
  }

  private static void stored(Document doc, String field, String value) {
    if (value != null) {
      doc.add(new StoredField(field, value));
    }
  }

  /** id, reason, similarity, url, uri, offset of a duplicate, tab-separated (empty for null). */
  private static String duplicateLine(GenericRecord r) {
    return String.join("\t", r.get("id").toString(), r.get("reason").toString(), nz(Projection.string(r, "similarity")),
        nz(Projection.string(r, "source.url")), nz(Projection.string(r, "source.uri")), nz(Projection.string(r, "source.offset")));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  static String[] splitDuplicate(String line) {
    String[] parts = line.split("\t", -1);
    Preconditions.checkArgument(parts.length == 6, "bad duplicate entry: %s", line);
    return parts;
  }
}
