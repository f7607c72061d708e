package org.provenant.pipelines.config;

import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.provenant.filters.step.Preset;
import org.provenant.filters.step.Presets;
import org.provenant.pipelines.config.CurationConfig.AddedStep;
import org.provenant.pipelines.config.CurationConfig.StepConfig;
import org.provenant.schemas.Kind;

/**
 * The steps a run applies, in order, each with the kinds of document it runs on, as the
 * configuration resolves them:
 *
 * <ol>
 *   <li>the preset named (default {@code web}) gives the steps of the kinds it covers, the default
 *       presets those of the others ({@code web} for pages and text, {@code code} for code files);
 *       an explicit {@code steps} list replaces all of that;
 *   <li>the policies stay on: when no {@code optout} step runs on web pages or no {@code
 *       license_policy} on code files, the policy is put first, as the presets have it;
 *   <li>{@code drop_steps} removes steps by name, {@code code:license_policy} only for one kind;
 *   <li>{@code step_params} sets parameters of the steps of a name ({@code NAME} or {@code
 *       KIND:NAME}), over what the preset sets;
 *   <li>{@code add_steps} inserts steps before or after the first step of a name, or at the end.
 * </ol>
 *
 * <p>A name in {@code drop_steps} or {@code step_params} that matches no step is an error, so a
 * typo never leaves a step running. {@link #warnings()} says which policy no longer runs. Plain
 * Java; immutable.
 */
