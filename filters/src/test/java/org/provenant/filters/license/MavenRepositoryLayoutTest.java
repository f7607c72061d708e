package org.provenant.filters.license;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.provenant.schemas.Evidence;

class MavenRepositoryLayoutTest {
  private static final String APACHE = "<licenses><license><name>Apache-2.0</name>"
      + "<url>https://www.apache.org/licenses/LICENSE-2.0.txt</url></license></licenses>";

  private static String pom(String parent, String coordinates, String licenses) {
    return "<project><modelVersion>4.0.0</modelVersion>" + parent + coordinates + licenses + "</project>";
  }

  private static String parent(String g, String a, String v) {
    return "<parent><groupId>" + g + "</groupId><artifactId>" + a + "</artifactId><version>" + v + "</version></parent>";
  }

  /** commons-text's sources jar in a repository whose licence sits two parents up. */
  private static Map<String, String> repository() {
    Map<String, String> files = new HashMap<>();
    // paths relative to org/apache/commons/commons-text/1.12.0/, where the jar is
    files.put("commons-text-1.12.0.pom", pom(parent("org.apache.commons", "commons-parent", "69"),
        "<artifactId>commons-text</artifactId><version>1.12.0</version>", ""));
    files.put("../../../../../org/apache/commons/commons-parent/69/commons-parent-69.pom", pom(parent("org.apache", "apache", "31"),
        "<groupId>org.apache.commons</groupId><artifactId>commons-parent</artifactId><version>69</version>", ""));
    files.put("../../../../../org/apache/apache/31/apache-31.pom", pom("", "<groupId>org.apache</groupId><artifactId>apache</artifactId><version>31</version>", APACHE));
    return files;
  }

  @Test
  void siblingPomNames() {
    assertEquals(Optional.of("commons-text-1.12.0.pom"), MavenRepositoryLayout.siblingPomName("commons-text-1.12.0-sources.jar"));
    assertEquals(Optional.of("guava-33.2.1-jre.pom"), MavenRepositoryLayout.siblingPomName("guava-33.2.1-jre.jar"));
    assertEquals(Optional.of("x-1-javadoc-x.pom"), MavenRepositoryLayout.siblingPomName("x-1-javadoc-x.jar"));
    assertEquals(Optional.empty(), MavenRepositoryLayout.siblingPomName("lodash-4.17.21.tgz"));
    assertEquals(Optional.empty(), MavenRepositoryLayout.siblingPomName("-sources.jar"));
  }

  @Test
  void parentIsFoundByCoordinatesFromTheRepositoryRoot() {
    Map<String, String> repo = repository();
    assertEquals(Optional.of("../../../../../../org/apache/commons/commons-parent/69/commons-parent-69.pom"),
        MavenRepositoryLayout.parentLocation("../commons-text-1.12.0.pom", repo.get("commons-text-1.12.0.pom")));
    assertEquals(Optional.of("../../../../../../org/apache/apache/31/apache-31.pom"),
        MavenRepositoryLayout.parentLocation("../../../../../../org/apache/commons/commons-parent/69/commons-parent-69.pom",
            repo.get("../../../../../org/apache/commons/commons-parent/69/commons-parent-69.pom")));
  }

  @Test
  void aPomNotNamedByItsCoordinatesOrWithUnsafeCoordinatesHasNoRepositoryParent() {
    String renamed = pom(parent("org.x", "p", "1"), "<artifactId>a</artifactId><version>2</version>", "");
    assertEquals(Optional.empty(), MavenRepositoryLayout.parentLocation("../a-3.pom", renamed));
    String escaping = pom(parent("org.x", "..", "1"), "<artifactId>a</artifactId><version>2</version>", "");
    assertEquals(Optional.empty(), MavenRepositoryLayout.parentLocation("../a-2.pom", escaping));
    String property = pom(parent("org.x", "p", "${revision}"), "<artifactId>a</artifactId><version>2</version>", "");
    assertEquals(Optional.empty(), MavenRepositoryLayout.parentLocation("../a-2.pom", property));
    assertEquals(Optional.empty(), MavenRepositoryLayout.parentLocation("../a-2.pom", "<project><parent>"));
  }

  @Test
  void pomsReadsTheChainUntilAPomDeclaresLicences() {
    Map<String, String> repo = repository();
    List<String> asked = new ArrayList<>();
    SortedMap<String, String> poms = MavenRepositoryLayout.poms("commons-text-1.12.0-sources.jar", rel -> {
      asked.add(rel);
      return Optional.ofNullable(repo.get(rel));
    });
    assertEquals(List.of("commons-text-1.12.0.pom", "../../../../../org/apache/commons/commons-parent/69/commons-parent-69.pom", "../../../../../org/apache/apache/31/apache-31.pom"), asked);
    assertEquals(List.of("../../../../../../org/apache/apache/31/apache-31.pom", "../../../../../../org/apache/commons/commons-parent/69/commons-parent-69.pom", "../commons-text-1.12.0.pom"),
        List.copyOf(poms.keySet()));
  }

  @Test
  void noSiblingPomReadsNothingMore() {
    List<String> asked = new ArrayList<>();
    SortedMap<String, String> poms = MavenRepositoryLayout.poms("a-1-sources.jar", rel -> {
      asked.add(rel);
      return Optional.empty();
    });
    assertTrue(poms.isEmpty());
    assertEquals(List.of("a-1.pom"), asked);
  }

  @Test
  void theLicenceOfAGrandparentPomBesideTheJarIsThePackageLicence() {
    Map<String, String> repo = repository();
    Map<String, String> files = new HashMap<>(MavenRepositoryLayout.poms("commons-text-1.12.0-sources.jar",
        rel -> Optional.ofNullable(repo.get(rel))));
    files.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n");
    PackageLicense p = PackageLicenseResolver.create().resolve(PackageFiles.of(files));
    assertEquals(Optional.of("Apache-2.0"), p.spdx());
    assertFalse(p.conflict());
    Evidence e = p.evidence().get(0);
    assertEquals("pom", e.kind());
    assertEquals("../../../../../../org/apache/apache/31/apache-31.pom", e.location());
    assertEquals(1, p.evidence().size());
  }

  @Test
  void theJarsOwnPomAndTheSiblingPomMustAgree() {
    Map<String, String> files = new HashMap<>();
    files.put("../a-1.pom", pom("", "<groupId>g</groupId><artifactId>a</artifactId><version>1</version>", APACHE));
    files.put("META-INF/maven/g/a/pom.xml", pom("", "<groupId>g</groupId><artifactId>a</artifactId><version>1</version>",
        "<licenses><license><name>GNU General Public License v3.0 only</name></license></licenses>"));
    PackageLicense p = PackageLicenseResolver.create().resolve(PackageFiles.of(files));
    assertTrue(p.conflict());
    assertEquals(Optional.of("Apache-2.0 AND GPL-3.0-only"), p.spdx());
  }
}
