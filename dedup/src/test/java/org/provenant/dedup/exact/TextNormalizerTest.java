package org.provenant.dedup.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {
  private static final TextNormalizer DEFAULTS = TextNormalizer.defaults();

  @Test
  void defaultsApplyNfkcAndCollapseWhitespace() {
    // ligature fi, full-width letters, non-breaking space, tabs and newlines
    assertEquals(
        "fine Hello world", DEFAULTS.normalize(" \uFB01ne  \uFF28\uFF45\uFF4C\uFF4C\uFF4F\u00A0world \t\n"));
    assertEquals("", DEFAULTS.normalize(" \n\t "));
    assertEquals("Don't, stop!", DEFAULTS.normalize("Don't,   stop!"));
  }

  @Test
  void defaultValuesAreDocumented() {
    assertEquals(Normalizer.Form.NFKC, DEFAULTS.unicodeForm().orElseThrow());
    assertEquals(false, DEFAULTS.lowercase());
    assertEquals(true, DEFAULTS.collapseWhitespace());
    assertEquals(false, DEFAULTS.stripPunctuation());
  }

  @Test
  void lowercaseUsesRootLocale() {
    assertEquals("abc déjà vu", DEFAULTS.withLowercase(true).normalize("ABC Déjà  VU"));
  }

  @Test
  void stripPunctuationDeletesUnicodePunctuationAndKeepsSymbols() {
    TextNormalizer n = DEFAULTS.withStripPunctuation(true);
    assertEquals("Hello world Dont ok", n.normalize("Hello, world! \u00ABDon't\u00BB \u2014 ok."));
    assertEquals("$5 + 3 = 8", n.normalize("$5 + 3 = 8"));
    assertEquals("snake_case", DEFAULTS.normalize("snake_case"));
    assertEquals("snakecase", n.normalize("snake_case"));
  }

  @Test
  void stepsCanBeSwitchedOff() {
    TextNormalizer raw = DEFAULTS.withoutUnicodeNormalization().withCollapseWhitespace(false);
    assertEquals(" \uFB01  a\u00A0", raw.normalize(" \uFB01  a\u00A0"));
    // without NFKC, whitespace collapse still treats the no-break space as a space
    assertEquals("\uFB01 a", DEFAULTS.withoutUnicodeNormalization().normalize(" \uFB01  a\u00A0"));
    assertEquals("e\u0301", DEFAULTS.withUnicodeForm(Normalizer.Form.NFD).normalize("\u00E9"));
  }

  @Test
  void callOrderDoesNotMatter() {
    assertEquals(
        DEFAULTS.withLowercase(true).withStripPunctuation(true),
        DEFAULTS.withStripPunctuation(true).withLowercase(true));
  }

  @Test
  void nullFormIsRejectedNamingTheSetting() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> DEFAULTS.withUnicodeForm(null));
    assertTrue(e.getMessage().contains("unicodeForm"), e.getMessage());
  }
}
