package org.provenant.filters.quality;

import static java.util.Objects.requireNonNull;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Drops a text in which a regular expression (Java syntax; inline flags such as {@code (?i)} as in
 * Python) finds a match, as datatrove's {@code RegexFilter}. Datatrove gives no reason code; this
 * filter says {@code regex_match}, with the pattern and the match offset in the detail. Immutable
 * and thread-safe.
 */
public final class RegexFilter implements QualityFilter<RegexFilter.Statistics> {
  private static final long serialVersionUID = 1L;

  /** Name and version in lineage and rejections. */
  public static final String STEP_ID = "regex@1";

  public static final String REGEX_MATCH = "regex_match";

  private final Pattern pattern;

  private RegexFilter(Pattern pattern) {
    this.pattern = pattern;
  }

  /** A filter dropping texts where {@code regex} ({@code regex_exp}) finds a match. */
  public static RegexFilter of(String regex) {
    requireNonNull(regex, "regex");
    try {
      return new RegexFilter(Pattern.compile(regex));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("regex is not a valid pattern: " + e.getMessage(), e);
    }
  }

  /** The pattern as given. */
  public String regex() {
    return pattern.pattern();
  }

  /** Where the first match starts (UTF-16 index), if there is one. */
  public record Statistics(OptionalInt matchOffset) implements QualityStatistics {
    public Statistics {
      requireNonNull(matchOffset, "matchOffset");
    }

    @Override
    public String summary() {
      return matchOffset.isPresent() ? "match_at=" + matchOffset.getAsInt() : "matches=0";
    }
  }

  @Override
  public String stepId() {
    return STEP_ID;
  }

  @Override
  public QualityVerdict<Statistics> check(String text) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return QualityVerdict.keep(new Statistics(OptionalInt.empty()));
    }
    return QualityVerdict.drop(
        REGEX_MATCH,
        "pattern=" + pattern.pattern() + " at=" + m.start(),
        new Statistics(OptionalInt.of(m.start())));
  }
}
