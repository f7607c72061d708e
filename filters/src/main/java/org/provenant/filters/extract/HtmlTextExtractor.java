package org.provenant.filters.extract;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeFilter.FilterResult;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.Selector;

/**
 * Extracts the main readable text of an HTML page as plain text with light structure: one block
 * per heading, paragraph, list item ({@code "- "}, nested items indented), definition term or
 * description, blockquote, data table (a row per line, cells joined by {@code " | "}) and
 * preformatted section; text directly inside containers such as {@code div} is a block too.
 * Blocks are separated by a blank line, consecutive list items by a single newline. Outside
 * {@code pre}, whitespace (including no-break spaces) collapses to single spaces, {@code br} is a
 * line break, lines are trimmed and blank lines never repeat; {@code pre} keeps its lines,
 * indentation, tabs and blank lines, losing only trailing whitespace.
 *
 * <p>Before walking the page it leaves out what is never content (scripts, styles, embedded
 * objects, buttons and selects, {@code nav} and {@code aside}) and hidden elements ({@code
 * hidden}, {@code aria-hidden="true"}, {@code display:none}). Then page chrome: {@code header}
 * and {@code footer} unless one holds all the text of the body; {@code form} and elements whose
 * id or class has a boilerplate token such as {@code footer} or {@code cookie}, unless the
 * element wraps the page (contains {@code main}, or more than half of the body's text). It then
 * extracts from the first {@code main}, else the longest {@code article}, else the body. Short
 * blocks made mostly of link text (menus, tag lists) are dropped and counted.
 *
 * <p>Deterministic and thread-safe; thresholds are constructor arguments.
 */
public final class HtmlTextExtractor {

  /** A block whose linked characters exceed this fraction of its characters may be boilerplate. */
  public static final double DEFAULT_MAX_LINK_DENSITY = 0.5;

  /** Link-dense blocks with at least this many words are kept anyway. */
  public static final int DEFAULT_MIN_WORDS_TO_KEEP_LINKED_BLOCK = 10;

  private static final Set<String> NEVER_CONTENT_TAGS =
      Set.of(
          "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "button",
          "select", "nav", "aside");

  /** Lowercase, ASCII letters only: {@link #isBoilerplateToken} relies on it. */
  private static final Set<String> BOILERPLATE_TOKENS =
      Set.of(
          "nav", "navbar", "menu", "footer", "sidebar", "cookie", "consent", "banner", "breadcrumb",
          "share", "social", "advert", "ads", "promo", "related", "newsletter", "subscribe",
          "popup", "modal");

  /** {@link #BOILERPLATE_TOKENS} indexed by length, so a token is compared without allocating. */
  private static final String[][] BOILERPLATE_TOKENS_BY_LENGTH = byLength(BOILERPLATE_TOKENS);

  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

  /** Elements that start and end a block; everything else is inline. */
  private static final Set<String> BLOCK_TAGS =
      Set.of(
          "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
          "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
          "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend",
          "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
          "td", "tfoot", "th", "thead", "tr", "ul");

  /** A table containing any of these is a layout table, walked like nested divs. */
  private static final Set<String> LAYOUT_TABLE_MARKERS =
      Set.of(
          "table", "p", "div", "ul", "ol", "li", "dl", "pre", "blockquote", "section", "article",
          "h1", "h2", "h3", "h4", "h5", "h6");

  // Bits of TAG_FLAGS: which of the sets above a tag name is in, found with one lookup.
  private static final int NEVER_CONTENT = 1;
  private static final int BLOCK = 1 << 1;
  private static final int HEADING = 1 << 2;
  private static final int LAYOUT_TABLE_MARKER = 1 << 3;
  private static final Map<String, Integer> TAG_FLAGS = tagFlags();

  /** {@link #isCollapsible} for every char, so the per-character loops do one array read. */
  private static final boolean[] COLLAPSIBLE = collapsibleTable();

