package org.provenant.filters.license;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StablePatternTest {
  @Test
  void onlyWordBoundariesOutsideClassesAndQuotesAreWrittenOut() {
    assertEquals(StablePattern.BOUNDARY + "MIT" + StablePattern.BOUNDARY, StablePattern.rewrite("\\bMIT\\b"));
    assertEquals("a" + StablePattern.NOT_BOUNDARY + "b", StablePattern.rewrite("a\\Bb"));
    // an escaped backslash before a 'b', a quote, and a class are left as they are
    assertEquals("\\\\b", StablePattern.rewrite("\\\\b"));
    assertEquals("\\Q\\b\\E", StablePattern.rewrite("\\Q\\b\\E"));
    assertEquals("[\\d\\s]+\\d", StablePattern.rewrite("[\\d\\s]+\\d"));
  }

  /** The answers that differ between JDK 17 and JDK 19+ with a plain \b: JDK 17's, on any JDK. */
  @Test
  void aLetterOfAnyScriptIsAWordChar() {
    Pattern mit = StablePattern.compile("\\bMIT\\b", Pattern.CASE_INSENSITIVE);
    assertFalse(mit.matcher("本项目使用MIT许可").find());
    assertTrue(mit.matcher("本项目使用 MIT 许可").find());
    assertFalse(mit.matcher("éMIT").find());
    assertFalse(mit.matcher("MIT\u0661").find()); // an Arabic-Indic digit
    assertFalse(mit.matcher("MIT_").find());
    assertTrue(mit.matcher("(MIT)").find());
    assertTrue(mit.matcher("MIT").find());
    assertFalse(mit.matcher("SUBMIT").find());
    assertTrue(StablePattern.compile("a\\Bé").matcher("aé").find());
  }

  /** Where the JDK's \b is JDK 17's, the rewritten pattern finds exactly what the plain one finds. */
  @Test
  void findsWhatJdk17sBoundaryFinds() {
    org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() < 19, "JDK 19 and later read \\b as ASCII only");
    String[] pieces = {"mit", "MIT", "gpl", " ", "-", "(", ")", "_", "1", "\u0661", "é", "中", "ß", "e\u0301", ".", "\n", "v2", "or"};
    String[] regexes = {"\\bmit\\b", "\\bgpl", "\\bor\\b", "\\bv(\\d)", "mit\\B", "\\B\\d"};
    Random random = new Random(5);
    for (String regex : regexes) {
      Pattern plain = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
      Pattern stable = StablePattern.compile(regex, Pattern.CASE_INSENSITIVE);
      for (int t = 0; t < 5_000; t++) {
        StringBuilder b = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
          b.append(pieces[random.nextInt(pieces.length)]);
        }
        String text = b.toString();
        assertEquals(matches(plain, text), matches(stable, text), () -> regex + " on [" + text + "]");
      }
    }
  }

  private static List<String> matches(Pattern p, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      found.add(m.start() + "-" + m.end());
    }
    return found;
  }
}
