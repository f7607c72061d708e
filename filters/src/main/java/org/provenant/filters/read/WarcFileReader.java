package org.provenant.filters.read;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.ParsingException;
import org.netpreserve.jwarc.WarcConversion;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.provenant.schemas.Kind;
import org.provenant.schemas.LineageEntry;
import org.provenant.schemas.Rejection;
import org.provenant.schemas.Source;

/**
 * Reads one WARC 1.0/1.1 file (plain, gzip-per-record, or one whole-file gzip member; WET files
 * too) as a stream, one record at a time. Response, resource and conversion records become {@link
 * Candidate}s; every other record is only counted by type. A record that cannot be read becomes a
 * rejection with a reason, and a broken stream ends the file with a rejection that says where.
 *
 * <p>Offsets: for gzip-per-record files a record's offset is that of its gzip member, so {@code
 * dd skip=offset | zcat} or jwarc's {@code WarcReader.position(offset)} lands on it; for plain
 * files it is the record's byte offset; for a whole-file gzip it is the offset in the decompressed
 * stream, and the lineage says so.
 */
public final class WarcFileReader {
  /** Step name written in lineage and in rejections. */
  public static final String STEP = "read_warc@1";
  /** Default cap on one record's payload, in bytes. */
  public static final long DEFAULT_MAX_PAYLOAD_BYTES = 16L << 20;

  private final long maxPayloadBytes;

  public WarcFileReader(long maxPayloadBytes) {
    if (maxPayloadBytes <= 0) {
      throw new IllegalArgumentException("maxPayloadBytes must be positive: " + maxPayloadBytes);
    }
    this.maxPayloadBytes = maxPayloadBytes;
  }

  public WarcFileReader() {
    this(DEFAULT_MAX_PAYLOAD_BYTES);
  }

  /**
   * Reads {@code raw} (the file's bytes; the caller owns hashing and closing) and reports to {@code
   * sink}. Never throws for bad content: the returned summary's {@code error} says why reading
   * stopped early.
   */
  public ReadSummary read(String uri, InputStream raw, ReadSink sink) throws IOException {
    Map<String, Long> byType = new TreeMap<>();
    long recordsRead = 0;
    long candidates = 0;
    String error = null;
    String fileName = Digests.fileName(uri);
    GzipMemberStream members = new GzipMemberStream(raw);
    WarcReader reader = new WarcReader(members);
    List<String> warnings = new ArrayList<>();
    reader.onWarning(warnings::add);
    // a record is passed on only once the next read shows that its block ended where its
    // Content-Length said (jwarc warns about the trailer while reading the next record)
    HeldRecord held = new HeldRecord(sink);
    long base = 0; // decompressed position where the current WarcReader started
    while (true) {
      long before = base + reader.position();
      warnings.clear();
      Optional<WarcRecord> next;
      long failedAt = -1;
      String failReason = null;
      String failWhy = null;
      try {
        next = reader.next();
      } catch (IOException | RuntimeException e) {
        held.release(badTrailer(warnings));
        next = null;
        // gzip: the member being decompressed when it failed; plain: the last record that parsed
        failedAt = members.isGzip() ? members.currentMemberOffset() : before;
        failReason = e instanceof EOFException ? "truncated_record" : "malformed_record";
        failWhy = describe(e);
      }
      if (next != null) {
        held.release(badTrailer(warnings));
        if (next.isEmpty()) {
          break;
        }
        WarcRecord rec = next.get();
        recordsRead++;
        byType.merge(rec.type(), 1L, Long::sum);
        if (!(rec instanceof WarcResponse || rec instanceof WarcResource || rec instanceof WarcConversion)) {
          continue;
        }
        candidates++;
        long position = base + rec.position();
        Long memberOffset = members.memberOffsetAt(position);
        long offset = memberOffset != null ? memberOffset : position;
        String where = memberOffset != null || !members.isGzip()
            ? rec.type() + " record"
            : rec.type() + " record in a whole-file gzip: offset is in the decompressed stream";
        try {
          readCandidate(uri, (WarcTargetRecord) rec, offset, where, held);
          continue;
        } catch (EOFException e) {
          held.clear(); // the record itself is cut short: it becomes the rejection below
          candidates--;
          failedAt = offset;
          failReason = "truncated_record";
          failWhy = describe(e);
        }
      }
      // the stream is broken at failedAt: a rejection says where, then resume at the next gzip
      // member if there is one (a plain file cannot be resynchronised safely)
      candidates++;
      long resume = members.isGzip() ? members.skipToNextMember() : -1;
      String detail = failWhy + (resume >= 0
          ? "; skipped to the next gzip member at offset " + resume
          : members.isGzip()
              ? "; reading of this file stopped at offset " + failedAt
              : "; reading of this file stopped after the record at offset " + failedAt);
      sink.rejected(unreadable(uri, fileName, failedAt, failReason, detail));
      if (error == null) {
        error = failReason + ": " + detail;
      }
      if (resume < 0) {
        break;
      }
      base = members.uncompressedPosition();
      reader = new WarcReader(members);
      reader.onWarning(warnings::add);
    }
    return new ReadSummary(InputFormat.WARC, recordsRead, new TreeMap<>(byType), candidates, error);
  }

