package org.provenant.pipelines.release;

import com.google.common.base.Preconditions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.provenant.pipelines.output.OutputDir;

/**
 * Finds the kept documents that contain a passage (a phrase query over the indexed text; with
 * {@code fuzzy}, each word may differ by up to two edits and the words may be up to {@code slop}
 * positions apart) and returns each hit with its provenance.
 */
public final class Tracer {
  public static final int DEFAULT_LIMIT = 10;
  /** Slop of a fuzzy trace when none is given. */
  public static final int DEFAULT_FUZZY_SLOP = 2;

  private final boolean fuzzy;
  private final int slop;
  private final int limit;

  private Tracer(boolean fuzzy, int slop, int limit) {
    this.fuzzy = fuzzy;
    this.slop = slop;
    this.limit = limit;
  }

  /** Exact phrase, at most {@link #DEFAULT_LIMIT} hits. */
  public static Tracer exact() {
    return new Tracer(false, 0, DEFAULT_LIMIT);
  }

  public Tracer withFuzzy(boolean f) {
    return new Tracer(f, f && slop == 0 ? DEFAULT_FUZZY_SLOP : slop, limit);
  }

  public Tracer withSlop(int s) {
    Preconditions.checkArgument(s >= 0, "slop is negative: %s", s);
    return new Tracer(fuzzy, s, limit);
  }

  public Tracer withLimit(int n) {
    Preconditions.checkArgument(n > 0, "limit must be positive: %s", n);
    return new Tracer(fuzzy, slop, n);
  }

  /** A rejected record that duplicates a hit. */
  public record Duplicate(String id, String reason, Double similarity, String url, String uri, Long offset) {}

  /** One document containing the passage, with its provenance. */
  public record Hit(String id, float score, String url, String uri, long offset, String license, String clusterId, Integer clusterSize,
      List<Duplicate> duplicates) {}

  /** What a trace found, and the total number of matching documents (may exceed the hits listed). */
  public record Result(List<Hit> hits, long totalMatches, boolean indexIsStale) {}

  /** Searches the index of {@code dir}; the passage must hold at least one word. */
  public Result trace(OutputDir dir, String passage) throws IOException {
    try (Directory d = FSDirectory.open(ProvenanceIndex.location(dir)); DirectoryReader reader = DirectoryReader.open(d)) {
      String built = reader.getIndexCommit().getUserData().get(ProvenanceIndex.MANIFEST_SHA256);
      Optional<byte[]> manifest = OutputDir.readIfExists(dir.resolve("manifest.json"));
      boolean stale = manifest.isEmpty() || !com.google.common.hash.Hashing.sha256().hashBytes(manifest.get()).toString().equals(built);
      IndexSearcher searcher = new IndexSearcher(reader);
      TopDocs top = searcher.search(query(passage), limit);
      StoredFields stored = searcher.storedFields();
      List<Hit> hits = new ArrayList<>();
      for (ScoreDoc sd : top.scoreDocs) {
        org.apache.lucene.document.Document doc = stored.document(sd.doc);
        List<Duplicate> dups = new ArrayList<>();
        for (IndexableField f : doc.getFields(ProvenanceIndex.DUPLICATE)) {
          String[] p = ProvenanceIndex.splitDuplicate(f.stringValue());
          dups.add(new Duplicate(p[0], p[1], p[2].isEmpty() ? null : Double.valueOf(p[2]), p[3].isEmpty() ? null : p[3], p[4].isEmpty() ? null : p[4],
              p[5].isEmpty() ? null : Long.valueOf(p[5])));
        }
        IndexableField size = doc.getField(ProvenanceIndex.CLUSTER_SIZE);
        hits.add(new Hit(doc.get(ProvenanceIndex.ID), sd.score, doc.get(ProvenanceIndex.URL), doc.get(ProvenanceIndex.URI),
            doc.getField(ProvenanceIndex.OFFSET).numericValue().longValue(), doc.get(ProvenanceIndex.LICENSE), doc.get(ProvenanceIndex.CLUSTER_ID),
            size == null ? null : size.numericValue().intValue(), List.copyOf(dups)));
      }
      return new Result(List.copyOf(hits), top.totalHits.value, stale);
    }
  }

  /** The query for a passage: its words, as the index analysed them, in order. */
  Query query(String passage) throws IOException {
    List<String> terms = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    try (Analyzer a = ProvenanceIndex.analyzer(); TokenStream ts = a.tokenStream(ProvenanceIndex.TEXT, passage)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int pos = -1;
      while (ts.incrementToken()) {
        pos += inc.getPositionIncrement();
        terms.add(term.toString());
        positions.add(pos);
      }
      ts.end();
    }
    if (terms.isEmpty()) {
      throw new IllegalArgumentException("the passage holds no words to search for");
    }
    if (!fuzzy) {
      PhraseQuery.Builder b = new PhraseQuery.Builder().setSlop(slop);
      for (int i = 0; i < terms.size(); i++) {
        b.add(new Term(ProvenanceIndex.TEXT, terms.get(i)), positions.get(i));
      }
      return b.build();
    }
    SpanQuery[] clauses = new SpanQuery[terms.size()];
    for (int i = 0; i < terms.size(); i++) {
      clauses[i] = new SpanMultiTermQueryWrapper<>(new FuzzyQuery(new Term(ProvenanceIndex.TEXT, terms.get(i))));
    }
    return clauses.length == 1 ? clauses[0] : new SpanNearQuery(clauses, slop, true);
  }
}
