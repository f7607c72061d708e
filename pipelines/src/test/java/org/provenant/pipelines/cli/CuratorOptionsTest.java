package org.provenant.pipelines.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.spark.SparkPipelineOptions;
import org.apache.beam.runners.spark.SparkRunner;
import org.apache.beam.sdk.options.PipelineOptions;
import org.junit.jupiter.api.Test;

/** The Beam options a curation run builds: each runner's local default, and a given value kept. */
class CuratorOptionsTest {
  @Test
  void theSparkRunnerRunsInProcessOnEveryCoreUnlessAMasterIsGiven() {
    PipelineOptions options = Curator.beamOptions(List.of("--runner=SparkRunner"));
    assertEquals(SparkRunner.class, options.getRunner());
    assertEquals("local[" + Runtime.getRuntime().availableProcessors() + "]", options.as(SparkPipelineOptions.class).getSparkMaster());
    assertEquals("spark://head:7077",
        Curator.beamOptions(List.of("--runner=SparkRunner", "--sparkMaster=spark://head:7077")).as(SparkPipelineOptions.class).getSparkMaster());
    // Beam's own default, local[4], is what the option says when it is set explicitly
    assertEquals("local[4]", Curator.beamOptions(List.of("--runner=SparkRunner", "--sparkMaster=local[4]")).as(SparkPipelineOptions.class).getSparkMaster());
  }

  @Test
  void anInProcessSparkMasterListensOnLoopbackOnlyWithoutAWebUi() {
    Curator.beamOptions(List.of("--runner=SparkRunner"));
    assertEquals("127.0.0.1", System.getProperty("spark.driver.host"));
    assertEquals("127.0.0.1", System.getProperty("spark.driver.bindAddress"));
    assertEquals("false", System.getProperty("spark.ui.enabled"));
  }

  @Test
  void aFlinkMasterOfHostAndPortIsACluster() {
    assertEquals(true, Curator.isRemoteFlinkMaster("127.0.0.1:8081"));
    assertEquals(false, Curator.isRemoteFlinkMaster("[local]"));
    assertEquals(false, Curator.isRemoteFlinkMaster("[auto]"));
    assertEquals(false, Curator.isRemoteFlinkMaster("[collection]"));
    assertEquals(false, Curator.isRemoteFlinkMaster(null));
  }

  @Test
  void theEmbeddedFlinkMiniClusterRunsOneTaskPerCoreUnlessAParallelismIsGiven() {
    int cores = Runtime.getRuntime().availableProcessors();
    assertEquals(cores, Curator.beamOptions(List.of("--runner=FlinkRunner")).as(FlinkPipelineOptions.class).getParallelism());
    assertEquals(cores, Curator.beamOptions(List.of("--runner=FlinkRunner", "--flinkMaster=[auto]")).as(FlinkPipelineOptions.class).getParallelism());
    assertEquals(3, Curator.beamOptions(List.of("--runner=FlinkRunner", "--parallelism=3")).as(FlinkPipelineOptions.class).getParallelism());
    // a cluster's own parallelism.default applies there (Beam's -1: not set)
    assertEquals(-1, Curator.beamOptions(List.of("--runner=FlinkRunner", "--flinkMaster=127.0.0.1:8081")).as(FlinkPipelineOptions.class).getParallelism());
  }

  @Test
  void onJdk23AndLaterTheEmbeddedClusterRunsWithDelegationTokensOff() throws java.io.IOException {
    assertEquals(false, Curator.needsDelegationTokensOff(17));
    assertEquals(false, Curator.needsDelegationTokensOff(22));
    assertEquals(true, Curator.needsDelegationTokensOff(23));
    assertEquals(true, Curator.needsDelegationTokensOff(25));
    java.nio.file.Path dir = Curator.confDirWithoutDelegationTokens();
    assertEquals("security.delegation.tokens.enabled: false\n", java.nio.file.Files.readString(dir.resolve("flink-conf.yaml")));
    assertEquals(List.of("flink-conf.yaml"), java.nio.file.Files.list(dir).map(p -> p.getFileName().toString()).toList());
    String confDir = Curator.beamOptions(List.of("--runner=FlinkRunner")).as(FlinkPipelineOptions.class).getFlinkConfDir();
    if (Curator.needsDelegationTokensOff(Runtime.version().feature()) && System.getenv("FLINK_CONF_DIR") == null) {
      assertEquals("security.delegation.tokens.enabled: false\n", java.nio.file.Files.readString(java.nio.file.Path.of(confDir, "flink-conf.yaml")));
    } else {
      assertEquals(null, confDir);
    }
    // a directory the user gives, or a cluster, is left alone
    assertEquals("/etc/flink", Curator.beamOptions(List.of("--runner=FlinkRunner", "--flinkConfDir=/etc/flink")).as(FlinkPipelineOptions.class).getFlinkConfDir());
    assertEquals(null, Curator.beamOptions(List.of("--runner=FlinkRunner", "--flinkMaster=127.0.0.1:8081")).as(FlinkPipelineOptions.class).getFlinkConfDir());
  }

  @Test
  void theFlinkRunnerStillDefaultsToTheEmbeddedMiniCluster() {
    assertEquals("[local]", Curator.beamOptions(List.of("--runner=FlinkRunner")).as(FlinkPipelineOptions.class).getFlinkMaster());
  }
}
