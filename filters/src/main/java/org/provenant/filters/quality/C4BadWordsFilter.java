package org.provenant.filters.quality;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableSortedSet;
import com.google.common.hash.Hashing;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * C4's bad-words heuristic (Raffel et al. 2020): drops a text containing any word or phrase of a
 * list, as datatrove's {@code C4BadWordsFilter} does ({@code document_removed_with_badwords}).
 *
 * <p>The list is a UTF-8 file, one word or phrase a line; blank lines and lines starting with
 * {@code #} are ignored, entries are lower-cased. {@link #english()} uses the small list shipped
 * at {@value #ENGLISH_RESOURCE}; {@link #fromFile} reads any other. The lower-cased text matches
 * an entry when the entry is flanked by non-word characters or the text's ends (word characters
 * being letters, digits, marks and {@code _}), as the reference's {@code (?:\W|^)(...)(?:\W|$)};
 * {@link #withWordBoundaries withWordBoundaries(false)} drops that requirement, for scripts
 * written without spaces. The first match from the left is reported, the longest entry among
 * those starting at the same place.
 *
 * <p>{@link #withKeepFraction} keeps that fraction of matching texts, chosen deterministically by a
 * seeded hash of the text (not a random generator), so two runs keep the same texts. Immutable and
 * thread-safe.
 */
public final class C4BadWordsFilter implements QualityFilter<C4BadWordsFilter.Statistics> {
  private static final long serialVersionUID = 1L;

  /** Name and version in lineage and rejections. */
  public static final String STEP_ID = "c4_badwords@1";

  /** Classpath location of the English list. */
  public static final String ENGLISH_RESOURCE = "/org/provenant/filters/quality/badwords/en.txt";
  /** Fraction of matching texts kept anyway. */
  public static final double DEFAULT_KEEP_FRACTION = 0.0;
  /** Seed of the hash that picks the kept fraction. */
  public static final int DEFAULT_SEED = 0;
  /** Whether an entry must stand between non-word characters. */
  public static final boolean DEFAULT_WORD_BOUNDARIES = true;

  public static final String REMOVED_WITH_BADWORDS = "document_removed_with_badwords";

  private final String source;
  private final ImmutableSortedSet<String> words;
  private final boolean wordBoundaries;
  private final double keepFraction;
  private final int seed;
  /** Entries by their first code point, longest first: the candidates at a text position. */
  private final ImmutableListMultimap<Integer, String> byFirstCodePoint;

  private C4BadWordsFilter(
      String source, ImmutableSortedSet<String> words, boolean wordBoundaries, double keepFraction,
      int seed) {
    checkArgument(!words.isEmpty(), "words: the list from %s is empty", source);
    checkArgument(
        keepFraction >= 0 && keepFraction <= 1, "keepFraction must be in [0, 1]: %s", keepFraction);
    this.source = source;
    this.words = words;
    this.wordBoundaries = wordBoundaries;
    this.keepFraction = keepFraction;
    this.seed = seed;
    ImmutableListMultimap.Builder<Integer, String> index = ImmutableListMultimap.builder();
    words.stream()
        .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
        .forEach(w -> index.put(w.codePointAt(0), w));
    this.byFirstCodePoint = index.build();
  }

  /** The filter with the English list shipped with this module. */
  public static C4BadWordsFilter english() {
    return fromResource(ENGLISH_RESOURCE);
  }

  /** The filter with the list at a classpath location (absolute, starting with {@code /}). */
  public static C4BadWordsFilter fromResource(String resource) {
    requireNonNull(resource, "resource");
    try (InputStream in = C4BadWordsFilter.class.getResourceAsStream(resource)) {
      checkArgument(in != null, "resource: no bad-words list on the classpath at %s", resource);
      return fromStream(in, "classpath:" + resource);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bad-words list " + resource, e);
    }
  }

  /** The filter with the list in the file at {@code path}. */
  public static C4BadWordsFilter fromFile(Path path) throws IOException {
    requireNonNull(path, "path");
    try (InputStream in = Files.newInputStream(path)) {
      return fromStream(in, path.toString());
    }
  }

  /** The filter with the given words and phrases ({@code source} names them in messages). */
  public static C4BadWordsFilter of(Iterable<String> words, String source) {
    ImmutableSortedSet.Builder<String> b = ImmutableSortedSet.naturalOrder();
    for (String w : words) {
      String entry = w.strip().toLowerCase(Locale.ROOT);
      checkArgument(!entry.isEmpty(), "words: an entry from %s is blank", source);
      b.add(entry);
    }
    return new C4BadWordsFilter(
        source, b.build(), DEFAULT_WORD_BOUNDARIES, DEFAULT_KEEP_FRACTION, DEFAULT_SEED);
  }

  /** The filter with the list read from {@code in} ({@code source} names it in messages). */
  public static C4BadWordsFilter fromStream(InputStream in, String source) throws IOException {
    ImmutableSortedSet.Builder<String> b = ImmutableSortedSet.naturalOrder();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String entry = line.strip();
        if (!entry.isEmpty() && !entry.startsWith("#")) {
          b.add(entry.toLowerCase(Locale.ROOT));
        }
      }
    }
    return new C4BadWordsFilter(
        source, b.build(), DEFAULT_WORD_BOUNDARIES, DEFAULT_KEEP_FRACTION, DEFAULT_SEED);
  }

  /** This filter keeping {@code fraction} (in [0, 1]) of matching texts ({@code keep_fraction}). */
  public C4BadWordsFilter withKeepFraction(double fraction) {
    return new C4BadWordsFilter(source, words, wordBoundaries, fraction, seed);
  }

  /** This filter with {@code seed} for choosing the kept fraction ({@code seed}). */
  public C4BadWordsFilter withSeed(int newSeed) {
    return new C4BadWordsFilter(source, words, wordBoundaries, keepFraction, newSeed);
  }

  /** This filter requiring (true) or not requiring non-word characters around an entry. */
  public C4BadWordsFilter withWordBoundaries(boolean required) {
    return new C4BadWordsFilter(source, words, required, keepFraction, seed);
  }

  /** The entries, lower case, sorted. */
  public ImmutableSortedSet<String> words() {
    return words;
  }

  /** Where the entries came from: a file path or {@code classpath:/...}. */
  public String source() {
    return source;
  }

  /**
   * The first entry found, if any, with its offset (UTF-16 index into the lower-cased text, the
   * same as into the text unless lower-casing changed a length; -1 when none), and whether the
   * text was kept anyway by the keep fraction.
   */
  public record Statistics(Optional<String> match, int offset, boolean keptAnyway)
      implements QualityStatistics {
    public Statistics {
      requireNonNull(match, "match");
    }

    @Override
    public String summary() {
      return match.isEmpty()
          ? "badwords=0"
          : "badword=" + match.get() + " at=" + offset + " kept_by_fraction=" + keptAnyway;
    }
  }

  @Override
  public String stepId() {
    return STEP_ID;
  }

  @Override
  public QualityVerdict<Statistics> check(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    int offset = -1;
    String word = null;
    for (int p = 0; p < lower.length() && word == null; p += Character.charCount(lower.codePointAt(p))) {
      if (wordBoundaries && p > 0 && WordSplitter.isWordChar(lower.codePointBefore(p))) {
        continue;
      }
      for (String candidate : byFirstCodePoint.get(lower.codePointAt(p))) {
        int end = p + candidate.length();
        if (lower.startsWith(candidate, p)
            && (!wordBoundaries || end == lower.length() || !WordSplitter.isWordChar(lower.codePointAt(end)))) {
          word = candidate;
          offset = p;
          break;
        }
      }
    }
    if (word == null) {
      return QualityVerdict.keep(new Statistics(Optional.empty(), -1, false));
    }
    if (keepFraction > 0 && uniform(text) < keepFraction) {
      return QualityVerdict.keep(new Statistics(Optional.of(word), offset, true));
    }
    Statistics s = new Statistics(Optional.of(word), offset, false);
    return QualityVerdict.drop(REMOVED_WITH_BADWORDS, "badword=" + word + " at=" + offset, s);
  }

  /** A number in [0, 1) fixed by the seed and the text. */
  private double uniform(String text) {
    long bits = Hashing.murmur3_128(seed).hashString(text, StandardCharsets.UTF_8).asLong();
    return (bits >>> 11) * 0x1.0p-53;
  }
}
