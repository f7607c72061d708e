package org.provenant.filters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.provenant.schemas.Evidence;
import org.provenant.schemas.License;

class CreativeCommonsDetectorTest {
  private final CreativeCommonsDetector detector = new CreativeCommonsDetector();

  private License detect(String html) {
    return detector.detect(Jsoup.parse(html, "https://example.org/page"));
  }

  @ParameterizedTest
  @CsvSource({
    "https://creativecommons.org/licenses/by/4.0/, CC-BY-4.0",
    "http://creativecommons.org/licenses/by-sa/3.0/, CC-BY-SA-3.0",
    "//creativecommons.org/licenses/by-nc-sa/2.5/deed.en, CC-BY-NC-SA-2.5",
    "https://creativecommons.org/licenses/by-nc-nd/4.0/legalcode, CC-BY-NC-ND-4.0",
    "https://www.creativecommons.org/licenses/by-nd/2.0/, CC-BY-ND-2.0",
    "https://creativecommons.org/licenses/by-nc/1.0, CC-BY-NC-1.0",
    "https://creativecommons.org/licenses/by/3.0/de/, CC-BY-3.0-DE",
    "https://creativecommons.org/licenses/by-sa/3.0/igo/, CC-BY-SA-3.0-IGO",
    "https://creativecommons.org/licenses/by-sa/2.5/es/, LicenseRef-CC-BY-SA-2.5-ES",
    "https://creativecommons.org/licenses/by/, LicenseRef-CC-BY-unversioned",
    "https://creativecommons.org/publicdomain/zero/1.0/, CC0-1.0",
    "https://creativecommons.org/publicdomain/mark/1.0/, CC-PDM-1.0",
    "HTTPS://CreativeCommons.org/licenses/BY-SA/4.0/?ref=chooser, CC-BY-SA-4.0",
  })
  void readsLicenceUrls(String url, String spdx) {
    assertEquals(Optional.of(spdx), CcLicenseUrl.spdxOf(url));
  }

  @Test
  void otherUrlsAreNotLicences() {
    assertEquals(Optional.empty(), CcLicenseUrl.spdxOf("https://creativecommons.org/about/"));
    assertEquals(Optional.empty(), CcLicenseUrl.spdxOf("https://opensource.org/licenses/MIT"));
    assertEquals(Optional.empty(), CcLicenseUrl.spdxOf("https://evil.example/creativecommons.org/licenses/by/4.0/"));
  }

  @ParameterizedTest
  @CsvSource({
    "'Licensed CC BY-SA 4.0', CC-BY-SA-4.0",
    "'cc-by-nc 3.0', CC-BY-NC-3.0",
    "'CC0', CC0-1.0",
    "'CC BY', LicenseRef-CC-BY-unversioned",
  })
  void readsShortNames(String text, String spdx) {
    assertEquals(Optional.of(spdx), CcLicenseUrl.spdxOfName(text));
  }

  @Test
  void relLicenseInHeadAndFooterAgree() {
    License l = detect("<html><head><link rel='license' href='https://creativecommons.org/licenses/by-sa/4.0/'></head>"
        + "<body><p>Text.</p><footer>Content is available under "
        + "<a href='https://creativecommons.org/licenses/by-sa/4.0/'>CC BY-SA 4.0</a>.</footer></body></html>");
    assertEquals("CC-BY-SA-4.0", l.spdx());
    assertFalse(l.conflict());
    assertEquals(List.of(
        new Evidence("rel_license", "head", "https://creativecommons.org/licenses/by-sa/4.0/", "CC-BY-SA-4.0", 1.0),
        new Evidence("cc_link", "footer", "https://creativecommons.org/licenses/by-sa/4.0/", "CC-BY-SA-4.0", 0.8)),
        l.evidence());
  }

