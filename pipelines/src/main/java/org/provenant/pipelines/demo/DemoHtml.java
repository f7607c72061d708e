package org.provenant.pipelines.demo;

import java.net.URI;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.provenant.pipelines.demo.DemoArticle.Block;
import org.provenant.pipelines.demo.DemoArticle.BulletList;
import org.provenant.pipelines.demo.DemoArticle.CodeBlock;
import org.provenant.pipelines.demo.DemoArticle.Heading;
import org.provenant.pipelines.demo.DemoArticle.Paragraph;
import org.provenant.pipelines.demo.DemoVocabulary.Site;
import org.provenant.pipelines.demo.DemoVocabulary.Style;

/**
 * Renders demo pages to HTML the way a typical CMS does: a cookie banner, a header with a nav menu,
 * the article inside {@code <main>}, a related-links aside and a footer. The boilerplate is what an
 * extractor has to strip; the article is what it has to keep.
 */
final class DemoHtml {

  /**
   * Optional page features. {@code headLicence} is a licence URL for a {@code <link rel="license">};
   * {@code footerLicence} is raw HTML added to the footer; {@code robots} is the content of a robots
   * meta tag; {@code footerText}, when not null, replaces the site's footer text; {@code charset}
   * is the declared {@code <meta charset>}.
   */
  record Extras(
      String headLicence, String footerLicence, String robots, String footerText, String charset) {

    static final Extras NONE = new Extras(null, null, null, null, "utf-8");

    Extras withHeadLicence(String url) {
      return new Extras(url, footerLicence, robots, footerText, charset);
    }

    Extras withFooterLicence(String html) {
      return new Extras(headLicence, html, robots, footerText, charset);
    }

    Extras withRobots(String content) {
      return new Extras(headLicence, footerLicence, content, footerText, charset);
    }

    Extras withFooterText(String text) {
      return new Extras(headLicence, footerLicence, robots, text, charset);
    }

    Extras withCharset(String name) {
      return new Extras(headLicence, footerLicence, robots, footerText, name);
    }
  }

  /** A link in a list of links. */
  record Link(String href, String text) {}

  private final DemoProse prose;

  DemoHtml(DemoProse prose) {
    this.prose = prose;
  }

  /** A full article page; {@code related} links go in an aside after the article. */
  String article(Site site, URI url, DemoArticle article, Extras extras, List<Link> related) {
    StringBuilder html = new StringBuilder(8192);
    head(html, site, article.lang(), article.title(), article.summary(), url, extras);
    html.append("<main id=\"content\">\n");
    if (site.style() == Style.DOCS) {
      docsSidebar(html, site);
    }
    html.append("<article class=\"post\">\n");
    html.append("<h1>").append(escape(article.title())).append("</h1>\n");
    html.append("<p class=\"byline\"><span class=\"author\">").append(escape(article.byline()))
        .append("</span> <time>").append(escape(article.dateLine())).append("</time></p>\n");
    for (Block block : article.blocks()) {
      block(html, block);
    }
    if (site.style() == Style.DOCS) {
      html.append("<p class=\"edit-link\"><a href=\"https://git.").append(site.host())
          .append("/docs/edit/main").append(url.getPath())
          .append("\">Edit this page</a></p>\n");
    }
    html.append("</article>\n");
    if (!related.isEmpty()) {
      related(html, site, related);
    }
    html.append("</main>\n");
    footer(html, site, extras);
    return html.toString();
  }

