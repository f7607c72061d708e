package org.provenant.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same input and configuration, same bytes, across processes: two child JVMs run {@code curate}
 * (DirectRunner) on the same corpus and every Parquet shard and shard manifest must be equal
 * byte for byte. In-process tests cannot see state that changes only from one JVM to the next,
 * such as the identity hash codes that once ordered the encodings lists of Parquet footers.
 */
class CrossProcessDeterminismTest {
  @TempDir Path tmp;

  @Test
  void twoProcessesWriteTheSameBytes() throws Exception {
    Path corpus = SmallCorpus.write(tmp.resolve("in"));
    Path a = curateInChildJvm(corpus, tmp.resolve("a"));
    Path b = curateInChildJvm(corpus, tmp.resolve("b"));
    TreeMap<String, String> shardsA = shards(a);
    TreeMap<String, String> shardsB = shards(b);
    assertEquals(16, shardsA.size(), shardsA.keySet().toString()); // 4 data + 4 rejected shards, each with its manifest
    assertEquals(shardsA, shardsB);
  }

  private Path curateInChildJvm(Path corpus, Path out) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        "org.provenant.pipelines.cli.Main", "curate", "--runner=DirectRunner",
        "--input", corpus + "/crawl-0.warc.gz", "--input", corpus + "/rows.jsonl", "--output", out.toString()));
    Path log = Files.createTempFile(tmp, "curate", ".log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("curate did not finish in 180 s");
    }
    assertEquals(0, p.exitValue(), Files.readString(log));
    assertTrue(Files.readString(log).contains("accounting holds"), Files.readString(log));
    return out;
  }

  /** Relative path of every shard file and shard manifest to its sha256. */
  static TreeMap<String, String> shards(Path out) throws IOException {
    TreeMap<String, String> m = new TreeMap<>();
    for (String sub : List.of("data", "rejected")) {
      try (Stream<Path> files = Files.list(out.resolve(sub))) {
        for (Path f : files.toList()) {
          m.put(sub + "/" + f.getFileName(), com.google.common.hash.Hashing.sha256().hashBytes(Files.readAllBytes(f)).toString());
        }
      }
    }
    return m;
  }
}