  private void readCandidate(String uri, WarcTargetRecord rec, long offset, String where, ReadSink sink)
      throws EOFException {
    // source.record_id is the header as written (<urn:uuid:...>), so it joins with other WARC tools;
    // the document id hashes the id inside the brackets, as it always has
    String written = rec.headers().first("WARC-Record-ID").orElse(null);
    String recordId = stripBrackets(written);
    String id = recordId != null ? Digests.id("warc", recordId) : Digests.id("warc", Digests.fileName(uri), Long.toString(offset));
    Source.Builder source =
        Source.builder(uri, offset)
            .recordId(written)
            .url(safeTarget(rec))
            .date(rec.headers().first("WARC-Date").orElse(null))
            .payloadDigest(rec.headers().first("WARC-Payload-Digest").orElse(null));
    LineageEntry read = new LineageEntry(STEP, LineageEntry.OK, where);
    try {
      if (rec instanceof WarcResponse) {
        // the whole HTTP message, parsed here so that the body's codings are undone strictly
        // (jwarc falls back to the raw bytes when chunked framing is wrong)
        byte[] block = readCapped(rec.body());
        HttpResponse http;
        int bodyStart = headEnd(block);
        try {
          if (bodyStart < 0) {
            throw new IOException("no blank line ends the HTTP head");
          }
          // only the head: a response without Content-Length or chunked framing (read until the
          // connection closed) is valid HTTP, and its body is the rest of the block
          http = HttpResponse.parseWithoutBody(java.nio.channels.Channels.newChannel(new java.io.ByteArrayInputStream(block, 0, bodyStart)), null);
        } catch (IOException | RuntimeException e) {
          source.contentType(rec.headers().first("Content-Type").orElse(null));
          sink.rejected(reject(id, source.build(), read, "malformed_http", "HTTP response head does not parse: " + describe(e)));
          return;
        }
        source.httpStatus(http.status()).contentType(http.headers().first("Content-Type").orElse(null));
        List<Header> headers = new ArrayList<>();
        http.headers().map().forEach((name, values) -> values.forEach(v -> headers.add(new Header(name, v))));
        byte[] raw = java.util.Arrays.copyOfRange(block, bodyStart, block.length);
        HttpBodies.DecodedBody body;
        try {
          body = HttpBodies.decode(raw, joined(http.headers().all("Transfer-Encoding")),
              joined(http.headers().all("Content-Encoding")),
              http.headers().first("Content-Length").orElse(null), maxPayloadBytes);
        } catch (HttpBodies.BadBodyException e) {
          sink.rejected(reject(id, source.build(), read, e.problem().reason(), e.getMessage()));
          return;
        }
        if (body.note() != null) {
          read = new LineageEntry(STEP, LineageEntry.OK, where + "; " + body.note());
        }
        sink.candidate(Candidate.ofBody(id, Kind.WEB, source.build(), body.bytes(), headers, read));
      } else if (rec instanceof WarcConversion) {
        source.contentType(rec.headers().first("Content-Type").orElse(null));
        byte[] body = readCapped(rec.body());
        try {
          String text = StandardCharsets.UTF_8.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
          sink.candidate(Candidate.ofText(id, Kind.WEB, source.build(), text, read));
        } catch (CharacterCodingException e) {
          sink.rejected(reject(id, source.build(), read, "decode_error", "conversion record is not valid UTF-8"));
        }
      } else {
        source.contentType(rec.headers().first("Content-Type").orElse(null));
        byte[] body = readCapped(rec.body());
        sink.candidate(Candidate.ofBody(id, Kind.WEB, source.build(), body, List.of(), read));
      }
    } catch (PayloadTooLarge e) {
      sink.rejected(reject(id, source.build(), read, "record_too_large", "payload over " + maxPayloadBytes + " bytes"));
    } catch (EOFException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      sink.rejected(reject(id, source.build(), read, "malformed_record", describe(e)));
    }
  }

