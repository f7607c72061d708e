package org.provenant.filters.read;

import static java.util.Objects.requireNonNull;

import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.brotli.dec.BrotliInputStream;

/**
 * Turns a captured HTTP body into the representation the server meant (RFC 9112 section 6, RFC
 * 9110 section 8.4): the transfer codings are undone ({@code chunked} framing with its chunk
 * extensions and trailer section, and any coding applied before it), then every content coding in
 * the reverse order of application ({@code Content-Encoding: gzip, br} is brotli-decoded first,
 * then gunzipped): gzip, x-gzip, deflate (zlib-wrapped or raw), br, zstd and identity.
 *
 * <p>A body that does not follow its codings fails with a {@link BadBodyException} whose {@link
 * Problem} is the rejection reason and whose message names the coding and says where, rather than
 * being passed on with its framing or compressed bytes inside the text. Every decoded size is
 * capped, so a small compressed body cannot expand without bound.
 *
 * <p>Crawlers often store a body already decoded and leave the header that described the
 * transmission (as warcio and jwarc readers expect): a body under {@code Transfer-Encoding:
 * chunked} whose first line is not a chunk-size line and whose end is not a last chunk is read as
 * is, and so is a body under a
 * content coding whose decoding fails at once while its bytes look like text (no control bytes
 * other than whitespace and escape in its first 1024). Each such case is described in {@link
 * DecodedBody#note()}. A body whose chunked framing starts well and breaks later, or whose
 * compressed stream starts and is then damaged, is rejected.
 */
public final class HttpBodies {
  /** How many leading bytes are examined to tell stored-decoded text from compressed bytes. */
  public static final int TEXT_SNIFF_BYTES = 1024;

  private HttpBodies() {}

  /** Why a body could not be decoded; {@link #reason()} is the stable rejection code. */
  public enum Problem {
    /** The body claims a coding or framing it does not follow. */
    MALFORMED_BODY("malformed_http_body"),
    /** A coding that Provenant does not decode, such as {@code compress}. */
    UNSUPPORTED_ENCODING("unsupported_encoding"),
    /** The decoded body is over the payload cap. */
    TOO_LARGE("record_too_large");

    private final String reason;

    Problem(String reason) {
      this.reason = reason;
    }

    /** The rejection reason code, e.g. {@code malformed_http_body}. */
    public String reason() {
      return reason;
    }
  }

  /** Why a body could not be decoded: a {@link Problem} and a detail naming the coding. */
  public static final class BadBodyException extends IOException {
    private static final long serialVersionUID = 1L;
    private final Problem problem;

    public BadBodyException(Problem problem, String message) {
      super(message);
      this.problem = requireNonNull(problem, "problem");
    }

    public Problem problem() {
      return problem;
    }
  }

  /**
   * A decoded body.
   *
   * @param bytes the representation's bytes
   * @param note how a header that did not match the stored body was handled, or null when every
   *     declared coding was undone as declared
   */
  public record DecodedBody(byte[] bytes, String note) {
    public DecodedBody {
      requireNonNull(bytes, "bytes");
    }
  }

  /**
   * Decodes a body as its headers describe it.
   *
   * @param raw the bytes after the HTTP head, as stored in the WARC block
   * @param transferEncoding the Transfer-Encoding field value (several field lines joined with
   *     commas), or null
   * @param contentEncoding the Content-Encoding field value, likewise, or null
   * @param contentLength the Content-Length field value, or null; used only without
   *     Transfer-Encoding, and only to shorten a body with trailing bytes
   * @param maxBytes the cap on the body after each decoding step
   */
  public static DecodedBody decode(
      byte[] raw, String transferEncoding, String contentEncoding, String contentLength, long maxBytes)
      throws BadBodyException {
    List<String> notes = new ArrayList<>();
    byte[] body = raw;
    List<String> transfer = tokens(transferEncoding);
    transfer.removeIf(t -> t.equals("identity"));
    if (!transfer.isEmpty()) {
      int chunked = transfer.indexOf("chunked");
      if (chunked >= 0 && chunked != transfer.size() - 1) {
        throw new BadBodyException(Problem.MALFORMED_BODY,
            "Transfer-Encoding " + String.join(", ", transfer) + ": chunked is not the final transfer coding");
      }
      if (chunked >= 0) {
        transfer.remove(chunked);
        try {
          body = dechunk(body, maxBytes);
        } catch (BadBodyException e) {
          if (e.problem() != Problem.MALFORMED_BODY || startsWithChunkSizeLine(body) || endsWithLastChunk(body)) {
            throw e;
          }
          notes.add("Transfer-Encoding: chunked but the body is not chunked (stored de-chunked): read as is");
        }
      }
      body = undoCodings(body, transfer, "Transfer-Encoding", maxBytes, notes);
    } else if (contentLength != null) {
      try {
        long n = Long.parseLong(contentLength.trim());
        if (n >= 0 && n < body.length) {
          body = java.util.Arrays.copyOf(body, (int) n);
        }
      } catch (NumberFormatException ignored) {
        // a bad Content-Length is ignored: the WARC block bounds the body
      }
    }
    body = undoCodings(body, tokens(contentEncoding), "Content-Encoding", maxBytes, notes);
    return new DecodedBody(body, notes.isEmpty() ? null : String.join("; ", notes));
  }