  @Test
  void aLinkInRunningTextIsAMentionNotADeclaration() {
    License l = detect("<html><body><article><p>Wikipedia uses "
        + "<a href='https://creativecommons.org/licenses/by-sa/3.0/'>CC BY-SA</a> for its text.</p></article></body></html>");
    assertNull(l.spdx());
    assertFalse(l.conflict());
    assertEquals(List.of(new Evidence("cc_link", "body", "https://creativecommons.org/licenses/by-sa/3.0/", "CC-BY-SA-3.0", 0.3)), l.evidence());
  }

  @Test
  void creditsInAnArticlesFooterOrAFigureAreMentions() {
    License l = detect("<html><body><main><article><p>Teaser.</p><footer><span class='attribution'>Photo by X, "
        + "<a href='https://creativecommons.org/licenses/by-nc-sa/4.0/'>CC BY-NC-SA 4.0</a></span></footer></article>"
        + "<figure><img src='a.jpg'><figcaption><a href='https://creativecommons.org/licenses/by/2.0/'>CC BY 2.0</a>"
        + "</figcaption></figure></main>"
        + "<footer class='site-footer'><p>Except where otherwise noted, content is licensed under "
        + "<a href='https://creativecommons.org/licenses/by/4.0/'>CC BY 4.0</a>.</p></footer></body></html>");
    assertEquals("CC-BY-4.0", l.spdx());
    assertFalse(l.conflict());
    assertEquals(List.of("body 0.3", "body 0.3", "footer 0.8"),
        l.evidence().stream().map(e -> e.location() + " " + e.confidence()).toList());
  }

  @Test
  void relLicenseAnchorInBodyDeclares() {
    License l = detect("<body><p>This work is licensed under <a rel='license' href='/licenses/local'>our terms</a> and "
        + "<a rel='license' href='http://creativecommons.org/licenses/by/4.0/'>CC BY 4.0</a></p></body>");
    assertEquals("CC-BY-4.0", l.spdx());
    assertEquals(new Evidence("rel_license", "body", "https://example.org/licenses/local", null, null), l.evidence().get(0));
  }

  @Test
  void jsonLdMetaAndMicrodata() {
    License l = detect("<html><head>"
        + "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@type\":\"Article\","
        + "\"license\":{\"@id\":\"https://creativecommons.org/publicdomain/zero/1.0/\"}}</script>"
        + "<meta name='license' content='CC0 1.0'>"
        + "<meta property='og:license' content='https://creativecommons.org/publicdomain/zero/1.0/'>"
        + "</head><body><span itemprop='license'>CC0</span></body></html>");
    assertEquals("CC0-1.0", l.spdx());
    assertEquals(List.of("meta_license", "og_license", "microdata_license", "json_ld_license"),
        l.evidence().stream().map(Evidence::kind).toList());
    assertEquals("json-ld", l.evidence().get(3).location());
  }

  @Test
  void disagreeingDeclarationsAreAConflict() {
    License l = detect("<html><head><link rel='license' href='https://creativecommons.org/licenses/by/4.0/'>"
        + "<script type='application/ld+json'>[{\"license\":\"https://creativecommons.org/licenses/by-nc/4.0/\"}]</script>"
        + "</head><body><div id='site-footer'><a href='https://creativecommons.org/licenses/by-nc/4.0/'>x</a></div></body></html>");
    assertNull(l.spdx());
    assertTrue(l.conflict());
    assertEquals(3, l.evidence().size());
  }

  @Test
  void brokenJsonLdAndNoStatementsGiveUnknown() {
    assertEquals(License.UNKNOWN, detect("<html><head><script type='application/ld+json'>{\"license\": </script>"
        + "<meta name='copyright' content='(c) 2024 Example Ltd'></head><body>hello</body></html>"));
  }

  @Test
  void evidenceIsCapped() {
    StringBuilder b = new StringBuilder("<body>");
    for (int i = 0; i < 100; i++) {
      b.append("<p><a href='https://creativecommons.org/licenses/by/4.0/?i=").append(i).append("'>x</a></p>");
    }
    License l = detect(b.toString());
    assertEquals(CreativeCommonsDetector.MAX_EVIDENCE, l.evidence().size());
    assertNull(l.spdx());
  }
}
