package org.provenant.filters.code.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import org.provenant.filters.code.CodePackageReader;
import org.provenant.filters.read.Candidate;
import org.provenant.filters.read.ReadSink;
import org.provenant.schemas.Rejection;

/**
 * Reads real archives (paths as arguments) three times each with the code package reader alone and
 * prints files per second and outcomes by reason. A benchmark program, not a test: {@code java -cp
 * filters/target/test-classes:filters/target/classes:$(cat cp.txt) org.provenant.filters.code.bench.CodeReadBenchmark a.jar b.tgz}.
 */
public final class CodeReadBenchmark {
  private CodeReadBenchmark() {}

  public static void main(String[] args) throws IOException {
    for (String name : args) {
      Path p = Path.of(name);
      for (int round = 0; round < 3; round++) {
        TreeMap<String, Long> outcomes = new TreeMap<>();
        long[] chars = new long[1];
        String[] pkg = new String[1];
        ReadSink sink = new ReadSink() {
          @Override
          public void candidate(Candidate c) {
            outcomes.merge("kept", 1L, Long::sum);
            chars[0] += c.text().length();
            pkg[0] = c.source().packageName() + " " + c.source().version();
          }

          @Override
          public void rejected(Rejection r) {
            outcomes.merge(r.reason(), 1L, Long::sum);
          }
        };
        long t0 = System.nanoTime();
        CodePackageReader.PackageRead r = new CodePackageReader().readArchive(p.toString(), CodePackageReader.Opener.localFile(p), sink);
        double secs = (System.nanoTime() - t0) / 1e9;
        long files = r.summary().candidates();
        System.out.printf("BENCH %s (%s) round %d: %d rows in %.2f s = %.0f files/s, %.1f MB text, %s%n",
            p.getFileName(), pkg[0], round, files, secs, files / secs, chars[0] / 1e6, outcomes);
      }
    }
  }
}
