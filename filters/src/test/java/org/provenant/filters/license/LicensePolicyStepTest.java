package org.provenant.filters.license;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.provenant.filters.step.DocumentStep;
import org.provenant.filters.step.Outcome;
import org.provenant.filters.step.StepCatalog;
import org.provenant.schemas.Document;
import org.provenant.schemas.Evidence;
import org.provenant.schemas.Kind;
import org.provenant.schemas.License;
import org.provenant.schemas.Rejection;
import org.provenant.schemas.Source;

class LicensePolicyStepTest {
  private static Document doc(License l) {
    return Document.of("d", "t", Kind.WEB, Source.builder("f", 0).build(), List.of()).withLicense(l);
  }

  private static DocumentStep step(Map<String, Object> params) {
    return StepCatalog.build(List.of("license_policy"), List.of(params)).get(0);
  }

  private static String reason(Outcome o) {
    return o instanceof Outcome.Rejected r ? r.rejection().reason() : "kept";
  }

  @Test
  void openWebKeepsOpenCreativeCommonsAndPublicDomainOnly() {
    DocumentStep web = step(Map.of("preset", "open_web"));
    assertEquals("kept", reason(web.apply(doc(new License("CC-BY-SA-4.0", List.of())))));
    assertEquals("kept", reason(web.apply(doc(new License("CC0-1.0", List.of())))));
    assertEquals("kept", reason(web.apply(doc(new License("CC-PDM-1.0", List.of())))));
    assertEquals("license_denied:CC-BY-NC-4.0", reason(web.apply(doc(new License("CC-BY-NC-4.0", List.of())))));
    assertEquals("license_unknown", reason(web.apply(doc(License.UNKNOWN))));
    Rejection conflict = ((Outcome.Rejected) web.apply(doc(new License(null,
        List.of(new Evidence("rel_license", "head", "x", "CC-BY-4.0", 1.0), new Evidence("json_ld_license", "json-ld", "y", "CC-BY-NC-4.0", 1.0)),
        true)))).rejection();
    assertEquals("license_conflict", conflict.reason());
    assertEquals("license_policy@2", conflict.step());
  }

  @Test
  void permissiveCodeDefaultNeverLetsCopyleftThrough() {
    DocumentStep code = step(Map.of());
    assertEquals("kept", reason(code.apply(doc(new License("MIT OR GPL-3.0-or-later", List.of())))));
    assertEquals("license_denied:GPL-3.0-only", reason(code.apply(doc(new License("GPL-3.0-only", List.of())))));
    assertEquals("license_denied:LGPL-2.1-only", reason(code.apply(doc(new License("Apache-2.0 AND LGPL-2.1-only", List.of())))));
    assertEquals("kept", reason(step(Map.of("keep_unknown", true)).apply(doc(License.UNKNOWN))));
    assertTrue(reason(step(Map.of("deny", List.of("MIT"))).apply(doc(new License("MIT", List.of())))).startsWith("license_denied:MIT"));
  }

  private static Document code(License l) {
    return Document.of("c", "t", Kind.CODE, Source.builder("p.tgz", 0).build(), List.of()).withLicense(l);
  }

  private static String detail(Outcome o) {
    return o instanceof Outcome.Rejected r ? r.rejection().detail() : ((Outcome.Kept) o).document().lineage().get(0).detail();
  }

  @Test
  void thePackageScopeJudgesTheFileAndThePackageItDeclares() {
    DocumentStep pkg = step(Map.of());
    // an MIT header inside a GPL package
    Outcome inGpl = pkg.apply(code(new License("MIT", List.of(), false, "GPL-3.0-only")));
    assertEquals("license_denied:GPL-3.0-only", reason(inGpl));
    assertEquals("package: GPL-3.0-only not allowed by permissive in GPL-3.0-only; file: MIT allowed by permissive", detail(inGpl));
    // the file's own licence is judged first
    Outcome gplFile = pkg.apply(code(new License("GPL-2.0-only", List.of(), false, "MIT")));
    assertEquals("license_denied:GPL-2.0-only", reason(gplFile));
    assertEquals("file: GPL-2.0-only not allowed by permissive in GPL-2.0-only", detail(gplFile));
    Outcome both = pkg.apply(code(new License("MIT", List.of(), false, "Apache-2.0 OR GPL-2.0-only")));
    assertEquals("kept", reason(both));
    assertEquals("file: MIT allowed by permissive; package: Apache-2.0 OR GPL-2.0-only allowed by permissive", detail(both));
    // a package that declares nothing: its files' headers alone do not make them usable
    Outcome undeclared = pkg.apply(code(new License("Apache-2.0", List.of(), false, null)));
    assertEquals("license_unknown", reason(undeclared));
    assertEquals("package: the package declares no licence; file: Apache-2.0 allowed by permissive", detail(undeclared));
    assertEquals("kept", reason(step(Map.of("keep_unknown", true)).apply(code(new License("Apache-2.0", List.of(), false, null)))));
  }

  @Test
  void theFileScopeJudgesTheFileAloneAndPagesHaveNoPackage() {
    DocumentStep file = step(Map.of("scope", "file"));
    Outcome inGpl = file.apply(code(new License("MIT", List.of(), false, "GPL-3.0-only")));
    assertEquals("kept", reason(inGpl));
    assertEquals("MIT allowed by permissive", detail(inGpl));
    // a web page is judged on its own licence whatever the scope
    assertEquals("kept", reason(step(Map.of("preset", "open_web")).apply(doc(new License("CC-BY-4.0", List.of())))));
    assertEquals("step license_policy, parameter scope: unknown scope \"repo\" (known: package, file)",
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> step(Map.of("scope", "repo"))).getMessage());
  }
}
