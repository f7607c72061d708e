package org.provenant.filters.license;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.collect.ImmutableList;
import com.google.common.hash.HashCode;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.spdx.utility.compare.LicenseCompareHelper;

/**
 * Finds which SPDX-listed licences a text is, or contains.
 *
 * <p>Built once ({@link #shared()}, about 1-2 s) from every non-deprecated licence of the bundled
 * SPDX list: each licence's full template and, where SPDX has one, its standard header become an
 * entry with two normalised word sets ({@link LicenseWords}): the words of the whole text and the
 * required words (optional and variable parts removed). Matching a text then goes:
 *
 * <ol>
 *   <li>cue gate: a text without any of {@code licen[cs]e}, {@code copyright}, {@code warrant},
 *       {@code permission}, {@code redistribut}, {@code public domain} is no licence (most source
 *       files stop here, in microseconds);
 *   <li>word index: for every entry, in one pass over an inverted index, the Dice coefficient of
 *       the text's and the entry's word sets and the share of the entry's required words present;
 *   <li>the {@value #TEMPLATE_CANDIDATES} best entries by Dice go to SPDX's {@code
 *       LicenseCompareHelper.isTextMatchingTemplate}: a full match is {@link
 *       LicenseMatch#SPDX_COMPARE} with confidence 1;
 *   <li>else a Dice of at least {@link #DEFAULT_DICE_THRESHOLD} (with {@value #MIN_COVERAGE} of
 *       required words present) is a {@link LicenseMatch#DICE} match with confidence = Dice;
 *   <li>else, for a text holding several licences, entries whose required words are nearly all
 *       present go to SPDX's template-within-text search ({@link LicenseMatch#SPDX_WITHIN});
 *   <li>else text with licence wording throughout (a Dice of at least {@value #UNKNOWN_MIN_DICE}
 *       with some licence and at least {@value #UNKNOWN_MIN_CUES} distinct licence words) is {@link
 *       LicenseMatch#UNKNOWN_LICENSE_REF} with confidence 0.3.
 * </ol>
 *
 * <p>Real corpora repeat the same LICENSE text thousands of times, so answers past the cue gate are
 * memoised ({@link #DEFAULT_MEMO_SIZE} texts by default, {@link #withMemoSize}), keyed by the
 * SHA-256 of exactly the text the steps above read (the clipped text with HTML stripped). Every
 * step is a pure function of that text, so a memo hit returns what a miss would compute: answers
 * do not depend on memo size, eviction, thread interleaving or the order texts arrive in.
 *
 * <p>Only the first {@value #MAX_CHARS} characters are read. Bad input (empty, binary, garbage)
 * gives an empty list, never an exception. Thread-safe; the index is immutable and shared between
 * copies made by {@link #withMemoSize}.
 */
