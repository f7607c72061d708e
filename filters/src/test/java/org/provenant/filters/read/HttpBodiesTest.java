package org.provenant.filters.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.provenant.filters.read.HttpBodies.BadBodyException;
import org.provenant.filters.read.HttpBodies.DecodedBody;
import org.provenant.filters.read.HttpBodies.Problem;

class HttpBodiesTest {
  static final byte[] PAGE = b("<html><body><p>Otters hold hands while they sleep.</p></body></html>");

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream o = new GZIPOutputStream(out)) {
      o.write(data);
    }
    return out.toByteArray();
  }

  static byte[] deflate(byte[] data, boolean raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream o = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
      o.write(data);
    }
    return out.toByteArray();
  }

  static byte[] zstd(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream o = new ZstdOutputStream(out)) {
      o.write(data);
    }
    return out.toByteArray();
  }

  /**
   * A Brotli stream (RFC 7932) of one uncompressed meta-block, written bit by bit: WBITS 16 (one
   * 0 bit), ISLAST 0, MNIBBLES 4 (00), MLEN-1 in 16 bits, ISUNCOMPRESSED 1, padding to the byte,
   * the data, then an empty last meta-block (ISLAST 1, ISLASTEMPTY 1). No Brotli encoder is on the
   * classpath; the decoder must still parse the stream's framing to return the data.
   */
  static byte[] brotliStored(byte[] data) {
    if (data.length == 0 || data.length > 65536) {
      throw new IllegalArgumentException("1 to 65536 bytes");
    }
    int header = ((data.length - 1) << 4) | (1 << 20);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(header & 0xff);
    out.write((header >> 8) & 0xff);
    out.write((header >> 16) & 0xff);
    out.write(data, 0, data.length);
    out.write(0x03);
    return out.toByteArray();
  }

  static DecodedBody decode(byte[] raw, String te, String ce) throws BadBodyException {
    return HttpBodies.decode(raw, te, ce, null, 100_000);
  }

  static BadBodyException fails(byte[] raw, String te, String ce, long max) {
    return assertThrows(BadBodyException.class, () -> HttpBodies.decode(raw, te, ce, null, max));
  }

  @Test
  void dechunksWithExtensionsAndTrailers() throws IOException {
    DecodedBody d = decode(b("4\r\nWiki\r\n5;ext=1;q=\"a b\"\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\nX-Trailer: 1\r\nExpires: never\r\n\r\n"), "chunked", null);
    assertArrayEquals(b("Wikipedia in\r\n\r\nchunks."), d.bytes());
    assertNull(d.note());
    // bare LF line ends (RFC 9112 section 2.2) and upper-case hex
    assertArrayEquals(b("0123456789ABCDEF"), HttpBodies.dechunk(b("A\n0123456789\n6 ; x\nABCDEF\n0\n\n"), 1000));
  }

  @Test
  void rejectsBadFramingWithWhere() {
    assertEquals("bad chunked encoding: chunk size \"1z\" at body byte 0 is not hex",
        assertThrows(BadBodyException.class, () -> HttpBodies.dechunk(b("1z\r\nabc\r\n0\r\n\r\n"), 1000)).getMessage());
    assertEquals("bad chunked encoding: chunk data at body byte 6 is not followed by CRLF",
        assertThrows(BadBodyException.class, () -> HttpBodies.dechunk(b("3\r\nabcX\r\n0\r\n\r\n"), 1000)).getMessage());
    assertEquals("bad chunked encoding: no chunk-size line at body byte 0",
        assertThrows(BadBodyException.class, () -> HttpBodies.dechunk(b("<html>"), 1000)).getMessage());
    BadBodyException tooLarge = assertThrows(BadBodyException.class, () -> HttpBodies.dechunk(b("3\r\nabc\r\n0\r\n\r\n"), 2));
    assertEquals(Problem.TOO_LARGE, tooLarge.problem());
    assertEquals("chunked body decodes to more than 2 bytes", tooLarge.getMessage());
    // framing that starts as chunked and breaks later is rejected, not read as is
    BadBodyException cut = fails(b("400\r\n<html><body>short</body></html>"), "chunked", null, 1000);
    assertEquals(Problem.MALFORMED_BODY, cut.problem());
    assertEquals("malformed_http_body", cut.problem().reason());
    assertEquals("bad chunked encoding: chunk of 1024 bytes at body byte 5 runs past the end of the body (31 left)", cut.getMessage());
  }

  @Test
  void undoesEveryContentCoding() throws IOException {
    assertArrayEquals(PAGE, decode(gzip(PAGE), null, "gzip").bytes());
    assertArrayEquals(PAGE, decode(gzip(PAGE), null, "X-GZIP").bytes());
    assertArrayEquals(PAGE, decode(deflate(PAGE, false), null, "deflate").bytes());
    assertArrayEquals(PAGE, decode(deflate(PAGE, true), null, "Deflate").bytes());
    assertArrayEquals(PAGE, decode(brotliStored(PAGE), null, "br").bytes());
    assertArrayEquals(PAGE, decode(zstd(PAGE), null, "zstd").bytes());
    assertArrayEquals(PAGE, decode(PAGE, null, "identity").bytes());
    assertNull(decode(zstd(PAGE), null, "zstd").note());
  }

  @Test
  void stackedCodingsAreUndoneLastAppliedFirst() throws IOException {
    // Content-Encoding: gzip, br means gzip was applied, then br
    assertArrayEquals(PAGE, decode(brotliStored(gzip(PAGE)), null, "gzip, br").bytes());
    // the same as two field lines joined, with identity and an empty item in between
    assertArrayEquals(PAGE, decode(zstd(deflate(gzip(PAGE), false)), null, "gzip,, identity, deflate , zstd").bytes());
    // in the wrong order the outer coding does not decode
    BadBodyException wrong = fails(brotliStored(gzip(PAGE)), null, "br, gzip", 100_000);
    assertEquals(Problem.MALFORMED_BODY, wrong.problem());
    assertEquals("Content-Encoding gzip does not decode: Not in GZIP format", wrong.getMessage());
    // a transfer coding before chunked, then a content coding
    byte[] gz = gzip(zstd(PAGE));
    byte[] chunked = concat(b(Integer.toHexString(gz.length) + "\r\n"), gz, b("\r\n0\r\n\r\n"));
    assertArrayEquals(PAGE, decode(chunked, "gzip, chunked", "zstd").bytes());
  }

  @Test
  void namesAnUnknownCoding() {
    BadBodyException e = fails(PAGE, null, "compress", 1000);
    assertEquals(Problem.UNSUPPORTED_ENCODING, e.problem());
    assertEquals("unsupported_encoding", e.problem().reason());
    assertEquals("Content-Encoding compress is not supported", e.getMessage());
    assertEquals("Content-Encoding x-bzip2 is not supported (in gzip, x-bzip2)", fails(PAGE, null, "gzip, x-bzip2", 1000).getMessage());
    assertEquals("Transfer-Encoding compress is not supported", fails(PAGE, "compress, chunked", null, 1000).getMessage());
    assertEquals("Transfer-Encoding chunked, gzip: chunked is not the final transfer coding", fails(PAGE, "chunked, gzip", null, 1000).getMessage());
  }

  @Test
  void rejectsABrokenStreamNamingItsCoding() throws IOException {
    byte[] gz = gzip(PAGE);
    BadBodyException cut = fails(Arrays.copyOf(gz, gz.length / 2), null, "gzip", 1000);
    assertEquals(Problem.MALFORMED_BODY, cut.problem());
    assertEquals("Content-Encoding gzip does not decode: the stream ends early", cut.getMessage());
    byte[] z = zstd(PAGE);
    assertEquals(Problem.MALFORMED_BODY, fails(Arrays.copyOf(z, z.length - 4), null, "zstd", 1000).problem());
    byte[] zlib = deflate(PAGE, false);
    zlib[zlib.length - 1] ^= 0x55; // the Adler-32 check no longer matches
    assertEquals("Content-Encoding deflate does not decode: incorrect data check", fails(zlib, null, "deflate", 1000).getMessage());
  }

  @Test
  void capsTheDecodedSize() throws IOException {
    byte[] big = new byte[200_000];
    Arrays.fill(big, (byte) 'a');
    BadBodyException e = fails(gzip(big), null, "gzip", 100_000);
    assertEquals(Problem.TOO_LARGE, e.problem());
    assertEquals("record_too_large", e.problem().reason());
    assertEquals("Content-Encoding gzip decodes to more than 100000 bytes", e.getMessage());
    assertEquals("Content-Encoding zstd decodes to more than 100000 bytes", fails(zstd(big), null, "zstd", 100_000).getMessage());
    assertArrayEquals(big, HttpBodies.decode(gzip(big), null, "gzip", null, 200_000).bytes());
  }

  @Test
  void readsABodyStoredDecodedUnderItsOriginalHeaders() throws IOException {
    DecodedBody dechunked = decode(PAGE, "chunked", null);
    assertArrayEquals(PAGE, dechunked.bytes());
    assertEquals("Transfer-Encoding: chunked but the body is not chunked (stored de-chunked): read as is", dechunked.note());
    DecodedBody gunzipped = decode(PAGE, "chunked", "gzip");
    assertArrayEquals(PAGE, gunzipped.bytes());
    assertEquals("Transfer-Encoding: chunked but the body is not chunked (stored de-chunked): read as is; "
        + "Content-Encoding: gzip but the body is text (stored decoded): read as is", gunzipped.note());
    // a damaged first size line in front of real framing is not a stored de-chunked body
    BadBodyException zz = fails(concat(b("zz\r\n"), PAGE, b("\r\n0\r\n\r\n")), "chunked", null, 1000);
    assertEquals(Problem.MALFORMED_BODY, zz.problem());
    assertEquals("bad chunked encoding: chunk size \"zz\" at body byte 0 is not hex", zz.getMessage());
    assertEquals(Problem.MALFORMED_BODY, fails(concat(b("zz\r\n"), PAGE, b("\r\n0;end\r\nX-Sum: 1\r\n\r\n")), "chunked", null, 1000).problem());
    assertArrayEquals(concat(PAGE, b("\r\n10\r\n")), decode(concat(PAGE, b("\r\n10\r\n")), "chunked", null).bytes());
    // compressed bytes are never taken for text
    byte[] gz = gzip(PAGE);
    assertEquals(Problem.MALFORMED_BODY, fails(Arrays.copyOfRange(gz, 10, gz.length), null, "gzip", 1000).problem());
  }

  @Test
  void contentLengthShortensOnlyWithoutTransferEncoding() throws BadBodyException {
    assertArrayEquals(b("<p>ab</p>"), HttpBodies.decode(b("<p>ab</p>\r\n\r\n"), null, null, "9", 1000).bytes());
    assertArrayEquals(b("<p>ab</p>\r\n"), HttpBodies.decode(b("<p>ab</p>\r\n"), null, null, "x9", 1000).bytes());
    assertArrayEquals(b("<p>ab</p>"), HttpBodies.decode(b("9\r\n<p>ab</p>\r\n0\r\n\r\n"), "chunked", null, "3", 1000).bytes());
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.write(p, 0, p.length);
    }
    return out.toByteArray();
  }
}
