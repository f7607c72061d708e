package org.provenant.filters.license.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.provenant.filters.license.LicenseMatch;
import org.provenant.filters.license.LicenseTextMatcher;

/**
 * Files per second per core of {@link LicenseTextMatcher#match}, single-threaded, after one warm-up
 * pass: (a) real source files (the first N {@code .java} files of the JDK's {@code lib/src.zip},
 * each with its licence header comment), (b) licence files (every non-deprecated SPDX licence
 * text of the bundled list), (c) optionally, real licence files under a directory (for example
 * from {@code filters/bench/fetch-license-files.sh}). Each set is timed twice: with no memo (every
 * text matched from scratch), with a fresh memo in one pass (a repeated text is a memo hit), and
 * once more with that memo (every text a hit: the cost of a text seen before).
 * Args: {@code [src.zip] [maxSourceFiles] [licenceFilesDir]}.
 */
public final class LicenseThroughput {
  private LicenseThroughput() {}

  public static void main(String[] args) throws IOException {
    Path zip = Paths.get(args.length > 0 ? args[0] : System.getProperty("java.home") + "/lib/src.zip");
    int max = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
    long t0 = System.nanoTime();
    LicenseTextMatcher matcher = LicenseTextMatcher.shared();
    System.out.printf("index: %d entries built in %.0f ms (cold, includes reading the SPDX list)%n",
        matcher.indexSize(), (System.nanoTime() - t0) / 1e6);

    List<String> sources = new ArrayList<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> en = z.entries();
      while (en.hasMoreElements() && sources.size() < max) {
        ZipEntry e = en.nextElement();
        if (e.getName().endsWith(".java")) {
          try (InputStream in = z.getInputStream(e)) {
            sources.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
    }
    List<String> licences = new ArrayList<>(LicenseTexts.spdx().values());

    run("source files (" + zip.getFileName() + ")", matcher, sources);
    run("licence files (SPDX list texts)", matcher, licences);
    if (args.length > 2) {
      Path dir = Paths.get(args[2]);
      List<String> real = new ArrayList<>();
      LicenseTexts.files(dir, "").forEach((name, text) -> {
        if (!name.endsWith("#body")) {
          real.add(text);
        }
      });
      System.out.printf("real licence files under %s: %d files, %d distinct texts%n",
          dir, real.size(), real.stream().distinct().count());
      run("real licence files (" + dir.getFileName() + ")", matcher, real);
    }
    int noCue = 0;
    for (String s : sources) {
      if (LicenseTextMatcher.hasNoLicenseCue(s)) {
        noCue++;
      }
    }
    System.out.printf("source files stopped by the cue gate: %d of %d%n", noCue, sources.size());
  }

  private static void run(String name, LicenseTextMatcher shared, List<String> texts) {
    LicenseTextMatcher plain = shared.withMemoSize(0);
    for (String t : texts) {
      plain.match(t); // warm-up
    }
    time(name + ", no memo", plain, texts);
    LicenseTextMatcher memo = shared.withMemoSize(LicenseTextMatcher.DEFAULT_MEMO_SIZE);
    time(name + ", fresh memo", memo, texts);
    time(name + ", same texts again (every text a memo hit)", memo, texts);
  }

  private static void time(String name, LicenseTextMatcher matcher, List<String> texts) {
    long bytes = texts.stream().mapToLong(String::length).sum();
    int matched = 0;
    long worst = 0;
    java.util.Map<String, Integer> methods = new java.util.TreeMap<>();
    long start = System.nanoTime();
    for (String t : texts) {
      long s = System.nanoTime();
      List<LicenseMatch> m = matcher.match(t);
      worst = Math.max(worst, System.nanoTime() - s);
      if (!m.isEmpty() && m.get(0).isListed()) {
        matched++;
      }
      methods.merge(m.isEmpty() ? "none" : m.get(0).method(), 1, Integer::sum);
    }
    double secs = (System.nanoTime() - start) / 1e9;
    System.out.printf("%s: %d files, %.1f MB, %.2f s -> %.0f files/s/core, %.1f MB/s; %d with a listed licence; slowest file %.0f ms%n",
        name, texts.size(), bytes / 1e6, secs, texts.size() / secs, bytes / 1e6 / secs, matched, worst / 1e6);
    System.out.println("  first match by method: " + methods);
  }
}