  /** A page that is almost only menus and link lists, with one short line of text. */
  String linkIndex(Site site, URI url, String heading, String intro, List<Link> links) {
    StringBuilder html = new StringBuilder(8192);
    head(html, site, site.lang(), heading, intro, url, Extras.NONE);
    html.append("<main id=\"content\">\n<h1>").append(escape(heading)).append("</h1>\n");
    html.append("<p class=\"intro\">").append(escape(intro)).append("</p>\n");
    html.append("<ul class=\"archive-list\">\n");
    for (Link link : links) {
      html.append("<li><a href=\"").append(escape(link.href())).append("\">")
          .append(escape(link.text())).append("</a></li>\n");
    }
    html.append("</ul>\n<nav class=\"pagination\"><a href=\"?page=1\">1</a> <a href=\"?page=2\">2</a>"
        + " <a href=\"?page=3\">3</a> <a href=\"?page=2\" rel=\"next\">Next &raquo;</a></nav>\n");
    html.append("</main>\n");
    footer(html, site, Extras.NONE);
    return html.toString();
  }

  /** The error page a site serves with a 404. */
  String notFound(Site site, URI url) {
    StringBuilder html = new StringBuilder(4096);
    head(html, site, site.lang(), "Page not found", "The page you asked for does not exist.", url,
        Extras.NONE.withRobots("noindex"));
    html.append("<main id=\"content\">\n<h1>Page not found</h1>\n")
        .append("<p>Sorry, we could not find <code>").append(escape(url.getPath()))
        .append("</code>. It may have been moved or deleted.</p>\n")
        .append("<p><a href=\"/\">Go to the home page</a> or try the search box above.</p>\n")
        .append("</main>\n");
    footer(html, site, Extras.NONE);
    return html.toString();
  }

  private void head(
      StringBuilder html, Site site, String lang, String title, String description, URI url,
      Extras extras) {
    html.append("<!DOCTYPE html>\n<html lang=\"").append(lang).append("\">\n<head>\n");
    html.append("<meta charset=\"").append(extras.charset()).append("\">\n");
    html.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    html.append("<title>").append(escape(title)).append(" | ").append(escape(site.name()))
        .append("</title>\n");
    html.append("<meta name=\"description\" content=\"").append(escape(description)).append("\">\n");
    if (extras.robots() != null) {
      html.append("<meta name=\"robots\" content=\"").append(escape(extras.robots())).append("\">\n");
    }
    html.append("<meta property=\"og:site_name\" content=\"").append(escape(site.name()))
        .append("\">\n");
    html.append("<meta property=\"og:title\" content=\"").append(escape(title)).append("\">\n");
    html.append("<link rel=\"canonical\" href=\"").append(escape(canonical(url))).append("\">\n");
    if (extras.headLicence() != null) {
      html.append("<link rel=\"license\" href=\"").append(escape(extras.headLicence()))
          .append("\">\n");
    }
    html.append("<link rel=\"stylesheet\" href=\"/assets/css/site.min.css?v=")
        .append(Integer.toHexString(site.host().hashCode() & 0xfffff)).append("\">\n");
    html.append("<script async src=\"/assets/js/consent.js\"></script>\n");
    html.append("</head>\n<body class=\"").append(site.style().name().toLowerCase(Locale.ROOT))
        .append("\">\n");
    html.append("<div id=\"cookie-banner\" class=\"cookie-consent\" role=\"dialog\">\n<p>")
        .append(escape(site.cookieText())).append("</p>\n<button type=\"button\">")
        .append(escape(site.cookieButton())).append("</button>\n</div>\n");
    html.append("<header class=\"site-header\">\n<a class=\"logo\" href=\"/\">")
        .append(escape(site.name())).append("</a>\n<nav class=\"main-nav\">\n<ul>\n");
    for (int i = 0; i < site.nav().size(); i++) {
      String item = site.nav().get(i);
      html.append("<li><a href=\"").append(i == 0 ? "/" : "/" + slug(item) + "/").append("\">")
          .append(escape(item)).append("</a></li>\n");
    }
    html.append("</ul>\n</nav>\n<form class=\"search\" action=\"/search\"><input type=\"search\""
        + " name=\"q\"></form>\n</header>\n");
  }

