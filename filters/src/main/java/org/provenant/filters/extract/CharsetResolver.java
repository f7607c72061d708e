package org.provenant.filters.extract;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.mozilla.universalchardet.UniversalDetector;
import org.provenant.filters.extract.DecodeException.Reason;
import org.provenant.filters.extract.DecodedText.IgnoredLabel;
import org.provenant.filters.extract.DecodedText.Origin;

/**
 * Decodes an HTML response body to text, choosing the encoding as the HTML Standard's encoding
 * sniffing algorithm does: a byte order mark, then the {@code charset} parameter of the HTTP
 * {@code Content-Type} header, then the {@code <meta>} prescan of the first 1024 bytes ({@link
 * MetaPrescan}), then detection (strict UTF-8 if the bytes are valid UTF-8, otherwise
 * juniversalchardet's guess). Labels are read with the WHATWG Encoding Standard's table ({@link
 * WebEncoding}): {@code iso-8859-1}, {@code latin1} and {@code us-ascii} mean windows-1252, whose
 * five unassigned bytes decode to the C1 controls of the same value; {@code utf-16} means
 * UTF-16LE; a {@code <meta>} claiming UTF-16 means UTF-8; a label the table does not have is
 * skipped (and listed in {@link DecodedText#ignoredLabels()}) and the next source is tried; a
 * label of the replacement encoding ({@code iso-2022-kr}, ...) fails with {@link
 * DecodeException.Reason#REPLACEMENT_ENCODING}.
 *
 * <p>Decoding is strict: bytes that do not decode in the chosen encoding fail with a {@link
 * DecodeException} naming the byte offset, rather than being replaced silently.
 *
 * <p>Stateless and thread-safe.
 */
public final class CharsetResolver {

  /** How many leading bytes are scanned for a {@code <meta>} charset declaration. */
  public static final int META_SCAN_BYTES = MetaPrescan.BYTES;

  private static final char REPLACEMENT_CHARACTER = '\uFFFD';

  /** Decodes {@code body}; {@code httpContentType} is the raw header value and may be null. */
  public DecodedText decode(byte[] body, String httpContentType) throws DecodeException {
    requireNonNull(body, "body");
    List<IgnoredLabel> ignored = new ArrayList<>();

    Optional<Bom> bom = Bom.of(body);
    if (bom.isPresent()) {
      return decodeOrThrow(body, bom.get().length, bom.get().encoding, Origin.BOM, ignored);
    }

    String headerLabel = contentTypeCharset(httpContentType);
    if (headerLabel != null) {
      Optional<WebEncoding> encoding = WebEncoding.forLabel(headerLabel);
      if (encoding.isPresent()) {
        return decodeDeclared(body, encoding.get(), headerLabel, Origin.HTTP_HEADER, ignored);
      }
      ignored.add(new IgnoredLabel(Origin.HTTP_HEADER, headerLabel));
    }

    MetaPrescan.Result meta = MetaPrescan.prescan(body);
    for (String label : meta.ignoredLabels()) {
      ignored.add(new IgnoredLabel(Origin.META, label));
    }
    if (meta.encoding().isPresent()) {
      return decodeDeclared(body, meta.encoding().get(), meta.label(), Origin.META, ignored);
    }

    if (body.length == 0) {
      return new DecodedText("", StandardCharsets.UTF_8.name(), Origin.DEFAULT_UTF8, ignored);
    }
    Decoded asUtf8 = strictDecode(body, 0, StandardCharsets.UTF_8);
    if (asUtf8.text != null) {
      return new DecodedText(asUtf8.text, StandardCharsets.UTF_8.name(), Origin.DETECTED, ignored);
    }
    UniversalDetector detector = new UniversalDetector();
    detector.handleData(body);
    detector.dataEnd();
    String guess = detector.getDetectedCharset();
    if (guess == null) {
      throw new DecodeException(
          Reason.UNDETECTED_CHARSET,
          "no usable charset declared, bytes are not UTF-8 (invalid at byte "
              + asUtf8.errorOffset
              + ") and detection found no charset");
    }
    Optional<WebEncoding> standard = WebEncoding.forLabel(guess).filter(e -> !e.isReplacement());
    if (standard.isPresent()) {
      return decodeOrThrow(body, 0, standard.get(), Origin.DETECTED, ignored);
    }
    Optional<Charset> detected = javaCharset(guess);
    if (detected.isEmpty()) {
      throw new DecodeException(
          Reason.UNDETECTED_CHARSET, "detected charset " + guess + " is not supported by the JVM");
    }
    Decoded decoded = strictDecode(body, 0, detected.get());
    if (decoded.text == null) {
      throw invalid(detected.get().name(), decoded.errorOffset, Origin.DETECTED);
    }
    return new DecodedText(decoded.text, detected.get().name(), Origin.DETECTED, ignored);
  }

  private static DecodedText decodeDeclared(
      byte[] body, WebEncoding encoding, String label, Origin origin, List<IgnoredLabel> ignored)
      throws DecodeException {
    if (encoding.isReplacement()) {
      throw new DecodeException(
          Reason.REPLACEMENT_ENCODING,
          "charset "
              + label.strip()
              + " (from "
              + origin.label()
              + ") is the WHATWG replacement encoding, which browsers do not decode");
    }
    return decodeOrThrow(body, 0, encoding, origin, ignored);
  }

