package org.provenant.filters.license;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.provenant.schemas.Evidence;

/** POM {@code <licenses>} read as SPDX: how a licence's name and URL combine. */
class PackageMetadataPomTest {
  private static List<String> read(String name, String url) {
    String pom = "<project><modelVersion>4.0.0</modelVersion><licenses><license>"
        + (name == null ? "" : "<name>" + name + "</name>") + "<url>" + url + "</url>"
        + "</license></licenses></project>";
    return PackageMetadata.pom("pom.xml", loc -> Optional.ofNullable(Map.of("pom.xml", pom).get(loc)))
        .stream().map(Evidence::spdx).toList();
  }

  @Test
  void hibernatesNameSaysOrLaterAndItsUrlNamesOnlyTheVersion() {
    assertEquals(List.of("LGPL-2.1-or-later"),
        read("GNU Library General Public License v2.1 or later", "https://www.opensource.org/licenses/LGPL-2.1"));
  }

  @Test
  void anUnknownNameThatOffersLaterVersionsKeepsThemOverAVersionOnlyUrl() {
    assertEquals(List.of("LGPL-2.1-or-later"),
        read("Some Lesser GPL, version 2.1 or any later version", "https://www.gnu.org/licenses/old-licenses/lgpl-2.1.html"));
    assertEquals(List.of("LGPL-2.1-only"),
        read("Some Lesser GPL 2.1", "https://www.gnu.org/licenses/old-licenses/lgpl-2.1.html"));
  }

  @Test
  void openjfxsGplTwoPlusCe() {
    assertEquals(List.of("GPL-2.0-only WITH Classpath-exception-2.0"),
        read("GPLv2+CE", "https://openjdk.java.net/legal/gplv2+ce.html"));
  }

  @Test
  void jschsRevisedBsd() {
    assertEquals(List.of("BSD-3-Clause"), read("Revised BSD", "http://www.jcraft.com/jsch/LICENSE.txt"));
  }
}