  private static final Evaluator TR = Selector.evaluatorOf("tr");
  private static final Evaluator CAPTION = Selector.evaluatorOf("caption");

  private final double maxLinkDensity;
  private final int minWordsToKeepLinkedBlock;

  /**
   * The text of one page.
   *
   * @param title the trimmed {@code <title>}, or null when there is none or it is blank
   * @param text the extracted text; empty when nothing is left
   * @param blocks how many blocks {@code text} is made of
   * @param droppedBoilerplateBlocks blocks dropped by the link-density rule (elements left out
   *     before the walk, such as {@code nav}, are not counted)
   */
  public record Extraction(String title, String text, int blocks, int droppedBoilerplateBlocks)
      implements Serializable {
    public Extraction {
      requireNonNull(text, "text");
    }
  }

  /** An extractor with the default link-density thresholds. */
  public HtmlTextExtractor() {
    this(DEFAULT_MAX_LINK_DENSITY, DEFAULT_MIN_WORDS_TO_KEEP_LINKED_BLOCK);
  }

  /**
   * An extractor that drops a block (other than headings and preformatted text) when its linked
   * characters are more than {@code maxLinkDensity} of its characters and it has fewer than
   * {@code minWordsToKeepLinkedBlock} words.
   */
  public HtmlTextExtractor(double maxLinkDensity, int minWordsToKeepLinkedBlock) {
    checkArgument(
        maxLinkDensity >= 0 && maxLinkDensity <= 1,
        "maxLinkDensity must be in [0, 1]: %s",
        maxLinkDensity);
    checkArgument(
        minWordsToKeepLinkedBlock >= 0,
        "minWordsToKeepLinkedBlock is negative: %s",
        minWordsToKeepLinkedBlock);
    this.maxLinkDensity = maxLinkDensity;
    this.minWordsToKeepLinkedBlock = minWordsToKeepLinkedBlock;
  }

  /**
   * Extracts the title and main text of {@code html}. {@code baseUrl} (may be null) is only given
   * to jsoup to resolve relative links; it does not change the text.
   */
  public Extraction extract(String html, String baseUrl) {
    requireNonNull(html, "html");
    return extract(parse(html, baseUrl));
  }

  /** The DOM of {@code html}, as {@link #extract(Document)} and the signal detectors read it. */
  public static Document parse(String html, String baseUrl) {
    return Jsoup.parse(html, baseUrl == null ? "" : baseUrl);
  }

  /** Extracts the title and main text of a parsed page; the DOM is not changed. */
  public Extraction extract(Document document) {
    Element body = document.body();
    PageScan scan = PageScan.of(body);
    String title = document.title();

    BlockCollector collector = new BlockCollector(scan.skipped);
    NodeTraversor.filter(collector, contentRoot(body, scan));

    List<Block> keptBlocks = new ArrayList<>(collector.blocks.size());
    int length = 0;
    for (Block block : collector.blocks) {
      if (!isLinkBoilerplate(block)) {
        keptBlocks.add(block);
        length += block.text.length() + 2; // at most two newlines before the next block
      }
    }
    StringBuilder text = new StringBuilder(length);
    Block previous = null;
    for (Block block : keptBlocks) {
      if (previous != null) {
        text.append(previous.inList && block.inList ? "\n" : "\n\n");
      }
      text.append(block.text);
      previous = block;
    }
    int dropped = collector.blocks.size() - keptBlocks.size();
    return new Extraction(
        title.isBlank() ? null : title, text.toString(), keptBlocks.size(), dropped);
  }

  private boolean isLinkBoilerplate(Block block) {
    return block.kind != BlockKind.HEADING
        && block.kind != BlockKind.PRE
        && block.chars > 0
        && (double) block.linkedChars / block.chars > maxLinkDensity
        && block.words < minWordsToKeepLinkedBlock;
  }

