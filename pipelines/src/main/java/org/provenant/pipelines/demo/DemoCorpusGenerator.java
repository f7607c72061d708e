package org.provenant.pipelines.demo;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;
import org.provenant.pipelines.demo.DemoHtml.Extras;
import org.provenant.pipelines.demo.DemoHtml.Link;
import org.provenant.pipelines.demo.DemoVocabulary.Register;
import org.provenant.pipelines.demo.DemoVocabulary.Site;

/**
 * Writes a small, realistic-looking web crawl for demos and end-to-end tests: {@value #FILE_COUNT}
 * gzip-per-record WARC 1.1 files {@code demo-00000.warc.gz}, {@code demo-00001.warc.gz}, ... each
 * starting with a warcinfo record and holding, per page, a request record then a response record.
 *
 * <p>The pages cover what a curation pipeline has to handle: ordinary English news, blog and
 * documentation articles wrapped in cookie banners, menus and footers; one page served byte for
 * byte at three URLs; one page with three lightly edited copies; German, French and Spanish pages;
 * link-list pages with almost no text; Creative Commons licence marks; AI opt-outs in a robots meta
 * tag and in an {@code X-Robots-Tag} header; a 404, a 301 with an empty body, a PNG, a PDF, an
 * empty HTML body, bytes that are not valid UTF-8 although UTF-8 is declared and a page declared
 * windows-1252. The third file also holds a revisit record, the second a metadata record, and the
 * last file ends in the middle of the gzip member of its last response record. See {@link
 * PageKind} for the exact counts.
 *
 * <p>Everything derives from the seed: record ids, dates (a fixed 48-hour crawl window starting
 * {@link #CRAWL_START}), URLs and prose. Two runs with the same seed write byte-identical files on
 * the same JDK (gzip output depends on the zlib build).
 */
public final class DemoCorpusGenerator {

  /** How many WARC files are written. */
  public static final int FILE_COUNT = 3;

  /** Pages per file that gives the documented mix (27 special pages, 33 plain articles). */
  public static final int DEFAULT_PAGES_PER_FILE = 20;

  /** The fewest pages per file that still fits every special page plus a few articles. */
  public static final int MIN_PAGES_PER_FILE = 12;

  /** When the simulated crawl begins; it runs for {@link #CRAWL_SPAN}. */
  public static final Instant CRAWL_START = Instant.parse("2024-03-04T06:00:00Z");

  /** How long the simulated crawl runs. */
  public static final Duration CRAWL_SPAN = Duration.ofHours(48);

  /** The User-Agent of the simulated crawler, also recorded in each warcinfo record. */
  public static final String USER_AGENT =
      "Mozilla/5.0 (compatible; ProvenantDemoCrawler/0.1; synthetic corpus, not a real crawl)";

  /** Licence URLs that appear on the {@link PageKind#LICENSED} pages, in page order. */
  public static final List<String> LICENCE_URLS =
      List.of(
          "https://creativecommons.org/licenses/by-sa/4.0/",
          "https://creativecommons.org/licenses/by/4.0/",
          "https://creativecommons.org/publicdomain/zero/1.0/");

