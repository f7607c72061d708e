package org.provenant.schemas;

import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.List;

/**
 * The licence that applies to a document (SPDX id or expression, null if unknown), the evidence
 * for it, and whether the statements that apply disagree. For a code file, {@code packageSpdx} is
 * what its package declares at its top level (null when it declares nothing, and for web pages and
 * text): a file's own header or a subdirectory's licence file can say something else, and a
 * licence policy judges both.
 */
public record License(String spdx, List<Evidence> evidence, boolean conflict, String packageSpdx) implements Serializable {
  /** No licence known and no evidence seen. */
  public static final License UNKNOWN = new License(null, List.of(), false);

  public License {
    evidence = ImmutableList.copyOf(evidence);
  }

  /** A licence with no package-level licence beside it (web pages, text, or a package that declares none). */
  public License(String spdx, List<Evidence> evidence, boolean conflict) {
    this(spdx, evidence, conflict, null);
  }

  /** This licence with {@code spdx} as the package's declared licence. */
  public License withPackageSpdx(String spdx) {
    return new License(this.spdx, evidence, conflict, spdx);
  }

  /** A licence whose statements agree. */
  public License(String spdx, List<Evidence> evidence) {
    this(spdx, evidence, false);
  }
}
