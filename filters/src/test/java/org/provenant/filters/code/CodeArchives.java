package org.provenant.filters.code;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.provenant.filters.read.ReadSink;
import org.provenant.filters.read.Candidate;
import org.provenant.schemas.Rejection;

/** Builds test archives in memory, entry by entry. */
final class CodeArchives {
  private CodeArchives() {}

  /** One entry to write: a file (bytes), a symlink (target), or a tar link flag. */
  record E(String name, byte[] bytes, String linkTarget, byte tarFlag) {
    static E file(String name, String text) {
      return new E(name, text.getBytes(StandardCharsets.UTF_8), null, TarConstants.LF_NORMAL);
    }

    static E bytes(String name, byte[] b) {
      return new E(name, b, null, TarConstants.LF_NORMAL);
    }

    static E symlink(String name, String target) {
      return new E(name, null, target, TarConstants.LF_SYMLINK);
    }

    static E special(String name, byte flag, String target) {
      return new E(name, null, target, flag);
    }
  }

  static byte[] zip(E... entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(out)) {
      for (E e : entries) {
        ZipArchiveEntry ze = new ZipArchiveEntry(e.name);
        if (e.linkTarget != null) {
          ze.setUnixMode(0120777);
          z.putArchiveEntry(ze);
          z.write(e.linkTarget.getBytes(StandardCharsets.UTF_8));
        } else {
          z.putArchiveEntry(ze);
          z.write(e.bytes);
        }
        z.closeArchiveEntry();
      }
    }
    return out.toByteArray();
  }

  static byte[] tar(E... entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeTar(out, entries);
    return out.toByteArray();
  }

  static byte[] tgz(E... entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(out)) {
      writeTar(gz, entries);
    }
    return out.toByteArray();
  }

  static byte[] tarZst(E... entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZstdOutputStream z = new ZstdOutputStream(out)) {
      writeTar(z, entries);
    }
    return out.toByteArray();
  }

  private static void writeTar(OutputStream out, E... entries) throws IOException {
    TarArchiveOutputStream t = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
    t.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    for (E e : entries) {
      TarArchiveEntry te = new TarArchiveEntry(e.name, e.tarFlag, true);
      if (e.linkTarget != null) {
        te.setLinkName(e.linkTarget);
      }
      if (e.bytes != null) {
        te.setSize(e.bytes.length);
      }
      t.putArchiveEntry(te);
      if (e.bytes != null) {
        t.write(e.bytes);
      }
      t.closeArchiveEntry();
    }
    t.finish();
  }

  /** A sink that keeps everything, in order, and both kinds in one list of "path reason" lines. */
  static final class Sink implements ReadSink {
    final List<Candidate> candidates = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();
    final List<String> outcomes = new ArrayList<>();

    @Override
    public void candidate(Candidate c) {
      candidates.add(c);
      outcomes.add(c.source().offset() + " " + c.source().path() + " kept");
    }

    @Override
    public void rejected(Rejection r) {
      rejections.add(r);
      outcomes.add(r.source().offset() + " " + r.source().path() + " " + r.reason());
    }

    Candidate candidate(String path) {
      return candidates.stream().filter(c -> path.equals(c.source().path())).findFirst().orElseThrow(() -> new AssertionError("no candidate " + path));
    }

    Rejection rejection(String reason) {
      return rejections.stream().filter(r -> reason.equals(r.reason())).findFirst().orElseThrow(() -> new AssertionError("no rejection " + reason));
    }
  }
}
