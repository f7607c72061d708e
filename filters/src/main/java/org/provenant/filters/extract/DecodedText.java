package org.provenant.filters.extract;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.List;

/**
 * The text of a response body together with the charset it was decoded with and how that
 * charset was chosen, so that a decoding decision can be explained and counted later.
 *
 * @param text the decoded text, without any byte order mark
 * @param charset the Java name of the charset used, e.g. {@code UTF-8} or {@code windows-1252}
 * @param origin how the charset was found
 * @param ignoredLabels charset labels that were declared but could not be used (unknown or
 *     unsupported), in the order they were met; empty when every declaration seen was usable
 */
public record DecodedText(
    String text, String charset, Origin origin, List<IgnoredLabel> ignoredLabels)
    implements Serializable {

  public DecodedText {
    requireNonNull(text, "text");
    requireNonNull(charset, "charset");
    requireNonNull(origin, "origin");
    ignoredLabels = ImmutableList.copyOf(ignoredLabels);
  }

  /** How the charset was found, in the order {@link CharsetResolver} tries them. */
  public enum Origin {
    BOM("bom"),
    HTTP_HEADER("http-header"),
    META("meta"),
    DETECTED("detected"),
    /** Only for an empty body, where there is nothing to detect. */
    DEFAULT_UTF8("default-utf8");

    private final String label;

    Origin(String label) {
      this.label = label;
    }

    /** The stable label, e.g. {@code http-header}. */
    public String label() {
      return label;
    }
  }

  /** A declared charset label that was skipped, and where it was declared. */
  public record IgnoredLabel(Origin origin, String label) implements Serializable {
    public IgnoredLabel {
      requireNonNull(origin, "origin");
      requireNonNull(label, "label");
    }
  }
}
