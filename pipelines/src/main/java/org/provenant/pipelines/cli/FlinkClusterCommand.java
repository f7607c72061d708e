package org.provenant.pipelines.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.provenant.pipelines.cluster.LocalFlinkCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code provenant flink-cluster start|add-taskmanager|stop}: a Flink 1.19 standalone session
 * cluster of separate JVMs on this machine, bound to 127.0.0.1, to try {@code curate
 * --runner=FlinkRunner --flinkMaster=...} against a real cluster.
 */
@Command(name = "flink-cluster", mixinStandardHelpOptions = true,
    description = {"Start or stop a local Flink 1.19 standalone session cluster (one JobManager, N TaskManagers, separate JVMs, 127.0.0.1 only).",
        "Then: provenant curate ... --runner=FlinkRunner --flinkMaster=<the printed address> --parallelism=<slots>"},
    subcommands = {FlinkClusterCommand.Start.class, FlinkClusterCommand.AddTaskManager.class, FlinkClusterCommand.Stop.class})
final class FlinkClusterCommand implements Callable<Integer> {
  static final String DEFAULT_DIR = "flink-cluster";

  @Override
  public Integer call() {
    new picocli.CommandLine(this).usage(Main.OUT);
    return 0;
  }

  static LocalFlinkCluster.State recorded(Path dir) throws IOException {
    return LocalFlinkCluster.read(dir).orElseThrow(() -> new UserError("no cluster is recorded in " + dir.toAbsolutePath() + " (no cluster.json)"));
  }

  @Command(name = "start", mixinStandardHelpOptions = true, description = "Start the JobManager and N TaskManagers; print the --flinkMaster address.")
  static final class Start implements Callable<Integer> {
    @Option(names = "--taskmanagers", paramLabel = "N", required = true, description = "Number of TaskManager processes.")
    int taskManagers;

    @Option(names = "--slots", paramLabel = "S", description = "Task slots per TaskManager (default 1).")
    int slots = 1;

    @Option(names = "--dir", paramLabel = "D", description = "Configuration, logs, pids and scratch space (default ./" + DEFAULT_DIR + ").")
    Path dir = Path.of(DEFAULT_DIR);

    @Option(names = "--taskmanager-memory", paramLabel = "SIZE", description = "Process memory of each TaskManager (default 1536m).")
    String memory = "1536m";

    @Override
    public Integer call() throws IOException {
      LocalFlinkCluster.State s;
      try {
        s = LocalFlinkCluster.start(LocalFlinkCluster.Spec.of(dir, taskManagers, slots).withTaskManagerMemory(memory));
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new UserError(e.getMessage());
      }
      Main.OUT.printf("JobManager pid %d, TaskManagers %s; logs in %s/log%n", s.jobManager().pid(),
          s.taskManagers().stream().map(m -> m.id() + " pid " + m.pid()).toList(), s.dir());
      Main.OUT.printf("curate with: --runner=FlinkRunner --flinkMaster=%s --parallelism=%d --flinkConfDir=%s/conf%n",
          s.flinkMaster(), taskManagers * slots, s.dir());
      Main.OUT.printf("stop with: provenant flink-cluster stop --dir %s%n", s.dir());
      Main.OUT.println("--flinkMaster=" + s.flinkMaster());
      return 0;
    }
  }

  @Command(name = "add-taskmanager", mixinStandardHelpOptions = true, description = "Start one more TaskManager for the recorded cluster (e.g. to replace a lost one).")
  static final class AddTaskManager implements Callable<Integer> {
    @Option(names = "--dir", paramLabel = "D", description = "The cluster's directory (default ./" + DEFAULT_DIR + ").")
    Path dir = Path.of(DEFAULT_DIR);

    @Override
    public Integer call() throws IOException {
      LocalFlinkCluster.State s = LocalFlinkCluster.addTaskManager(recorded(dir));
      LocalFlinkCluster.Member m = s.taskManagers().get(s.taskManagers().size() - 1);
      Main.OUT.printf("started %s pid %d%n", m.id(), m.pid());
      return 0;
    }
  }

  @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop every process of the recorded cluster by its pid.")
  static final class Stop implements Callable<Integer> {
    @Option(names = "--dir", paramLabel = "D", description = "The cluster's directory (default ./" + DEFAULT_DIR + ").")
    Path dir = Path.of(DEFAULT_DIR);

    @Override
    public Integer call() throws IOException {
      List<Long> pids = LocalFlinkCluster.stop(recorded(dir));
      Main.OUT.println("stopped pids " + pids);
      return 0;
    }
  }
}
