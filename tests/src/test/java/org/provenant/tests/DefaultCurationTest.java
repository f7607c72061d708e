package org.provenant.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcWriter;
import org.provenant.filters.read.Digests;
import org.provenant.pipelines.cli.Curator;
import org.provenant.pipelines.config.CurationConfig;
import org.provenant.pipelines.output.OutputDir;
import org.provenant.pipelines.output.OutputVerifier;
import org.provenant.schemas.Document;
import org.provenant.schemas.Rejection;
import org.provenant.schemas.manifest.RunManifest;

/**
 * The run a new user gets: no configuration, one input of web pages and npm packs. Pages go
 * through the web preset, package files through the code preset, and every planted case ends with
 * the reason its content calls for, on the DirectRunner and on embedded Flink alike.
 */
class DefaultCurationTest {
  @TempDir static Path tmp;
  static Path in;
  static Path direct;
  static Path flink;
  static Map<String, String> outcome = new TreeMap<>();

  static final String GOOD = "urn:uuid:00000000-0000-4000-8000-0000000d0001";
  static final String OPTOUT = "urn:uuid:00000000-0000-4000-8000-0000000d0002";
  static final String SHORT = "urn:uuid:00000000-0000-4000-8000-0000000d0003";
  static final String GERMAN = "urn:uuid:00000000-0000-4000-8000-0000000d0004";
  static final String NON_COMMERCIAL = "urn:uuid:00000000-0000-4000-8000-0000000d0005";

  static final String RIVERS = "<h1>How the northern rivers freeze</h1>"
      + "<p>Every winter the rivers of the north freeze from the banks toward the middle. The ice begins as thin needles that"
      + " gather in the slow water near the shore, and within a few cold nights it covers the whole surface.</p>"
      + "<p>People who live along the rivers have watched this change for centuries. They know that the ice is strongest"
      + " after a long spell of still, clear weather, and that snow on top of the ice keeps it warm and weak.</p>"
      + "<p>In spring the process runs the other way. Meltwater from the hills lifts the ice, cracks it into large plates and"
      + " carries them downstream, where they pile up at bends and bridges until the river is open again.</p>"
      + "<p>Scientists record the dates of freezing and thawing, because over many years they tell a clear story about the"
      + " climate of each region.</p>";
  static final String BREAD = "<h1>Baking bread at home</h1>"
      + "<p>Good bread needs only flour, water, salt and time. The dough should rest for several hours so that the yeast can"
      + " work slowly and the flavour can develop in the warm kitchen.</p>"
      + "<p>Many bakers fold the dough a few times during the first rise instead of kneading it for a long time. This builds"
      + " strength in the dough with much less effort and gives the loaf an open crumb.</p>"
      + "<p>Before baking, the loaf is shaped gently and left to rise once more. A very hot oven and a little steam help the"
      + " crust to grow thin, crisp and brown while the inside stays soft.</p>"
      + "<p>Once it has cooled on a rack for an hour, the bread is ready to slice and share with friends.</p>";
  static final String OTTERS = "<h1>Why sea otters hold hands</h1>"
      + "<p>Sea otters sleep on their backs at the surface of the water, and they often hold the paws of a neighbour while they"
      + " rest. In this way a group stays together and nobody drifts away on the current during the night.</p>"
      + "<p>Some otters also wrap themselves in long strands of kelp, which anchor them to the sea floor like a rope. Young"
      + " otters rest on the chest of their mother until they are old enough to float on their own.</p>"
      + "<p>These habits save energy in cold water, where an otter must eat a quarter of its weight every day to stay warm.</p>";
  static final String GERMAN_TEXT = "<h1>Wie die Fl\u00fcsse im Norden zufrieren</h1>"
      + "<p>Jeden Winter frieren die Fl\u00fcsse im Norden vom Ufer zur Mitte hin zu. Das Eis beginnt als d\u00fcnne Nadeln, die sich im"
      + " langsamen Wasser am Ufer sammeln, und nach wenigen kalten N\u00e4chten bedeckt es die ganze Oberfl\u00e4che.</p>"
      + "<p>Die Menschen, die an den Fl\u00fcssen leben, beobachten diese Ver\u00e4nderung seit Jahrhunderten. Sie wissen, dass das Eis"
      + " nach einer langen Zeit mit ruhigem und klarem Wetter am st\u00e4rksten ist und dass Schnee es warm und schwach h\u00e4lt.</p>"
      + "<p>Im Fr\u00fchling l\u00e4uft der Vorgang umgekehrt ab. Schmelzwasser aus den Bergen hebt das Eis an und tr\u00e4gt es flussabw\u00e4rts.</p>";

  static final String MIT_HEADER_JS = "// SPDX-License-Identifier: MIT\nmodule.exports = function add(a, b) {\n  return a + b;\n};\n";
  static final String LIB_JS = "module.exports = function double(x) {\n  return 2 * x;\n};\n";