public final class LicenseTextMatcher {
  /** Minimum Dice coefficient for a {@link LicenseMatch#DICE} match. */
  public static final double DEFAULT_DICE_THRESHOLD = 0.93;
  /** Entries compared with the SPDX template per text. */
  static final int TEMPLATE_CANDIDATES = 4;
  /** Share of an entry's required words that must be in the text for a Dice match. */
  static final double MIN_COVERAGE = 0.9;
  /** Share of required words for the template-within-text search. */
  static final double WITHIN_COVERAGE = 0.97;
  static final int WITHIN_CANDIDATES = 6;
  /** Common licences tried as the opening licence of a longer text. */
  static final int LEADING_CANDIDATES = 2;
  /** Words of a licence's ending that locate it in a longer text. */
  static final int LAST_WORDS = 6;
  /** Distinct words outside the found licences that make a text more than those licences. */
  static final int OUTSIDE_MIN_WORDS = 40;
  static final double OUTSIDE_MIN_SHARE = 0.25;
  static final int OUTSIDE_MIN_CUES = 2;
  static final double UNKNOWN_MIN_DICE = 0.25;
  /** Share of the text's distinct words that must be the licence's for a whole-text match. */
  static final double MIN_PRECISION = 0.85;
  /** Dice and coverage for a standard-header match (headers are short; confidence is 0.9 x Dice). */
  static final double HEADER_DICE = 0.85;
  private static final Pattern LATER = Pattern.compile("(?i)any later version|or later");
  /** Templates longer than this are compared only when word sets already agree (Dice >= 0.9). */
  static final int MAX_TEMPLATE_CHARS = 12_000;
  static final double COMMON_MARGIN = 0.03;
  /** Licences common in code; they win near-ties against rare variants of themselves. */
  static final Set<String> COMMON =
      Set.of(
          "MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "ISC", "GPL-2.0-only",
          "GPL-3.0-only", "LGPL-2.1-only", "LGPL-3.0-only", "LGPL-2.0-only", "AGPL-3.0-only",
          "MPL-2.0", "EPL-1.0", "EPL-2.0", "Unlicense", "CC0-1.0", "BSL-1.0", "Zlib", "0BSD",
          "MIT-0", "CC-BY-4.0", "CC-BY-SA-4.0", "Artistic-2.0", "WTFPL", "Python-2.0",
          "HPND", "X11", "OFL-1.1", "EUPL-1.2", "CDDL-1.0", "MPL-1.1", "PostgreSQL");
  static final int UNKNOWN_MIN_CUES = 4;
  /** Share of the text's distinct words that are licence words, for an unknown licence: source code with a licence header is not a licence. */
  static final double UNKNOWN_MIN_PRECISION = 0.45;
  /** Confidence of an unknown-licence match. */
  public static final double UNKNOWN_CONFIDENCE = 0.3;
  /** Distinct texts whose answers {@link #shared()} remembers. */
  public static final int DEFAULT_MEMO_SIZE = 20_000;
  /** Characters read from a text; licence texts are far shorter. */
  public static final int MAX_CHARS = 256 * 1024;

  private static final Pattern CUE =
      Pattern.compile(
          "licen[cs]|copyright|warrant|permission|redistribut|public domain|unlicense",
          Pattern.CASE_INSENSITIVE);

  private static final Set<String> CUE_WORDS =
      Set.of(
          "license", "licensed", "licenses", "copyright", "warranty", "warranties", "permission",
          "permitted", "granted", "redistribution", "redistribute", "distribute", "liability",
          "liable", "merchantability", "infringement", "conditions", "terms", "sublicense",
          "disclaimer", "damages", "royalty", "rights");

  static {
    System.setProperty("org.spdx.useJARLicenseInfoOnly", "true");
  }

  private static final class Holder {
    static final LicenseTextMatcher INSTANCE = build(SpdxLicenseList.get());
  }

  /** One licence text or header in the index. */
  private record Entry(String id, boolean header, String template, int allSize, int reqSize) {}

  private final ImmutableList<Entry> entries;
  private final Map<String, Integer> vocabulary;
  private final int[][] postingsAll;
  private final int[][] postingsReq;
  private final double diceThreshold;
  private final int memoSize;
  /** Answers by SHA-256 of the compared text; null when {@code memoSize} is 0. */
  private final Cache<HashCode, List<LicenseMatch>> memo;

  private LicenseTextMatcher(
      ImmutableList<Entry> entries,
      Map<String, Integer> vocabulary,
      int[][] postingsAll,
      int[][] postingsReq,
      double diceThreshold,
      int memoSize) {
    this.entries = entries;
    this.vocabulary = vocabulary;
    this.postingsAll = postingsAll;
    this.postingsReq = postingsReq;
    this.diceThreshold = diceThreshold;
    this.memoSize = memoSize;
    this.memo = memoSize == 0 ? null : CacheBuilder.newBuilder().maximumSize(memoSize).build();
  }

