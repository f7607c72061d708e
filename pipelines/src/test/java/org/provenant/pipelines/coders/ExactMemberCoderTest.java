package org.provenant.pipelines.coders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.util.VarInt;
import org.junit.jupiter.api.Test;
import org.provenant.dedup.analysis.ShingleFingerprints;
import org.provenant.dedup.analysis.ShingleSet;
import org.provenant.pipelines.transforms.ExactMember;
import org.provenant.pipelines.transforms.SignatureRecord;

class ExactMemberCoderTest {
  private static final ExactMemberCoder CODER = ExactMemberCoder.of();
  private static final SignatureRecord RECORD = new SignatureRecord("doc-1\u0000abc", "2024-05-01T00:00:00Z", 2048, "MIT", 1,
      "PERMUTATION", new long[0], ShingleFingerprints.of(ShingleSet.of(new SplittableRandom(3).longs(50).toArray())));

  @Test
  void roundTripsTheRecordTheSourceAndEveryBandKey() throws IOException {
    long[] keys = {Long.MIN_VALUE, -1, 0, 0x9E3779B97F4A7C15L, Long.MAX_VALUE};
    ExactMember m = new ExactMember(RECORD, "s3://bucket/a.warc.gz\u00001234", keys);
    ExactMember back = CoderUtils.clone(CODER, m);
    assertEquals(m, back);
    assertEquals("s3://bucket/a.warc.gz\u00001234", back.source());
    assertArrayEquals(keys, back.bandKeys());
    assertEquals("doc-1\u0000abc", back.record().id());
    // the layout: the record as its own coder writes it, the source, the count, 8 bytes a key
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    SignatureRecordCoder.of().encode(RECORD, expected);
    StringUtf8Coder.of().encode(m.source(), expected);
    VarInt.encode(5, expected);
    int prefix = expected.size();
    byte[] bytes = CoderUtils.encodeToByteArray(CODER, m);
    assertEquals(prefix + 40, bytes.length);
    assertArrayEquals(expected.toByteArray(), Arrays.copyOf(bytes, prefix));
    assertEquals((byte) 0x80, bytes[prefix]); // Long.MIN_VALUE, big-endian
    // no band keys at all (a banding over an empty signature) is a member too
    assertEquals(0, CoderUtils.clone(CODER, new ExactMember(RECORD, "f\u00000", new long[0])).bandKeys().length);
  }

  @Test
  void truncatedOrHostileBytesAreCoderErrors() throws IOException {
    byte[] bytes = CoderUtils.encodeToByteArray(CODER, new ExactMember(RECORD, "f\u00000", new long[] {1, 2, 3}));
    CoderException cut = assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(CODER, Arrays.copyOf(bytes, bytes.length - 4)));
    assertEquals("truncated band keys", cut.getMessage());
    ByteArrayOutputStream hostile = new ByteArrayOutputStream();
    SignatureRecordCoder.of().encode(RECORD, hostile);
    StringUtf8Coder.of().encode("f", hostile);
    VarInt.encode(Integer.MAX_VALUE, hostile);
    CoderException big = assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(CODER, hostile.toByteArray()));
    assertEquals("bad band key count 2147483647", big.getMessage());
  }
}
