package org.provenant.filters.step;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.provenant.schemas.Kind;

/** Makes a configured {@link DocumentStep}; one per step name, listed by {@link StepCatalog}. */
public interface StepFactory {
  /** Web pages and plain text: the kinds the text-quality, language and web-policy steps are for. */
  Set<Kind> PROSE = Set.copyOf(EnumSet.of(Kind.WEB, Kind.TEXT));
  /** Source files only. */
  Set<Kind> CODE = Set.of(Kind.CODE);
  /** Every kind of document. */
  Set<Kind> ALL = Set.copyOf(EnumSet.allOf(Kind.class));

  /** The name used in the configuration, e.g. {@code gopher_quality}. */
  String name();

  /** One line on what the step does and which reason codes it gives. */
  String description();

  List<ParamSpec> params();

  /**
   * The kinds of document the step may run on: a configuration can narrow them, never widen them,
   * so web steps never run on code and code steps never on pages.
   */
  Set<Kind> kinds();

  DocumentStep create(StepParams params);
}
