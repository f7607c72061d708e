package org.provenant.pipelines.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlinkClasspathTest {
  private static final String M2 = "/home/u/.m2/repository/";
  private static final List<String> ENTRIES = List.of(
      "/work/p/pipelines/target/classes",
      M2 + "org/apache/beam/beam-runners-flink-1.19/2.62.0/beam-runners-flink-1.19-2.62.0.jar",
      M2 + "org/apache/flink/flink-runtime/1.19.0/flink-runtime-1.19.0.jar",
      M2 + "org/apache/flink/flink-clients/1.19.0/flink-clients-1.19.0.jar",
      M2 + "org/apache/commons/commons-compress/1.26.0/commons-compress-1.26.0.jar",
      M2 + "org/jsoup/jsoup/1.18.1/jsoup-1.18.1.jar",
      M2 + "org/slf4j/slf4j-simple/2.0.16/slf4j-simple-2.0.16.jar");

  @Test
  void flinkJarsAndTheirRuntimeLibrariesStartTheClusterTheRestGoesWithTheJob() {
    FlinkClasspath cp = FlinkClasspath.of(String.join(":", ENTRIES) + "::");
    assertEquals(List.of(ENTRIES.get(2), ENTRIES.get(3), ENTRIES.get(4), ENTRIES.get(6)), cp.clusterJars());
    assertEquals(List.of(ENTRIES.get(0), ENTRIES.get(1), ENTRIES.get(4), ENTRIES.get(5), ENTRIES.get(6)), cp.jobFiles());
  }

  @Test
  void aClasspathWithoutFlinkRuntimeAndClientsCannotStartACluster() {
    FlinkClasspath cp = FlinkClasspath.of(ENTRIES.get(0) + ":" + ENTRIES.get(2));
    IllegalStateException e = assertThrows(IllegalStateException.class, cp::clusterJars);
    assertEquals("no flink-runtime and flink-clients jars on the classpath: 2 entries", e.getMessage());
  }

  @Test
  void everyListeningAddressIsLoopbackAndBatchFailoverIsRegional() {
    Map<String, String> c = LocalFlinkCluster.configuration(Path.of("/c"), 6123, 8081, 6124, new LocalFlinkCluster.Spec(Path.of("/c"), 2, 3, "1g", "1g", List.of()));
    for (String k : List.of("jobmanager.rpc.address", "jobmanager.bind-host", "rest.address", "rest.bind-address", "taskmanager.host", "taskmanager.bind-host")) {
      assertEquals("127.0.0.1", c.get(k), k);
    }
    assertEquals("region", c.get("jobmanager.execution.failover-strategy"));
    assertEquals("fixed-delay", c.get("restart-strategy.type"));
    assertEquals("10", c.get("restart-strategy.fixed-delay.attempts"));
    assertEquals("6", c.get("parallelism.default"));
    assertEquals("3", c.get("taskmanager.numberOfTaskSlots"));
    assertEquals("8081", c.get("rest.port"));
    assertEquals("/c/tmp", c.get("io.tmp.dirs"));
  }
}
