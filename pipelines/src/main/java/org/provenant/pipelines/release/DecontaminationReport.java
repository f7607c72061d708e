package org.provenant.pipelines.release;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.provenant.filters.decontam.BenchmarkIndex;
import org.provenant.filters.decontam.Overlap;
import org.provenant.pipelines.output.OutputDir;
import org.provenant.schemas.AvroRows;
import org.provenant.schemas.Document;
import org.provenant.schemas.manifest.ManifestJson;
import org.provenant.schemas.manifest.RunManifest;
import org.provenant.schemas.manifest.ShardEntry;

/**
 * Which benchmark items a release's kept documents repeat, and where: every {@link Overlap} of
 * every document in {@code data/} with the index's items, with the document's id and source
 * (URL, or input file and path inside it). Reads the shards in manifest order, one row at a time.
 */
public final class DecontaminationReport {
  /** One overlap found in one kept document. */
  public record Hit(String documentId, String source, Overlap overlap) {}

  /** Every hit by benchmark, item, document and position, and how many distinct items of each benchmark were found. */
  public record Result(List<Hit> hits, long documents, SortedMap<String, Integer> itemsFound, SortedMap<String, Integer> itemsIndexed,
      int shortItems) {}

  private DecontaminationReport() {}

  public static Result scan(OutputDir dir, BenchmarkIndex index) throws IOException {
    RunManifest m = dir.manifest().orElseThrow(() -> new IOException(dir.root() + " has no manifest.json"));
    List<Hit> hits = new ArrayList<>();
    SortedMap<String, TreeSet<String>> found = new TreeMap<>();
    long[] docs = {0};
    for (ShardEntry e : m.dataShards()) {
      List<MatchResult.Metadata> files = dir.list(e.path());
      if (files.isEmpty()) {
        throw new IOException(e.path() + " is missing");
      }
      OutputDir.forEachRow(files.get(0), rec -> {
        Document d = AvroRows.documentFrom(rec);
        docs[0]++;
        for (Overlap o : index.all(d.text())) {
          hits.add(new Hit(d.id(), source(d), o));
          found.computeIfAbsent(o.benchmark(), k -> new TreeSet<>()).add(o.itemId());
        }
      });
    }
    hits.sort(java.util.Comparator.comparing((Hit h) -> h.overlap().benchmark()).thenComparing(h -> h.overlap().itemId())
        .thenComparing(Hit::documentId).thenComparing(Hit::source).thenComparingInt(h -> h.overlap().start()));
    SortedMap<String, Integer> itemsFound = new TreeMap<>();
    found.forEach((b, ids) -> itemsFound.put(b, ids.size()));
    SortedMap<String, Integer> indexed = new TreeMap<>();
    index.items().forEach(i -> indexed.merge(i.benchmark(), 1, Integer::sum));
    return new Result(hits, docs[0], itemsFound, indexed, index.shortItems());
  }

  /** The URL, else {@code uri!path} for a file inside an archive, else {@code uri@offset}. */
  static String source(Document d) {
    if (d.source().url() != null) {
      return d.source().url();
    }
    if (d.source().path() != null) {
      return d.source().uri() + "!" + d.source().path();
    }
    return d.source().uri() + "@" + d.source().offset();
  }

  /** One line per hit: {@code BENCHMARK ITEM in DOC (SOURCE) chars S-E, T tokens: "text"}. */
  public static List<String> lines(Result r) {
    List<String> out = new ArrayList<>();
    for (Hit h : r.hits()) {
      Overlap o = h.overlap();
      out.add(o.benchmark() + " " + o.itemId() + " in " + h.documentId() + " (" + h.source() + ") " + o.describe()
          .substring(o.describe().indexOf(": chars ") + 2));
    }
    return out;
  }

  /** A hit as one JSON object. */
  public static String json(Hit h) {
    ObjectNode n = ManifestJson.mapper().createObjectNode();
    Overlap o = h.overlap();
    n.put("benchmark", o.benchmark());
    n.put("item_id", o.itemId());
    n.put("document_id", h.documentId());
    n.put("source", h.source());
    n.put("start", o.start());
    n.put("end", o.end());
    n.put("tokens", o.tokens());
    n.put("item_token", o.itemToken());
    n.put("text", o.matchedText());
    return n.toString();
  }
}
