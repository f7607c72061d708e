package org.provenant.filters.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.provenant.filters.step.Outcome;
import org.provenant.schemas.Document;
import org.provenant.schemas.Kind;
import org.provenant.schemas.LineageEntry;
import org.provenant.schemas.Rejection;
import org.provenant.schemas.Source;
import org.junit.jupiter.api.Test;

class LanguageFilterTest {
  private static final String GERMAN =
      "Der Stadtrat traf sich am Dienstagabend, um über den neuen Haushalt für die öffentlichen"
          + " Bibliotheken zu sprechen, und nach einer langen Debatte wurde beschlossen, alle"
          + " Zweigstellen geöffnet zu lassen.";
  private static final String CHINESE =
      "市议会周二晚上开会讨论公共图书馆的新预算，经过长时间的辩论，议员们同意在夏季的周末保持所有分馆开放。";

  private static Document doc(String text) {
    return Document.of("d", text, Kind.WEB, Source.builder("in.warc.gz", 0).build(), List.of());
  }

  @Test
  void keepsAnAllowedLanguageWithTheGuessInTheLineage() {
    LanguageFilter f = LanguageFilter.builder().allow("en", "deu").build();
    Outcome.Kept kept = assertInstanceOf(Outcome.Kept.class, f.apply(doc(LanguageIdentifierTest.ENGLISH)));
    assertEquals(List.of(new LineageEntry("language@1", "ok", "eng 0.3657")), kept.document().lineage());
    assertInstanceOf(Outcome.Kept.class, f.apply(doc(GERMAN)));
  }

  @Test
  void rejectsALanguageNotAllowed() {
    LanguageFilter f = LanguageFilter.builder().allow("en").build();
    Rejection r = assertInstanceOf(Outcome.Rejected.class, f.apply(doc(GERMAN))).rejection();
    assertEquals("language@1", r.step());
    assertEquals("language_not_allowed", r.reason());
    assertEquals("deu 0.6196", r.detail());
  }

  @Test
  void twoLetterCodesAllowTheirIndividualLanguages() {
    LanguageVerdict v = LanguageFilter.builder().allow("ZH").build().check(CHINESE);
    assertEquals(Optional.empty(), v.dropReason());
    assertEquals("cmn", v.guess().code());
    assertEquals("cmn 0.0311", v.detail());
  }

  @Test
  void rejectsALowScoreBeforeLookingAtTheAllowList() {
    LanguageVerdict noise = LanguageFilter.create().check("asdf qwer zxcv 1234 !!!");
    assertEquals(Optional.of("language_low_score"), noise.dropReason());
    assertEquals("jpn 0.0139 < 0.02", noise.detail());
    LanguageVerdict empty = LanguageFilter.builder().allow("en").build().check("");
    assertEquals(Optional.of("language_low_score"), empty.dropReason());
    assertEquals("und 0 < 0.02", empty.detail());
    assertEquals(
        Optional.of("language_low_score"),
        LanguageFilter.builder().minScore(0.5).build().check(LanguageIdentifierTest.ENGLISH).dropReason());
  }

  @Test
  void noAllowListAndNoMinimumKeepsEverything() {
    LanguageFilter all = LanguageFilter.builder().minScore(0).build();
    assertEquals(Optional.empty(), all.check("").dropReason());
    assertEquals(Optional.empty(), all.check(CHINESE).dropReason());
  }

  @Test
  void rejectsBadSettingsNamingThem() {
    assertEquals(
        "allowedLanguages: the model knows no language 'xx'",
        assertThrows(IllegalArgumentException.class, () -> LanguageFilter.builder().allow("en", "xx"))
            .getMessage());
    assertEquals(
        "minScore must be in [0, 1]: 2.0",
        assertThrows(IllegalArgumentException.class, () -> LanguageFilter.builder().minScore(2)).getMessage());
  }
}
