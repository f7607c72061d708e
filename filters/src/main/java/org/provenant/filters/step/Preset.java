package org.provenant.filters.step;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.provenant.schemas.Kind;

/**
 * A named, versioned curation recipe: the steps, with their parameters, that documents of the
 * kinds it {@link #covers} go through, in order. {@link Presets} lists the built-in ones; a run
 * names one (or gets the default) and may add, drop or re-parameterise its steps.
 *
 * @param name as a configuration names it ({@code web}, {@code fineweb}, ...)
 * @param version bumped whenever a step, a parameter or the order changes, so that two runs of
 *     {@code web@1} mean the same curation
 * @param covers the kinds of document whose steps this preset decides
 * @param summary one line on what it is for
 * @param source where its steps and thresholds come from (paper, datatrove's defaults)
 * @param steps in order; each runs on the kinds it names (a subset of {@code covers})
 */
public record Preset(String name, int version, Set<Kind> covers, String summary, String source, List<Step> steps) {
  /**
   * One step of a preset: its catalogue name, the parameters the preset sets (the others keep the
   * step's defaults), and the kinds it runs on.
   */
  public record Step(String step, Map<String, Object> params, Set<Kind> kinds) {
    public Step {
      requireNonNull(step, "step");
      params = ImmutableSortedMap.copyOf(params);
      kinds = Set.copyOf(EnumSet.copyOf(kinds));
    }
  }

  public Preset {
    requireNonNull(name, "name");
    covers = Set.copyOf(EnumSet.copyOf(covers));
    requireNonNull(summary, "summary");
    requireNonNull(source, "source");
    steps = ImmutableList.copyOf(steps);
    for (Step s : steps) {
      if (!covers.containsAll(s.kinds())) {
        throw new IllegalArgumentException("preset " + name + ": step " + s.step() + " runs on kinds it does not cover");
      }
    }
  }

  /** {@code name@version}, as the manifest and the dataset card write it. */
  public String id() {
    return name + "@" + version;
  }
}
