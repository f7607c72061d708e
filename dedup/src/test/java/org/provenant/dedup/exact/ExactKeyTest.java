package org.provenant.dedup.exact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExactKeyTest {
  @Test
  void isTheFirst128BitsOfSha256OfUtf8() {
    // sha256("hello world") = b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9
    assertEquals("b94d27b9934d3e08a52e52d7da7dabfa", ExactKey.ofNormalized("hello world").hex());
    // sha256("") = e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
    assertEquals("e3b0c44298fc1c149afbf4c8996fb924", ExactKey.ofNormalized("").hex());
    assertEquals("sha256-128", ExactKey.ALGORITHM);
  }

  @Test
  void normalisedVariantsShareAKey() {
    TextNormalizer n = TextNormalizer.defaults();
    ExactKey key = ExactKey.of(n, "hello world");
    assertEquals(key, ExactKey.of(n, "  hello \n\t world "));
    assertEquals(key, ExactKey.of(n, "hello\u00A0world"));
    assertNotEquals(key, ExactKey.of(n, "Hello world"));
    assertEquals(key, ExactKey.of(n.withLowercase(true), "Hello WORLD"));
  }

  @Test
  void hexAndBytesRoundTrip() {
    ExactKey key = ExactKey.ofNormalized("hello world");
    assertEquals(key, ExactKey.fromHex(key.hex()));
    assertEquals(key, ExactKey.fromBytes(key.toBytes()));
    assertArrayEquals(
        new byte[] {(byte) 0xb9, 0x4d, 0x27, (byte) 0xb9, (byte) 0x93, 0x4d, 0x3e, 0x08,
          (byte) 0xa5, 0x2e, 0x52, (byte) 0xd7, (byte) 0xda, 0x7d, (byte) 0xab, (byte) 0xfa},
        key.toBytes());
    assertEquals(key.hex(), key.toString());
  }

  @Test
  void ordersAsUnsignedHex() {
    ExactKey low = ExactKey.fromHex("7fffffffffffffffffffffffffffffff");
    ExactKey high = ExactKey.fromHex("80000000000000000000000000000000");
    assertTrue(low.compareTo(high) < 0);
    assertTrue(ExactKey.fromHex("0000000000000000ffffffffffffffff")
        .compareTo(ExactKey.fromHex("00000000000000010000000000000000")) < 0);
  }

  @Test
  void rejectsMalformedKeys() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ExactKey.fromHex("abc"));
    assertEquals("exact key hex must have 32 digits: abc", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ExactKey.fromBytes(new byte[15]));
  }
}