  private void docsSidebar(StringBuilder html, Site site) {
    html.append("<nav class=\"sidebar\">\n<ul>\n");
    for (String page : List.of("Installation", "Quick start", "Configuration", "Operations",
        "Upgrading", "CLI reference", "FAQ")) {
      html.append("<li><a href=\"/docs/").append(slug(page)).append("/\">").append(page)
          .append("</a></li>\n");
    }
    html.append("</ul>\n</nav>\n");
  }

  private static void related(StringBuilder html, Site site, List<Link> links) {
    html.append("<aside class=\"related\">\n<h2>").append(relatedLabel(site.lang()))
        .append("</h2>\n<ul>\n");
    for (Link link : links) {
      html.append("<li><a href=\"").append(escape(link.href())).append("\">")
          .append(escape(link.text())).append("</a></li>\n");
    }
    html.append("</ul>\n</aside>\n");
  }

  private static String relatedLabel(String lang) {
    return switch (lang) {
      case "de" -> "Mehr zum Thema";
      case "fr" -> "À lire aussi";
      case "es" -> "Te puede interesar";
      default -> "Related";
    };
  }

  private static void footer(StringBuilder html, Site site, Extras extras) {
    html.append("<footer class=\"site-footer\">\n");
    String text = extras.footerText() != null ? extras.footerText() : site.footerText();
    html.append("<p>").append(escape(text)).append("</p>\n");
    if (extras.footerLicence() != null) {
      html.append("<p class=\"license\">").append(extras.footerLicence()).append("</p>\n");
    }
    html.append("<ul class=\"footer-links\">\n");
    for (String link : site.footerLinks()) {
      html.append("<li><a href=\"/").append(slug(link)).append("\">").append(escape(link))
          .append("</a></li>\n");
    }
    html.append("</ul>\n</footer>\n");
    html.append("<script src=\"/assets/js/analytics.js\" defer></script>\n</body>\n</html>\n");
  }

  private static void block(StringBuilder html, Block block) {
    if (block instanceof Heading heading) {
      html.append("<h2>").append(escape(heading.text())).append("</h2>\n");
    } else if (block instanceof Paragraph paragraph) {
      html.append("<p>").append(inlineCode(escape(paragraph.text()))).append("</p>\n");
    } else if (block instanceof BulletList list) {
      html.append("<ul>\n");
      for (String item : list.items()) {
        html.append("<li>").append(escape(item)).append("</li>\n");
      }
      html.append("</ul>\n");
    } else if (block instanceof CodeBlock code) {
      html.append("<pre><code class=\"language-").append(code.language()).append("\">")
          .append(escape(code.code())).append("</code></pre>\n");
    }
  }

  /** The URL without tracking parameters, as a CMS would print it. */
  static String canonical(URI url) {
    return url.getScheme() + "://" + url.getHost() + url.getPath();
  }

  /** Lower-case words joined by hyphens, ASCII letters and digits only. */
  static String slug(String text) {
    String folded = Normalizer.normalize(text.replace("ß", "ss"), Normalizer.Form.NFD)
        .replaceAll("(?<=\\p{L})['\u2019](?=(s|t|re|ve|ll|d|m)\\b)", "") // beginner's, what's
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "-")
        .replaceAll("(^-+|-+$)", "");
    if (folded.length() <= 80) {
      return folded;
    }
    int cut = folded.lastIndexOf('-', 80);
    return folded.substring(0, cut > 0 ? cut : 80);
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String inlineCode(String escaped) {
    return escaped.replaceAll("`([^`]+)`", "<code>$1</code>");
  }

  /** Titles for link lists, e.g. an archive page. */
  List<Link> archiveLinks(Site site, int count) {
    List<Link> links = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      DemoVocabulary.Register register = prose.pick(site.registers());
      String title = DemoProse.capitalise(prose.fill(prose.pick(register.titles()), register.slots()));
      links.add(new Link("/" + slug(title) + "/", title));
    }
    return links;
  }
}