  /**
   * Removes chunked framing (RFC 9112 section 7.1): chunk sizes in hex with optional chunk
   * extensions, each chunk followed by CRLF, a last chunk of size 0, then an optional trailer
   * section (its fields are not merged into the head). A bare LF is accepted as a line end, as
   * RFC 9112 section 2.2 allows. Fails on a size line that is not hex, a short chunk or a missing
   * line end after chunk data.
   */
  public static byte[] dechunk(byte[] raw, long maxBytes) throws BadBodyException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
    int p = 0;
    while (true) {
      int lineEnd = indexOfLf(raw, p);
      if (lineEnd < 0) {
        throw malformed("bad chunked encoding: no chunk-size line at body byte " + p);
      }
      int contentEnd = lineEnd > p && raw[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
      String line = new String(raw, p, contentEnd - p, StandardCharsets.ISO_8859_1);
      int semi = line.indexOf(';');
      String hex = (semi < 0 ? line : line.substring(0, semi)).strip();
      long size;
      if (hex.isEmpty() || hex.length() > 15 || !isHex(hex)) {
        throw malformed("bad chunked encoding: chunk size \"" + abbreviate(line) + "\" at body byte " + p + " is not hex");
      }
      size = Long.parseLong(hex, 16);
      p = lineEnd + 1;
      if (size == 0) {
        return out.toByteArray(); // the trailer section, if any, is not part of the content
      }
      if (size > raw.length - p) {
        throw malformed("bad chunked encoding: chunk of " + size + " bytes at body byte " + p + " runs past the end of the body (" + (raw.length - p) + " left)");
      }
      out.write(raw, p, (int) size);
      if (out.size() > maxBytes) {
        throw new BadBodyException(Problem.TOO_LARGE, "chunked body decodes to more than " + maxBytes + " bytes");
      }
      p += (int) size;
      if (p + 1 < raw.length && raw[p] == '\r' && raw[p + 1] == '\n') {
        p += 2;
      } else if (p < raw.length && raw[p] == '\n') {
        p += 1;
      } else {
        throw malformed("bad chunked encoding: chunk data at body byte " + p + " is not followed by CRLF");
      }
    }
  }

  /**
   * Undoes one content coding, reading at most {@code maxBytes} of its output.
   *
   * @throws BadBodyException {@link Problem#MALFORMED_BODY} naming the coding when the bytes are
   *     not in it, {@link Problem#TOO_LARGE} over the cap
   */
  public static byte[] undo(ContentCoding coding, byte[] body, long maxBytes) throws BadBodyException {
    if (coding == ContentCoding.IDENTITY) {
      return body;
    }
    byte[] out;
    try (InputStream in = decoder(coding, body)) {
      out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    } catch (IOException | RuntimeException e) {
      throw malformed(coding.token() + " does not decode: " + describe(e));
    }
    if (out.length > maxBytes) {
      throw new BadBodyException(Problem.TOO_LARGE, coding.token() + " decodes to more than " + maxBytes + " bytes");
    }
    return out;
  }

  private static InputStream decoder(ContentCoding coding, byte[] body) throws IOException {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    switch (coding) {
      case GZIP:
        return new GZIPInputStream(in);
      case DEFLATE:
        return new InflaterInputStream(in, new Inflater(!isZlibHeader(body)));
      case BROTLI:
        return new BrotliInputStream(in);
      case ZSTD:
        return new ZstdInputStream(in);
      default:
        throw new IllegalArgumentException("no decoder for " + coding);
    }
  }

