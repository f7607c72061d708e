package org.provenant.filters.license;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Names and URLs the declared-licence benchmark (issue 15c) found unmapped or mapped wrongly. */
class LicenseNamesTest {
  private final LicenseNames names = LicenseNames.get();

  @Test
  void hibernatesLibraryGplTwoPointOneOrLaterKeepsTheLaterVersions() {
    assertEquals(Optional.of("LGPL-2.1-or-later"), names.toSpdx("GNU Library General Public License v2.1 or later"));
    assertEquals(Optional.of("LGPL-2.1-only"), names.toSpdx("https://www.opensource.org/licenses/LGPL-2.1"));
  }

  @Test
  void gplTwoPlusCeIsGplTwoOnlyWithTheClasspathException() {
    assertEquals(Optional.of("GPL-2.0-only WITH Classpath-exception-2.0"), names.toSpdx("GPLv2+CE"));
    assertEquals(Optional.of("GPL-2.0-only WITH Classpath-exception-2.0"),
        names.toSpdx("https://openjdk.java.net/legal/gplv2+ce.html"));
    assertEquals(Optional.of("GPL-2.0-only WITH Classpath-exception-2.0"),
        names.toSpdx("https://openjdk.org/legal/gplv2+ce.html"));
  }

  @Test
  void revisedBsdIsBsdThreeClause() {
    assertEquals(Optional.of("BSD-3-Clause"), names.toSpdx("Revised BSD"));
    assertEquals(Optional.of("BSD-3-Clause"), names.toSpdx("Revised BSD License"));
  }

  @Test
  void anUnversionedLesserGplIsEveryVersionThatBearsTheName() {
    assertEquals(Optional.of("LGPL-2.1-or-later"), names.toSpdx("GNU Lesser General Public License"));
    assertEquals(Optional.of("LGPL-3.0-only"), names.toSpdx("GNU Lesser General Public License v3"));
  }
}
