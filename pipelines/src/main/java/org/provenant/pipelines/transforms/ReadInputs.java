package org.provenant.pipelines.transforms;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.provenant.pipelines.coders.AvroRowCoder;
import org.provenant.pipelines.coders.CandidateCoder;
import org.provenant.pipelines.coders.Encoded;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Paths;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.provenant.filters.code.CodePackageReader;
import org.provenant.filters.license.MavenRepositoryLayout;
import org.provenant.filters.code.PackageLicensing;
import org.provenant.filters.license.SpdxPackageLicensing;
import org.provenant.filters.read.Candidate;
import org.provenant.filters.read.InputFormat;
import org.provenant.filters.read.JsonlFileReader;
import org.provenant.filters.read.ReadSink;
import org.provenant.filters.read.ReadSummary;
import org.provenant.filters.read.WarcFileReader;
import org.provenant.pipelines.Progress;
import org.provenant.pipelines.config.CurationConfig;
import org.provenant.pipelines.io.ParquetTextReader;
import org.provenant.schemas.Rejection;
import org.provenant.schemas.manifest.InputFileEntry;

/**
 * Reads the input files, one file per element so that reading is split by file and streams:
 * candidates, the candidates that could not be read (as rejections), and one {@link
 * InputFileEntry} per file with its size, sha256 and records by type. An input ending in {@code /}
 * is a local directory read as one code package ({@link CodePackageReader#readDirectory}); its
 * entry's uri has no trailing slash, its sha256 is the reader's tree digest. Candidates come out
 * spread over the workers (a file is read by one worker).
 */
public final class ReadInputs extends PTransform<PBegin, PCollectionTuple> {
  /**
   * Licences of code files: full text matching against the SPDX licence list (loaded once per JVM),
   * package manifests, REUSE and SPDX headers; one instance per package read, since it caches the
   * package's resolution.
   */
  private static PackageLicensing licensing() {
    return new SpdxPackageLicensing();
  }

  public static final TupleTag<Candidate> CANDIDATES = new TupleTag<>() {};
  public static final TupleTag<Rejection> REJECTED = new TupleTag<>() {};
  public static final TupleTag<InputFileEntry> FILES = new TupleTag<>() {};

  private final List<String> files;
  private final CurationConfig.Read limits;

  private ReadInputs(List<String> files, CurationConfig.Read limits) {
    this.files = ImmutableList.copyOf(files);
    this.limits = limits;
  }

  /** Reads {@code files} (matched, absolute URIs) with the reader limits of {@code limits}. */
  public static ReadInputs of(List<String> files, CurationConfig.Read limits) {
    return new ReadInputs(files, limits);
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    List<String> plainFiles = files.stream().filter(f -> !f.endsWith("/")).toList();
    List<String> directories = files.stream().filter(f -> f.endsWith("/")).toList();
    List<PCollectionTuple> parts = new java.util.ArrayList<>();
    if (!plainFiles.isEmpty() || directories.isEmpty()) {
      parts.add(begin
          .apply("ListFiles", Create.of(plainFiles).withCoder(StringUtf8Coder.of()))
          .apply("MatchFiles", FileIO.matchAll())
          .apply("OpenFiles", FileIO.readMatches().withCompression(Compression.UNCOMPRESSED))
          .apply("SpreadFiles", Reshuffle.viaRandomKey())
          .apply("ReadRecords", ParDo.of(new ReadFileFn(limits)).withOutputTags(CANDIDATE_ROWS, TupleTagList.of(REJECTED).and(FILES))));
    }
    if (!directories.isEmpty()) {
      parts.add(begin
          .apply("ListDirectories", Create.of(directories).withCoder(StringUtf8Coder.of()))
          .apply("SpreadDirectories", Reshuffle.viaRandomKey())
          .apply("ReadDirectories", ParDo.of(new ReadDirectoryFn(limits)).withOutputTags(CANDIDATE_ROWS, TupleTagList.of(REJECTED).and(FILES))));
    }
    PCollectionList<KV<Integer, byte[]>> rows = PCollectionList.empty(begin.getPipeline());
    PCollectionList<Rejection> rejected = PCollectionList.empty(begin.getPipeline());
    PCollectionList<InputFileEntry> entries = PCollectionList.empty(begin.getPipeline());
    for (PCollectionTuple part : parts) {
      rows = rows.and(part.get(CANDIDATE_ROWS).setCoder(KvCoder.of(VarIntCoder.of(), ByteArrayCoder.of())));
      rejected = rejected.and(part.get(REJECTED).setCoder(AvroRowCoder.rejections()));
      entries = entries.and(part.get(FILES).setCoder(SerializableCoder.of(InputFileEntry.class)));
    }
    // a large file is read by one worker, and whatever follows without a shuffle stays on it:
    // the records are spread so that extraction, the steps and dedup's signing use every worker
    PCollection<Candidate> candidates = rows.apply("AllCandidates", Flatten.pCollections())
        .apply("SpreadRecords", GroupByKey.create())
        .apply("DecodeCandidates", ParDo.of(new UngroupFn())).setCoder(CandidateCoder.of());
    return PCollectionTuple.of(CANDIDATES, candidates)
        .and(REJECTED, rejected.apply("AllReadRejections", Flatten.pCollections()).setCoder(AvroRowCoder.rejections()))
        .and(FILES, entries.apply("AllInputs", Flatten.pCollections()).setCoder(SerializableCoder.of(InputFileEntry.class)));
  }

