package org.provenant.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Real English prose for the benchmarks: the paragraphs ({@code p}, {@code li}, {@code dd}, {@code
 * blockquote}) of the HTML documentation that Debian ships (Python, PostgreSQL, the Debian
 * reference in English, {@code *.en.html}), with whitespace collapsed, at least {@value #MIN_WORDS} words, each
 * distinct paragraph once, in file-path order. Deterministic for a given directory.
 *
 * <pre>java -cp ... org.provenant.bench.ParagraphPool DOC_DIR... OUT.txt</pre>
 *
 * writes one paragraph per line.
 */
public final class ParagraphPool {
  /** Shorter paragraphs (navigation, captions) are left out. */
  public static final int MIN_WORDS = 8;

  /** Translated pages of the Debian reference ({@code ch01.de.html}) are skipped: English only. */
  private static final java.util.regex.Pattern TRANSLATED =
      java.util.regex.Pattern.compile(".*\\.(?!en\\.)[a-z]{2}(-[a-z]{2})?\\.html");

  private ParagraphPool() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: ParagraphPool DOC_DIR... OUT.txt");
      System.exit(2);
    }
    List<Path> dirs = new ArrayList<>();
    for (int i = 0; i < args.length - 1; i++) {
      dirs.add(Path.of(args[i]));
    }
    List<String> paragraphs = extract(dirs);
    Path out = Path.of(args[args.length - 1]);
    Files.write(out, paragraphs, StandardCharsets.UTF_8);
    long chars = paragraphs.stream().mapToLong(String::length).sum();
    System.out.printf("%,d paragraphs, %,d chars -> %s%n", paragraphs.size(), chars, out);
  }

  /** The distinct paragraphs of every {@code .html} file under {@code dirs}. */
  public static List<String> extract(List<Path> dirs) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path dir : dirs) {
      try (Stream<Path> s = Files.walk(dir)) {
        s.filter(p -> p.toString().endsWith(".html") && !TRANSLATED.matcher(p.getFileName().toString()).matches()
            && Files.isRegularFile(p)).forEach(files::add);
      }
    }
    files.sort(null);
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (Path f : files) {
      String html;
      try {
        html = Files.readString(f, StandardCharsets.UTF_8);
      } catch (java.nio.charset.MalformedInputException e) {
        html = Files.readString(f, StandardCharsets.ISO_8859_1);
      }
      for (Element e : Jsoup.parse(html).select("p, li, dd, blockquote")) {
        if (!e.select("p, li, dd, blockquote").isEmpty() && e.select("p, li, dd, blockquote").size() > 1) {
          continue; // a container: its inner paragraphs are taken one by one
        }
        String text = e.text().replaceAll("\\s+", " ").trim();
        if (text.split(" ").length >= MIN_WORDS) {
          out.add(text);
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** Reads a pool written by {@link #main}. */
  public static List<String> read(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
