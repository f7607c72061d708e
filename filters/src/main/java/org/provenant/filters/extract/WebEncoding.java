package org.provenant.filters.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The encodings of the WHATWG Encoding Standard (section 4.2, "Names and labels"), each with every
 * label the standard gives it, so that a charset declared by a page or its server is read the way
 * a browser reads it: {@code iso-8859-1}, {@code latin1}, {@code ascii} and {@code us-ascii} are
 * windows-1252, {@code gb2312} is gbk (whose decoder is gb18030's), {@code shift_jis} is
 * windows-31j, {@code euc-kr} is windows-949, {@code utf-16} is UTF-16LE, and five labels
 * ({@code iso-2022-kr}, {@code hz-gb-2312}, ...) name the {@link #REPLACEMENT} encoding, which
 * decodes nothing. A label that is not in the table names no encoding at all.
 *
 * <p>Each encoding is decoded with a JVM charset whose mapping is the standard's (or its closest
 * superset: Big5-HKSCS for big5), or with a 256-entry table where the JVM has none that matches:
 * windows-1252 (its five unassigned bytes are the C1 controls of the same value),
 * ISO-8859-10, ISO-8859-14 (tables from the standard's indexes) and x-user-defined.
 */
public enum WebEncoding {
  UTF_8("UTF-8", "UTF-8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"),
  IBM866("IBM866", "IBM866", "866", "cp866", "csibm866", "ibm866"),
  ISO_8859_2("ISO-8859-2", "ISO-8859-2",
      "csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592", "iso_8859-2", "iso_8859-2:1987", "l2", "latin2"),
  ISO_8859_3("ISO-8859-3", "ISO-8859-3",
      "csisolatin3", "iso-8859-3", "iso-ir-109", "iso8859-3", "iso88593", "iso_8859-3", "iso_8859-3:1988", "l3", "latin3"),
  ISO_8859_4("ISO-8859-4", "ISO-8859-4",
      "csisolatin4", "iso-8859-4", "iso-ir-110", "iso8859-4", "iso88594", "iso_8859-4", "iso_8859-4:1988", "l4", "latin4"),
  ISO_8859_5("ISO-8859-5", "ISO-8859-5",
      "csisolatincyrillic", "cyrillic", "iso-8859-5", "iso-ir-144", "iso8859-5", "iso88595", "iso_8859-5", "iso_8859-5:1988"),
  ISO_8859_6("ISO-8859-6", "ISO-8859-6",
      "arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic", "ecma-114", "iso-8859-6", "iso-8859-6-e",
      "iso-8859-6-i", "iso-ir-127", "iso8859-6", "iso88596", "iso_8859-6", "iso_8859-6:1987"),
  ISO_8859_7("ISO-8859-7", "ISO-8859-7",
      "csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-8859-7", "iso-ir-126", "iso8859-7", "iso88597",
      "iso_8859-7", "iso_8859-7:1987", "sun_eu_greek"),
  ISO_8859_8("ISO-8859-8", "ISO-8859-8",
      "csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8", "iso-8859-8-e", "iso-ir-138", "iso8859-8", "iso88598",
      "iso_8859-8", "iso_8859-8:1988", "visual"),
  /** Logical-order Hebrew: the same bytes to characters as iso-8859-8. */
  ISO_8859_8_I("ISO-8859-8-I", "ISO-8859-8", "csiso88598i", "iso-8859-8-i", "logical"),
  ISO_8859_10("ISO-8859-10", null,
      "csisolatin6", "iso-8859-10", "iso-ir-157", "iso8859-10", "iso885910", "l6", "latin6"),
  ISO_8859_13("ISO-8859-13", "ISO-8859-13", "iso-8859-13", "iso8859-13", "iso885913"),
  ISO_8859_14("ISO-8859-14", null, "iso-8859-14", "iso8859-14", "iso885914"),
  ISO_8859_15("ISO-8859-15", "ISO-8859-15", "csisolatin9", "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "l9"),
  ISO_8859_16("ISO-8859-16", "ISO-8859-16", "iso-8859-16"),
  KOI8_R("KOI8-R", "KOI8-R", "cskoi8r", "koi", "koi8", "koi8-r", "koi8_r"),
  KOI8_U("KOI8-U", "KOI8-U", "koi8-ru", "koi8-u"),
  MACINTOSH("macintosh", "x-MacRoman", "csmacintosh", "mac", "macintosh", "x-mac-roman"),
  WINDOWS_874("windows-874", "x-windows-874", "dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620", "windows-874"),
  WINDOWS_1250("windows-1250", "windows-1250", "cp1250", "windows-1250", "x-cp1250"),
  WINDOWS_1251("windows-1251", "windows-1251", "cp1251", "windows-1251", "x-cp1251"),
  WINDOWS_1252("windows-1252", null,
      "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100", "iso8859-1",
      "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252", "x-cp1252"),
  WINDOWS_1253("windows-1253", "windows-1253", "cp1253", "windows-1253", "x-cp1253"),
  WINDOWS_1254("windows-1254", "windows-1254",
      "cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599", "iso_8859-9", "iso_8859-9:1989", "l5",
      "latin5", "windows-1254", "x-cp1254"),
  WINDOWS_1255("windows-1255", "windows-1255", "cp1255", "windows-1255", "x-cp1255"),
  WINDOWS_1256("windows-1256", "windows-1256", "cp1256", "windows-1256", "x-cp1256"),
  WINDOWS_1257("windows-1257", "windows-1257", "cp1257", "windows-1257", "x-cp1257"),
  WINDOWS_1258("windows-1258", "windows-1258", "cp1258", "windows-1258", "x-cp1258"),
  X_MAC_CYRILLIC("x-mac-cyrillic", "x-MacCyrillic", "x-mac-cyrillic", "x-mac-ukrainian"),
  /** The standard's gbk decoder is the gb18030 decoder. */
  GBK("GBK", "GB18030",
      "chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk", "iso-ir-58", "x-gbk"),
  GB18030("gb18030", "GB18030", "gb18030"),
  /** The standard's big5 is Big5 with the HKSCS extensions. */
  BIG5("Big5", "Big5-HKSCS", "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"),
  EUC_JP("EUC-JP", "EUC-JP", "cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"),
  ISO_2022_JP("ISO-2022-JP", "ISO-2022-JP", "csiso2022jp", "iso-2022-jp"),
  /** The standard's Shift_JIS is Microsoft's code page 932. */
  SHIFT_JIS("Shift_JIS", "windows-31j",
      "csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j", "x-sjis"),
  /** The standard's euc-kr is Microsoft's code page 949 (Unified Hangul Code). */
  EUC_KR("EUC-KR", "x-windows-949",
      "cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601",
      "ksc_5601", "windows-949"),
  /**
   * Stands for encodings that browsers refuse to decode because they enable script injection
   * ({@code iso-2022-kr}, {@code hz-gb-2312}, ...): a page declared in one of them has no text.
   */
  REPLACEMENT("replacement", null, "csiso2022kr", "hz-gb-2312", "iso-2022-cn", "iso-2022-cn-ext", "iso-2022-kr", "replacement"),
  UTF_16BE("UTF-16BE", "UTF-16BE", "unicodefffe", "utf-16be"),
  UTF_16LE("UTF-16LE", "UTF-16LE",
      "csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le"),
  /** Bytes 0x80 to 0xFF are U+F780 to U+F7FF. */
  X_USER_DEFINED("x-user-defined", null, "x-user-defined");

  private static final Map<String, WebEncoding> BY_LABEL = new HashMap<>();

  static {
    for (WebEncoding e : values()) {
      for (String label : e.labels) {
        if (BY_LABEL.put(label, e) != null) {
          throw new ExceptionInInitializerError("label " + label + " listed twice");
        }
      }
    }
  }

  private final String standardName;
  private final String javaName;
  private final List<String> labels;

  WebEncoding(String standardName, String javaName, String... labels) {
    this.standardName = standardName;
    this.javaName = javaName;
    this.labels = List.of(labels);
  }

  /**
   * The encoding a label names, as the standard's "get an encoding" does: leading and trailing
   * ASCII whitespace removed, ASCII case ignored; empty when the label is in no row of the table.
   */
  public static Optional<WebEncoding> forLabel(String label) {
    if (label == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(BY_LABEL.get(asciiLowerCase(stripAsciiWhitespace(label))));
  }

  /** The encoding's name in the standard, e.g. {@code windows-1252} or {@code Shift_JIS}. */
  public String standardName() {
    return standardName;
  }

  /** Every label of the encoding, lower case, in the standard's order. */
  public List<String> labels() {
    return labels;
  }

  /** Whether this is the replacement encoding, which yields no text. */
  public boolean isReplacement() {
    return this == REPLACEMENT;
  }

  /**
   * The charset name that {@link DecodedText#charset()} reports: the JVM charset's canonical name
   * ({@code UTF-8}, {@code windows-31j}), or the standard's name for a table-decoded encoding
   * ({@code windows-1252}, {@code ISO-8859-10}, {@code x-user-defined}).
   */
  public String charsetName() {
    if (javaName != null) {
      return Charset.forName(javaName).name();
    }
    return switch (this) {
      default -> standardName;
    };
  }

  /** The JVM charset that decodes it, or empty for a table-decoded encoding and replacement. */
  Optional<Charset> charset() {
    return javaName == null ? Optional.empty() : Optional.of(Charset.forName(javaName));
  }

  /** The 256 characters of a table-decoded single-byte encoding, or null for any other. */
  char[] singleByteTable() {
    return switch (this) {
      case WINDOWS_1252 -> Tables.WINDOWS_1252;
      case ISO_8859_10 -> Tables.ISO_8859_10;
      case ISO_8859_14 -> Tables.ISO_8859_14;
      case X_USER_DEFINED -> Tables.X_USER_DEFINED;
      default -> null;
    };
  }

  private static String stripAsciiWhitespace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isAsciiWhitespace(s.charAt(start))) {
      start++;
    }
    while (end > start && isAsciiWhitespace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean isAsciiWhitespace(char c) {
    return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
  }

  private static String asciiLowerCase(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
    }
    return b.toString();
  }

  /** Decoding tables, built once. */
  private static final class Tables {
    static final char[] WINDOWS_1252 = windows1252();
    /** index-iso-8859-10.txt of the Encoding Standard, bytes 0xA0 to 0xFF (0x80-0x9F are C1). */
    static final char[] ISO_8859_10 = latinTable(new int[] {
        0x00A0, 0x0104, 0x0112, 0x0122, 0x012A, 0x0128, 0x0136, 0x00A7, 0x013B, 0x0110, 0x0160, 0x0166, 0x017D, 0x00AD, 0x016A, 0x014A,
        0x00B0, 0x0105, 0x0113, 0x0123, 0x012B, 0x0129, 0x0137, 0x00B7, 0x013C, 0x0111, 0x0161, 0x0167, 0x017E, 0x2015, 0x016B, 0x014B,
        0x0100, 0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x00C6, 0x012E, 0x010C, 0x00C9, 0x0118, 0x00CB, 0x0116, 0x00CD, 0x00CE, 0x00CF,
        0x00D0, 0x0145, 0x014C, 0x00D3, 0x00D4, 0x00D5, 0x00D6, 0x0168, 0x00D8, 0x0172, 0x00DA, 0x00DB, 0x00DC, 0x00DD, 0x00DE, 0x00DF,
        0x0101, 0x00E1, 0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x012F, 0x010D, 0x00E9, 0x0119, 0x00EB, 0x0117, 0x00ED, 0x00EE, 0x00EF,
        0x00F0, 0x0146, 0x014D, 0x00F3, 0x00F4, 0x00F5, 0x00F6, 0x0169, 0x00F8, 0x0173, 0x00FA, 0x00FB, 0x00FC, 0x00FD, 0x00FE, 0x0138});
    /** index-iso-8859-14.txt of the Encoding Standard, bytes 0xA0 to 0xFF. */
    static final char[] ISO_8859_14 = latinTable(new int[] {
        0x00A0, 0x1E02, 0x1E03, 0x00A3, 0x010A, 0x010B, 0x1E0A, 0x00A7, 0x1E80, 0x00A9, 0x1E82, 0x1E0B, 0x1EF2, 0x00AD, 0x00AE, 0x0178,
        0x1E1E, 0x1E1F, 0x0120, 0x0121, 0x1E40, 0x1E41, 0x00B6, 0x1E56, 0x1E81, 0x1E57, 0x1E83, 0x1E60, 0x1EF3, 0x1E84, 0x1E85, 0x1E61,
        0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x00C6, 0x00C7, 0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF,
        0x0174, 0x00D1, 0x00D2, 0x00D3, 0x00D4, 0x00D5, 0x00D6, 0x1E6A, 0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x00DD, 0x0176, 0x00DF,
        0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x00E7, 0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF,
        0x0175, 0x00F1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x00F6, 0x1E6B, 0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x00FD, 0x0177, 0x00FF});
    static final char[] X_USER_DEFINED = xUserDefined();

    private static char[] latinTable(int[] upper) {
      char[] t = new char[256];
      for (int b = 0; b < 0xA0; b++) {
        t[b] = (char) b;
      }
      for (int i = 0; i < upper.length; i++) {
        t[0xA0 + i] = (char) upper[i];
      }
      return t;
    }

    private static char[] xUserDefined() {
      char[] t = new char[256];
      for (int b = 0; b < 256; b++) {
        t[b] = b < 0x80 ? (char) b : (char) (0xF780 + b - 0x80);
      }
      return t;
    }

    private static char[] windows1252() {
      CharsetDecoder decoder = Charset.forName("windows-1252").newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
      char[] table = new char[256];
      for (int b = 0; b < 256; b++) {
        try {
          table[b] = decoder.decode(ByteBuffer.wrap(new byte[] {(byte) b})).charAt(0);
        } catch (CharacterCodingException e) {
          table[b] = (char) b; // 0x81, 0x8D, 0x8F, 0x90, 0x9D: the standard maps these to C1 controls
        }
      }
      return table;
    }
  }
}
