package org.provenant.pipelines.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.provenant.schemas.Kind;

/** How a configuration's preset, explicit steps and edits resolve into the steps each kind of document goes through. */
class StepPlanTest {
  static final List<String> WEB = List.of("optout", "license_policy", "url_filter", "language", "gopher_quality",
      "gopher_repetition", "c4_quality", "fineweb_quality", "pii");
  static final List<String> FINEWEB = List.of("optout", "license_policy", "url_filter", "language", "gopher_repetition",
      "gopher_quality", "c4_quality", "fineweb_quality", "pii");
  static final List<String> CODE = List.of("license_policy", "code_paths", "code_quality");

  static List<String> names(CurationConfig c, Kind k) {
    return c.plan().forKind(k).stream().map(CurationConfig.StepConfig::step).toList();
  }

  static CurationConfig.StepConfig step(CurationConfig c, Kind k, String name) {
    return c.plan().forKind(k).stream().filter(s -> s.step().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void theDefaultCuratesPagesAndTextWithWebAndCodeFilesWithCode() {
    CurationConfig c = CurationConfig.DEFAULT;
    assertEquals(WEB, names(c, Kind.WEB));
    assertEquals(WEB, names(c, Kind.TEXT));
    assertEquals(CODE, names(c, Kind.CODE));
    assertEquals("web@1 for text, web; code@1 for code", c.plan().presetSummary());
    assertEquals(List.of(), c.warnings());
    // the two licence policies: Creative Commons for pages (unknown kept), permissive with the package for code
    assertEquals("open_web", step(c, Kind.WEB, "license_policy").params().get("preset"));
    assertEquals(true, step(c, Kind.WEB, "license_policy").params().get("keep_unknown"));
    assertEquals("permissive", step(c, Kind.CODE, "license_policy").params().get("preset"));
    assertEquals(false, step(c, Kind.CODE, "license_policy").params().get("keep_unknown"));
    assertEquals("package", step(c, Kind.CODE, "license_policy").params().get("scope"));
    assertEquals(List.of("en"), step(c, Kind.WEB, "language").params().get("languages"));
    assertEquals(false, step(c, Kind.WEB, "c4_quality").params().get("filter_no_terminal_punct"));
  }

  @Test
  void aNamedPresetDecidesOnlyTheKindsItCovers() {
    CurationConfig c4 = CurationConfig.parse("{\"preset\": \"c4\"}");
    assertEquals(List.of("optout", "license_policy", "language", "c4_quality", "c4_badwords"), names(c4, Kind.WEB));
    assertEquals(true, step(c4, Kind.WEB, "c4_quality").params().get("filter_no_terminal_punct"));
    assertEquals(CODE, names(c4, Kind.CODE));
    assertEquals("c4@1 for text, web; code@1 for code", c4.plan().presetSummary());
    CurationConfig code = CurationConfig.parse("{\"preset\": \"code\"}");
    assertEquals(WEB, names(code, Kind.WEB));
    assertEquals("code@1 for code; web@1 for text, web", code.plan().presetSummary());
    assertEquals(List.of("optout", "license_policy", "language", "gopher_repetition", "gopher_quality"),
        names(CurationConfig.DEFAULT.withPreset("gopher"), Kind.TEXT));
    assertEquals(FINEWEB, names(CurationConfig.DEFAULT.withPreset("fineweb"), Kind.WEB));
  }

  @Test
  void presetNoneRunsNothingAndSaysThePoliciesAreOff() {
    CurationConfig none = CurationConfig.NONE;
    assertTrue(none.plan().isEmpty());
    assertEquals(List.of(
        "the opt-out policy is off: no optout step runs on web pages, so pages that reserve their text against AI training are kept (preset none)",
        "the licence policy is off: no license_policy step runs on code files, so files of any licence are kept (preset none)"),
        none.warnings());
  }

  @Test
  void aPolicyIsSwitchedOffOnlyByNameAndThatIsAWarning() {
    CurationConfig noOptout = CurationConfig.parse("{\"drop_steps\": [\"optout\"]}");
    assertEquals(WEB.subList(1, WEB.size()), names(noOptout, Kind.WEB));
    assertEquals(List.of("the opt-out policy is off: no optout step runs on web pages, so pages that reserve their text against AI"
        + " training are kept (drop_steps [optout])"), noOptout.warnings());
    // one kind only: the code licence policy goes, the web one stays
    CurationConfig noCodePolicy = CurationConfig.parse("{\"drop_steps\": [\"code:license_policy\"]}");
    assertEquals(List.of("code_paths", "code_quality"), names(noCodePolicy, Kind.CODE));
    assertEquals(WEB, names(noCodePolicy, Kind.WEB));
    assertEquals(1, noCodePolicy.warnings().size());
    assertTrue(noCodePolicy.warnings().get(0).startsWith("the licence policy is off"));
    // dropping pii from text only narrows the step's kinds
    CurationConfig noTextPii = CurationConfig.parse("{\"drop_steps\": [\"text:pii\"]}");
    assertEquals(WEB, names(noTextPii, Kind.WEB));
    assertEquals(WEB.subList(0, WEB.size() - 1), names(noTextPii, Kind.TEXT));
    assertEquals(List.of(), noTextPii.warnings());
  }

  @Test
  void anExplicitStepListKeepsThePoliciesFirst() {
    CurationConfig c = CurationConfig.parse("{\"steps\": [{\"step\": \"text_length\", \"params\": {\"min_chars\": 5}}]}");
    assertEquals(List.of("optout", "text_length"), names(c, Kind.WEB));
    assertEquals(List.of("optout", "text_length"), names(c, Kind.TEXT));
    assertEquals(List.of("license_policy", "text_length"), names(c, Kind.CODE));
    assertEquals("steps from the configuration", c.plan().presetSummary());
    assertEquals(List.of(), c.warnings());
    // a list with its own policies is taken as it is
    CurationConfig own = CurationConfig.parse("{\"steps\": [{\"step\": \"license_policy\", \"params\": {\"preset\": \"open_web\"}},"
        + " {\"step\": \"optout\", \"params\": {\"robots_wildcard\": true}}]}");
    assertEquals(List.of("license_policy", "optout"), names(own, Kind.WEB));
    assertEquals(List.of("license_policy"), names(own, Kind.CODE));
    assertEquals("open_web", step(own, Kind.CODE, "license_policy").params().get("preset"));
    // and steps with preset none are exactly the list
    assertEquals(List.of("text_length"), names(CurationConfig.parse("{\"preset\": \"none\", \"steps\": [{\"step\": \"text_length\"}]}"), Kind.CODE));
  }

  @Test
  void stepParamsSetOneNameOrOneKindOfIt() {
    CurationConfig c = CurationConfig.parse("{\"step_params\": {\"language\": {\"languages\": [\"en\", \"de\"]},"
        + " \"code:license_policy\": {\"keep_unknown\": true}}}");
    assertEquals(List.of("en", "de"), step(c, Kind.WEB, "language").params().get("languages"));
    assertEquals(0.02, step(c, Kind.TEXT, "language").params().get("min_score"));
    assertEquals(true, step(c, Kind.CODE, "license_policy").params().get("keep_unknown"));
    assertEquals(true, step(c, Kind.WEB, "license_policy").params().get("keep_unknown"));
    assertEquals("permissive", step(c, Kind.CODE, "license_policy").params().get("preset"));
    // a kind-qualified change splits a step that runs on several kinds, in place
    CurationConfig web = CurationConfig.parse("{\"step_params\": {\"web:gopher_quality\": {\"min_doc_words\": 20}}}");
    assertEquals(20, step(web, Kind.WEB, "gopher_quality").params().get("min_doc_words"));
    assertEquals(50, step(web, Kind.TEXT, "gopher_quality").params().get("min_doc_words"));
    assertEquals(WEB, names(web, Kind.WEB));
    assertEquals(WEB, names(web, Kind.TEXT));
  }

  @Test
  void addedStepsGoBeforeOrAfterTheNamedStep() {
    CurationConfig c = CurationConfig.parse("{\"add_steps\": [{\"step\": \"c4_badwords\", \"after\": \"c4_quality\"},"
        + " {\"step\": \"text_length\", \"params\": {\"max_chars\": 100000}, \"before\": \"optout\", \"kinds\": [\"web\"]},"
        + " {\"step\": \"regex\", \"params\": {\"regex_exp\": \"casino\"}}]}");
    assertEquals(List.of("text_length", "optout", "license_policy", "url_filter", "language", "gopher_quality", "gopher_repetition",
        "c4_quality", "c4_badwords", "fineweb_quality", "pii", "regex"), names(c, Kind.WEB));
    assertEquals(List.of("license_policy", "code_paths", "code_quality", "regex"), names(c, Kind.CODE));
    assertEquals(100000, step(c, Kind.WEB, "text_length").params().get("max_chars"));
  }

  @Test
  void mistakesNameWhatIsWrong() {
    assertEquals("unknown preset \"finweb\"; known presets: [web, code, fineweb, c4, gopher, none]",
        assertThrows(IllegalArgumentException.class, () -> CurationConfig.parse("{\"preset\": \"finweb\"}")).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> CurationConfig.parse("{\"drop_steps\": [\"c4_badwords\"]}"))
        .getMessage().startsWith("drop_steps: no step c4_badwords to drop; the steps: [optout[text, web], license_policy[text, web]"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> CurationConfig.parse("{\"step_params\": {\"code:pii\": {}}}"))
        .getMessage().startsWith("step_params: no step code:pii to set"));
    assertEquals("drop_steps: \"img:pii\" is not NAME or KIND:NAME with a kind of code, text, web",
        assertThrows(IllegalArgumentException.class, () -> CurationConfig.parse("{\"drop_steps\": [\"img:pii\"]}")).getMessage());
    assertEquals("step gopher_quality does not run on code documents; it runs on [text, web]",
        assertThrows(IllegalArgumentException.class,
            () -> CurationConfig.parse("{\"add_steps\": [{\"step\": \"gopher_quality\", \"kinds\": [\"code\"]}]}")).getMessage());
    assertEquals("step code_quality does not run on web documents; it runs on [code]",
        assertThrows(IllegalArgumentException.class,
            () -> CurationConfig.parse("{\"steps\": [{\"step\": \"code_quality\", \"kinds\": [\"web\"]}]}")).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
            () -> CurationConfig.parse("{\"add_steps\": [{\"step\": \"c4_badwords\", \"after\": \"c4_paragraph\"}]}")).getMessage()
        .startsWith("add_steps: step c4_badwords is to go after c4_paragraph, which is not in the list"));
    assertEquals("step language has no parameter \"language\"; its parameters: [languages, min_score, max_chars]",
        assertThrows(IllegalArgumentException.class,
            () -> CurationConfig.parse("{\"step_params\": {\"language\": {\"language\": [\"de\"]}}}")).getMessage());
  }

