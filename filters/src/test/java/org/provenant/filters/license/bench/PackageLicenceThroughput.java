package org.provenant.filters.license.bench;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.provenant.filters.code.CodePackageReader;
import org.provenant.filters.code.CodeReadLimits;
import org.provenant.filters.code.PackageContents;
import org.provenant.filters.code.PackageLicensing;
import org.provenant.filters.license.SpdxPackageLicensing;
import org.provenant.filters.read.Candidate;
import org.provenant.filters.read.ReadSink;
import org.provenant.schemas.License;
import org.provenant.schemas.Rejection;

/**
 * The licence step alone on real packages, as the code reader runs it: every archive under the
 * given directories ({@code .jar}, {@code .tgz}) is read by {@link CodePackageReader} with {@link
 * SpdxPackageLicensing} (what {@code curate} uses), and only the time inside {@link
 * PackageLicensing#licenseFor} is counted: the package resolution (once per package) and each
 * file's own reading. Thread CPU time and wall time, one thread; {@code PASSES} passes over all
 * archives in one JVM (pass 1 starts with the matcher's memo empty, as a fresh worker does; later
 * passes meet texts seen before). Prints a SHA-256 over every file's licence answer (path, SPDX,
 * package SPDX, evidence kinds and ids), so two builds can be shown to give the same answers.
 *
 * <p>Run: {@code java -cp $CP org.provenant.filters.license.bench.PackageLicenceThroughput PASSES DIR...}.
 */
public final class PackageLicenceThroughput {
  private PackageLicenceThroughput() {}

  public static void main(String[] args) throws IOException {
    int passes = Integer.parseInt(args[0]);
    List<Path> archives = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      try (Stream<Path> s = Files.list(Paths.get(args[i]))) {
        archives.addAll(s.filter(p -> p.toString().endsWith(".jar") || p.toString().endsWith(".tgz"))
            .sorted().collect(Collectors.toList()));
      }
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int pass = 1; pass <= passes; pass++) {
      Timed licensing = new Timed(new SpdxPackageLicensing(), threads);
      CodePackageReader reader = new CodePackageReader(CodeReadLimits.DEFAULTS, licensing);
      long wall0 = System.nanoTime();
      long cpu0 = threads.getCurrentThreadCpuTime();
      long rows = 0;
      for (Path p : archives) {
        rows += reader.readArchive(p.toString(), CodePackageReader.Opener.localFile(p), Sink.INSTANCE).summary().candidates();
      }
      double wall = (System.nanoTime() - wall0) / 1e9;
      double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
      double licCpu = licensing.cpuNanos / 1e9;
      double licWall = licensing.wallNanos / 1e9;
      System.out.printf("pass %d: %d archives, %d packages resolved, %d files asked (%d rows), %.1f MB text%n",
          pass, archives.size(), licensing.packages, licensing.files, rows, licensing.chars / 1e6);
      System.out.printf("pass %d: licence step %.2f CPU s (%.2f s wall) = %.0f files/s/core, %.2f MB/s/core;"
              + " whole read %.2f CPU s (%.2f s wall)%n",
          pass, licCpu, licWall, licensing.files / licCpu, licensing.chars / 1e6 / licCpu, cpu, wall);
      System.out.printf("pass %d: answers sha256 %s%n", pass, licensing.answers.hash());
    }
  }

  /** Counts the time spent deciding licences and hashes every answer. */
  private static final class Timed implements PackageLicensing {
    private static final long serialVersionUID = 1L;
    private final transient PackageLicensing inner;
    private final transient ThreadMXBean threads;
    private final transient Hasher answers = Hashing.sha256().newHasher();
    private transient PackageContents last;
    long cpuNanos;
    long wallNanos;
    long files;
    long packages;
    long chars;

    Timed(PackageLicensing inner, ThreadMXBean threads) {
      this.inner = inner;
      this.threads = threads;
    }

    @Override
    public boolean isPackageLevel(String path) {
      return inner.isPackageLevel(path);
    }

    @Override
    public License licenseFor(PackageContents pkg, String path, String text) {
      if (pkg != last) {
        last = pkg;
        packages++;
      }
      long c0 = threads.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      License l = inner.licenseFor(pkg, path, text);
      wallNanos += System.nanoTime() - w0;
      cpuNanos += threads.getCurrentThreadCpuTime() - c0;
      files++;
      chars += text.length();
      answers.putString(pkg.archiveName() + "\t" + path + "\t" + l.spdx() + "\t" + l.packageSpdx() + "\t"
          + l.evidence().stream().map(e -> e.kind() + "=" + e.spdx()).collect(Collectors.joining(",")) + "\n",
          StandardCharsets.UTF_8);
      return l;
    }
  }

  private enum Sink implements ReadSink {
    INSTANCE;

    @Override
    public void candidate(Candidate c) {}

    @Override
    public void rejected(Rejection r) {}
  }

}
