package org.provenant.dedup.bench;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.provenant.dedup.InMemoryNearDuplicates;
import org.provenant.dedup.SyntheticCorpus;
import org.provenant.dedup.analysis.ShingleSet;
import org.provenant.dedup.lsh.LshBanding;
import org.provenant.dedup.lsh.SimilarityVerifier;
import org.provenant.dedup.minhash.MinHashScheme;
import org.provenant.dedup.minhash.MinHashSignature;
import org.provenant.dedup.minhash.MinHashSigner;
import org.provenant.dedup.minhash.SignatureSettings;
import org.provenant.dedup.quality.DocPair;
import org.provenant.dedup.quality.PairQuality;
import org.provenant.schemas.Kind;

/**
 * A plain main reporting pair recall and precision of the in-memory stages on synthetic corpora
 * (originals plus copies with word edits at rates from 0.5% to 20%), for both MinHash schemes,
 * with estimated and with exact verification. Not a unit test; the benchmark command will do this
 * on real corpora.
 *
 * <pre>java -cp ... org.provenant.dedup.bench.QualityProbe [originals] [chars]</pre>
 */
public final class QualityProbe {
  private QualityProbe() {}

  public static void main(String[] args) {
    int originals = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int chars = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    SyntheticCorpus corpus = new SyntheticCorpus(20_000, 3);
    SplittableRandom random = new SplittableRandom(4);
    double[] editRates = {0.005, 0.01, 0.02, 0.03, 0.05, 0.08, 0.12, 0.2};
    Map<String, String> texts = new TreeMap<>();
    for (int i = 0; i < originals; i++) {
      List<String> words = corpus.words(random, chars);
      texts.put(String.format("doc%05d", i), SyntheticCorpus.text(words));
      int copies = random.nextInt(4);
      for (int c = 0; c < copies; c++) {
        double rate = editRates[random.nextInt(editRates.length)];
        texts.put(String.format("doc%05d-%d", i, c), SyntheticCorpus.text(corpus.edit(words, rate, random)));
      }
    }
    System.out.printf("%d documents of about %d chars%n", texts.size(), chars);
    LshBanding banding = new LshBanding();
    SimilarityVerifier verifier = new SimilarityVerifier();
    PairQuality quality = PairQuality.defaults();
    for (MinHashScheme scheme : MinHashScheme.values()) {
      Map<String, MinHashSignature> signatures = new TreeMap<>();
      Map<String, ShingleSet> shingles = new TreeMap<>();
      try (MinHashSigner signer = SignatureSettings.defaults().withScheme(scheme).newSigner()) {
        texts.forEach((id, text) -> {
          signatures.put(id, signer.sign(Kind.TEXT, text));
          shingles.put(id, signer.shingles(Kind.TEXT, text));
        });
      }
      SortedSet<DocPair> candidates =
          InMemoryNearDuplicates.verifiedPairs(signatures, banding, new SimilarityVerifier(1e-9), null);
      SortedSet<DocPair> estimated =
          InMemoryNearDuplicates.verifiedPairs(signatures, banding, verifier, null);
      SortedSet<DocPair> exact =
          InMemoryNearDuplicates.verifiedPairs(signatures, banding, verifier, shingles);
      report(scheme + " candidates (banding only)", quality.evaluate(shingles, candidates));
      report(scheme + " estimated verification", quality.evaluate(shingles, estimated));
      report(scheme + " exact verification", quality.evaluate(shingles, exact));
    }
  }

  private static void report(String name, PairQuality.Result r) {
    System.out.printf("%-48s true=%d predicted=%d tp=%d recall=%.4f precision=%.4f%n",
        name, r.truePairs(), r.predictedPairs(), r.truePositives(), r.recall(), r.precision());
  }
}
