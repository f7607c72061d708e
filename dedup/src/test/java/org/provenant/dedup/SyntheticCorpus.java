package org.provenant.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic prose for tests and timing: words drawn with a Zipf-like distribution
 * from a fixed vocabulary of made-up words, plus word-level edits to make near-duplicates.
 */
public final class SyntheticCorpus {
  private final List<String> vocabulary;
  private final double[] cumulative;

  /** A corpus generator whose vocabulary of {@code vocabularySize} words comes from {@code seed}. */
  public SyntheticCorpus(int vocabularySize, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    vocabulary = new ArrayList<>(vocabularySize);
    for (int i = 0; i < vocabularySize; i++) {
      int len = 2 + random.nextInt(9);
      StringBuilder w = new StringBuilder(len);
      for (int j = 0; j < len; j++) {
        w.append((char) ('a' + random.nextInt(26)));
      }
      vocabulary.add(w.toString());
    }
    cumulative = new double[vocabularySize];
    double sum = 0;
    for (int i = 0; i < vocabularySize; i++) {
      sum += 1.0 / (i + 1);
      cumulative[i] = sum;
    }
    for (int i = 0; i < vocabularySize; i++) {
      cumulative[i] /= sum;
    }
  }

  /** A random word. */
  public String word(SplittableRandom random) {
    double u = random.nextDouble();
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] < u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return vocabulary.get(lo);
  }

  /** Random words of about {@code chars} characters in total, with sentence punctuation. */
  public List<String> words(SplittableRandom random, int chars) {
    List<String> out = new ArrayList<>();
    int n = 0;
    while (n < chars) {
      String w = word(random);
      out.add(w);
      n += w.length() + 1;
    }
    return out;
  }

  /** The words joined as text, a period after every 12th word. */
  public static String text(List<String> words) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      if (i > 0) {
        sb.append(i % 12 == 0 ? ". " : " ");
      }
      sb.append(words.get(i));
    }
    return sb.append('.').toString();
  }

  /** A copy of {@code words} with about {@code fraction} of positions replaced, deleted or inserted. */
  public List<String> edit(List<String> words, double fraction, SplittableRandom random) {
    List<String> out = new ArrayList<>(words.size() + 8);
    for (String w : words) {
      if (random.nextDouble() >= fraction) {
        out.add(w);
        continue;
      }
      switch (random.nextInt(3)) {
        case 0 -> out.add(word(random));
        case 1 -> { }
        default -> {
          out.add(w);
          out.add(word(random));
        }
      }
    }
    return out;
  }
}
