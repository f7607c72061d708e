package org.provenant.schemas;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * One step a document passed: the step's name and version ({@code extract_html@1}), its outcome
 * and a short detail. A document's lineage is the ordered list of these.
 */
public record LineageEntry(String step, String outcome, String detail) implements Serializable {
  /** The step let the document through unchanged. */
  public static final String OK = "ok";
  /** The step let the document through and changed it. */
  public static final String MODIFIED = "modified";
  /** The step rejected the document. */
  public static final String REJECTED = "rejected";

  public LineageEntry {
    requireNonNull(step, "step");
    requireNonNull(outcome, "outcome");
  }
}
