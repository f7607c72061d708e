package org.provenant.pipelines.coders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.KV;
import org.junit.jupiter.api.Test;
import org.provenant.dedup.analysis.ShingleFingerprints;
import org.provenant.dedup.analysis.ShingleSet;
import org.provenant.pipelines.transforms.SignatureRecord;

class SignatureRecordCoderTest {
  private static final SignatureRecordCoder CODER = SignatureRecordCoder.of();

  @Test
  void roundTripsBothVerificationModesInsideAKv() throws IOException {
    ShingleFingerprints f = ShingleFingerprints.of(ShingleSet.of(new SplittableRandom(1).longs(400).toArray()));
    SignatureRecord exact = new SignatureRecord("doc-1\u0000abc", "2024-05-01T00:00:00Z", 2048, "MIT", 3, "PERMUTATION", new long[0], f);
    SignatureRecord estimated = new SignatureRecord("doc-2", null, 0, null, 1, "PERMUTATION", new long[] {Long.MIN_VALUE, -1, 0, 7}, null);
    KvCoder<String, SignatureRecord> kv = KvCoder.of(StringUtf8Coder.of(), CODER);
    for (SignatureRecord r : new SignatureRecord[] {exact, estimated}) {
      KV<String, SignatureRecord> back = CoderUtils.clone(kv, KV.of("k", r));
      assertEquals(r, back.getValue());
      assertEquals("k", back.getKey());
    }
    SignatureRecord back = CoderUtils.clone(CODER, estimated);
    assertNull(back.date());
    assertNull(back.fingerprints());
    assertArrayEquals(new long[] {Long.MIN_VALUE, -1, 0, 7}, back.values());
    // an exact-verification record of 400 shingles: under 1.7 KB on the wire (was 4.3 KB with the
    // 128-value signature and 64-bit shingle hashes)
    int size = CoderUtils.encodeToByteArray(CODER, exact).length;
    assertEquals(true, size < 1_700, "encoded size " + size);
    // fingerprints pass through decode and encode as bytes: the same bytes after two hops
    byte[] once = CoderUtils.encodeToByteArray(CODER, exact);
    assertArrayEquals(once, CoderUtils.encodeToByteArray(CODER, CoderUtils.clone(CODER, CoderUtils.clone(CODER, exact))));
    assertEquals(1.0, CoderUtils.clone(CODER, exact).fingerprints().jaccard(f));
  }

  @Test
  void truncatedBytesAreACoderError() throws IOException {
    SignatureRecord r = new SignatureRecord("doc-1", "2024", 10, "MIT", 1, "PERMUTATION", new long[] {1, 2}, null);
    byte[] bytes = CoderUtils.encodeToByteArray(CODER, r);
    byte[] cut = Arrays.copyOf(bytes, bytes.length - 3);
    assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(CODER, cut));
    ByteArrayOutputStream huge = new ByteArrayOutputStream();
    org.apache.beam.sdk.util.VarInt.encode(Integer.MAX_VALUE, huge);
    CoderException e = assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(CODER, huge.toByteArray()));
    assertEquals("bad signature record size 2147483647", e.getMessage());
  }
}
