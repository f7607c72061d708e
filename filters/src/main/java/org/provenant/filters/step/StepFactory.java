package org.provenant.filters.step;

import java.util.List;

/** Makes a configured {@link DocumentStep}; one per step name, listed by {@link StepCatalog}. */
public interface StepFactory {
  /** The name used in the configuration, e.g. {@code gopher_quality}. */
  String name();

  /** One line on what the step does and which reason codes it gives. */
  String description();

  List<ParamSpec> params();

  DocumentStep create(StepParams params);
}
