package org.provenant.filters.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;
import org.provenant.filters.read.Header;
import org.provenant.schemas.Signals.OptOutSignal;

/**
 * Finds the machine-readable AI-training and text-and-data-mining statements that a captured page
 * carries in its own HTTP headers and HTML:
 *
 * <ul>
 *   <li>{@code noai} / {@code noimageai} in {@code X-Robots-Tag} headers (also when addressed to
 *       one bot, {@code otherbot: noai}) and in {@code <meta name="robots">} or a meta named after a
 *       bot ({@code <meta name="CCBot" content="noai">});
 *   <li>TDMRep (W3C CG): {@code tdm-reservation: 1} and {@code tdm-policy} as headers or metas;
 *   <li>the IETF AI-preferences {@code Content-Usage} header: {@code train-ai=n} (also {@code
 *       train-genai=n}, and the draft's older {@code ai=n}) reserves the page.
 * </ul>
 *
 * Each statement becomes an {@link OptOutSignal} with its signal name, where it was found and the
 * value as written, and whether it reserves the page; statements that allow use (such as {@code
 * tdm-reservation: 0} or {@code train-ai=y}) are recorded with {@code reserved=false}. Robots.txt
 * rules are read by {@link RobotsTxt}.
 */
public final class OptOutDetector {
  public static final String NOAI = "noai";
  public static final String NOIMAGEAI = "noimageai";
  public static final String TDM_RESERVATION = "tdm_reservation";
  public static final String TDM_POLICY = "tdm_policy";
  public static final String CONTENT_USAGE = "content_usage";
  public static final String ROBOTS_TXT = "robots_txt";

  public static final String HTTP_HEADER = "http_header";
  public static final String META = "meta";

  /** Signals found in the response headers of a capture. */
  public List<OptOutSignal> fromHeaders(List<Header> headers) {
    List<OptOutSignal> out = new ArrayList<>();
    for (Header h : headers) {
      String name = h.name().toLowerCase(Locale.ROOT).strip();
      String value = h.value() == null ? "" : h.value().strip();
      switch (name) {
        case "x-robots-tag" -> robotsDirectives(value, HTTP_HEADER, out);
        case "tdm-reservation" -> out.add(new OptOutSignal(TDM_RESERVATION, HTTP_HEADER, value, value.equals("1")));
        case "tdm-policy" -> out.add(new OptOutSignal(TDM_POLICY, HTTP_HEADER, value, false));
        case "content-usage" -> out.add(new OptOutSignal(CONTENT_USAGE, HTTP_HEADER, value, contentUsageReserves(value)));
        default -> {}
      }
    }
    return out;
  }

  /** Signals found in the {@code meta} elements of a page. */
  public List<OptOutSignal> fromHtml(org.jsoup.nodes.Document page) {
    return fromHtml(PageStatements.of(page));
  }

  /** Signals found in the {@code meta} elements of a page's statement-bearing elements. */
  public List<OptOutSignal> fromHtml(PageStatements page) {
    List<OptOutSignal> out = new ArrayList<>();
    for (Element m : page.metas) {
      if (!m.hasAttr("name") || !m.hasAttr("content")) {
        continue;
      }
      String name = m.attr("name").toLowerCase(Locale.ROOT).strip();
      String content = m.attr("content").strip();
      if (name.equals("tdm-reservation")) {
        out.add(new OptOutSignal(TDM_RESERVATION, META, content, content.equals("1")));
      } else if (name.equals("tdm-policy")) {
        out.add(new OptOutSignal(TDM_POLICY, META, content, false));
      } else if (name.equals("robots") || RobotsTxt.AI_AGENTS_LOWER.contains(name) || name.equals("ccbot")) {
        String lowered = content.toLowerCase(Locale.ROOT);
        if (lowered.contains("noai") || lowered.contains("noimageai")) {
          robotsDirectives((name.equals("robots") ? "" : m.attr("name") + ": ") + content, META, out);
        }
      }
    }
    return out;
  }

  /** {@code noai} and {@code noimageai} in a robots directive list ({@code [bot:] a, b, ...}). */
  private static void robotsDirectives(String value, String location, List<OptOutSignal> out) {
    String directives = value;
    int colon = value.indexOf(':');
    if (colon > 0 && !value.substring(0, colon).contains(",")) {
      directives = value.substring(colon + 1);
    }
    for (String d : directives.split("[,\\s]+")) {
      String t = d.toLowerCase(Locale.ROOT).strip();
      if (t.equals(NOAI)) {
        out.add(new OptOutSignal(NOAI, location, value, true));
      } else if (t.equals(NOIMAGEAI)) {
        out.add(new OptOutSignal(NOIMAGEAI, location, value, true));
      }
    }
  }

  /**
   * Whether a {@code Content-Usage} value (a structured-field dictionary such as {@code
   * train-ai=n, search=y}) refuses AI training.
   */
  static boolean contentUsageReserves(String value) {
    for (String member : value.split("[,;]")) {
      String[] kv = member.strip().split("=", 2);
      if (kv.length != 2) {
        continue;
      }
      String key = kv[0].strip().toLowerCase(Locale.ROOT);
      String v = kv[1].strip().replace("\"", "").toLowerCase(Locale.ROOT);
      if ((key.equals("train-ai") || key.equals("train-genai") || key.equals("ai")) && v.equals("n")) {
        return true;
      }
    }
    return false;
  }
}
