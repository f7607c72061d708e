package org.provenant.pipelines.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.provenant.pipelines.demo.DemoArticle.Block;
import org.provenant.pipelines.demo.DemoArticle.BulletList;
import org.provenant.pipelines.demo.DemoArticle.CodeBlock;
import org.provenant.pipelines.demo.DemoArticle.Heading;
import org.provenant.pipelines.demo.DemoArticle.Paragraph;
import org.provenant.pipelines.demo.DemoVocabulary.Register;

/**
 * Writes plausible prose from a {@link Register}'s templates with one seeded random source, so the
 * same seed always gives the same articles. Within one article no sentence template is used twice
 * until all of them have been used, which keeps unrelated articles from sharing long word runs.
 */
final class DemoProse {

  private static final Pattern SLOT = Pattern.compile("\\{([A-Za-z]+)(\\d?)\\}");
  private static final List<String> GERMAN_BYLINES =
      List.of("Von Katrin Wolf", "Von Stefan Hoffmann", "Von Leonie Braun");
  private static final List<String> FRENCH_BYLINES =
      List.of("Par Élodie Martin", "Par Nicolas Fabre", "Par la rédaction");
  private static final List<String> SPANISH_BYLINES =
      List.of("Por Andrés Molina", "Por Carmen Vidal", "Redacción");

  private final SplittableRandom random;

  DemoProse(SplittableRandom random) {
    this.random = random;
  }

  /** A uniformly chosen element. */
  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** A uniformly chosen int in {@code [low, high]}. */
  int between(int low, int high) {
    return random.nextInt(low, high + 1);
  }

  /** Shuffles {@code values} in place (Fisher-Yates). */
  <T> void shuffle(List<T> values) {
    for (int i = values.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T swap = values.get(i);
      values.set(i, values.get(j));
      values.set(j, swap);
    }
  }

  /** One sentence from a template chosen at random. */
  String sentence(Register register) {
    return fill(pick(register.sentences()), register.slots());
  }

  /** A whole article in the register's style, published on {@code published}. */
  DemoArticle article(Register register, LocalDate published) {
    Deck deck = new Deck(register);
    String title = capitalise(fill(pick(register.titles()), register.slots()));
    List<Block> blocks =
        switch (register.style()) {
          case NEWS -> newsBlocks(register, deck);
          case BLOG -> blogBlocks(register, deck);
          case DOCS -> docsBlocks(register, deck);
        };
    return new DemoArticle(
        register.lang(), title, byline(register), dateLine(register, published), blocks);
  }

