package org.provenant.filters.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class HttpBodiesTest {
  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void dechunksWithExtensionsAndTrailers() throws IOException {
    assertArrayEquals(b("Wikipedia in\r\n\r\nchunks."), HttpBodies.dechunk(b("4\r\nWiki\r\n5;ext=1\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\nX-Trailer: 1\r\n\r\n"), 1000));
  }

  @Test
  void rejectsBadFramingWithWhere() {
    assertEquals("bad chunked encoding: chunk size \"zz\" at body byte 0 is not hex",
        assertThrows(HttpBodies.BadBodyException.class, () -> HttpBodies.dechunk(b("zz\r\nabc\r\n0\r\n\r\n"), 1000)).getMessage());
    assertEquals("bad chunked encoding: chunk data at body byte 6 is not followed by CRLF",
        assertThrows(HttpBodies.BadBodyException.class, () -> HttpBodies.dechunk(b("3\r\nabcX\r\n0\r\n\r\n"), 1000)).getMessage());
    assertEquals("bad chunked encoding: no chunk-size line at body byte 0",
        assertThrows(HttpBodies.BadBodyException.class, () -> HttpBodies.dechunk(b("<html>"), 1000)).getMessage());
    assertEquals("decoded body over 2 bytes",
        assertThrows(HttpBodies.BadBodyException.class, () -> HttpBodies.dechunk(b("3\r\nabc\r\n0\r\n\r\n"), 2)).getMessage());
  }

  @Test
  void undoesGzipAndBothDeflateFlavours() throws IOException {
    byte[] text = b("hello hello hello");
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream o = new GZIPOutputStream(gz)) {
      o.write(text);
    }
    assertArrayEquals(text, HttpBodies.decodeContent(gz.toByteArray(), "gzip", 100));
    ByteArrayOutputStream zlib = new ByteArrayOutputStream();
    try (DeflaterOutputStream o = new DeflaterOutputStream(zlib)) {
      o.write(text);
    }
    assertArrayEquals(text, HttpBodies.decodeContent(zlib.toByteArray(), "deflate", 100));
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (DeflaterOutputStream o = new DeflaterOutputStream(raw, new Deflater(Deflater.DEFAULT_COMPRESSION, true))) {
      o.write(text);
    }
    assertArrayEquals(text, HttpBodies.decodeContent(raw.toByteArray(), "Deflate", 100));
    assertArrayEquals(text, HttpBodies.decodeContent(text, "identity", 100));
    assertEquals("unsupported Content-Encoding: br",
        assertThrows(HttpBodies.BadBodyException.class, () -> HttpBodies.decodeContent(text, "br", 100)).getMessage());
    assertEquals("Content-Encoding gzip does not decode: Not in GZIP format",
        assertThrows(HttpBodies.BadBodyException.class, () -> HttpBodies.decodeContent(text, "gzip", 100)).getMessage());
  }
}