  @BeforeAll
  static void runBothRunners() throws IOException {
    in = tmp.resolve("in");
    Files.createDirectories(in);
    try (OutputStream out = Files.newOutputStream(in.resolve("crawl.warc.gz"));
        WarcWriter w = new WarcWriter(java.nio.channels.Channels.newChannel(out), WarcCompression.GZIP)) {
      w.write(SmallCorpus.page(GOOD, "https://rivers.example/freeze", 200, "text/html; charset=utf-8", html("", RIVERS)));
      w.write(SmallCorpus.page(OPTOUT, "https://bakery.example/bread", 200, "text/html; charset=utf-8",
          html("<meta name=\"robots\" content=\"noai\">", BREAD)));
      w.write(SmallCorpus.page(SHORT, "https://rivers.example/contact", 200, "text/html; charset=utf-8",
          html("", "<p>Write to the river office in town if you have a question about the ice on the river this year.</p>")));
      w.write(SmallCorpus.page(GERMAN, "https://fluesse.example/eis", 200, "text/html; charset=utf-8", html("", GERMAN_TEXT)));
      w.write(SmallCorpus.page(NON_COMMERCIAL, "https://otters.example/sleep", 200, "text/html; charset=utf-8",
          html("<link rel=\"license\" href=\"https://creativecommons.org/licenses/by-nc/4.0/\">", OTTERS)));
    }
    Files.write(in.resolve("gpl-thing-1.0.0.tgz"), tgz(
        "{\"name\":\"gpl-thing\",\"version\":\"1.0.0\",\"license\":\"GPL-3.0-only\"}\n", "package/add.js", MIT_HEADER_JS));
    Files.write(in.resolve("mit-thing-2.0.0.tgz"), tgz(
        "{\"name\":\"mit-thing\",\"version\":\"2.0.0\",\"license\":\"MIT\"}\n", "package/lib.js", LIB_JS));
    direct = tmp.resolve("direct");
    flink = tmp.resolve("flink");
    List<String> inputs = List.of(in + "/*.warc.gz", in + "/*.tgz");
    new Curator(System.err).run(inputs, direct.toString(), CurationConfig.DEFAULT, false, List.of("--runner=DirectRunner"));
    new Curator(System.err).run(inputs, flink.toString(), CurationConfig.DEFAULT, false, List.of("--runner=FlinkRunner", "--parallelism=2"));
    for (Document d : CurationEndToEndTest.documents(direct)) {
      outcome.put(key(d.source().url(), d.source().uri(), d.source().path()), "kept");
    }
    for (Rejection r : CurationEndToEndTest.rejections(direct)) {
      outcome.put(key(r.source().url(), r.source().uri(), r.source().path()), r.reason());
    }
  }

  static String key(String url, String uri, String path) {
    return url != null ? url : Digests.fileName(uri) + ":" + path;
  }

  static byte[] html(String head, String body) {
    return ("<html><head><title>t</title>" + head + "</head><body><main>" + body + "</main></body></html>").getBytes(StandardCharsets.UTF_8);
  }

