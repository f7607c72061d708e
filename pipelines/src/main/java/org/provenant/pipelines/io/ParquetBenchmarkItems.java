package org.provenant.pipelines.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.provenant.filters.decontam.BenchmarkFiles;
import org.provenant.filters.decontam.BenchmarkItem;

/**
 * Reads benchmark items from a Parquet file (a Hugging Face dataset's shard, say) for the
 * decontamination index: one item per row, text from the configured columns (strings, or lists
 * of strings joined by newlines), id from the id column (else {@code row N}, 0-based). A file
 * without any of the text columns fails naming the file and the columns it has.
 */
public final class ParquetBenchmarkItems implements BenchmarkFiles.ParquetItems {
  public static final ParquetBenchmarkItems INSTANCE = new ParquetBenchmarkItems();

  private ParquetBenchmarkItems() {}

  /** Installs the Parquet reader and Beam's file systems for the files steps read. */
  public static void install() {
    org.provenant.filters.step.StepFiles.use(BeamStepFiles.INSTANCE);
    BenchmarkFiles.useParquet(INSTANCE);
  }

  @Override
  public void read(String benchmark, String file, BenchmarkFiles.Fields fields, List<BenchmarkItem> out) throws IOException {
    MatchResult.Metadata md = FileSystems.matchSingleFileSpec(file);
    try (ParquetReader<GenericRecord> reader =
        AvroParquetReader.<GenericRecord>builder(new BeamInputFile(md.resourceId(), md.sizeBytes())).withConf(new Configuration(false)).build()) {
      GenericRecord r;
      long row = 0;
      while ((r = reader.read()) != null) {
        Schema schema = r.getSchema();
        List<Object> values = new ArrayList<>();
        for (String f : fields.textFields()) {
          values.add(schema.getField(f) == null ? null : plain(r.get(f)));
        }
        String text = BenchmarkFiles.itemText(values);
        if (text == null) {
          throw new IOException("benchmark " + file + " row " + row + ": none of the text fields " + fields.textFields()
              + " is present; columns: " + schema.getFields().stream().map(Schema.Field::name).toList());
        }
        Object id = fields.idField().isBlank() || schema.getField(fields.idField()) == null ? null : r.get(fields.idField());
        out.add(new BenchmarkItem(benchmark, id == null ? "row " + row : id.toString(), text));
        row++;
      }
    }
  }

  /** Avro's Utf8 as String, lists element by element; Parquet's three-level lists arrive as records of one field. */
  private static Object plain(Object v) {
    if (v instanceof Iterable<?> list) {
      List<String> out = new ArrayList<>();
      for (Object e : list) {
        Object x = e instanceof GenericRecord g && g.getSchema().getFields().size() == 1 ? g.get(0) : e;
        out.add(String.valueOf(x));
      }
      return out;
    }
    return v == null ? null : v.toString();
  }
}
