package org.provenant.pipelines.transforms;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.Read;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MetadataCoderV2;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.provenant.filters.code.CodePackageReader;
import org.provenant.filters.code.PackageLicensing;
import org.provenant.filters.license.MavenRepository;
import org.provenant.filters.license.MavenRepositoryLayout;
import org.provenant.filters.license.SpdxPackageLicensing;
import org.provenant.filters.read.Candidate;
import org.provenant.filters.read.InputFormat;
import org.provenant.filters.read.JsonlFileReader;
import org.provenant.filters.read.JsonlRanges;
import org.provenant.filters.read.ReadSink;
import org.provenant.filters.read.ReadSummary;
import org.provenant.filters.read.WarcFileReader;
import org.provenant.pipelines.Progress;
import org.provenant.pipelines.coders.AvroRowCoder;
import org.provenant.pipelines.coders.CandidateCoder;
import org.provenant.pipelines.coders.Encoded;
import org.provenant.pipelines.config.CurationConfig;
import org.provenant.pipelines.io.InputFilesSource;
import org.provenant.pipelines.io.ParquetTextReader;
import org.provenant.schemas.Rejection;
import org.provenant.schemas.manifest.InputFileEntry;

/**
 * Reads the input files, one file per element so that reading is split by file and streams:
 * candidates, the candidates that could not be read (as rejections), and one {@link
 * InputFileEntry} per file with its size, sha256 and records by type. An input ending in {@code /}
 * is a local directory read as one code package ({@link CodePackageReader#readDirectory}); its
 * entry's uri has no trailing slash, its sha256 is the reader's tree digest. Candidates come out
 * spread over the workers: a file is read by one worker, and its records are then spread when one
 * file is a large share of the input ({@link #spreadRecords}), except an uncompressed JSONL file
 * over {@code read.split_bytes}, which every worker reads a range of
 * ({@link JsonlRanges}: one pass counts the ranges' newlines, another reads them, while one worker
 * hashes the whole file).
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
    // large uncompressed JSONL files are read in ranges; their sizes are looked up now, and a file
    // whose size cannot be had now is read whole
    Map<String, Long> sizes = new java.util.TreeMap<>();
    for (String f : plainFiles) {
      sizeNow(f).filter(n -> n > limits.splitBytes() && InputFormat.forFileName(f).orElse(null) == InputFormat.JSONL
          && JsonlFileReader.splittable(f)).ifPresent(n -> sizes.put(f, n));
    }
    List<String> wholeFiles = plainFiles.stream().filter(f -> !sizes.containsKey(f)).toList();
    List<PCollectionTuple> parts = new java.util.ArrayList<>();
    PCollectionList<Candidate> candidates = PCollectionList.empty(begin.getPipeline());
    PCollectionList<Rejection> rejected = PCollectionList.empty(begin.getPipeline());
    PCollectionList<InputFileEntry> entries = PCollectionList.empty(begin.getPipeline());
    if (!wholeFiles.isEmpty() || files.isEmpty()) {
      parts.add(begin
          // each file a split that an idle worker takes, largest first: no shuffle before reading
          .apply("ListFiles", Read.from(InputFilesSource.of(wholeFiles.stream()
              .map(f -> new InputFilesSource.InputFile(f, sizeNow(f).orElse(0L))).toList())))
          .apply("MatchFiles", ParDo.of(new MatchFileFn())).setCoder(MetadataCoderV2.of())
          .apply("OpenFiles", FileIO.readMatches().withCompression(Compression.UNCOMPRESSED))
          .apply("ReadRecords", ParDo.of(new ReadFileFn(limits)).withOutputTags(CANDIDATE_ROWS, TupleTagList.of(REJECTED).and(FILES))));
    }
    if (!directories.isEmpty()) {
      parts.add(begin
          .apply("ListDirectories", Create.of(directories).withCoder(StringUtf8Coder.of()))
          .apply("SpreadDirectories", Reshuffle.viaRandomKey())
          .apply("ReadDirectories", ParDo.of(new ReadDirectoryFn(limits)).withOutputTags(CANDIDATE_ROWS, TupleTagList.of(REJECTED).and(FILES))));
    }
    if (!sizes.isEmpty()) {
      // scan the nominal ranges (and hash each whole file), plan the ranges by file, read them
      List<KV<Integer, RangeTask>> tasks = new java.util.ArrayList<>();
      sizes.forEach((uri, size) -> {
        tasks.add(spread(new RangeTask(uri, size, null, null, null)));
        JsonlRanges.splits(size, limits.splitBytes()).forEach(split -> tasks.add(spread(new RangeTask(uri, size, split, null, null))));
      });
      KvCoder<Integer, RangeTask> taskKv = KvCoder.of(VarIntCoder.of(), SerializableCoder.of(RangeTask.class));
      KvCoder<String, RangeFacts> factsKv = KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(RangeFacts.class));
      PCollectionTuple planned = begin
          .apply("ListSplits", Create.of(tasks).withCoder(taskKv))
          .apply("SpreadSplits", GroupByKey.create())
          .apply("ScanSplits", ParDo.of(new ScanSplitFn())).setCoder(factsKv)
          .apply("GroupScansByFile", GroupByKey.create())
          .apply("PlanRanges", ParDo.of(new PlanRangesFn()).withOutputTags(RANGES, TupleTagList.of(FILES)));
      PCollectionTuple ranges = planned.get(RANGES).setCoder(taskKv)
          .apply("SpreadRanges", GroupByKey.create())
          .apply("ReadRanges", ParDo.of(new ReadRangeFn(limits)).withOutputTags(RANGE_CANDIDATES, TupleTagList.of(REJECTED).and(RANGE_FACTS)));
      candidates = candidates.and(ranges.get(RANGE_CANDIDATES).setCoder(ByteArrayCoder.of())
          .apply("DecodeRangeCandidates", Encoded.decode(CandidateCoder.of())));
      rejected = rejected.and(ranges.get(REJECTED).setCoder(AvroRowCoder.rejections()));
      entries = entries
          .and(planned.get(FILES).setCoder(SerializableCoder.of(InputFileEntry.class)))
          .and(ranges.get(RANGE_FACTS).setCoder(factsKv)
              .apply("GroupRangesByFile", GroupByKey.create())
              .apply("FileEntries", ParDo.of(new FileEntryFn())).setCoder(SerializableCoder.of(InputFileEntry.class)));
    }
    if (!parts.isEmpty()) {
      PCollectionList<KV<Integer, byte[]>> rows = PCollectionList.empty(begin.getPipeline());
      for (PCollectionTuple part : parts) {
        rows = rows.and(part.get(CANDIDATE_ROWS).setCoder(KvCoder.of(VarIntCoder.of(), ByteArrayCoder.of())));
        rejected = rejected.and(part.get(REJECTED).setCoder(AvroRowCoder.rejections()));
        entries = entries.and(part.get(FILES).setCoder(SerializableCoder.of(InputFileEntry.class)));
      }
      // a large file is read by one worker, and whatever follows without a shuffle stays on it:
      // then the records are spread so that extraction, the steps and dedup's signing use every
      // worker. When no file is a large share of the input, the files are spread enough and
      // reading, extraction, the steps and signing stay one fused stage (no shuffle of raw records)
      PCollection<KV<Integer, byte[]>> allRows = rows.apply("AllCandidates", Flatten.pCollections());
      candidates = candidates.and(spreadRecords(wholeFiles, directories)
          ? allRows.apply("SpreadRecords", GroupByKey.create())
              .apply("DecodeCandidates", ParDo.of(new UngroupFn())).setCoder(CandidateCoder.of())
          : allRows.apply("DecodeCandidates", ParDo.of(new DecodeRowFn())).setCoder(CandidateCoder.of()));
    }
    // one source of candidates is passed on as it is: a Flatten would cut Flink's operator chain
    // and copy every candidate between reading and extraction
    PCollection<Candidate> all = candidates.size() == 1 ? candidates.get(0)
        : candidates.apply("AllCandidatesRead", Flatten.pCollections()).setCoder(CandidateCoder.of());
    return PCollectionTuple.of(CANDIDATES, all)
        .and(REJECTED, rejected.apply("AllReadRejections", Flatten.pCollections()).setCoder(AvroRowCoder.rejections()))
        .and(FILES, entries.apply("AllInputs", Flatten.pCollections()).setCoder(SerializableCoder.of(InputFileEntry.class)));
  }

  private static KV<Integer, RangeTask> spread(RangeTask t) {
    return KV.of(t.spreadKey(), t);
  }

  /** The size of the file at {@code uri} as the file system gives it now, if it can. */
  static Optional<Long> sizeNow(String uri) {
    try {
      org.apache.beam.sdk.io.fs.MatchResult m = org.apache.beam.sdk.io.FileSystems.match(uri);
      if (m.status() == org.apache.beam.sdk.io.fs.MatchResult.Status.OK && m.metadata().size() == 1) {
        return Optional.of(m.metadata().get(0).sizeBytes());
      }
    } catch (IOException | RuntimeException e) {
      // not reachable from here (a remote file system without credentials): read it whole
    }
    return Optional.empty();
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

  /**
   * A file holding more than this share of the input's bytes makes the records be spread: more than
   * one worker's share of the input when it runs on 8 workers, where the worker reading that file
   * would finish last. 16 spread a 42-file input of 500 pages a file (its largest file held 1/15).
   */
  static final int SPREAD_SHARE_DIVISOR = 8;

  /**
   * Whether records must be spread after reading: when some input's size is not known here (a
   * directory, or a file system not reachable from the launcher), or when one file holds more
   * than 1/{@value #SPREAD_SHARE_DIVISOR} of the input's bytes (so there are fewer than that many
   * files, or one dominates). The choice changes how work is placed, never what is written.
   */
  public static boolean spreadRecords(List<String> wholeFiles, List<String> directories) {
    if (!directories.isEmpty() || wholeFiles.isEmpty()) {
      return true;
    }
    long total = 0;
    long largest = 0;
    for (String f : wholeFiles) {
      Optional<Long> size = sizeNow(f);
      if (size.isEmpty()) {
        return true;
      }
      total += size.get();
      largest = Math.max(largest, size.get());
    }
    return largest * SPREAD_SHARE_DIVISOR > total;
  }

  /** The metadata (size, last modified) of one input file, looked up where it is read. */
  static final class MatchFileFn extends DoFn<String, MatchResult.Metadata> {
    @ProcessElement
    public void process(@Element String uri, OutputReceiver<MatchResult.Metadata> out) throws IOException {
      out.output(org.apache.beam.sdk.io.FileSystems.matchSingleFileSpec(uri));
    }
  }

  /** A record read and encoded under its spread key, passed on without a shuffle. */
  static final class DecodeRowFn extends DoFn<KV<Integer, byte[]>, Candidate> {
    @ProcessElement
    public void process(@Element KV<Integer, byte[]> row, OutputReceiver<Candidate> out) {
      out.output(Encoded.value(CandidateCoder.of(), row.getValue()));
    }
  }

  static final class UngroupFn extends DoFn<KV<Integer, Iterable<byte[]>>, Candidate> {
    @ProcessElement
    public void process(@Element KV<Integer, Iterable<byte[]>> group, OutputReceiver<Candidate> out) {
      for (byte[] b : group.getValue()) {
        out.output(Encoded.value(CandidateCoder.of(), b));
      }
    }
  }

  /** Planned ranges to read, under a spread key. */
  private static final TupleTag<KV<Integer, RangeTask>> RANGES = new TupleTag<>() {};
  /** Candidates read from ranges, as bytes ({@link Encoded}). */
  private static final TupleTag<byte[]> RANGE_CANDIDATES = new TupleTag<>() {};
  /** What each range scan or range read found, by file uri. */
  private static final TupleTag<KV<String, RangeFacts>> RANGE_FACTS = new TupleTag<>() {};

  /**
   * One task on a file read in ranges: {@code split} to scan, {@code range} to read, or neither
   * (hash the whole file); {@code sha256} is set once the file is hashed.
   */
  record RangeTask(String uri, long size, JsonlRanges.Split split, JsonlRanges.Range range, String sha256)
      implements java.io.Serializable {
    int spreadKey() {
      int index = split != null ? split.index() : range != null ? range.index() : -1;
      return Math.floorMod(uri.hashCode() * 31 + index, SPREAD_KEYS);
    }
  }

  /**
   * A scan (with {@code scan}), the hash of a file (with {@code sha256}), or what a range read
   * found ({@code records}, {@code candidates}); {@code error} when reading failed.
   */
  record RangeFacts(long size, JsonlRanges.Scan scan, String sha256, long records, long candidates, int rangeIndex, String error)
      implements java.io.Serializable {}

  /** The file at {@code uri} from byte {@code position} (a seek where the file system allows it). */
  static InputStream openAt(String uri, long position) throws IOException {
    org.apache.beam.sdk.io.fs.ResourceId id = org.apache.beam.sdk.io.FileSystems.matchSingleFileSpec(uri).resourceId();
    java.nio.channels.ReadableByteChannel ch = org.apache.beam.sdk.io.FileSystems.open(id);
    InputStream in = Channels.newInputStream(ch);
    if (position > 0) {
      if (ch instanceof SeekableByteChannel seekable) {
        seekable.position(position);
      } else {
        in.skipNBytes(position);
      }
    }
    return in;
  }

  /** Scans one nominal range, or hashes the whole file. */
  static final class ScanSplitFn extends DoFn<KV<Integer, Iterable<RangeTask>>, KV<String, RangeFacts>> {
    @ProcessElement
    public void process(@Element KV<Integer, Iterable<RangeTask>> tasks, OutputReceiver<KV<String, RangeFacts>> out) {
      for (RangeTask t : tasks.getValue()) {
        try {
          if (t.split() == null) {
            try (DigestingInputStream in = new DigestingInputStream(openAt(t.uri(), 0))) {
              in.drain();
              // the ranges were planned on the size the file had when the pipeline was built
              String changed = in.count() == t.size() ? null
                  : "cannot read file: it changed while it was read (" + in.count() + " bytes, " + t.size() + " when planned)";
              out.output(KV.of(t.uri(), new RangeFacts(t.size(), null, in.sha256Hex(), 0, 0, -1, changed)));
            }
          } else {
            long from = t.split().start() == 0 ? 0 : t.split().start() - 1;
            try (InputStream in = openAt(t.uri(), from)) {
              out.output(KV.of(t.uri(), new RangeFacts(t.size(), JsonlRanges.scan(t.split(), t.size(), in), null, 0, 0, t.split().index(), null)));
            }
          }
        } catch (IOException e) {
          out.output(KV.of(t.uri(), new RangeFacts(t.size(), null, null, 0, 0, t.split() == null ? -1 : t.split().index(),
              "cannot read file: " + e.getMessage())));
        }
      }
    }
  }

  /** Turns the scans of one file into ranges to read, or its entry when a scan failed. */
  static final class PlanRangesFn extends DoFn<KV<String, Iterable<RangeFacts>>, KV<Integer, RangeTask>> {
    @ProcessElement
    public void process(@Element KV<String, Iterable<RangeFacts>> file, MultiOutputReceiver out) {
      String uri = file.getKey();
      List<JsonlRanges.Scan> scans = new java.util.ArrayList<>();
      String sha = null;
      long size = 0;
      String error = null;
      for (RangeFacts f : file.getValue()) {
        size = f.size();
        if (f.error() != null && (error == null || f.error().compareTo(error) < 0)) {
          error = f.error();
        }
        if (f.scan() != null) {
          scans.add(f.scan());
        }
        if (f.sha256() != null) {
          sha = f.sha256();
        }
      }
      if (error != null || sha == null) {
        out.get(FILES).output(new InputFileEntry(uri, InputFormat.JSONL.code(), size, sha == null ? "0".repeat(64) : sha, 0, null, 0,
            error == null ? "cannot read file: not hashed" : error));
        return;
      }
      for (JsonlRanges.Range r : JsonlRanges.plan(scans, size)) {
        RangeTask t = new RangeTask(uri, size, null, r, sha);
        out.get(RANGES).output(KV.of(t.spreadKey(), t));
      }
    }
  }

  /** Reads the lines of planned ranges. */
  static final class ReadRangeFn extends DoFn<KV<Integer, Iterable<RangeTask>>, byte[]> {
    private final Counter candidatesRead = Metrics.counter(ReadInputs.class, "candidates");
    private final Counter readRejections = Metrics.counter(ReadInputs.class, "rejected_while_reading");
    private final CurationConfig.Read limits;

    ReadRangeFn(CurationConfig.Read limits) {
      this.limits = limits;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<RangeTask>> tasks, MultiOutputReceiver out) {
      ReadSink sink = ReadFileFn.sink(out, c -> out.get(RANGE_CANDIDATES).output(Encoded.bytes(CandidateCoder.of(), c)),
          candidatesRead, readRejections);
      for (RangeTask t : tasks.getValue()) {
        JsonlRanges.Range r = t.range();
        RangeFacts facts;
        try (InputStream in = openAt(t.uri(), r.start())) {
          ReadSummary s = new JsonlFileReader(limits.maxLineBytes()).readRange(t.uri(), in, r.start(), r.end(), r.linesBefore(), sink);
          facts = new RangeFacts(t.size(), null, t.sha256(), s.recordsRead(), s.candidates(), r.index(), s.error());
        } catch (IOException e) {
          facts = new RangeFacts(t.size(), null, t.sha256(), 0, 0, r.index(), "cannot read file: " + e.getMessage());
        }
        out.get(RANGE_FACTS).output(KV.of(t.uri(), facts));
      }
    }
  }

  /** The manifest entry of a file read in ranges, from what its ranges read. */
  static final class FileEntryFn extends DoFn<KV<String, Iterable<RangeFacts>>, InputFileEntry> {
    private final Counter filesRead = Metrics.counter(ReadInputs.class, "files_read");
    private final Counter recordsRead = Metrics.counter(ReadInputs.class, "records_read");

    @ProcessElement
    public void process(@Element KV<String, Iterable<RangeFacts>> file, OutputReceiver<InputFileEntry> out) {
      long size = 0;
      String sha = null;
      long records = 0;
      long candidates = 0;
      java.util.TreeMap<Integer, String> errors = new java.util.TreeMap<>();
      for (RangeFacts f : file.getValue()) {
        size = f.size();
        sha = f.sha256();
        records += f.records();
        candidates += f.candidates();
        if (f.error() != null) {
          errors.put(f.rangeIndex(), f.error());
        }
      }
      java.util.TreeMap<String, Long> byType = new java.util.TreeMap<>();
      if (records > 0) {
        byType.put("line", records);
      }
      recordsRead.inc(records);
      filesRead.inc();
      Progress.FILES_DONE.incrementAndGet();
      Progress.BYTES_READ.addAndGet(size);
      out.output(new InputFileEntry(file.getKey(), InputFormat.JSONL.code(), size, sha, records, byType, candidates,
          errors.isEmpty() ? null : errors.firstEntry().getValue()));
    }
  }

  private static final java.util.concurrent.ConcurrentMap<String, MavenRepository> REPOSITORIES = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The repository at {@code location}, one per location and JVM (its artifact index is built once):
   * a local directory is read directly, any other URI through Beam's filesystems.
   */
  static MavenRepository repository(String location) {
    return REPOSITORIES.computeIfAbsent(location, l -> l.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*") && !l.startsWith("file://")
        ? MavenRepository.of(new BeamRepositoryStore(l))
        : MavenRepository.directory(Paths.get(l.startsWith("file://") ? java.net.URI.create(l).getPath() : l)));
  }

  /** A Maven repository under a Beam filesystem URI ({@code gs://bucket/m2}). */
  static final class BeamRepositoryStore implements MavenRepository.Store {
    private final String root;

    BeamRepositoryStore(String root) {
      this.root = root.endsWith("/") ? root : root + "/";
    }

    @Override
    public Optional<String> read(String path) {
      return ReadFileFn.readBeside(root + "x", path);
    }

    @Override
    public List<String> find(String artifactId, String version) {
      try {
        org.apache.beam.sdk.io.fs.MatchResult m = org.apache.beam.sdk.io.FileSystems.match(
            root + "**/" + artifactId + "/" + version + "/" + artifactId + "-" + version + ".pom");
        if (m.status() != org.apache.beam.sdk.io.fs.MatchResult.Status.OK) {
          return List.of();
        }
        return m.metadata().stream().map(md -> md.resourceId().toString())
            .filter(u -> u.startsWith(root)).map(u -> u.substring(root.length())).sorted().toList();
      } catch (IOException | IllegalArgumentException e) {
        return List.of();
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
      Optional<MavenRepository> repository = limits.code().repository().map(ReadInputs::repository);
      CodePackageReader.OutsideFiles outside = (name, files) -> {
        // the pom beside the jar (a repository layout) first; else the named repository's
        Map<String, String> beside = MavenRepositoryLayout.poms(name, rel -> readBeside(uri, rel));
        return beside.isEmpty() && repository.isPresent() ? repository.get().poms(name, files) : beside;
      };
      CodePackageReader.PackageRead r = new CodePackageReader(limits.code().limits(), licensing()).readArchive(uri, opener, outside, sink);
      return entry(uri, r.bytes(), r.sha256(), r.summary());
    }

    /** Longest pom read beside an archive or from a repository. */
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

    /** Candidates to the spread ({@link #CANDIDATE_ROWS}), rejections to {@link #REJECTED}. */
    static ReadSink sink(MultiOutputReceiver out, Counter candidatesRead, Counter readRejections) {
      return sink(out, c -> out.get(CANDIDATE_ROWS).output(spreadRow(c)), candidatesRead, readRejections);
    }

    /** Candidates to {@code emit}, rejections to {@link #REJECTED}, each counted. */
    static ReadSink sink(MultiOutputReceiver out, java.util.function.Consumer<Candidate> emit, Counter candidatesRead, Counter readRejections) {
      return new ReadSink() {
        @Override
        public void candidate(Candidate c) {
          candidatesRead.inc();
          Progress.RECORDS_READ.incrementAndGet();
          emit.accept(c);
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
