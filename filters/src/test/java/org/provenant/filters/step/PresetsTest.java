package org.provenant.filters.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.provenant.schemas.Kind;

/** The built-in presets: each step exists with the parameters it sets, runs on kinds it is for, and the policies are in every preset but none. */
class PresetsTest {
  @Test
  void everyPresetsStepsBuildAndRunOnTheirOwnKinds() {
    for (Preset p : Presets.all()) {
      assertFalse(p.source().isBlank(), p.name());
      for (Preset.Step s : p.steps()) {
        StepFactory f = StepCatalog.find(s.step()).orElseThrow(() -> new AssertionError(p.name() + ": " + s.step()));
        assertTrue(f.kinds().containsAll(s.kinds()), p.name() + ": " + s.step());
        DocumentStep built = f.create(StepParams.resolve(s.step(), f.params(), s.params()));
        assertTrue(built.id().startsWith(s.step() + "@"), built.id());
      }
    }
    assertEquals(List.of("web", "code", "fineweb", "c4", "gopher", "none"), Presets.all().stream().map(Preset::name).toList());
  }

  @Test
  void thePoliciesLeadEveryPresetButNone() {
    for (Preset p : Presets.all()) {
      if (p.name().equals(Presets.NONE)) {
        assertTrue(p.steps().isEmpty());
        continue;
      }
      Preset.Step first = p.steps().get(0);
      if (p.covers().contains(Kind.WEB)) {
        assertEquals("optout", first.step(), p.name());
        assertEquals(Map.of("preset", "open_web", "keep_unknown", true), p.steps().get(1).params(), p.name());
      } else {
        assertEquals("license_policy", first.step(), p.name());
        assertEquals(Map.of("preset", "permissive", "scope", "package"), first.params());
      }
    }
  }

  @Test
  void aKindAPresetLeavesOutGetsItsDefault() {
    assertEquals("code", Presets.forKind(Presets.named("fineweb"), Kind.CODE).name());
    assertEquals("web", Presets.forKind(Presets.named("code"), Kind.TEXT).name());
    assertEquals("none", Presets.forKind(Presets.named("none"), Kind.CODE).name());
    assertEquals("gopher@1", Presets.named("gopher").id());
    assertThrows(IllegalArgumentException.class, () -> Presets.named("dolma"));
  }
}
