package org.provenant.pipelines.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.JobManagerProcessSpec;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;
import org.apache.flink.runtime.util.config.memory.ProcessMemoryUtils;

/**
 * A Flink 1.19 standalone session cluster of separate JVMs on this machine: one JobManager
 * ({@code StandaloneSessionClusterEntrypoint}) and TaskManagers ({@code TaskManagerRunner}),
 * started from the Flink jars Maven resolved, every socket bound to 127.0.0.1 on ports chosen free.
 * What it started is recorded in {@code DIR/cluster.json} (pids, addresses), so another process
 * can add a TaskManager or stop the cluster; processes are stopped by their pid, and only after
 * checking that the pid still runs a Flink entrypoint of this directory.
 *
 * <p>The configuration ({@code DIR/conf/flink-conf.yaml}) restarts a failed batch job by region
 * (fixed delay, {@link #RESTART_ATTEMPTS} attempts) and notices a lost TaskManager within
 * {@link #HEARTBEAT_TIMEOUT_MS} ms.
 */
public final class LocalFlinkCluster {
  public static final String JOB_MANAGER_CLASS = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
  public static final String TASK_MANAGER_CLASS = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
  public static final String LOOPBACK = "127.0.0.1";
  static final int RESTART_ATTEMPTS = 10;
  static final int HEARTBEAT_TIMEOUT_MS = 10_000;
  static final String STATE_FILE = "cluster.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** A started process of the cluster: its role ({@code jobmanager}, or a TaskManager's resource id), pid and log file. */
  public record Member(String id, long pid, String log) {}

  /** What {@code DIR/cluster.json} records. */
  public record State(String dir, String restAddress, int slotsPerTaskManager, String taskManagerMemory,
      List<String> classpath, Member jobManager, List<Member> taskManagers) {
    /** The value for {@code --flinkMaster}. */
    public String flinkMaster() {
      return restAddress;
    }

    State withTaskManagers(List<Member> tms) {
      return new State(dir, restAddress, slotsPerTaskManager, taskManagerMemory, classpath, jobManager, List.copyOf(tms));
    }
  }

  /** How to start a cluster: where, how many TaskManagers with how many slots and how much memory. */
  public record Spec(Path dir, int taskManagers, int slots, String taskManagerMemory, String jobManagerMemory, List<String> classpath) {
    public Spec {
      if (taskManagers < 1) {
        throw new IllegalArgumentException("--taskmanagers must be at least 1: " + taskManagers);
      }
      if (slots < 1) {
        throw new IllegalArgumentException("--slots must be at least 1: " + slots);
      }
      classpath = List.copyOf(classpath);
    }

    public static Spec of(Path dir, int taskManagers, int slots) {
      return new Spec(dir, taskManagers, slots, "1536m", "1024m", FlinkClasspath.ofThisJvm().clusterJars());
    }

    public Spec withTaskManagerMemory(String m) {
      return new Spec(dir, taskManagers, slots, m, jobManagerMemory, classpath);
    }
  }

  private LocalFlinkCluster() {}

  /** Starts the JobManager and the TaskManagers and returns once all of them are registered. */
  public static State start(Spec spec) throws IOException {
    Path dir = spec.dir().toAbsolutePath().normalize();
    Optional<State> running = read(dir);
    if (running.isPresent() && alive(running.get().jobManager(), dir)) {
      throw new IllegalStateException("a cluster already runs from " + dir + " (JobManager pid " + running.get().jobManager().pid()
          + "); stop it first: provenant flink-cluster stop --dir " + dir);
    }
    Files.createDirectories(dir.resolve("conf"));
    Files.createDirectories(dir.resolve("log"));
    Files.createDirectories(dir.resolve("tmp"));
    int rest = freePort();
    Map<String, String> conf = configuration(dir, freePort(), rest, freePort(), spec);
    StringBuilder yaml = new StringBuilder("# written by provenant flink-cluster start\n");
    conf.forEach((k, v) -> yaml.append(k).append(": ").append(v).append('\n'));
    Files.writeString(dir.resolve("conf/flink-conf.yaml"), yaml.toString(), StandardCharsets.UTF_8);

    Configuration flink = GlobalConfiguration.loadConfiguration(dir.resolve("conf").toString());
    JobManagerProcessSpec jmSpec = JobManagerProcessUtils.processSpecFromConfigWithNewOptionToInterpretLegacyHeap(flink, JobManagerOptions.JVM_HEAP_MEMORY);
    List<String> jmArgs = new ArrayList<>(split(JobManagerProcessUtils.generateJvmParametersStr(jmSpec, flink)));
    List<String> jmMain = new ArrayList<>(List.of("--configDir", dir.resolve("conf").toString()));
    jmMain.addAll(split(JobManagerProcessUtils.generateDynamicConfigsStr(jmSpec)));
    Member jm = launch(dir, "jobmanager", spec.classpath(), jmArgs, JOB_MANAGER_CLASS, jmMain);
    State state = new State(dir.toString(), LOOPBACK + ":" + rest, spec.slots(), spec.taskManagerMemory(), spec.classpath(), jm, List.of());
    write(state);
    try {
      FlinkRest api = new FlinkRest(state.restAddress());
      awaitTaskManagers(state, api, 0, Duration.ofSeconds(90));
      for (int i = 0; i < spec.taskManagers(); i++) {
        state = addTaskManager(state);
      }
      awaitTaskManagers(state, api, spec.taskManagers(), Duration.ofSeconds(90));
    } catch (IOException | RuntimeException e) {
      stop(state);
      throw e;
    }
    return state;
  }

