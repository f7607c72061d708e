package org.provenant.filters.license.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The independent declared side of {@link IndependentRegistryAgreement}: the SPDX reader on lists
 * the test writes (a few ids in the {@code spdx-license-ids} / {@code spdx-exceptions} JSON form),
 * and the committed Maven table {@code filters/bench/declared-maven-licences.tsv}.
 */
class IndependentSpdxTest {
  private static final List<String> IDS = List.of("Apache-2.0", "MIT", "ISC", "0BSD", "BSD-2-Clause", "BSD-3-Clause",
      "CDDL-1.1", "GPL-2.0-only", "GPL-2.0-or-later", "EPL-1.0", "EPL-2.0", "AGPL-3.0-only", "LGPL-3.0-only",
      "LGPL-2.1-only", "LGPL-2.1-or-later", "MIT-0", "MPL-1.1", "MPL-2.0", "Plexus", "CC0-1.0", "Unicode-3.0", "UPL-1.0");
  private static final List<String> DEPRECATED = List.of("GPL-2.0", "LGPL-2.1", "AGPL-3.0");
  private static final List<String> EXCEPTIONS = List.of("Classpath-exception-2.0", "Universal-FOSS-exception-1.0");

  @TempDir
  static Path dir;

  private static IndependentSpdx strict;

  @BeforeAll
  static void lists() throws IOException {
    Path ids = Files.createDirectories(dir.resolve("spdx-license-ids"));
    Path exc = Files.createDirectories(dir.resolve("spdx-exceptions"));
    Files.writeString(ids.resolve("index.json"), json(IDS));
    Files.writeString(ids.resolve("deprecated.json"), json(DEPRECATED));
    Files.writeString(exc.resolve("index.json"), json(EXCEPTIONS));
    strict = IndependentSpdx.strict(ids, exc);
  }

  private static String json(List<String> ids) {
    return ids.stream().map(i -> "\"" + i + "\"").collect(Collectors.joining(",\n  ", "[\n  ", "\n]\n"));
  }

  @Test
  void operandsSortedAndFlattenedPrecedenceWithAndOr() {
    assertEquals(Optional.of("Apache-2.0 OR MIT"), strict.canonical("(MIT OR Apache-2.0)"));
    assertEquals(Optional.of("(0BSD OR BSD-3-Clause OR ISC) AND MIT"), strict.canonical("MIT AND (BSD-3-Clause OR (ISC OR 0BSD))"));
    assertEquals(Optional.of("(0BSD AND ISC) OR MIT"), strict.canonical("MIT OR ISC AND 0BSD"));
    assertEquals(Optional.of("MIT"), strict.canonical("((MIT))"));
    assertEquals(Optional.of("MIT"), strict.canonical("MIT OR MIT"));
    assertEquals(Optional.of("CDDL-1.1 OR GPL-2.0-only WITH Classpath-exception-2.0"),
        strict.canonical("gpl-2.0-only with classpath-exception-2.0 OR cddl-1.1".replace("with", "WITH")));
  }

  @Test
  void deprecatedBareGnuIdsReadAsSpdxReplacesThem() {
    assertEquals(Optional.of("GPL-2.0-only"), strict.canonical("GPL-2.0"));
    assertEquals(Optional.of("GPL-2.0-or-later"), strict.canonical("GPL-2.0+"));
    assertEquals(Optional.of("AGPL-3.0-only"), strict.canonical("AGPL-3.0"));
    assertEquals(Optional.of("Apache-2.0+"), strict.canonical("Apache-2.0+"));
  }

  @Test
  void strictRejectsWhatNpmRejects() {
    for (String bad : List.of("BSD-0-Clause", "Public Domain", "SEE LICENSE IN LICENSE.md", "https://www.highcharts.com/license",
        "MIT or ISC", "MIT OR", "(MIT", "MIT)", "MIT WITH Foo-exception", "LicenseRef-x WITH Classpath-exception-2.0",
        "Standard 'no charge' license", "")) {
      assertEquals(Optional.empty(), strict.canonical(bad), bad);
    }
    assertEquals(Optional.of("LicenseRef-acme-1 OR MIT"), strict.canonical("MIT OR LicenseRef-acme-1"));
    assertEquals(Optional.empty(), strict.canonical("LicenseRef-acme-1+"));
  }

  @Test
  void lenientReadsAnyWellFormedIdForTheAnswers() {
    assertEquals(Optional.of("LicenseRef-provenant-unknown OR Made-Up-1.0"),
        IndependentSpdx.lenient().canonical("Made-Up-1.0 OR LicenseRef-provenant-unknown"));
    assertEquals(Optional.empty(), IndependentSpdx.lenient().canonical("Made Up"));
  }

  @Test
  void classes() {
    Optional<String> lgpl = strict.canonical("LGPL-2.1-or-later");
    assertEquals("exact", IndependentRegistryAgreement.classify(strict.canonical("MIT OR Apache-2.0"), "Apache-2.0 OR MIT"));
    assertEquals("same-ids", IndependentRegistryAgreement.classify(strict.canonical("MIT OR Apache-2.0"), "Apache-2.0 AND MIT"));
    assertEquals("same-families", IndependentRegistryAgreement.classify(lgpl, "LGPL-2.1-only"));
    assertEquals("superset", IndependentRegistryAgreement.classify(strict.canonical("MIT"), "MIT AND BSD-2-Clause"));
    assertEquals("mismatch", IndependentRegistryAgreement.classify(strict.canonical("MIT"), "ISC"));
    assertEquals("unknown", IndependentRegistryAgreement.classify(strict.canonical("MIT"), "LicenseRef-provenant-unknown"));
    assertEquals("unknown", IndependentRegistryAgreement.classify(strict.canonical("MIT"), "null"));
    assertEquals("declared-unknown", IndependentRegistryAgreement.classify(Optional.empty(), "MIT"));
  }

  @Test
  void mavenTableEveryRowValidOnTheListAndTheJudgementCallsPinned() throws IOException {
    Map<String, IndependentRegistryAgreement.TableRow> table =
        IndependentRegistryAgreement.mavenTable(Paths.get("bench/declared-maven-licences.tsv"), strict);
    assertEquals(96, table.size());
    assertEquals(9, table.values().stream().filter(r -> r.spdx().equals("?")).count());
    assertEquals("LGPL-2.1-or-later",
        table.get("GNU Library General Public License v2.1 or later\thttps://www.opensource.org/licenses/LGPL-2.1").spdx());
    assertEquals("LGPL-2.1-only",
        table.get("GNU Lesser General Public License\thttp://www.gnu.org/licenses/old-licenses/lgpl-2.1.html").spdx());
    assertEquals("?", table.get("GNU Lesser General Public Licence\thttp://www.gnu.org/licenses/lgpl.txt").spdx());
    assertEquals("GPL-2.0-only WITH Classpath-exception-2.0",
        table.get("GPLv2+CE\thttps://openjdk.java.net/legal/gplv2+ce.html").spdx());
    assertEquals("?", table.get("Public Domain\t").spdx());
    assertEquals("CC0-1.0", table.get("Public Domain\thttps://creativecommons.org/publicdomain/zero/1.0/").spdx());
  }
}
