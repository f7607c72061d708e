package org.provenant.filters.extract;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mozilla.universalchardet.UniversalDetector;
import org.provenant.filters.extract.DecodeException.Reason;
import org.provenant.filters.extract.DecodedText.IgnoredLabel;
import org.provenant.filters.extract.DecodedText.Origin;

/**
 * Decodes an HTML response body to text, choosing the charset the way a browser would: a byte
 * order mark, then the {@code charset} parameter of the HTTP {@code Content-Type} header, then a
 * {@code <meta>} declaration near the start of the body, then detection (strict UTF-8 if the bytes
 * are valid UTF-8, otherwise juniversalchardet's guess).
 *
 * <p>Decoding is strict: bytes that do not decode in the chosen charset fail with a {@link
 * DecodeException} naming the byte offset, rather than being replaced silently. Declared labels
 * that Java does not know are skipped (and listed in {@link DecodedText#ignoredLabels()}), and the
 * next method is tried. As in the WHATWG Encoding standard, labels for ISO-8859-1 and US-ASCII
 * mean windows-1252, whose five unassigned bytes decode to the C1 controls of the same value;
 * {@code utf-16} without a BOM means UTF-16LE; and a {@code <meta>} claiming UTF-16 means UTF-8.
 *
 * <p>Stateless and thread-safe.
 */
public final class CharsetResolver {

  /** How many leading bytes are scanned for a {@code <meta>} charset declaration. */
  public static final int META_SCAN_BYTES = 4096;

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** windows-1252 as WHATWG defines it: the JDK table, its five holes mapped to C1 controls. */
  private static final char[] WINDOWS_1252_TABLE = windows1252Table();

  private static final char REPLACEMENT_CHARACTER = '\uFFFD';

