package org.provenant.filters.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.provenant.filters.extract.DecodeException.Reason;
import org.provenant.filters.extract.DecodedText.Origin;

/** The WHATWG label table, one family at a time, and each family decoding a real byte. */
class WebEncodingTest {
  private final CharsetResolver resolver = new CharsetResolver();

  private static WebEncoding of(String label) {
    return WebEncoding.forLabel(label).orElseThrow(() -> new AssertionError("no encoding for " + label));
  }

  /** The text of {@code bytes} declared with {@code label} in the HTTP header. */
  private String decode(String label, int... bytes) throws DecodeException {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return resolver.decode(b, "text/html; charset=" + label).text();
  }

  @Test
  void latin1AndAsciiLabelsAreWindows1252() throws DecodeException {
    for (String label : List.of("ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1",
        "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii",
        "windows-1252", "x-cp1252")) {
      assertEquals(WebEncoding.WINDOWS_1252, of(label), label);
      // 0x80 is the euro sign in windows-1252 (U+0080 in ISO-8859-1)
      assertEquals("\u20ac \u201cq\u201d", decode(label, 0x80, ' ', 0x93, 'q', 0x94), label);
    }
    assertEquals(17, WebEncoding.WINDOWS_1252.labels().size());
  }

  @Test
  void labelsAreMatchedWithoutAsciiCaseAndSurroundingWhitespace() {
    assertEquals(Optional.of(WebEncoding.UTF_8), WebEncoding.forLabel(" \tUTF8\n"));
    assertEquals(Optional.of(WebEncoding.SHIFT_JIS), WebEncoding.forLabel("Shift_JIS"));
    assertEquals(Optional.empty(), WebEncoding.forLabel("utf 8"));
    assertEquals(Optional.empty(), WebEncoding.forLabel("x-klingon"));
    assertEquals(Optional.empty(), WebEncoding.forLabel("utf-32")); // a JVM charset, not a web encoding
    assertEquals(Optional.empty(), WebEncoding.forLabel("cp850"));
    assertEquals(Optional.empty(), WebEncoding.forLabel(null));
    // a non-ASCII K (U+212A KELVIN SIGN) is not folded to k
    assertEquals(Optional.empty(), WebEncoding.forLabel("\u212aoi8-r"));
  }

  @Test
  void everyLabelIsInOneRowAndEveryJvmCharsetExists() {
    Set<String> seen = new HashSet<>();
    int labels = 0;
    for (WebEncoding e : WebEncoding.values()) {
      for (String label : e.labels()) {
        assertEquals(true, seen.add(label), label);
        assertEquals(e, of(label), label);
        labels++;
      }
      if (!e.isReplacement()) {
        e.charsetName(); // resolves the JVM charset, or names a table
      }
    }
    // the standard's table (whatwg/encoding encodings.json, 2026): 40 encodings, 228 labels
    assertEquals(40, WebEncoding.values().length);
    assertEquals(228, labels);
  }

  @Test
  void unicodeFamilies() throws DecodeException {
    for (String label : List.of("unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8")) {
      assertEquals(WebEncoding.UTF_8, of(label), label);
    }
    for (String label : List.of("csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le")) {
      assertEquals(WebEncoding.UTF_16LE, of(label), label);
    }
    assertEquals(WebEncoding.UTF_16BE, of("unicodefffe"));
    assertEquals(WebEncoding.UTF_16BE, of("utf-16be"));
    // utf-16 from the header is little-endian, without a BOM
    assertEquals("h\u00e9", decode("utf-16", 'h', 0, 0xE9, 0));
    assertEquals("h\u00e9", decode("utf-16be", 0, 'h', 0, 0xE9));
  }

  @Test
  void chineseJapaneseKoreanFamilies() throws DecodeException {
    for (String label : List.of("chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk", "iso-ir-58", "x-gbk")) {
      assertEquals(WebEncoding.GBK, of(label), label);
    }
    // gbk is decoded as gb18030: a four-byte gb18030 sequence under a gb2312 label still decodes
    assertEquals("\u4e2d\u00de", decode("gb2312", 0xD6, 0xD0, 0x81, 0x30, 0x89, 0x37)); // U+00DE is four bytes in gb18030
    assertEquals("GB18030", resolver.decode(new byte[] {'a'}, "text/html; charset=gb2312").charset());
    // a lone 0x80 is the euro sign (code page 936), also right after a two-byte character; 0x80 as a
    // trail byte is part of its character
    assertEquals("3\u20ac\u4e2d\u20ac", decode("gbk", '3', 0x80, 0xD6, 0xD0, 0x80));
    assertEquals(new String(new byte[] {(byte) 0x81, (byte) 0x80}, Charset.forName("GB18030")), decode("gb18030", 0x81, 0x80));
    // an invalid byte after a euro is reported at its own offset
    DecodeException bad = assertThrows(DecodeException.class, () -> decode("gbk", 'a', 0x80, 'b', 0xFF));
    assertEquals("invalid GB18030 at byte 3 (charset from http-header)", bad.getMessage());
    for (String label : List.of("big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5")) {
      assertEquals(WebEncoding.BIG5, of(label), label);
    }
    assertEquals("\u4e2d", decode("big5", 0xA4, 0xA4));
    for (String label : List.of("csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j", "x-sjis")) {
      assertEquals(WebEncoding.SHIFT_JIS, of(label), label);
    }
    // 0x87 0x40 is NEC's circled digit one: in windows-31j, not in strict Shift_JIS
    assertEquals("\u2460", decode("shift_jis", 0x87, 0x40));
    assertEquals(WebEncoding.EUC_JP, of("x-euc-jp"));
    assertEquals("\u65e5", decode("euc-jp", 0xC6, 0xFC));
    assertEquals(WebEncoding.ISO_2022_JP, of("csiso2022jp"));
    for (String label : List.of("cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987",
        "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949")) {
      assertEquals(WebEncoding.EUC_KR, of(label), label);
    }
    // 0x81 0x41 is outside EUC-KR proper and in windows-949 (Unified Hangul Code)
    assertEquals("\uac02", decode("euc-kr", 0x81, 0x41));
  }