  /** Starts one more TaskManager (resource id {@code tm-K}, K one past the highest so far) and records it. */
  public static State addTaskManager(State state) throws IOException {
    Path dir = Path.of(state.dir());
    int next = state.taskManagers().stream().mapToInt(m -> Integer.parseInt(m.id().substring(3))).max().orElse(0) + 1;
    String id = "tm-" + next;
    Configuration flink = GlobalConfiguration.loadConfiguration(dir.resolve("conf").toString());
    TaskExecutorProcessSpec tm = TaskExecutorProcessUtils.processSpecFromConfig(
        TaskExecutorProcessUtils.getConfigurationMapLegacyTaskManagerHeapSizeToConfigOption(flink, TaskManagerOptions.TOTAL_PROCESS_MEMORY));
    List<String> main = new ArrayList<>(List.of("--configDir", dir.resolve("conf").toString()));
    main.addAll(split(TaskExecutorProcessUtils.generateDynamicConfigsStr(tm)));
    main.addAll(List.of("-D", "taskmanager.resource-id=" + id));
    Member m = launch(dir, id, state.classpath(), split(ProcessMemoryUtils.generateJvmParametersStr(tm)), TASK_MANAGER_CLASS, main);
    List<Member> tms = new ArrayList<>(state.taskManagers());
    tms.add(m);
    State s = state.withTaskManagers(tms);
    write(s);
    return s;
  }