  private static final String FILE_PATTERN = "demo-%05d.warc.gz";
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);
  private static final String HTML_UTF8 = "text/html; charset=utf-8";
  private static final int SPECIAL_PAGES = 27;

  /** What a demo page is there to exercise. Counts are for any {@code pagesPerFile}. */
  public enum PageKind {
    /** An ordinary English news, blog or docs article; the rest of the pages. */
    ARTICLE("articles"),
    /** 3 pages, one payload: canonical URL, a {@code utm_} variant, a mirror host. */
    EXACT_DUPLICATE("exact duplicates"),
    /** 4 pages: an article, then copies with a new date line, one new sentence, a new footer. */
    NEAR_DUPLICATE("near duplicates"),
    /** 6 pages: two each in German, French and Spanish, with the {@code lang} attribute set. */
    NON_ENGLISH("non-English"),
    /** 2 pages that are almost only link lists and menus. */
    BOILERPLATE("boilerplate-heavy"),
    /** 3 articles marked CC BY-SA 4.0 (footer link), CC BY 4.0 (head link), CC0 (footer link). */
    LICENSED("CC-licensed"),
    /** 2 articles: robots meta {@code noai, noimageai}, and an {@code X-Robots-Tag: noai} header. */
    AI_OPT_OUT("AI opt-out"),
    /** 1 HTTP 404 with a small HTML error page. */
    NOT_FOUND("HTTP 404"),
    /** 1 HTTP 301 with a Location header and an empty body. */
    REDIRECT("redirect"),
    /** 1 {@code image/png}. */
    IMAGE("image"),
    /** 1 {@code application/pdf}. */
    PDF("PDF"),
    /** 1 HTTP 200 {@code text/html} with a zero-length body. */
    EMPTY("empty"),
    /** 1 article declared UTF-8 holding the bytes {@code 0xE9} and {@code 0xC3 0x28}. */
    INVALID_UTF8("invalid UTF-8"),
    /** 1 article encoded windows-1252, declared only by {@code <meta charset>}. */
    WINDOWS_1252("windows-1252");

    private final String label;

    PageKind(String label) {
      this.label = label;
    }

    /** A short plural label for summaries, e.g. {@code "exact duplicates"}. */
    public String label() {
      return label;
    }
  }

  /**
   * One captured URL of the corpus: where its response record is ({@code file}, {@code offset} of
   * the record's gzip member), its WARC ids and what it is for. {@code duplicateOf} is the
   * canonical URL of the first page of its duplicate group for the later members of an exact- or
   * near-duplicate group, and null otherwise. {@code truncated} marks the one response whose gzip
   * member is cut short.
   */
  public record DemoPage(
      URI url,
      PageKind kind,
      Path file,
      long offset,
      URI recordId,
      int httpStatus,
      String payloadDigest,
      URI duplicateOf,
      boolean truncated) {

    public DemoPage {
      requireNonNull(url, "url");
      requireNonNull(kind, "kind");
      requireNonNull(file, "file");
      requireNonNull(recordId, "recordId");
      requireNonNull(payloadDigest, "payloadDigest");
    }
  }

  /**
   * What {@link #generate} wrote: the files in order, every page in write order, and the number of
   * extra revisit and metadata records.
   */
  public record Summary(
      List<Path> files, List<DemoPage> pages, int revisitRecords, int metadataRecords) {

    public Summary {
      files = List.copyOf(files);
      pages = List.copyOf(pages);
    }

    /** Number of captured URLs (request/response pairs), the truncated one included. */
    public int pageCount() {
      return pages.size();
    }

    /** Number of pages of {@code kind}. */
    public int count(PageKind kind) {
      return (int) pages.stream().filter(p -> p.kind() == kind).count();
    }

    /** The pages of {@code kind}, in write order. */
    public List<DemoPage> pagesOf(PageKind kind) {
      return pages.stream().filter(p -> p.kind() == kind).toList();
    }

    /** Number of response records whose bytes are cut short. */
    public int truncatedRecords() {
      return (int) pages.stream().filter(DemoPage::truncated).count();
    }

    /** Pages per kind, every kind present. */
    public Map<PageKind, Integer> countsByKind() {
      Map<PageKind, Integer> counts = new EnumMap<>(PageKind.class);
      for (PageKind kind : PageKind.values()) {
        counts.put(kind, count(kind));
      }
      return counts;
    }

    /** One line for a CLI, e.g. {@code "wrote 3 WARC files, 60 pages: 33 articles, ..."}. */
    public String describe() {
      StringBuilder line = new StringBuilder();
      line.append("wrote ").append(files.size()).append(" WARC files, ").append(pageCount())
          .append(" pages: ");
      String separator = "";
      for (PageKind kind : PageKind.values()) {
        line.append(separator).append(count(kind)).append(' ').append(kind.label());
        separator = ", ";
      }
      line.append("; plus ").append(revisitRecords).append(" revisit, ").append(metadataRecords)
          .append(" metadata and ").append(truncatedRecords()).append(" truncated record");
      return line.toString();
    }
  }

  /** A generated article and its URL. */
  private record Draft(DemoArticle article, URI url) {}

  /** An HTTP exchange planned before anything is written. */
  private record Capture(
      URI url,
      PageKind kind,
      String server,
      int status,
      String reason,
      String contentType,
      List<String> extraHeaders,
      byte[] payload,
      URI duplicateOf) {}

  private DemoCorpusGenerator() {}

  /**
   * Writes {@value #FILE_COUNT} WARC files of {@code pagesPerFile} pages each into {@code dir}
   * (created if missing; existing demo files are overwritten) and says what was written.
   */
  public static Summary generate(Path dir, int pagesPerFile, long seed) throws IOException {
    requireNonNull(dir, "dir");
    checkArgument(
        pagesPerFile >= MIN_PAGES_PER_FILE,
        "pagesPerFile must be at least %s: %s",
        MIN_PAGES_PER_FILE,
        pagesPerFile);
    Files.createDirectories(dir);
    SplittableRandom root = new SplittableRandom(seed);
    DemoProse prose = new DemoProse(root.split());
    SplittableRandom ids = root.split();
    List<Capture> captures = new Planner(prose).plan(FILE_COUNT * pagesPerFile);
    return new Writer(dir, seed, ids, prose, captures, pagesPerFile).write();
  }

  // ------------------------------------------------------------------------------------ planning

  /** Decides every URL and payload, then the order they are fetched in. */
  private static final class Planner {
    private final DemoProse prose;
    private final DemoHtml html;
    private final Set<String> usedUrls = new HashSet<>();

    Planner(DemoProse prose) {
      this.prose = prose;
      this.html = new DemoHtml(prose);
    }

    List<Capture> plan(int total) {
      List<Capture> captures = new ArrayList<>();
      List<Capture> exact = exactDuplicates();
      List<Capture> near = nearDuplicates();
      captures.addAll(exact);
      captures.addAll(near);
      captures.addAll(foreign());
      captures.addAll(boilerplate());
      captures.addAll(licensed());
      captures.addAll(aiOptOut());
      captures.addAll(oddResponses());
      if (captures.size() != SPECIAL_PAGES) {
        throw new IllegalStateException("special pages: " + captures.size());
      }
      int articles = total - SPECIAL_PAGES;
      for (int i = 0; i < articles - 1; i++) {
        captures.add(article());
      }
      prose.shuffle(captures);
      keepGroupOrder(captures, exact);
      keepGroupOrder(captures, near);
      captures.add(article()); // always last: its response record is the truncated one
      return captures;
    }

    /** After shuffling, puts a group's members back in group order on the slots they took. */
    private static void keepGroupOrder(List<Capture> captures, List<Capture> group) {
      List<Integer> slots = new ArrayList<>();
      for (int i = 0; i < captures.size(); i++) {
        if (group.contains(captures.get(i))) {
          slots.add(i);
        }
      }
      for (int i = 0; i < group.size(); i++) {
        captures.set(slots.get(i), group.get(i));
      }
    }

    private Capture article() {
      Site site = prose.pick(DemoVocabulary.ENGLISH_SITES);
      Register register = prose.pick(site.registers());
      Draft draft = draft(site, register);
      return html(PageKind.ARTICLE, site, draft.url(),
          render(site, draft.url(), draft.article(), Extras.NONE), null);
    }

    private List<Capture> exactDuplicates() {
      Site site = DemoVocabulary.RIVERBEND;
      DemoArticle article = prose.article(DemoVocabulary.TRANSPORT_NEWS, LocalDate.of(2024, 3, 2));
      URI canonical =
          unique("https://" + site.host() + "/2024/03/02/" + DemoHtml.slug(article.title()));
      byte[] payload = utf8(render(site, canonical, article, Extras.NONE));
      String path = canonical.getPath();
      return List.of(
          html(PageKind.EXACT_DUPLICATE, site, canonical, payload, null),
          html(PageKind.EXACT_DUPLICATE, site,
              unique(canonical + "?utm_source=newsletter&utm_medium=email&utm_campaign=morning"),
              payload, canonical),
          html(PageKind.EXACT_DUPLICATE, site, unique("https://mirror.riverbend-courier.com" + path),
              payload, canonical));
    }

    private List<Capture> nearDuplicates() {
      Site site = DemoVocabulary.HARBORLINE;
      Register register = DemoVocabulary.ENERGY_NEWS;
      DemoArticle original = prose.article(register, LocalDate.of(2024, 3, 3));
      String slug = DemoHtml.slug(original.title());
      URI first = unique("https://" + site.host() + "/2024/03/03/" + slug);
      List<Link> related = html.archiveLinks(site, 3);

      DemoArticle redated = original.withDateLine("Updated 4 March 2024, 17:40");
      List<Integer> paragraphs = original.paragraphIndexes();
      int block = paragraphs.get(paragraphs.size() / 2);
      DemoArticle edited =
          original.withSentence(block, 0, "Officials said they would publish a revised timetable"
              + " for the remaining work later this month.");
      Extras newFooter =
          Extras.NONE.withFooterText("\u00a9 2024 Harborline Media Ltd. Report an error to the"
              + " newsdesk.");
      return List.of(
          html(PageKind.NEAR_DUPLICATE, site, first,
              html.article(site, first, original, Extras.NONE, related), null),
          html(PageKind.NEAR_DUPLICATE, site,
              unique("https://" + site.host() + "/amp/2024/03/03/" + slug),
              html.article(site, first, redated, Extras.NONE, related), first),
          html(PageKind.NEAR_DUPLICATE, site, unique(first + "?page=1"),
              html.article(site, first, edited, Extras.NONE, related), first),
          html(PageKind.NEAR_DUPLICATE, site, unique("https://www.harborline.co.uk/news/" + slug),
              html.article(site, first, original, newFooter, related), first));
    }

    private List<Capture> foreign() {
      List<Capture> pages = new ArrayList<>();
      for (Site site : DemoVocabulary.FOREIGN_SITES) {
        DemoArticle article = prose.article(site.registers().get(0), publishedDate());
        String slug = DemoHtml.slug(article.title());
        String base = "https://" + site.host();
        String url =
            switch (site.lang()) {
              case "de" -> base + "/lokales/" + slug + "-" + prose.between(100000, 999999) + ".html";
              case "fr" -> base + "/actualites/" + slug;
              default -> base + "/noticias/" + slug + "_" + prose.between(10000, 99999) + ".html";
            };
        URI uri = unique(url);
        pages.add(html(PageKind.NON_ENGLISH, site, uri, render(site, uri, article, Extras.NONE), null));
      }
      return pages;
    }

    private List<Capture> boilerplate() {
      Site news = DemoVocabulary.RIVERBEND;
      URI archive = unique("https://" + news.host() + "/archive/2024/02/");
      Site blog = DemoVocabulary.FIELD_NOTES;
      URI tag = unique("https://" + blog.host() + "/tag/compost/");
      return List.of(
          html(PageKind.BOILERPLATE, news, archive,
              html.linkIndex(news, archive, "Archive: February 2024",
                  "All stories published in February 2024.", html.archiveLinks(news, 40)), null),
          html(PageKind.BOILERPLATE, blog, tag,
              html.linkIndex(blog, tag, "Posts tagged \u201ccompost\u201d", "Showing 36 posts.",
                  html.archiveLinks(blog, 36)), null));
    }

    private List<Capture> licensed() {
      Extras bySa = Extras.NONE.withFooterLicence("Content is available under <a rel=\"license\""
          + " href=\"" + LICENCE_URLS.get(0) + "\">CC BY-SA 4.0</a> unless otherwise noted.");
      Extras by = Extras.NONE.withHeadLicence(LICENCE_URLS.get(1));
      Extras cc0 = Extras.NONE.withFooterLicence("To the extent possible under law, the author has"
          + " waived all copyright and related rights to this post: <a rel=\"license\" href=\""
          + LICENCE_URLS.get(2) + "\">CC0 1.0</a>.");
      return List.of(
          styled(PageKind.LICENSED, DemoVocabulary.LANTERNKIT, DemoVocabulary.LANTERNKIT_DOCS, bySa),
          styled(PageKind.LICENSED, DemoVocabulary.SWITCHBACK, DemoVocabulary.RUNNING_BLOG, by),
          styled(PageKind.LICENSED, DemoVocabulary.FIELD_NOTES, DemoVocabulary.GARDENING_BLOG, cc0));
    }

    private List<Capture> aiOptOut() {
      Capture metaTag = styled(PageKind.AI_OPT_OUT, DemoVocabulary.MAPLE_CIRCUIT,
          DemoVocabulary.NETWORKING_BLOG, Extras.NONE.withRobots("noai, noimageai"));
      Capture plain = styled(PageKind.AI_OPT_OUT, DemoVocabulary.QUIET_KETTLE,
          DemoVocabulary.BAKING_BLOG, Extras.NONE);
      Capture header = new Capture(plain.url(), plain.kind(), plain.server(), 200, "OK",
          HTML_UTF8, List.of("X-Robots-Tag: noai"), plain.payload(), null);
      return List.of(metaTag, header);
    }

    /** An article on {@code site} rendered with {@code extras}. */
    private Capture styled(PageKind kind, Site site, Register register, Extras extras) {
      Draft draft = draft(site, register);
      return html(kind, site, draft.url(), render(site, draft.url(), draft.article(), extras), null);
    }

    private List<Capture> oddResponses() {
      List<Capture> pages = new ArrayList<>();
      Site news = DemoVocabulary.RIVERBEND;
      URI missing = unique("https://" + news.host() + "/2023/11/14/bridge-closure-update");
      pages.add(new Capture(missing, PageKind.NOT_FOUND, news.server(), 404, "Not Found", HTML_UTF8,
          List.of(), utf8(html.notFound(news, missing)), null));

      String movedPath = "blog.quietkettle.net/2023/10/starter-troubleshooting/";
      pages.add(new Capture(unique("http://" + movedPath), PageKind.REDIRECT,
          DemoVocabulary.QUIET_KETTLE.server(), 301, "Moved Permanently", null,
          List.of("Location: https://" + movedPath), new byte[0], null));

      pages.add(new Capture(
          unique("https://www.fieldnotes-garden.org/wp-content/uploads/2024/02/seedling-tray.png"),
          PageKind.IMAGE, DemoVocabulary.FIELD_NOTES.server(), 200, "OK", "image/png",
          List.of("Cache-Control: public, max-age=31536000"), DemoBinaries.png(24), null));

      pages.add(new Capture(
          unique("https://" + news.host() + "/documents/transport-consultation-2024.pdf"),
          PageKind.PDF, news.server(), 200, "OK", "application/pdf",
          List.of("Content-Disposition: inline; filename=\"transport-consultation-2024.pdf\""),
          DemoBinaries.pdf(List.of("Riverbend Borough Council", "Transport consultation 2024",
              "Summary of responses", "Consultation closes 31 March 2024")), null));

      pages.add(new Capture(
          unique("https://www.mapleandcircuit.com/widgets/comments-embed.html"), PageKind.EMPTY,
          DemoVocabulary.MAPLE_CIRCUIT.server(), 200, "OK", HTML_UTF8, List.of(), new byte[0], null));

      pages.add(invalidUtf8());
      pages.add(windows1252());
      return pages;
    }

    /**
     * An article whose first paragraph gains a sentence with a Latin-1 {@code 0xE9} where UTF-8
     * needs two bytes, and the invalid pair {@code 0xC3 0x28}.
     */
    private Capture invalidUtf8() {
      Site site = DemoVocabulary.SWITCHBACK;
      Draft draft = draft(site, DemoVocabulary.RUNNING_BLOG);
      DemoArticle post = draft.article();
      int first = post.paragraphIndexes().get(0);
      post = post.withSentence(first, 0, "After the race we sat in the little caf\ue000 by the"
          + " lake, and my na\ue001ve plan to run home lasted about ten minutes.");
      URI url = draft.url();
      byte[] bytes = utf8(render(site, url, post, Extras.NONE));
      bytes = replace(bytes, utf8("\ue000"), new byte[] {(byte) 0xE9});
      bytes = replace(bytes, utf8("\ue001"), new byte[] {(byte) 0xC3, (byte) 0x28});
      return new Capture(url, PageKind.INVALID_UTF8, site.server(), 200, "OK", HTML_UTF8,
          List.of(), bytes, null);
    }

    /** A tearoom page with curly quotes, dashes, pound and euro signs, in windows-1252. */
    private Capture windows1252() {
      Site site = DemoVocabulary.OLD_MILL;
      DemoArticle garden = prose.article(DemoVocabulary.GARDENING_BLOG, publishedDate());
      List<DemoArticle.Block> blocks = new ArrayList<>();
      blocks.add(new DemoArticle.Paragraph(List.of(
          "Our spring menu starts on Monday, and yes, the \u201cfamous\u201d scones are staying.",
          "A cream tea now costs \u00a36.50 \u2014 still the best value in the valley, or so our"
              + " regulars tell us.",
          "Visitors from across the Channel can pay in euros: \u20ac8 buys a pot of tea and a"
              + " slice of cake.")));
      blocks.add(new DemoArticle.Paragraph(List.of(
          "Ren\u00e9e\u2019s cr\u00e8me br\u00fbl\u00e9e is back on weekends, and the caf\u00e9"
              + " garden opens \u2018weather permitting\u2019 from ten o\u2019clock.",
          "Everything on the menu is baked here in the mill, most of it with fruit and herbs from"
              + " the kitchen garden.")));
      blocks.add(new DemoArticle.Heading("From the kitchen garden"));
      blocks.addAll(garden.blocks().subList(0, Math.min(4, garden.blocks().size())));
      DemoArticle page = new DemoArticle("en",
          "Spring at the Old Mill \u2014 what\u2019s new on the menu", "By Ren\u00e9e Marchetti",
          "March 1, 2024", blocks);
      URI url = unique("https://" + site.host() + "/news/spring-menu-2024.html");
      Charset cp1252 = Charset.forName("windows-1252");
      String rendered = render(site, url, page, Extras.NONE.withCharset("windows-1252"));
      if (!cp1252.newEncoder().canEncode(rendered)) {
        throw new IllegalStateException("windows-1252 page has characters outside windows-1252");
      }
      return new Capture(url, PageKind.WINDOWS_1252, site.server(), 200, "OK", "text/html",
          List.of(), rendered.getBytes(cp1252), null);
    }

    private String render(Site site, URI url, DemoArticle article, Extras extras) {
      List<Link> related =
          site.style() == DemoVocabulary.Style.DOCS ? List.of() : html.archiveLinks(site, 3);
      return html.article(site, url, article, extras, related);
    }

    private Capture html(PageKind kind, Site site, URI url, String page, URI duplicateOf) {
      return html(kind, site, url, utf8(page), duplicateOf);
    }

    private Capture html(PageKind kind, Site site, URI url, byte[] payload, URI duplicateOf) {
      return new Capture(url, kind, site.server(), 200, "OK", HTML_UTF8, List.of(), payload,
          duplicateOf);
    }

    /** An article in {@code register} and the URL {@code site} would publish it at. */
    private Draft draft(Site site, Register register) {
      LocalDate published = publishedDate();
      DemoArticle article = prose.article(register, published);
      return new Draft(article, articleUrl(site, article, published));
    }

    private LocalDate publishedDate() {
      return LocalDate.of(2023, 10, 1).plusDays(prose.between(0, 154));
    }

    private URI articleUrl(Site site, DemoArticle article, LocalDate published) {
      String slug = DemoHtml.slug(article.title());
      String base = "https://" + site.host();
      String url =
          switch (site.style()) {
            case NEWS -> base + "/" + published.format(DateTimeFormatter.ofPattern("yyyy/MM/dd"))
                + "/" + slug + (prose.between(0, 5) == 0 ? "?ref=homepage" : "");
            case BLOG -> prose.between(0, 1) == 0
                ? base + "/posts/" + slug
                : base + "/" + published.format(DateTimeFormatter.ofPattern("yyyy/MM")) + "/"
                    + slug + "/";
            case DOCS -> base + "/docs/v2." + prose.between(3, 7) + "/"
                + prose.pick(List.of("guides", "operations", "reference")) + "/" + slug + ".html";
          };
      return unique(url);
    }

    /** The URL, or the URL with a numbered slug when it was already used. */
    private URI unique(String url) {
      String candidate = url;
      for (int n = 2; !usedUrls.add(candidate); n++) {
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        String rest = query < 0 ? "" : url.substring(query);
        String suffix = path.endsWith("/") ? "/" : path.endsWith(".html") ? ".html" : "";
        String stem = path.substring(0, path.length() - suffix.length());
        candidate = stem + "-" + n + suffix + rest;
      }
      return URI.create(candidate);
    }
  }

  // ------------------------------------------------------------------------------------- writing

  /** Turns the planned captures into WARC records, file by file. */
  private static final class Writer {
    private final Path dir;
    private final long seed;
    private final SplittableRandom ids;
    private final DemoProse prose;
    private final List<Capture> captures;
    private final int pagesPerFile;
    private final List<DemoPage> pages = new ArrayList<>();
    private final List<Instant> dates = new ArrayList<>();
    private DemoPage revisited;
    private int revisits;
    private int metadata;

    Writer(Path dir, long seed, SplittableRandom ids, DemoProse prose, List<Capture> captures,
        int pagesPerFile) {
      this.dir = dir;
      this.seed = seed;
      this.ids = ids;
      this.prose = prose;
      this.captures = captures;
      this.pagesPerFile = pagesPerFile;
      // one slot per capture plus one for the revisit; slots are spread evenly over the span
      long slots = captures.size() + 1L;
      long step = CRAWL_SPAN.toSeconds() / slots;
      for (long slot = 0; slot < slots; slot++) {
        dates.add(CRAWL_START.plusSeconds(slot * step + prose.between(0, (int) (step / 2))));
      }
    }

    Summary write() throws IOException {
      List<Path> files = new ArrayList<>();
      for (int file = 0; file < FILE_COUNT; file++) {
        Path path = dir.resolve(String.format(Locale.ROOT, FILE_PATTERN, file));
        writeFile(path, file);
        files.add(path);
      }
      return new Summary(files, pages, revisits, metadata);
    }

    private void writeFile(Path path, int file) throws IOException {
      int first = file * pagesPerFile;
      int last = first + pagesPerFile; // exclusive
      boolean lastFile = file == FILE_COUNT - 1;
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path));
          WarcWriter warc = new WarcWriter(Channels.newChannel(out), WarcCompression.GZIP)) {
        URI warcinfoId = nextId();
        warc.write(warcinfo(path.getFileName().toString(), warcinfoId, dates.get(first)));
        for (int index = first; index < last; index++) {
          Capture capture = captures.get(index);
          boolean truncate = lastFile && index == last - 1;
          if (truncate) {
            writeRevisit(warc, warcinfoId, dates.get(index));
          }
          Instant date = dates.get(truncate ? index + 1 : index);
          URI responseId = nextId();
          URI requestId = nextId();
          warc.write(request(capture, requestId, responseId, warcinfoId, date));
          WarcResponse response = response(capture, responseId, warcinfoId, date);
          long offset = warc.position();
          if (truncate) {
            byte[] member = gzipMember(response);
            out.write(member, 0, member.length / 2);
          } else {
            warc.write(response);
          }
          DemoPage page = new DemoPage(capture.url(), capture.kind(), path, offset, responseId,
              capture.status(), payloadDigest(capture.payload()).prefixedBase32(),
              capture.duplicateOf(), truncate);
          pages.add(page);
          if (revisited == null && capture.kind() == PageKind.EXACT_DUPLICATE) {
            revisited = page;
          }
          if (file == 1 && index == first) {
            warc.write(metadata(capture, responseId, warcinfoId, date));
            metadata++;
          }
        }
        out.flush();
      }
    }

    private Warcinfo warcinfo(String filename, URI id, Instant date) {
      String fields = "software: Provenant DemoCorpusGenerator\r\n"
          + "format: WARC File Format 1.1\r\n"
          + "conformsTo: https://iipc.github.io/warc-specifications/specifications/"
          + "warc-format/warc-1.1/\r\n"
          + "isPartOf: provenant-demo-" + seed + "\r\n"
          + "description: Synthetic demo crawl generated from seed " + seed
          + "; every site, page and person in it is made up.\r\n"
          + "http-header-user-agent: " + USER_AGENT + "\r\n";
      return new Warcinfo.Builder()
          .version(MessageVersion.WARC_1_1)
          .recordId(id)
          .date(date)
          .filename(filename)
          .body(MediaType.WARC_FIELDS, fields.getBytes(StandardCharsets.UTF_8))
          .build();
    }

    private WarcRequest request(
        Capture capture, URI id, URI responseId, URI warcinfoId, Instant date) throws IOException {
      URI url = capture.url();
      String target = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
      byte[] http = ("GET " + target + " HTTP/1.1\r\n"
          + "Host: " + url.getHost() + "\r\n"
          + "User-Agent: " + USER_AGENT + "\r\n"
          + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"
          + "Accept-Language: en-GB,en;q=0.8,de;q=0.5,fr;q=0.5,es;q=0.5\r\n"
          + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
      return new WarcRequest.Builder(url)
          .version(MessageVersion.WARC_1_1)
          .recordId(id)
          .date(date)
          .warcinfoId(warcinfoId)
          .concurrentTo(responseId)
          .blockDigest(sha1(http))
          .body(MediaType.HTTP_REQUEST, http)
          .build();
    }

    private WarcResponse response(Capture capture, URI id, URI warcinfoId, Instant date)
        throws IOException {
      byte[] head = httpHead(capture, date);
      byte[] http = new byte[head.length + capture.payload().length];
      System.arraycopy(head, 0, http, 0, head.length);
      System.arraycopy(capture.payload(), 0, http, head.length, capture.payload().length);
      return new WarcResponse.Builder(capture.url())
          .version(MessageVersion.WARC_1_1)
          .recordId(id)
          .date(date)
          .warcinfoId(warcinfoId)
          .ipAddress(ipAddress(capture.url().getHost()))
          .payloadDigest(payloadDigest(capture.payload()))
          .blockDigest(sha1(http))
          .body(MediaType.HTTP_RESPONSE, http)
          .build();
    }

    /** A later fetch of the first exact duplicate whose payload digest matched the stored one. */
    private void writeRevisit(WarcWriter warc, URI warcinfoId, Instant date) throws IOException {
      Capture original =
          captures.stream().filter(c -> c.url().equals(revisited.url())).findFirst().orElseThrow();
      URI revisitId = nextId();
      URI requestId = nextId();
      warc.write(request(original, requestId, revisitId, warcinfoId, date));
      byte[] head = httpHead(original, date);
      warc.write(new WarcRevisit.Builder(original.url(), WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
          .version(MessageVersion.WARC_1_1)
          .recordId(revisitId)
          .date(date)
          .warcinfoId(warcinfoId)
          .ipAddress(ipAddress(original.url().getHost()))
          .refersTo(revisited.recordId(), original.url(), dateOf(revisited))
          .payloadDigest(payloadDigest(original.payload()))
          .blockDigest(sha1(head))
          .body(MediaType.HTTP_RESPONSE, head)
          .build());
      revisits++;
    }

    private Instant dateOf(DemoPage page) {
      return dates.get(pages.indexOf(page));
    }

    /** Crawler bookkeeping about one fetch, as Heritrix writes after a response. */
    private WarcMetadata metadata(Capture capture, URI responseId, URI warcinfoId, Instant date) {
      boolean html = capture.contentType() != null && capture.contentType().startsWith("text/html");
      String fields = "via: https://" + capture.url().getHost() + "/\r\n"
          + "hopsFromSeed: " + (html ? "L" : "E") + "\r\n"
          + "sourceTag: provenant-demo-seeds\r\n"
          + "fetchTimeMs: " + prose.between(40, 900) + "\r\n"
          + (html ? "outlink: https://" + capture.url().getHost() + "/about-us L a/@href\r\n" : "");
      return new WarcMetadata.Builder()
          .version(MessageVersion.WARC_1_1)
          .recordId(nextId())
          .date(date)
          .targetURI(capture.url())
          .warcinfoId(warcinfoId)
          .concurrentTo(responseId)
          .body(MediaType.WARC_FIELDS, fields.getBytes(StandardCharsets.UTF_8))
          .build();
    }

    private static byte[] httpHead(Capture capture, Instant date) {
      StringBuilder head = new StringBuilder();
      head.append("HTTP/1.1 ").append(capture.status()).append(' ').append(capture.reason())
          .append("\r\n");
      head.append("Date: ").append(HTTP_DATE.format(date)).append("\r\n");
      head.append("Server: ").append(capture.server()).append("\r\n");
      if (capture.contentType() != null) {
        head.append("Content-Type: ").append(capture.contentType()).append("\r\n");
      }
      head.append("Content-Length: ").append(capture.payload().length).append("\r\n");
      for (String header : capture.extraHeaders()) {
        head.append(header).append("\r\n");
      }
      head.append("Connection: close\r\n\r\n");
      return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] gzipMember(WarcResponse response) throws IOException {
      ByteArrayOutputStream member = new ByteArrayOutputStream();
      try (WarcWriter writer = new WarcWriter(Channels.newChannel(member), WarcCompression.GZIP)) {
        writer.write(response);
      }
      return member.toByteArray();
    }

    /** A version 4 style UUID drawn from the seeded id stream. */
    private URI nextId() {
      long high = (ids.nextLong() & ~0xF000L) | 0x4000L;
      long low = (ids.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
      return URI.create("urn:uuid:" + new UUID(high, low));
    }

    /** A documentation-range (RFC 5737) address that is stable per host. */
    private static InetAddress ipAddress(String host) throws java.net.UnknownHostException {
      int last = 1 + Math.floorMod(host.hashCode(), 254);
      return InetAddress.getByAddress(host, new byte[] {(byte) 203, 0, 113, (byte) last});
    }
  }

  /** The SHA-1 of the HTTP payload, which for these unencoded bodies is the body itself. */
  private static WarcDigest payloadDigest(byte[] payload) {
    return sha1(payload);
  }

  private static WarcDigest sha1(byte[] bytes) {
    try {
      return new WarcDigest("sha1", MessageDigest.getInstance("SHA-1").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Replaces every occurrence of {@code pattern} in {@code bytes}. */
  private static byte[] replace(byte[] bytes, byte[] pattern, byte[] replacement) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
    int i = 0;
    while (i < bytes.length) {
      if (i <= bytes.length - pattern.length
          && java.util.Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
        out.writeBytes(replacement);
        i += pattern.length;
      } else {
        out.write(bytes[i++]);
      }
    }
    return out.toByteArray();
  }
}
