package org.provenant.filters.step;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every step a configuration can name, in the order {@code ./provenant steps} lists them: {@code
 * text_length}, then the quality and language filters of {@link BuiltinSteps}.
 */
public final class StepCatalog {
  private static final List<StepFactory> FACTORIES =
      ImmutableList.<StepFactory>builder()
          .add(new TextLengthStep.Factory())
          .addAll(BuiltinSteps.all())
          .build();

  private StepCatalog() {}

  public static List<StepFactory> all() {
    return FACTORIES;
  }

  public static Optional<StepFactory> find(String name) {
    return FACTORIES.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** Builds the configured steps in order; unknown names and parameters fail with a message naming them. */
  public static List<DocumentStep> build(List<String> names, List<Map<String, Object>> params) {
    List<DocumentStep> steps = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      StepFactory f = find(name).orElseThrow(() -> new IllegalArgumentException(
          "unknown step \"" + name + "\"; known steps: " + FACTORIES.stream().map(StepFactory::name).toList()));
      steps.add(f.create(StepParams.resolve(name, f.params(), params.get(i))));
    }
    return steps;
  }
}
