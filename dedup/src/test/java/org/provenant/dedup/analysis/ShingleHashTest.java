package org.provenant.dedup.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.hash.Hashing;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShingleHashTest {
  @Test
  void equalsGuavaMurmur3OfUnencodedChars() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 3000; i++) {
      int len = random.nextInt(60);
      char[] chars = new char[len];
      for (int j = 0; j < len; j++) {
        chars[j] = random.nextBoolean() ? (char) ('a' + random.nextInt(26)) : (char) random.nextInt(0x10000);
      }
      String s = new String(chars);
      assertEquals(Hashing.murmur3_128().hashUnencodedChars(s).asLong(), ShingleHash.of(s), s);
    }
  }

  @Test
  void pinnedValues() {
    assertEquals(Hashing.murmur3_128().hashUnencodedChars("").asLong(), ShingleHash.of(""));
    assertEquals(0x393382bcd3fe9568L, ShingleHash.of("the quick brown fox jumps"));
    assertEquals(0xd24b5e8173a667a8L, ShingleHash.of("hello world"));
  }

  @Test
  void hashesASliceOfABuffer() {
    char[] buffer = "xxhello worldyy".toCharArray();
    assertEquals(ShingleHash.of("hello world"), ShingleHash.of(buffer, 2, 11));
  }
}
