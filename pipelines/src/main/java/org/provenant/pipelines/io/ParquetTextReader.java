package org.provenant.pipelines.io;

import java.io.IOException;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.provenant.filters.read.Candidate;
import org.provenant.filters.read.Digests;
import org.provenant.filters.read.InputFormat;
import org.provenant.filters.read.ReadSink;
import org.provenant.filters.read.ReadSummary;
import org.provenant.schemas.Kind;
import org.provenant.schemas.LineageEntry;
import org.provenant.schemas.Rejection;
import org.provenant.schemas.Source;

/**
 * Reads a Parquet file with a {@code text} column (and optional {@code id}, {@code url}, {@code
 * date}) as candidates of kind {@code text}; the offset is the row number. A file that does not
 * open or breaks while read ends with a {@code malformed_record} rejection saying where.
 */
public final class ParquetTextReader {
  public static final String STEP = "read_parquet@1";

  public ReadSummary read(String uri, ResourceId resource, long length, ReadSink sink) {
    String fileName = Digests.fileName(uri);
    long row = 0;
    long candidates = 0;
    String error = null;
    Configuration conf = new Configuration(false);
    try (ParquetReader<GenericRecord> reader =
        AvroParquetReader.<GenericRecord>builder(new BeamInputFile(resource, length)).withConf(conf).build()) {
      GenericRecord r;
      while ((r = reader.read()) != null) {
        long rowNo = row++;
        candidates++;
        String ownId = str(r, "id");
        String id = ownId != null && !ownId.isEmpty() ? ownId : Digests.id("parquet", fileName, Long.toString(rowNo));
        Source source = Source.builder(uri, rowNo).url(str(r, "url")).date(str(r, "date")).build();
        String text = str(r, "text");
        if (text == null) {
          sink.rejected(reject(id, source, "missing_text", "row " + rowNo + " has no text"));
          continue;
        }
        sink.candidate(Candidate.ofText(id, Kind.TEXT, source, text, new LineageEntry(STEP, LineageEntry.OK, "row " + rowNo)));
      }
    } catch (IOException | RuntimeException e) {
      candidates++;
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n")[0];
      String detail = "cannot read Parquet after row " + row + ": " + m;
      sink.rejected(reject(Digests.id("parquet", fileName, "error"), Source.builder(uri, row).build(), "malformed_record", detail));
      error = "malformed_record: " + detail;
    }
    TreeMap<String, Long> byType = new TreeMap<>();
    if (row > 0) {
      byType.put("row", row);
    }
    return new ReadSummary(InputFormat.PARQUET, row, byType, candidates, error);
  }

  private static String str(GenericRecord r, String field) {
    if (r.getSchema().getField(field) == null) {
      return null;
    }
    Object v = r.get(field);
    return v == null ? null : v.toString();
  }

  private static Rejection reject(String id, Source source, String reason, String detail) {
    return Rejection.atRead(id, Kind.TEXT, source, STEP, reason, detail);
  }
}
