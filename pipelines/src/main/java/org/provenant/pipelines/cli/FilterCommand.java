package org.provenant.pipelines.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.provenant.filters.step.DocumentStep;
import org.provenant.filters.step.Outcome;
import org.provenant.filters.step.ParamSpec;
import org.provenant.filters.step.StepCatalog;
import org.provenant.filters.step.StepFactory;
import org.provenant.schemas.Document;
import org.provenant.schemas.Kind;
import org.provenant.schemas.LineageEntry;
import org.provenant.schemas.Rejection;
import org.provenant.schemas.Signals;
import org.provenant.schemas.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code provenant filter}: runs one catalogue step over JSON Lines documents on standard input and
 * writes one JSON verdict per input line, in input order, to try a step and its thresholds on
 * sample texts without a pipeline run.
 *
 * <p>An input line is an object with a string {@code "text"} and optionally a string {@code "id"}
 * (when absent or null, {@code line-N} with N the 1-based line number) and a string {@code "url"}
 * (for {@code url_filter} and the robots.txt rules of {@code optout}). Its verdict is
 *
 * <pre>{"id": ..., "verdict": "keep"|"drop", "reason": null|CODE, "detail": null|WHY,
 *  "step": "gopher_quality@1", "text_changed": BOOL, "note": null|LINEAGE_DETAIL,
 *  "signals": null|{"language": .., "language_score": .., "statistics": {NAME: NUMBER, ...},
 *                   "optout": [{"signal", "location", "value", "reserved"}], "pii": {...}}}</pre>
 *
 * where {@code detail} is the deciding statistic of a drop, {@code note} the step's lineage detail
 * on a kept document, and {@code signals} the typed values the step measured (the {@code signals}
 * column of the output), on kept and dropped documents alike; only what was measured appears. Any other
 * line, blank lines included, gives {@code {"line": N, "verdict": "error", "reason":
 * "malformed_record", "detail": WHY}} and the command goes on. Output is ASCII: other characters are
 * written as JSON escapes.
 */
@Command(name = "filter", mixinStandardHelpOptions = true,
    description = "Run one step over JSON Lines documents ({\"text\": ..., \"id\": ...}) on standard input and"
        + " print one JSON verdict per line: keep or drop, reason code, deciding statistic, signals.")
final class FilterCommand implements Callable<Integer> {
  static final String MALFORMED_RECORD = "malformed_record";

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
          .build();
  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
  private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

  @Option(names = "--step", required = true, paramLabel = "NAME",
      description = "The step, by its catalogue name (see: provenant steps).")
  String step;