public final class StepPlan implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String OPTOUT = "optout";
  static final String LICENSE_POLICY = "license_policy";

  private final String presetSummary;
  private final ImmutableList<StepConfig> steps;
  private final ImmutableList<String> warnings;

  private StepPlan(String presetSummary, List<StepConfig> steps, List<String> warnings) {
    this.presetSummary = presetSummary;
    this.steps = ImmutableList.copyOf(steps);
    this.warnings = ImmutableList.copyOf(warnings);
  }

  /** Resolves a configuration's step settings; a bad name, kind or parameter fails naming it. */
  static StepPlan of(String preset, List<StepConfig> explicit, List<String> drop,
      SortedMap<String, Map<String, Object>> params, List<AddedStep> add) {
    Preset chosen = Presets.named(preset);
    List<StepConfig> list = new ArrayList<>();
    String summary;
    if (explicit != null) {
      list.addAll(explicit);
      summary = "steps from the configuration";
      if (!chosen.name().equals(Presets.NONE)) {
        keepPolicies(list);
      }
    } else {
      // the chosen preset for the kinds it covers, the defaults for the rest
      Map<String, Set<Kind>> byPreset = new LinkedHashMap<>();
      for (Kind k : Kind.values()) {
        byPreset.computeIfAbsent(Presets.forKind(chosen, k).name(), x -> EnumSet.noneOf(Kind.class)).add(k);
      }
      List<String> used = new ArrayList<>();
      List<String> order = new ArrayList<>(byPreset.keySet());
      order.remove(chosen.name());
      order.add(0, chosen.name()); // the chosen preset's steps lead the list
      for (String name : order) {
        Preset p = Presets.named(name);
        used.add(p.id() + " for " + String.join(", ", StepConfig.kindCodes(byPreset.get(name))));
        for (Preset.Step s : p.steps()) {
          list.add(new StepConfig(s.step(), new TreeMap<>(s.params()), StepConfig.kindCodes(s.kinds())));
        }
      }
      summary = String.join("; ", used);
    }
    List<String> dropped = new ArrayList<>();
    for (String ref : drop) {
      Ref r = Ref.parse("drop_steps", ref);
      if (!r.matchesAny(list)) {
        throw new IllegalArgumentException("drop_steps: no step " + ref + " to drop; the steps: " + names(list));
      }
      List<StepConfig> next = new ArrayList<>();
      for (StepConfig s : list) {
        Set<Kind> left = r.matches(s) ? r.remove(s.kindSet()) : s.kindSet();
        if (!left.isEmpty()) {
          next.add(left.equals(s.kindSet()) ? s : s.onKinds(left));
        }
      }
      list = next;
      dropped.add(ref);
    }
    for (Map.Entry<String, Map<String, Object>> e : params.entrySet()) {
      Ref r = Ref.parse("step_params", e.getKey());
      if (!r.matchesAny(list)) {
        throw new IllegalArgumentException("step_params: no step " + e.getKey() + " to set; the steps: " + names(list));
      }
      List<StepConfig> next = new ArrayList<>();
      for (StepConfig s : list) {
        if (!r.matches(s)) {
          next.add(s);
          continue;
        }
        Set<Kind> other = r.remove(s.kindSet());
        Set<Kind> mine = EnumSet.copyOf(s.kindSet());
        mine.removeAll(other);
        next.add(s.onKinds(mine).withParams(e.getValue() == null ? Map.of() : e.getValue()));
        if (!other.isEmpty()) {
          next.add(s.onKinds(other)); // the same step stays as it was for the other kinds
        }
      }
      list = next;
    }
    for (AddedStep a : add) {
      StepConfig c = a.config();
      String anchor = a.before() != null ? a.before() : a.after();
      int at = list.size();
      if (anchor != null) {
        at = -1;
        for (int i = 0; i < list.size() && at < 0; i++) {
          if (list.get(i).step().equals(anchor)) {
            at = a.before() != null ? i : i + 1;
          }
        }
        if (at < 0) {
          throw new IllegalArgumentException("add_steps: step " + a.step() + " is to go " + (a.before() != null ? "before " : "after ")
              + anchor + ", which is not in the list; the steps: " + names(list));
        }
      }
      list.add(at, c);
    }
    return new StepPlan(summary, list, warnings(chosen, list, dropped));
  }

  /** Puts the opt-out step (web pages and text) and the licence policy (code files) first when a list lacks them. */
  private static void keepPolicies(List<StepConfig> list) {
    if (list.stream().noneMatch(s -> s.step().equals(LICENSE_POLICY) && s.kindSet().contains(Kind.CODE))) {
      list.add(0, new StepConfig(LICENSE_POLICY, new TreeMap<>(Map.of("preset", "permissive", "scope", "package")), List.of(Kind.CODE.code())));
    }
    if (list.stream().noneMatch(s -> s.step().equals(OPTOUT) && s.kindSet().contains(Kind.WEB))) {
      list.add(0, new StepConfig(OPTOUT, new TreeMap<>()));
    }
  }

  private static List<String> warnings(Preset chosen, List<StepConfig> list, List<String> dropped) {
    List<String> out = new ArrayList<>();
    String why = chosen.name().equals(Presets.NONE) ? "preset none" : "drop_steps " + dropped;
    if (list.stream().noneMatch(s -> s.step().equals(OPTOUT) && s.kindSet().contains(Kind.WEB))) {
      out.add("the opt-out policy is off: no optout step runs on web pages, so pages that reserve their text against AI"
          + " training are kept (" + why + ")");
    }
    if (list.stream().noneMatch(s -> s.step().equals(LICENSE_POLICY) && s.kindSet().contains(Kind.CODE))) {
      out.add("the licence policy is off: no license_policy step runs on code files, so files of any licence are kept ("
          + why + ")");
    }
    return out;
  }

  private static List<String> names(List<StepConfig> list) {
    return list.stream().map(s -> s.step() + s.kinds()).toList();
  }

  /** Every step in order, each with the kinds it runs on. */
  public List<StepConfig> steps() {
    return steps;
  }

  /** True when no step runs on any kind. */
  public boolean isEmpty() {
    return steps.isEmpty();
  }

  /** The steps of one kind of document, in order. */
  public List<StepConfig> forKind(Kind kind) {
    return steps.stream().filter(s -> s.kindSet().contains(kind)).toList();
  }

  /** The steps of every kind, by kind code, in order. */
  public SortedMap<String, List<StepConfig>> byKind() {
    SortedMap<String, List<StepConfig>> out = new TreeMap<>();
    for (Kind k : Kind.values()) {
      out.put(k.code(), forKind(k));
    }
    return out;
  }

  /** Which presets decided which kinds ({@code web@1 for text, web; code@1 for code}), or that the configuration listed the steps. */
  public String presetSummary() {
    return presetSummary;
  }

  /** One line per policy this plan leaves off. */
  public List<String> warnings() {
    return warnings;
  }

  /** A {@code NAME} or {@code KIND:NAME} reference to steps in {@code drop_steps} and {@code step_params}. */
  private record Ref(String step, Kind kind) {
    static Ref parse(String where, String ref) {
      int colon = ref.indexOf(':');
      if (colon < 0) {
        return new Ref(ref, null);
      }
      try {
        return new Ref(ref.substring(colon + 1), Kind.fromCode(ref.substring(0, colon)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": \"" + ref + "\" is not NAME or KIND:NAME with a kind of code, text, web");
      }
    }

    boolean matches(StepConfig s) {
      return s.step().equals(step) && (kind == null || s.kindSet().contains(kind));
    }

    boolean matchesAny(List<StepConfig> list) {
      return list.stream().anyMatch(this::matches);
    }

    /** The kinds of {@code kinds} this reference does not name. */
    Set<Kind> remove(Set<Kind> kinds) {
      if (kind == null) {
        return EnumSet.noneOf(Kind.class);
      }
      Set<Kind> left = EnumSet.copyOf(kinds);
      left.remove(kind);
      return left;
    }
  }
}
