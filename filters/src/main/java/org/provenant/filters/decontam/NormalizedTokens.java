package org.provenant.filters.decontam;

import java.util.Arrays;

/**
 * A text as the decontamination index sees it: its words, each a maximal run of letters and
 * digits, lower-cased, with punctuation and whitespace only separating them, so "The  Quick,
 * brown" and "the quick brown" give the same tokens. Each token is a 64-bit hash of its
 * lower-cased code points together with where it lies in the text (UTF-16 offsets, start
 * inclusive, end exclusive), so a match can be reported as a span of the original text.
 */
public final class NormalizedTokens {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private final long[] hashes;
  private final int[] starts;
  private final int[] ends;
  private final int size;

  private NormalizedTokens(long[] hashes, int[] starts, int[] ends, int size) {
    this.hashes = hashes;
    this.starts = starts;
    this.ends = ends;
    this.size = size;
  }

  /** The tokens of {@code text}. */
  public static NormalizedTokens of(String text) {
    int cap = Math.max(16, text.length() / 5);
    long[] hashes = new long[cap];
    int[] starts = new int[cap];
    int[] ends = new int[cap];
    int n = 0;
    int i = 0;
    int len = text.length();
    while (i < len) {
      int cp = text.codePointAt(i);
      if (!Character.isLetterOrDigit(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      long h = FNV_OFFSET;
      while (i < len) {
        cp = text.codePointAt(i);
        if (!Character.isLetterOrDigit(cp)) {
          break;
        }
        h = (h ^ Character.toLowerCase(cp)) * FNV_PRIME;
        i += Character.charCount(cp);
      }
      if (n == hashes.length) {
        int grown = hashes.length * 2;
        hashes = Arrays.copyOf(hashes, grown);
        starts = Arrays.copyOf(starts, grown);
        ends = Arrays.copyOf(ends, grown);
      }
      hashes[n] = mix(h);
      starts[n] = start;
      ends[n] = i;
      n++;
    }
    return new NormalizedTokens(hashes, starts, ends, n);
  }

  public int size() {
    return size;
  }

  /** The hash of token {@code i}. */
  public long hash(int i) {
    return hashes[i];
  }

  /** UTF-16 offset where token {@code i} starts in the text. */
  public int start(int i) {
    return starts[i];
  }

  /** UTF-16 offset just after token {@code i}. */
  public int end(int i) {
    return ends[i];
  }

  /** The token hashes, a copy of exactly {@link #size()} values. */
  long[] hashes() {
    return Arrays.copyOf(hashes, size);
  }

  /** SplitMix64's finaliser: spreads FNV's low-entropy high bits. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