  @Option(names = "--param", paramLabel = "NAME=VALUE",
      description = "A parameter of the step; repeat for more. Numbers and true/false for such parameters,"
          + " comma-separated items for list parameters, the text as it is otherwise.")
  List<String> params = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    DocumentStep documentStep = buildStep();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, UTF_8));
    long lineNumber = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNumber++;
      Main.OUT.println(JSON.writeValueAsString(verdict(documentStep, line, lineNumber)));
    }
    Main.OUT.flush();
    return 0;
  }

  /** The step named by {@code --step} with the {@code --param} values; the catalogue's message if it cannot be. */
  private DocumentStep buildStep() {
    Optional<StepFactory> factory = StepCatalog.find(step);
    Map<String, Object> values = new LinkedHashMap<>();
    for (String param : params) {
      int eq = param.indexOf('=');
      if (eq <= 0) {
        throw new UserError("--param expects NAME=VALUE, got \"" + param + "\"");
      }
      String name = param.substring(0, eq);
      Optional<ParamSpec.Type> type =
          factory.flatMap(f -> f.params().stream().filter(p -> p.name().equals(name)).findFirst())
              .map(ParamSpec::type);
      if (values.put(name, configValue(type, param.substring(eq + 1))) != null) {
        throw new UserError("--param " + name + " is given twice");
      }
    }
    try {
      org.apache.beam.sdk.io.FileSystems.setDefaultPipelineOptions(org.apache.beam.sdk.options.PipelineOptionsFactory.create());
      org.provenant.pipelines.io.ParquetBenchmarkItems.install(); // files as curate reads them, Parquet benchmarks too
      return StepCatalog.build(List.of(step), List.of(values)).get(0);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }

  /**
   * {@code raw} as the configuration value a parameter of {@code type} takes: an integer, a number,
   * true or false, or a list split at commas. Text that is not of the type is passed as it is, for
   * the catalogue to reject with its message; so is the value of a parameter the step lacks.
   */
  static Object configValue(Optional<ParamSpec.Type> type, String raw) {
    if (type.isEmpty()) {
      return raw;
    }
    switch (type.get()) {
      case INT:
        if (INTEGER.matcher(raw).matches()) {
          try {
            return Integer.valueOf(raw);
          } catch (NumberFormatException tooLarge) {
            return raw;
          }
        }
        return DECIMAL.matcher(raw).matches() ? Double.valueOf(raw) : raw;
      case DOUBLE:
        return DECIMAL.matcher(raw).matches() ? Double.valueOf(raw) : raw;
      case BOOLEAN:
        return raw.equals("true") || raw.equals("false") ? Boolean.valueOf(raw) : raw;
      case STRING_LIST:
        return raw.isBlank() ? List.of() : List.of(raw.strip().split("\\s*,\\s*"));
      case STRING:
      default:
        return raw;
    }
  }

  /** The verdict of {@code step} on one input line, or the reason the line is not a document. */
  private static ObjectNode verdict(DocumentStep step, String line, long lineNumber) {
    if (line.isBlank()) {
      return malformed(lineNumber, "blank line");
    }
    JsonNode record;
    try {
      record = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      return malformed(lineNumber, "not JSON: " + e.getOriginalMessage());
    }
    if (!record.isObject()) {
      return malformed(lineNumber, "not a JSON object");
    }
    JsonNode text = record.get("text");
    if (text == null || !text.isTextual()) {
      return malformed(lineNumber, "no \"text\" string");
    }
    JsonNode id = record.get("id");
    if (id != null && id.isNull()) {
      id = null;
    }
    if (id != null && !id.isTextual()) {
      return malformed(lineNumber, "\"id\" is not a string");
    }
    JsonNode url = record.get("url");
    if (url != null && !url.isNull() && !url.isTextual()) {
      return malformed(lineNumber, "\"url\" is not a string");
    }
    Document in = Document.of(
        id == null ? "line-" + lineNumber : id.textValue(),
        text.textValue(),
        Kind.TEXT,
        Source.builder("stdin", lineNumber).url(url == null || url.isNull() ? null : url.textValue()).build(),
        List.of());
    Outcome outcome = step.apply(in);
    ObjectNode out = JSON.createObjectNode();
    out.put("id", in.id());
    if (outcome instanceof Outcome.Rejected rejected) {
      Rejection r = rejected.rejection();
      out.put("verdict", "drop");
      out.put("reason", r.reason());
      out.put("detail", r.detail());
      out.put("step", r.step());
      out.put("text_changed", false);
      out.putNull("note");
      out.set("signals", signals(r.signals()));
    } else {
      Document kept = ((Outcome.Kept) outcome).document();
      Optional<LineageEntry> entry = kept.lineage().stream().filter(e -> e.step().equals(step.id())).findFirst();
      out.put("verdict", "keep");
      out.putNull("reason");
      out.putNull("detail");
      out.put("step", step.id());
      out.put("text_changed", !kept.text().equals(in.text()));
      out.put("note", entry.map(LineageEntry::detail).orElse(null));
      out.set("signals", signals(kept.signals()));
    }
    return out;
  }

  /** The measured signals as a JSON object of only what was measured; null when nothing was. */
  private static JsonNode signals(Signals s) {
    if (s == null || s.equals(Signals.EMPTY)) {
      return com.fasterxml.jackson.databind.node.NullNode.getInstance();
    }
    ObjectNode o = JSON.createObjectNode();
    if (s.language() != null) {
      o.put("language", s.language());
      o.put("language_score", s.languageScore());
    }
    if (s.codeLanguage() != null) {
      o.put("code_language", s.codeLanguage());
    }
    if (!s.statistics().isEmpty()) {
      ObjectNode st = o.putObject("statistics");
      s.statistics().forEach(x -> st.put(x.name(), x.value()));
    }
    if (!s.optOut().isEmpty()) {
      var arr = o.putArray("optout");
      for (Signals.OptOutSignal x : s.optOut()) {
        arr.addObject().put("signal", x.signal()).put("location", x.location()).put("value", x.value()).put("reserved", x.reserved());
      }
    }
    if (s.pii() != null) {
      o.putObject("pii").put("emails", s.pii().emails()).put("ip_addresses", s.pii().ipAddresses());
    }
    return o;
  }

  private static ObjectNode malformed(long lineNumber, String detail) {
    ObjectNode out = JSON.createObjectNode();
    out.put("line", lineNumber);
    out.put("verdict", "error");
    out.put("reason", MALFORMED_RECORD);
    out.put("detail", detail);
    return out;
  }
}
