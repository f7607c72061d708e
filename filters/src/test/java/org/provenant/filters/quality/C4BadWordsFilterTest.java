package org.provenant.filters.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class C4BadWordsFilterTest {

  @Test
  void englishListDropsOnAWholeWordOnly() {
    C4BadWordsFilter f = C4BadWordsFilter.english();
    assertEquals("classpath:/org/provenant/filters/quality/badwords/en.txt", f.source());
    assertEquals(49, f.words().size());
    QualityVerdict<C4BadWordsFilter.Statistics> v = f.check("What the FUCK is this?");
    assertEquals(Optional.of("document_removed_with_badwords"), v.dropReason());
    assertEquals("badword=fuck at=9", v.detail());
    assertEquals(new C4BadWordsFilter.Statistics(Optional.of("fuck"), 9, false), v.statistics());
    assertTrue(f.check("Scunthorpe United played in Essex; a classic assignment.").kept());
    assertEquals("badwords=0", f.check("A clean sentence.").detail());
    assertFalse(f.check("porn.").kept());
    assertFalse(f.check("(porn)").kept());
  }

  @Test
  void listFileIsConfigurable(@TempDir Path dir) throws IOException {
    Path list = dir.resolve("words.txt");
    Files.writeString(list, "# a comment\n\n  Spam Phrase  \nab\n", StandardCharsets.UTF_8);
    C4BadWordsFilter f = C4BadWordsFilter.fromFile(list);
    assertEquals(List.of("ab", "spam phrase"), f.words().asList());
    assertEquals("badword=spam phrase at=11", f.check("This has a SPAM PHRASE in it.").detail());
    assertTrue(f.check("xxabxx").kept());
    assertEquals("badword=ab at=2", f.withWordBoundaries(false).check("xxabxx").detail());
  }

  @Test
  void keepFractionIsDeterministic() {
    C4BadWordsFilter half = C4BadWordsFilter.english().withKeepFraction(0.5).withSeed(7);
    int kept = 0;
    for (int i = 0; i < 400; i++) {
      String text = "document " + i + " says fuck";
      boolean first = half.check(text).kept();
      assertEquals(first, half.check(text).kept());
      if (first) {
        kept++;
        assertTrue(half.check(text).statistics().keptAnyway());
      }
    }
    assertTrue(kept > 150 && kept < 250, "kept " + kept + " of 400");
    assertTrue(C4BadWordsFilter.english().withKeepFraction(1).check("fuck").kept());
  }

  @Test
  void rejectsBadListsAndSettings(@TempDir Path dir) throws IOException {
    Path empty = dir.resolve("empty.txt");
    Files.writeString(empty, "# nothing\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> C4BadWordsFilter.fromFile(empty));
    assertEquals("words: the list from " + empty + " is empty", e.getMessage());
    assertEquals(
        "resource: no bad-words list on the classpath at /nope.txt",
        assertThrows(IllegalArgumentException.class, () -> C4BadWordsFilter.fromResource("/nope.txt"))
            .getMessage());
    assertEquals(
        "keepFraction must be in [0, 1]: 1.5",
        assertThrows(IllegalArgumentException.class, () -> C4BadWordsFilter.english().withKeepFraction(1.5))
            .getMessage());
  }
}
