package org.provenant.filters.code;

import static java.util.Objects.requireNonNull;

import com.github.luben.zstd.ZstdInputStream;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import com.google.common.hash.HashingInputStream;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import java.nio.channels.SeekableByteChannel;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.provenant.filters.read.Candidate;
import org.provenant.filters.read.Digests;
import org.provenant.filters.read.InputFormat;
import org.provenant.filters.read.ReadSink;
import org.provenant.filters.read.ReadSummary;
import org.provenant.schemas.Kind;
import org.provenant.schemas.License;
import org.provenant.schemas.LineageEntry;
import org.provenant.schemas.Rejection;
import org.provenant.schemas.Signals;
import org.provenant.schemas.Source;

/**
 * Reads one code package, an archive (zip, jar, tar, tar.gz/tgz, tar.zst) or a directory, into
 * candidates of kind {@code code}, one per regular file, streaming: nothing is extracted to disk
 * and nothing from the input is run.
 *
 * <p>Two passes: the first computes the archive's sha256 and collects the package-level files
 * ({@link PackageLicensing#isPackageLevel}, package manifests) into {@link PackageContents}; the
 * second emits each file with its licence, language and provenance.
 *
 * <p>Provenance: {@code source.uri} is the archive or directory; {@code source.offset} is the
 * entry's index, counting from 0 every entry of the archive in stream order (directories and
 * rejected entries included), or for a directory every file and subdirectory in a depth-first walk
 * with names sorted by code unit; {@code source.path} is the normalised path inside ({@code
 * package/} kept); {@code source.sha256} the file's bytes; {@code source.archive_sha256} the
 * archive's bytes (null for directories). Ids are {@code Digests.id("code", archive_sha256,
 * path)}; for a directory {@code Digests.id("code-dir", directory name, path, sha256)}.
 *
 * <p>Rejected with step {@value #STEP}: {@code unsafe_path} (absolute, {@code ..}, NUL), {@code
 * link} (symbolic and hard links), {@code special_file} (devices, fifos, sockets), {@code
 * duplicate_path} (a path seen earlier in the same archive), {@code nested_archive} (an archive
 * inside the package, by extension or magic bytes: nested archives are never opened), {@code
 * decompression_bomb} (entry ratio over {@code max_compression_ratio}; or the archive past {@code
 * max_archive_bytes}, which ends the archive), {@code file_too_large}, {@code binary_file} (a NUL
 * byte), {@code decode_error} (not UTF-8, UTF-8 with BOM or UTF-16 with BOM, and not plausible
 * ISO-8859-1 when the fallback is on), {@code unsupported_entry} (an encrypted zip entry, or one
 * compressed by a method commons-compress cannot read), {@code too_many_entries} (ends the package) and {@code
 * corrupt_archive} (the archive cannot be read on; the files before stay).
 */
public final class CodePackageReader {
  public static final String STEP = "read_code@1";

  public static final String UNSAFE_PATH = "unsafe_path";
  public static final String LINK = "link";
  public static final String SPECIAL_FILE = "special_file";
  public static final String DUPLICATE_PATH = "duplicate_path";
  public static final String NESTED_ARCHIVE = "nested_archive";
  public static final String DECOMPRESSION_BOMB = "decompression_bomb";
  public static final String FILE_TOO_LARGE = "file_too_large";
  public static final String BINARY_FILE = "binary_file";
  public static final String DECODE_ERROR = "decode_error";
  public static final String TOO_MANY_ENTRIES = "too_many_entries";
  public static final String UNSUPPORTED_ENTRY = "unsupported_entry";
  public static final String CORRUPT_ARCHIVE = "corrupt_archive";

  private static final Set<String> ARCHIVE_EXTENSIONS = Set.of(
      "zip", "jar", "war", "ear", "aar", "apk", "whl", "egg", "nupkg", "crate", "gem", "tar", "tgz", "gz",
      "tzst", "zst", "bz2", "xz", "lz", "lzma", "7z", "rar", "cab");

  /**
   * Opens the archive's bytes afresh: as a stream (each pass), and, for zip and jar, as a seekable
   * channel, since a zip's entry types (links, devices) and true entry list are only in its central
   * directory at the end.
   */
  public interface Opener {
    InputStream open() throws IOException;

    SeekableByteChannel openSeekable() throws IOException;

    /** An archive in a local file, opened afresh on each call. */
    static Opener localFile(Path file) {
      return new Opener() {
        @Override
        public InputStream open() throws IOException {
          return Files.newInputStream(file);
        }

        @Override
        public SeekableByteChannel openSeekable() throws IOException {
          return Files.newByteChannel(file);
        }
      };
    }
  }

