package org.provenant.filters.lang;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Optional;

/**
 * A language identified for a text, with the identifier's confidence.
 *
 * @param code ISO 639-3 code as the model names the language ({@code eng}, {@code deu}, {@code cmn}
 *     for Mandarin, {@code pes} for Iranian Persian), or {@code und} when the text has no letters
 * @param twoLetterCode the ISO 639-1 code of that language or of its macrolanguage ({@code en},
 *     {@code de}, {@code zh}, {@code fa}); empty where none exists ({@code ceb}, {@code gsw}, {@code
 *     und})
 * @param score the model's probability for {@code code}, in [0, 1]; OpenNLP's scores are spread over
 *     its 103 languages, so typical values are 0.2 to 0.6 for a paragraph of a European language and
 *     0.02 to 0.05 for Chinese or Japanese, against 0.01 for noise
 */
public record LanguageGuess(String code, Optional<String> twoLetterCode, double score)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The code of {@link #UNDETERMINED}. */
  public static final String UNDETERMINED_CODE = "und";

  /** The guess for a text without letters: {@code und}, score 0. */
  public static final LanguageGuess UNDETERMINED =
      new LanguageGuess(UNDETERMINED_CODE, Optional.empty(), 0.0);

  public LanguageGuess {
    requireNonNull(code, "code");
    requireNonNull(twoLetterCode, "twoLetterCode");
    checkArgument(score >= 0 && score <= 1, "score must be in [0, 1]: %s", score);
  }

  /** Code and score as written in lineage and rejection details: {@code deu 0.9712}. */
  public String describe() {
    return code + " " + Scores.fmt(score);
  }
}