  /** Waits until {@code n} TaskManagers are registered with the JobManager (a started process that dies fails the wait). */
  public static void awaitTaskManagers(State state, FlinkRest api, int n, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!alive(state.jobManager(), Path.of(state.dir()))) {
        throw new IOException("the JobManager (pid " + state.jobManager().pid() + ") exited; see " + state.jobManager().log() + tail(state.jobManager()));
      }
      try {
        int registered = api.taskManagers();
        if (registered >= n) {
          return;
        }
        last = registered + " registered";
      } catch (IOException e) {
        last = e.getMessage();
      }
      sleep(200);
    }
    throw new IOException("the cluster in " + state.dir() + " did not have " + n + " TaskManagers within " + timeout.toSeconds() + " s (" + last + ")");
  }

  /** Kills one member at once (SIGKILL): what a lost machine looks like to the rest of the cluster. */
  public static void kill(Member m, Path dir) {
    ProcessHandle.of(m.pid()).filter(h -> runs(h, m.id(), dir)).ifPresent(h -> {
      h.destroyForcibly();
      h.onExit().orTimeout(30, TimeUnit.SECONDS).join();
    });
  }

  /** Stops every recorded process by its pid (TaskManagers first), then forgets the cluster. Returns the pids stopped. */
  public static List<Long> stop(State state) throws IOException {
    Path dir = Path.of(state.dir());
    List<Long> stopped = new ArrayList<>();
    for (Member m : state.taskManagers()) {
      if (terminate(m, dir)) {
        stopped.add(m.pid());
      }
    }
    if (terminate(state.jobManager(), dir)) {
      stopped.add(state.jobManager().pid());
    }
    Files.deleteIfExists(dir.resolve(STATE_FILE));
    return stopped;
  }

  /** The cluster recorded in {@code dir}, if any. */
  public static Optional<State> read(Path dir) throws IOException {
    Path f = dir.toAbsolutePath().normalize().resolve(STATE_FILE);
    return Files.exists(f) ? Optional.of(JSON.readValue(f.toFile(), State.class)) : Optional.empty();
  }

  static Map<String, String> configuration(Path dir, int rpc, int rest, int blob, Spec spec) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("jobmanager.rpc.address", LOOPBACK);
    c.put("jobmanager.bind-host", LOOPBACK);
    c.put("jobmanager.rpc.port", Integer.toString(rpc));
    c.put("rest.address", LOOPBACK);
    c.put("rest.bind-address", LOOPBACK);
    c.put("rest.port", Integer.toString(rest));
    c.put("blob.server.port", Integer.toString(blob));
    c.put("taskmanager.host", LOOPBACK);
    c.put("taskmanager.bind-host", LOOPBACK);
    c.put("taskmanager.rpc.port", "0");
    c.put("taskmanager.data.port", "0");
    c.put("metrics.internal.query-service.port", "0");
    c.put("taskmanager.numberOfTaskSlots", Integer.toString(spec.slots()));
    c.put("parallelism.default", Integer.toString(spec.slots() * spec.taskManagers()));
    c.put("cluster.evenly-spread-out-slots", "true");
    c.put("jobmanager.memory.process.size", spec.jobManagerMemory());
    c.put("taskmanager.memory.process.size", spec.taskManagerMemory());
    // batch fault tolerance: restart only the failed region (blocking exchanges bound the regions)
    c.put("restart-strategy.type", "fixed-delay");
    c.put("restart-strategy.fixed-delay.attempts", Integer.toString(RESTART_ATTEMPTS));
    c.put("restart-strategy.fixed-delay.delay", "1 s");
    c.put("jobmanager.execution.failover-strategy", "region");
    c.put("heartbeat.interval", "1000");
    c.put("heartbeat.timeout", Integer.toString(HEARTBEAT_TIMEOUT_MS));
    // a client given this configuration (--flinkConfDir=DIR/conf) gives up on a lost cluster in seconds, not minutes
    c.put("rest.retry.max-attempts", "3");
    c.put("rest.retry.delay", "1000");
    c.put("io.tmp.dirs", dir.resolve("tmp").toString());
    c.put("blob.storage.directory", dir.resolve("tmp").toString());
    c.put("web.tmpdir", dir.resolve("tmp").toString());
    return c;
  }

  private static Member launch(Path dir, String id, List<String> classpath, List<String> jvmArgs, String mainClass, List<String> args) throws IOException {
    Path log = dir.resolve("log/" + id + ".log");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // these two first: they identify the process to stop, and a long command line is cut in /proc
    cmd.add("-Dprovenant.flinkCluster=" + dir);
    cmd.add("-Dprovenant.flinkMember=" + id);
    cmd.addAll(jvmArgs);
    cmd.addAll(List.of(
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
        "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
        "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "-Djava.net.preferIPv4Stack=true",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-Dorg.slf4j.simpleLogger.showDateTime=true",
        "-Dlog.file=" + log, "@" + classpathArgFile(dir, classpath), mainClass));
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).directory(dir.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    return new Member(id, p.pid(), log.toString());
  }

  /** A java launcher argument file holding {@code -cp CLASSPATH}, so that the command line stays short. */
  private static Path classpathArgFile(Path dir, List<String> classpath) throws IOException {
    Path f = dir.resolve("conf/classpath.args");
    Files.writeString(f, "-cp \"" + String.join(File.pathSeparator, classpath) + "\"\n", StandardCharsets.UTF_8);
    return f;
  }

  /** SIGTERM, up to 20 s for a clean exit, then SIGKILL; false when the pid no longer runs this member. */
  private static boolean terminate(Member m, Path dir) {
    Optional<ProcessHandle> h = ProcessHandle.of(m.pid()).filter(p -> runs(p, m.id(), dir));
    if (h.isEmpty()) {
      return false;
    }
    h.get().destroy();
    try {
      h.get().onExit().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      h.get().destroyForcibly();
      h.get().onExit().orTimeout(30, TimeUnit.SECONDS).join();
    }
    return true;
  }

  /** The member's pid still runs that member of the cluster in {@code dir}. */
  public static boolean alive(Member m, Path dir) {
    return ProcessHandle.of(m.pid()).filter(p -> runs(p, m.id(), dir)).isPresent();
  }

  /** The pid runs member {@code id} of the cluster in {@code dir} (a recycled pid does not). */
  private static boolean runs(ProcessHandle h, String id, Path dir) {
    if (!h.isAlive()) {
      return false;
    }
    String cmd = h.info().commandLine().orElse("");
    return cmd.contains(" -Dprovenant.flinkCluster=" + dir + " ") && cmd.contains(" -Dprovenant.flinkMember=" + id + " ");
  }

  private static void write(State s) throws IOException {
    Path f = Path.of(s.dir()).resolve(STATE_FILE);
    Path tmp = f.resolveSibling(STATE_FILE + ".tmp");
    JSON.writeValue(tmp.toFile(), s);
    Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      return s.getLocalPort();
    }
  }

  private static List<String> split(String s) {
    return Arrays.stream(s.trim().split("\\s+")).filter(x -> !x.isEmpty()).toList();
  }

  private static String tail(Member m) {
    try {
      List<String> lines = Files.readAllLines(Path.of(m.log()));
      return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
