package org.provenant.dedup.analysis;

import static com.google.common.base.Preconditions.checkPositionIndexes;
import static java.util.Objects.requireNonNull;

/**
 * The 64-bit hash of one shingle, the unit that MinHash signatures and exact Jaccard similarity
 * are computed over.
 *
 * <p>Defined as the first 64 bits of MurmurHash3_x64_128 with seed 0 over the UTF-16LE code units
 * of the shingle text: exactly {@code Hashing.murmur3_128().hashUnencodedChars(s).asLong()} in
 * Guava (a test checks this on random strings). It is computed here directly on a {@code char[]}
 * slice so that a token's term buffer can be hashed without creating a {@link String} or a byte
 * array. The value is fixed by that definition: the same on every JVM, run and runner.
 */
public final class ShingleHash {
  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;

  private ShingleHash() {}

  /** The hash of {@code text}. */
  public static long of(CharSequence text) {
    requireNonNull(text, "text");
    char[] chars = new char[text.length()];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = text.charAt(i);
    }
    return of(chars, 0, chars.length);
  }

  /** The hash of the {@code length} chars of {@code buffer} from {@code offset}. */
  public static long of(char[] buffer, int offset, int length) {
    requireNonNull(buffer, "buffer");
    checkPositionIndexes(offset, offset + length, buffer.length);
    long h1 = 0;
    long h2 = 0;
    int blocks = length >>> 3; // 8 chars = 16 bytes per block
    int i = offset;
    for (int b = 0; b < blocks; b++, i += 8) {
      long k1 = pack(buffer, i);
      long k2 = pack(buffer, i + 4);
      k1 *= C1;
      k1 = Long.rotateLeft(k1, 31);
      k1 *= C2;
      h1 ^= k1;
      h1 = Long.rotateLeft(h1, 27);
      h1 += h2;
      h1 = h1 * 5 + 0x52dce729;
      k2 *= C2;
      k2 = Long.rotateLeft(k2, 33);
      k2 *= C1;
      h2 ^= k2;
      h2 = Long.rotateLeft(h2, 31);
      h2 += h1;
      h2 = h2 * 5 + 0x38495ab5;
    }
    int tail = length & 7;
    if (tail > 4) {
      long k2 = 0;
      for (int t = tail - 1; t >= 4; t--) {
        k2 = (k2 << 16) | buffer[i + t];
      }
      k2 *= C2;
      k2 = Long.rotateLeft(k2, 33);
      k2 *= C1;
      h2 ^= k2;
    }
    if (tail > 0) {
      long k1 = 0;
      for (int t = Math.min(tail, 4) - 1; t >= 0; t--) {
        k1 = (k1 << 16) | buffer[i + t];
      }
      k1 *= C1;
      k1 = Long.rotateLeft(k1, 31);
      k1 *= C2;
      h1 ^= k1;
    }
    long byteLength = 2L * length;
    h1 ^= byteLength;
    h2 ^= byteLength;
    h1 += h2;
    h2 += h1;
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 += h2;
    return h1;
  }

  /** Four chars as the little-endian 64-bit word of their UTF-16LE bytes. */
  private static long pack(char[] b, int i) {
    return (b[i] & 0xffffL)
        | (b[i + 1] & 0xffffL) << 16
        | (b[i + 2] & 0xffffL) << 32
        | (b[i + 3] & 0xffffL) << 48;
  }

  private static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
