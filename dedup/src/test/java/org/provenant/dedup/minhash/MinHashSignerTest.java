package org.provenant.dedup.minhash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.provenant.dedup.analysis.Shingles;
import org.provenant.schemas.Document;
import org.provenant.schemas.Kind;
import org.provenant.schemas.Source;

class MinHashSignerTest {
  private static final String FOX = "The quick brown fox jumps over the lazy dog.";
  private final MinHashSigner signer = SignatureSettings.defaults().newSigner();

  @AfterEach
  void close() {
    signer.close();
  }

  @Test
  void pinnedTextAndCodeSignatures() {
    MinHashSignature text = signer.sign(Kind.TEXT, FOX);
    assertEquals(128, text.length());
    assertEquals(MinHashScheme.ONE_PERMUTATION, text.scheme());
    assertEquals("[939540340, 421386877, 939540340, 421386877]", java.util.Arrays.toString(java.util.Arrays.copyOf(text.values(), 4)));
    MinHashSignature code = signer.sign(Kind.CODE, "int x = a->b;");
    assertEquals("[364182652, 1856485498]", java.util.Arrays.toString(java.util.Arrays.copyOf(code.values(), 2)));
  }

  @Test
  void sameSignatureFromAnotherSignerAndFromTheShingleFilterChain() {
    try (MinHashSigner other = SignatureSettings.defaults().newSigner()) {
      assertEquals(signer.sign(Kind.TEXT, FOX), other.sign(Kind.TEXT, FOX));
    }
    OnePermutationMinHash reference = new OnePermutationMinHash();
    for (Kind kind : Kind.values()) {
      assertEquals(reference.sign(Shingles.set(signer.shingleAnalyzer(kind), FOX)), signer.sign(kind, FOX));
      assertEquals(Shingles.set(signer.shingleAnalyzer(kind), FOX), signer.shingles(kind, FOX));
      assertEquals(reference.sign(signer.shingles(kind, FOX)), signer.sign(kind, FOX));
    }
  }

  @Test
  void permutationSchemeSigner() {
    try (MinHashSigner permutations =
        SignatureSettings.defaults().withScheme(MinHashScheme.PERMUTATIONS).newSigner()) {
      MinHashSignature text = permutations.sign(Kind.TEXT, FOX);
      assertEquals(MinHashScheme.PERMUTATIONS, text.scheme());
      assertEquals(0x5832a9f07c708e7L, text.value(0));
      assertEquals(0x53ef188a48fbab0L, text.value(1));
      assertEquals(0x10c92ab3e6b28caL, permutations.sign(Kind.CODE, "int x = a->b;").value(0));
      PermutationMinHash reference = new PermutationMinHash();
      for (Kind kind : Kind.values()) {
        assertEquals(reference.sign(permutations.shingleAnalyzer(kind), FOX), permutations.sign(kind, FOX));
        assertEquals(reference.sign(permutations.shingles(kind, FOX)), permutations.sign(kind, FOX));
      }
    }
  }

  @Test
  void codeDocumentsUseTheCodeAnalyzer() {
    String code = "for (int i = 0; i < n; i++) { sum += a[i]; }";
    assertNotEquals(signer.sign(Kind.TEXT, code), signer.sign(Kind.CODE, code));
    assertEquals(signer.sign(Kind.WEB, code), signer.sign(Kind.TEXT, code));
    Document doc = Document.of("d1", code, Kind.CODE, Source.builder("file:/in", 0).build(), List.of());
    assertEquals(signer.sign(Kind.CODE, code), signer.sign(doc));
  }

  @Test
  void documentsShorterThanAShingle() {
    MinHashSignature hello = signer.sign(Kind.TEXT, "Hello world");
    assertEquals(128, hello.length());
    assertEquals(1.0, hello.estimatedJaccard(signer.sign(Kind.TEXT, "hello, WORLD!")));
    assertEquals(0.0, hello.estimatedJaccard(signer.sign(Kind.TEXT, "world hello")));
    assertEquals(0.0, hello.estimatedJaccard(signer.sign(Kind.TEXT, "hello world again")));
    assertTrue(signer.sign(Kind.TEXT, "").isEmpty());
    assertTrue(signer.sign(Kind.TEXT, " ... --- ").isEmpty());
    assertTrue(signer.sign(Kind.CODE, "\n\n").isEmpty());
  }

  @Test
  void luceneSchemeSigner() {
    try (MinHashSigner lucene =
        SignatureSettings.defaults().withScheme(MinHashScheme.LUCENE_MIN_HASH_FILTER).newSigner()) {
      MinHashSignature s = lucene.sign(Kind.TEXT, FOX);
      assertEquals(MinHashScheme.LUCENE_MIN_HASH_FILTER, s.scheme());
      assertEquals(0x2baccf1bcf79ad67L, s.value(0));
      assertEquals(1.0, s.estimatedJaccard(lucene.sign(Kind.TEXT, FOX.toLowerCase())));
      assertEquals(128, lucene.sign(Kind.CODE, "int x = a->b;").length());
    }
  }

  @Test
  void settingsAreValidatedNamingTheSetting() {
    SignatureSettings d = SignatureSettings.defaults();
    assertEquals("textShingleSize must be in [1, 32]: 0",
        assertThrows(IllegalArgumentException.class, () -> d.withTextShingleSize(0)).getMessage());
    assertEquals("codeShingleSize must be in [1, 32]: 33",
        assertThrows(IllegalArgumentException.class, () -> d.withCodeShingleSize(33)).getMessage());
    assertEquals("numHashes must be in [1, 8192]: -5",
        assertThrows(IllegalArgumentException.class, () -> d.withNumHashes(-5)).getMessage());
    assertEquals("scheme",
        assertThrows(NullPointerException.class, () -> d.withScheme(null)).getMessage());
    assertEquals(d.withNumHashes(64).withSeed(3), d.withSeed(3).withNumHashes(64));
  }

  @Test
  void defaults() {
    SignatureSettings d = SignatureSettings.defaults();
    assertEquals(5, d.textShingleSize());
    assertEquals(5, d.codeShingleSize());
    assertEquals(true, d.asciiFolding());
    assertEquals(MinHashScheme.ONE_PERMUTATION, d.scheme());
    assertEquals(MinHashScheme.ONE_PERMUTATION, MinHashScheme.fromCode("one-permutation"));
    assertEquals(128, d.numHashes());
    assertEquals(PermutationMinHash.DEFAULT_SEED, d.seed());
    assertEquals(MinHashScheme.LUCENE_MIN_HASH_FILTER, MinHashScheme.fromCode("lucene-minhashfilter"));
  }
}
