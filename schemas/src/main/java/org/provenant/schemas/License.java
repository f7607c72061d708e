package org.provenant.schemas;

import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.List;

/**
 * The licence that applies to a document (SPDX id or expression, null if unknown), the evidence
 * for it, and whether the statements that apply disagree.
 */
public record License(String spdx, List<Evidence> evidence, boolean conflict) implements Serializable {
  /** No licence known and no evidence seen. */
  public static final License UNKNOWN = new License(null, List.of(), false);

  public License {
    evidence = ImmutableList.copyOf(evidence);
  }

  /** A licence whose statements agree. */
  public License(String spdx, List<Evidence> evidence) {
    this(spdx, evidence, false);
  }
}