  /**
   * The elements to leave out and the candidates for the content root, found in one walk over the
   * body. The walk leaves out never-content and hidden elements, and measures each chrome
   * candidate (header, footer, form, boilerplate id or class) on the way: the visible characters
   * under it and whether it holds a {@code main}, neither counting what was left out. Once the
   * body's total is known, each candidate is judged by {@link #isChrome}. A candidate depends only
   * on its own subtree, so judging them after the walk gives the verdicts that judging them in
   * document order would; a chrome element inside another is recorded too, which changes nothing
   * because every walk stops at the outer one. Nothing is removed from the DOM (removing many
   * children of one large parent is quadratic in jsoup); walks skip these elements instead.
   */
  private static final class PageScan implements NodeFilter {
    final Set<Element> skipped = Collections.newSetFromMap(new IdentityHashMap<>());
    /** {@code main} and {@code article} elements outside never-content and hidden ones. */
    final List<Element> rootCandidates = new ArrayList<>();
    private final Element body;
    private final List<ChromeCandidate> chromeCandidates = new ArrayList<>();
    private final ArrayDeque<ChromeCandidate> open = new ArrayDeque<>();
    private final CharCounter counter = new CharCounter();
    private int visibleChars;
    private int mains;

    private PageScan(Element body) {
      this.body = body;
    }

