package org.provenant.schemas;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.List;

/**
 * What the curation steps measured about a document, as typed values: detected language and
 * score, programming language, each step's statistics, AI opt-out statements and PII counts.
 * Written as the {@code signals} column so a decision can be explained and a threshold revisited
 * without re-reading the raw input. Immutable; steps add to copies.
 *
 * @param pii null when no PII step ran
 */
public record Signals(
    String language,
    Double languageScore,
    String codeLanguage,
    List<Statistic> statistics,
    List<OptOutSignal> optOut,
    PiiCounts pii)
    implements Serializable {

  /** Nothing measured. */
  public static final Signals EMPTY = new Signals(null, null, null, List.of(), List.of(), null);

  public Signals {
    statistics = ImmutableList.copyOf(statistics);
    optOut = ImmutableList.copyOf(optOut);
  }

  public Signals withLanguage(String code, double score) {
    return new Signals(code, score, codeLanguage, statistics, optOut, pii);
  }

  public Signals withCodeLanguage(String lang) {
    return new Signals(language, languageScore, lang, statistics, optOut, pii);
  }

  public Signals plusStatistics(List<Statistic> more) {
    return new Signals(language, languageScore, codeLanguage,
        ImmutableList.<Statistic>builder().addAll(statistics).addAll(more).build(), optOut, pii);
  }

  public Signals plusOptOut(List<OptOutSignal> more) {
    return new Signals(language, languageScore, codeLanguage, statistics,
        ImmutableList.<OptOutSignal>builder().addAll(optOut).addAll(more).build(), pii);
  }

  public Signals withPii(PiiCounts counts) {
    return new Signals(language, languageScore, codeLanguage, statistics, optOut, counts);
  }

  /** One number a step computed, such as {@code gopher_quality@1 mean_word_len 4.7}. */
  public record Statistic(String step, String name, double value) implements Serializable {
    public Statistic {
      requireNonNull(step, "step");
      requireNonNull(name, "name");
    }
  }

  /**
   * One machine-readable statement about AI training or text-and-data mining.
   *
   * @param signal noai, noimageai, tdm_reservation, tdm_policy, content_usage or robots_txt
   * @param location http_header, meta or robots_txt
   * @param value the statement as found
   * @param reserved whether it reserves the page against AI training or mining
   */
  public record OptOutSignal(String signal, String location, String value, boolean reserved)
      implements Serializable {
    public OptOutSignal {
      requireNonNull(signal, "signal");
      requireNonNull(location, "location");
      requireNonNull(value, "value");
    }
  }

  /** How many e-mail and IP addresses a PII step replaced by placeholders. */
  public record PiiCounts(int emails, int ipAddresses) implements Serializable {}
}