  /** How an archive is laid out, by file name. */
  public enum Layout {
    ZIP, TAR, TAR_GZ, TAR_ZST;

    /** {@code .zip}, {@code .jar}, {@code .tar}, {@code .tar.gz}, {@code .tgz}, {@code .tar.zst}, {@code .tzst}. */
    public static Optional<Layout> forFileName(String name) {
      String n = name.toLowerCase(Locale.ROOT);
      if (n.endsWith(".zip") || n.endsWith(".jar")) {
        return Optional.of(ZIP);
      }
      if (n.endsWith(".tar")) {
        return Optional.of(TAR);
      }
      if (n.endsWith(".tar.gz") || n.endsWith(".tgz")) {
        return Optional.of(TAR_GZ);
      }
      if (n.endsWith(".tar.zst") || n.endsWith(".tzst")) {
        return Optional.of(TAR_ZST);
      }
      return Optional.empty();
    }
  }

  /**
   * What reading a package found, with the size and digest its manifest entry needs: for an archive
   * its byte count and sha256; for a directory the bytes of its regular files read and the sha256
   * over "path NUL sha256 LF" of each file read, in walk order.
   */
  public record PackageRead(ReadSummary summary, long bytes, String sha256) {}

  private final CodeReadLimits limits;
  private final PackageLicensing licensing;

  public CodePackageReader(CodeReadLimits limits, PackageLicensing licensing) {
    this.limits = requireNonNull(limits, "limits");
    this.licensing = requireNonNull(licensing, "licensing");
  }

  public CodePackageReader() {
    this(CodeReadLimits.DEFAULTS, new SpdxHeaderLicensing());
  }

  // ---------------------------------------------------------------- archives

  /** Reads the archive at {@code uri}, whose bytes {@code opener} gives; never throws for bad content. */
  public PackageRead readArchive(String uri, Opener opener, ReadSink sink) throws IOException {
    return readArchive(uri, opener, Map.of(), sink);
  }

  /**
   * As {@link #readArchive(String, Opener, ReadSink)}, with package-level files that sit beside
   * the archive rather than in it ({@link org.provenant.filters.license.MavenRepositoryLayout}:
   * paths starting with {@code ../}); they are read for licences, never emitted as documents.
   */
  public PackageRead readArchive(String uri, Opener opener, Map<String, String> beside, ReadSink sink) throws IOException {
    return readArchive(uri, opener, (archive, files) -> beside, sink);
  }

  /**
   * Package-level files found outside the archive once its own package-level files are known: the
   * poms beside it ({@code ../A-V.pom}) or in a named Maven repository ({@code
   * maven-repository:G/A/V/A-V.pom}), looked up by the coordinates its {@code pom.properties},
   * manifest or name give. Implementations must be deterministic: the same files for the same
   * archive name and package-level files.
   */
  @FunctionalInterface
  public interface OutsideFiles extends java.io.Serializable {
    /** Files by package-level path, for the archive named {@code archiveName} whose package-level files are {@code files}. */
    Map<String, String> find(String archiveName, java.util.SortedMap<String, String> files);
  }

