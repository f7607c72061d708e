package org.provenant.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provenant.pipelines.cli.Curator;
import org.provenant.pipelines.config.CurationConfig;

/** The DataflowRunner writes the job specification offline, without credentials or network. */
class DataflowTemplateTest {
  @TempDir Path tmp;

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
        List.of("--runner=DataflowRunner", "--project=provenant-test", "--region=europe-west1",
            "--tempLocation=gs://provenant-test/tmp", "--gcpTempLocation=gs://provenant-test/tmp",
            "--stagingLocation=" + tmp.resolve("staging"), "--templateLocation=" + template,
            "--credentialFactoryClass=org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory",
            "--pathValidatorClass=org.apache.beam.sdk.extensions.gcp.storage.NoopPathValidator",
            "--filesToStage=" + jar));
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
}
