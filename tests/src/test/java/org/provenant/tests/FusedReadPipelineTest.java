package org.provenant.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcWriter;
import org.provenant.pipelines.cli.Curator;
import org.provenant.pipelines.config.CurationConfig;
import org.provenant.pipelines.output.OutputDir;
import org.provenant.pipelines.transforms.ReadInputs;
import org.provenant.schemas.Document;
import org.provenant.schemas.Rejection;
import org.provenant.schemas.manifest.RunManifest;

/**
 * An input of many similar files is read without spreading its records (reading, extraction, the
 * steps and signing in one fused stage); the output is the same on the DirectRunner and on Flink
 * with two workers, and every record is accounted for, as with the spread.
 */
class FusedReadPipelineTest {
  @TempDir static Path tmp;
  static Path in;
  static List<String> files = new ArrayList<>();
  static Path direct;
  static Path flink;


  @BeforeAll
  static void runBothRunners() throws IOException {
    in = tmp.resolve("in");
    Files.createDirectories(in);
    for (int f = 0; f < 20; f++) {
      Path file = in.resolve(String.format("crawl-%02d.warc.gz", f));
      files.add(file.toUri().toString());
      try (OutputStream out = Files.newOutputStream(file);
          WarcWriter w = new WarcWriter(java.nio.channels.Channels.newChannel(out), WarcCompression.GZIP)) {
        for (int p = 0; p < 2; p++) {
          // page 1 of file 19 is page 1 of file 0 again, under another URL: an exact duplicate across files
          int topic = f == 19 && p == 1 ? 0 : f;
          String id = String.format("urn:uuid:00000000-0000-4000-8000-%012d", f * 10 + p);
          w.write(SmallCorpus.page(id, "https://site" + f + ".example/page" + p, 200, "text/html; charset=utf-8",
              DefaultCurationTest.html("", page(topic, f == 19 && p == 1 ? 1 : p))));
        }
      }
    }
    direct = tmp.resolve("direct");
    flink = tmp.resolve("flink");
    List<String> inputs = List.of(in + "/*.warc.gz");
    new Curator(System.err).run(inputs, direct.toString(), CurationConfig.DEFAULT, false, List.of("--runner=DirectRunner"));
    new Curator(System.err).run(inputs, flink.toString(), CurationConfig.DEFAULT, false, List.of("--runner=FlinkRunner", "--parallelism=2"));
  }

  /** A page of English words in an order drawn for each (topic, page): no two pages are near duplicates. */
  static String page(int topic, int page) {
    String[] words = (DefaultCurationTest.RIVERS + " " + DefaultCurationTest.BREAD + " " + DefaultCurationTest.OTTERS)
        .replaceAll("<[^>]+>", " ").replaceAll("[^A-Za-z ]", " ").trim().toLowerCase(java.util.Locale.ROOT).split(" +");
    java.util.Random random = new java.util.Random(topic * 100L + page);
    StringBuilder b = new StringBuilder("<h1>Notes " + topic + "</h1>");
    for (int p = 0; p < 6; p++) {
      b.append("<p>");
      for (int s = 0; s < 4; s++) {
        StringBuilder sentence = new StringBuilder();
        for (int w = 0; w < 14; w++) {
          sentence.append(w == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
        }
        b.append(Character.toUpperCase(sentence.charAt(0))).append(sentence, 1, sentence.length()).append(". ");
      }
      b.append("</p>");
    }
    return b.toString();
  }

  @Test
  void manySimilarFilesAreNotSpreadAndOneFileIs() {
    assertFalse(ReadInputs.spreadRecords(files, List.of()));
    assertTrue(ReadInputs.spreadRecords(files.subList(0, 1), List.of()));
    assertFalse(ReadInputs.spreadRecords(files.subList(0, 10), List.of()));
    assertTrue(ReadInputs.spreadRecords(files.subList(0, 6), List.of()));
    assertTrue(ReadInputs.spreadRecords(files, List.of(in + "/")));
  }

  @Test
  void directAndFlinkWriteTheSameBytes() throws IOException {
    for (String sub : List.of("data", "rejected")) {
      List<Path> a = CurationEndToEndTest.list(direct.resolve(sub));
      List<Path> b = CurationEndToEndTest.list(flink.resolve(sub));
      assertEquals(a.stream().map(p -> p.getFileName().toString()).toList(), b.stream().map(p -> p.getFileName().toString()).toList());
      for (int i = 0; i < a.size(); i++) {
        assertArrayEquals(Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)), a.get(i).getFileName().toString());
      }
    }
  }

  @Test
  void everyRecordIsAccountedForAndTheCrossFileCopyIsADuplicate() throws IOException {
    RunManifest m = new OutputDir(flink.toString()).manifest().orElseThrow();
    assertTrue(m.accountingOk());
    assertEquals(40, m.counts().candidates());
    Set<String> kept = new TreeSet<>();
    for (Document d : CurationEndToEndTest.documents(flink)) {
      kept.add(d.source().url());
    }
    List<String> rejected = new ArrayList<>();
    for (Rejection r : CurationEndToEndTest.rejections(flink)) {
      rejected.add(r.source().url() + " " + r.reason());
    }
    assertEquals(39, kept.size(), "rejected: " + rejected);
    assertEquals(List.of("https://site19.example/page1 exact_duplicate"), rejected);
  }
}
