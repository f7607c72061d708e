package org.provenant.pipelines.output;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.provenant.pipelines.io.BeamInputFile;
import org.provenant.schemas.manifest.ManifestJson;
import org.provenant.schemas.manifest.RunManifest;

/**
 * A curation output directory as a reader sees it: its manifest, its shard files, and their rows.
 * Works on any Beam filesystem.
 */
public final class OutputDir {
  private final String root;
  private final ResourceId rootId;

  public OutputDir(String root) {
    this.root = root;
    this.rootId = FileSystems.matchNewResource(root, true);
  }

  public String root() {
    return root;
  }

  public ResourceId resolve(String relative) {
    return rootId.resolve(relative, StandardResolveOptions.RESOLVE_FILE);
  }

  /** The manifest, or empty when the run did not finish (or this is not an output directory). */
  public Optional<RunManifest> manifest() throws IOException {
    Optional<byte[]> bytes = readIfExists(resolve("manifest.json"));
    return bytes.map(b -> ManifestJson.read(b, RunManifest.class));
  }

  /** Files matching {@code pattern} under the root (e.g. {@code data/*.parquet}), sorted by name. */
  public List<MatchResult.Metadata> list(String pattern) throws IOException {
    MatchResult m = FileSystems.match(resolve(pattern).toString(), EmptyMatchTreatment.ALLOW);
    if (m.status() != MatchResult.Status.OK) {
      return List.of();
    }
    List<MatchResult.Metadata> out = new ArrayList<>(m.metadata());
    out.sort(Comparator.comparing(x -> x.resourceId().toString()));
    return out;
  }

  public static Optional<byte[]> readIfExists(ResourceId id) throws IOException {
    try (InputStream in = Channels.newInputStream(FileSystems.open(id))) {
      return Optional.of(in.readAllBytes());
    } catch (FileNotFoundException | java.nio.file.NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** sha256 (hex) and size of a file. */
  public static String[] sha256AndSize(ResourceId id) throws IOException {
    try (InputStream in = Channels.newInputStream(FileSystems.open(id))) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      long size = 0;
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
        size += n;
      }
      return new String[] {com.google.common.io.BaseEncoding.base16().lowerCase().encode(md.digest()), Long.toString(size)};
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Row count from a Parquet footer. */
  public static long rowCount(MatchResult.Metadata file) throws IOException {
    try (ParquetFileReader r = ParquetFileReader.open(new BeamInputFile(file.resourceId(), file.sizeBytes()))) {
      return r.getRecordCount();
    }
  }

  /** Every row of a shard, in file order. */
  public static void forEachRow(MatchResult.Metadata file, Consumer<GenericRecord> action) throws IOException {
    try (ParquetReader<GenericRecord> r =
        AvroParquetReader.<GenericRecord>builder(new BeamInputFile(file.resourceId(), file.sizeBytes()))
            .withConf(new Configuration(false))
            .build()) {
      GenericRecord rec;
      while ((rec = r.read()) != null) {
        action.accept(rec);
      }
    }
  }
}
