package org.provenant.filters.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.provenant.filters.extract.HtmlTextExtractor.Extraction;

class HtmlTextExtractorTest {
  private final HtmlTextExtractor extractor = new HtmlTextExtractor();

  @Test
  void newsArticleKeepsTheStoryAndDropsChrome() {
    String html =
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <title>  City council approves new bike lanes | Riverside Gazette </title>
        <style>body { font-family: serif }</style>
        <script>var teaser = "<p>not text</p>";</script></head>
        <body>
        <header class="site-header"><a href="/">Riverside Gazette</a>
          <nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
        </header>
        <div id="cookie-banner" class="consent">We use cookies to improve your experience. <button>Accept</button></div>
        <main>
          <article>
            <h1>City council approves new bike lanes</h1>
            <p class="byline">By <a href="/staff/jane">Jane Doe</a> · 3 March 2024</p>
            <p>The city council voted 7–2 on Tuesday to build   protected bike lanes
               along Main Street, a project first proposed in 2019.</p>
            <div class="share-buttons"><a href="https://twitter.com/share">Tweet</a> <a href="#">Share</a></div>
            <p>“This is a <em>huge</em> step,” said council member <b>Ana</b> Ruiz.</p>
            <blockquote>Cyclists have waited long enough.</blockquote>
            <div class="ad-slot ads" style="min-height:250px">Advertisement</div>
            <h2>What happens next</h2>
            <p>Construction starts in June and should take <strong>eight months</strong>.</p>
            <aside class="related"><h3>Related</h3><ul><li><a href="/a">Bus fares rise</a></li></ul></aside>
            <p class="tags"><a href="/t/transport">Transport</a>, <a href="/t/council">Council</a></p>
          </article>
        </main>
        <footer class="site-footer"><p>© 2024 Riverside Gazette</p><a href="/privacy">Privacy</a></footer>
        </body></html>
        """;

    Extraction extraction = extractor.extract(html, "https://gazette.example/2024/03/bike-lanes");

    assertEquals(
        new Extraction(
            "City council approves new bike lanes | Riverside Gazette",
            "City council approves new bike lanes\n"
                + "\n"
                + "By Jane Doe · 3 March 2024\n"
                + "\n"
                + "The city council voted 7–2 on Tuesday to build protected bike lanes along"
                + " Main Street, a project first proposed in 2019.\n"
                + "\n"
                + "“This is a huge step,” said council member Ana Ruiz.\n"
                + "\n"
                + "Cyclists have waited long enough.\n"
                + "\n"
                + "What happens next\n"
                + "\n"
                + "Construction starts in June and should take eight months.",
            7,
            1),
        extraction);
  }

  @Test
  void docsPageKeepsListsCodeAndTables() {
    String html =
        """
        <html><head><title>Installing fastgrep</title></head><body>
        <nav class="toc"><a href="#install">Install</a></nav>
        <div class="content">
        <h1 id="install">Installing <code>fastgrep</code></h1>
        <p>Requirements:</p>
        <ul>
          <li>Java 17 or newer</li>
          <li>A POSIX shell, e.g. <code>bash</code>
            <ul><li>zsh also works</li></ul>
          </li>
          <li><p>About 20 MB of disk</p></li>
        </ul>
        <p>Then run:</p>
        <pre><code>$ curl -LO https://example.org/fastgrep.tar.gz
        $ tar xzf fastgrep.tar.gz
        if [ -x bin/fg ]; then
        \techo "ok"  \s
        fi
        </code></pre>
        <table>
         <caption>Supported platforms</caption>
         <thead><tr><th>OS</th><th>Arch</th><th>Status</th></tr></thead>
         <tbody>
          <tr><td>Linux</td><td>x86_64</td><td>stable</td></tr>
          <tr><td>macOS</td><td>arm64<br>x86_64</td><td><a href="/beta">beta</a></td></tr>
          <tr><td></td><td></td><td></td></tr>
         </tbody>
        </table>
        <dl><dt><code>--ignore-case</code></dt><dd>Match without regard to case.</dd></dl>
        </div>
        </body></html>
        """;

    Extraction extraction = extractor.extract(html, null);

    assertEquals(
        new Extraction(
            "Installing fastgrep",
            "Installing fastgrep\n"
                + "\n"
                + "Requirements:\n"
                + "\n"
                + "- Java 17 or newer\n"
                + "- A POSIX shell, e.g. bash\n"
                + "  - zsh also works\n"
                + "- About 20 MB of disk\n"
                + "\n"
                + "Then run:\n"
                + "\n"
                + "$ curl -LO https://example.org/fastgrep.tar.gz\n"
                + "$ tar xzf fastgrep.tar.gz\n"
                + "if [ -x bin/fg ]; then\n"
                + "\techo \"ok\"\n"
                + "fi\n"
                + "\n"
                + "Supported platforms\n"
                + "\n"
                + "OS | Arch | Status\n"
                + "Linux | x86_64 | stable\n"
                + "macOS | arm64 x86_64 | beta\n"
                + "\n"
                + "--ignore-case\n"
                + "\n"
                + "Match without regard to case.",
            12,
            0),
        extraction);
  }

  @Test
  void preKeepsIndentationAndBlankLinesOfCode() {
    String html =
        "<body><p>Example:</p><pre>\n"
            + "def f():\n"
            + "    return 1\n"
            + "\n"
            + "\n"
            + "class A:\n"
            + "\tpass\r\n"
            + "</pre></body>";

    Extraction extraction = extractor.extract(html, null);

    assertEquals("Example:\n\ndef f():\n    return 1\n\n\nclass A:\n\tpass", extraction.text());
  }

  @Test
  void hiddenPartsOfPreAndTablesAreLeftOut() {
    String html =
        "<body><pre><span aria-hidden=\"true\">1 </span>x = 1\n"
            + "<span aria-hidden=\"true\">2 </span>y = 2</pre>"
            + "<table><tr><th>Name</th><th>Qty</th></tr>"
            + "<tr style=\"display:none\"><td>Ghost</td><td>0</td></tr>"
            + "<tr><td>Apple<span hidden> (hidden)</span></td><td>3</td></tr></table></body>";

    assertEquals("x = 1\ny = 2\n\nName | Qty\nApple | 3", extractor.extract(html, null).text());
  }

  @Test
  void linkHeavyMenuInADivIsDropped() {
    String html =
        """
        <html><head><title>Recipes</title></head><body>
        <div class="top">
          <a href="/">Home</a> | <a href="/recipes">Recipes</a> | <a href="/about">About us</a> | <a href="/contact">Contact</a>
        </div>
        <div>
          <h2><a href="/r/soup">Tomato soup</a></h2>
          Simmer the tomatoes with garlic for twenty minutes, then blend until smooth.
          <p>Serve with bread. See also <a href="/r/bread">our bread recipe</a>.</p>
          <p><a href="/r/1">Tomato soup</a> <a href="/r/2">Lentil stew</a> <a href="/r/3">Pea soup</a>
             <a href="/r/4">Chili</a> <a href="/r/5">Minestrone</a> <a href="/r/6">Borscht</a>
             <a href="/r/7">Gazpacho</a> <a href="/r/8">Ramen</a></p>
          <ul><li><a href="/r/9">Older recipes</a></li><li><a href="/r/10">Newer recipes</a></li></ul>
        </div>
        </body></html>
        """;

    Extraction extraction = extractor.extract(html, "https://recipes.example/");

    // The eight-link line has 12 words, so the "fewer than 10 words" rule keeps it.
    assertEquals(
        new Extraction(
            "Recipes",
            "Tomato soup\n"
                + "\n"
                + "Simmer the tomatoes with garlic for twenty minutes, then blend until smooth.\n"
                + "\n"
                + "Serve with bread. See also our bread recipe.\n"
                + "\n"
                + "Tomato soup Lentil stew Pea soup Chili Minestrone Borscht Gazpacho Ramen",
            4,
            3),
        extraction);
  }

  @Test
  void lineBreaksStayInsideTheirBlock() {
    String html =
        """
        <html><body><article>
        <h1>Contact</h1>
        <p>Riverside Gazette<br>12 Mill Road<br/>
           Springfield<br><br><br>Phone: 555-0100 </p>
        <div>Opening hours:<br>Mon–Fri 9–17<br></div>
        </article>
        <footer>Imprint</footer>
        </body></html>
        """;

    Extraction extraction = extractor.extract(html, null);

    assertEquals(
        new Extraction(
            null,
            "Contact\n"
                + "\n"
                + "Riverside Gazette\n"
                + "12 Mill Road\n"
                + "Springfield\n"
                + "\n"
                + "Phone: 555-0100\n"
                + "\n"
                + "Opening hours:\n"
                + "Mon–Fri 9–17",
            3,
            0),
        extraction);
  }

  @Test
  void japanesePage() {
    String html =
        """
        <html lang="ja"><head><title>東京の天気</title></head><body>
        <div class="breadcrumb"><a href="/">ホーム</a> &gt; <a href="/weather">天気</a></div>
        <h1>東京の天気：週末は晴れ</h1>
        <p>週末の東京は晴れる見込みです。最高気温は&nbsp;25&nbsp;度前後になるでしょう。</p>
        <p>詳しくは<a href="/forecast">週間予報</a>をご覧ください。</p>
        <p><a href="/weather/osaka">大阪の天気</a></p>
        <div id="newsletter_signup"><p>メールマガジンに登録</p></div>
        </body></html>
        """;

    Extraction extraction = extractor.extract(html, null);

    assertEquals(
        new Extraction(
            "東京の天気",
            "東京の天気：週末は晴れ\n"
                + "\n"
                + "週末の東京は晴れる見込みです。最高気温は 25 度前後になるでしょう。\n"
                + "\n"
                + "詳しくは週間予報をご覧ください。",
            3,
            1),
        extraction);
  }

  @Test
  void pageWithoutMainDropsChromeByTagNameVisibilityAndSpeakingClass() {
    String html =
        """
        <html><head><title>Notes</title></head><body>
        <header><h1>My Site</h1></header>
        <div id="sidebar-left"><p>Archive: 2023, 2024</p></div>
        <div class="Cookie-Consent"><p>This site uses cookies.</p></div>
        <div class="navigation"><p>Kept: "navigation" is not a boilerplate token.</p></div>
        <section>
          <h2>Notes on sourdough</h2>
          <p>Feed the starter twice a day.</p>
          <p hidden>Hidden by attribute.</p>
          <p style="color: red; DISPLAY : none">Hidden by style.</p>
          <p><span aria-hidden="true">★</span>Use rye flour for a livelier starter.</p>
          <form action="/search"><p>Search this site</p><input name="q"></form>
          <template><p>Template text.</p></template>
          <noscript><p>Enable JavaScript.</p></noscript>
        </section>
        <div class="popup modal" id="subscribe"><p>Subscribe now!</p></div>
        <footer><p>Written by me.</p></footer>
        </body></html>
        """;

    Extraction extraction = extractor.extract(html, null);

    assertEquals(
        new Extraction(
            "Notes",
            "Kept: \"navigation\" is not a boilerplate token.\n"
                + "\n"
                + "Notes on sourdough\n"
                + "\n"
                + "Feed the starter twice a day.\n"
                + "\n"
                + "Use rye flour for a livelier starter.",
            4,
            0),
        extraction);
  }

  @Test
  void pageWrappedInAFormIsNotDropped() {
    String html =
        """
        <html><body><form id="aspnetForm" action="default.aspx">
        <div class="page"><h1>Annual report</h1><p>Revenue grew by 4%.</p></div>
        <footer><p>Contact the board.</p></footer>
        </form><script>__doPostBack()</script></body></html>
        """;

    Extraction extraction = extractor.extract(html, null);

    assertEquals(new Extraction(null, "Annual report\n\nRevenue grew by 4%.", 2, 0), extraction);
  }

  @Test
  void footerThatIsTheWholeBodyIsKept() {
    Extraction extraction =
        extractor.extract("<body><footer><p>Only this.</p></footer></body>", null);

    assertEquals(new Extraction(null, "Only this.", 1, 0), extraction);
  }

  @Test
  void wrapperWithBoilerplateClassAroundMainIsKept() {
    String html =
        "<body><div class=\"layout no-sidebar\"><main><p>Body text.</p></main>"
            + "<div class=\"sidebar\"><p>Side.</p></div></div></body>";

    assertEquals(new Extraction(null, "Body text.", 1, 0), extractor.extract(html, null));
  }

  @Test
  void wrapperWithBoilerplateClassHoldingMostTextIsKept() {
    String html =
        "<body><div class=\"site-menu\"><a href=/>Home</a></div>"
            + "<div class=\"content has-sidebar\"><article><h1>Title</h1>"
            + "<p>The article itself, which is most of the text on this page.</p></article></div>"
            + "<div class=\"footer\"><p>Short footer.</p></div></body>";

    assertEquals(
        new Extraction(
            null, "Title\n\nThe article itself, which is most of the text on this page.", 2, 0),
        extractor.extract(html, null));
  }

  @Test
  void firstMainWinsOverArticles() {
    String html =
        "<body><article><p>A long article outside main, longer than the main one.</p></article>"
            + "<main><p>Inside main.</p></main><main><p>Second main.</p></main></body>";

    assertEquals("Inside main.", extractor.extract(html, null).text());
  }

  @Test
  void longestArticleIsChosenWithoutMain() {
    String html =
        """
        <body>
        <article><h2>Teaser</h2><p>Short.</p></article>
        <article><h1>The story</h1><p>This is the long article body that should be chosen.</p></article>
        <div class="related"><article><p>An even longer related article that is boilerplate and removed first.</p></article></div>
        <p>Text outside any article.</p>
        </body>
        """;

    assertEquals(
        "The story\n\nThis is the long article body that should be chosen.",
        extractor.extract(html, null).text());
  }

  @Test
  void textDirectlyInContainersAndLayoutTablesBecomesBlocks() {
    String html =
        """
        <body><div>Intro text <i>directly</i> in a div.<p>A paragraph.</p>Tail text.</div>
        <table><tr><td><p>Layout cell one.</p></td><td>Layout cell two.</td></tr></table>
        <section>Section text.<hr>After rule.</section></body>
        """;

    assertEquals(
        "Intro text directly in a div.\n\nA paragraph.\n\nTail text.\n\nLayout cell one.\n\n"
            + "Layout cell two.\n\nSection text.\n\nAfter rule.",
        extractor.extract(html, null).text());
  }

  @Test
  void listItemContinuationLinesAreIndented() {
    String html =
        "<ol><li>First line<br>second line<br><br>after a gap</li>"
            + "<li>Next<ul><li>Nested<br>more</li></ul></li></ol><p>After.</p>";

    assertEquals(
        "- First line\n  second line\n\n  after a gap\n- Next\n  - Nested\n    more\n\nAfter.",
        extractor.extract(html, null).text());
  }

  @Test
  void emptyAndTitleOnlyDocuments() {
    assertEquals(new Extraction(null, "", 0, 0), extractor.extract("", null));
    assertEquals(
        new Extraction("Only a title", "", 0, 0),
        extractor.extract(
            "<html><head><title> Only a title </title></head><body> </body></html>", null));
  }

  @Test
  void thresholdsAreConfigurable() {
    // 7 of 10 characters are linked, and there are 3 words.
    String html = "<p>See <a href=\"/x\">the docs</a></p>";

    Extraction kept = new Extraction(null, "See the docs", 1, 0);
    Extraction dropped = new Extraction(null, "", 0, 1);

    assertEquals(dropped, extractor.extract(html, null));
    assertEquals(kept, new HtmlTextExtractor(0.7, 10).extract(html, null));
    assertEquals(dropped, new HtmlTextExtractor(0.69, 10).extract(html, null));
    assertEquals(kept, new HtmlTextExtractor(0.5, 3).extract(html, null));
    assertEquals(dropped, new HtmlTextExtractor(0.5, 4).extract(html, null));
  }

  @Test
  void badThresholdsFailAtConstruction() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new HtmlTextExtractor(1.5, 10));
    assertEquals("maxLinkDensity must be in [0, 1]: 1.5", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new HtmlTextExtractor(0.5, -1));
    assertEquals("minWordsToKeepLinkedBlock is negative: -1", e.getMessage());
  }

  @Test
  void decodedWindows1252PageExtracts() throws DecodeException {
    String page =
        "<html><head><title>Cr\u00e8me br\u00fbl\u00e9e</title></head>"
            + "<body><nav><a href=/>Accueil</a></nav>"
            + "<p>Faites chauffer la cr\u00e8me \u2013 sans la faire bouillir.</p></body></html>";
    byte[] body = page.getBytes(Charset.forName("windows-1252"));
    DecodedText decoded = new CharsetResolver().decode(body, null);

    Extraction extraction = extractor.extract(decoded.text(), null);

    assertEquals(
        new Extraction(
            "Cr\u00e8me br\u00fbl\u00e9e",
            "Faites chauffer la cr\u00e8me \u2013 sans la faire bouillir.",
            1,
            0),
        extraction);
  }

  @Test
  void displayNoneIsMatchedLikeTheRegularExpression() {
    assertTrue(HtmlTextExtractor.hasDisplayNone("color: red; DISPLAY :\t None"));
    assertTrue(HtmlTextExtractor.hasDisplayNone("displaydisplay:none"));
    assertFalse(HtmlTextExtractor.hasDisplayNone("display:\u00a0none")); // \s is ASCII only
    assertFalse(HtmlTextExtractor.hasDisplayNone("d\u0131splay:none")); // so is case folding
    assertFalse(HtmlTextExtractor.hasDisplayNone("display: block; none"));

    Pattern reference = Pattern.compile("display\\s*:\\s*none", Pattern.CASE_INSENSITIVE);
    String[] pieces = {
      "display", "DISPLAY", "Display", "disp", "lay", "none", "NONE", "no", "ne", ":", " ", "\t",
      "\u000B", "\u00a0", ";", "d\u0131splay", "x"
    };
    Random random = new Random(17);
    for (int i = 0; i < 20_000; i++) {
      String style = randomJoin(random, pieces, 6);
      assertEquals(
          reference.matcher(style).find(), HtmlTextExtractor.hasDisplayNone(style), style);
    }
  }

  @Test
  void boilerplateTokensAreFoundLikeSplittingTheLowercasedNames() {
    assertTrue(HtmlTextExtractor.hasBoilerplateToken("page COOKIE-banner"));
    // The Kelvin sign lowercases to k.
    assertTrue(HtmlTextExtractor.hasBoilerplateToken("coo\u212Aie"));
    assertFalse(HtmlTextExtractor.hasBoilerplateToken("navigation no\u00a0menu"));
    assertFalse(HtmlTextExtractor.hasBoilerplateToken("\u0130ads")); // lowercases to i + U+0307

    Set<String> tokens =
        Set.of(
            "nav", "navbar", "menu", "footer", "sidebar", "cookie", "consent", "banner",
            "breadcrumb", "share", "social", "advert", "ads", "promo", "related", "newsletter",
            "subscribe", "popup", "modal");
    Pattern separator = Pattern.compile("[-_\\s]+");
    String[] pieces = {
      "nav", "NAV", "Nav", "bar", "menu", "foot", "er", "cookie", "ads", "AD", "s", "modal",
      "related", "-", "_", " ", "\t", "\n", "\u000B", "\u00a0", "\u212A", "\u0130", "co", "ie", "x"
    };
    Random random = new Random(23);
    for (int i = 0; i < 20_000; i++) {
      String names = randomJoin(random, pieces, 5);
      boolean expected =
          Arrays.stream(separator.split(names.toLowerCase(Locale.ROOT))).anyMatch(tokens::contains);
      assertEquals(expected, HtmlTextExtractor.hasBoilerplateToken(names), names);
    }
  }

  private static String randomJoin(Random random, String[] pieces, int maxPieces) {
    StringBuilder out = new StringBuilder();
    int count = random.nextInt(maxPieces + 1);
    for (int i = 0; i < count; i++) {
      out.append(pieces[random.nextInt(pieces.length)]);
    }
    return out.toString();
  }
}
