package org.provenant.pipelines.dataflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Flex Template's metadata.json, template spec file, Dockerfile and launcher arguments, field by field. */
class FlexTemplateSpecTest {
  private static final String IMAGE = "europe-west1-docker.pkg.dev/p/r/provenant:0.1.0";
  private static final String GCS = "^gs://[a-z0-9][-_.a-z0-9]*/\\S*$";

  private static List<String> fieldNames(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void templateFileHoldsImageSdkInfoAndMetadata() throws Exception {
    JsonNode t = new ObjectMapper().readTree(FlexTemplateSpec.toGcloudJson(FlexTemplateSpec.templateFile(IMAGE)));
    assertEquals(List.of("image", "metadata", "sdkInfo"), fieldNames(t));
    assertEquals(IMAGE, t.get("image").textValue());
    assertEquals(List.of("language"), fieldNames(t.get("sdkInfo")));
    assertEquals("JAVA", t.get("sdkInfo").get("language").textValue());
    assertEquals(new ObjectMapper().readTree(FlexTemplateSpec.toJson(FlexTemplateSpec.metadata())), t.get("metadata"));
  }

  @Test
  void templateFileIsPrintedAsGcloudPrintsIt() {
    String file = FlexTemplateSpec.toGcloudJson(FlexTemplateSpec.templateFile(IMAGE));
    assertEquals("{\n"
        + "    \"image\": \"europe-west1-docker.pkg.dev/p/r/provenant:0.1.0\",\n"
        + "    \"metadata\": {\n"
        + "        \"description\": \"Curates web and code corpora into Parquet shards with per-document provenance "
        + "(provenant curate on the DataflowRunner).\",\n"
        + "        \"name\": \"Provenant curate\",\n"
        + "        \"parameters\": [\n"
        + "            {\n"
        + "                \"helpText\": \"A Cloud Storage glob of the inputs (.warc, .warc.gz, .wet(.gz), .jsonl(.gz|.zst), .parquet, "
        + "or code archives), e.g. gs://bucket/crawl/*.warc.gz.\",\n"
        + "                \"isOptional\": false,\n"
        + "                \"label\": \"Input files\",\n"
        + "                \"name\": \"input\",\n"
        + "                \"regexes\": [\n"
        + "                    \"^gs://[a-z0-9][-_.a-z0-9]*/\\\\S*$\"\n"
        + "                ]\n"
        + "            },\n", file.substring(0, file.indexOf("            {\n", file.indexOf("\"input\"")) ));
    assertEquals("            {\n"
        + "                \"helpText\": \"Dataset version (default: 1.0.0).\",\n"
        + "                \"isOptional\": true,\n"
        + "                \"label\": \"Dataset version\",\n"
        + "                \"name\": \"releaseVersion\"\n"
        + "            }\n"
        + "        ]\n"
        + "    },\n"
        + "    \"sdkInfo\": {\n"
        + "        \"language\": \"JAVA\"\n"
        + "    }\n"
        + "}", file.substring(file.lastIndexOf("            {\n")));
  }

  @Test
  void gcloudJsonSortsKeysIndentsByFourAndEscapesNonAscii() throws Exception {
    JsonNode n = new ObjectMapper().readTree("{\"b\": 1, \"a\": {\"y\": [\"caf\u00e9\", 2.5], \"x\": true, \"w\": [], \"v\": {}}}");
    assertEquals("{\n"
        + "    \"a\": {\n"
        + "        \"v\": {},\n"
        + "        \"w\": [],\n"
        + "        \"x\": true,\n"
        + "        \"y\": [\n"
        + "            \"caf\\u00e9\",\n"
        + "            2.5\n"
        + "        ]\n"
        + "    },\n"
        + "    \"b\": 1\n"
        + "}", FlexTemplateSpec.toGcloudJson(n));
    assertEquals("\"q\\\"b\\\\n\\nt\\tc\\u0001\u007f\\ud83d\\ude00\"", FlexTemplateSpec.quote("q\"b\\n\nt\tc\u0001\u007f\ud83d\ude00"));
  }

  @Test
  void metadataDeclaresEveryParameterWithGooglesFieldNames() throws Exception {
    JsonNode m = new ObjectMapper().readTree(FlexTemplateSpec.toJson(FlexTemplateSpec.metadata()));
    assertEquals(List.of("name", "description", "parameters"), fieldNames(m));
    assertEquals("Provenant curate", m.get("name").textValue());
    assertEquals("Curates web and code corpora into Parquet shards with per-document provenance (provenant curate on the DataflowRunner).",
        m.get("description").textValue());
    JsonNode ps = m.get("parameters");
    assertEquals(11, ps.size());
    List<String> names = new ArrayList<>();
    ps.forEach(p -> names.add(p.get("name").textValue()));
    assertEquals(List.of("input", "output", "preset", "config", "dedupAgainst", "releaseName", "releaseDescription", "releaseLicense",
        "releaseCreators", "releaseUrl", "releaseVersion"), names);

    JsonNode input = ps.get(0);
    assertEquals(List.of("name", "label", "helpText", "isOptional", "regexes"), fieldNames(input));
    assertEquals("Input files", input.get("label").textValue());
    assertEquals("A Cloud Storage glob of the inputs (.warc, .warc.gz, .wet(.gz), .jsonl(.gz|.zst), .parquet, or code archives), "
        + "e.g. gs://bucket/crawl/*.warc.gz.", input.get("helpText").textValue());
    assertEquals(false, input.get("isOptional").booleanValue());
    assertEquals(GCS, input.get("regexes").get(0).textValue());
    assertEquals(1, input.get("regexes").size());

    JsonNode output = ps.get(1);
    assertEquals("Output directory", output.get("label").textValue());
    assertEquals(false, output.get("isOptional").booleanValue());
    assertEquals(GCS, output.get("regexes").get(0).textValue());

    JsonNode preset = ps.get(2);
    assertEquals("Curation preset", preset.get("label").textValue());
    assertEquals("Preset for the kinds of document it covers: web, code, fineweb, c4, gopher, none "
        + "(default: web for pages and text, code for code files).", preset.get("helpText").textValue());
    assertEquals(true, preset.get("isOptional").booleanValue());
    assertEquals("^(web|code|fineweb|c4|gopher|none)$", preset.get("regexes").get(0).textValue());

    assertEquals("^/\\S+\\.json$", ps.get(3).get("regexes").get(0).textValue());
    assertEquals(GCS, ps.get(4).get("regexes").get(0).textValue());
    // a parameter without a pattern has no regexes field at all
    JsonNode releaseName = ps.get(5);
    assertEquals(List.of("name", "label", "helpText", "isOptional"), fieldNames(releaseName));
    assertEquals("Dataset name", releaseName.get("label").textValue());
    assertEquals(true, releaseName.get("isOptional").booleanValue());
    assertEquals("^https?://\\S+$", ps.get(9).get("regexes").get(0).textValue());
    for (JsonNode p : ps) {
      if (!p.get("name").textValue().equals("input") && !p.get("name").textValue().equals("output")) {
        assertEquals(true, p.get("isOptional").booleanValue(), p.toString());
      }
    }
  }

  @Test
  void regexesAcceptWhatTheyShouldAndRejectTheRest() {
    Pattern gcs = Pattern.compile(GCS);
    assertEquals(true, gcs.matcher("gs://bucket/crawl/*.warc.gz").matches());
    assertEquals(true, gcs.matcher("gs://my-bucket.eu/out").matches());
    assertEquals(false, gcs.matcher("/local/crawl/*.warc.gz").matches());
    assertEquals(false, gcs.matcher("gs://bucket").matches());
    assertEquals(false, gcs.matcher("gs://bucket/a b").matches());
    Pattern preset = Pattern.compile(FlexTemplateSpec.parameter("preset").orElseThrow().regexes().get(0));
    assertEquals(true, preset.matcher("fineweb").matches());
    assertEquals(false, preset.matcher("finewebx").matches());
    assertEquals(false, preset.matcher("").matches());
  }

  @Test
  void dockerfileSetsTheLauncherEnvironment() {
    assertEquals("# Provenant's Dataflow Flex Template launcher image (written by provenant dataflow-flex-template)\n"
        + "FROM gcr.io/dataflow-templates-base/java17-template-launcher-base:latest\n"
        + "COPY lib/ /template/lib/\n"
        + "ENV FLEX_TEMPLATE_JAVA_MAIN_CLASS=\"org.provenant.pipelines.cli.FlexTemplateMain\"\n"
        + "ENV FLEX_TEMPLATE_JAVA_CLASSPATH=\"/template/lib/*\"\n"
        + "ENV JAVA_TOOL_OPTIONS=\"--add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED "
        + "--add-opens=java.base/java.util=ALL-UNNAMED\"\n", FlexTemplateSpec.dockerfile());
  }

  @Test
  void launcherArgumentsBecomeACurateCommandLine() {
    assertEquals(List.of("curate", "--no-wait", "--runner=DataflowRunner", "--project=p",
            "--dedup-against=gs://b/old", "--releaseName=Web 2026", "--stagingLocation=gs://b/staging", "--input=gs://b/in/*.warc.gz"),
        FlexTemplateSpec.curateArguments(List.of("--input=gs://b/in/*.warc.gz", "--project=p", "--dedupAgainst=gs://b/old",
            "--releaseName=Web 2026", "--stagingLocation=gs://b/staging")));
    // a runner the launcher names is kept, and not doubled
    assertEquals(List.of("curate", "--no-wait", "--runner=DataflowRunner", "--output=gs://b/out"),
        FlexTemplateSpec.curateArguments(List.of("--runner=DataflowRunner", "--output=gs://b/out")));
  }

  @Test
  void badImagesAreRefusedWithTheReason() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FlexTemplateSpec.templateFile("Provenant Image"));
    assertEquals("not a container image reference (expected HOST/PATH[:TAG], e.g. europe-west1-docker.pkg.dev/P/R/provenant:0.1.0): "
        + "Provenant Image", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> FlexTemplateSpec.checkImage("provenant"));
    assertEquals("gcr.io/p/provenant@sha256:" + "0".repeat(64), FlexTemplateSpec.checkImage("gcr.io/p/provenant@sha256:" + "0".repeat(64)));
    assertEquals("localhost:5000/provenant:dev", FlexTemplateSpec.checkImage("localhost:5000/provenant:dev"));
  }
}
