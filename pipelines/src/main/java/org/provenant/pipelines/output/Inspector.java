package org.provenant.pipelines.output;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.provenant.pipelines.release.Projection;
import org.provenant.schemas.AvroRows;
import org.provenant.schemas.Document;
import org.provenant.schemas.Evidence;
import org.provenant.schemas.License;
import org.provenant.schemas.LineageEntry;
import org.provenant.schemas.Rejection;
import org.provenant.schemas.Signals;
import org.provenant.schemas.Source;

/**
 * Finds documents and rejected records in an output directory and prints their provenance as a
 * readable tree (source, licence and its evidence, duplicates, signals, lineage), or as one JSON
 * object per line with the column names of the Parquet rows. Lookups by id, URL and duplicate_of
 * are Parquet filters, so only matching rows are decoded into records.
 */
public final class Inspector {
  private final OutputDir dir;
  private final PrintStream out;
  private final boolean json;

  public Inspector(OutputDir dir, PrintStream out, boolean json) {
    this.dir = dir;
    this.out = out;
    this.json = json;
  }

  /** Prints the document or rejected record with this id; false if there is none. */
  public boolean byId(String id) throws IOException {
    return byColumn("id", id);
  }

  /** Prints every document and rejected record captured from this URL; false if there is none. */
  public boolean byUrl(String url) throws IOException {
    return byColumn("url", url);
  }

  private boolean byColumn(String column, String value) throws IOException {
    boolean found = false;
    for (String sub : List.of("data", "rejected")) {
      for (MatchResult.Metadata f : dir.list(sub + "/*.parquet")) {
        List<GenericRecord> hits = new ArrayList<>();
        // a Parquet filter: only matching rows are assembled, row groups that cannot match are skipped
        Projection.forEachRowWhere(f, column.equals("id") ? "id" : "source." + column, value, hits::add);
        for (GenericRecord r : hits) {
          print(sub, r);
          found = true;
        }
      }
    }
    return found;
  }

  /** Prints the first {@code n} kept documents and the first {@code n} rejected records. */
  public void sample(int n) throws IOException {
    for (String sub : List.of("data", "rejected")) {
      List<GenericRecord> rows = new ArrayList<>();
      for (MatchResult.Metadata f : dir.list(sub + "/*.parquet")) {
        if (rows.size() >= n) {
          break;
        }
        OutputDir.forEachRow(f, r -> {
          if (rows.size() < n) {
            rows.add(r);
          }
        });
      }
      if (!json) {
        out.println(sub.equals("data") ? "== kept documents (" + rows.size() + " shown)" : "== rejected records (" + rows.size() + " shown)");
      }
      for (GenericRecord r : rows) {
        print(sub, r);
      }
    }
  }

  private void print(String sub, GenericRecord r) {
    if (json) {
      out.println("{\"table\":\"" + sub + "\",\"row\":" + r.toString() + "}");
      return;
    }
    if (sub.equals("data")) {
      Document d = AvroRows.documentFrom(r);
      out.println("document " + d.id() + "  (" + d.kind().code() + ", " + d.text().length() + " chars)");
      printSource(d.source());
      printLicense(d.license());
      out.println("  dedup     " + (d.dedup().clusterId() == null ? "not run" : "cluster " + d.dedup().clusterId() + " of " + d.dedup().clusterSize()));
      if (d.dedup().clusterSize() != null && d.dedup().clusterSize() > 1) {
        for (Rejection dup : duplicatesOf(d.id())) {
          out.println("            stands for " + dup.id() + " (" + dup.reason() + ", similarity " + dup.similarity() + ") "
              + (dup.source().url() != null ? dup.source().url() : dup.source().uri() + " @ " + dup.source().offset()));
        }
      }
      printSignals(d.signals());
      printLineage(d.lineage());
      out.println("  text      " + preview(d.text()));
    } else {
      Rejection x = AvroRows.rejectionFrom(r);
      out.println("rejected " + x.id() + "  (" + x.kind().code() + ")");
      out.println("  reason    " + x.reason() + " at " + x.step());
      if (x.detail() != null) {
        out.println("  detail    " + x.detail());
      }
      if (x.duplicateOf() != null) {
        out.println("  duplicate of " + x.duplicateOf() + (x.similarity() == null ? "" : " (similarity " + x.similarity() + ")"));
      }
      printSource(x.source());
      if (x.license() != null) {
        printLicense(x.license());
      }
      printSignals(x.signals());
      printLineage(x.lineage());
    }
    out.println();
  }

