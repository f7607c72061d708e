package org.provenant.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.provenant.dedup.minhash.MinHashScheme;
import org.provenant.dedup.minhash.MinHashSigner;
import org.provenant.dedup.minhash.SignatureSettings;
import org.provenant.schemas.Kind;

/**
 * Signature throughput, documents per second on one thread (= per core): Provenant's
 * analyzer (StandardTokenizer, lowercase, ASCII folding, 5-word shingles) and its 128-value MinHash,
 * for documents of 1 KB, 10 KB and 100 KB of real English (paragraphs of the Debian documentation
 * pool, {@code -Dbench.paragraphs=paragraphs.txt}, concatenated in a seeded random order).
 *
 * <ul>
 *   <li>{@code sign} with {@code scheme=PERMUTATIONS}: the default, {@code ShingleHasher} + own
 *       128-permutation loop;
 *   <li>{@code sign} with {@code scheme=ONE_PERMUTATION}: {@code ShingleHasher} + one hash per
 *       shingle into 128 bins with optimal densification ({@code OnePermutationMinHash});
 *   <li>{@code sign} with {@code scheme=LUCENE_MIN_HASH_FILTER}: {@code ShingleFilter} + Lucene's
 *       {@code MinHashFilter(1, 128, 1, rotation)} ({@code LuceneMinHash});
 * </ul>
 *
 * {@link ShingleSetBench} times the shingle set alone. Each invocation signs the next of 32 different documents of the size.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignatureBench {
  @Param({"1000", "10000", "100000"})
  public int size;

  @Param({"PERMUTATIONS", "ONE_PERMUTATION", "LUCENE_MIN_HASH_FILTER"})
  public String scheme;

  private MinHashSigner signer;
  private List<String> docs;
  private int next;

  @Setup(Level.Trial)
  public void setup() {
    String pool = System.getProperty("bench.paragraphs", "/work/bench-data/dedup-bench/paragraphs.txt");
    List<String> paragraphs = ParagraphPool.read(Path.of(pool));
    docs = documents(paragraphs, size, 32, 7);
    signer = SignatureSettings.defaults().withScheme(MinHashScheme.valueOf(scheme)).newSigner();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    signer.close();
  }

  /** {@code count} texts of exactly {@code size} chars made of random whole paragraphs (the last cut). */
  static List<String> documents(List<String> paragraphs, int size, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder b = new StringBuilder(size + 1000);
      while (b.length() < size) {
        b.append(paragraphs.get(random.nextInt(paragraphs.size()))).append("\n\n");
      }
      out.add(b.substring(0, size));
    }
    return out;
  }

  private String nextDoc() {
    String d = docs.get(next);
    next = (next + 1) % docs.size();
    return d;
  }

  @Benchmark
  public long sign() {
    return signer.sign(Kind.TEXT, nextDoc()).value(0);
  }
}
