package org.provenant.dedup.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.provenant.schemas.Document;
import org.provenant.schemas.Kind;
import org.provenant.schemas.License;
import org.provenant.schemas.Source;

class SurvivorRuleTest {
  private static ClusterMember m(String id, String date, int length, String licence) {
    return new ClusterMember(id, CrawlDates.parse(date).orElse(null), length, licence);
  }

  private static String survivor(SurvivorRule rule, List<ClusterMember> members) {
    String id = rule.survivor(members).id();
    List<ClusterMember> shuffled = new ArrayList<>(members);
    Random random = new Random(1);
    for (int i = 0; i < 10; i++) {
      Collections.shuffle(shuffled, random);
      assertEquals(id, rule.survivor(shuffled).id(), "order changed the survivor");
    }
    return id;
  }

  @Test
  void earliestCrawlThenLowestId() {
    SurvivorRule rule = SurvivorRule.defaults();
    assertEquals(SurvivorRule.Criterion.EARLIEST_CRAWL, rule.criterion());
    assertEquals("b", survivor(rule, List.of(
        m("a", "2024-03-01T00:00:00Z", 10, null),
        m("b", "2024-02-01T00:00:00Z", 5, null),
        m("c", null, 50, null))));
    // tie on the date: lowest id
    assertEquals("a2", survivor(rule, List.of(
        m("a3", "2024-02-01T00:00:00Z", 10, null),
        m("a2", "2024-02-01T00:00:00Z", 10, null),
        m("b1", "2024-05-01T00:00:00Z", 10, null))));
    // unknown dates sort last; all unknown: lowest id
    assertEquals("z", survivor(rule, List.of(m("a", null, 1, null), m("z", "2030-01-01", 1, null))));
    assertEquals("a", survivor(rule, List.of(m("b", null, 1, null), m("a", "not a date", 1, null))));
    // instants compare across offsets and forms: 2024-01-02 00:00Z is before 2024-01-02T01:00Z
    assertEquals("date-only", survivor(rule, List.of(
        m("with-offset", "2024-01-01T23:00:00-02:00", 1, null),
        m("date-only", "2024-01-02", 1, null))));
  }

  @Test
  void longestTextThenLowestId() {
    SurvivorRule rule = SurvivorRule.longestText();
    assertEquals("c", survivor(rule, List.of(m("a", "2020-01-01", 10, null), m("c", null, 30, null), m("b", null, 20, null))));
    assertEquals("b", survivor(rule, List.of(m("c", null, 30, null), m("b", null, 30, null), m("a", null, 29, null))));
  }

  @Test
  void mostPermissiveLicenceThenLowestId() {
    Map<String, Integer> ranks = Map.of("MIT", 3, "Apache-2.0", 3, "GPL-3.0-only", 1);
    SurvivorRule rule =
        SurvivorRule.mostPermissiveLicence(spdx -> spdx == null ? 0 : ranks.getOrDefault(spdx, 0));
    assertEquals("x-apache", survivor(rule, List.of(
        m("y-mit", null, 1, "MIT"),
        m("x-apache", null, 1, "Apache-2.0"),
        m("a-gpl", "2000-01-01", 100, "GPL-3.0-only"),
        m("0-unknown", null, 1000, null))));
    assertEquals("a", survivor(rule, List.of(m("b", null, 1, null), m("a", null, 1, "Unranked-1.0"))));
  }

  @Test
  void rejectsBadClusters() {
    assertEquals("a cluster has at least one member",
        assertThrows(IllegalArgumentException.class, () -> SurvivorRule.defaults().survivor(List.of()))
            .getMessage());
    assertEquals("duplicate member id in cluster: a",
        assertThrows(IllegalArgumentException.class, () -> SurvivorRule.defaults().survivor(
            List.of(m("a", null, 1, null), m("b", null, 1, null), m("a", null, 2, null)))).getMessage());
    assertEquals("licenceRanking must not be null for most_permissive_licence",
        assertThrows(NullPointerException.class, () -> SurvivorRule.mostPermissiveLicence(null))
            .getMessage());
    assertEquals("textLength is negative: -1",
        assertThrows(IllegalArgumentException.class, () -> new ClusterMember("a", null, -1, null))
            .getMessage());
  }

  @Test
  void memberFromDocument() {
    Source source = Source.builder("file:/in.warc.gz", 10).date("2024-02-03T04:05:06Z").build();
    Document doc = new Document("id1", "héllo", Kind.WEB, source,
        new License("MIT", List.of()), org.provenant.schemas.DedupInfo.NONE, org.provenant.schemas.Signals.EMPTY, List.of());
    assertEquals(new ClusterMember("id1", Instant.parse("2024-02-03T04:05:06Z"), 5, "MIT"), ClusterMember.of(doc));
    Document undated = Document.of("id2", "x", Kind.TEXT, Source.builder("f", 0).date("yesterday").build(), List.of());
    assertNull(ClusterMember.of(undated).crawlDate());
  }

  @Test
  void crawlDateForms() {
    assertEquals(Instant.parse("2024-03-01T12:00:00Z"), CrawlDates.parse("2024-03-01T12:00:00Z").orElseThrow());
    assertEquals(Instant.parse("2024-03-01T10:00:00.500Z"), CrawlDates.parse("2024-03-01T12:00:00.5+02:00").orElseThrow());
    assertEquals(Instant.parse("2024-03-01T12:00:00Z"), CrawlDates.parse("2024-03-01T12:00:00").orElseThrow());
    assertEquals(Instant.parse("2024-03-01T00:00:00Z"), CrawlDates.parse(" 2024-03-01 ").orElseThrow());
    assertEquals(java.util.Optional.empty(), CrawlDates.parse("March 1st"));
    assertEquals(java.util.Optional.empty(), CrawlDates.parse(""));
    assertEquals(java.util.Optional.empty(), CrawlDates.parse(null));
  }
}