  /**
   * A matcher over the same index that remembers the answers for up to {@code size} distinct
   * texts (0: none). Answers are the same whatever the size; only the time taken changes.
   */
  public LicenseTextMatcher withMemoSize(int size) {
    checkArgument(size >= 0, "memo size is negative: %s", size);
    return new LicenseTextMatcher(entries, vocabulary, postingsAll, postingsReq, diceThreshold, size);
  }

  /** Distinct texts whose answers this matcher remembers (0: no memo). */
  public int memoSize() {
    return memoSize;
  }

  /** The matcher over the bundled SPDX list, built on first call. */
  public static LicenseTextMatcher shared() {
    return Holder.INSTANCE;
  }

  /** Number of indexed licence texts and headers. */
  public int indexSize() {
    return entries.size();
  }

  private static LicenseTextMatcher build(SpdxLicenseList list) {
    List<Entry> entries = new ArrayList<>();
    List<Set<String>> allSets = new ArrayList<>();
    List<Set<String>> reqSets = new ArrayList<>();
    for (SpdxLicenseList.Entry e : list.licenses().values()) {
      if (e.deprecated()) {
        continue;
      }
      SpdxLicenseList.Details d = list.details(e.id()).orElseThrow();
      addEntry(e.id(), false, ownText(e.id(), d.template()), entries, allSets, reqSets);
      if (!d.headerTemplate().isBlank()) {
        addEntry(e.id(), true, d.headerTemplate(), entries, allSets, reqSets);
      }
    }
    Map<String, Integer> vocab = new HashMap<>();
    for (Set<String> s : allSets) {
      s.forEach(w -> vocab.putIfAbsent(w, vocab.size()));
    }
    for (Set<String> s : reqSets) {
      s.forEach(w -> vocab.putIfAbsent(w, vocab.size()));
    }
    int[][] all = postings(vocab, allSets);
    int[][] req = postings(vocab, reqSets);
    return new LicenseTextMatcher(
        ImmutableList.copyOf(entries), Map.copyOf(vocab), all, req, DEFAULT_DICE_THRESHOLD,
        DEFAULT_MEMO_SIZE);
  }

  private static void addEntry(
      String id,
      boolean header,
      String template,
      List<Entry> entries,
      List<Set<String>> allSets,
      List<Set<String>> reqSets) {
    Set<String> all = wordSet(LicenseWords.fullTemplateText(template));
    Set<String> req = wordSet(LicenseWords.requiredTemplateText(template));
    if (req.size() < (header ? 12 : 5)) {
      return; // too little fixed text to recognise anything by
    }
    all.addAll(req);
    entries.add(new Entry(id, header, template, all.size(), req.size()));
    allSets.add(all);
    reqSets.add(req);
  }

  /**
   * The part of a template that is the licence's own text. SPDX's LGPL-3.0 templates append the
   * whole GPL-3.0 text, which an LGPL-3.0 file usually does not carry (it sits in COPYING).
   */
  static String ownText(String id, String template) {
    if (id.startsWith("LGPL-3.0")) {
      int gpl = template.indexOf("GNU GENERAL PUBLIC LICENSE", 200);
      if (gpl > 0) {
        int cut = template.lastIndexOf("<<beginOptional>>", gpl);
        int end = cut > 0 && gpl - cut < 40 ? cut : gpl;
        String own = template.substring(0, end);
        // Keep optional blocks balanced after cutting.
        int open = own.split("<<beginOptional>>", -1).length - own.split("<<endOptional>>", -1).length;
        return own + "<<endOptional>>".repeat(Math.max(0, open));
      }
    }
    return template;
  }