  private List<Block> newsBlocks(Register register, Deck deck) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(paragraph(deck, 2, 2));
    List<String> headings = new ArrayList<>(register.headings());
    shuffle(headings);
    // registers with few templates write shorter pieces, so sentences repeat less
    int paragraphs = register.sentences().size() < 20 ? between(6, 7) : between(9, 11);
    for (int i = 0; i < paragraphs; i++) {
      if (i == 3 || i == 7) {
        blocks.add(new Heading(headings.get(i / 4)));
      }
      blocks.add(paragraph(deck, 1, 3));
    }
    return blocks;
  }

  private List<Block> blogBlocks(Register register, Deck deck) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(paragraph(deck, 3, 4));
    List<String> headings = new ArrayList<>(register.headings());
    shuffle(headings);
    int sections = between(3, 4);
    int listSection = between(0, sections - 1);
    for (int s = 0; s < sections; s++) {
      blocks.add(new Heading(headings.get(s)));
      int paragraphs = between(1, 2);
      for (int p = 0; p < paragraphs; p++) {
        blocks.add(paragraph(deck, 2, 4));
      }
      if (s == listSection) {
        blocks.add(bulletList(register));
      }
    }
    blocks.add(paragraph(deck, 2, 3));
    return blocks;
  }

  private List<Block> docsBlocks(Register register, Deck deck) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(paragraph(deck, 2, 3));
    List<String> headings = new ArrayList<>(register.headings());
    shuffle(headings);
    int sections = between(3, 4);
    for (int s = 0; s < sections; s++) {
      blocks.add(new Heading(headings.get(s)));
      blocks.add(paragraph(deck, 2, 4));
      if (s == 0 || s == sections - 1) {
        blocks.add(codeBlock(register));
      } else {
        blocks.add(bulletList(register));
      }
    }
    return blocks;
  }

  private Paragraph paragraph(Deck deck, int minSentences, int maxSentences) {
    int count = between(minSentences, maxSentences);
    List<String> sentences = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      sentences.add(deck.next());
    }
    return new Paragraph(sentences);
  }

  private BulletList bulletList(Register register) {
    List<String> actions = new ArrayList<>(register.slots().get("action"));
    shuffle(actions);
    int count = Math.min(actions.size(), between(3, 5));
    List<String> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      items.add(capitalise(actions.get(i)) + ".");
    }
    return new BulletList(items);
  }

  private CodeBlock codeBlock(Register register) {
    String product = register.slots().get("product").get(0);
    int variant = between(0, 2);
    if (product.equals("Lanternkit")) {
      return switch (variant) {
        case 0 -> new CodeBlock("yaml", String.join("\n",
            "workers:",
            "  pool_size: " + between(2, 32),
            "retry:",
            "  max_attempts: " + between(3, 10),
            "  backoff: " + between(1, 30) + "s",
            "queue:",
            "  visibility_timeout: " + between(1, 15) + "m",
            "log:",
            "  level: " + pick(List.of("info", "warn", "debug"))));
        case 1 -> new CodeBlock("shell", String.join("\n",
            "$ lanternkit config show --section workers",
            "pool_size = " + between(2, 32),
            "$ lanternkit worker status --all",
            "worker-" + between(1, 9) + "  healthy  " + between(10, 900) + " jobs/min"));
        default -> new CodeBlock("python", String.join("\n",
            "import os",
            "from lanternkit import Client",
            "",
            "client = Client(\"https://queue.internal:" + between(8000, 8999)
                + "\", api_key=os.environ[\"LANTERNKIT_KEY\"])",
            "job = client.enqueue(\"reports.generate\", {\"month\": \"2024-0" + between(1, 2)
                + "\"}, retries=" + between(1, 5) + ")",
            "print(job.id, job.status)"));
      };
    }
    return switch (variant) {
      case 0 -> new CodeBlock("toml", String.join("\n",
          "[replication]",
          "factor = " + between(2, 5),
          "",
          "[compaction]",
          "threads = " + between(1, 8),
          "",
          "[cache]",
          "size_mb = " + 256 * between(1, 16)));
      case 1 -> new CodeBlock("sql", String.join("\n",
          "CREATE INDEX CONCURRENTLY orders_by_customer",
          "    ON orders (customer_id, created_at);",
          "",
          "SELECT count(*) FROM orders WHERE created_at > now() - interval '"
              + between(1, 30) + " days';"));
      default -> new CodeBlock("shell", String.join("\n",
          "$ tidepool status",
          "node-" + between(1, 5) + "  leader   lag=0ms",
          "node-" + between(6, 9) + "  replica  lag=" + between(1, 250) + "ms",
          "$ tidepool snapshot create --label nightly"));
    };
  }

  private String byline(Register register) {
    return switch (register.lang()) {
      case "de" -> pick(GERMAN_BYLINES);
      case "fr" -> pick(FRENCH_BYLINES);
      case "es" -> pick(SPANISH_BYLINES);
      default -> "By " + pick(DemoVocabulary.AUTHORS);
    };
  }

  private String dateLine(Register register, LocalDate date) {
    String month = register.slots().get("month").get(date.getMonthValue() - 1);
    int day = date.getDayOfMonth();
    int year = date.getYear();
    return switch (register.lang()) {
      case "de" -> "Veröffentlicht am " + day + ". " + month + " " + year;
      case "fr" -> "Publié le " + day + " " + month + " " + year;
      case "es" -> "Publicado el " + day + " de " + month + " de " + year;
      default -> switch (register.style()) {
        case NEWS -> String.format(Locale.ROOT, "Published %d %s %d, %02d:%02d",
            day, month, year, between(6, 21), between(0, 59));
        case BLOG -> month + " " + day + ", " + year;
        case DOCS -> "Last updated " + date;
      };
    };
  }

  /** Fills every {@code {slot}} of {@code template}; see {@link DemoVocabulary}. */
  String fill(String template, Map<String, List<String>> slots) {
    Matcher matcher = SLOT.matcher(template);
    StringBuilder out = new StringBuilder();
    java.util.HashMap<String, List<String>> used = new java.util.HashMap<>();
    while (matcher.find()) {
      String name = matcher.group(1);
      String key = Character.toLowerCase(name.charAt(0)) + name.substring(1);
      String value = slotValue(key, slots, used.computeIfAbsent(key, k -> new ArrayList<>()));
      if (Character.isUpperCase(name.charAt(0))) {
        value = capitalise(value);
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return capitalise(out.toString());
  }

  private String slotValue(String key, Map<String, List<String>> slots, List<String> used) {
    String value =
        switch (key) {
          case "pct" -> Integer.toString(between(12, 78));
          case "millions" -> String.format(Locale.ROOT, "%.1f", between(12, 480) / 10.0);
          case "port" -> Integer.toString(between(5000, 9999));
          case "version" -> "2." + between(1, 9);
          case "hundreds" -> Integer.toString(100 * between(2, 9));
          default -> {
            List<String> values = slots.get(key);
            if (values == null) {
              throw new IllegalStateException("template slot has no word list: " + key);
            }
            List<String> fresh = new ArrayList<>(values);
            fresh.removeAll(used);
            yield pick(fresh.isEmpty() ? values : fresh);
          }
        };
    used.add(value);
    return value;
  }

  /** Upper-cases the first letter, skipping leading quotes and punctuation. */
  static String capitalise(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isLetter(text.charAt(i))) {
        return text.substring(0, i) + Character.toUpperCase(text.charAt(i)) + text.substring(i + 1);
      }
    }
    return text;
  }

  /** Sentence templates drawn without repeats until all have been used. */
  private final class Deck {
    private final Register register;
    private final List<String> remaining = new ArrayList<>();

    Deck(Register register) {
      this.register = register;
    }

    String next() {
      if (remaining.isEmpty()) {
        remaining.addAll(register.sentences());
        shuffle(remaining);
      }
      return fill(remaining.remove(remaining.size() - 1), register.slots());
    }
  }
}
