package org.provenant.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.provenant.dedup.analysis.ShingleSet;
import org.provenant.dedup.minhash.MinHashSigner;
import org.provenant.dedup.minhash.SignatureSettings;
import org.provenant.schemas.Kind;

/** Reading a benchmark JSONL corpus ({@code id}, {@code text}) and its shingle sets. */
public final class Corpus {
  private Corpus() {}

  /** Id to text, in file order; at most {@code limit} documents (every k-th line when sampling). */
  public static Map<String, String> read(Path jsonl, int limit) {
    ObjectMapper json = new ObjectMapper();
    Map<String, String> out = new LinkedHashMap<>();
    try (BufferedReader r = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null && out.size() < limit) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = json.readTree(line);
        out.put(n.get("id").asText(), n.get("text").asText());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * The shingle sets the pipeline compares, computed as it does (JSONL documents are {@link
   * Kind#TEXT}; the signer of the given settings), on all cores.
   */
  public static Map<String, ShingleSet> shingles(Map<String, String> texts, SignatureSettings settings) {
    Map<String, ShingleSet> out = new ConcurrentHashMap<>();
    try (MinHashSigner signer = settings.newSigner()) {
      new ArrayList<>(texts.entrySet()).parallelStream()
          .forEach(e -> out.put(e.getKey(), signer.shingles(Kind.TEXT, e.getValue())));
    }
    return out;
  }

  /** Ids of a file written by {@link #read}'s caller as {@code id<TAB>other} lines. */
  public static List<String[]> readTsv(Path file) {
    List<String[]> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isEmpty()) {
          out.add(line.split("\t", -1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