  private static int[][] postings(Map<String, Integer> vocab, List<Set<String>> sets) {
    List<List<Integer>> lists = new ArrayList<>();
    for (int i = 0; i < vocab.size(); i++) {
      lists.add(new ArrayList<>());
    }
    for (int e = 0; e < sets.size(); e++) {
      for (String w : sets.get(e)) {
        lists.get(vocab.get(w)).add(e);
      }
    }
    int[][] out = new int[vocab.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
    return out;
  }

  private static Set<String> wordSet(String text) {
    Set<String> s = new LinkedHashSet<>();
    LicenseWords.forEachWord(text, s::add);
    return s;
  }

  /** True when {@code text} has no licence cue word at all: it cannot be or hold a licence. */
  public static boolean hasNoLicenseCue(String text) {
    return text == null || !CUE.matcher(clip(text)).find();
  }

  /**
   * The licences {@code text} is or contains, best first; empty when it is no licence. A text
   * matching one licence as a whole gives one match; a text holding several gives one per licence.
   */
  public List<LicenseMatch> match(String text) {
    if (text == null || text.isEmpty() || hasNoLicenseCue(text)) {
      return List.of();
    }
    String clipped = LicenseWords.stripHtml(clip(text));
    if (memo == null) {
      return matchClipped(clipped);
    }
    HashCode key = Hashing.sha256().hashString(clipped, StandardCharsets.UTF_8);
    List<LicenseMatch> known = memo.getIfPresent(key);
    if (known != null) {
      return known;
    }
    // Two threads may both compute a new text; they compute the same answer, so either may stay.
    List<LicenseMatch> answer = matchClipped(clipped);
    memo.put(key, answer);
    return answer;
  }

  /** Steps 2-6 of the class comment over the clipped, HTML-stripped text: a pure function of it. */
  private List<LicenseMatch> matchClipped(String clipped) {
    // Word profile of the text.
    BitSet seen = new BitSet(vocabulary.size());
    Set<String> unknown = new java.util.HashSet<>();
    int[] cues = {0};
    Set<String> cueSeen = new java.util.HashSet<>();
    LicenseWords.forEachWord(
        clipped,
        w -> {
          Integer id = vocabulary.get(w);
          if (id != null) {
            seen.set(id);
          } else if (unknown.size() < 100_000) {
            unknown.add(w);
          }
          if (CUE_WORDS.contains(w) && cueSeen.add(w)) {
            cues[0]++;
          }
        });
    int size = seen.cardinality() + unknown.size();
    if (size == 0) {
      return List.of();
    }
    int n = entries.size();
    int[] interAll = new int[n];
    int[] interReq = new int[n];
    for (int t = seen.nextSetBit(0); t >= 0; t = seen.nextSetBit(t + 1)) {
      for (int e : postingsAll[t]) {
        interAll[e]++;
      }
      for (int e : postingsReq[t]) {
        interReq[e]++;
      }
    }
    double[] dice = new double[n];
    double[] coverage = new double[n];
    Integer[] order = new Integer[n];
    for (int e = 0; e < n; e++) {
      Entry entry = entries.get(e);
      dice[e] = 2.0 * interAll[e] / (size + entry.allSize());
      coverage[e] = (double) interReq[e] / entry.reqSize();
      order[e] = e;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer e) -> -dice[e]).thenComparingInt(e -> e));

