package org.provenant.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.provenant.pipelines.cli.Curator;
import org.provenant.pipelines.cli.UserError;
import org.provenant.pipelines.cluster.FlinkRest;
import org.provenant.pipelines.cluster.LocalFlinkCluster;
import org.provenant.pipelines.config.CurationConfig;
import org.provenant.pipelines.demo.DemoCorpusGenerator;
import org.provenant.pipelines.output.OutputDir;
import org.provenant.pipelines.output.OutputVerifier;

/**
 * {@code curate} on a Flink 1.19 session cluster of separate processes (one JobManager, two
 * TaskManagers, all on 127.0.0.1), through failures: a TaskManager killed by its pid while the job
 * runs, and then the whole cluster killed. The first run must still write exactly the bytes of the
 * embedded run; the second must leave an output that {@code verify} refuses. Tagged {@code cluster}
 * so that it can be run alone: {@code mvn -B -ntp verify -pl tests -am -Dgroups=cluster
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlinkClusterFailoverTest {
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(6);

  @TempDir static Path tmp;
  private Path corpus;
  private Path embedded;
  private LocalFlinkCluster.State cluster;
  private FlinkRest rest;

  @BeforeAll
  void startCluster() throws Exception {
    corpus = tmp.resolve("in");
    DemoCorpusGenerator.generate(corpus, 300, 42);
    embedded = tmp.resolve("embedded");
    new Curator(System.err).run(inputs(), embedded.toString(), CurationConfig.DEFAULT, false, List.of("--runner=FlinkRunner", "--parallelism=2"));
    cluster = LocalFlinkCluster.start(LocalFlinkCluster.Spec.of(tmp.resolve("cluster"), 2, 1));
    rest = new FlinkRest(cluster.restAddress());
  }

  @AfterAll
  void stopCluster() throws Exception {
    if (cluster != null) {
      LocalFlinkCluster.State last = LocalFlinkCluster.read(Path.of(cluster.dir())).orElse(cluster);
      LocalFlinkCluster.stop(last);
      for (LocalFlinkCluster.Member m : last.taskManagers()) {
        assertFalse(ProcessHandle.of(m.pid()).map(ProcessHandle::isAlive).orElse(false), m + " still runs");
      }
      assertFalse(ProcessHandle.of(last.jobManager().pid()).map(ProcessHandle::isAlive).orElse(false), "the JobManager still runs");
    }
  }

  @Test
  @Order(1)
  void aLostTaskManagerCostsTimeNotBytes() throws Exception {
    Path out = tmp.resolve("lost-tm");
    CompletableFuture<Curator.Result> run = curateOnCluster(out);
    String job = awaitJob(v -> v.status().equals("RUNNING") && v.name().contains("Dedup/"), run);
    LocalFlinkCluster.Member lost = cluster.taskManagers().get(0);
    LocalFlinkCluster.kill(lost, Path.of(cluster.dir()));
    assertFalse(LocalFlinkCluster.alive(lost, Path.of(cluster.dir())));
    cluster = LocalFlinkCluster.addTaskManager(cluster);

    Curator.Result result = run.get(JOB_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    assertEquals("FlinkRunner", result.runner());
    List<FlinkRest.Failure> failures = rest.failures(job);
    // the JobManager notices the lost heartbeat, or a task on another TaskManager loses its connection to it first
    assertTrue(failures.stream().anyMatch(f -> f.exception().contains("TaskManager with id " + lost.id() + " is no longer reachable")
            || f.exception().contains("[ " + lost.id() + " ]") || f.taskManagerId().equals(lost.id())),
        "the job never saw " + lost.id() + " fail: " + failures);
    assertEquals(CrossProcessDeterminismTest.shards(embedded), CrossProcessDeterminismTest.shards(out));
    OutputVerifier.Report report = new OutputVerifier().verify(new OutputDir(out.toString()));
    assertTrue(report.ok(), report.problems().toString());
    assertEquals(new OutputVerifier().verify(new OutputDir(embedded.toString())).summary(), report.summary());
  }

  @Test
  @Order(2)
  void aClusterThatDiesLeavesAnOutputVerifyRefuses() throws Exception {
    Path out = tmp.resolve("dead-cluster");
    CompletableFuture<Curator.Result> run = curateOnCluster(out);
    awaitJob(v -> v.status().equals("RUNNING") && v.name().contains("ExtractText/"), run);
    Path dir = Path.of(cluster.dir());
    for (LocalFlinkCluster.Member m : cluster.taskManagers()) {
      LocalFlinkCluster.kill(m, dir);
    }
    LocalFlinkCluster.kill(cluster.jobManager(), dir);

    ExecutionException failed = assertThrows(ExecutionException.class, () -> run.get(JOB_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
    assertTrue(failed.getCause() instanceof UserError, String.valueOf(failed.getCause()));
    String line = failed.getCause().getMessage();
    assertTrue(line.startsWith("the job on the Flink cluster at " + cluster.flinkMaster() + " failed ("), line);
    assertTrue(line.endsWith(out + "/ is incomplete: it has no manifest.json, and verify refuses it"), line);
    assertFalse(Files.exists(out.resolve("manifest.json")));
    OutputVerifier.Report report = new OutputVerifier().verify(new OutputDir(out.toString()));
    assertEquals(List.of("incomplete output: " + out + " has no manifest.json (the run did not finish, or this is not a Provenant output)"),
        report.problems());
  }

  private List<String> inputs() {
    return List.of(corpus + "/*.warc.gz");
  }

  private CompletableFuture<Curator.Result> curateOnCluster(Path out) {
    List<String> beam = List.of("--runner=FlinkRunner", "--flinkMaster=" + cluster.flinkMaster(), "--parallelism=2",
        "--flinkConfDir=" + Path.of(cluster.dir(), "conf"));
    return CompletableFuture.supplyAsync(() -> new Curator(System.err).run(inputs(), out.toString(), CurationConfig.DEFAULT, false, beam));
  }

  /** Waits until the cluster runs a job with a vertex that {@code when} accepts; returns the job's id. */
  private String awaitJob(Predicate<FlinkRest.Vertex> when, CompletableFuture<?> run) throws Exception {
    long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (run.isDone()) {
        run.get(); // a failure shows here
        throw new AssertionError("the job finished before the moment the test waits for");
      }
      Optional<FlinkRest.Job> job = rest.jobs().stream().filter(j -> j.state().equals("RUNNING")).findFirst();
      if (job.isPresent() && rest.vertices(job.get().id()).stream().anyMatch(when)) {
        return job.get().id();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no running job reached the awaited vertex within " + JOB_TIMEOUT);
  }
}
