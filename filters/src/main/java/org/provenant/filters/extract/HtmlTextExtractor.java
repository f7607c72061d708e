package org.provenant.filters.extract;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeFilter.FilterResult;
import org.jsoup.select.NodeTraversor;

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

  private static final Set<String> BOILERPLATE_TOKENS =
      Set.of(
          "nav", "navbar", "menu", "footer", "sidebar", "cookie", "consent", "banner", "breadcrumb",
          "share", "social", "advert", "ads", "promo", "related", "newsletter", "subscribe",
          "popup", "modal");

  private static final Pattern TOKEN_SEPARATOR = Pattern.compile("[-_\\s]+");
  private static final Pattern DISPLAY_NONE =
      Pattern.compile("display\\s*:\\s*none", Pattern.CASE_INSENSITIVE);

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
    Document document = Jsoup.parse(html, baseUrl == null ? "" : baseUrl);
    Element body = document.body();
    Set<Element> skipped = nonContent(body);
    String title = document.title();

    BlockCollector collector = new BlockCollector(skipped);
    NodeTraversor.filter(collector, contentRoot(body, skipped));

    StringBuilder text = new StringBuilder();
    Block previous = null;
    int kept = 0;
    int dropped = 0;
    for (Block block : collector.blocks) {
      if (isLinkBoilerplate(block)) {
        dropped++;
        continue;
      }
      if (previous != null) {
        text.append(previous.inList && block.inList ? "\n" : "\n\n");
      }
      text.append(block.text);
      previous = block;
      kept++;
    }
    return new Extraction(title.isBlank() ? null : title, text.toString(), kept, dropped);
  }

  private boolean isLinkBoilerplate(Block block) {
    return block.kind != BlockKind.HEADING
        && block.kind != BlockKind.PRE
        && block.chars > 0
        && (double) block.linkedChars / block.chars > maxLinkDensity
        && block.words < minWordsToKeepLinkedBlock;
  }

  /**
   * The elements to leave out, found in two passes: never-content and hidden elements, then page
   * chrome judged against the text that remains. Nothing is removed from the DOM (removing many
   * children of one large parent is quadratic in jsoup); walks skip these elements instead.
   */
  private static Set<Element> nonContent(Element body) {
    Set<Element> skipped = Collections.newSetFromMap(new IdentityHashMap<>());
    NodeTraversor.filter(
        (node, depth) -> {
          if (node != body
              && node instanceof Element element
              && (NEVER_CONTENT_TAGS.contains(element.normalName()) || isHidden(element))) {
            skipped.add(element);
            return FilterResult.SKIP_ENTIRELY;
          }
          return FilterResult.CONTINUE;
        },
        body);
    int bodyChars = visibleChars(body, skipped);
    NodeTraversor.filter(
        (node, depth) -> {
          if (node == body || !(node instanceof Element element)) {
            return FilterResult.CONTINUE;
          }
          if (skipped.contains(element) || isChrome(element, bodyChars, skipped)) {
            skipped.add(element);
            return FilterResult.SKIP_ENTIRELY;
          }
          return FilterResult.CONTINUE;
        },
        body);
    return skipped;
  }

  /**
   * Header and footer are chrome unless they hold all the body's text. A form or an element with
   * a boilerplate id or class is chrome unless it wraps the page (an ASP.NET form, a {@code
   * class="no-sidebar"} layout div): it contains {@code main}, or more than half the body's text.
   */
  private static boolean isChrome(Element element, int bodyChars, Set<Element> skipped) {
    String name = element.normalName();
    if (name.equals("header") || name.equals("footer")) {
      return bodyChars == 0 || visibleChars(element, skipped) < bodyChars;
    }
    if (!name.equals("form") && !hasBoilerplateToken(element)) {
      return false;
    }
    boolean holdsMain = element.select("main").stream().anyMatch(m -> !isSkipped(m, skipped));
    return !holdsMain && (long) visibleChars(element, skipped) * 2 <= bodyChars;
  }

  /** Non-space characters of the text under {@code root}, leaving out skipped elements. */
  private static int visibleChars(Element root, Set<Element> skipped) {
    int[] chars = {0};
    NodeTraversor.filter(
        (node, depth) -> {
          if (node instanceof TextNode text) {
            String value = text.getWholeText();
            for (int i = 0; i < value.length(); i++) {
              chars[0] += isCollapsible(value.charAt(i)) ? 0 : 1;
            }
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
    return element.hasAttr("hidden")
        || element.attr("aria-hidden").strip().equalsIgnoreCase("true")
        || DISPLAY_NONE.matcher(element.attr("style")).find();
  }

  private static boolean hasBoilerplateToken(Element element) {
    String names = (element.id() + " " + element.className()).toLowerCase(Locale.ROOT);
    for (String token : TOKEN_SEPARATOR.split(names)) {
      if (BOILERPLATE_TOKENS.contains(token)) {
        return true;
      }
    }
    return false;
  }

  private static Element contentRoot(Element body, Set<Element> skipped) {
    Element longest = null;
    int longestChars = -1;
    for (Element element : body.select("main, article")) {
      if (isSkipped(element, skipped)) {
        continue;
      }
      if (element.normalName().equals("main")) {
        return element;
      }
      int chars = visibleChars(element, skipped);
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
      if (BLOCK_TAGS.contains(name)) {
        flush();
        if (HEADINGS.contains(name)) {
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
      if (BLOCK_TAGS.contains(name)) {
        flush();
        if (HEADINGS.contains(name)) {
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
      String text = buffer.text();
      if (!text.isEmpty()) {
        BlockKind kind = headingDepth > 0 ? BlockKind.HEADING : BlockKind.TEXT;
        add(kind, text, buffer.chars, buffer.linkedChars);
      }
      buffer.clear();
    }

    private void add(BlockKind kind, String text, int chars, int linkedChars) {
      boolean inList = listDepth > 0;
      String rendered = text;
      if (inList) {
        String indent = "  ".repeat(listDepth);
        StringBuilder indented = new StringBuilder();
        for (String line : text.split("\n", -1)) {
          if (indented.length() == 0) {
            indented.append(listMarkerPending ? indent.substring(2) + "- " : indent).append(line);
          } else {
            indented.append('\n').append(line.isEmpty() ? "" : indent + line);
          }
        }
        rendered = indented.toString();
        listMarkerPending = false;
      }
      blocks.add(new Block(kind, rendered, inList, chars, linkedChars, countWords(text)));
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
      int chars = (int) content.chars().filter(c -> !isCollapsible((char) c)).count();
      blocks.add(new Block(BlockKind.PRE, content, false, chars, 0, countWords(content)));
    }

    /** A table without block content: one block, a row per line, cells joined by " | ". */
    private void addTable(Element table) {
      Element caption = table.selectFirst("caption");
      if (caption != null && !isSkipped(caption, skipped)) {
        TextBuffer captionText = inlineText(caption);
        if (!captionText.text().isEmpty()) {
          add(BlockKind.TEXT, captionText.text(), captionText.chars, captionText.linkedChars);
        }
      }
      StringBuilder rows = new StringBuilder();
      StringBuilder words = new StringBuilder();
      int chars = 0;
      int linkedChars = 0;
      for (Element row : table.select("tr")) {
        if (isSkipped(row, skipped)) {
          continue;
        }
        List<String> cells = new ArrayList<>();
        boolean anyText = false;
        for (Element cell : row.children()) {
          if (!cell.normalName().equals("td") && !cell.normalName().equals("th")
              || skipped.contains(cell)) {
            continue;
          }
          TextBuffer cellText = inlineText(cell);
          String value = cellText.text();
          cells.add(value);
          anyText |= !value.isEmpty();
          chars += cellText.chars;
          linkedChars += cellText.linkedChars;
          words.append(value).append(' ');
        }
        if (anyText) {
          if (rows.length() > 0) {
            rows.append('\n');
          }
          rows.append(String.join(" | ", cells).strip());
        }
      }
      if (rows.length() > 0) {
        int wordCount = countWords(words.toString());
        blocks.add(
            new Block(BlockKind.TABLE, rows.toString(), false, chars, linkedChars, wordCount));
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
            if (LAYOUT_TABLE_MARKERS.contains(element.normalName())) {
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

    /** The single-line text of an element with only inline content; a br becomes a space. */
    private TextBuffer inlineText(Element element) {
      TextBuffer text = new TextBuffer();
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
      return text;
    }
  }

  private static int countWords(String text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = isCollapsible(text.charAt(i));
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    return words;
  }

  /** Whitespace for collapsing: Java whitespace plus no-break and other Unicode spaces. */
  private static boolean isCollapsible(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /**
   * Text of the block being built: whitespace runs collapse to one space, br adds a line break,
   * and non-space characters are counted, with those inside links counted separately.
   */
  private static final class TextBuffer {
    private final StringBuilder text = new StringBuilder();
    private boolean pendingSpace;
    int chars;
    int linkedChars;

    void append(String s, boolean linked) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (isCollapsible(c)) {
          pendingSpace = true;
          continue;
        }
        if (pendingSpace && text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
          text.append(' ');
        }
        pendingSpace = false;
        text.append(c);
        chars++;
        if (linked) {
          linkedChars++;
        }
      }
    }

    void lineBreak() {
      text.append('\n');
      pendingSpace = false;
    }

    /** Lines trimmed, at most one blank line in a row, no blank lines at either end. */
    String text() {
      StringBuilder out = new StringBuilder();
      boolean blankPending = false;
      for (String line : text.toString().split("\n")) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
          blankPending = out.length() > 0;
          continue;
        }
        if (out.length() > 0) {
          out.append(blankPending ? "\n\n" : "\n");
        }
        out.append(trimmed);
        blankPending = false;
      }
      return out.toString();
    }

    void clear() {
      text.setLength(0);
      pendingSpace = false;
      chars = 0;
      linkedChars = 0;
    }
  }
}
