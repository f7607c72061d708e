package org.provenant.dedup.bench;

import com.google.common.hash.Hashing;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;
import org.apache.lucene.analysis.Analyzer;
import org.provenant.dedup.SyntheticCorpus;
import org.provenant.dedup.analysis.ShingleHasher;
import org.provenant.dedup.analysis.Shingles;
import org.provenant.dedup.analysis.TextShingleAnalyzer;
import org.provenant.dedup.exact.ExactKey;
import org.provenant.dedup.exact.TextNormalizer;
import org.provenant.dedup.minhash.MinHashSigner;
import org.provenant.dedup.minhash.PermutationMinHash;
import org.provenant.dedup.minhash.MinHashScheme;
import org.provenant.dedup.minhash.SignatureSettings;
import org.provenant.schemas.Kind;

/**
 * A plain timing main (not a unit test; JMH comes later): single-threaded documents per second of
 * signature computation (per CPU-second of the measuring thread) for 1 KB, 10 KB and 100 KB synthetic
 * texts, for the own 128-permutation
 * loop and for Lucene's MinHashFilter, plus the analysis chain alone and exact keys.
 *
 * <pre>
 * mvn -q -o -pl dedup -am test-compile
 * java -cp dedup/target/test-classes:dedup/target/classes:$(deps) \
 *     org.provenant.dedup.bench.SignatureThroughput [secondsPerCase]
 * </pre>
 */
public final class SignatureThroughput {
  private static volatile long sink;

  private SignatureThroughput() {}

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3.0;
    SyntheticCorpus corpus = new SyntheticCorpus(20_000, 7);
    SplittableRandom random = new SplittableRandom(11);
    int[] sizes = {1_000, 10_000, 100_000};
    MinHashSigner own = SignatureSettings.defaults().withScheme(MinHashScheme.PERMUTATIONS).newSigner();
    MinHashSigner lucene =
        SignatureSettings.defaults().withScheme(MinHashScheme.LUCENE_MIN_HASH_FILTER).newSigner();
    TextShingleAnalyzer analyzer = new TextShingleAnalyzer();
    Analyzer words = TextShingleAnalyzer.wordAnalyzer(true);
    PermutationMinHash permutations = new PermutationMinHash();
    TextNormalizer normalizer = TextNormalizer.defaults();
    System.out.printf("%-36s %8s %12s %10s %14s %12s%n", "case", "size", "docs/cpu-s", "MB/cpu-s",
        "docs/proc-cpu", "docs/wall-s");
    for (int size : sizes) {
      List<String> docs = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        docs.add(SyntheticCorpus.text(corpus.words(random, size)));
      }
      run("shingle set: ShingleFilter chain", size, docs, seconds,
          t -> Shingles.set(analyzer, t).size());
      run("shingle set: ShingleHasher", size, docs, seconds,
          t -> new ShingleHasher(5).shingleSet(words, t).size());
      run("own 128-perm, ShingleFilter chain", size, docs, seconds,
          t -> permutations.sign(analyzer, t).value(0));
      run("own 128-perm, ShingleHasher (dflt)", size, docs, seconds,
          t -> own.sign(Kind.TEXT, t).value(0));
      run("lucene MinHashFilter(1,128,1,rot)", size, docs, seconds,
          t -> lucene.sign(Kind.TEXT, t).value(0));
      run("exact key sha256-128 (+NFKC)", size, docs, seconds,
          t -> ExactKey.of(normalizer, t).hashCode());
      run("exact key murmur3_128 (+NFKC)", size, docs, seconds,
          t -> Hashing.murmur3_128()
              .hashString(normalizer.normalize(t), StandardCharsets.UTF_8).asLong());
      run("normalise only (NFKC+collapse)", size, docs, seconds,
          t -> normalizer.normalize(t).length());
    }
    own.close();
    lucene.close();
    analyzer.close();
    words.close();
  }

  private static void run(
      String name, int size, List<String> docs, double seconds, ToLongFunction<String> f) {
    long bytes = 0;
    for (String d : docs) {
      bytes += d.length();
    }
    // Warm-up for a third of the time, then measure. Thread CPU time, not wall time, so that
    // other processes on the machine do not count against us (they still share caches).
    loop(docs, f, (long) (seconds / 3 * 1e9));
    // Process CPU time as well: it includes the garbage collector's threads.
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long processStart = os.getProcessCpuTime();
    long wallStart = System.nanoTime();
    long n = loop(docs, f, (long) (seconds * 1e9));
    double wall = (System.nanoTime() - wallStart) / 1e9;
    double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    double process = (os.getProcessCpuTime() - processStart) / 1e9;
    double docsPerCpuSecond = n / cpu;
    double mbPerSecond = docsPerCpuSecond * (bytes / (double) docs.size()) / 1e6;
    System.out.printf("%-36s %8d %12.1f %10.1f %14.1f %12.1f%n",
        name, size, docsPerCpuSecond, mbPerSecond, n / process, n / wall);
  }

  private static long loop(List<String> docs, ToLongFunction<String> f, long nanos) {
    long end = System.nanoTime() + nanos;
    long n = 0;
    long acc = 0;
    while (System.nanoTime() < end) {
      for (String d : docs) {
        acc += f.applyAsLong(d);
        n++;
      }
    }
    sink = acc;
    return n;
  }
}
