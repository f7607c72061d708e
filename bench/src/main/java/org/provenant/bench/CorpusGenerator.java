package org.provenant.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a JSONL corpus of real English text with a known duplicate structure, deterministic by
 * seed. Each original document is a run of random paragraphs of a {@link ParagraphPool} (real
 * sentences; only the seams between paragraphs are artificial), of log-normally distributed length
 * (median about {@code meanChars}). With probability {@value #P_HAS_COPIES} an original gets 1 to 3
 * variants, each one of:
 *
 * <ul>
 *   <li>an exact copy, with different whitespace (20%): the exact-dedup path;
 *   <li>word edits (65%): each word independently, with a rate drawn from {@link #EDIT_RATES}, is
 *       replaced, deleted or followed by an inserted word (words from other pool paragraphs). A
 *       rate r changes about 5r of the 5-word shingles, so exact Jaccard to the original spreads
 *       from about 0.97 (r = 0.005) to 0.55 (r = 0.06);
 *   <li>a paragraph dropped or one added, plus 0.5% word edits (15%): the boilerplate-change case.
 * </ul>
 *
 * Ids are {@code g<original>-<k>} (k = 0 the original), dates are random days of 2020-2025, so the
 * survivor rule (earliest date) does not always keep the original.
 *
 * <pre>java -cp ... org.provenant.bench.CorpusGenerator POOL.txt OUT.jsonl DOCUMENTS [SEED] [MEDIAN_CHARS]</pre>
 */
public final class CorpusGenerator {
  public static final double P_HAS_COPIES = 0.35;
  public static final double[] EDIT_RATES = {0.005, 0.01, 0.015, 0.02, 0.03, 0.04, 0.06};

  private final List<String> pool;
  private final SplittableRandom random;
  private final int medianChars;

  CorpusGenerator(List<String> pool, long seed, int medianChars) {
    this.pool = pool;
    this.random = new SplittableRandom(seed);
    this.medianChars = medianChars;
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: CorpusGenerator POOL.txt OUT.jsonl DOCUMENTS [SEED] [MEDIAN_CHARS]");
      System.exit(2);
    }
    List<String> pool = ParagraphPool.read(Path.of(args[0]));
    int n = Integer.parseInt(args[2]);
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
    int median = args.length > 4 ? Integer.parseInt(args[4]) : 1500;
    long[] stats = new CorpusGenerator(pool, seed, median).write(Path.of(args[1]), n);
    System.out.printf("%,d documents (%,d originals, %,d exact copies, %,d word-edited, %,d paragraph-edited), %,d chars -> %s%n",
        n, stats[0], stats[1], stats[2], stats[3], stats[4], args[1]);
  }

  /** Writes {@code n} documents; returns originals, exact, word-edited, paragraph-edited, chars. */
  long[] write(Path out, int n) throws IOException {
    ObjectMapper json = new ObjectMapper();
    long[] stats = new long[5];
    LocalDate epoch = LocalDate.of(2020, 1, 1);
    int written = 0;
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (int g = 0; written < n; g++) {
        List<String> original = originalParagraphs();
        List<String> texts = new ArrayList<>();
        texts.add(String.join("\n\n", original));
        stats[0]++;
        if (random.nextDouble() < P_HAS_COPIES) {
          int copies = 1 + random.nextInt(3);
          for (int c = 0; c < copies; c++) {
            double kind = random.nextDouble();
            if (kind < 0.20) {
              texts.add(String.join("\n\n", original).replace("\n\n", "\n \n") + "\n");
              stats[1]++;
            } else if (kind < 0.85) {
              texts.add(String.join("\n\n", editWords(original, EDIT_RATES[random.nextInt(EDIT_RATES.length)])));
              stats[2]++;
            } else {
              List<String> p = new ArrayList<>(original);
              if (p.size() > 2 && random.nextBoolean()) {
                p.remove(random.nextInt(p.size()));
              } else {
                p.add(random.nextInt(p.size() + 1), randomParagraph());
              }
              texts.add(String.join("\n\n", editWords(p, 0.005)));
              stats[3]++;
            }
          }
        }
        for (int k = 0; k < texts.size() && written < n; k++) {
          Map<String, Object> row = new LinkedHashMap<>();
          String id = String.format("g%07d-%d", g, k);
          row.put("id", id);
          row.put("text", texts.get(k));
          row.put("url", "https://example.org/" + id);
          row.put("date", epoch.plusDays(random.nextInt(6 * 365)).toString() + "T00:00:00Z");
          w.write(json.writeValueAsString(row));
          w.write('\n');
          stats[4] += texts.get(k).length();
          written++;
        }
      }
    }
    return stats;
  }

  private List<String> originalParagraphs() {
    // log-normal length, sigma 0.8, clamped to [200, 50000] chars
    double target = Math.exp(Math.log(medianChars) + 0.8 * gaussian());
    target = Math.max(200, Math.min(50_000, target));
    List<String> out = new ArrayList<>();
    int length = 0;
    while (length < target) {
      String p = randomParagraph();
      out.add(p);
      length += p.length() + 2;
    }
    return out;
  }

  private String randomParagraph() {
    return pool.get(random.nextInt(pool.size()));
  }

  private String randomWord() {
    String[] words = randomParagraph().split(" ");
    return words[random.nextInt(words.length)];
  }

  private List<String> editWords(List<String> paragraphs, double rate) {
    List<String> out = new ArrayList<>();
    for (String p : paragraphs) {
      StringBuilder b = new StringBuilder(p.length() + 16);
      for (String word : p.split(" ")) {
        String emit = word;
        String after = null;
        if (random.nextDouble() < rate) {
          switch (random.nextInt(3)) {
            case 0 -> emit = randomWord();
            case 1 -> emit = null;
            default -> after = randomWord();
          }
        }
        for (String x : new String[] {emit, after}) {
          if (x != null) {
            if (b.length() > 0) {
              b.append(' ');
            }
            b.append(x);
          }
        }
      }
      out.add(b.toString());
    }
    return out;
  }

  private double gaussian() {
    // Box-Muller from the seeded generator, so the corpus depends only on the seed
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
