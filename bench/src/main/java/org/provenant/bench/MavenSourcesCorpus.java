package org.provenant.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The real near-duplicate corpus: one JSONL document per {@code .java} file of the {@code
 * -sources.jar} files in a directory (several released versions of the same libraries, fetched by
 * {@code bench/fetch-maven-sources.sh}). The same file in successive versions is an exact copy,
 * a near duplicate or a rewrite. Id {@code <jar name>/<path>}; the date is the jar's rank in the
 * sorted listing, as days after 2020-01-01, so older versions of a library come first (the sort is
 * by file name, which orders the versions fetched here correctly except 3.10/3.11 vs 3.9, absent).
 *
 * <pre>java -cp ... org.provenant.bench.MavenSourcesCorpus JAR_DIR OUT.jsonl [MAX_DOCUMENTS]</pre>
 */
public final class MavenSourcesCorpus {
  private MavenSourcesCorpus() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: MavenSourcesCorpus JAR_DIR OUT.jsonl [MAX_DOCUMENTS]");
      System.exit(2);
    }
    int max = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
    List<Path> jars = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of(args[0]))) {
      s.filter(p -> p.toString().endsWith("-sources.jar")).forEach(jars::add);
    }
    Collections.sort(jars);
    ObjectMapper json = new ObjectMapper();
    int n = 0;
    long chars = 0;
    try (BufferedWriter w = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
      for (int j = 0; j < jars.size() && n < max; j++) {
        String jarName = jars.get(j).getFileName().toString().replace("-sources.jar", "");
        try (JarFile jar = new JarFile(jars.get(j).toFile())) {
          List<JarEntry> entries = new ArrayList<>(Collections.list(jar.entries()));
          entries.sort((a, b) -> a.getName().compareTo(b.getName()));
          for (JarEntry e : entries) {
            if (n >= max || e.isDirectory() || !e.getName().endsWith(".java")) {
              continue;
            }
            String text = new String(jar.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", jarName + "/" + e.getName());
            row.put("text", text);
            row.put("url", "https://repo.maven.apache.org/maven2/" + jarName + "-sources.jar!/" + e.getName());
            row.put("date", LocalDate.of(2020, 1, 1).plusDays(j) + "T00:00:00Z");
            w.write(json.writeValueAsString(row));
            w.write('\n');
            n++;
            chars += text.length();
          }
        }
      }
    }
    System.out.printf("%,d documents from %d jars, %,d chars -> %s%n", n, jars.size(), chars, args[1]);
  }
}
