package org.provenant.filters.read;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Strict decoding of captured HTTP bodies: chunked transfer coding (RFC 9112 section 7.1) and the
 * gzip/deflate content codings. A body that claims a coding and does not follow it fails with a
 * message saying where, rather than being passed on with its framing inside the text.
 */
public final class HttpBodies {
  private HttpBodies() {}

  /** Why a body could not be decoded. */
  public static final class BadBodyException extends IOException {
    public BadBodyException(String message) {
      super(message);
    }
  }

  /** Removes chunked framing; fails on a size line that is not hex, a short chunk or a missing CRLF. */
  public static byte[] dechunk(byte[] raw, long maxBytes) throws BadBodyException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
    int p = 0;
    while (true) {
      int lineEnd = indexOfCrlf(raw, p);
      if (lineEnd < 0) {
        throw new BadBodyException("bad chunked encoding: no chunk-size line at body byte " + p);
      }
      String line = new String(raw, p, lineEnd - p, java.nio.charset.StandardCharsets.ISO_8859_1);
      int semi = line.indexOf(';');
      String hex = (semi < 0 ? line : line.substring(0, semi)).trim();
      long size;
      try {
        if (hex.isEmpty() || hex.length() > 15) {
          throw new NumberFormatException();
        }
        size = Long.parseLong(hex, 16);
      } catch (NumberFormatException e) {
        throw new BadBodyException("bad chunked encoding: chunk size \"" + abbreviate(line) + "\" at body byte " + p + " is not hex");
      }
      p = lineEnd + 2;
      if (size == 0) {
        return out.toByteArray(); // trailers, if any, are ignored
      }
      if (size > raw.length - p) {
        throw new BadBodyException("bad chunked encoding: chunk of " + size + " bytes at body byte " + p + " runs past the end of the body (" + (raw.length - p) + " left)");
      }
      out.write(raw, p, (int) size);
      if (out.size() > maxBytes) {
        throw new BadBodyException("decoded body over " + maxBytes + " bytes");
      }
      p += (int) size;
      if (p + 1 >= raw.length || raw[p] != '\r' || raw[p + 1] != '\n') {
        throw new BadBodyException("bad chunked encoding: chunk data at body byte " + p + " is not followed by CRLF");
      }
      p += 2;
    }
  }

  /** Undoes a Content-Encoding of gzip, x-gzip or deflate; identity passes through; others fail. */
  public static byte[] decodeContent(byte[] body, String contentEncoding, long maxBytes) throws BadBodyException {
    if (contentEncoding == null) {
      return body;
    }
    String enc = contentEncoding.trim().toLowerCase(Locale.ROOT);
    if (enc.isEmpty() || enc.equals("identity") || enc.equals("none")) {
      return body;
    }
    try {
      InputStream in;
      if (enc.equals("gzip") || enc.equals("x-gzip")) {
        in = new GZIPInputStream(new ByteArrayInputStream(body));
      } else if (enc.equals("deflate")) {
        boolean zlib = body.length >= 2 && (body[0] & 0x0f) == 8 && (((body[0] & 0xff) << 8) | (body[1] & 0xff)) % 31 == 0;
        in = new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(!zlib));
      } else {
        throw new BadBodyException("unsupported Content-Encoding: " + contentEncoding);
      }
      byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (out.length > maxBytes) {
        throw new BadBodyException("decoded body over " + maxBytes + " bytes");
      }
      return out;
    } catch (BadBodyException e) {
      throw e;
    } catch (IOException e) {
      throw new BadBodyException("Content-Encoding " + enc + " does not decode: " + e.getMessage());
    }
  }

  private static int indexOfCrlf(byte[] b, int from) {
    for (int i = from; i + 1 < b.length; i++) {
      if (b[i] == '\r' && b[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static String abbreviate(String s) {
    String t = s.replaceAll("[^\\x20-\\x7e]", "?");
    return t.length() > 20 ? t.substring(0, 20) + "..." : t;
  }
}