  private void printLicense(License l) {
    out.println("  licence   " + (l.spdx() == null ? "unknown" : l.spdx()) + (l.conflict() ? "  (CONFLICT: the statements disagree)" : ""));
    if (l.packageSpdx() != null) {
      out.println("            package declares " + l.packageSpdx());
    }
    for (Evidence e : l.evidence()) {
      out.println("            evidence " + e.kind() + " in " + e.location() + ": " + e.value()
          + (e.spdx() == null ? "" : " -> " + e.spdx()) + (e.confidence() == null ? "" : String.format(Locale.ROOT, " (confidence %.2f)", e.confidence())));
    }
  }

  private void printSignals(Signals s) {
    if (s == null || s.equals(Signals.EMPTY)) {
      return;
    }
    out.println("  signals");
    if (s.language() != null) {
      line("language", s.language() + (s.languageScore() == null ? "" : String.format(Locale.ROOT, " (score %.3f)", s.languageScore())));
    }
    line("code", s.codeLanguage());
    for (Signals.Statistic st : s.statistics()) {
      line("statistic", String.format(Locale.ROOT, "%s %s = %s", st.step(), st.name(), st.value()));
    }
    for (Signals.OptOutSignal o : s.optOut()) {
      line("opt-out", o.signal() + " in " + o.location() + ": " + o.value() + (o.reserved() ? " (RESERVED against AI training / mining)" : " (not a reservation)"));
    }
    if (s.pii() != null) {
      line("pii", s.pii().emails() + " e-mail address(es), " + s.pii().ipAddresses() + " IP address(es) replaced");
    }
  }

  /** The rejected records whose duplicate_of is {@code id}, sorted by id. */
  public List<Rejection> duplicatesOf(String id) {
    List<Rejection> dups = new ArrayList<>();
    try {
      for (MatchResult.Metadata f : dir.list("rejected/*.parquet")) {
        Projection.forEachRowWhere(f, "duplicate_of", id, r -> dups.add(AvroRows.rejectionFrom(r)));
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    dups.sort(java.util.Comparator.comparing(Rejection::id));
    return dups;
  }

  private void printSource(Source s) {
    out.println("  source    " + s.uri() + " @ offset " + s.offset());
    line("record_id", s.recordId());
    line("url", s.url());
    line("date", s.date());
    line("path", s.path());
    line("package", s.packageName() == null ? null : s.packageName() + (s.version() == null ? "" : " " + s.version()));
    line("type", s.contentType());
    line("http", s.httpStatus() == null ? null : s.httpStatus().toString());
    line("digest", s.payloadDigest());
  }

  private void line(String label, String value) {
    if (value != null) {
      out.println(String.format("            %-9s %s", label, value));
    }
  }

  private void printLineage(List<LineageEntry> lineage) {
    int i = 1;
    for (LineageEntry e : lineage) {
      out.println(String.format("  %s %d. %-16s %-8s %s", i == 1 ? "lineage" : "       ", i, e.step(), e.outcome(), e.detail() == null ? "" : e.detail()));
      i++;
    }
  }

  private static String preview(String text) {
    String t = text.replaceAll("\\s+", " ").strip();
    return t.length() <= 240 ? t : t.substring(0, 240) + " ...";
  }
}
