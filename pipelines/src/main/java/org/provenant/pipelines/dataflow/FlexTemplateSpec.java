package org.provenant.pipelines.dataflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.base.Preconditions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.provenant.filters.step.Presets;

/**
 * The Dataflow Flex Template of {@code provenant curate}, as plain values: the parameters its
 * {@code metadata.json} declares, the template spec file {@code gcloud dataflow flex-template build}
 * writes ({@code image}, {@code sdkInfo}, {@code metadata}), the launcher image's Dockerfile, and how
 * the launcher's {@code --name=value} arguments become a {@code curate} command line.
 *
 * <p>Field names follow Google's Flex Template metadata format (TemplateMetadata: name,
 * description, parameters; ParameterMetadata: name, label, helpText, isOptional, regexes) and
 * ContainerSpec (image, metadata, sdkInfo.language). The template spec file is printed as gcloud
 * prints it: keys sorted, four-space indent, {@code ": "} between key and value, no final newline.
 */
public final class FlexTemplateSpec {
  /** Google's Java 17 launcher image that a Flex Template image for a Java pipeline builds on. */
  public static final String LAUNCHER_BASE_IMAGE = "gcr.io/dataflow-templates-base/java17-template-launcher-base:latest";
  /** The class the launcher runs: it turns the template's parameters into {@code curate} arguments. */
  public static final String MAIN_CLASS = "org.provenant.pipelines.cli.FlexTemplateMain";
  /** Where the Dockerfile puts the jars, relative to the template directory and inside the image. */
  public static final String LIB_DIR = "lib";
  public static final String IMAGE_LIB_DIR = "/template/lib";
  /** The JVM flags {@code ./provenant} runs with (Arrow and Beam's coders reflect into java.base). */
  public static final List<String> JVM_FLAGS = List.of(
      "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED");

  static final String GCS_URI = "^gs://[a-z0-9][-_.a-z0-9]*/\\S*$";

  /**
   * One template parameter: what metadata.json declares, and the {@code curate} option (or Beam
   * option) that the launcher's {@code --name=value} becomes.
   */
  public record Parameter(String name, String label, String helpText, boolean isOptional, List<String> regexes, String curateOption) {
    public Parameter {
      Preconditions.checkArgument(name.matches("[a-zA-Z][a-zA-Z0-9]*"), "parameter name is not a plain identifier: %s", name);
      Preconditions.checkArgument(curateOption.startsWith("--"), "curate option does not start with --: %s", curateOption);
      regexes = List.copyOf(regexes);
    }
  }

  /** The parameters of Provenant's template, in the order the console shows them. */
  public static final List<Parameter> PARAMETERS = List.of(
      new Parameter("input", "Input files", "A Cloud Storage glob of the inputs (.warc, .warc.gz, .wet(.gz), .jsonl(.gz|.zst), .parquet, "
          + "or code archives), e.g. gs://bucket/crawl/*.warc.gz.", false, List.of(GCS_URI), "--input"),
      new Parameter("output", "Output directory", "Cloud Storage directory for data/*.parquet, rejected/*.parquet and manifest.json, "
          + "e.g. gs://bucket/out.", false, List.of(GCS_URI), "--output"),
      new Parameter("preset", "Curation preset", "Preset for the kinds of document it covers: " + String.join(", ", presetNames())
          + " (default: web for pages and text, code for code files).", true, List.of("^(" + String.join("|", presetNames()) + ")$"), "--preset"),
      new Parameter("config", "Configuration file", "Path of a JSON configuration inside the launcher image (add it to the image "
          + "in the Dockerfile); defaults apply to what it leaves out.", true, List.of("^/\\S+\\.json$"), "--config"),
      new Parameter("dedupAgainst", "Earlier output to deduplicate against", "Cloud Storage directory of an earlier Provenant output "
          + "whose kept documents count as already kept: only what is new is kept.", true, List.of(GCS_URI), "--dedup-against"),
      new Parameter("releaseName", "Dataset name", "Dataset name for croissant.json and README.md (default: the output directory's name).",
          true, List.of(), "--releaseName"),
      new Parameter("releaseDescription", "Dataset description", "Dataset description (default: generated from the counts).",
          true, List.of(), "--releaseDescription"),
      new Parameter("releaseLicense", "Dataset licence", "Licence of the dataset as a whole, an SPDX id or URL (default: other; "
          + "each document keeps its own).", true, List.of(), "--releaseLicense"),
      new Parameter("releaseCreators", "Dataset creators", "Creators of the dataset, comma-separated.", true, List.of(), "--releaseCreators"),
      new Parameter("releaseUrl", "Dataset home page", "Home page of the dataset.", true, List.of("^https?://\\S+$"), "--releaseUrl"),
      new Parameter("releaseVersion", "Dataset version", "Dataset version (default: 1.0.0).", true, List.of(), "--releaseVersion"));

  static final String NAME = "Provenant curate";
  static final String DESCRIPTION = "Curates web and code corpora into Parquet shards with per-document provenance "
      + "(provenant curate on the DataflowRunner).";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private FlexTemplateSpec() {}

  private static List<String> presetNames() {
    return Presets.all().stream().map(p -> p.name()).toList();
  }

