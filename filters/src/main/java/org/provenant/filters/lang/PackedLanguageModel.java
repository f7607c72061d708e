package org.provenant.filters.lang;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.Map;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

/**
 * OpenNLP's language detector ({@code LanguageDetectorME} with a maximum-entropy model over
 * character 1- to 3-grams) evaluated without its per-call allocations: the model's predicates are
 * packed once into an open-addressing table keyed by the n-gram's characters in one {@code long},
 * and their parameters into flat arrays, so that a text costs one pass over its characters and one
 * pass over the parameters of its distinct n-grams.
 *
 * <p>It computes what {@code LanguageDetectorME.predictLanguages} computes: the same normalizers
 * (emoji, URL, Twitter, number, shrink; {@link LanguageTextNormalizer}), the same per-code-point lower-casing, every distinct n-gram
 * counted once (OpenNLP gives each the value 1), the uniform log prior, {@code StrictMath.exp} and
 * normalisation. The one difference is the order in which a language's parameters are added: here
 * the n-grams' first-occurrence order, there a hash map's iteration order; the probabilities can
 * therefore differ in the last bits of a {@code double} (about 1e-16 relative), far below the four
 * decimals a score is kept with. {@code PackedLanguageModelTest} compares both on real texts.
 *
 * <p>Immutable and safe for concurrent use; each call allocates only arrays sized by its text.
 */
final class PackedLanguageModel {
  private static final long EMPTY = 0L;

  private final String[] outcomes;
  private final double logPrior;
  /**
   * Open-addressing table, two longs a slot so that one cache line answers a lookup: at {@code 2s}
   * an n-gram key ({@link #key}, {@link #EMPTY} for a free slot), at {@code 2s + 1} where its
   * parameters start in the two arrays below (high bits) and how many there are (low 8 bits), or
   * where its row starts in {@link #denseRows} (high bits) and {@link #DENSE} (low 8 bits).
   */
  private final long[] table;
  private final int slots;
  private final byte[] outcomeIds;
  private final double[] parameters;
  /**
   * The parameters of the n-grams with many outcomes, one row of every outcome each (0.0 where
   * the model has none): adding a whole row is one vectorised loop instead of a scatter.
   */
  private final double[] denseRows;

  /** Outcomes an n-gram needs for a dense row in the models the detector loads. */
  static final int DENSE_MIN_OUTCOMES = 64;

  /** The count field of a table entry whose parameters are a dense row. */
  private static final int DENSE = 0xFF;

  private PackedLanguageModel(String[] outcomes, long[] table, byte[] outcomeIds, double[] parameters, double[] denseRows) {
    this.outcomes = outcomes;
    this.logPrior = StrictMath.log(1.0 / outcomes.length);
    this.table = table;
    this.slots = table.length / 2;
    this.outcomeIds = outcomeIds;
    this.parameters = parameters;
    this.denseRows = denseRows;
  }

  /** Packs an OpenNLP language detector model with dense rows for n-grams of {@link #DENSE_MIN_OUTCOMES} outcomes or more. */
  static PackedLanguageModel of(LanguageDetectorModel model) {
    return of(model, DENSE_MIN_OUTCOMES);
  }

