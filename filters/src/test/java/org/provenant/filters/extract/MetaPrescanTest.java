package org.provenant.filters.extract;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The HTML Standard's prescan, case by case. */
class MetaPrescanTest {
  private static MetaPrescan.Result scan(String head) {
    return MetaPrescan.prescan(head.getBytes(ISO_8859_1));
  }

  private static Optional<WebEncoding> encoding(String head) {
    return scan(head).encoding();
  }

  @Test
  void metaCharsetAndHttpEquivContent() {
    assertEquals(Optional.of(WebEncoding.WINDOWS_1251), encoding("<html><head><meta charset=\"windows-1251\">"));
    assertEquals(Optional.of(WebEncoding.KOI8_R), encoding("<META CHARSET=KOI8-R>"));
    assertEquals(Optional.of(WebEncoding.KOI8_R), encoding("<meta/charset='koi8-r'/>"));
    assertEquals(Optional.of(WebEncoding.SHIFT_JIS),
        encoding("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">"));
    // content before http-equiv on the same element counts too
    assertEquals(Optional.of(WebEncoding.EUC_JP), encoding("<meta content='text/html;charset = \"euc-jp\"' http-equiv=content-type>"));
    assertEquals("euc-jp", scan("<meta content='text/html;charset = \"euc-jp\"' http-equiv=content-type>").label());
  }

  @Test
  void contentWithoutTheContentTypePragmaDeclaresNothing() {
    assertEquals(Optional.empty(), encoding("<meta name=description content=\"charset=koi8-r\">"));
    assertEquals(Optional.empty(), encoding("<meta http-equiv=refresh content=\"0; charset=koi8-r\">"));
  }

  @Test
  void commentsAndOtherTagsAttributesAreSkipped() {
    assertEquals(Optional.of(WebEncoding.UTF_8), encoding("<!-- <meta charset=koi8-r> --><meta charset=utf-8>"));
    // "<!-->" ends a comment at once: the dashes of "<!--" count
    assertEquals(Optional.of(WebEncoding.KOI8_R), encoding("<!--><meta charset=koi8-r>-->"));
    assertEquals(Optional.of(WebEncoding.UTF_8), encoding("<a title=\"<meta charset=koi8-r>\"><meta charset=utf-8>"));
    assertEquals(Optional.of(WebEncoding.UTF_8), encoding("<!doctype html <meta charset=koi8-r>><meta charset=utf-8>"));
    assertEquals(Optional.of(WebEncoding.UTF_8), encoding("<?xml version='1.0' <meta charset=koi8-r>?><meta charset=utf-8>"));
    // <metadata> is not <meta
    assertEquals(Optional.of(WebEncoding.UTF_8), encoding("<metadata charset=koi8-r><meta charset=utf-8>"));
    // an unclosed comment hides the rest
    assertEquals(Optional.empty(), encoding("<!-- <meta charset=utf-8>"));
  }

  @Test
  void firstDuplicateAttributeWinsAndCharsetBeatsContent() {
    assertEquals(Optional.of(WebEncoding.KOI8_R), encoding("<meta charset=koi8-r charset=utf-8>"));
    assertEquals(Optional.of(WebEncoding.UTF_8),
        encoding("<meta http-equiv=content-type content='text/html; charset=koi8-r' charset=utf-8>"));
  }

  @Test
  void unknownLabelsArePassedOverAndListed() {
    MetaPrescan.Result r = scan("<meta charset=x-klingon><meta http-equiv=content-type content='charset=\"no-such\"'><meta charset=big5>");
    assertEquals(Optional.of(WebEncoding.BIG5), r.encoding());
    assertEquals(List.of("x-klingon", "no-such"), r.ignoredLabels());
    MetaPrescan.Result none = scan("<meta charset=x-klingon><p>");
    assertEquals(Optional.empty(), none.encoding());
    assertNull(none.label());
    assertEquals(List.of("x-klingon"), none.ignoredLabels());
  }

  @Test
  void utf16AndUserDefinedDeclaredInMetaAreOverridden() {
    assertEquals(Optional.of(WebEncoding.UTF_8), encoding("<meta charset=utf-16>"));
    assertEquals(Optional.of(WebEncoding.UTF_8), encoding("<meta charset=utf-16be>"));
    assertEquals(Optional.of(WebEncoding.WINDOWS_1252), encoding("<meta charset=x-user-defined>"));
    assertEquals(Optional.of(WebEncoding.REPLACEMENT), encoding("<meta charset=hz-gb-2312>"));
  }

  @Test
  void onlyTheFirst1024BytesAreScanned() {
    String tag = "<meta charset=koi8-r>";
    String pad = "<p>" + "a".repeat(1024 - 3 - tag.length()) ;
    assertEquals(1024, (pad + tag).length());
    assertEquals(Optional.of(WebEncoding.KOI8_R), encoding(pad + tag + "<p>more"));
    // one byte more and the tag's '>' falls outside
    assertEquals(Optional.empty(), encoding("b" + pad + tag));
  }

  @Test
  void charsetInContentFollowsTheStandard() {
    assertEquals("utf-8", MetaPrescan.charsetInContent("text/html; charset=utf-8"));
    assertEquals("utf-8", MetaPrescan.charsetInContent("text/html; charset=utf-8; q=1"));
    assertEquals("utf-8", MetaPrescan.charsetInContent("charsetcharset=utf-8"));
    assertEquals("x", MetaPrescan.charsetInContent("charset x; charset = 'x'"));
    assertNull(MetaPrescan.charsetInContent("charset='utf-8"));
    assertNull(MetaPrescan.charsetInContent("charset= "));
    assertNull(MetaPrescan.charsetInContent("text/html"));
  }
}