  /** As {@link #readArchive(String, Opener, Map, ReadSink)}, with the outside files asked of {@code outside} after the first pass. */
  public PackageRead readArchive(String uri, Opener opener, OutsideFiles outside, ReadSink sink) throws IOException {
    String name = Digests.fileName(uri);
    Layout layout = Layout.forFileName(name)
        .orElseThrow(() -> new IllegalArgumentException("not a code archive name: " + name));
    // pass 1: archive digest and package-level files
    TreeMap<String, String> pkgFiles = new TreeMap<>();
    String archiveSha;
    long archiveBytes;
    try (com.google.common.io.CountingInputStream counting = new com.google.common.io.CountingInputStream(new BufferedInputStream(opener.open(), 1 << 16));
        HashingInputStream hashing = new HashingInputStream(Hashing.sha256(), counting)) {
      try {
        if (layout != Layout.ZIP) {
          Walker w = open(layout, nonClosing(hashing), new Budget(limits.maxArchiveBytes()));
          int entries = 0;
          for (Entry e = w.next(); e != null && entries < limits.maxEntries(); e = w.next(), entries++) {
            collect(e, w, pkgFiles);
          }
        } else {
          Walker w;
          ZipFile zf = null;
          SeekableByteChannel ch = opener.openSeekable();
          try {
            zf = zipFile(ch);
            w = zipWalker(zf, new Budget(limits.maxArchiveBytes()));
          } catch (IOException e) {
            w = streamingZipWalker(nonClosing(hashing), new Budget(limits.maxArchiveBytes()));
          }
          try {
            int entries = 0;
            for (Entry e = w.next(); e != null && entries < limits.maxEntries(); e = w.next(), entries++) {
              collect(e, w, pkgFiles);
            }
          } finally {
            if (zf != null) {
              zf.close();
            }
            ch.close();
          }
        }
      } catch (IOException | RuntimeException e) {
        // the second pass meets the same damage and reports it
      }
      hashing.transferTo(OutputStreamSink.INSTANCE);
      archiveSha = hashing.hash().toString();
      archiveBytes = counting.getCount();
    }
    Map<String, String> beside = outside.find(name, java.util.Collections.unmodifiableSortedMap(pkgFiles));
    beside.forEach((path, text) -> {
      if (org.provenant.filters.license.MavenRepositoryLayout.isBeside(path)
          || org.provenant.filters.license.MavenRepository.isRepositoryPath(path)) {
        pkgFiles.put(path, text.length() > PackageContents.MAX_FILE_CHARS ? text.substring(0, PackageContents.MAX_FILE_CHARS) : text);
      }
    });
    Pass pass = new Pass(uri, archiveSha, null, PackageContents.of(name, pkgFiles), sink);
    ZipFile zipFile = null;
    SeekableByteChannel channel = null;
    String zipDamage = null;
    InputStream zipStream = null;
    try (InputStream raw = layout == Layout.ZIP ? InputStream.nullInputStream() : new BufferedInputStream(opener.open(), 1 << 16)) {
      Budget budget = new Budget(limits.maxArchiveBytes());
      Walker w;
      try {
        if (layout == Layout.ZIP) {
          channel = opener.openSeekable();
          try {
            zipFile = zipFile(channel);
            w = zipWalker(zipFile, budget);
          } catch (IOException e) {
            // no readable central directory (a cut download): read what the local headers give
            zipDamage = message(e);
            zipStream = new BufferedInputStream(opener.open(), 1 << 16);
            w = streamingZipWalker(zipStream, budget);
          }
        } else {
          w = open(layout, raw, budget);
        }
      } catch (IOException e) {
        pass.corrupt(-1, null, "cannot open the " + layout.name().toLowerCase(Locale.ROOT) + " stream: " + message(e));
        return new PackageRead(pass.summary(), archiveBytes, archiveSha);
      }
      Entry e = null;
      Entry last = null;
      boolean inEntry = false;
      try {
        while ((e = w.next()) != null) {
          last = e;
          inEntry = true;
          if (e.index >= limits.maxEntries()) {
            pass.stop(e.index, TOO_MANY_ENTRIES, "the archive has more than " + limits.maxEntries() + " entries; the rest is not read");
            break;
          }
          if (!pass.entry(e, w)) {
            break;
          }
          inEntry = false;
        }
        if (zipDamage != null && pass.error == null) {
          pass.corrupt(last == null ? 0 : last.index + 1, null, "zip has no readable central directory (" + zipDamage + "); "
              + pass.kept + " files read from its local headers are kept, taken as regular files since link and device"
              + " flags are only in the central directory");
        }
      } catch (LimitException x) {
        pass.stop(last == null ? 0 : last.index, DECOMPRESSION_BOMB, x.getMessage());
      } catch (IOException | RuntimeException x) {
        String where = last == null ? "before the first entry"
            : inEntry ? "at entry " + last.index + " (" + last.name + ")"
            : "after entry " + last.index + " (" + last.name + ")";
        long at = last == null ? 0 : inEntry ? last.index : last.index + 1;
        String prefix = zipDamage == null ? "" : "zip has no readable central directory (" + zipDamage + "), its local headers were read instead; ";
        pass.corrupt(at, inEntry ? last.name : null, prefix + "archive is damaged " + where + ": " + message(x)
            + "; " + pass.kept + " files read before it are kept");
      }
    } finally {
      if (zipStream != null) {
        zipStream.close();
      }
      if (zipFile != null) {
        zipFile.close();
      }
      if (channel != null) {
        channel.close();
      }
    }
    return new PackageRead(pass.summary(), archiveBytes, archiveSha);
  }

  private void collect(Entry e, Walker w, TreeMap<String, String> pkgFiles) throws IOException {
    if (e.type != Type.FILE || CodePaths.unsafeReason(e.name) != null) {
      return;
    }
    String path = CodePaths.normalise(e.name);
    if (!(licensing.isPackageLevel(path) || PackageMetadata.isManifest(path)) || pkgFiles.containsKey(path)) {
      return;
    }
    int total = pkgFiles.values().stream().mapToInt(String::length).sum();
    int room = Math.min(PackageContents.MAX_FILE_CHARS, PackageContents.MAX_TOTAL_CHARS - total);
    if (room <= 0) {
      return;
    }
    byte[] b = w.content().readNBytes(room);
    pkgFiles.put(path, new String(b, StandardCharsets.UTF_8));
  }

