package org.provenant.filters.lang;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What {@link LanguageFilter} decided about one text.
 *
 * @param guess the identified language and its score
 * @param dropReason {@code language_low_score} or {@code language_not_allowed} when dropped, empty
 *     when kept
 * @param detail the guess ({@code deu 0.9712}), followed for a low score by the minimum
 */
public record LanguageVerdict(LanguageGuess guess, Optional<String> dropReason, String detail) {
  public LanguageVerdict {
    requireNonNull(guess, "guess");
    requireNonNull(dropReason, "dropReason");
    requireNonNull(detail, "detail");
  }

  public boolean kept() {
    return dropReason.isEmpty();
  }
}
