package org.provenant.schemas;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Converts the typed values to and from Avro {@link GenericRecord}s of {@link ProvenantSchemas},
 * the rows that Parquet shards hold. Field names come from the schema files; a field the schema
 * has and this class does not fill fails the round-trip test.
 */
public final class AvroRows {
  private static final Schema SOURCE = ProvenantSchemas.DOCUMENT.getField("source").schema();
  private static final Schema LICENSE = ProvenantSchemas.DOCUMENT.getField("license").schema();
  private static final Schema EVIDENCE = LICENSE.getField("evidence").schema().getElementType();
  private static final Schema DEDUP = ProvenantSchemas.DOCUMENT.getField("dedup").schema();
  private static final Schema SIGNALS = ProvenantSchemas.DOCUMENT.getField("signals").schema();
  private static final Schema STATISTIC = SIGNALS.getField("statistics").schema().getElementType();
  private static final Schema OPTOUT = SIGNALS.getField("optout").schema().getElementType();
  private static final Schema PII = SIGNALS.getField("pii").schema().getTypes().get(1);
  private static final Schema LINEAGE = ProvenantSchemas.DOCUMENT.getField("lineage").schema();
  private static final Schema LINEAGE_ENTRY = LINEAGE.getElementType();
  private static final Schema REJECTED_LINEAGE = ProvenantSchemas.REJECTED.getField("lineage").schema();

  private AvroRows() {}

  public static GenericRecord toRecord(Document d) {
    GenericRecord r = new GenericData.Record(ProvenantSchemas.DOCUMENT);
    r.put("id", d.id());
    r.put("text", d.text());
    r.put("kind", d.kind().code());
    r.put("source", source(d.source()));
    r.put("license", license(d.license()));
    GenericRecord dedup = new GenericData.Record(DEDUP);
    dedup.put("cluster_id", d.dedup().clusterId());
    dedup.put("cluster_size", d.dedup().clusterSize());
    r.put("dedup", dedup);
    r.put("signals", signals(d.signals()));
    r.put("lineage", lineage(d.lineage(), LINEAGE));
    return r;
  }

  public static GenericRecord toRecord(Rejection x) {
    GenericRecord r = new GenericData.Record(ProvenantSchemas.REJECTED);
    r.put("id", x.id());
    r.put("kind", x.kind().code());
    r.put("source", source(x.source()));
    r.put("license", x.license() == null ? null : license(x.license()));
    r.put("step", x.step());
    r.put("reason", x.reason());
    r.put("detail", x.detail());
    r.put("duplicate_of", x.duplicateOf());
    r.put("similarity", x.similarity());
    r.put("signals", x.signals() == null ? null : signals(x.signals()));
    r.put("lineage", lineage(x.lineage(), REJECTED_LINEAGE));
    return r;
  }

  public static Document documentFrom(GenericRecord r) {
    GenericRecord dedup = (GenericRecord) r.get("dedup");
    return new Document(
        str(r.get("id")),
        str(r.get("text")),
        Kind.fromCode(str(r.get("kind"))),
        sourceFrom((GenericRecord) r.get("source")),
        licenseFrom((GenericRecord) r.get("license")),
        dedup == null
            ? DedupInfo.NONE
            : new DedupInfo(str(dedup.get("cluster_id")), (Integer) dedup.get("cluster_size")),
        r.get("signals") == null ? Signals.EMPTY : signalsFrom((GenericRecord) r.get("signals")),
        lineageFrom(r.get("lineage")));
  }

  public static Rejection rejectionFrom(GenericRecord r) {
    GenericRecord lic = (GenericRecord) r.get("license");
    return new Rejection(
        str(r.get("id")),
        Kind.fromCode(str(r.get("kind"))),
        sourceFrom((GenericRecord) r.get("source")),
        lic == null ? null : licenseFrom(lic),
        str(r.get("step")),
        str(r.get("reason")),
        str(r.get("detail")),
        str(r.get("duplicate_of")),
        (Double) r.get("similarity"),
        r.get("signals") == null ? null : signalsFrom((GenericRecord) r.get("signals")),
        lineageFrom(r.get("lineage")));
  }

  private static GenericRecord source(Source s) {
    GenericRecord r = new GenericData.Record(SOURCE);
    r.put("uri", s.uri());
    r.put("offset", s.offset());
    r.put("record_id", s.recordId());
    r.put("url", s.url());
    r.put("date", s.date());
    r.put("path", s.path());
    r.put("package", s.packageName());
    r.put("version", s.version());
    r.put("content_type", s.contentType());
    r.put("http_status", s.httpStatus());
    r.put("payload_digest", s.payloadDigest());
    r.put("sha256", s.sha256());
    r.put("archive_sha256", s.archiveSha256());
    return r;
  }

  private static Source sourceFrom(GenericRecord r) {
    return Source.builder(str(r.get("uri")), (Long) r.get("offset"))
        .recordId(str(r.get("record_id")))
        .url(str(r.get("url")))
        .date(str(r.get("date")))
        .path(str(r.get("path")))
        .packageName(str(r.get("package")))
        .version(str(r.get("version")))
        .contentType(str(r.get("content_type")))
        .httpStatus((Integer) r.get("http_status"))
        .payloadDigest(str(r.get("payload_digest")))
        .sha256(str(r.get("sha256")))
        .archiveSha256(str(r.get("archive_sha256")))
        .build();
  }