  /** The parameter named {@code name}, if the template declares one. */
  public static Optional<Parameter> parameter(String name) {
    return PARAMETERS.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The metadata.json that {@code gcloud dataflow flex-template build --metadata-file} takes. */
  public static ObjectNode metadata() {
    ObjectNode m = JSON.createObjectNode();
    m.put("name", NAME);
    m.put("description", DESCRIPTION);
    ArrayNode params = m.putArray("parameters");
    for (Parameter p : PARAMETERS) {
      ObjectNode o = params.addObject();
      o.put("name", p.name());
      o.put("label", p.label());
      o.put("helpText", p.helpText());
      o.put("isOptional", p.isOptional());
      if (!p.regexes().isEmpty()) {
        p.regexes().forEach(o.putArray("regexes")::add);
      }
    }
    return m;
  }

  /** The template spec file that {@code gcloud dataflow flex-template build} writes for {@code image}. */
  public static ObjectNode templateFile(String image) {
    checkImage(image);
    ObjectNode t = JSON.createObjectNode();
    t.put("image", image);
    t.putObject("sdkInfo").put("language", "JAVA");
    t.set("metadata", metadata());
    return t;
  }

  /** The launcher image: Google's Java 17 launcher with Provenant's jars and main class. */
  public static String dockerfile() {
    return "# Provenant's Dataflow Flex Template launcher image (written by provenant dataflow-flex-template)\n"
        + "FROM " + LAUNCHER_BASE_IMAGE + "\n"
        + "COPY " + LIB_DIR + "/ " + IMAGE_LIB_DIR + "/\n"
        + "ENV FLEX_TEMPLATE_JAVA_MAIN_CLASS=\"" + MAIN_CLASS + "\"\n"
        + "ENV FLEX_TEMPLATE_JAVA_CLASSPATH=\"" + IMAGE_LIB_DIR + "/*\"\n"
        + "ENV JAVA_TOOL_OPTIONS=\"" + String.join(" ", JVM_FLAGS) + "\"\n";
  }

  /**
   * {@code node} as gcloud writes a template spec file (Python's {@code json.dumps(spec,
   * sort_keys=True, indent=4, separators=(',', ': '))}): keys sorted, non-ASCII escaped.
   */
  public static String toGcloudJson(JsonNode node) {
    StringBuilder b = new StringBuilder();
    appendGcloudJson(b, node, "");
    return b.toString();
  }

  private static void appendGcloudJson(StringBuilder b, JsonNode n, String indent) {
    String inner = indent + "    ";
    if (n.isObject() && n.size() > 0) {
      List<String> keys = new ArrayList<>();
      n.fieldNames().forEachRemaining(keys::add);
      keys.sort(null);
      b.append("{\n");
      for (int i = 0; i < keys.size(); i++) {
        b.append(inner).append(quote(keys.get(i))).append(": ");
        appendGcloudJson(b, n.get(keys.get(i)), inner);
        b.append(i + 1 < keys.size() ? ",\n" : "\n");
      }
      b.append(indent).append('}');
    } else if (n.isArray() && n.size() > 0) {
      b.append("[\n");
      for (int i = 0; i < n.size(); i++) {
        b.append(inner);
        appendGcloudJson(b, n.get(i), inner);
        b.append(i + 1 < n.size() ? ",\n" : "\n");
      }
      b.append(indent).append(']');
    } else {
      b.append(n.isObject() ? "{}" : n.isArray() ? "[]" : scalar(n));
    }
  }

  private static String scalar(JsonNode n) {
    return n.isTextual() ? quote(n.textValue()) : n.toString();
  }

  /** A JSON string as Python's json.dumps writes it with ensure_ascii: lower-case hex escapes. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7f) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** Pretty JSON with a final newline. */
  public static String toJson(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A container image reference: {@code host/path[:tag][@sha256:digest]}, lower-case path, no spaces. */
  public static String checkImage(String image) {
    Preconditions.checkArgument(image != null && image.matches("[a-z0-9.-]+(:[0-9]+)?(/[a-z0-9._-]+)+(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[0-9a-f]{64})?"),
        "not a container image reference (expected HOST/PATH[:TAG], e.g. europe-west1-docker.pkg.dev/P/R/provenant:0.1.0): %s", image);
    return image;
  }

  /**
   * The {@code curate} command line for the launcher's arguments: each declared parameter's
   * {@code --name=value} becomes its curate option, every other {@code --option=value} (the
   * launcher's own pipeline options: project, region, staging and temp locations) is passed to Beam
   * as it is; the DataflowRunner is the default and the launcher does not wait for the job. The
   * input comes last: curate's {@code --input} takes one or more values and would read the
   * {@code --option} after it as another input, and the launcher's order is not ours to choose.
   */
  public static List<String> curateArguments(List<String> launcherArgs) {
    List<String> out = new ArrayList<>(List.of("curate", "--no-wait"));
    if (launcherArgs.stream().noneMatch(a -> a.startsWith("--runner=") || a.equals("--runner"))) {
      out.add("--runner=DataflowRunner");
    }
    List<String> inputs = new ArrayList<>();
    for (String a : launcherArgs) {
      int eq = a.indexOf('=');
      Optional<Parameter> p = a.startsWith("--") && eq > 2 ? parameter(a.substring(2, eq)) : Optional.empty();
      String arg = p.map(q -> q.curateOption() + a.substring(eq)).orElse(a);
      (p.isPresent() && p.get().curateOption().equals("--input") ? inputs : out).add(arg);
    }
    out.addAll(inputs);
    return out;
  }
}
