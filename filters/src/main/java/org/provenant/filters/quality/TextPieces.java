package org.provenant.filters.quality;

import java.util.Arrays;

/**
 * Pieces of one text held as start and end offsets, not as strings: the lines and paragraphs the
 * quality statistics count duplicates of, measure and look at the ends of, without copying a
 * character.
 */
final class TextPieces {
  private final String text;
  /** start, end, start, end, ... of each piece, in text order. */
  private final int[] bounds;
  private final int size;

  private TextPieces(String text, int[] bounds, int size) {
    this.text = text;
    this.bounds = bounds;
    this.size = size;
  }

  /**
   * The pieces of {@code text.substring(from, to)} split at every run of at least {@code minRun}
   * consecutive {@code \n} characters: empty pieces are kept (so a trailing run gives a trailing
   * empty piece), and there is always at least one.
   */
  static TextPieces splitOnNewlineRuns(String text, int from, int to, int minRun) {
    int[] bounds = new int[16];
    int size = 0;
    int start = from;
    int i = from;
    while (i < to) {
      i = text.indexOf('\n', i);
      if (i < 0 || i >= to) {
        break;
      }
      int j = i + 1;
      while (j < to && text.charAt(j) == '\n') {
        j++;
      }
      if (j - i >= minRun) {
        if (2 * size + 2 > bounds.length) {
          bounds = Arrays.copyOf(bounds, 2 * bounds.length);
        }
        bounds[2 * size] = start;
        bounds[2 * size + 1] = i;
        size++;
        start = j;
      }
      i = j;
    }
    if (2 * size + 2 > bounds.length) {
      bounds = Arrays.copyOf(bounds, bounds.length + 2);
    }
    bounds[2 * size] = start;
    bounds[2 * size + 1] = to;
    return new TextPieces(text, bounds, size + 1);
  }

  /**
   * The lines of {@code text}, split at every {@link Texts#isLineBreak} boundary, {@code \r\n}
   * counting as one; no trailing empty line after a final break, and no line at all for the empty
   * string.
   */
  static TextPieces lines(String text) {
    int[] bounds = new int[16];
    int size = 0;
    int start = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Texts.isLineBreak(c)) {
        if (2 * size + 2 > bounds.length) {
          bounds = Arrays.copyOf(bounds, 2 * bounds.length);
        }
        bounds[2 * size] = start;
        bounds[2 * size + 1] = i;
        size++;
        i += (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') ? 2 : 1;
        start = i;
      } else {
        i++;
      }
    }
    if (start < n) {
      if (2 * size + 2 > bounds.length) {
        bounds = Arrays.copyOf(bounds, bounds.length + 2);
      }
      bounds[2 * size] = start;
      bounds[2 * size + 1] = n;
      size++;
    }
    return new TextPieces(text, bounds, size);
  }

  /** These pieces less those that are empty or all {@link Texts#isSpace} white space. */
  TextPieces withoutBlank() {
    int[] kept = new int[2 * size];
    int keptSize = 0;
    for (int k = 0; k < size; k++) {
      int start = bounds[2 * k];
      int end = bounds[2 * k + 1];
      if (Texts.skipSpace(text, start, end) < end) {
        kept[2 * keptSize] = start;
        kept[2 * keptSize + 1] = end;
        keptSize++;
      }
    }
    return new TextPieces(text, kept, keptSize);
  }

  /** How many pieces. */
  int size() {
    return size;
  }

  /** Where piece {@code k} starts in the text. */
  int start(int k) {
    return bounds[2 * k];
  }

  /** Where piece {@code k} ends in the text (exclusive). */
  int end(int k) {
    return bounds[2 * k + 1];
  }

  /** Piece {@code k} without leading and trailing {@link Texts#isSpace} white space, as {@link Texts#strip}. */
  String stripped(int k) {
    int end = Texts.skipSpaceBackwards(text, bounds[2 * k], bounds[2 * k + 1]);
    return text.substring(Texts.skipSpace(text, bounds[2 * k], end), end);
  }

  /**
   * {duplicate pieces, code points in duplicate pieces}: a duplicate is every occurrence of a
   * piece's content after its first.
   */
  int[] duplicates() {
    // A piece whose length no other piece has is neither a duplicate nor duplicated: not hashed.
    int longest = 0;
    for (int k = 0; k < size; k++) {
      longest = Math.max(longest, bounds[2 * k + 1] - bounds[2 * k]);
    }
    // Pieces of each length, counted up to 2; none when the lengths are too spread to count so.
    byte[] ofLength = null;
    if (longest < 4 * size + 64) {
      ofLength = new byte[longest + 1];
      for (int k = 0; k < size; k++) {
        int length = bounds[2 * k + 1] - bounds[2 * k];
        if (ofLength[length] < 2) {
          ofLength[length]++;
        }
      }
    }
    int capacity = Integer.highestOneBit(Math.max(4, size * 2 - 1)) << 1;
    int mask = capacity - 1;
    int[] hashes = new int[capacity];
    // Piece index + 1 per slot; 0 marks a free slot.
    int[] pieces = new int[capacity];
    int count = 0;
    int chars = 0;
    for (int k = 0; k < size; k++) {
      int start = bounds[2 * k];
      int end = bounds[2 * k + 1];
      if (ofLength != null && ofLength[end - start] < 2) {
        continue;
      }
      int h = 0;
      for (int i = start; i < end; i++) {
        h = 31 * h + text.charAt(i);
      }
      int slot = (h * 0x9E3779B9 >>> 7) & mask;
      while (true) {
        int other = pieces[slot] - 1;
        if (other < 0) {
          hashes[slot] = h;
          pieces[slot] = k + 1;
          break;
        }
        int otherStart = bounds[2 * other];
        if (hashes[slot] == h
            && bounds[2 * other + 1] - otherStart == end - start
            && text.regionMatches(otherStart, text, start, end - start)) {
          count++;
          chars += text.codePointCount(start, end);
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    return new int[] {count, chars};
  }
}
