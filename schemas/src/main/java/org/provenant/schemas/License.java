package org.provenant.schemas;

import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.List;

/** The licence that applies to a document (SPDX id or expression, null if unknown) and its evidence. */
public record License(String spdx, List<Evidence> evidence) implements Serializable {
  /** No licence known and no evidence seen. */
  public static final License UNKNOWN = new License(null, List.of());

  public License {
    evidence = ImmutableList.copyOf(evidence);
  }
}
