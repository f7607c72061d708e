package org.provenant.pipelines.coders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;
import org.provenant.filters.step.Outcome;
import org.provenant.schemas.Document;
import org.provenant.schemas.Kind;
import org.provenant.schemas.LineageEntry;
import org.provenant.schemas.Source;

class OutcomeCoderTest {
  private static final OutcomeCoder CODER = OutcomeCoder.of();
  private static final Document DOC = Document.of("doc-1", "Some text, é and 😀.", Kind.WEB,
      Source.builder("/in/crawl.warc.gz", 1234).url("https://example.org/a").build(),
      List.of(new LineageEntry("read_warc@1", LineageEntry.OK, "response record")));

  @Test
  void keptAndRejectedRoundTripAsTheirAvroRowsBehindOneTagByte() throws Exception {
    Outcome kept = Outcome.keep(DOC);
    Outcome rejected = Outcome.reject(DOC.reject("language@1", "language_not_allowed", "fr 0.9912"));
    assertEquals(kept, CoderUtils.clone(CODER, kept));
    assertEquals(rejected, CoderUtils.clone(CODER, rejected));

    byte[] k = CoderUtils.encodeToByteArray(CODER, kept);
    byte[] r = CoderUtils.encodeToByteArray(CODER, rejected);
    assertEquals(0, k[0]);
    assertEquals(1, r[0]);
    assertArrayEquals(CoderUtils.encodeToByteArray(AvroRowCoder.documents(), DOC), Arrays.copyOfRange(k, 1, k.length));
    assertArrayEquals(CoderUtils.encodeToByteArray(AvroRowCoder.rejections(), ((Outcome.Rejected) rejected).rejection()),
        Arrays.copyOfRange(r, 1, r.length));
    // the same outcome, the same bytes
    assertArrayEquals(k, CoderUtils.encodeToByteArray(CODER, Outcome.keep(DOC)));
  }

  @Test
  void damagedBytesAreACoderError() throws Exception {
    byte[] good = CoderUtils.encodeToByteArray(CODER, Outcome.keep(DOC));
    assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(CODER, new byte[0]));
    byte[] badTag = good.clone();
    badTag[0] = 7;
    CoderException e = assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(CODER, badTag));
    assertEquals("bad outcome tag 7", e.getMessage());
    // a row cut short: Beam reports the end of the stream as a forbidden IOException
    IllegalArgumentException cut = assertThrows(IllegalArgumentException.class,
        () -> CoderUtils.decodeFromByteArray(CODER, Arrays.copyOf(good, good.length / 2)));
    assertEquals(java.io.EOFException.class, cut.getCause().getClass());
    assertThrows(CoderException.class, () -> CoderUtils.encodeToByteArray(CODER, null));
  }
}