  /**
   * Candidates leave the three-output read {@code ParDo} as bytes ({@link Encoded}) under a spread
   * key: a hash of the source, so the spread is the same on every run.
   */
  private static final TupleTag<KV<Integer, byte[]>> CANDIDATE_ROWS = new TupleTag<>() {};
  /** Keys of the spread: many more than workers, few enough that each group holds many records. */
  static final int SPREAD_KEYS = 4096;

  static KV<Integer, byte[]> spreadRow(Candidate c) {
    int h = c.source().uri().hashCode() * 31 + Long.hashCode(c.source().offset());
    return KV.of(Math.floorMod(h, SPREAD_KEYS), Encoded.bytes(CandidateCoder.of(), c));
  }

  static final class UngroupFn extends DoFn<KV<Integer, Iterable<byte[]>>, Candidate> {
    @ProcessElement
    public void process(@Element KV<Integer, Iterable<byte[]>> group, OutputReceiver<Candidate> out) {
      for (byte[] b : group.getValue()) {
        out.output(Encoded.value(CandidateCoder.of(), b));
      }
    }
  }

  /** Reads one whole file with the reader its name calls for. */
  static final class ReadFileFn extends DoFn<FileIO.ReadableFile, KV<Integer, byte[]>> {
    private final Counter filesRead = Metrics.counter(ReadInputs.class, "files_read");
    private final Counter candidatesRead = Metrics.counter(ReadInputs.class, "candidates");
    private final Counter readRejections = Metrics.counter(ReadInputs.class, "rejected_while_reading");
    private final Counter recordsRead = Metrics.counter(ReadInputs.class, "records_read");
    private final CurationConfig.Read limits;

    ReadFileFn(CurationConfig.Read limits) {
      this.limits = limits;
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
      String uri = file.getMetadata().resourceId().toString();
      String name = file.getMetadata().resourceId().getFilename();
      Optional<InputFormat> format = InputFormat.forFileName(name == null ? uri : name);
      ReadSink sink = sink(out, candidatesRead, readRejections);
      if (format.isEmpty()) {
        out.get(FILES).output(new InputFileEntry(uri, "unknown", file.getMetadata().sizeBytes(), hashOnly(file), 0, null, 0, "unsupported input format: " + name));
        return;
      }
      InputFileEntry entry;
      try {
        entry = switch (format.get()) {
          case WARC, JSONL -> readStream(file, uri, format.get(), sink);
          case PARQUET -> readParquet(file, uri, sink);
          case CODE -> readCode(file, uri, sink);
        };
      } catch (IOException e) {
        entry = new InputFileEntry(uri, format.get().code(), file.getMetadata().sizeBytes(), hashOnly(file), 0, null, 0, "cannot read file: " + e.getMessage());
      }
      recordsRead.inc(entry.recordsRead());
      filesRead.inc();
      Progress.FILES_DONE.incrementAndGet();
      Progress.BYTES_READ.addAndGet(entry.bytes());
      out.get(FILES).output(entry);
    }

    private InputFileEntry readStream(FileIO.ReadableFile file, String uri, InputFormat format, ReadSink sink) throws IOException {
      try (InputStream raw = Channels.newInputStream(file.open());
          DigestingInputStream in = new DigestingInputStream(new java.io.BufferedInputStream(raw, 1 << 16))) {
        ReadSummary s = format == InputFormat.WARC
            ? new WarcFileReader(limits.maxPayloadBytes()).read(uri, in, sink)
            : new JsonlFileReader(limits.maxLineBytes()).read(uri, nonClosing(in), sink);
        in.drain();
        return entry(uri, in.count(), in.sha256Hex(), s);
      }
    }

    private InputFileEntry readCode(FileIO.ReadableFile file, String uri, ReadSink sink) throws IOException {
      CodePackageReader.Opener opener = new CodePackageReader.Opener() {
        @Override
        public InputStream open() throws IOException {
          return Channels.newInputStream(file.open());
        }

        @Override
        public SeekableByteChannel openSeekable() throws IOException {
          return file.openSeekable();
        }
      };
      String name = file.getMetadata().resourceId().getFilename();
      Map<String, String> beside = MavenRepositoryLayout.poms(name == null ? "" : name, rel -> readBeside(uri, rel));
      CodePackageReader.PackageRead r = new CodePackageReader(limits.code().limits(), licensing()).readArchive(uri, opener, beside, sink);
      return entry(uri, r.bytes(), r.sha256(), r.summary());
    }

