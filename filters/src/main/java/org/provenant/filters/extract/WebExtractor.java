package org.provenant.filters.extract;

import java.util.Locale;
import org.provenant.filters.read.Candidate;
import org.provenant.filters.step.Outcome;
import java.util.List;
import org.provenant.filters.web.CreativeCommonsDetector;
import org.provenant.filters.web.OptOutDetector;
import org.provenant.filters.web.PageStatements;
import org.provenant.schemas.DedupInfo;
import org.provenant.schemas.License;
import org.provenant.schemas.Signals.OptOutSignal;
import org.provenant.schemas.Document;
import org.provenant.schemas.LineageEntry;
import org.provenant.schemas.Source;

/**
 * Turns a {@link Candidate} into a {@link Document} with text, or a rejection: HTTP status other
 * than 2xx ({@code http_status_<code>}), payload that is neither HTML nor (optionally) plain text
 * ({@code not_html}), bytes that do not decode ({@code decode_error}), a charset label of the
 * WHATWG replacement encoding ({@code replacement_encoding}), and no text left after
 * extraction ({@code empty_text}). Candidates whose text is ready (WET, JSONL, Parquet) only get
 * the empty-text check.
 */
public final class WebExtractor implements java.io.Serializable {
  public static final String HTML_STEP = "extract_html@1";
  public static final String TEXT_STEP = "extract_text@1";

  private final boolean acceptPlainText;
  private final boolean htmlSignals;
  private transient CharsetResolver charsets;
  private transient HtmlTextExtractor html;

  /** An extractor that also reads licence and opt-out statements from the page. */
  public WebExtractor(boolean acceptPlainText) {
    this(acceptPlainText, true);
  }

  /**
   * @param htmlSignals whether to read Creative Commons licence statements ({@link
   *     CreativeCommonsDetector}) and AI opt-out statements ({@link OptOutDetector}) from the page
   *     and its HTTP headers into {@code license} and {@code signals.optout}
   */
  public WebExtractor(boolean acceptPlainText, boolean htmlSignals) {
    this.acceptPlainText = acceptPlainText;
    this.htmlSignals = htmlSignals;
  }

  private static Document withHeaderSignals(Document d, Candidate c) {
    List<OptOutSignal> fromHeaders = new OptOutDetector().fromHeaders(c.httpHeaders());
    return fromHeaders.isEmpty() ? d : d.withSignals(d.signals().plusOptOut(fromHeaders));
  }

  private static Document withPageSignals(Document d, Candidate c, org.jsoup.nodes.Document page) {
    Document out = withHeaderSignals(d, c);
    PageStatements statements = PageStatements.of(page);
    List<OptOutSignal> fromMeta = new OptOutDetector().fromHtml(statements);
    if (!fromMeta.isEmpty()) {
      out = out.withSignals(out.signals().plusOptOut(fromMeta));
    }
    License license = new CreativeCommonsDetector().detect(statements);
    return license.equals(License.UNKNOWN) ? out : out.withLicense(license);
  }

  /** A short note of what the page declared, for the extraction step's lineage detail. */
  private static String pageSignalNote(Document d) {
    StringBuilder b = new StringBuilder();
    if (d.license().spdx() != null) {
      b.append("; licence ").append(d.license().spdx());
    } else if (d.license().conflict()) {
      b.append("; conflicting licences");
    }
    long reserved = d.signals().optOut().stream().filter(OptOutSignal::reserved).count();
    if (reserved > 0) {
      b.append("; ").append(reserved).append(" AI opt-out statement").append(reserved == 1 ? "" : "s");
    }
    return b.toString();
  }

  private CharsetResolver charsets() {
    if (charsets == null) {
      charsets = new CharsetResolver();
    }
    return charsets;
  }

  private HtmlTextExtractor html() {
    if (html == null) {
      html = new HtmlTextExtractor();
    }
    return html;
  }

  public Outcome extract(Candidate c) {
    if (c.text() != null) {
      Document d = new Document(c.id(), c.text(), c.kind(), c.source(), c.license(), DedupInfo.NONE, c.signals(), c.lineage());
      if (c.text().isBlank()) {
        return Outcome.reject(d.reject(TEXT_STEP, "empty_text", "the input's text is empty"));
      }
      return Outcome.keep(d.withStep(new LineageEntry(TEXT_STEP, LineageEntry.OK, "text taken as given by the input")));
    }
    Source s = c.source();
    Document shell = Document.of(c.id(), "", c.kind(), s, c.lineage());
    Integer status = s.httpStatus();
    if (status != null && (status < 200 || status > 299)) {
      return Outcome.reject(shell.reject(HTML_STEP, "http_status_" + status, "HTTP status " + status));
    }
    String mediaType = mediaType(s.contentType());
    boolean isHtml;
    if (mediaType == null) {
      isHtml = looksLikeHtml(c.body());
    } else {
      isHtml = mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml");
    }
    boolean isPlain = !isHtml && acceptPlainText && "text/plain".equals(mediaType);
    if (!isHtml && !isPlain) {
      return Outcome.reject(shell.reject(HTML_STEP, "not_html", "content type " + (s.contentType() == null ? "missing and payload does not look like HTML" : s.contentType())));
    }
    String step = isHtml ? HTML_STEP : TEXT_STEP;
    if (c.body().length == 0) {
      return Outcome.reject(shell.reject(step, "empty_text", "empty payload"));
    }
    DecodedText decoded;
    try {
      decoded = charsets().decode(c.body(), s.contentType());
    } catch (DecodeException e) {
      String reason = e.reason() == DecodeException.Reason.REPLACEMENT_ENCODING ? "replacement_encoding" : "decode_error";
      return Outcome.reject(shell.reject(step, reason, e.getMessage()));
    }
    String charsetNote = "charset " + decoded.charset() + " from " + decoded.origin().label();
    if (isPlain) {
      String text = decoded.text().strip();
      if (text.isEmpty()) {
        return Outcome.reject(shell.reject(step, "empty_text", "plain-text payload is blank"));
      }
      Document plain = htmlSignals ? withHeaderSignals(shell, c) : shell;
      return Outcome.keep(plain.withText(text).withStep(new LineageEntry(step, LineageEntry.OK, "text/plain; " + charsetNote)));
    }
    org.jsoup.nodes.Document page = HtmlTextExtractor.parse(decoded.text(), s.url());
    HtmlTextExtractor.Extraction x = html().extract(page);
    String detail = charsetNote + "; " + x.blocks() + " blocks kept, " + x.droppedBoilerplateBlocks() + " boilerplate blocks dropped";
    Document withSignals = shell;
    if (htmlSignals) {
      withSignals = withPageSignals(shell, c, page);
      detail += pageSignalNote(withSignals);
    }
    if (x.text().isBlank()) {
      return Outcome.reject(withSignals.reject(step, "empty_text", "no text left after extraction; " + detail));
    }
    return Outcome.keep(withSignals.withText(x.text()).withStep(new LineageEntry(step, LineageEntry.OK, detail)));
  }

  static String mediaType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return null;
    }
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }

  static boolean looksLikeHtml(byte[] body) {
    int n = Math.min(body.length, 1024);
    String head = new String(body, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1).stripLeading().toLowerCase(Locale.ROOT);
    if (head.startsWith("\u00ef\u00bb\u00bf")) {
      head = head.substring(3);
    }
    return head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<body");
  }

}