  /** Decodes {@code body}; {@code httpContentType} is the raw header value and may be null. */
  public DecodedText decode(byte[] body, String httpContentType) throws DecodeException {
    requireNonNull(body, "body");
    List<IgnoredLabel> ignored = new ArrayList<>();

    Optional<Bom> bom = Bom.of(body);
    if (bom.isPresent()) {
      return decodeOrThrow(body, bom.get().length, bom.get().charset, Origin.BOM, ignored);
    }

    String headerLabel = contentTypeCharset(httpContentType);
    if (headerLabel != null) {
      Optional<Charset> charset = lookup(headerLabel);
      if (charset.isPresent()) {
        return decodeOrThrow(body, 0, charset.get(), Origin.HTTP_HEADER, ignored);
      }
      ignored.add(new IgnoredLabel(Origin.HTTP_HEADER, headerLabel));
    }

    for (String metaLabel : metaCharsetLabels(body)) {
      Optional<Charset> charset = lookup(metaLabel).map(CharsetResolver::metaOverride);
      if (charset.isPresent()) {
        return decodeOrThrow(body, 0, charset.get(), Origin.META, ignored);
      }
      ignored.add(new IgnoredLabel(Origin.META, metaLabel));
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
    Optional<Charset> detected = lookup(guess);
    if (detected.isEmpty()) {
      throw new DecodeException(
          Reason.UNDETECTED_CHARSET, "detected charset " + guess + " is not supported by the JVM");
    }
    return decodeOrThrow(body, 0, detected.get(), Origin.DETECTED, ignored);
  }

  private static DecodedText decodeOrThrow(
      byte[] body, int start, Charset charset, Origin origin, List<IgnoredLabel> ignored)
      throws DecodeException {
    Decoded decoded = strictDecode(body, start, charset);
    if (decoded.text == null) {
      throw new DecodeException(
          Reason.INVALID_BYTES,
          "invalid "
              + charset.name()
              + " at byte "
              + decoded.errorOffset
              + " (charset from "
              + origin.label()
              + ")",
          decoded.errorOffset);
    }
    return new DecodedText(decoded.text, charset.name(), origin, ignored);
  }

  /** Either the decoded text, or (text null) the offset of the first byte that did not decode. */
  private record Decoded(String text, int errorOffset) {}

  private static Decoded strictDecode(byte[] body, int start, Charset charset) {
    if (charset.equals(WINDOWS_1252)) {
      char[] chars = new char[body.length - start];
      for (int i = start; i < body.length; i++) {
        chars[i - start] = WINDOWS_1252_TABLE[body[i] & 0xFF];
      }
      return new Decoded(new String(chars), -1);
    }
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

  /**
   * The charset a label names, following the WHATWG aliases this class documents, or empty when
   * the label is unknown or unsupported.
   */
  static Optional<Charset> lookup(String label) {
    String trimmed = label.strip();
    if (trimmed.isEmpty()) {
      return Optional.empty();
    }
    Charset charset;
    try {
      charset = Charset.forName(trimmed);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return Optional.empty(); // an unusable label; the caller records it and moves on
    }
    if (charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII)) {
      return Optional.of(WINDOWS_1252);
    }
    if (charset.equals(StandardCharsets.UTF_16)) {
      return Optional.of(StandardCharsets.UTF_16LE);
    }
    return Optional.of(charset);
  }

  /** A meta declaration cannot truthfully claim UTF-16 (it was just read as ASCII). */
  private static Charset metaOverride(Charset declared) {
    if (declared.equals(StandardCharsets.UTF_16LE) || declared.equals(StandardCharsets.UTF_16BE)) {
      return StandardCharsets.UTF_8;
    }
    return declared;
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

  /**
   * Charset labels declared by {@code <meta charset>} or {@code <meta http-equiv=content-type
   * content="...; charset=...">} in the first {@link #META_SCAN_BYTES} bytes, in document order.
   * Comments are skipped. The bytes are read as ISO-8859-1, so any ASCII-compatible body works.
   */
  static List<String> metaCharsetLabels(byte[] body) {
    String head =
        new String(body, 0, Math.min(body.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1)
            .toLowerCase(Locale.ROOT);
    List<String> labels = new ArrayList<>();
    int i = 0;
    while ((i = head.indexOf('<', i)) >= 0) {
      if (head.startsWith("<!--", i)) {
        int end = head.indexOf("-->", i + 4);
        if (end < 0) {
          break;
        }
        i = end + 3;
      } else if (head.startsWith("<meta", i)
          && i + 5 < head.length()
          && isSpaceOrSlash(head.charAt(i + 5))) {
        Map<String, String> attributes = new LinkedHashMap<>();
        i = parseAttributes(head, i + 5, attributes);
        String label = charsetOfMeta(attributes);
        if (label != null) {
          labels.add(label);
        }
      } else {
        i++;
      }
    }
    return labels;
  }

  private static String charsetOfMeta(Map<String, String> attributes) {
    String charset = attributes.get("charset");
    if (charset != null) {
      return charset.isBlank() ? null : charset.strip();
    }
    String content = attributes.get("content");
    String httpEquiv = attributes.getOrDefault("http-equiv", "").strip();
    if (content != null && httpEquiv.equals("content-type")) {
      return charsetInContent(content);
    }
    return null;
  }

  /** The value after {@code charset=} in a meta content attribute, as WHATWG extracts it. */
  private static String charsetInContent(String content) {
    int from = 0;
    while (true) {
      int at = content.indexOf("charset", from);
      if (at < 0) {
        return null;
      }
      int i = skipSpaces(content, at + "charset".length());
      if (i >= content.length() || content.charAt(i) != '=') {
        from = at + 1;
        continue;
      }
      i = skipSpaces(content, i + 1);
      if (i >= content.length()) {
        return null;
      }
      char first = content.charAt(i);
      int end;
      if (first == '"' || first == '\'') {
        end = content.indexOf(first, i + 1);
        return end < 0 ? null : emptyToNull(content.substring(i + 1, end).strip());
      }
      end = i;
      while (end < content.length()
          && content.charAt(end) != ';'
          && !isSpace(content.charAt(end))) {
        end++;
      }
      return emptyToNull(content.substring(i, end));
    }
  }

  /** Parses attributes from {@code from} to the closing {@code >}; returns the index after it. */
  private static int parseAttributes(String s, int from, Map<String, String> attributes) {
    int i = from;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '>') {
        return i + 1;
      }
      if (isSpaceOrSlash(c)) {
        i++;
        continue;
      }
      int nameStart = i;
      while (i < s.length()
          && !isSpaceOrSlash(s.charAt(i))
          && s.charAt(i) != '='
          && s.charAt(i) != '>') {
        i++;
      }
      String name = s.substring(nameStart, i);
      i = skipSpaces(s, i);
      String value = "";
      if (i < s.length() && s.charAt(i) == '=') {
        i = skipSpaces(s, i + 1);
        if (i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
          char quote = s.charAt(i);
          int end = s.indexOf(quote, i + 1);
          end = end < 0 ? s.length() : end;
          value = s.substring(i + 1, end);
          i = Math.min(s.length(), end + 1);
        } else {
          int valueStart = i;
          while (i < s.length() && !isSpace(s.charAt(i)) && s.charAt(i) != '>') {
            i++;
          }
          value = s.substring(valueStart, i);
        }
      }
      attributes.putIfAbsent(name, value);
    }
    return i;
  }

  private static int skipSpaces(String s, int i) {
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  private static boolean isSpaceOrSlash(char c) {
    return isSpace(c) || c == '/';
  }

  private static String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }

  private static char[] windows1252Table() {
    CharsetDecoder decoder =
        WINDOWS_1252
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    char[] table = new char[256];
    for (int b = 0; b < 256; b++) {
      try {
        table[b] = decoder.decode(ByteBuffer.wrap(new byte[] {(byte) b})).charAt(0);
      } catch (CharacterCodingException e) {
        table[b] = (char) b; // 0x81, 0x8D, 0x8F, 0x90, 0x9D: WHATWG maps these to C1 controls
      }
    }
    return table;
  }

  /** A byte order mark at the start of a body. */
  private record Bom(int length, Charset charset) {
    static Optional<Bom> of(byte[] body) {
      if (body.length >= 3
          && (body[0] & 0xFF) == 0xEF
          && (body[1] & 0xFF) == 0xBB
          && (body[2] & 0xFF) == 0xBF) {
        return Optional.of(new Bom(3, StandardCharsets.UTF_8));
      }
      if (body.length >= 2 && (body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF) {
        return Optional.of(new Bom(2, StandardCharsets.UTF_16BE));
      }
      if (body.length >= 2 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE) {
        return Optional.of(new Bom(2, StandardCharsets.UTF_16LE));
      }
      return Optional.empty();
    }
  }
}
