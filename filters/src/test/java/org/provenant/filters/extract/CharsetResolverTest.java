package org.provenant.filters.extract;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.provenant.filters.extract.DecodeException.Reason;
import org.provenant.filters.extract.DecodedText.IgnoredLabel;
import org.provenant.filters.extract.DecodedText.Origin;

class CharsetResolverTest {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final CharsetResolver resolver = new CharsetResolver();

  @Test
  void httpHeaderWinsOverMeta() throws DecodeException {
    String page =
        "<html><head><meta charset=\"utf-8\"></head><body>Caf\u00e9 cr\u00e8me</body></html>";
    byte[] body = page.getBytes(WINDOWS_1252);

    DecodedText decoded = resolver.decode(body, "text/html; charset=windows-1252");

    assertEquals(new DecodedText(page, "windows-1252", Origin.HTTP_HEADER, List.of()), decoded);
  }

  @Test
  void httpEquivMetaIsUsedWhenHeaderHasNoCharset() throws DecodeException {
    String page =
        "<HTML><HEAD><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1251\">"
            + "</HEAD><BODY>\u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440</BODY></HTML>";

    DecodedText decoded = resolver.decode(page.getBytes(WINDOWS_1251), "text/html");

    assertEquals(new DecodedText(page, "windows-1251", Origin.META, List.of()), decoded);
  }

  @Test
  void metaCharsetAttributeIsUsedWithoutHeader() throws DecodeException {
    String page = "<!doctype html><meta charset='KOI8-R'/><p>\u0414\u0430</p>";

    DecodedText decoded = resolver.decode(page.getBytes(Charset.forName("KOI8-R")), null);

    assertEquals(new DecodedText(page, "KOI8-R", Origin.META, List.of()), decoded);
  }

  @Test
  void metaInsideCommentIsIgnored() throws DecodeException {
    String page = "<!-- <meta charset=\"koi8-r\"> --><meta charset=utf-8><p>\u00fc</p>";

    DecodedText decoded = resolver.decode(page.getBytes(UTF_8), null);

    assertEquals(new DecodedText(page, "UTF-8", Origin.META, List.of()), decoded);
  }

  @Test
  void metaAfterTheFirst1024BytesIsNotSeen() throws DecodeException {
    assertEquals(1024, CharsetResolver.META_SCAN_BYTES);
    String page = "<p>" + "a".repeat(1024 - 3 - 15) + "<meta charset=koi8-r>";

    DecodedText decoded = resolver.decode(page.getBytes(UTF_8), null);

    assertEquals(new DecodedText(page, "UTF-8", Origin.DETECTED, List.of()), decoded);
  }

  @Test
  void utf8BomWinsOverHeaderAndIsStripped() throws DecodeException {
    byte[] body = concat(UTF8_BOM, "Gr\u00fc\u00dfe".getBytes(UTF_8));

    DecodedText decoded = resolver.decode(body, "text/html; charset=windows-1252");

    assertEquals(new DecodedText("Gr\u00fc\u00dfe", "UTF-8", Origin.BOM, List.of()), decoded);
  }

