package org.provenant.filters.lang;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedSet;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.provenant.filters.step.DocumentStep;
import org.provenant.filters.step.Outcome;
import org.provenant.schemas.Document;
import org.provenant.schemas.LineageEntry;

/**
 * Keeps documents whose identified language is allowed and confidently identified. Checks, in
 * order:
 *
 * <ol>
 *   <li>{@code language_low_score}: the best guess scores below {@code minScore} (detail {@code tur
 *       0.0097 < 0.02}): the language is too uncertain to judge;
 *   <li>{@code language_not_allowed}: an allow-list is set and the best guess is not on it (detail
 *       {@code deu 0.9712}).
 * </ol>
 *
 * <p>A kept document gets a lineage entry whose detail is the guess ({@code eng 0.3657}). The
 * allow-list takes ISO 639-3 codes as the model gives them ({@code eng}, {@code cmn}) and ISO
 * 639-1 codes ({@code en}, {@code zh}); a two-letter code allows every model language that maps to
 * it ({@code zh} allows {@code cmn}, {@code fa} allows {@code fas} and {@code pes}). No allow-list
 * means any language. Codes the model does not know are rejected at construction.
 *
 * <p>The default minimum score, {@value #DEFAULT_MIN_SCORE}, is set from measurements of OpenNLP's
 * scores, which are spread over 103 languages: noise and one- or two-word texts score about 0.010
 * to 0.015, paragraphs of Chinese and Japanese 0.028 to 0.04, paragraphs of European languages 0.16
 * and up. Immutable and thread-safe.
 */
public final class LanguageFilter implements DocumentStep {
  private static final long serialVersionUID = 1L;

  /** Name and version in lineage and rejections. */
  public static final String STEP_ID = "language@1";

  /** Smallest score of the best guess. */
  public static final double DEFAULT_MIN_SCORE = 0.02;

  public static final String LANGUAGE_LOW_SCORE = "language_low_score";
  public static final String LANGUAGE_NOT_ALLOWED = "language_not_allowed";

  private final ImmutableSortedSet<String> allowed;
  private final double minScore;
  private final LanguageIdentifier identifier;

  private LanguageFilter(Builder b) {
    this.allowed = b.allowed;
    this.minScore = b.minScore;
    this.identifier = b.identifier;
  }

  /** A filter allowing any language with the default minimum score. */
  public static LanguageFilter create() {
    return builder().build();
  }

  /** A builder: no allow-list, the default minimum score and identifier. */
  public static Builder builder() {
    return new Builder();
  }

  /** The allow-list as given (lower case); empty means any language. */
  public ImmutableSortedSet<String> allowed() {
    return allowed;
  }

  public double minScore() {
    return minScore;
  }

  @Override
  public String id() {
    return STEP_ID;
  }

  /** Identifies the language of {@code text} and decides. */
  public LanguageVerdict check(String text) {
    LanguageGuess guess = identifier.identify(text);
    if (guess.score() < minScore) {
      return new LanguageVerdict(
          guess,
          Optional.of(LANGUAGE_LOW_SCORE),
          guess.describe() + " < " + Scores.fmt(minScore));
    }
    if (!isAllowed(guess)) {
      return new LanguageVerdict(guess, Optional.of(LANGUAGE_NOT_ALLOWED), guess.describe());
    }
    return new LanguageVerdict(guess, Optional.empty(), guess.describe());
  }

  private boolean isAllowed(LanguageGuess guess) {
    return allowed.isEmpty()
        || allowed.contains(guess.code())
        || guess.twoLetterCode().map(allowed::contains).orElse(false);
  }

  @Override
  public Outcome apply(Document document) {
    LanguageVerdict verdict = check(document.text());
    LanguageGuess g = verdict.guess();
    Document measured = document.withSignals(
        document.signals().withLanguage(g.twoLetterCode().orElse(g.code()), Math.round(g.score() * 10_000) / 10_000.0));
    if (!verdict.kept()) {
      return Outcome.reject(measured.reject(STEP_ID, verdict.dropReason().get(), verdict.detail()));
    }
    return Outcome.keep(
        measured.withStep(new LineageEntry(STEP_ID, LineageEntry.OK, verdict.detail())));
  }

  @Override
  public String toString() {
    return "LanguageFilter[allowed=" + allowed + ", minScore=" + minScore + "]";
  }

  /** Settings of a {@link LanguageFilter}; call order does not matter. */
  public static final class Builder {
    private ImmutableSortedSet<String> allowed = ImmutableSortedSet.of();
    private double minScore = DEFAULT_MIN_SCORE;
    private LanguageIdentifier identifier = LanguageIdentifier.create();

    private Builder() {}

    /**
     * The allowed languages, ISO 639-3 as the model names them or ISO 639-1, any case; replaces
     * any earlier list; an empty list allows any language.
     */
    public Builder allow(Iterable<String> codes) {
      requireNonNull(codes, "allowedLanguages");
      ImmutableSortedSet.Builder<String> b = ImmutableSortedSet.naturalOrder();
      for (String code : codes) {
        checkArgument(code != null, "allowedLanguages holds null");
        String c = code.strip().toLowerCase(Locale.ROOT);
        checkArgument(
            Iso639.MODEL_CODES.contains(c) || Iso639.TWO_LETTER_CODES.contains(c),
            "allowedLanguages: the model knows no language '%s'", code);
        b.add(c);
      }
      this.allowed = b.build();
      return this;
    }

    /** As {@link #allow(Iterable)}. */
    public Builder allow(String... codes) {
      return allow(Arrays.asList(codes));
    }

    /** Smallest score of the best guess, in [0, 1]; 0 disables the check. */
    public Builder minScore(double min) {
      checkArgument(min >= 0 && min <= 1, "minScore must be in [0, 1]: %s", min);
      this.minScore = min;
      return this;
    }

    /** The identifier to use (for another {@code maxChars}). */
    public Builder identifier(LanguageIdentifier id) {
      this.identifier = requireNonNull(id, "identifier");
      return this;
    }

    public LanguageFilter build() {
      return new LanguageFilter(this);
    }
  }
}
