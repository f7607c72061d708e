package org.provenant.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provenant.pipelines.cli.Curator;
import org.provenant.pipelines.config.CurationConfig;
import org.provenant.pipelines.output.OutputDir;
import org.provenant.pipelines.output.OutputVerifier;
import org.provenant.schemas.manifest.RunManifest;

/**
 * The SparkRunner on its default in-process master ({@code local[N]} for N cores, no {@code
 * --sparkMaster} given) writes the same bytes as the DirectRunner from the corpus of {@link CurationEndToEndTest},
 * which pins the DirectRunner's output to embedded Flink's: one output on all three engines.
 */
@Tag("spark")
class SparkRunnerTest {
  @TempDir static Path tmp;
  static Path direct;
  static Path spark;
  static Curator.Result sparkRun;

  @BeforeAll
  static void runDirectAndSpark() throws IOException {
    Path corpus = SmallCorpus.write(tmp.resolve("in"));
    direct = tmp.resolve("direct");
    spark = tmp.resolve("spark");
    List<String> inputs = List.of(corpus + "/*.warc.gz", corpus + "/rows.jsonl");
    new Curator(System.err).run(inputs, direct.toString(), CurationConfig.NONE, false, List.of("--runner=DirectRunner"));
    sparkRun = new Curator(System.err).run(inputs, spark.toString(), CurationConfig.NONE, false, List.of("--runner=SparkRunner"));
  }

  @Test
  void sparkWritesTheDirectRunnersBytes() throws IOException {
    assertEquals(4, CurationEndToEndTest.list(spark.resolve("data")).stream().filter(p -> p.toString().endsWith(".parquet")).count());
    assertEquals(4, CurationEndToEndTest.list(spark.resolve("rejected")).stream().filter(p -> p.toString().endsWith(".parquet")).count());
    CurationEndToEndTest.assertSameShardBytes(direct, spark);
    RunManifest d = new OutputDir(direct.toString()).manifest().orElseThrow();
    RunManifest s = new OutputDir(spark.toString()).manifest().orElseThrow();
    assertEquals(d.dataShards(), s.dataShards());
    assertEquals(d.rejectedShards(), s.rejectedShards());
  }

  @Test
  void theManifestNamesSparkAndTheOutputVerifies() throws IOException {
    assertEquals("SparkRunner", sparkRun.runner());
    assertEquals(PipelineResult.State.DONE, sparkRun.state());
    RunManifest m = new OutputDir(spark.toString()).manifest().orElseThrow();
    assertEquals("SparkRunner", m.runner());
    assertEquals(11, m.counts().candidates());
    assertEquals(4, m.counts().kept());
    assertEquals(7, m.counts().rejected());
    assertTrue(m.accountingOk());
    OutputVerifier.Report report = new OutputVerifier().verify(new OutputDir(spark.toString()));
    assertEquals(List.of(), report.problems());
    assertEquals(new OutputVerifier().verify(new OutputDir(direct.toString())).summary(), report.summary());
  }
}
