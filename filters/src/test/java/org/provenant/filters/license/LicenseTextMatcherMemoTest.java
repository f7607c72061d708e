package org.provenant.filters.license;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.provenant.filters.license.bench.LicenseAgreement;
import org.provenant.filters.license.bench.LicenseTexts;

/** The memo changes time, never answers: memoised and plain matchers agree on every text. */
class LicenseTextMatcherMemoTest {
  private static final LicenseTextMatcher PLAIN = LicenseTextMatcher.shared().withMemoSize(0);

  private static Map<String, String> texts() {
    Map<String, String> texts = new LinkedHashMap<>(LicenseTexts.spdx());
    // Every 8th of licensecheck's fixtures (all of them take minutes twice over; LicenseAnswers
    // --memo checks the whole fixture sets); licensee's include CC 4.0 texts in Markdown whose
    // template compare alone takes minutes.
    LicenseAgreement.findCorpora().ifPresent(c -> {
      int[] i = {0};
      LicenseTexts.files(c.resolve("google-licensecheck"), "licensecheck:").forEach((name, text) -> {
        if (i[0]++ % 8 == 0) {
          texts.put(name, text);
        }
      });
    });
    for (String r : List.of("MIT.txt", "BSD-3-Clause.txt", "almost-licence.txt")) {
      texts.put("resource:" + r, Fixtures.resource(r));
    }
    texts.put("html:mit", "<html><body><p>" + Fixtures.resource("MIT.txt") + "</p></body></html>");
    return texts;
  }

  @Test
  void memoisedAnswersEqualPlainAnswersOnEveryTextInAnyOrder() {
    Map<String, String> texts = texts();
    Map<String, List<LicenseMatch>> plain = new LinkedHashMap<>();
    texts.forEach((name, text) -> plain.put(name, PLAIN.match(text)));

    // Texts in shuffled order, each twice: the second time is a hit unless the memo evicted it
    // (a memo of 400 for about 880 texts: hits, misses and evictions all happen).
    LicenseTextMatcher memo = LicenseTextMatcher.shared().withMemoSize(400);
    List<String> names = new ArrayList<>(texts.keySet());
    names.addAll(texts.keySet());
    Collections.shuffle(names, new Random(7));
    for (String name : names) {
      assertEquals(plain.get(name), memo.match(texts.get(name)), name);
    }
  }

  @Test
  void aRepeatedTextIsAnsweredFromTheMemo() {
    LicenseTextMatcher memo = LicenseTextMatcher.shared().withMemoSize(10);
    String mit = Fixtures.resource("MIT.txt");
    List<LicenseMatch> first = memo.match(mit);
    assertEquals(List.of(new LicenseMatch("MIT", 1.0, LicenseMatch.SPDX_COMPARE)), first);
    assertSame(first, memo.match(new String(mit.toCharArray())));
    assertEquals(first, PLAIN.match(mit));
  }

  @Test
  void memoSizeIsChecked() {
    assertEquals(LicenseTextMatcher.DEFAULT_MEMO_SIZE, LicenseTextMatcher.shared().memoSize());
    assertEquals(0, PLAIN.memoSize());
    assertThrows(IllegalArgumentException.class, () -> LicenseTextMatcher.shared().withMemoSize(-1));
  }
}
