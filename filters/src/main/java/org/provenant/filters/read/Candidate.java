package org.provenant.filters.read;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.provenant.schemas.Kind;
import org.provenant.schemas.License;
import org.provenant.schemas.LineageEntry;
import org.provenant.schemas.Signals;
import org.provenant.schemas.Source;

/**
 * A record read from an input that may become a document: its id and provenance, and either the
 * raw payload bytes still to be decoded and extracted (web captures) or text that is ready (WET,
 * JSONL, Parquet, code files). Exactly one of {@code body} and {@code text} is set. Code files also
 * carry the licence and signals found while reading their package.
 */
public record Candidate(
    String id,
    Kind kind,
    Source source,
    byte[] body,
    String text,
    List<Header> httpHeaders,
    License license,
    Signals signals,
    List<LineageEntry> lineage)
    implements Serializable {

  public Candidate {
    requireNonNull(id, "id");
    requireNonNull(kind, "kind");
    requireNonNull(source, "source");
    if ((body == null) == (text == null)) {
      throw new IllegalArgumentException("exactly one of body and text must be set for " + id);
    }
    httpHeaders = ImmutableList.copyOf(httpHeaders);
    license = license == null ? License.UNKNOWN : license;
    signals = signals == null ? Signals.EMPTY : signals;
    lineage = ImmutableList.copyOf(lineage);
  }

  /** A candidate whose payload bytes still need decoding and extraction. */
  public static Candidate ofBody(String id, Kind kind, Source source, byte[] body, List<Header> headers, LineageEntry read) {
    return new Candidate(id, kind, source, body, null, headers, License.UNKNOWN, Signals.EMPTY, List.of(read));
  }

  /** A candidate whose text is ready. */
  public static Candidate ofText(String id, Kind kind, Source source, String text, LineageEntry read) {
    return new Candidate(id, kind, source, null, text, List.of(), License.UNKNOWN, Signals.EMPTY, List.of(read));
  }

  /**
   * A candidate whose text is ready and whose licence and signals were found while reading (code
   * files: the licence from headers, sidecars and package files; the programming language).
   */
  public static Candidate ofText(String id, Kind kind, Source source, String text, License license, Signals signals, LineageEntry read) {
    return new Candidate(id, kind, source, null, text, List.of(), license, signals, List.of(read));
  }

  /** Equality by content, so that a decoded copy equals its original (Beam checks this). */
  @Override
  public boolean equals(Object o) {
    return o instanceof Candidate c
        && id.equals(c.id)
        && kind == c.kind
        && source.equals(c.source)
        && java.util.Arrays.equals(body, c.body)
        && java.util.Objects.equals(text, c.text)
        && httpHeaders.equals(c.httpHeaders)
        && license.equals(c.license)
        && signals.equals(c.signals)
        && lineage.equals(c.lineage);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(id, kind, source, java.util.Arrays.hashCode(body), text, httpHeaders, license, signals, lineage);
  }

  @Override
  public String toString() {
    return "Candidate[" + id + " " + source.uri() + "@" + source.offset() + (body != null ? ", " + body.length + " payload bytes" : ", text") + "]";
  }

  /** The first value of an HTTP header, by case-insensitive name. */
  public Optional<String> header(String name) {
    for (Header h : httpHeaders) {
      if (h.name().equalsIgnoreCase(name)) {
        return Optional.of(h.value());
      }
    }
    return Optional.empty();
  }
}