  static byte[] tgz(String packageJson, String path, String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(bytes);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz, StandardCharsets.UTF_8.name())) {
      CodeCorpusTest.tarFile(tar, "package/package.json", packageJson);
      CodeCorpusTest.tarFile(tar, path, text);
      tar.finish();
    }
    return bytes.toByteArray();
  }

  @Test
  void pagesGetTheWebPresetAndPackageFilesTheCodePreset() {
    Map<String, String> expected = new TreeMap<>();
    expected.put("https://rivers.example/freeze", "kept");
    expected.put("https://bakery.example/bread", "optout_noai");
    expected.put("https://rivers.example/contact", "gopher_short_doc");
    expected.put("https://fluesse.example/eis", "language_not_allowed");
    expected.put("https://otters.example/sleep", "license_denied:CC-BY-NC-4.0");
    // a GPL package: none of its files, not even one with an MIT header of its own
    expected.put("gpl-thing-1.0.0.tgz:package/package.json", "license_denied:GPL-3.0-only");
    expected.put("gpl-thing-1.0.0.tgz:package/add.js", "license_denied:GPL-3.0-only");
    expected.put("mit-thing-2.0.0.tgz:package/package.json", "kept");
    expected.put("mit-thing-2.0.0.tgz:package/lib.js", "kept");
    assertEquals(expected, outcome);
  }

  @Test
  void eachKindWentThroughItsOwnStepsAndTheLineageSaysSo() throws IOException {
    List<Document> docs = CurationEndToEndTest.documents(direct);
    Document page = CurationEndToEndTest.byId(docs, Digests.id("warc", GOOD));
    assertEquals(List.of("read_warc@1", "extract_html@1", "optout@1", "license_policy@2", "url_filter@1", "language@1",
        "gopher_quality@1", "gopher_repetition@1", "c4_quality@1", "fineweb_quality@1", "pii@1", "dedup_exact@1", "dedup_near@1"),
        page.lineage().stream().map(l -> l.step()).toList());
    assertEquals("no licence found; kept: policy keeps unknown licences", page.lineage().get(3).detail());
    // c4_quality keeps lines as datatrove does, one newline between them
    assertEquals("How the northern rivers freeze\nEvery winter the rivers of the north freeze from the banks toward the middle. The ice"
        + " begins as thin needles that gather in the slow water near the shore, and within a few cold nights it covers the whole"
        + " surface.\nPeople who live along the rivers have watched this change for centuries. They know that the ice is strongest"
        + " after a long spell of still, clear weather, and that snow on top of the ice keeps it warm and weak.\nIn spring the"
        + " process runs the other way. Meltwater from the hills lifts the ice, cracks it into large plates and carries them"
        + " downstream, where they pile up at bends and bridges until the river is open again.\nScientists record the dates of"
        + " freezing and thawing, because over many years they tell a clear story about the climate of each region.", page.text());
    assertEquals("<" + GOOD + ">", page.source().recordId());
    Document lib = docs.stream().filter(d -> "package/lib.js".equals(d.source().path())).findFirst().orElseThrow();
    assertEquals(List.of("read_code@1", "extract_text@1", "license_policy@2", "code_paths@1", "code_quality@1", "dedup_exact@1", "dedup_near@1"),
        lib.lineage().stream().map(l -> l.step()).toList());
    assertEquals("file: MIT allowed by permissive; package: MIT allowed by permissive", lib.lineage().get(2).detail());
    assertEquals("MIT", lib.license().packageSpdx());

    Rejection add = CurationEndToEndTest.rejections(direct).stream()
        .filter(r -> "package/add.js".equals(r.source().path())).findFirst().orElseThrow();
    assertEquals("license_policy@2", add.step());
    assertEquals("package: GPL-3.0-only not allowed by permissive in GPL-3.0-only; file: MIT allowed by permissive", add.detail());
    assertEquals("MIT", add.license().spdx());
    assertEquals("GPL-3.0-only", add.license().packageSpdx());
    ReleaseCroissantTest.Run inspect = ReleaseCroissantTest.cli("inspect", direct.toString(), "--id", add.id());
    assertTrue(inspect.out().contains("  licence   MIT\n            package declares GPL-3.0-only\n"), inspect.out());
    assertTrue(inspect.out().contains("  reason    license_denied:GPL-3.0-only at license_policy@2\n"), inspect.out());
    Rejection german = CurationEndToEndTest.rejections(direct).stream()
        .filter(r -> "language_not_allowed".equals(r.reason())).findFirst().orElseThrow();
    assertTrue(german.detail().startsWith("deu "), german.detail());
    Rejection optout = CurationEndToEndTest.rejections(direct).stream()
        .filter(r -> "optout_noai".equals(r.reason())).findFirst().orElseThrow();
    assertEquals("optout@1", optout.step());
  }

  @Test
  void theManifestRecordsTheStepsOfEachKindAndNoWarning() throws IOException {
    RunManifest m = new OutputDir(direct.toString()).manifest().orElseThrow();
    assertEquals("web@1 for text, web; code@1 for code", m.curation());
    assertEquals(List.of(), m.warnings());
    assertEquals(List.of("license_policy", "code_paths", "code_quality"),
        names(m.config().path("effective_steps").path("code")));
    assertEquals(List.of("optout", "license_policy", "url_filter", "language", "gopher_quality", "gopher_repetition",
        "c4_quality", "fineweb_quality", "pii"), names(m.config().path("effective_steps").path("web")));
    assertEquals(CurationConfig.DEFAULT.sha256(), m.configSha256());
    assertEquals(9, m.counts().candidates());
    assertEquals(3, m.counts().kept());
    assertTrue(m.accountingOk());
    assertTrue(new OutputVerifier().verify(new OutputDir(direct.toString())).ok());
    String card = Files.readString(direct.resolve("README.md"));
    assertTrue(card.contains("Steps decided by: web@1 for text, web; code@1 for code."), card);
    assertTrue(card.contains("- code: license_policy, code_paths, code_quality\n"), card);
  }

  static List<String> names(com.fasterxml.jackson.databind.JsonNode steps) {
    List<String> out = new java.util.ArrayList<>();
    steps.forEach(s -> out.add(s.path("step").asText()));
    return out;
  }

  @Test
  void directAndFlinkWriteTheSameBytesWithThePresetsOn() throws IOException {
    CurationEndToEndTest.assertSameShardBytes(direct, flink);
    assertTrue(new OutputDir(flink.toString()).manifest().orElseThrow().accountingOk());
  }

  @Test
  void theFileScopeKeepsAFileWithItsOwnPermissiveHeaderAndSaysSo() throws IOException {
    Path out = tmp.resolve("file-scope");
    CurationConfig fileScope = CurationConfig.parse("{\"step_params\": {\"code:license_policy\": {\"scope\": \"file\"}}}");
    new Curator(System.err).run(List.of(in + "/gpl-thing-1.0.0.tgz"), out.toString(), fileScope, false, List.of("--runner=DirectRunner"));
    List<Document> docs = CurationEndToEndTest.documents(out);
    assertEquals(List.of("package/add.js"), docs.stream().map(d -> d.source().path()).toList());
    assertEquals("MIT allowed by permissive", docs.get(0).lineage().get(2).detail());
    assertEquals("GPL-3.0-only", docs.get(0).license().packageSpdx());
  }
}
