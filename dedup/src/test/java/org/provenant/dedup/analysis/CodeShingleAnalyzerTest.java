package org.provenant.dedup.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CodeShingleAnalyzerTest {
  private final CodeShingleAnalyzer analyzer = new CodeShingleAnalyzer();

  @Test
  void fiveTokenShingles() {
    assertEquals(
        List.of("int x = a ->|shingle|0-11", "x = a -> b|shingle|4-12", "= a -> b ;|shingle|6-13"),
        Tokens.of(analyzer, "int x = a->b;").stream().map(Tokens.Tok::toString).toList());
  }

  @Test
  void shortCodeIsOneShingle() {
    assertEquals(List.of("x = 1"), Shingles.texts(analyzer, "x = 1"));
    assertEquals(List.of(), Shingles.texts(analyzer, " \n\t"));
  }

  @Test
  void caseIsKeptAndLayoutIgnored() {
    assertEquals(
        Shingles.texts(analyzer, "if(a){return b;}"),
        Shingles.texts(analyzer, "if (a) {\n    return b;\n}\n"));
    assertEquals(List.of("Foo"), Shingles.texts(analyzer, "Foo"));
  }

  @Test
  void rejectsBadSettings() {
    assertEquals("shingleSize must be in [1, 32]: 40",
        assertThrows(IllegalArgumentException.class, () -> new CodeShingleAnalyzer(40, 255))
            .getMessage());
    assertEquals("maxTokenLength must be in [1, 1048576]: -1",
        assertThrows(IllegalArgumentException.class, () -> new CodeShingleAnalyzer(5, -1))
            .getMessage());
  }
}
