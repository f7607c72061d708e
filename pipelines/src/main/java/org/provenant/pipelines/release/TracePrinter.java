package org.provenant.pipelines.release;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;

/** Prints a trace: a readable block per document, or one JSON object per document. */
public final class TracePrinter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TracePrinter() {}

  public static void print(Tracer.Result r, PrintStream out, boolean json) {
    if (json) {
      for (Tracer.Hit h : r.hits()) {
        out.println(toJson(h).toString());
      }
      return;
    }
    out.printf("%d document(s) contain the passage%s%n", r.totalMatches(), r.totalMatches() > r.hits().size() ? ", " + r.hits().size() + " shown" : "");
    int i = 1;
    for (Tracer.Hit h : r.hits()) {
      out.println();
      out.printf("%d. document %s  (score %.3f)%n", i++, h.id(), h.score());
      if (h.url() != null) {
        out.println("   url       " + h.url());
      }
      out.println("   source    " + h.uri() + " @ offset " + h.offset());
      out.println("   licence   " + (h.license() == null ? "unknown" : h.license()));
      out.println("   dedup     " + (h.clusterId() == null ? "not run" : "cluster " + h.clusterId() + " of " + h.clusterSize()));
      for (Tracer.Duplicate d : h.duplicates()) {
        out.println("             stands for " + d.id() + " (" + d.reason() + (d.similarity() == null ? "" : ", similarity " + d.similarity()) + ") "
            + (d.url() != null ? d.url() + " " : "") + d.uri() + " @ offset " + d.offset());
      }
    }
  }

  static ObjectNode toJson(Tracer.Hit h) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", h.id());
    o.put("score", h.score());
    o.put("url", h.url());
    o.putObject("source").put("uri", h.uri()).put("offset", h.offset());
    o.put("license", h.license());
    o.putObject("dedup").put("cluster_id", h.clusterId()).put("cluster_size", h.clusterSize());
    ArrayNode dups = o.putArray("duplicates");
    for (Tracer.Duplicate d : h.duplicates()) {
      ObjectNode x = dups.addObject();
      x.put("id", d.id()).put("reason", d.reason()).put("similarity", d.similarity()).put("url", d.url());
      x.putObject("source").put("uri", d.uri()).put("offset", d.offset());
    }
    return o;
  }
}