    // 1. Whole-text template match among the best few by Dice.
    int tried = 0;
    for (int k = 0; k < n && tried < TEMPLATE_CANDIDATES; k++) {
      int e = order[k];
      if (dice[e] < 0.5) {
        break;
      }
      if (coverage[e] < 0.8 || (double) interAll[e] / size < MIN_PRECISION) {
        // Templates that open with a long variable (a copyright notice of up to 5,000 characters)
        // also "match" a text that has another licence before them: the text's words must be mostly
        // this licence's words.
        continue;
      }
      if (entries.get(e).template().length() > MAX_TEMPLATE_CHARS && dice[e] < 0.9) {
        continue; // comparing long templates costs seconds; only worth it when words agree
      }
      tried++;
      if (templateMatches(entries.get(e).template(), clipped)) {
        return List.of(
            new LicenseMatch(preferred(entries.get(e).id(), clipped), 1.0, LicenseMatch.SPDX_COMPARE));
      }
    }
    // 2. Close word sets.
    int best = preferCommon(order, dice, coverage);
    if (dice[best] >= diceThreshold && coverage[best] >= MIN_COVERAGE) {
      return List.of(
          new LicenseMatch(preferred(entries.get(best).id(), clipped), round(dice[best]), LicenseMatch.DICE));
    }
    // 2b. A standard licence header (short notice pointing at the licence), matched more loosely.
    if (entries.get(best).header() && dice[best] >= HEADER_DICE && coverage[best] >= HEADER_DICE) {
      return List.of(new LicenseMatch(
          headerId(entries.get(best).id(), clipped), round(dice[best] * 0.9), LicenseMatch.DICE));
    }
    // 3. Several licences in one text: licences whose required words are all there; a common
    // licence whose whole text opens the file leads (a LICENSE of one licence followed by the
    // notices of bundled code, as Lucene's: SPDX's search within the text misses the first).
    String leading = leadingLicence(clipped, order, coverage);
    List<String> within = withinMatches(clipped, order, coverage, size);
    if (leading != null) {
      List<LicenseMatch> out = new ArrayList<>();
      out.add(new LicenseMatch(leading, 1.0, LicenseMatch.SPDX_COMPARE));
      within.stream().filter(id -> !id.equals(leading))
          .forEach(id -> out.add(new LicenseMatch(id, 0.95, LicenseMatch.SPDX_WITHIN)));
      return List.copyOf(out);
    }
    if (!within.isEmpty()) {
      List<LicenseMatch> out = new ArrayList<>();
      within.forEach(id -> out.add(new LicenseMatch(id, 0.95, LicenseMatch.SPDX_WITHIN)));
      if (wordingOutside(clipped, within)) {
        // licence wording the found texts do not hold (terms stated in prose, proprietary terms,
        // a licence named by reference before a quoted third-party licence): not the quoted
        // licence alone
        out.add(new LicenseMatch(LicenseMatch.UNKNOWN_LICENSE_REF, UNKNOWN_CONFIDENCE, LicenseMatch.LICENSE_WORDS));
      }
      return List.copyOf(out);
    }
    // 4. Licence wording that matches nothing listed.
    double precision = (double) interAll[best] / size;
    if (dice[best] >= UNKNOWN_MIN_DICE && cues[0] >= UNKNOWN_MIN_CUES && precision >= UNKNOWN_MIN_PRECISION) {
      return List.of(
          new LicenseMatch(LicenseMatch.UNKNOWN_LICENSE_REF, UNKNOWN_CONFIDENCE, LicenseMatch.LICENSE_WORDS));
    }
    return List.of();
  }

  /** For tuning: the {@code k} best entries by Dice as "id[h] dice coverage". Package-private. */
  List<String> explain(String text, int k) {
    String clipped = LicenseWords.stripHtml(clip(text));
    Set<String> words = new LinkedHashSet<>();
    LicenseWords.forEachWord(clipped, words::add);
    List<String> out = new ArrayList<>();
    record Row(String s, double d) {}
    List<Row> rows = new ArrayList<>();
    for (int e = 0; e < entries.size(); e++) {
      Entry entry = entries.get(e);
      Set<String> all = wordSet(LicenseWords.fullTemplateText(entry.template()));
      Set<String> req = wordSet(LicenseWords.requiredTemplateText(entry.template()));
      all.addAll(req);
      long ia = words.stream().filter(all::contains).count();
      long ir = words.stream().filter(req::contains).count();
      double d = 2.0 * ia / (words.size() + all.size());
      rows.add(new Row(entry.id() + (entry.header() ? "[h]" : "") + String.format(" dice=%.3f cov=%.3f len=%d", d, (double) ir / req.size(), entry.template().length()), d));
    }
    rows.sort(Comparator.comparingDouble((Row r) -> -r.d()));
    rows.stream().limit(k).forEach(r -> out.add(r.s()));
    return out;
  }

  /**
   * The common licence whose whole text opens {@code text}, when the text is clearly longer than
   * that licence: the text is cut at the end of the line where the licence's last six words
   * occur (first occurrence from 80% of the licence's length on) and the cut is compared with the
   * template. At most two candidates are compared (a template comparison costs up to seconds).
   */
  private String leadingLicence(String text, Integer[] order, double[] coverage) {
    int tried = 0;
    for (int k = 0; k < order.length && tried < LEADING_CANDIDATES; k++) {
      int e = order[k];
      Entry entry = entries.get(e);
      if (entry.header() || !COMMON.contains(entry.id()) || coverage[e] < WITHIN_COVERAGE) {
        continue;
      }
      String full = LicenseWords.fullTemplateText(entry.template()).strip();
      if (full.length() > 0.8 * text.length()) {
        continue;
      }
      int cut = licenceEnd(text, full);
      if (cut < 0) {
        continue;
      }
      tried++;
      if (templateMatches(entry.template(), text.substring(0, cut))) {
        return preferred(entry.id(), text);
      }
    }
    return null;
  }

  /**
   * Whether {@code text} has substantial wording outside the licences found within it: at least
   * {@value #OUTSIDE_MIN_WORDS} distinct words, and a {@value #OUTSIDE_MIN_SHARE} share of its
   * distinct words, that none of those licences' texts contains, {@value #OUTSIDE_MIN_CUES} of
   * them licence cue words (license, permission, warranty, ...). AspectJ's licence file names
   * EPL-2.0 in prose and then quotes ASM's BSD licence; Mapbox's states proprietary terms and then
   * quotes MIT texts: neither is the quoted licence alone.
   */
  private boolean wordingOutside(String text, List<String> found) {
    Set<String> licenceWords = new java.util.HashSet<>();
    for (Entry e : entries) {
      if (!e.header() && found.contains(e.id())) {
        licenceWords.addAll(wordSet(LicenseWords.fullTemplateText(e.template())));
      }
    }
    Set<String> words = new LinkedHashSet<>();
    LicenseWords.forEachWord(text, words::add);
    int outside = 0;
    int cues = 0;
    for (String w : words) {
      if (!licenceWords.contains(w)) {
        outside++;
        if (CUE_WORDS.contains(w)) {
          cues++;
        }
      }
    }
    return outside >= OUTSIDE_MIN_WORDS && outside >= OUTSIDE_MIN_SHARE * words.size() && cues >= OUTSIDE_MIN_CUES;
  }

  /** Where the licence {@code full} ends in {@code text} (end of the line of its last words), or -1. */
  static int licenceEnd(String text, String full) {
    String[] words = full.split("[^\\p{L}\\p{N}]+");
    List<String> last = new ArrayList<>();
    for (int i = words.length - 1; i >= 0 && last.size() < LAST_WORDS; i--) {
      if (!words[i].isEmpty()) {
        last.add(0, java.util.regex.Pattern.quote(words[i]));
      }
    }
    if (last.size() < LAST_WORDS) {
      return -1;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(String.join("[^\\p{L}\\p{N}]+", last),
        java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE).matcher(text);
    // about the licence's own length: a template that opens with a long copyright variable would
    // otherwise also "match" another licence before it
    int from = (int) (0.8 * full.length());
    int until = (int) (1.15 * full.length()) + 300;
    while (m.find()) {
      if (m.end() >= from && m.end() <= until) {
        int nl = text.indexOf('\n', m.end());
        return nl < 0 ? text.length() : nl;
      }
      if (m.end() > until) {
        break;
      }
    }
    return -1;
  }

  private List<String> withinMatches(String text, Integer[] order, double[] coverage, int size) {
    List<Integer> cands = new ArrayList<>();
    for (int e = 0; e < entries.size(); e++) {
      Entry entry = entries.get(e);
      if (!entry.header() && coverage[e] >= WITHIN_COVERAGE && entry.reqSize() >= 20
          && entry.allSize() < size) {
        cands.add(e);
      }
    }
    // Most complete first, then longer: a long licence whose every word is present is unlikely by chance.
    // Common licences first (mixed files in the wild are mostly those), then most complete, then longer.
    cands.sort(Comparator.comparingInt((Integer e) -> COMMON.contains(entries.get(e).id()) ? 0 : 1)
        .thenComparingDouble(e -> -coverage[e])
        .thenComparingInt(e -> -entries.get(e).reqSize()));
    // One candidate per family (the id up to its first '-': BSD, MIT, GPL, CC, ...): variants of one
    // family share most words, and each template search costs milliseconds.
    List<String> ids = new ArrayList<>();
    Set<String> families = new java.util.HashSet<>();
    for (int e : cands) {
      String id = entries.get(e).id();
      int dash = id.indexOf('-');
      if (families.add(dash > 0 ? id.substring(0, dash) : id) || COMMON.contains(id)) {
        ids.add(id);
      }
      if (ids.size() >= WITHIN_CANDIDATES) {
        break;
      }
    }
    if (ids.isEmpty()) {
      return List.of();
    }
    List<String> found;
    try {
      found = LicenseCompareHelper.matchingStandardLicenseIdsWithinText(text, ids);
    } catch (Exception | LinkageError e) {
      return List.of();
    }
    // Keep one of a family whose texts are the same (GPL-2.0-only / GPL-2.0-or-later).
    Set<String> out = new LinkedHashSet<>();
    for (String id : found) {
      out.add(preferred(id, text));
    }
    return List.copyOf(out);
  }

  private static boolean templateMatches(String template, String text) {
    try {
      return !LicenseCompareHelper.isTextMatchingTemplate(template, text).isDifferenceFound();
    } catch (Exception | StackOverflowError e) {
      return false;
    }
  }

  /**
   * The id to report for a match. The GNU licences' full texts are the same for {@code -only} and
   * {@code -or-later}; the first in list order ({@code -only}) is reported, as SPDX maps the
   * deprecated bare id that licensee and Google's licensecheck report to {@code -only}. GFDL
   * invariant variants are reported as plain {@code GFDL-x-only}.
   */
  private static String preferred(String id, String text) {
    java.util.regex.Matcher gfdl = GFDL_VARIANT.matcher(id);
    if (gfdl.matches()) {
      // The invariants variants differ only in the notice, never in the licence text itself.
      return "GFDL-" + gfdl.group(1) + "-only";
    }
    return id;
  }

  /** A GNU header names "-only" or "-or-later" by whether it offers any later version. */
  private static String headerId(String id, String text) {
    if (id.endsWith("-only") && LATER.matcher(text).find()) {
      return id.substring(0, id.length() - 5) + "-or-later";
    }
    if (id.endsWith("-or-later") && !LATER.matcher(text).find()) {
      return id.substring(0, id.length() - 9) + "-only";
    }
    return id;
  }

  private static final Pattern GFDL_VARIANT =
      Pattern.compile("GFDL-(\\d\\.\\d)-(?:no-)?invariants-(?:only|or-later)");

  /**
   * The best entry by Dice, except that a widely used licence within {@value #COMMON_MARGIN} of it
   * wins: rare variants (Pixar's modified Apache, MIT-Wu) otherwise win on small wording noise.
   */
  private int preferCommon(Integer[] order, double[] dice, double[] coverage) {
    int best = order[0];
    if (COMMON.contains(entries.get(best).id())) {
      return best;
    }
    for (int k = 1; k < Math.min(order.length, 8); k++) {
      int e = order[k];
      if (dice[best] - dice[e] > COMMON_MARGIN) {
        break;
      }
      if (COMMON.contains(entries.get(e).id()) && coverage[e] >= 0.95) {
        return e;
      }
    }
    return best;
  }

  private static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }

  private static String clip(String text) {
    return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS);
  }
}