  /**
   * Packs an OpenNLP language detector model; predicates that are not 1 to 3 characters are
   * dropped (never asked). N-grams with {@code denseMinOutcomes} outcomes or more get a dense row.
   * Every choice of {@code denseMinOutcomes} gives the same probabilities, bit for bit: each
   * outcome's parameters are added in the same order, and the dense rows only add {@code 0.0}
   * besides, which leaves every sum but {@code -0.0} unchanged (the sums start at the log prior).
   */
  @SuppressWarnings("unchecked")
  static PackedLanguageModel of(LanguageDetectorModel model, int denseMinOutcomes) {
    checkArgument(denseMinOutcomes >= 1, "denseMinOutcomes is less than 1: %s", denseMinOutcomes);
    MaxentModel maxent = model.getMaxentModel();
    checkArgument(maxent instanceof AbstractModel, "not an OpenNLP maximum-entropy model: %s", maxent.getClass());
    Object[] data = ((AbstractModel) maxent).getDataStructures();
    Map<String, Context> pmap = (Map<String, Context>) data[1];
    String[] outcomes = new String[maxent.getNumOutcomes()];
    for (int i = 0; i < outcomes.length; i++) {
      outcomes[i] = maxent.getOutcome(i);
    }
    checkArgument(outcomes.length <= Byte.MAX_VALUE, "more than %s outcomes: %s", Byte.MAX_VALUE, outcomes.length);
    String[] names = pmap.keySet().stream().filter(s -> s.length() >= 1 && s.length() <= 3).sorted().toArray(String[]::new);
    int capacity = Integer.highestOneBit(Math.max(4, names.length * 2 - 1)) << 1;
    long[] table = new long[2 * capacity];
    int total = 0;
    int dense = 0;
    for (String name : names) {
      int count = pmap.get(name).getOutcomes().length;
      if (count >= denseMinOutcomes) {
        dense++;
      } else {
        total += count;
      }
    }
    byte[] outcomeIds = new byte[total];
    double[] parameters = new double[total];
    double[] denseRows = new double[dense * outcomes.length];
    int at = 0;
    int row = 0;
    for (String name : names) {
      Context c = pmap.get(name);
      int count = c.getOutcomes().length;
      long entry;
      if (count >= denseMinOutcomes) {
        int start = row * outcomes.length;
        for (int j = 0; j < count; j++) {
          denseRows[start + c.getOutcomes()[j]] = c.getParameters()[j];
        }
        entry = ((long) start << 8) | DENSE;
        row++;
      } else {
        for (int j = 0; j < count; j++) {
          outcomeIds[at + j] = (byte) c.getOutcomes()[j];
          parameters[at + j] = c.getParameters()[j];
        }
        entry = ((long) at << 8) | count;
        at += count;
      }
      long k = key(name, 0, name.length());
      int slot = slot(k, capacity);
      while (table[2 * slot] != EMPTY) {
        slot = (slot + 1) & (capacity - 1);
      }
      table[2 * slot] = k;
      table[2 * slot + 1] = entry;
    }
    return new PackedLanguageModel(outcomes, table, outcomeIds, parameters, denseRows);
  }

  /** How many n-grams have a dense row. */
  int denseRowCount() {
    return denseRows.length / outcomes.length;
  }

  /** The languages the model answers, in the model's order. */
  String[] outcomes() {
    return outcomes.clone();
  }

  /**
   * The probability of each outcome (indexed as {@link #outcomes()}) for {@code text}, as OpenNLP's
   * detector gives it (see the class comment).
   */
  double[] probabilities(CharSequence text) {
    char[] chars = lowerCase(LanguageTextNormalizer.normalize(text));
    long[] distinct = distinctGrams(chars);
    // First every n-gram's table entry, then the sums: the lookups (cache misses in a table of
    // megabytes) are independent of each other and overlap; the sums keep the n-grams' order.
    int grams = 0;
    int mask = slots - 1;
    for (long k : distinct) {
      if (k == EMPTY) {
        break;
      }
      int slot = slot(k, slots);
      long found;
      while ((found = table[2 * slot]) != EMPTY && found != k) {
        slot = (slot + 1) & mask;
      }
      // an n-gram the model does not know adds nothing: 0 parameters
      distinct[grams++] = found == k ? table[2 * slot + 1] : 0L;
    }
    double[] prior = new double[outcomes.length];
    Arrays.fill(prior, logPrior);
    for (int g = 0; g < grams; g++) {
      long entry = distinct[g];
      int from = (int) (entry >>> 8);
      int count = (int) (entry & 0xFF);
      if (count == DENSE) {
        addRow(prior, from);
      } else {
        for (int j = from; j < from + count; j++) {
          prior[outcomeIds[j]] += parameters[j];
        }
      }
    }
    double normal = 0.0;
    for (int o = 0; o < prior.length; o++) {
      prior[o] = StrictMath.exp(prior[o]);
      normal += prior[o];
    }
    for (int o = 0; o < prior.length; o++) {
      prior[o] /= normal;
    }
    return prior;
  }

  /** Adds the dense row that starts at {@code from} to {@code sums}, outcome by outcome. */
  private void addRow(double[] sums, int from) {
    double[] rows = denseRows;
    for (int o = 0; o < sums.length; o++) {
      sums[o] += rows[from + o];
    }
  }

