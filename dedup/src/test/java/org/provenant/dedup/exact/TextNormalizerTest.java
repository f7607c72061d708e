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

  /** The definition, one code point at a time, without the ASCII fast path. */
  private static String reference(String s, boolean collapse, boolean strip) {
    StringBuilder out = new StringBuilder();
    boolean pending = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      boolean punct = type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
          || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
          || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
          || type == Character.OTHER_PUNCTUATION;
      if (strip && punct) {
        continue;
      }
      if (collapse && (Character.isWhitespace(cp) || Character.isSpaceChar(cp))) {
        pending = out.length() > 0;
        continue;
      }
      if (pending) {
        out.append(' ');
        pending = false;
      }
      out.appendCodePoint(cp);
    }
    return out.toString();
  }

  @Test
  void asciiFastPathGivesTheCodePointDefinition() {
    java.util.Random r = new java.util.Random(7);
    String[] pool = {"\u00A0", "\u2003", "\u2028", "\u3000", "\u00AB", "\u2014", "\u2019", "\u00E9", "\uD83D\uDE00", "\uD800", "\uDC00"};
    for (boolean collapse : new boolean[] {true, false}) {
      for (boolean strip : new boolean[] {true, false}) {
        TextNormalizer n = TextNormalizer.defaults().withoutUnicodeNormalization().withCollapseWhitespace(collapse).withStripPunctuation(strip);
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 128; c++) {
          all.append(c).append('x');
        }
        assertEquals(reference(all.toString(), collapse, strip), n.normalize(all.toString()));
        for (int t = 0; t < 500; t++) {
          StringBuilder b = new StringBuilder();
          for (int k = r.nextInt(40); k > 0; k--) {
            if (r.nextInt(4) == 0) {
              b.append(pool[r.nextInt(pool.length)]);
            } else {
              b.append((char) r.nextInt(128));
            }
          }
          assertEquals(reference(b.toString(), collapse, strip), n.normalize(b.toString()), b.toString());
        }
      }
    }
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