  // ---------------------------------------------------------------- directories

  /** Reads the directory {@code dir} as one package; links are reported, never followed. */
  public PackageRead readDirectory(String uri, Path dir, ReadSink sink) throws IOException {
    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
    List<Entry> entries = new ArrayList<>();
    List<Path> paths = new ArrayList<>();
    walk(dir, dir, entries, paths);
    TreeMap<String, String> pkgFiles = new TreeMap<>();
    for (int i = 0; i < entries.size() && i < limits.maxEntries(); i++) {
      Entry e = entries.get(i);
      Path p = paths.get(i);
      collect(e, new Walker() {
        @Override
        public Entry next() {
          return null;
        }

        @Override
        public InputStream content() throws IOException {
          return Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS);
        }
      }, pkgFiles);
    }
    Pass pass = new Pass(uri, null, name, PackageContents.of(name, pkgFiles), sink);
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      if (i >= limits.maxEntries()) {
        pass.stop(i, TOO_MANY_ENTRIES, "the directory has more than " + limits.maxEntries() + " entries; the rest is not read");
        break;
      }
      Path p = paths.get(i);
      InputStream[] open = new InputStream[1];
      try {
        pass.entry(e, new Walker() {
          @Override
          public Entry next() {
            return null;
          }

          @Override
          public InputStream content() throws IOException {
            open[0] = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS);
            return open[0];
          }
        });
      } catch (IOException | LimitException x) {
        pass.reject(i, CodePaths.normalise(e.name), null, CORRUPT_ARCHIVE, "cannot read " + e.name + ": " + message(x));
      } finally {
        if (open[0] != null) {
          open[0].close();
        }
      }
    }
    return new PackageRead(pass.summary(), pass.bytes, pass.tree.hash().toString());
  }

  private static void walk(Path root, Path dir, List<Entry> entries, List<Path> paths) throws IOException {
    List<Path> children;
    try (Stream<Path> s = Files.list(dir)) {
      children = s.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
    }
    for (Path c : children) {
      BasicFileAttributes a = Files.readAttributes(c, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      String rel = root.relativize(c).toString().replace(java.io.File.separatorChar, '/');
      Type t = a.isSymbolicLink() ? Type.SYMLINK : a.isDirectory() ? Type.DIRECTORY : a.isRegularFile() ? Type.FILE : Type.SPECIAL;
      String target = t == Type.SYMLINK ? Files.readSymbolicLink(c).toString() : null;
      entries.add(new Entry(entries.size(), rel, t, target, t == Type.SPECIAL ? "not a regular file" : null));
      paths.add(c);
      if (t == Type.DIRECTORY) {
        walk(root, c, entries, paths);
      }
    }
  }

  // ---------------------------------------------------------------- one pass of emitting

  /** The second pass over one package: decides each entry and emits it. */
  private final class Pass {
    final String uri;
    final String archiveSha;
    final String dirName;
    final PackageContents pkg;
    final PackageMetadata meta;
    final ReadSink sink;
    final Set<String> seen = new HashSet<>();
    final TreeMap<String, Long> byType = new TreeMap<>();
    final Hasher tree = Hashing.sha256().newHasher();
    long records;
    long candidates;
    long kept;
    long bytes;
    String error;

    Pass(String uri, String archiveSha, String dirName, PackageContents pkg, ReadSink sink) {
      this.uri = uri;
      this.archiveSha = archiveSha;
      this.dirName = dirName;
      this.pkg = pkg;
      this.meta = PackageMetadata.of(pkg);
      this.sink = sink;
    }

    /** Decides one entry; false when the rest of the archive must not be read. */
    boolean entry(Entry e, Walker w) throws IOException {
      if (e.type == Type.DIRECTORY) {
        count("directory");
        return true;
      }
      records++;
      String unsafe = CodePaths.unsafeReason(e.name);
      if (unsafe != null) {
        count("rejected");
        reject(e.index, e.name, null, UNSAFE_PATH, unsafe + ": " + printable(e.name));
        return true;
      }
      String path = CodePaths.normalise(e.name);
      switch (e.type) {
        case SYMLINK, HARDLINK -> {
          count("link");
          reject(e.index, path, null, LINK, (e.type == Type.SYMLINK ? "symbolic" : "hard") + " link to " + printable(String.valueOf(e.linkTarget)) + " is not followed");
          return true;
        }
        case SPECIAL -> {
          count("special");
          reject(e.index, path, null, SPECIAL_FILE, e.special);
          return true;
        }
        default -> count("file");
      }
      if (!seen.add(path)) {
        reject(e.index, path, null, DUPLICATE_PATH, "a file with this path came earlier in the archive (entry " + e.index + " is not read)");
        return true;
      }
      if (ARCHIVE_EXTENSIONS.contains(CodePaths.extension(path))) {
        reject(e.index, path, null, NESTED_ARCHIVE, "nested archives are not opened (." + CodePaths.extension(path) + ")");
        return true;
      }
      long declared = w.declaredSize();
      long declaredCompressed = w.compressedBytes();
      if (declared >= CodeReadLimits.RATIO_CHECK_FROM_BYTES && declaredCompressed >= 0
          && declared > limits.maxCompressionRatio() * Math.max(1, declaredCompressed)) {
        reject(e.index, path, null, DECOMPRESSION_BOMB, "entry declares " + declared + " bytes from " + declaredCompressed
            + " compressed bytes, over the ratio " + fmt(limits.maxCompressionRatio()) + "; it is not read");
        return true;
      }
      String unsupported = w.unsupported();
      if (unsupported != null) {
        reject(e.index, path, null, UNSUPPORTED_ENTRY, unsupported);
        return true;
      }
      InputStream in = w.content();
      Content c = readContent(in, w);
      bytes += c.read;
      if (c.bomb) {
        reject(e.index, path, null, DECOMPRESSION_BOMB, "entry expands " + c.read + " bytes from " + c.compressed
            + " compressed bytes, over the ratio " + fmt(limits.maxCompressionRatio()) + "; reading of it stopped");
        return w.cheapSkip();
      }
      if (c.bytes == null) {
        reject(e.index, path, null, FILE_TOO_LARGE, "over " + limits.maxFileBytes() + " bytes; reading of it stopped");
        return true;
      }
      String sha = Hashing.sha256().hashBytes(c.bytes).toString();
      tree.putString(path, StandardCharsets.UTF_8).putByte((byte) 0).putString(sha, StandardCharsets.UTF_8).putByte((byte) '\n');
      String magic = archiveMagic(c.bytes);
      if (magic != null) {
        reject(e.index, path, sha, NESTED_ARCHIVE, "nested archives are not opened (" + magic + " content)");
        return true;
      }
      Decoded d = decode(c.bytes, limits.latin1Fallback());
      if (d.reason != null) {
        reject(e.index, path, sha, d.reason, d.detail);
        return true;
      }
      Source source = source(e.index, path, sha);
      Signals signals = CodeLanguages.detect(path, d.text).map(Signals.EMPTY::withCodeLanguage).orElse(Signals.EMPTY);
      License license = licensing.licenseFor(pkg, path, d.text);
      String detail = "entry " + e.index + ", " + c.bytes.length + " bytes, " + d.charset
          + (meta.from() == null ? "" : ", package from " + meta.from());
      candidates++;
      kept++;
      sink.candidate(Candidate.ofText(id(path, sha), Kind.CODE, source, d.text, license, signals,
          new LineageEntry(STEP, LineageEntry.OK, detail)));
      return true;
    }

    Content readContent(InputStream in, Walker w) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[1 << 16];
      long n = 0;
      int r;
      while ((r = in.read(buf)) != -1) {
        long before = n;
        n += r;
        if (before < limits.maxFileBytes()) {
          out.write(buf, 0, (int) Math.min(r, limits.maxFileBytes() - before));
        }
        long compressed = w.compressedBytes();
        if (compressed >= 0 && n >= CodeReadLimits.RATIO_CHECK_FROM_BYTES && n > limits.maxCompressionRatio() * Math.max(1, compressed)) {
          return new Content(null, n, compressed, true);
        }
        if (n > limits.maxFileBytes()) {
          return new Content(null, n, compressed, false);
        }
      }
      return new Content(out.toByteArray(), n, w.compressedBytes(), false);
    }

    Source source(long index, String path, String sha) {
      return Source.builder(uri, index).path(path).packageName(meta.name()).version(meta.version())
          .sha256(sha).archiveSha256(archiveSha).build();
    }

    String id(String path, String sha) {
      return archiveSha != null ? Digests.id("code", archiveSha, path) : Digests.id("code-dir", dirName, path, String.valueOf(sha));
    }

    void reject(long index, String path, String sha, String reason, String detail) {
      candidates++;
      String id = reason.equals(DUPLICATE_PATH) || reason.equals(UNSAFE_PATH)
          ? Digests.id("code", String.valueOf(archiveSha != null ? archiveSha : dirName), path, "#" + index)
          : id(path, sha);
      Source s = Source.builder(uri, Math.max(0, index)).path(path).packageName(meta.name()).version(meta.version())
          .sha256(sha).archiveSha256(archiveSha).build();
      sink.rejected(Rejection.atRead(id, Kind.CODE, s, STEP, reason, detail));
    }

    /** The package cannot be read on: one row for the rest, and the summary's error. */
    void stop(long index, String reason, String detail) {
      count("rejected");
      candidates++;
      String id = Digests.id("code", String.valueOf(archiveSha != null ? archiveSha : dirName), "#" + reason);
      Source s = Source.builder(uri, Math.max(0, index)).packageName(meta.name()).version(meta.version()).archiveSha256(archiveSha).build();
      sink.rejected(Rejection.atRead(id, Kind.CODE, s, STEP, reason, detail));
      error = reason + ": " + detail;
    }

    void corrupt(long index, String name, String detail) {
      stop(index, CORRUPT_ARCHIVE, detail);
    }

    void count(String type) {
      byType.merge(type, 1L, Long::sum);
    }

    ReadSummary summary() {
      return new ReadSummary(InputFormat.CODE, records, byType, candidates, error);
    }
  }

  private record Content(byte[] bytes, long read, long compressed, boolean bomb) {}

  // ---------------------------------------------------------------- decoding

  /** Text, or a reason and detail. */
  record Decoded(String text, String charset, String reason, String detail) {
    static Decoded fail(String reason, String detail) {
      return new Decoded(null, null, reason, detail);
    }
  }

  /**
   * Decodes a file: a UTF-8 BOM is dropped, a UTF-16 BOM selects UTF-16; else a NUL byte is {@code
   * binary_file}; else strict UTF-8; else, with the fallback on, ISO-8859-1 when no byte is a C0
   * control other than tab, line feed, form feed and carriage return, nor in 0x7F..0x9F (where
   * Latin-1 text has nothing and binary data and windows-1252 do); else {@code decode_error}.
   */
  static Decoded decode(byte[] b, boolean latin1Fallback) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      return strict(b, 3, StandardCharsets.UTF_8, "utf-8 with BOM");
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return strict(b, 2, StandardCharsets.UTF_16BE, "utf-16be with BOM");
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return strict(b, 2, StandardCharsets.UTF_16LE, "utf-16le with BOM");
    }
    for (int i = 0; i < b.length; i++) {
      if (b[i] == 0) {
        return Decoded.fail(BINARY_FILE, "NUL byte at offset " + i);
      }
    }
    Decoded utf8 = strict(b, 0, StandardCharsets.UTF_8, "utf-8");
    if (utf8.reason == null || !latin1Fallback) {
      return utf8;
    }
    for (int i = 0; i < b.length; i++) {
      int v = b[i] & 0xFF;
      if ((v < 0x20 && v != '\t' && v != '\n' && v != '\r' && v != '\f') || (v >= 0x7F && v <= 0x9F)) {
        return Decoded.fail(DECODE_ERROR, utf8.detail + "; not ISO-8859-1 text either (control byte 0x"
            + Integer.toHexString(v) + " at offset " + i + ")");
      }
    }
    return new Decoded(new String(b, StandardCharsets.ISO_8859_1), "iso-8859-1 (not utf-8: " + utf8.detail + ")", null, null);
  }

  private static Decoded strict(byte[] b, int from, Charset cs, String label) {
    CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b, from, b.length - from);
    CharBuffer out = CharBuffer.allocate((int) Math.ceil((b.length - from) * (double) dec.maxCharsPerByte()) + 1);
    CoderResult r = dec.decode(in, out, true);
    if (r.isError()) {
      return Decoded.fail(DECODE_ERROR, "invalid " + cs.name() + " at byte " + in.position());
    }
    r = dec.flush(out);
    if (r.isError()) {
      return Decoded.fail(DECODE_ERROR, "invalid " + cs.name() + " at the end");
    }
    out.flip();
    String text = out.toString();
    if (from > 0 && text.indexOf('\0') >= 0) {
      return Decoded.fail(BINARY_FILE, "NUL character in " + label + " text");
    }
    return new Decoded(text, label, null, null);
  }

  /** The archive or compression format of leading magic bytes, or null. */
  static String archiveMagic(byte[] b) {
    if (b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
      return "zip";
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B) {
      return "gzip";
    }
    if (b.length >= 4 && (b[0] & 0xFF) == 0x28 && (b[1] & 0xFF) == 0xB5 && (b[2] & 0xFF) == 0x2F && (b[3] & 0xFF) == 0xFD) {
      return "zstd";
    }
    if (b.length >= 262 && b[257] == 'u' && b[258] == 's' && b[259] == 't' && b[260] == 'a' && b[261] == 'r') {
      return "tar";
    }
    if (b.length >= 6 && b[0] == '7' && b[1] == 'z' && (b[2] & 0xFF) == 0xBC && (b[3] & 0xFF) == 0xAF) {
      return "7z";
    }
    if (b.length >= 3 && b[0] == 'B' && b[1] == 'Z' && b[2] == 'h') {
      return "bzip2";
    }
    if (b.length >= 6 && (b[0] & 0xFF) == 0xFD && b[1] == '7' && b[2] == 'z' && b[3] == 'X' && b[4] == 'Z') {
      return "xz";
    }
    return null;
  }

  // ---------------------------------------------------------------- walking archives

  enum Type { FILE, DIRECTORY, SYMLINK, HARDLINK, SPECIAL }

  /** One archive entry as the walker saw it; {@code name} is raw, not yet checked. */
  record Entry(int index, String name, Type type, String linkTarget, String special) {}

  /** Steps through the entries of one archive stream. */
  interface Walker {
    /** The next entry, or null at the end. */
    Entry next() throws IOException;

    /** The current entry's bytes. */
    InputStream content() throws IOException;

    /** Compressed bytes read for the current entry so far, or -1 when not known. */
    default long compressedBytes() {
      return -1;
    }

    /** Why the current entry's data cannot be read (encrypted, unknown compression), or null. */
    default String unsupported() {
      return null;
    }

    /** The uncompressed size the archive declares for the current entry, or -1. */
    default long declaredSize() {
      return -1;
    }

    /** Whether moving to the next entry after giving up on this one is cheap (no decompression). */
    default boolean cheapSkip() {
      return true;
    }
  }

  /** The decompressed bytes an archive may still give. */
  private static final class Budget {
    private final long max;
    private long used;

    Budget(long max) {
      this.max = max;
    }

    void use(long n) {
      used += n;
      if (used > max) {
        throw new LimitException("the archive decompresses to more than " + max
            + " bytes (read.code.max_archive_bytes); the rest is not read");
      }
    }
  }

  /** A safety limit was reached. */
  static final class LimitException extends RuntimeException {
    LimitException(String message) {
      super(message);
    }
  }

  /** Counts the bytes read through it against a budget, skips included. */
  private static final class BudgetStream extends FilterInputStream {
    private final Budget budget;

    BudgetStream(InputStream in, Budget budget) {
      super(in);
      this.budget = budget;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        budget.use(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        budget.use(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      // read instead of skipping, so that every decompressed byte is counted
      byte[] buf = new byte[(int) Math.min(n, 8192)];
      long done = 0;
      while (done < n) {
        int r = read(buf, 0, (int) Math.min(buf.length, n - done));
        if (r < 0) {
          break;
        }
        done += r;
      }
      return done;
    }
  }

  /** Counts raw (compressed) bytes. */
  private static final class CountingStream extends FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      count += Math.max(0, s);
      return s;
    }
  }

  private static ZipFile zipFile(SeekableByteChannel ch) throws IOException {
    return ZipFile.builder().setSeekableByteChannel(ch).setCharset(StandardCharsets.UTF_8).setUseUnicodeExtraFields(true).get();
  }

  /**
   * Entries of a zip in the order of their bytes in the file, as its central directory lists them;
   * the ratio check uses the entry's compressed size there, which also bounds what is read for it.
   */
  private static Walker zipWalker(ZipFile zip, Budget budget) {
    Enumeration<ZipArchiveEntry> entries = zip.getEntriesInPhysicalOrder();
    return new Walker() {
      int index = -1;
      ZipArchiveEntry current;
      InputStream open;

      @Override
      public Entry next() throws IOException {
        closeOpen();
        if (!entries.hasMoreElements()) {
          return null;
        }
        current = entries.nextElement();
        index++;
        int fmt = current.getUnixMode() & 0170000;
        Type t;
        String special = null;
        String target = null;
        if (current.isUnixSymlink()) {
          t = Type.SYMLINK;
          target = zip.getUnixSymlink(current);
        } else if (current.isDirectory()) {
          t = Type.DIRECTORY;
        } else if (fmt != 0 && fmt != 0100000) {
          t = Type.SPECIAL;
          special = "unix file type " + Integer.toOctalString(fmt) + " is not a regular file";
        } else {
          t = Type.FILE;
        }
        return new Entry(index, current.getName(), t, target, special);
      }

      @Override
      public InputStream content() throws IOException {
        closeOpen();
        open = zip.getInputStream(current);
        if (open == null) {
          throw new IOException("unsupported zip entry: " + current.getName());
        }
        return new BudgetStream(open, budget);
      }

      @Override
      public long compressedBytes() {
        long c = current.getCompressedSize();
        return c < 0 ? -1 : c;
      }

      @Override
      public long declaredSize() {
        return current.getSize();
      }

      @Override
      public String unsupported() {
        if (zip.canReadEntryData(current)) {
          return null;
        }
        return current.getGeneralPurposeBit().usesEncryption() ? "the entry is encrypted"
            : "compression method " + current.getMethod() + " is not supported";
      }

      private void closeOpen() throws IOException {
        if (open != null) {
          open.close();
          open = null;
        }
      }
    };
  }

  /**
   * Entries of a zip from its local headers, for a zip whose central directory cannot be read;
   * entry types are not known there, so every entry that is not a directory is taken as a file.
   */
  private static Walker streamingZipWalker(InputStream raw, Budget budget) {
    ZipArchiveInputStream zip = new ZipArchiveInputStream(raw, StandardCharsets.UTF_8.name(), true, true);
    return new Walker() {
      int index = -1;

      @Override
      public Entry next() throws IOException {
        ZipArchiveEntry current = zip.getNextEntry();
        if (current == null) {
          return null;
        }
        index++;
        return new Entry(index, current.getName(), current.isDirectory() ? Type.DIRECTORY : Type.FILE, null, null);
      }

      @Override
      public InputStream content() {
        return new BudgetStream(nonClosing(zip), budget);
      }

      @Override
      public long compressedBytes() {
        return zip.getCompressedCount();
      }

      @Override
      public boolean cheapSkip() {
        return false; // with a data descriptor, skipping an entry inflates it
      }
    };
  }

  private static Walker open(Layout layout, InputStream raw, Budget budget) throws IOException {
    CountingStream counted = new CountingStream(raw);
    InputStream decompressed = switch (layout) {
      case TAR -> counted;
      case TAR_GZ -> new GzipCompressorInputStream(counted, true);
      case TAR_ZST -> new ZstdInputStream(counted);
      default -> throw new IllegalStateException();
    };
    TarArchiveInputStream tar = new TarArchiveInputStream(new BudgetStream(decompressed, budget), StandardCharsets.UTF_8.name());
    return new Walker() {
      int index = -1;
      long rawAtStart;

      @Override
      public Entry next() throws IOException {
        TarArchiveEntry e = tar.getNextEntry();
        if (e == null) {
          return null;
        }
        index++;
        rawAtStart = counted.count;
        Type t;
        String special = null;
        if (e.isSymbolicLink()) {
          t = Type.SYMLINK;
        } else if (e.isLink()) {
          t = Type.HARDLINK;
        } else if (e.isDirectory()) {
          t = Type.DIRECTORY;
        } else if ((e.getLinkFlag() == TarConstants.LF_NORMAL || e.getLinkFlag() == TarConstants.LF_OLDNORM
            || e.getLinkFlag() == TarConstants.LF_CONTIG) && !e.isSparse() && !e.getName().endsWith("/")) {
          t = Type.FILE;
        } else {
          t = Type.SPECIAL;
          special = e.isCharacterDevice() ? "character device"
              : e.isBlockDevice() ? "block device"
              : e.isFIFO() ? "fifo"
              : e.isSparse() ? "sparse file" : "tar entry type '" + (char) e.getLinkFlag() + "' is not a regular file";
        }
        return new Entry(index, e.getName(), t, e.getLinkName(), special);
      }

      @Override
      public InputStream content() {
        return nonClosing(tar);
      }

      @Override
      public long compressedBytes() {
        return layout == Layout.TAR ? -1 : counted.count - rawAtStart;
      }
    };
  }

  // ---------------------------------------------------------------- helpers

  private static InputStream nonClosing(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public void close() {}
    };
  }

  /** Swallows bytes (to finish hashing a stream). */
  private static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }

  private static String message(Throwable e) {
    String m = e.getMessage();
    String s = e.getClass().getSimpleName() + (m == null ? "" : ": " + m.split("\n")[0]);
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }

  private static String printable(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length() && i < 300; i++) {
      char c = s.charAt(i);
      b.append(c < 0x20 ? String.format("\\x%02x", (int) c) : String.valueOf(c));
    }
    return b.toString();
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