  /** Several field lines of one name as one comma-separated value (RFC 9110 section 5.3), or null. */
  private static String joined(List<String> values) {
    return values.isEmpty() ? null : String.join(", ", values);
  }

  private static boolean badTrailer(List<String> warnings) {
    return warnings.stream().anyMatch(w -> w.contains("trailer"));
  }

  /** Holds the outcome of the last record until the next read has checked its trailer. */
  private static final class HeldRecord implements ReadSink {
    private final ReadSink sink;
    private Candidate candidate;
    private Rejection rejection;

    HeldRecord(ReadSink sink) {
      this.sink = sink;
    }

    @Override
    public void candidate(Candidate c) {
      candidate = c;
    }

    @Override
    public void rejected(Rejection r) {
      rejection = r;
    }

    /** Forgets the held outcome. */
    void clear() {
      candidate = null;
      rejection = null;
    }

    /** Passes the held outcome on; a candidate whose trailer was wrong becomes a rejection. */
    void release(boolean badTrailer) {
      if (candidate != null) {
        if (badTrailer) {
          sink.rejected(reject(candidate.id(), candidate.source(), candidate.lineage().get(0), "malformed_record",
              "the record's block does not end where its WARC Content-Length says (invalid record trailer)"));
        } else {
          sink.candidate(candidate);
        }
      } else if (rejection != null) {
        sink.rejected(rejection);
      }
      candidate = null;
      rejection = null;
    }
  }

  /** Index just past the blank line that ends an HTTP head (CRLF CRLF, or bare LF LF), or -1. */
  static int headEnd(byte[] b) {
    for (int i = 0; i + 1 < b.length; i++) {
      if (b[i] == '\n') {
        if (b[i + 1] == '\n') {
          return i + 2;
        }
        if (b[i + 1] == '\r' && i + 2 < b.length && b[i + 2] == '\n') {
          return i + 3;
        }
      }
    }
    return -1;
  }

  private static boolean isGzipTruncation(EOFException e) {
    return e.getMessage() != null && e.getMessage().startsWith("gzip member");
  }

  private static Rejection reject(String id, Source source, LineageEntry read, String reason, String detail) {
    return Rejection.atRead(id, Kind.WEB, source, STEP, reason, detail);
  }

  private static Rejection unreadable(String uri, String fileName, long offset, String reason, String detail) {
    return reject(Digests.id("warc", fileName, Long.toString(offset)), Source.builder(uri, offset).build(), null, reason, detail);
  }

  private byte[] readCapped(MessageBody body) throws IOException {
    InputStream in = body.stream();
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxPayloadBytes + 1));
    if (bytes.length > maxPayloadBytes) {
      throw new PayloadTooLarge();
    }
    return bytes;
  }

  private static String safeTarget(WarcTargetRecord rec) {
    try {
      return rec.target();
    } catch (RuntimeException e) {
      return rec.headers().first("WARC-Target-URI").orElse(null);
    }
  }

  static String stripBrackets(String v) {
    if (v == null) {
      return null;
    }
    String t = v.trim();
    return t.startsWith("<") && t.endsWith(">") ? t.substring(1, t.length() - 1) : t;
  }

  private static String describe(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int excerpt = m.indexOf(": ...");
    if (excerpt > 0) {
      m = m.substring(0, excerpt); // jwarc appends a byte dump of the bad input
    }
    m = m.replaceAll("[\\p{Cntrl}&&[^\n]]", "?");
    if (m.length() > 300) {
      m = m.substring(0, 300) + "...";
    }
    return m.replace('\n', ' ');
  }

  private static final class PayloadTooLarge extends IOException {
    PayloadTooLarge() {
      super("payload too large");
    }
  }
}
