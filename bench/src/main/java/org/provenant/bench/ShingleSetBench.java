package org.provenant.bench;

import java.nio.file.Path;
import java.util.List;
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
import org.provenant.dedup.minhash.MinHashSigner;
import org.provenant.dedup.minhash.SignatureSettings;
import org.provenant.schemas.Kind;

/**
 * The shingle hash set alone (analyzer + {@code ShingleHasher}, sorted distinct hashes), on the
 * same documents as {@link SignatureBench}: the analyzer's share of signing, and what exact
 * verification costs per document when it recomputes shingle sets.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ShingleSetBench {
  @Param({"1000", "10000", "100000"})
  public int size;

  private MinHashSigner signer;
  private List<String> docs;
  private int next;

  @Setup(Level.Trial)
  public void setup() {
    String pool = System.getProperty("bench.paragraphs", "/work/bench-data/dedup-bench/paragraphs.txt");
    docs = SignatureBench.documents(ParagraphPool.read(Path.of(pool)), size, 32, 7);
    signer = SignatureSettings.defaults().newSigner();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    signer.close();
  }

  @Benchmark
  public int shingleSet() {
    String d = docs.get(next);
    next = (next + 1) % docs.size();
    return signer.shingles(Kind.TEXT, d).size();
  }
}