  /**
   * Lower-cases code point by code point into as many chars as the input had, as OpenNLP's {@code
   * StringUtil.toLowerCaseCharBuffer} does (a shorter result keeps trailing NUL chars there too).
   */
  private static char[] lowerCase(CharSequence s) {
    char[] out = new char[s.length()];
    int at = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = Character.codePointAt(s, i);
      i += Character.charCount(cp);
      int lower = Character.toLowerCase(cp);
      if (at + Character.charCount(lower) > out.length) {
        out = Arrays.copyOf(out, out.length + 2);
      }
      at += Character.toChars(lower, out, at);
    }
    return out;
  }

  /**
   * Slots of each thread's hash set for {@link #distinctGrams}: 256 KB, so that the set stays in
   * the core's cache; a text with more distinct n-grams than half of it moves to a larger set.
   */
  private static final int SCRATCH_SLOTS = 1 << 15;

  /** Each thread's empty hash set for {@link #distinctGrams}, left empty again after each use. */
  private static final ThreadLocal<long[]> SCRATCH = ThreadLocal.withInitial(() -> new long[SCRATCH_SLOTS]);

  /** The distinct 1-, 2- and 3-gram keys of {@code chars}, in first-occurrence order (n = 1 first), then {@link #EMPTY}s. */
  private static long[] distinctGrams(char[] chars) {
    int grams = chars.length + Math.max(0, chars.length - 1) + Math.max(0, chars.length - 2);
    long[] scratch = SCRATCH.get();
    // sized by the n-grams there are, at most the scratch: distinct ones are far fewer on real text
    long[] set = scratch;
    int mask = Math.min(SCRATCH_SLOTS, Integer.highestOneBit(Math.max(4, grams * 2 - 1)) << 1) - 1;
    long[] order = new long[grams + 1];
    int count = 0;
    for (int n = 1; n <= 3; n++) {
      for (int i = 0; i + n <= chars.length; i++) {
        long k = key(chars, i, n);
        int slot = slot(k, mask + 1);
        long found;
        while ((found = set[slot]) != EMPTY && found != k) {
          slot = (slot + 1) & mask;
        }
        if (found == EMPTY) {
          set[slot] = k;
          order[count++] = k;
          if (2 * count > mask + 1) {
            if (set == scratch) {
              clear(scratch, order, count, mask);
            }
            mask = 2 * (mask + 1) - 1;
            set = rehash(order, count, mask);
          }
        }
      }
    }
    if (set == scratch) {
      clear(scratch, order, count, mask);
    }
    return order;
  }

  /** Empties {@code set} of the first {@code count} keys of {@code order}. */
  private static void clear(long[] set, long[] order, int count, int mask) {
    // Undo the insertions, last first: each key is then found where it was put, as nothing put later remains.
    for (int i = count - 1; i >= 0; i--) {
      int slot = slot(order[i], mask + 1);
      while (set[slot] != order[i]) {
        slot = (slot + 1) & mask;
      }
      set[slot] = EMPTY;
    }
  }

  /** A new set of {@code mask + 1} slots holding the first {@code count} keys of {@code order}. */
  private static long[] rehash(long[] order, int count, int mask) {
    long[] set = new long[mask + 1];
    for (int i = 0; i < count; i++) {
      int slot = slot(order[i], mask + 1);
      while (set[slot] != EMPTY) {
        slot = (slot + 1) & mask;
      }
      set[slot] = order[i];
    }
    return set;
  }

  /** {@code n} (1 to 3) chars in one non-zero long: the length in bits 48..49, then 16 bits a char. */
  private static long key(char[] chars, int from, int n) {
    long k = (long) n << 48;
    for (int i = 0; i < n; i++) {
      k |= (long) chars[from + i] << (16 * (2 - i));
    }
    return k;
  }

  private static long key(String s, int from, int n) {
    long k = (long) n << 48;
    for (int i = 0; i < n; i++) {
      k |= (long) s.charAt(from + i) << (16 * (2 - i));
    }
    return k;
  }

  private static int slot(long k, int capacity) {
    long h = k * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 32) & (capacity - 1);
  }
}