    /** Longest pom read beside an archive. */
    private static final int MAX_BESIDE_BYTES = 1 << 20;

    /**
     * The text of the file at {@code rel} (relative to the directory of the archive at {@code
     * uri}), or empty when it does not exist or cannot be read as UTF-8 within {@value
     * #MAX_BESIDE_BYTES} bytes.
     */
    static Optional<String> readBeside(String uri, String rel) {
      try {
        boolean local = !uri.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*");
        java.net.URI base = local ? Paths.get(uri).toUri() : java.net.URI.create(uri);
        java.net.URI resolved = base.resolve(new java.net.URI(null, null, rel, null)).normalize();
        String target = local ? Paths.get(resolved).toString() : resolved.toString();
        org.apache.beam.sdk.io.fs.MatchResult m = org.apache.beam.sdk.io.FileSystems.match(target);
        if (m.status() != org.apache.beam.sdk.io.fs.MatchResult.Status.OK || m.metadata().size() != 1
            || m.metadata().get(0).sizeBytes() > MAX_BESIDE_BYTES) {
          return Optional.empty();
        }
        try (InputStream in = Channels.newInputStream(org.apache.beam.sdk.io.FileSystems.open(m.metadata().get(0).resourceId()))) {
          byte[] b = in.readNBytes(MAX_BESIDE_BYTES + 1);
          return b.length > MAX_BESIDE_BYTES ? Optional.empty() : Optional.of(new String(b, java.nio.charset.StandardCharsets.UTF_8));
        }
      } catch (IOException | IllegalArgumentException | java.net.URISyntaxException e) {
        return Optional.empty();
      }
    }

    private InputFileEntry readParquet(FileIO.ReadableFile file, String uri, ReadSink sink) throws IOException {
      long size;
      String sha;
      try (DigestingInputStream in = new DigestingInputStream(Channels.newInputStream(file.open()))) {
        in.drain();
        size = in.count();
        sha = in.sha256Hex();
      }
      ReadSummary s = new ParquetTextReader().read(uri, file.getMetadata().resourceId(), size, sink);
      return entry(uri, size, sha, s);
    }

    static InputFileEntry entry(String uri, long bytes, String sha, ReadSummary s) {
      return new InputFileEntry(uri, s.format().code(), bytes, sha, s.recordsRead(), s.recordsByType(), s.candidates(), s.error());
    }

    private static String hashOnly(FileIO.ReadableFile file) {
      try (DigestingInputStream in = new DigestingInputStream(Channels.newInputStream(file.open()))) {
        in.drain();
        return in.sha256Hex();
      } catch (IOException e) {
        return "0".repeat(64);
      }
    }

    static ReadSink sink(MultiOutputReceiver out, Counter candidatesRead, Counter readRejections) {
      return new ReadSink() {
        @Override
        public void candidate(Candidate c) {
          candidatesRead.inc();
          Progress.RECORDS_READ.incrementAndGet();
          out.get(CANDIDATE_ROWS).output(spreadRow(c));
        }

        @Override
        public void rejected(Rejection r) {
          readRejections.inc();
          Progress.RECORDS_READ.incrementAndGet();
          out.get(REJECTED).output(r);
        }
      };
    }

    private static InputStream nonClosing(InputStream in) {
      return new java.io.FilterInputStream(in) {
        @Override
        public void close() {}
      };
    }
  }

  /** Reads one local directory as one code package. */
  static final class ReadDirectoryFn extends DoFn<String, KV<Integer, byte[]>> {
    private final Counter dirsRead = Metrics.counter(ReadInputs.class, "directories_read");
    private final Counter candidatesRead = Metrics.counter(ReadInputs.class, "candidates");
    private final Counter readRejections = Metrics.counter(ReadInputs.class, "rejected_while_reading");
    private final Counter recordsRead = Metrics.counter(ReadInputs.class, "records_read");
    private final CurationConfig.Read limits;

    ReadDirectoryFn(CurationConfig.Read limits) {
      this.limits = limits;
    }

    @ProcessElement
    public void process(@Element String dir, MultiOutputReceiver out) {
      String uri = dir.substring(0, dir.length() - 1);
      ReadSink sink = ReadFileFn.sink(out, candidatesRead, readRejections);
      InputFileEntry entry;
      try {
        CodePackageReader.PackageRead r = new CodePackageReader(limits.code().limits(), licensing())
            .readDirectory(uri, Paths.get(uri), sink);
        entry = ReadFileFn.entry(uri, r.bytes(), r.sha256(), r.summary());
      } catch (IOException e) {
        entry = new InputFileEntry(uri, InputFormat.CODE.code(), 0, "0".repeat(64), 0, null, 0, "cannot read directory: " + e.getMessage());
      }
      recordsRead.inc(entry.recordsRead());
      dirsRead.inc();
      Progress.FILES_DONE.incrementAndGet();
      Progress.BYTES_READ.addAndGet(entry.bytes());
      out.get(FILES).output(entry);
    }
  }
}
