package org.provenant.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.provenant.dedup.analysis.ShingleSet;
import org.provenant.dedup.cluster.ClusterMember;
import org.provenant.dedup.cluster.Edge;
import org.provenant.dedup.cluster.StarConnectedComponents;
import org.provenant.dedup.exact.ExactKey;
import org.provenant.dedup.minhash.MinHashSignature;
import org.provenant.dedup.minhash.MinHashSigner;
import org.provenant.dedup.quality.DocPair;
import org.provenant.dedup.quality.PairQuality;
import org.provenant.schemas.Document;
import org.provenant.schemas.Kind;
import org.provenant.schemas.Source;

/** The plain-Java stages chained on small corpora, with exact expected outcomes. */
class NearDuplicatePipelineTest {
  private static final DedupSettings SETTINGS = DedupSettings.defaults();

  private static Document doc(String id, String text, String date) {
    return Document.of(id, text, Kind.WEB, Source.builder("file:/in", 0).date(date).build(), List.of());
  }

  @Test
  void smallCorpusFromTextToSurvivors() {
    SyntheticCorpus corpus = new SyntheticCorpus(5000, 1);
    SplittableRandom random = new SplittableRandom(2);
    List<String> a = corpus.words(random, 3000);
    List<String> b = corpus.words(random, 3000);
    List<String> aEdited = new ArrayList<>(a);
    aEdited.set(100, "changed"); // one word: 5 of about 480 shingles differ
    List<Document> docs = List.of(
        doc("a-copy", SyntheticCorpus.text(a), "2024-05-01T00:00:00Z"),
        doc("a-edit", SyntheticCorpus.text(aEdited), "2023-01-01T00:00:00Z"),
        doc("a-orig", SyntheticCorpus.text(a), "2024-01-01T00:00:00Z"),
        doc("b", SyntheticCorpus.text(b), "2020-01-01T00:00:00Z"),
        doc("c", "Hello world", null),
        doc("d", "  hello,   WORLD! ", null));

    // exact stage: a-copy and a-orig share a key; c and d differ before lowercasing
    Map<ExactKey, List<String>> exact = docs.stream().collect(Collectors.groupingBy(
        d -> ExactKey.of(SETTINGS.normalizer(), d.text()), TreeMap::new,
        Collectors.mapping(Document::id, Collectors.toList())));
    assertEquals(List.of(List.of("a-copy", "a-orig")),
        exact.values().stream().filter(ids -> ids.size() > 1).toList());

    // near stage
    Map<String, MinHashSignature> signatures = new TreeMap<>();
    try (MinHashSigner signer = SETTINGS.signature().newSigner()) {
      for (Document d : docs) {
        signatures.put(d.id(), signer.sign(d));
      }
    }
    SortedSet<DocPair> pairs = InMemoryNearDuplicates.verifiedPairs(
        signatures, SETTINGS.banding(), SETTINGS.verifier(), null);
    assertEquals(
        List.of(DocPair.of("a-copy", "a-edit"), DocPair.of("a-copy", "a-orig"),
            DocPair.of("a-edit", "a-orig"), DocPair.of("c", "d")),
        new ArrayList<>(pairs));

    // clusters and survivors
    List<Edge> edges = pairs.stream().map(p -> new Edge(p.first(), p.second())).toList();
    Map<String, String> componentOf = StarConnectedComponents.components(edges).componentOf();
    assertEquals("{a-copy=a-copy, a-edit=a-copy, a-orig=a-copy, c=c, d=c}", componentOf.toString());
    Map<String, List<ClusterMember>> clusters = docs.stream()
        .filter(d -> componentOf.containsKey(d.id()))
        .collect(Collectors.groupingBy(d -> componentOf.get(d.id()), TreeMap::new,
            Collectors.mapping(ClusterMember::of, Collectors.toList())));
    Map<String, String> survivors = new TreeMap<>();
    clusters.forEach((id, members) -> survivors.put(id, SETTINGS.survivorRule().survivor(members).id()));
    assertEquals("{a-copy=a-edit, c=c}", survivors.toString());
  }

  @Test
  void recallAndPrecisionOnSyntheticEdits() {
    SyntheticCorpus corpus = new SyntheticCorpus(20_000, 3);
    SplittableRandom random = new SplittableRandom(4);
    Map<String, String> texts = new TreeMap<>();
    double[] editRates = {0.005, 0.01, 0.02, 0.03, 0.05, 0.08, 0.12, 0.2};
    for (int i = 0; i < 150; i++) {
      List<String> words = corpus.words(random, 1500);
      texts.put(String.format("doc%03d", i), SyntheticCorpus.text(words));
      int copies = random.nextInt(4);
      for (int c = 0; c < copies; c++) {
        double rate = editRates[random.nextInt(editRates.length)];
        texts.put(String.format("doc%03d-%d", i, c), SyntheticCorpus.text(corpus.edit(words, rate, random)));
      }
    }
    Map<String, MinHashSignature> signatures = new TreeMap<>();
    Map<String, ShingleSet> shingles = new TreeMap<>();
    try (MinHashSigner signer = SETTINGS.signature().newSigner()) {
      texts.forEach((id, text) -> {
        signatures.put(id, signer.sign(Kind.TEXT, text));
        shingles.put(id, signer.shingles(Kind.TEXT, text));
      });
    }
    PairQuality quality = PairQuality.defaults();
    PairQuality.Result estimated = quality.evaluate(shingles,
        InMemoryNearDuplicates.verifiedPairs(signatures, SETTINGS.banding(), SETTINGS.verifier(), null));
    PairQuality.Result exact = quality.evaluate(shingles,
        InMemoryNearDuplicates.verifiedPairs(signatures, SETTINGS.banding(), SETTINGS.verifier(), shingles));
    // pinned: the corpus, the signatures and the banding are deterministic. Edit rates are chosen
    // so that many pairs lie near 0.8, where a 128-value estimate (sd 0.035) is a coin flip.
    assertEquals(369, estimated.documents());
    assertEquals(89, estimated.truePairs());
    assertEquals(89, estimated.predictedPairs());
    assertEquals(82, estimated.truePositives());
    assertTrue(estimated.recall() >= 0.85, estimated.toString());
    assertTrue(estimated.precision() >= 0.85, estimated.toString());
    // exact verification: no false pair, and banding missed none of these
    assertEquals(89, exact.predictedPairs());
    assertEquals(89, exact.truePositives());
    assertEquals(1.0, exact.precision());
  }
}
