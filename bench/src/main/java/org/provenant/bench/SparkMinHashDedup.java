package org.provenant.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.min;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.provenant.dedup.analysis.ShingleSet;
import org.provenant.dedup.minhash.MinHashSigner;
import org.provenant.dedup.minhash.SignatureSettings;
import org.provenant.schemas.Kind;

/**
 * The Spark MLlib way to find near duplicates, over the same shingles as Provenant: each document's
 * shingle hash set (Provenant's analyzer, 5-word text shingles) becomes a binary sparse vector of
 * dimension 2^{@code dimBits} (index = hash mod 2^dimBits; 2^30 by default because MinHashLSH
 * requires the dimension to be below its prime 2,038,074,743, so 2^31 is refused); {@code
 * MinHashLSH} with {@code numHashTables} tables; {@code approxSimilarityJoin} of the set with
 * itself at Jaccard distance {@code 0.2} (Spark keeps pairs with distance &lt; threshold, computed
 * exactly on the vectors); then connected components without GraphFrames, by iterated min-label
 * propagation with DataFrame joins until no label changes.
 *
 * <p>Writes {@code join-pairs.tsv} ({@code a<TAB>b<TAB>distance}, a &lt; b) and {@code
 * clusters.tsv} ({@code id<TAB>component}) into OUT_DIR and prints the phase times.
 *
 * <pre>java --add-opens ... -cp ... org.provenant.bench.SparkMinHashDedup CORPUS.jsonl OUT_DIR
 *     [--tables 21] [--dim-bits 30] [--distance 0.2] [--master local[2]] [--partitions 8] [--no-cc]</pre>
 */