    static PageScan of(Element body) {
      PageScan scan = new PageScan(body);
      NodeTraversor.filter(scan, body);
      int bodyChars = scan.visibleChars;
      for (ChromeCandidate candidate : scan.chromeCandidates) {
        if (candidate.isChrome(bodyChars)) {
          scan.skipped.add(candidate.element);
        }
      }
      return scan;
    }

    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof TextNode text) {
        visibleChars += counter.nonCollapsible(text.getWholeText());
        return FilterResult.CONTINUE;
      }
      if (node == body || !(node instanceof Element element)) {
        return FilterResult.CONTINUE;
      }
      String name = element.normalName();
      if ((flags(name) & NEVER_CONTENT) != 0 || isHidden(element)) {
        skipped.add(element);
        return FilterResult.SKIP_ENTIRELY;
      }
      boolean headerOrFooter = name.equals("header") || name.equals("footer");
      if (headerOrFooter || name.equals("form") || hasBoilerplateToken(element)) {
        ChromeCandidate candidate =
            new ChromeCandidate(element, headerOrFooter, visibleChars, mains);
        chromeCandidates.add(candidate);
        open.push(candidate);
      }
      if (name.equals("main")) {
        mains++;
        rootCandidates.add(element);
      } else if (name.equals("article")) {
        rootCandidates.add(element);
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      ChromeCandidate innermost = open.peek();
      if (innermost != null && innermost.element == node) {
        open.pop();
        innermost.visibleChars = visibleChars - innermost.visibleCharsBefore;
        innermost.holdsMain = mains > innermost.mainsBefore;
      }
      return FilterResult.CONTINUE;
    }
  }

  /** An element that may be page chrome, with what {@link #isChrome} needs to know. */
  private static final class ChromeCandidate {
    final Element element;
    final boolean headerOrFooter;
    final int visibleCharsBefore;
    final int mainsBefore;
    int visibleChars;
    boolean holdsMain;

    ChromeCandidate(
        Element element, boolean headerOrFooter, int visibleCharsBefore, int mainsBefore) {
      this.element = element;
      this.headerOrFooter = headerOrFooter;
      this.visibleCharsBefore = visibleCharsBefore;
      this.mainsBefore = mainsBefore;
    }

    /**
     * Header and footer are chrome unless they hold all the body's text. A form or an element
     * with a boilerplate id or class is chrome unless it wraps the page (an ASP.NET form, a {@code
     * class="no-sidebar"} layout div): it contains {@code main}, or more than half the body's
     * text.
     */
    boolean isChrome(int bodyChars) {
      if (headerOrFooter) {
        return bodyChars == 0 || visibleChars < bodyChars;
      }
      return !holdsMain && (long) visibleChars * 2 <= bodyChars;
    }
  }

  /** Non-space characters of the text under {@code root}, leaving out skipped elements. */
  private static int visibleChars(Element root, Set<Element> skipped) {
    int[] chars = {0};
    CharCounter counter = new CharCounter();
    NodeTraversor.filter(
        (node, depth) -> {
          if (node instanceof TextNode text) {
            chars[0] += counter.nonCollapsible(text.getWholeText());
          } else if (node instanceof Element element && skipped.contains(element)) {
            return FilterResult.SKIP_ENTIRELY;
          }
          return FilterResult.CONTINUE;
        },
        root);
    return chars[0];
  }

  private static boolean isSkipped(Element element, Set<Element> skipped) {
    for (Element e = element; e != null; e = e.parent()) {
      if (skipped.contains(e)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isHidden(Element element) {
    if (element.attributesSize() == 0) {
      return false;
    }
    Attributes attributes = element.attributes();
    if (attributes.hasKeyIgnoreCase("hidden")) {
      return true;
    }
    String ariaHidden = attributes.getIgnoreCase("aria-hidden");
    if (!ariaHidden.isEmpty() && ariaHidden.strip().equalsIgnoreCase("true")) {
      return true;
    }
    String style = attributes.getIgnoreCase("style");
    return !style.isEmpty() && hasDisplayNone(style);
  }

  /**
   * Whether {@code style} contains {@code display\s*:\s*none}, ASCII case-insensitive, where
   * {@code \s} is {@code [ \t\n\x0B\f\r]} (what the regular expression would match).
   */
  static boolean hasDisplayNone(String style) {
    int n = style.length();
    for (int i = 0; i + "display".length() <= n; i++) {
      if (!asciiRegionMatchesLower(style, i, "display")) {
        continue;
      }
      int j = skipRegexSpaces(style, i + "display".length());
      if (j < n && style.charAt(j) == ':') {
        j = skipRegexSpaces(style, j + 1);
        if (j + "none".length() <= n && asciiRegionMatchesLower(style, j, "none")) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether {@code s} has {@code lower} (lowercase ASCII letters) at {@code from}, in any case. */
  private static boolean asciiRegionMatchesLower(String s, int from, String lower) {
    for (int k = 0; k < lower.length(); k++) {
      // For a lowercase ASCII letter p, (c | 0x20) == p only when c is p or its uppercase.
      if ((s.charAt(from + k) | 0x20) != lower.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static int skipRegexSpaces(String s, int i) {
    while (i < s.length() && isRegexSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /**
   * Whether the id or class of {@code element} has a boilerplate token: split on runs of {@code
   * [-_\s]}, lowercased, one of {@link #BOILERPLATE_TOKENS}. The id is taken as is, the class
   * trimmed, as {@link Element#id()} and {@link Element#className()} give them.
   */
  private static boolean hasBoilerplateToken(Element element) {
    if (element.attributesSize() == 0) {
      return false;
    }
    Attributes attributes = element.attributes();
    return hasBoilerplateToken(attributes.getIgnoreCase("id"))
        || hasBoilerplateToken(attributes.getIgnoreCase("class").trim());
  }

  static boolean hasBoilerplateToken(String names) {
    int n = names.length();
    int i = 0;
    while (i < n) {
      while (i < n && isTokenSeparator(names.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isTokenSeparator(names.charAt(i))) {
        i++;
      }
      if (i > start && isBoilerplateToken(names, start, i)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTokenSeparator(char c) {
    return c == '-' || c == '_' || isRegexSpace(c);
  }

  /**
   * Whether {@code names[start, end)} lowercased (in {@link Locale#ROOT}) is a boilerplate token.
   * The tokens are lowercase ASCII letters, and the only characters that lowercase to one are
   * ASCII letters and the Kelvin sign (U+212A, to {@code k}); so the token has the same length
   * and is compared character by character.
   */
  private static boolean isBoilerplateToken(String names, int start, int end) {
    int length = end - start;
    if (length >= BOILERPLATE_TOKENS_BY_LENGTH.length) {
      return false;
    }
    candidates:
    for (String token : BOILERPLATE_TOKENS_BY_LENGTH[length]) {
      for (int k = 0; k < length; k++) {
        char c = names.charAt(start + k);
        char lower =
            c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c == '\u212A' ? 'k' : c;
        if (lower != token.charAt(k)) {
          continue candidates;
        }
      }
      return true;
    }
    return false;
  }

  /**
   * The first {@code main} not left out, else the {@code article} with the most visible text,
   * else the body.
   */
  private static Element contentRoot(Element body, PageScan scan) {
    Element longest = null;
    int longestChars = -1;
    for (Element element : scan.rootCandidates) {
      if (isSkipped(element, scan.skipped)) {
        continue;
      }
      if (element.normalName().equals("main")) {
        return element;
      }
      int chars = visibleChars(element, scan.skipped);
      if (chars > longestChars) {
        longest = element;
        longestChars = chars;
      }
    }
    return longest != null ? longest : body;
  }

  private enum BlockKind {
    TEXT,
    HEADING,
    PRE,
    TABLE
  }

  /** One block of output text, with what the link-density filter needs. */
  private record Block(
      BlockKind kind, String text, boolean inList, int chars, int linkedChars, int words) {}

  /** Walks the content root and cuts it into blocks. */
  private static final class BlockCollector implements NodeFilter {
    final List<Block> blocks = new ArrayList<>();
    private final Set<Element> skipped;
    private final TextBuffer buffer = new TextBuffer();
    /** Reused for the caption and each cell of a data table. */
    private final TextBuffer cellBuffer = new TextBuffer();
    private final CharCounter counter = new CharCounter();
    private int linkDepth;
    private int headingDepth;
    private int listDepth;
    private boolean listMarkerPending;

    BlockCollector(Set<Element> skipped) {
      this.skipped = skipped;
    }

    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof TextNode textNode) {
        buffer.append(textNode.getWholeText(), linkDepth > 0);
        return FilterResult.CONTINUE;
      }
      if (!(node instanceof Element element)) {
        return FilterResult.CONTINUE; // comments and the like
      }
      if (skipped.contains(element)) {
        return FilterResult.SKIP_ENTIRELY;
      }
      String name = element.normalName();
      if (name.equals("br")) {
        buffer.lineBreak();
        return FilterResult.CONTINUE;
      }
      if (isLink(element)) {
        linkDepth++;
      }
      if (name.equals("pre")) {
        flush();
        addPre(element);
        return FilterResult.SKIP_CHILDREN;
      }
      if (name.equals("table") && isDataTable(element)) {
        flush();
        addTable(element);
        return FilterResult.SKIP_CHILDREN;
      }
      int flags = flags(name);
      if ((flags & BLOCK) != 0) {
        flush();
        if ((flags & HEADING) != 0) {
          headingDepth++;
        }
        if (name.equals("li")) {
          listDepth++;
          listMarkerPending = true;
        }
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      if (!(node instanceof Element element)) {
        return FilterResult.CONTINUE;
      }
      String name = element.normalName();
      if (isLink(element)) {
        linkDepth--;
      }
      int flags = flags(name);
      if ((flags & BLOCK) != 0) {
        flush();
        if ((flags & HEADING) != 0) {
          headingDepth--;
        }
        if (name.equals("li")) {
          listDepth--;
          listMarkerPending = false;
        }
      }
      return FilterResult.CONTINUE;
    }

    private static boolean isLink(Element element) {
      return element.normalName().equals("a") && element.hasAttr("href");
    }

    private void flush() {
      if (!buffer.isEmpty()) {
        String text = buffer.text();
        if (!text.isEmpty()) {
          BlockKind kind = headingDepth > 0 ? BlockKind.HEADING : BlockKind.TEXT;
          add(kind, text, buffer.chars, buffer.linkedChars, buffer.words);
        }
      }
      buffer.clear();
    }

    /**
     * Adds a text block. In a list every line is indented two spaces per level, the first line of
     * an item with its {@code "- "} marker in the last two; empty lines stay empty.
     */
    private void add(BlockKind kind, String text, int chars, int linkedChars, int words) {
      boolean inList = listDepth > 0;
      String rendered = text;
      if (inList) {
        int indent = 2 * listDepth;
        StringBuilder indented = new StringBuilder(text.length() + indent + 16);
        if (listMarkerPending) {
          appendSpaces(indented, indent - 2);
          indented.append("- ");
        } else {
          appendSpaces(indented, indent);
        }
        int lineEnd = text.indexOf('\n');
        indented.append(text, 0, lineEnd < 0 ? text.length() : lineEnd);
        while (lineEnd >= 0) {
          int lineStart = lineEnd + 1;
          lineEnd = text.indexOf('\n', lineStart);
          int end = lineEnd < 0 ? text.length() : lineEnd;
          indented.append('\n');
          if (end > lineStart) {
            appendSpaces(indented, indent);
            indented.append(text, lineStart, end);
          }
        }
        rendered = indented.toString();
        listMarkerPending = false;
      }
      blocks.add(new Block(kind, rendered, inList, chars, linkedChars, words));
    }

    private static void appendSpaces(StringBuilder out, int count) {
      for (int i = 0; i < count; i++) {
        out.append(' ');
      }
    }

    /** Preformatted text keeps its lines, indentation and tabs; only line ends are trimmed. */
    private void addPre(Element pre) {
      String[] lines = rawText(pre).replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
      int first = 0;
      int last = lines.length - 1;
      while (first <= last && lines[first].isBlank()) {
        first++;
      }
      while (last >= first && lines[last].isBlank()) {
        last--;
      }
      if (first > last) {
        return;
      }
      StringBuilder text = new StringBuilder();
      for (int i = first; i <= last; i++) {
        if (i > first) {
          text.append('\n');
        }
        text.append(lines[i].stripTrailing());
      }
      String content = text.toString();
      int chars = counter.nonCollapsible(content);
      blocks.add(new Block(BlockKind.PRE, content, false, chars, 0, counter.words(content)));
    }

    /** A table without block content: one block, a row per line, cells joined by " | ". */
    private void addTable(Element table) {
      Element caption = table.selectFirst(CAPTION);
      if (caption != null && !isSkipped(caption, skipped)) {
        String captionText = inlineText(caption, cellBuffer);
        if (!captionText.isEmpty()) {
          add(
              BlockKind.TEXT,
              captionText,
              cellBuffer.chars,
              cellBuffer.linkedChars,
              cellBuffer.words);
        }
      }
      StringBuilder rows = new StringBuilder();
      int words = 0;
      int chars = 0;
      int linkedChars = 0;
      List<String> cells = new ArrayList<>();
      for (Element row : table.select(TR)) {
        if (isSkipped(row, skipped)) {
          continue;
        }
        cells.clear();
        boolean anyText = false;
        for (Element cell : row.children()) {
          if (!cell.normalName().equals("td") && !cell.normalName().equals("th")
              || skipped.contains(cell)) {
            continue;
          }
          String value = inlineText(cell, cellBuffer);
          cells.add(value);
          anyText |= !value.isEmpty();
          chars += cellBuffer.chars;
          linkedChars += cellBuffer.linkedChars;
          words += cellBuffer.words; // as if the cells were joined by spaces
        }
        if (anyText) {
          if (rows.length() > 0) {
            rows.append('\n');
          }
          rows.append(String.join(" | ", cells).strip());
        }
      }
      if (rows.length() > 0) {
        blocks.add(new Block(BlockKind.TABLE, rows.toString(), false, chars, linkedChars, words));
      }
    }

    private boolean isDataTable(Element table) {
      boolean[] layout = {false};
      NodeTraversor.filter(
          (node, depth) -> {
            if (node == table || !(node instanceof Element element)) {
              return FilterResult.CONTINUE;
            }
            if (skipped.contains(element)) {
              return FilterResult.SKIP_ENTIRELY;
            }
            if ((flags(element.normalName()) & LAYOUT_TABLE_MARKER) != 0) {
              layout[0] = true;
              return FilterResult.STOP;
            }
            return FilterResult.CONTINUE;
          },
          table);
      return !layout[0];
    }

    /** The text of a pre exactly as written (a br is a line break), leaving out skipped parts. */
    private String rawText(Element pre) {
      StringBuilder text = new StringBuilder();
      NodeTraversor.filter(
          (node, depth) -> {
            if (node instanceof TextNode textNode) {
              text.append(textNode.getWholeText());
            } else if (node instanceof Element element) {
              if (skipped.contains(element)) {
                return FilterResult.SKIP_ENTIRELY;
              }
              if (element.normalName().equals("br")) {
                text.append('\n');
              }
            }
            return FilterResult.CONTINUE;
          },
          pre);
      return text.toString();
    }

    /**
     * The single-line text of an element with only inline content (a br becomes a space), built
     * in {@code text}, which is cleared first and afterwards holds the character counts.
     */
    private String inlineText(Element element, TextBuffer text) {
      text.clear();
      NodeTraversor.filter(
          new NodeFilter() {
            private int links;

            @Override
            public FilterResult head(Node node, int depth) {
              if (node instanceof TextNode textNode) {
                text.append(textNode.getWholeText(), links > 0);
              } else if (node instanceof Element child) {
                if (skipped.contains(child)) {
                  return FilterResult.SKIP_ENTIRELY;
                }
                if (child.normalName().equals("br")) {
                  text.append(" ", false);
                } else if (isLink(child)) {
                  links++;
                }
              }
              return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
              if (node instanceof Element child && isLink(child)) {
                links--;
              }
              return FilterResult.CONTINUE;
            }
          },
          element);
      return text.text();
    }
  }

  private static int flags(String tagName) {
    Integer flags = TAG_FLAGS.get(tagName);
    return flags == null ? 0 : flags;
  }

  private static Map<String, Integer> tagFlags() {
    Map<String, Integer> flags = new HashMap<>();
    NEVER_CONTENT_TAGS.forEach(name -> flags.merge(name, NEVER_CONTENT, (a, b) -> a | b));
    BLOCK_TAGS.forEach(name -> flags.merge(name, BLOCK, (a, b) -> a | b));
    HEADINGS.forEach(name -> flags.merge(name, HEADING, (a, b) -> a | b));
    LAYOUT_TABLE_MARKERS.forEach(name -> flags.merge(name, LAYOUT_TABLE_MARKER, (a, b) -> a | b));
    return Map.copyOf(flags);
  }

  private static String[][] byLength(Set<String> tokens) {
    int longest = tokens.stream().mapToInt(String::length).max().orElse(0);
    String[][] byLength = new String[longest + 1][];
    for (int length = 0; length <= longest; length++) {
      int l = length;
      byLength[length] =
          tokens.stream().filter(t -> t.length() == l).sorted().toArray(String[]::new);
    }
    return byLength;
  }

  /**
   * Counts over the characters of a string, copied into a reused array first: a loop over a char
   * array compiles to the same fast code whichever internal encoding the strings have.
   */
  private static final class CharCounter {
    private char[] chars = new char[256];

    /** Characters of {@code s} that are not collapsible whitespace. */
    int nonCollapsible(String s) {
      int n = load(s);
      char[] in = chars;
      int count = 0;
      for (int i = 0; i < n; i++) {
        if (!COLLAPSIBLE[in[i]]) {
          count++;
        }
      }
      return count;
    }

    /** Words of {@code s}: runs of characters that are not collapsible whitespace. */
    int words(String s) {
      int n = load(s);
      char[] in = chars;
      int words = 0;
      boolean inWord = false;
      for (int i = 0; i < n; i++) {
        boolean space = COLLAPSIBLE[in[i]];
        if (!space && !inWord) {
          words++;
        }
        inWord = !space;
      }
      return words;
    }

    private int load(String s) {
      int n = s.length();
      if (n > chars.length) {
        chars = new char[Math.max(n, 2 * chars.length)];
      }
      s.getChars(0, n, chars, 0);
      return n;
    }
  }

  /** Whitespace for collapsing: Java whitespace plus no-break and other Unicode spaces. */
  private static boolean isCollapsible(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static boolean[] collapsibleTable() {
    boolean[] table = new boolean[Character.MAX_VALUE + 1];
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      table[c] = isCollapsible((char) c);
    }
    return table;
  }

  /**
   * Text of the block being built: whitespace runs collapse to one space, br adds a line break,
   * and non-space characters are counted, with those inside links counted separately, and so
   * are words (runs of non-space characters, which a space or line break ends).
   *
   * <p>A space is only ever written just before a non-space character and never at the start of
   * a line, so lines hold no leading or trailing whitespace and {@link #text()} only has to drop
   * empty lines.
   */
  private static final class TextBuffer {
    private char[] text = new char[256];
    /** The string being appended, copied so the loop reads an array (see {@link CharCounter}). */
    private char[] input = new char[256];
    private int length;
    private boolean pendingSpace;
    int chars;
    int linkedChars;
    int words;

    void append(String s, boolean linked) {
      int n = s.length();
      if (n > input.length) {
        input = new char[Math.max(n, 2 * input.length)];
      }
      s.getChars(0, n, input, 0);
      // At most one space per character of s, plus one pending from before.
      if (length + n + 1 > text.length) {
        text = Arrays.copyOf(text, Math.max(2 * text.length, length + n + 1));
      }
      char[] in = input;
      char[] out = text;
      int at = length;
      boolean space = pendingSpace;
      int added = 0;
      int newWords = 0;
      for (int i = 0; i < n; i++) {
        char c = in[i];
        if (COLLAPSIBLE[c]) {
          space = true;
          continue;
        }
        if (at == 0 || out[at - 1] == '\n') {
          newWords++;
        } else if (space) {
          out[at++] = ' ';
          newWords++;
        }
        space = false;
        out[at++] = c;
        added++;
      }
      length = at;
      pendingSpace = space;
      chars += added;
      words += newWords;
      if (linked) {
        linkedChars += added;
      }
    }

    void lineBreak() {
      if (length == text.length) {
        text = Arrays.copyOf(text, 2 * text.length);
      }
      text[length++] = '\n';
      pendingSpace = false;
    }

    boolean isEmpty() {
      return length == 0;
    }

    /** Lines trimmed, at most one blank line in a row, no blank lines at either end. */
    String text() {
      int firstBreak = indexOfLineBreak(0);
      if (firstBreak < 0) {
        return new String(text, 0, length);
      }
      StringBuilder out = new StringBuilder(length);
      boolean blankPending = false;
      int lineStart = 0;
      int lineEnd = firstBreak;
      while (true) {
        if (lineEnd == lineStart) {
          blankPending = out.length() > 0;
        } else {
          if (out.length() > 0) {
            out.append(blankPending ? "\n\n" : "\n");
          }
          out.append(text, lineStart, lineEnd - lineStart);
          blankPending = false;
        }
        if (lineEnd == length) {
          return out.toString();
        }
        lineStart = lineEnd + 1;
        lineEnd = indexOfLineBreak(lineStart);
        if (lineEnd < 0) {
          lineEnd = length;
        }
      }
    }

    private int indexOfLineBreak(int from) {
      for (int i = from; i < length; i++) {
        if (text[i] == '\n') {
          return i;
        }
      }
      return -1;
    }

    void clear() {
      length = 0;
      pendingSpace = false;
      chars = 0;
      linkedChars = 0;
      words = 0;
    }
  }
}