  /** Undoes {@code codings} (in order of application) last first. */
  private static byte[] undoCodings(byte[] body, List<String> codings, String field, long maxBytes, List<String> notes)
      throws BadBodyException {
    List<ContentCoding> parsed = new ArrayList<>();
    for (String token : codings) {
      parsed.add(ContentCoding.forToken(token).orElseThrow(() ->
          new BadBodyException(Problem.UNSUPPORTED_ENCODING, field + " " + token + " is not supported"
              + (codings.size() > 1 ? " (in " + String.join(", ", codings) + ")" : ""))));
    }
    byte[] b = body;
    for (int i = parsed.size() - 1; i >= 0; i--) {
      ContentCoding coding = parsed.get(i);
      try {
        b = undo(coding, b, maxBytes);
      } catch (BadBodyException e) {
        if (e.problem() == Problem.MALFORMED_BODY && i == parsed.size() - 1 && looksLikeText(b)) {
          notes.add(field + ": " + String.join(", ", codings) + " but the body is text (stored decoded): read as is");
          return b;
        }
        throw new BadBodyException(e.problem(), field + " " + e.getMessage());
      }
    }
    return b;
  }

  /** Lower-cased codings of a comma-separated field value, without parameters or empty items. */
  static List<String> tokens(String fieldValue) {
    List<String> out = new ArrayList<>();
    if (fieldValue == null) {
      return out;
    }
    for (String item : fieldValue.split(",")) {
      int semi = item.indexOf(';');
      String t = (semi < 0 ? item : item.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  /** Whether the body opens with {@code 1*HEXDIG [ext] (CRLF | LF)}, as chunked framing does. */
  static boolean startsWithChunkSizeLine(byte[] b) {
    int i = 0;
    while (i < b.length && i < 16 && isHexDigit(b[i])) {
      i++;
    }
    if (i == 0) {
      return false;
    }
    while (i < b.length && (b[i] == ' ' || b[i] == '\t')) {
      i++;
    }
    if (i < b.length && b[i] == ';') {
      int lf = indexOfLf(b, i);
      return lf >= 0 && lf - i < TEXT_SNIFF_BYTES;
    }
    return (i < b.length && b[i] == '\n') || (i + 1 < b.length && b[i] == '\r' && b[i + 1] == '\n');
  }

  private static final java.util.regex.Pattern LAST_CHUNK = java.util.regex.Pattern.compile(
      "(?:^|\n)0+[ \t]*(?:;[^\r\n]*)?\r?\n(?:[!#$%&'*+.^_`|~0-9A-Za-z-]+:[^\r\n]*\r?\n)*\r?\n$");

  /**
   * Whether the body ends with a last chunk ({@code 0}, optional extensions, trailer fields, a
   * blank line): framing whose start is damaged, not a body stored de-chunked.
   */
  static boolean endsWithLastChunk(byte[] b) {
    int from = Math.max(0, b.length - TEXT_SNIFF_BYTES);
    String tail = new String(b, from, b.length - from, StandardCharsets.ISO_8859_1);
    return LAST_CHUNK.matcher(tail).find();
  }

  /**
   * Whether the first {@link #TEXT_SNIFF_BYTES} bytes hold no control byte other than tab, LF,
   * FF, CR and ESC (ISO-2022-JP uses ESC), and no DEL: compressed streams hold such bytes within
   * a few dozen bytes, markup in any ASCII-compatible charset does not.
   */
  static boolean looksLikeText(byte[] b) {
    if (b.length == 0) {
      return false;
    }
    int n = Math.min(b.length, TEXT_SNIFF_BYTES);
    for (int i = 0; i < n; i++) {
      int c = b[i] & 0xff;
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r' && c != 0x1b) || c == 0x7f) {
        return false;
      }
    }
    return true;
  }

  /** An RFC 1950 header: method 8, window at most 32 KiB, check bits valid. */
  private static boolean isZlibHeader(byte[] b) {
    return b.length >= 2
        && (b[0] & 0x0f) == 8
        && ((b[0] & 0xff) >> 4) <= 7
        && (((b[0] & 0xff) << 8) | (b[1] & 0xff)) % 31 == 0;
  }

  private static BadBodyException malformed(String message) {
    return new BadBodyException(Problem.MALFORMED_BODY, message);
  }

  private static String describe(Throwable e) {
    if (e instanceof EOFException) {
      return "the stream ends early";
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  private static boolean isHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isHexDigit((byte) s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHexDigit(byte c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static int indexOfLf(byte[] b, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static String abbreviate(String s) {
    String t = s.replaceAll("[^\\x20-\\x7e]", "?");
    return t.length() > 20 ? t.substring(0, 20) + "..." : t;
  }
}