public final class SparkMinHashDedup {
  private SparkMinHashDedup() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: SparkMinHashDedup CORPUS.jsonl OUT_DIR [--tables K] [--dim-bits B] [--distance D] [--master M] [--partitions P] [--no-cc]");
      System.exit(2);
    }
    String corpus = Path.of(args[0]).toAbsolutePath().toString();
    Path out = Path.of(args[1]);
    int tables = 21;
    int dimBits = 30;
    double distance = 0.2;
    String master = "local[2]";
    int partitions = 8;
    boolean cc = true;
    for (int i = 2; i < args.length; i++) {
      switch (args[i]) {
        case "--tables" -> tables = Integer.parseInt(args[++i]);
        case "--dim-bits" -> dimBits = Integer.parseInt(args[++i]);
        case "--distance" -> distance = Double.parseDouble(args[++i]);
        case "--master" -> master = args[++i];
        case "--partitions" -> partitions = Integer.parseInt(args[++i]);
        case "--no-cc" -> cc = false;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Files.createDirectories(out);
    Files.deleteIfExists(out.resolve("join-pairs.tsv"));
    Files.deleteIfExists(out.resolve("clusters.tsv"));
    long t0 = System.nanoTime();
    SparkSession spark = SparkSession.builder().master(master).appName("minhash-bench")
        .config("spark.sql.shuffle.partitions", partitions)
        .config("spark.ui.enabled", false)
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    long tStart = System.nanoTime();

    // 1. shingle sets as sparse binary vectors (cached: the self-join reads them twice)
    final int bits = dimBits;
    StructType schema = new StructType()
        .add("id", DataTypes.StringType, false)
        .add("features", SQLDataTypes.VectorType(), false);
    Dataset<Row> docs = spark.read().json(corpus).select("id", "text").repartition(partitions);
    Dataset<Row> features = docs.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> vectors(rows, bits),
        Encoders.row(schema)).cache();
    long documents = features.count();
    long tShingled = System.nanoTime();
    System.out.printf("PHASE shingled %d documents in %.1f s%n", documents, (tShingled - tStart) / 1e9);
    System.out.flush();

    // 2. MinHashLSH and the similarity self-join
    MinHashLSHModel model = new MinHashLSH().setNumHashTables(tables).setInputCol("features")
        .setOutputCol("hashes").setSeed(20261123L).fit(features);
    Dataset<Row> pairs = model.approxSimilarityJoin(features, features, distance, "distance")
        .select(col("datasetA.id").as("a"), col("datasetB.id").as("b"), col("distance"))
        .filter(col("a").lt(col("b")));
    long joined = 0;
    List<Row> pairRows = new ArrayList<>();
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("join-pairs.tsv.part"), StandardCharsets.UTF_8))) {
      Iterator<Row> it = pairs.toLocalIterator();
      while (it.hasNext()) {
        Row r = it.next();
        w.println(r.getString(0) + "\t" + r.getString(1) + "\t" + r.getDouble(2));
        pairRows.add(RowFactory.create(r.getString(0), r.getString(1)));
        joined++;
      }
    }
    // renamed only when complete, so a run stopped by a time limit leaves no partial result
    Files.move(out.resolve("join-pairs.tsv.part"), out.resolve("join-pairs.tsv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    long tJoined = System.nanoTime();
    System.out.printf("PHASE joined: %d pairs in %.1f s%n", joined, (tJoined - tShingled) / 1e9);
    System.out.flush();

    // 3. connected components by min-label propagation (what one writes without GraphFrames)
    int iterations = 0;
    long components = 0;
    if (cc) {
      StructType edgeSchema = new StructType().add("src", DataTypes.StringType, false).add("dst", DataTypes.StringType, false);
      Dataset<Row> oneWay = spark.createDataFrame(pairRows, edgeSchema).repartition(partitions);
      Dataset<Row> edges = oneWay.union(oneWay.select(col("dst").as("src"), col("src").as("dst"))).cache();
      Dataset<Row> labels = edges.select(col("src").as("id")).distinct()
          .withColumn("label", col("id")).localCheckpoint();
      while (true) {
        iterations++;
        Dataset<Row> fromNeighbours = edges.join(labels, edges.col("src").equalTo(labels.col("id")))
            .groupBy(col("dst").as("id")).agg(min(col("label")).as("nlabel"));
        Dataset<Row> next = labels.join(fromNeighbours, "id")
            .select(col("id"), least(col("label"), col("nlabel")).as("label"), col("label").as("old"))
            .localCheckpoint();
        long changed = next.filter(col("label").notEqual(col("old"))).count();
        labels = next.select("id", "label").localCheckpoint();
        if (changed == 0) {
          break;
        }
      }
      try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("clusters.tsv"), StandardCharsets.UTF_8))) {
        Iterator<Row> it = labels.toLocalIterator();
        while (it.hasNext()) {
          Row r = it.next();
          w.println(r.getString(0) + "\t" + r.getString(1));
        }
      }
      components = labels.select("label").distinct().count();
    }
    long tEnd = System.nanoTime();
    spark.stop();
    System.out.printf("RESULT spark master=%s tables=%d dim=2^%d partitions=%d docs=%d seconds=%.2f docs_per_s=%.0f "
            + "(session %.1f s not counted) shingle+vectorise=%.2f s join=%.2f s pairs=%d cc=%.2f s cc_iterations=%d clusters=%d%n",
        master, tables, dimBits, partitions, documents, (tEnd - tStart) / 1e9, documents / ((tEnd - tStart) / 1e9),
        (tStart - t0) / 1e9, (tShingled - tStart) / 1e9, (tJoined - tShingled) / 1e9, joined,
        (tEnd - tJoined) / 1e9, iterations, components);
  }

  /** Sparse binary vectors of the shingle sets of a partition's documents (empty ones skipped). */
  static Iterator<Row> vectors(Iterator<Row> rows, int dimBits) {
    List<Row> out = new ArrayList<>();
    int dim = 1 << dimBits;
    long mask = dim - 1L;
    try (MinHashSigner signer = SignatureSettings.defaults().newSigner()) {
      while (rows.hasNext()) {
        Row r = rows.next();
        String text = r.getString(1);
        ShingleSet s = signer.shingles(Kind.TEXT, text == null ? "" : text);
        if (s.isEmpty()) {
          continue; // MinHashLSH refuses empty vectors; Provenant treats them as similar to nothing
        }
        int[] idx = new int[s.size()];
        for (int i = 0; i < idx.length; i++) {
          idx[i] = (int) (s.hashAt(i) & mask);
        }
        Arrays.sort(idx);
        int n = 0;
        for (int i = 0; i < idx.length; i++) {
          if (n == 0 || idx[i] != idx[n - 1]) {
            idx[n++] = idx[i];
          }
        }
        int[] indices = Arrays.copyOf(idx, n);
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        out.add(RowFactory.create(r.getString(0), Vectors.sparse(dim, indices, ones)));
      }
    }
    return out.iterator();
  }
}