  @Test
  void theConfigHashCoversTheEffectiveStepsAndTheJsonRoundTrips() {
    CurationConfig c = CurationConfig.parse("{\"preset\": \"fineweb\", \"drop_steps\": [\"pii\"]}");
    assertTrue(c.canonicalJson().contains("\"effective_steps\":{\"code\":[{\"kinds\":[\"code\"],\"params\":{\"allow\":[],\"deny\":[],"
        + "\"keep_unknown\":false,\"preset\":\"permissive\",\"reject_conflicts\":true,\"scope\":\"package\"},\"step\":\"license_policy\"}"));
    assertEquals(c.sha256(), CurationConfig.parse(c.canonicalJson()).sha256());
    assertEquals(c.effectiveSteps(), CurationConfig.parse(c.canonicalJson()).effectiveSteps());
    assertNotEquals(CurationConfig.DEFAULT.sha256(), CurationConfig.NONE.sha256());
    assertNotEquals(CurationConfig.DEFAULT.sha256(), CurationConfig.parse("{\"step_params\": {\"pii\": {\"replace_private_ips\": true}}}").sha256());
    assertEquals(CurationConfig.DEFAULT.sha256(), CurationConfig.parse("{\"preset\": \"web\"}").sha256());
    assertEquals(Map.of(), CurationConfig.DEFAULT.stepParams());
  }
}
