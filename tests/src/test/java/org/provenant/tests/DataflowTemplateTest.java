package org.provenant.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provenant.pipelines.cli.Curator;
import org.provenant.pipelines.cli.Main;
import org.provenant.pipelines.config.CurationConfig;

/**
 * The DataflowRunner writes the job specification offline, without credentials or network, and
 * what it stages is enough to run: a new JVM whose classpath is only the staged files curates.
 */
class DataflowTemplateTest {
  /** The JVM flags of the {@code ./provenant} launcher. */
  private static final List<String> LAUNCHER_FLAGS = List.of("--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
      "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
  /** The pipelines module's build output, next to this module (Surefire runs in tests/). */
  private static final String MAIN = "org.provenant.pipelines.cli.Main";
  private static final Path PIPELINES_TARGET = Path.of("../pipelines/target").toAbsolutePath().normalize();

  @TempDir Path tmp;

  private static List<String> offlineDataflowArgs(Path staging, Path template, String filesToStage) {
    return List.of("--runner=DataflowRunner", "--project=provenant-test", "--region=europe-west1",
        "--tempLocation=gs://provenant-test/tmp", "--gcpTempLocation=gs://provenant-test/tmp",
        "--stagingLocation=" + staging, "--templateLocation=" + template,
        "--credentialFactoryClass=org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory",
        "--pathValidatorClass=org.apache.beam.sdk.extensions.gcp.storage.NoopPathValidator",
        "--filesToStage=" + filesToStage);
  }

  @Test
  void writesTheJobSpecificationWithEveryStep() throws IOException {
    Path corpus = SmallCorpus.write(tmp.resolve("in"));
    Path jar = tmp.resolve("stage.jar");
    try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar))) {
      // an empty jar stands in for the project jar: nothing is uploaded anywhere
    }
    Path template = tmp.resolve("job.json");
    Curator.Result r = new Curator(System.err).run(
        List.of(corpus + "/crawl-0.warc.gz"), "gs://provenant-test/out", CurationConfig.DEFAULT, false,
        offlineDataflowArgs(tmp.resolve("staging"), template, jar.toString()));
    assertTrue(r.templateOnly());
    assertEquals("DataflowRunner", r.runner());
    assertEquals("gs://provenant-test/out/", r.outputDir());
    JsonNode job = new ObjectMapper().readTree(template.toFile());
    assertEquals("JOB_TYPE_BATCH", job.path("type").asText());
    assertTrue(job.path("name").asText().startsWith("provenant-"), job.path("name").asText());
    List<String> names = new ArrayList<>();
    job.path("steps").forEach(s -> names.add(s.path("properties").path("user_name").path("value").asText()));
    for (String step : List.of("ReadInputs/ReadRecords", "ExtractText/Extract", "WriteDataShards/SortAndWriteShard",
        "WriteRejectedShards/SortAndWriteShard", "WriteManifest/WriteManifestFile")) {
      assertTrue(names.stream().anyMatch(n -> n.startsWith(step)), step + " not in " + names);
    }
  }

  @Test
  void theStagedFilesAloneRunCurateOnTheDirectRunner() throws Exception {
    Path corpus = SmallCorpus.write(tmp.resolve("in"));
    List<String> inputs = List.of(corpus + "/crawl-0.warc.gz", corpus + "/rows.jsonl");
    // what ./provenant runs with: the pipelines classes directory and its runtime classpath
    List<String> classpath = new ArrayList<>();
    classpath.add(PIPELINES_TARGET.resolve("classes").toString());
    classpath.addAll(List.of(Files.readString(PIPELINES_TARGET.resolve("runtime-classpath.txt")).trim().split(File.pathSeparator)));
    Path staging = tmp.resolve("staging");
    Curator.Result spec = new Curator(System.err).run(inputs, "gs://provenant-test/out", CurationConfig.DEFAULT, false,
        offlineDataflowArgs(staging, tmp.resolve("job.json"), String.join(",", classpath)));
    assertTrue(spec.templateOnly());

    List<Path> staged;
    try (Stream<Path> s = Files.list(staging)) {
      staged = s.sorted().toList();
    }
    List<String> jars = staged.stream().filter(p -> p.toString().endsWith(".jar")).map(Path::toString).toList();
    // one staged jar per classpath entry (the classes directory zipped into one), and nothing else but the pipeline proto
    assertEquals(classpath.size(), jars.size(), staged.toString());
    assertEquals(List.of(), staged.stream().map(p -> p.getFileName().toString())
        .filter(n -> !n.endsWith(".jar") && !n.matches("pipeline-[A-Za-z0-9_-]+\\.pb")).toList());

    Path fromStaged = tmp.resolve("from-staged");
    List<String> curate = new ArrayList<>(List.of("curate", "--runner=DirectRunner"));
    inputs.forEach(i -> curate.addAll(List.of("--input", i)));
    curate.addAll(List.of("--output", fromStaged.toString()));
    String stagedClasspath = String.join(File.pathSeparator, jars);
    String log = runInJvm(stagedClasspath, MAIN, curate);
    assertTrue(log.contains("accounting holds"), log);
    assertEquals("OK: ", runInJvm(stagedClasspath, MAIN, List.of("verify", fromStaged.toString())).substring(0, 4));

    // the Flex Template's main class, run from the same jars with --name=value arguments as the
    // launcher passes them (the input among the others), writes the job specification offline
    Path emptyJar = tmp.resolve("empty.jar");
    new JarOutputStream(Files.newOutputStream(emptyJar)).close();
    Path flexJob = tmp.resolve("flex-job.json");
    List<String> launcher = new ArrayList<>(List.of("--input=" + corpus + "/crawl-0.warc.gz", "--output=gs://provenant-test/flex-out",
        "--preset=fineweb", "--releaseName=Flex run"));
    launcher.addAll(1, offlineDataflowArgs(tmp.resolve("flex-staging"), flexJob, emptyJar.toString()).subList(1, 10));
    String flexLog = runInJvm(stagedClasspath, "org.provenant.pipelines.cli.FlexTemplateMain", launcher);
    assertTrue(flexLog.contains("wrote the Dataflow job specification (template); nothing ran. Output will go to gs://provenant-test/flex-out/"),
        flexLog);
    List<String> flexSteps = new ArrayList<>();
    new ObjectMapper().readTree(flexJob.toFile()).path("steps")
        .forEach(st -> flexSteps.add(st.path("properties").path("user_name").path("value").asText()));
    assertTrue(flexSteps.stream().anyMatch(n -> n.startsWith("ReadInputs/ReadRecords")), flexSteps.toString());

    Path inProcess = tmp.resolve("in-process");
    List<String> same = new ArrayList<>(curate.subList(0, curate.size() - 1));
    same.add(inProcess.toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(0, Main.execute(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, same.toArray(new String[0])),
        out.toString(StandardCharsets.UTF_8));
    TreeMap<String, String> expected = CrossProcessDeterminismTest.shards(inProcess);
    assertEquals(16, expected.size(), expected.keySet().toString()); // 4 data + 4 rejected shards, each with its manifest
    assertEquals(expected, CrossProcessDeterminismTest.shards(fromStaged));
  }

  /** Runs {@code mainClass} in a new JVM on {@code classpath} with the launcher's flags; its output, after checking it exited 0. */
  private String runInJvm(String classpath, String mainClass, List<String> args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
    cmd.addAll(LAUNCHER_FLAGS);
    cmd.addAll(List.of("-cp", classpath, mainClass));
    cmd.addAll(args);
    Path log = Files.createTempFile(tmp, "jvm", ".log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(mainClass + " " + args.get(0) + " did not finish in 120 s");
    }
    String text = Files.readString(log);
    assertEquals(0, p.exitValue(), text);
    return text;
  }
}