  private static DecodedText decodeOrThrow(
      byte[] body, int start, WebEncoding encoding, Origin origin, List<IgnoredLabel> ignored)
      throws DecodeException {
    char[] table = encoding.singleByteTable();
    if (table != null) {
      char[] chars = new char[body.length - start];
      for (int i = start; i < body.length; i++) {
        chars[i - start] = table[body[i] & 0xFF];
      }
      return new DecodedText(new String(chars), encoding.charsetName(), origin, ignored);
    }
    Decoded decoded = encoding == WebEncoding.GBK || encoding == WebEncoding.GB18030
        ? gb18030(body, start)
        : strictDecode(body, start, encoding.charset().orElseThrow());
    if (decoded.text == null) {
      throw invalid(encoding.charsetName(), decoded.errorOffset, origin);
    }
    return new DecodedText(decoded.text, encoding.charsetName(), origin, ignored);
  }

  private static final Charset GB18030 = Charset.forName("GB18030");

  /**
   * The Encoding Standard's gb18030 decoder: the JVM's GB18030, except that a lone byte 0x80 (not
   * inside a two- or four-byte sequence) is U+20AC, as in code page 936, where the JVM fails.
   */
  private static Decoded gb18030(byte[] body, int start) {
    StringBuilder text = null;
    int segment = start;
    int i = start;
    while (i < body.length) {
      int b = body[i] & 0xFF;
      if (b == 0x80) {
        text = text == null ? new StringBuilder(body.length) : text;
        Decoded part = strictDecode(Arrays.copyOfRange(body, segment, i), 0, GB18030);
        if (part.text == null) {
          return new Decoded(null, segment + part.errorOffset);
        }
        text.append(part.text).append('\u20ac');
        segment = ++i;
      } else if (b >= 0x81 && b <= 0xFE) {
        boolean fourBytes = i + 1 < body.length && body[i + 1] >= 0x30 && body[i + 1] <= 0x39;
        i += fourBytes ? 4 : 2;
      } else {
        i++;
      }
    }
    if (text == null) {
      return strictDecode(body, start, GB18030);
    }
    Decoded rest = strictDecode(Arrays.copyOfRange(body, segment, body.length), 0, GB18030);
    if (rest.text == null) {
      return new Decoded(null, segment + rest.errorOffset);
    }
    return new Decoded(text.append(rest.text).toString(), -1);
  }

  private static DecodeException invalid(String charset, int offset, Origin origin) {
    return new DecodeException(
        Reason.INVALID_BYTES,
        "invalid " + charset + " at byte " + offset + " (charset from " + origin.label() + ")",
        offset);
  }

  /** Either the decoded text, or (text null) the offset of the first byte that did not decode. */
  private record Decoded(String text, int errorOffset) {}

  private static Decoded strictDecode(byte[] body, int start, Charset charset) {
    if (charset.equals(StandardCharsets.UTF_8)) {
      // The String constructor (faster than a CharsetDecoder) replaces every malformed
      // sequence with U+FFFD, so a result without one decoded strictly. Text with a U+FFFD, real
      // or a replacement, is decoded again below to tell which and find the offset.
      String text = new String(body, start, body.length - start, StandardCharsets.UTF_8);
      if (text.indexOf(REPLACEMENT_CHARACTER) < 0) {
        return new Decoded(text, -1);
      }
    }
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    // wrap(array, offset, length) keeps positions absolute, so in.position() is a body offset.
    ByteBuffer in = ByteBuffer.wrap(body, start, body.length - start);
    long estimate = (long) Math.ceil(in.remaining() * (double) decoder.maxCharsPerByte()) + 1;
    CharBuffer out = CharBuffer.allocate((int) Math.min(estimate, Integer.MAX_VALUE - 16));
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isOverflow()) {
        out = grow(out);
      } else if (result.isError()) {
        return new Decoded(null, in.position());
      } else {
        break;
      }
    }
    while (decoder.flush(out).isOverflow()) {
      out = grow(out);
    }
    out.flip();
    return new Decoded(out.toString(), -1);
  }

  private static CharBuffer grow(CharBuffer out) {
    CharBuffer bigger = CharBuffer.allocate(Math.max(16, out.capacity() * 2));
    out.flip();
    bigger.put(out);
    return bigger;
  }

  /** A JVM charset for a detector's guess that is not a WHATWG label, or empty. */
  private static Optional<Charset> javaCharset(String name) {
    try {
      return Optional.of(Charset.forName(name.strip()));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return Optional.empty();
    }
  }

  /** The charset parameter of a Content-Type header value, unquoted, or null if there is none. */
  static String contentTypeCharset(String contentType) {
    if (contentType == null) {
      return null;
    }
    for (String part : contentType.split(";")) {
      int eq = part.indexOf('=');
      if (eq < 0 || !part.substring(0, eq).strip().equalsIgnoreCase("charset")) {
        continue;
      }
      String value = unquote(part.substring(eq + 1).strip());
      return value.isEmpty() ? null : value;
    }
    return null;
  }

  private static String unquote(String value) {
    if (value.length() >= 2
        && (value.charAt(0) == '"' || value.charAt(0) == '\'')
        && value.charAt(value.length() - 1) == value.charAt(0)) {
      return value.substring(1, value.length() - 1).strip();
    }
    return value;
  }

  /** A byte order mark at the start of a body. */
  private record Bom(int length, WebEncoding encoding) {
    static Optional<Bom> of(byte[] body) {
      if (body.length >= 3
          && (body[0] & 0xFF) == 0xEF
          && (body[1] & 0xFF) == 0xBB
          && (body[2] & 0xFF) == 0xBF) {
        return Optional.of(new Bom(3, WebEncoding.UTF_8));
      }
      if (body.length >= 2 && (body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF) {
        return Optional.of(new Bom(2, WebEncoding.UTF_16BE));
      }
      if (body.length >= 2 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE) {
        return Optional.of(new Bom(2, WebEncoding.UTF_16LE));
      }
      return Optional.empty();
    }
  }
}
