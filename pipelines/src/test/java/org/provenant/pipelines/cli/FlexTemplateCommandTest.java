package org.provenant.pipelines.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.beam.runners.dataflow.DataflowRunner;
import org.apache.beam.runners.dataflow.options.DataflowPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provenant.pipelines.dataflow.FlexTemplateSpec;
import org.provenant.pipelines.release.ReleaseOptions;
import picocli.CommandLine;

/**
 * What the Flex Template declares is what {@code curate} accepts, and {@code provenant
 * dataflow-flex-template} writes the template's files with the classpath's jars.
 */
class FlexTemplateCommandTest {
  private static final String IMAGE = "europe-west1-docker.pkg.dev/p/r/provenant:0.1.0";

  @TempDir Path tmp;

  /** A value for every declared parameter, as a user would give it at launch. */
  private static final Map<String, String> SAMPLES = new LinkedHashMap<>();

  static {
    SAMPLES.put("input", "gs://bucket/crawl/*.warc.gz");
    SAMPLES.put("output", "gs://bucket/out");
    SAMPLES.put("preset", "fineweb");
    SAMPLES.put("config", "/template/provenant.json");
    SAMPLES.put("dedupAgainst", "gs://bucket/earlier");
    SAMPLES.put("releaseName", "Web 2026");
    SAMPLES.put("releaseDescription", "Pages crawled in 2026");
    SAMPLES.put("releaseLicense", "CC-BY-4.0");
    SAMPLES.put("releaseCreators", "Alice,Bob");
    SAMPLES.put("releaseUrl", "https://example.org/web");
    SAMPLES.put("releaseVersion", "2.0.0");
  }

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.execute(new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8), args);
    return new Run(exit, out.toString(UTF_8), err.toString(UTF_8));
  }

  @Test
  void everyDeclaredParameterIsAcceptedByCurate() {
    assertEquals(List.copyOf(SAMPLES.keySet()), FlexTemplateSpec.PARAMETERS.stream().map(FlexTemplateSpec.Parameter::name).toList());
    List<String> launcher = new ArrayList<>();
    for (FlexTemplateSpec.Parameter p : FlexTemplateSpec.PARAMETERS) {
      String value = SAMPLES.get(p.name());
      for (String regex : p.regexes()) {
        assertTrue(Pattern.compile(regex).matcher(value).matches(), p.name() + " " + regex + " refuses " + value);
      }
      launcher.add("--" + p.name() + "=" + value);
    }
    // the launcher's own pipeline options come among them
    launcher.add(1, "--project=provenant-test");
    launcher.addAll(List.of("--region=europe-west1", "--stagingLocation=gs://bucket/staging", "--tempLocation=gs://bucket/tmp"));

    CommandLine.ParseResult parsed = new CommandLine(new Main()).parseArgs(FlexTemplateSpec.curateArguments(launcher).toArray(new String[0]));
    Main.Curate curate = (Main.Curate) parsed.subcommand().commandSpec().userObject();
    assertEquals(List.of("gs://bucket/crawl/*.warc.gz"), curate.inputs);
    assertEquals("gs://bucket/out", curate.output);
    assertEquals("fineweb", curate.preset);
    assertEquals(Path.of("/template/provenant.json"), curate.config);
    assertEquals(List.of("gs://bucket/earlier"), curate.dedupAgainst);
    assertTrue(curate.noWait);
    assertEquals(List.of("--runner=DataflowRunner", "--project=provenant-test", "--releaseName=Web 2026", "--releaseDescription=Pages crawled in 2026",
        "--releaseLicense=CC-BY-4.0", "--releaseCreators=Alice,Bob", "--releaseUrl=https://example.org/web", "--releaseVersion=2.0.0",
        "--region=europe-west1", "--stagingLocation=gs://bucket/staging", "--tempLocation=gs://bucket/tmp"), curate.beamArgs);

    PipelineOptions options = Curator.beamOptions(curate.beamArgs);
    assertEquals(DataflowRunner.class, options.getRunner());
    ReleaseOptions release = options.as(ReleaseOptions.class);
    assertEquals("Web 2026", release.getReleaseName());
    assertEquals("Pages crawled in 2026", release.getReleaseDescription());
    assertEquals("CC-BY-4.0", release.getReleaseLicense());
    assertEquals(List.of("Alice", "Bob"), release.getReleaseCreators());
    assertEquals("https://example.org/web", release.getReleaseUrl());
    assertEquals("2.0.0", release.getReleaseVersion());
    DataflowPipelineOptions dataflow = options.as(DataflowPipelineOptions.class);
    assertEquals("provenant-test", dataflow.getProject());
    assertEquals("europe-west1", dataflow.getRegion());
    assertEquals("gs://bucket/staging", dataflow.getStagingLocation());
  }

  @Test
  void noWaitIsForTheDataflowRunnerOnly() {
    Run r = run("curate", "--no-wait", "--runner=DirectRunner", "--input", tmp.resolve("in.jsonl").toString(), "--output", tmp.resolve("out").toString());
    assertEquals(2, r.exit());
    assertEquals("provenant: error: --no-wait is for --runner=DataflowRunner only; DirectRunner runs in this process\n", r.err());
  }

  @Test
  void writesTheTemplateFilesAndTheJars() throws IOException {
    Path classes = Files.createDirectories(tmp.resolve("classes/org/example"));
    Files.writeString(classes.resolve("Hello.txt"), "hello", UTF_8);
    Path jar = tmp.resolve("dep-1.0.jar");
    try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar))) {
      j.putNextEntry(new JarEntry("dep.txt"));
      j.write("dep".getBytes(UTF_8));
    }
    Path out = tmp.resolve("flex");
    DataflowFlexTemplateCommand.Written w = DataflowFlexTemplateCommand.write(out, IMAGE,
        List.of(tmp.resolve("classes").toString(), tmp.resolve("absent.jar").toString(), jar.toString()));
    try (Stream<Path> s = Files.list(out)) {
      assertEquals(List.of("Dockerfile", "flex-template.json", "lib", "metadata.json"), s.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertEquals(FlexTemplateSpec.toJson(FlexTemplateSpec.metadata()), Files.readString(out.resolve("metadata.json")));
    assertEquals(FlexTemplateSpec.toGcloudJson(FlexTemplateSpec.templateFile(IMAGE)), Files.readString(out.resolve("flex-template.json")));
    assertEquals(FlexTemplateSpec.dockerfile(), Files.readString(out.resolve("Dockerfile")));
    assertEquals(2, w.jars().size());
    // the directory became a jar of its files, as Beam's staging zips it; the jar is copied byte for byte
    try (JarFile zipped = new JarFile(w.jars().get(0).toFile())) {
      assertEquals("hello", new String(zipped.getInputStream(zipped.getEntry("org/example/Hello.txt")).readAllBytes(), UTF_8));
    }
    assertEquals(out.resolve("lib/dep-1.0.jar"), w.jars().get(1));
    assertArrayEquals(Files.readAllBytes(jar), Files.readAllBytes(w.jars().get(1)));
    assertEquals(Files.size(w.jars().get(0)) + Files.size(jar), w.jarBytes());
  }

  @Test
  void badInputGetsOneClearErrorLine() throws IOException {
    Run noImage = run("dataflow-flex-template", "--output", tmp.resolve("a").toString());
    assertEquals(2, noImage.exit());
    assertEquals("provenant: error: Missing required option: '--image=IMAGE'", noImage.err().lines().findFirst().orElseThrow());

    Run badImage = run("dataflow-flex-template", "--image", "My Image", "--output", tmp.resolve("b").toString());
    assertEquals(2, badImage.exit());
    assertEquals("provenant: error: --image: not a container image reference (expected HOST/PATH[:TAG], "
        + "e.g. europe-west1-docker.pkg.dev/P/R/provenant:0.1.0): My Image\n", badImage.err());
    assertEquals(false, Files.exists(tmp.resolve("b")));

    Path full = Files.createDirectories(tmp.resolve("full"));
    Files.writeString(full.resolve("x"), "x", UTF_8);
    Run notEmpty = run("dataflow-flex-template", "--image", IMAGE, "--output", full.toString());
    assertEquals(2, notEmpty.exit());
    assertEquals("provenant: error: output directory " + full + " is not empty\n", notEmpty.err());
  }
}