  private static GenericRecord license(License l) {
    GenericRecord r = new GenericData.Record(LICENSE);
    r.put("spdx", l.spdx());
    List<GenericRecord> ev = new ArrayList<>(l.evidence().size());
    for (Evidence e : l.evidence()) {
      GenericRecord er = new GenericData.Record(EVIDENCE);
      er.put("kind", e.kind());
      er.put("location", e.location());
      er.put("value", e.value());
      er.put("spdx", e.spdx());
      er.put("confidence", e.confidence());
      ev.add(er);
    }
    r.put("evidence", new GenericData.Array<>(LICENSE.getField("evidence").schema(), ev));
    r.put("conflict", l.conflict());
    r.put("package_spdx", l.packageSpdx());
    return r;
  }

  private static License licenseFrom(GenericRecord r) {
    List<Evidence> ev = new ArrayList<>();
    Object list = r.get("evidence");
    if (list != null) {
      for (Object o : (List<?>) list) {
        GenericRecord e = (GenericRecord) o;
        ev.add(new Evidence(str(e.get("kind")), str(e.get("location")), str(e.get("value")),
            str(e.get("spdx")), (Double) e.get("confidence")));
      }
    }
    // outputs written before package_spdx existed have no such field
    Object packageSpdx = r.getSchema().getField("package_spdx") == null ? null : r.get("package_spdx");
    return new License(str(r.get("spdx")), ev, Boolean.TRUE.equals(r.get("conflict")), str(packageSpdx));
  }

  private static GenericRecord signals(Signals s) {
    GenericRecord r = new GenericData.Record(SIGNALS);
    r.put("language", s.language());
    r.put("language_score", s.languageScore());
    r.put("code_language", s.codeLanguage());
    List<GenericRecord> stats = new ArrayList<>(s.statistics().size());
    for (Signals.Statistic st : s.statistics()) {
      GenericRecord x = new GenericData.Record(STATISTIC);
      x.put("step", st.step());
      x.put("name", st.name());
      x.put("value", st.value());
      stats.add(x);
    }
    r.put("statistics", new GenericData.Array<>(SIGNALS.getField("statistics").schema(), stats));
    List<GenericRecord> opt = new ArrayList<>(s.optOut().size());
    for (Signals.OptOutSignal o : s.optOut()) {
      GenericRecord x = new GenericData.Record(OPTOUT);
      x.put("signal", o.signal());
      x.put("location", o.location());
      x.put("value", o.value());
      x.put("reserved", o.reserved());
      opt.add(x);
    }
    r.put("optout", new GenericData.Array<>(SIGNALS.getField("optout").schema(), opt));
    if (s.pii() != null) {
      GenericRecord p = new GenericData.Record(PII);
      p.put("emails", s.pii().emails());
      p.put("ip_addresses", s.pii().ipAddresses());
      r.put("pii", p);
    } else {
      r.put("pii", null);
    }
    return r;
  }

  private static Signals signalsFrom(GenericRecord r) {
    List<Signals.Statistic> stats = new ArrayList<>();
    Object sl = r.get("statistics");
    if (sl != null) {
      for (Object o : (List<?>) sl) {
        GenericRecord x = (GenericRecord) o;
        stats.add(new Signals.Statistic(str(x.get("step")), str(x.get("name")), (Double) x.get("value")));
      }
    }
    List<Signals.OptOutSignal> opt = new ArrayList<>();
    Object ol = r.get("optout");
    if (ol != null) {
      for (Object o : (List<?>) ol) {
        GenericRecord x = (GenericRecord) o;
        opt.add(new Signals.OptOutSignal(str(x.get("signal")), str(x.get("location")),
            str(x.get("value")), Boolean.TRUE.equals(x.get("reserved"))));
      }
    }
    GenericRecord p = (GenericRecord) r.get("pii");
    return new Signals(
        str(r.get("language")),
        (Double) r.get("language_score"),
        str(r.get("code_language")),
        stats,
        opt,
        p == null ? null : new Signals.PiiCounts((Integer) p.get("emails"), (Integer) p.get("ip_addresses")));
  }

  private static GenericData.Array<GenericRecord> lineage(List<LineageEntry> entries, Schema arraySchema) {
    List<GenericRecord> out = new ArrayList<>(entries.size());
    for (LineageEntry e : entries) {
      GenericRecord r = new GenericData.Record(LINEAGE_ENTRY);
      r.put("step", e.step());
      r.put("outcome", e.outcome());
      r.put("detail", e.detail());
      out.add(r);
    }
    return new GenericData.Array<>(arraySchema, out);
  }

  private static List<LineageEntry> lineageFrom(Object list) {
    List<LineageEntry> out = new ArrayList<>();
    if (list != null) {
      for (Object o : (List<?>) list) {
        GenericRecord e = (GenericRecord) o;
        out.add(new LineageEntry(str(e.get("step")), str(e.get("outcome")), str(e.get("detail"))));
      }
    }
    return out;
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }
}