  @Test
  void utf16ByteOrderMarks() throws DecodeException {
    byte[] little =
        concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "<p>\u00e9t\u00e9</p>".getBytes(UTF_16LE));
    byte[] big =
        concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, "<p>\u00e9t\u00e9</p>".getBytes(UTF_16BE));

    assertEquals(
        new DecodedText("<p>\u00e9t\u00e9</p>", "UTF-16LE", Origin.BOM, List.of()),
        resolver.decode(little, null));
    assertEquals(
        new DecodedText("<p>\u00e9t\u00e9</p>", "UTF-16BE", Origin.BOM, List.of()),
        resolver.decode(big, "text/html; charset=utf-8"));
  }

  @Test
  void undeclaredWindows1252IsDetectedNotUtf8() throws DecodeException {
    String page =
        "<html><head><title>Caf\u00e9</title></head><body><p>Le caf\u00e9 \u00e9tait d\u00e9licieux"
            + " et la cr\u00e8me br\u00fbl\u00e9e aussi.</p></body></html>";
    byte[] body = page.getBytes(WINDOWS_1252);
    assertEquals((byte) 0xE9, body[page.indexOf('\u00e9')]);

    DecodedText decoded = resolver.decode(body, "text/html");

    assertEquals(new DecodedText(page, "windows-1252", Origin.DETECTED, List.of()), decoded);
  }

  @Test
  void undeclaredValidUtf8IsDetectedAsUtf8() throws DecodeException {
    String page = "<p>na\u00efve \u2014 \u65e5\u672c\u8a9e</p>";

    assertEquals(
        new DecodedText(page, "UTF-8", Origin.DETECTED, List.of()),
        resolver.decode(page.getBytes(UTF_8), null));
  }

  @Test
  void invalidUtf8DeclaredInHeaderThrowsWithByteOffset() {
    byte[] body =
        concat("<p>caf".getBytes(UTF_8), new byte[] {(byte) 0xC3, 0x28}, "</p>".getBytes(UTF_8));

    DecodeException e =
        assertThrows(
            DecodeException.class, () -> resolver.decode(body, "text/html; charset=UTF-8"));

    assertEquals("invalid UTF-8 at byte 6 (charset from http-header)", e.getMessage());
    assertEquals(Reason.INVALID_BYTES, e.reason());
    assertEquals("invalid_bytes", e.reason().code());
    assertEquals(OptionalLong.of(6), e.byteOffset());
  }

  @Test
  void invalidUtf8DeclaredInMetaNamesTheMeta() {
    byte[] body =
        concat(
            "<meta charset=utf-8><p>".getBytes(UTF_8),
            new byte[] {(byte) 0xE9},
            "t\u00e9".getBytes(UTF_8));

    DecodeException e = assertThrows(DecodeException.class, () -> resolver.decode(body, null));

    assertEquals("invalid UTF-8 at byte 23 (charset from meta)", e.getMessage());
  }

  @Test
  void truncatedUtf8SequenceAtTheEndIsInvalid() {
    byte[] body = concat("abc".getBytes(UTF_8), new byte[] {(byte) 0xE2, (byte) 0x82});

    DecodeException e =
        assertThrows(
            DecodeException.class, () -> resolver.decode(body, "text/plain; charset=utf-8"));

    assertEquals("invalid UTF-8 at byte 3 (charset from http-header)", e.getMessage());
  }

  @Test
  void offsetAfterBomCountsTheBom() {
    byte[] body = concat(UTF8_BOM, new byte[] {'o', 'k', (byte) 0xFF});

    DecodeException e = assertThrows(DecodeException.class, () -> resolver.decode(body, null));

    assertEquals("invalid UTF-8 at byte 5 (charset from bom)", e.getMessage());
  }

  @Test
  void unknownHeaderLabelFallsThroughToMetaAndIsRecorded() throws DecodeException {
    String page = "<meta charset=\"utf-8\"><p>\u00e9</p>";

    DecodedText decoded = resolver.decode(page.getBytes(UTF_8), "text/html; charset=x-foo");

    assertEquals(
        new DecodedText(
            page, "UTF-8", Origin.META, List.of(new IgnoredLabel(Origin.HTTP_HEADER, "x-foo"))),
        decoded);
  }

  @Test
  void unknownLabelsEverywhereFallThroughToDetection() throws DecodeException {
    String page =
        "<meta charset=\"x-klingon\">"
            + "<meta http-equiv=content-type content=\"text/html;charset=\"><p>ok</p>";

    DecodedText decoded =
        resolver.decode(page.getBytes(UTF_8), "text/html; charset=\"bogus charset\"");

    assertEquals(
        new DecodedText(
            page,
            "UTF-8",
            Origin.DETECTED,
            List.of(
                new IgnoredLabel(Origin.HTTP_HEADER, "bogus charset"),
                new IgnoredLabel(Origin.META, "x-klingon"))),
        decoded);
  }

  @Test
  void emptyBodyIsEmptyText() throws DecodeException {
    assertEquals(
        new DecodedText("", "UTF-8", Origin.DEFAULT_UTF8, List.of()),
        resolver.decode(new byte[0], null));
    assertEquals(
        new DecodedText("", "windows-1252", Origin.HTTP_HEADER, List.of()),
        resolver.decode(new byte[0], "text/html; charset=latin1"));
  }

  @Test
  void latin1AndAsciiLabelsMeanWindows1252() throws DecodeException {
    byte[] body = {(byte) 0x93, 'h', 'i', (byte) 0x94, ' ', (byte) 0x80, '5'};

    assertEquals(
        new DecodedText("\u201chi\u201d \u20ac5", "windows-1252", Origin.HTTP_HEADER, List.of()),
        resolver.decode(body, "text/html; Charset=\"ISO-8859-1\""));
    assertEquals(
        new DecodedText("\u201chi\u201d \u20ac5", "windows-1252", Origin.HTTP_HEADER, List.of()),
        resolver.decode(body, "text/html;charset=us-ascii"));
  }

  @Test
  void windows1252UnassignedBytesDecodeToC1Controls() throws DecodeException {
    byte[] body = {(byte) 0x81, (byte) 0x8D, (byte) 0x8F, (byte) 0x90, (byte) 0x9D, (byte) 0x9F};

    DecodedText decoded = resolver.decode(body, "text/html; charset=windows-1252");

    assertEquals("\u0081\u008d\u008f\u0090\u009d\u0178", decoded.text());
  }

  @Test
  void metaDeclaringUtf16MeansUtf8() throws DecodeException {
    String page = "<meta charset=\"utf-16\"><p>\u00e9</p>";

    assertEquals(
        new DecodedText(page, "UTF-8", Origin.META, List.of()),
        resolver.decode(page.getBytes(UTF_8), null));
  }

  @Test
  void bytesThatAreNeitherUtf8NorDetectableThrow() {
    byte[] body = {0, 1, 2, 3, (byte) 0x80, (byte) 0x81};

    DecodeException e = assertThrows(DecodeException.class, () -> resolver.decode(body, null));

    assertEquals(Reason.UNDETECTED_CHARSET, e.reason());
    assertEquals(
        "no usable charset declared, bytes are not UTF-8 (invalid at byte 4)"
            + " and detection found no charset",
        e.getMessage());
    assertEquals(OptionalLong.empty(), e.byteOffset());
  }

  @Test
  void contentTypeCharsetParameter() {
    assertEquals(null, CharsetResolver.contentTypeCharset(null));
    assertEquals(null, CharsetResolver.contentTypeCharset("text/html"));
    assertEquals(null, CharsetResolver.contentTypeCharset("text/html; charset="));
    assertEquals("utf-8", CharsetResolver.contentTypeCharset("text/html; charset=utf-8"));
    assertEquals(
        "UTF-8", CharsetResolver.contentTypeCharset("text/html ;  CHARSET = \"UTF-8\" ; q=1"));
  }

  @Test
  void unknownMetaLabelIsPassedOverForTheNextMeta() {
    byte[] head =
        ("<head><meta name=viewport content=\"width=device-width\"><meta charset = \"x-one\">"
                + "<meta http-equiv='Content-Type' content='text/html; charset = \"Big5\"'></head>")
            .getBytes(ISO_8859_1);

    MetaPrescan.Result r = MetaPrescan.prescan(head);
    assertEquals(java.util.Optional.of(WebEncoding.BIG5), r.encoding());
    assertEquals("big5", r.label());
    assertEquals(List.of("x-one"), r.ignoredLabels());
  }

  @Test
  void utf8WithARealReplacementCharacterDecodes() throws DecodeException {
    String page = "<p>\uFFFD marks a character that was lost</p>";

    DecodedText decoded = resolver.decode(page.getBytes(UTF_8), "text/html; charset=utf-8");

    assertEquals(new DecodedText(page, "UTF-8", Origin.HTTP_HEADER, List.of()), decoded);
  }

  @Test
  void invalidUtf8AfterARealReplacementCharacterIsReportedAtItsByte() {
    byte[] body = concat("<p>\uFFFD".getBytes(UTF_8), new byte[] {(byte) 0xC3, 0x28});

    DecodeException e =
        assertThrows(
            DecodeException.class, () -> resolver.decode(body, "text/html; charset=utf-8"));

    assertEquals("invalid UTF-8 at byte 6 (charset from http-header)", e.getMessage());
  }

  /** The fast UTF-8 path must accept and reject exactly what a strict CharsetDecoder does. */
  @Test
  void utf8AgreesWithAStrictDecoderOnMixedValidAndInvalidBytes() throws DecodeException {
    byte[][] pieces = {
      "abc ".getBytes(UTF_8), "\u00e9".getBytes(UTF_8), "\u20ac".getBytes(UTF_8),
      "\uFFFD".getBytes(UTF_8), "\ud83d\ude00".getBytes(UTF_8), "\uffff".getBytes(UTF_8),
      {(byte) 0xC0, (byte) 0x80}, {(byte) 0xE0, (byte) 0x80, (byte) 0x80},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0x80},
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xF5}, {(byte) 0xFF},
      {(byte) 0x80}, {(byte) 0xC3}, {(byte) 0xE2, (byte) 0x82},
      {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}
    };
    Random random = new Random(5);
    for (int i = 0; i < 20_000; i++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes("<p>".getBytes(UTF_8));
      int count = random.nextInt(8);
      for (int j = 0; j < count; j++) {
        if (random.nextInt(4) == 0) {
          out.write(random.nextInt(256));
        } else {
          out.writeBytes(pieces[random.nextInt(pieces.length)]);
        }
      }
      byte[] body = out.toByteArray();

      CharsetDecoder strict =
          UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      ByteBuffer in = ByteBuffer.wrap(body);
      CharBuffer chars = CharBuffer.allocate(body.length + 1);
      CoderResult result = strict.decode(in, chars, true);
      if (result.isError()) {
        int offset = in.position();
        DecodeException e =
            assertThrows(
                DecodeException.class, () -> resolver.decode(body, "text/html; charset=utf-8"));
        assertEquals(OptionalLong.of(offset), e.byteOffset());
      } else {
        strict.flush(chars);
        String expected = chars.flip().toString();
        assertEquals(expected, resolver.decode(body, "text/html; charset=utf-8").text());
      }
    }
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** The page the issue reported: windows-1252 declared in the HTTP header and in a meta. */
  @Test
  void windows1252DeclaredInHeaderAndMetaGivesEveryCharacter() throws DecodeException {
    String page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
        + "</head><body><p>Caf\u00e9 au lait for 3 \u20ac \u2014 a na\u00efve \u201cbargain\u201d, isn\u2019t it?</p></body></html>";
    byte[] body = page.getBytes(WINDOWS_1252);
    assertEquals(0x80, body[page.indexOf('\u20ac')] & 0xff);
    assertEquals(0x93, body[page.indexOf('\u201c')] & 0xff);

    assertEquals(new DecodedText(page, "windows-1252", Origin.HTTP_HEADER, List.of()),
        resolver.decode(body, "text/html; charset=windows-1252"));
    assertEquals(new DecodedText(page, "windows-1252", Origin.HTTP_HEADER, List.of()),
        resolver.decode(body, "text/html; charset=\"ISO-8859-1\""));
    assertEquals(new DecodedText(page, "windows-1252", Origin.META, List.of()), resolver.decode(body, "text/html"));
  }

  @Test
  void precedenceBomThenHeaderThenMetaThenDetection() throws DecodeException {
    String text = "<meta charset=koi8-r><p>\u00e9t\u00e9</p>";
    // a UTF-16BE BOM beats a header and a meta that say otherwise
    byte[] utf16 = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(UTF_16BE));
    assertEquals(new DecodedText(text, "UTF-16BE", Origin.BOM, List.of()), resolver.decode(utf16, "text/html; charset=utf-8"));
    // the header beats the meta
    byte[] utf8 = text.getBytes(UTF_8);
    assertEquals(new DecodedText(text, "UTF-8", Origin.HTTP_HEADER, List.of()), resolver.decode(utf8, "text/html; charset=utf8"));
    // the header's utf-16 is UTF-16LE (no override there, unlike a meta's)
    byte[] le = text.getBytes(UTF_16LE);
    assertEquals(new DecodedText(text, "UTF-16LE", Origin.HTTP_HEADER, List.of()), resolver.decode(le, "text/html; charset=utf-16"));
    // without a header charset the meta decides, even against valid UTF-8
    assertEquals(new DecodedText(new String(utf8, Charset.forName("KOI8-R")), "KOI8-R", Origin.META, List.of()),
        resolver.decode(utf8, "text/html"));
    // an unknown header label falls to the meta; a replacement label in the header stops there
    assertEquals(Origin.META, resolver.decode(utf8, "text/html; charset=x-unknown").origin());
    assertEquals(Reason.REPLACEMENT_ENCODING,
        assertThrows(DecodeException.class, () -> resolver.decode(utf8, "text/html; charset=iso-2022-kr")).reason());
    // nothing declared: detection
    byte[] plain = "<p>\u00e9t\u00e9</p>".getBytes(UTF_8);
    assertEquals(new DecodedText("<p>\u00e9t\u00e9</p>", "UTF-8", Origin.DETECTED, List.of()), resolver.decode(plain, null));
  }
}