  @Test
  void singleByteFamilies() throws DecodeException {
    assertEquals(WebEncoding.WINDOWS_1254, of("latin5"));
    assertEquals(WebEncoding.WINDOWS_1254, of("iso-8859-9")); // iso-8859-9 is windows-1254
    assertEquals("\u011f\u20ac", decode("iso-8859-9", 0xF0, 0x80));
    assertEquals(WebEncoding.WINDOWS_874, of("tis-620"));
    assertEquals(WebEncoding.WINDOWS_874, of("iso-8859-11"));
    assertEquals(WebEncoding.ISO_8859_8_I, of("logical"));
    assertEquals(WebEncoding.ISO_8859_8, of("visual"));
    assertEquals("\u05d0", decode("iso-8859-8-i", 0xE0));
    assertEquals(WebEncoding.KOI8_U, of("koi8-ru"));
    assertEquals(WebEncoding.KOI8_R, of("koi"));
    assertEquals("\u0414", decode("koi8", 0xE4));
    assertEquals(WebEncoding.MACINTOSH, of("x-mac-roman"));
    assertEquals("\u00e9", decode("mac", 0x8E));
    assertEquals(WebEncoding.X_MAC_CYRILLIC, of("x-mac-ukrainian"));
    assertEquals(WebEncoding.IBM866, of("866"));
    assertEquals("\u0410", decode("cp866", 0x80));
    assertEquals(WebEncoding.ISO_8859_2, of("l2"));
    assertEquals("\u0159", decode("latin2", 0xF8));
    assertEquals(WebEncoding.WINDOWS_1251, of("x-cp1251"));
    assertEquals("\u0416", decode("cp1251", 0xC6));
    assertEquals(WebEncoding.ISO_8859_15, of("l9"));
    assertEquals("\u20ac", decode("l9", 0xA4));
  }

  @Test
  void encodingsTheJvmLacksAreDecodedFromTheStandardsTables() throws DecodeException {
    assertEquals(WebEncoding.ISO_8859_10, of("latin6"));
    assertEquals(WebEncoding.ISO_8859_14, of("iso885914"));
    // ISO-8859-10: 0xA1 LATIN CAPITAL LETTER A WITH OGONEK, 0xBD HORIZONTAL BAR, 0xFF LATIN SMALL LETTER KRA
    assertEquals("\u0104\u2015\u0138", decode("l6", 0xA1, 0xBD, 0xFF));
    // ISO-8859-14: 0xA1 B WITH DOT ABOVE, 0xD0 W WITH CIRCUMFLEX, 0xFF Y WITH DIAERESIS
    assertEquals("\u1e02\u0174\u00ff", decode("iso-8859-14", 0xA1, 0xD0, 0xFF));
    assertEquals("ISO-8859-10", resolver.decode(new byte[] {'a'}, "text/html; charset=latin6").charset());
    // x-user-defined: bytes 0x80-0xFF are U+F780-U+F7FF
    assertEquals("a\uf780\uf7ff", decode("x-user-defined", 'a', 0x80, 0xFF));
    assertNull(WebEncoding.UTF_8.singleByteTable());
  }

  @Test
  void replacementLabelsAreRejected() {
    for (String label : List.of("csiso2022kr", "hz-gb-2312", "iso-2022-cn", "iso-2022-cn-ext", "iso-2022-kr", "replacement")) {
      assertEquals(WebEncoding.REPLACEMENT, of(label), label);
      DecodeException e = assertThrows(DecodeException.class, () -> decode(label, 'a'));
      assertEquals(Reason.REPLACEMENT_ENCODING, e.reason());
      assertEquals("replacement_encoding", e.reason().code());
      assertEquals("charset " + label + " (from http-header) is the WHATWG replacement encoding, which browsers do not decode", e.getMessage());
    }
    DecodeException fromMeta = assertThrows(DecodeException.class,
        () -> resolver.decode("<meta charset=ISO-2022-KR><p>x</p>".getBytes(Charset.forName("US-ASCII")), "text/html"));
    assertEquals("charset iso-2022-kr (from meta) is the WHATWG replacement encoding, which browsers do not decode", fromMeta.getMessage());
    assertEquals(Origin.META.label(), "meta");
  }
}
