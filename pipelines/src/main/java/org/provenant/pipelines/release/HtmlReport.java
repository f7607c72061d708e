package org.provenant.pipelines.release;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.provenant.schemas.manifest.InputFileEntry;
import org.provenant.schemas.manifest.RunManifest;

/**
 * A self-contained HTML report of an output (inline CSS, inline SVG bar charts, one small inline
 * script, nothing fetched): the funnel, rejections by reason, languages, licences, duplicate
 * cluster sizes, top domains or packages, and the input files. Each bar carries its value in
 * {@code data-value}; at load time the script adds the bars of each chart up into its
 * {@code .total} element and checks that the funnel ends at the kept count ({@code #check}).
 */
public final class HtmlReport {
  /** Bars shown for domains, packages, languages and licences. */
  public static final int TOP = 20;

  private static final int WIDTH = 760;
  private static final int LABEL = 250;
  private static final int BAR_HEIGHT = 22;

  private HtmlReport() {}

  public static String render(DatasetStats s, String title) {
    RunManifest m = s.manifest();
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    b.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">");
    b.append("<title>").append(esc(title)).append(" - Provenant report</title>\n<style>\n");
    b.append("body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:820px;color:#222}h1{font-size:1.6em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ddd}");
    b.append("table{border-collapse:collapse;width:100%}td,th{padding:3px 6px;border-bottom:1px solid #eee;text-align:left}td.n,th.n{text-align:right}");
    b.append("svg.chart text{font:12px system-ui,sans-serif;fill:#222}svg.chart rect{fill:#4a78b5}svg.chart g.bar.step rect{fill:#c25b4a}");
    b.append("svg.chart{max-width:100%;height:auto}td code{word-break:break-all}td{overflow-wrap:anywhere}.total{color:#666}#check.ok{color:#2a7a2a}#check.bad{color:#b00;font-weight:bold}code{font-size:12px}\n</style></head><body>\n");
    b.append("<h1>").append(esc(title)).append("</h1>\n");
    b.append(String.format(Locale.ROOT,
        "<p id=\"summary\" data-candidates=\"%d\" data-kept=\"%d\" data-rejected=\"%d\">%,d records read from %d input file(s); %,d candidates, <b>%,d kept</b>, %,d rejected. %s %s, runner %s, %s to %s.</p>%n",
        m.counts().candidates(), m.counts().kept(), m.counts().rejected(), m.counts().recordsRead(), m.inputs().size(), m.counts().candidates(),
        m.counts().kept(), m.counts().rejected(), esc(m.tool().name()), esc(m.tool().version()), esc(m.runner()), esc(m.startedAt()), esc(m.finishedAt())));
    b.append("<p id=\"check\">(the check runs in the browser)</p>\n");

    b.append("<h2>Funnel</h2>\n<p>Documents left after each step; red bars are what the step rejected.</p>\n");
    Map<String, Long> funnel = new LinkedHashMap<>();
    funnel.put("candidates", m.counts().candidates());
    for (DatasetStats.FunnelStage st : s.funnel()) {
      funnel.put(st.step(), st.remaining());
    }
    b.append(chart("funnel", funnel, m.counts().candidates(), s));
    section(b, "Rejections by reason", "reasons", s.rejectedByReason(), "rejected");
    section(b, "Languages of kept documents", "languages", DatasetCard.sortedByCount(s.languages()), "kept");
    section(b, "Licences of kept documents", "licences", DatasetCard.sortedByCount(s.licences()), "kept");
    Map<String, Long> clusters = new LinkedHashMap<>();
    s.clusterSizes().forEach((k, v) -> clusters.put(k + (k == 1 ? " (unique)" : ""), v));
    section(b, "Duplicate cluster sizes (kept documents by the size of the cluster they stand for)", "clusters", clusters, "kept");
    if (!s.domains().isEmpty()) {
      section(b, "Top domains", "domains", DatasetStats.ordered(DatasetStats.top(s.domains(), TOP)), "kept");
    }
    if (!s.packages().isEmpty()) {
      section(b, "Top packages", "packages", DatasetStats.ordered(DatasetStats.top(s.packages(), TOP)), "kept");
    }
    b.append("<h2>Input files</h2>\n<table id=\"inputs\"><tr><th>file</th><th>format</th><th class=\"n\">bytes</th><th class=\"n\">records</th><th class=\"n\">candidates</th><th>sha256</th></tr>\n");
    for (InputFileEntry in : m.inputs()) {
      b.append(String.format(Locale.ROOT, "<tr><td>%s%s</td><td>%s</td><td class=\"n\">%,d</td><td class=\"n\">%,d</td><td class=\"n\">%,d</td><td><code>%s</code></td></tr>%n",
          esc(in.uri()), in.error() == null ? "" : "<br><small>stopped early: " + esc(in.error()) + "</small>", esc(in.format()), in.bytes(),
          in.recordsRead(), in.candidates(), esc(in.sha256())));
    }
    b.append("</table>\n");
    b.append("<p><small>Configuration sha256 <code>").append(esc(m.configSha256())).append("</code>");
    if (m.tool().gitCommit() != null) {
      b.append(", built from commit <code>").append(esc(m.tool().gitCommit())).append("</code>");
    }
    b.append(".</small></p>\n");
    b.append(SCRIPT);
    b.append("</body></html>\n");
    return b.toString();
  }

  private static void section(StringBuilder b, String heading, String id, Map<String, Long> counts, String of) {
    b.append("<h2>").append(esc(heading)).append("</h2>\n");
    if (counts.isEmpty()) {
      b.append("<p>None.</p>\n");
      return;
    }
    b.append(chart(id, counts, counts.values().stream().mapToLong(Long::longValue).max().orElse(1), null));
    b.append("<p class=\"total\" data-chart=\"").append(id).append("\" data-of=\"").append(of).append("\"></p>\n");
  }

  /** A horizontal bar chart; with {@code funnel} stats, each step's rejected count is drawn in red beside its bar. */
  private static String chart(String id, Map<String, Long> bars, long max, DatasetStats funnel) {
    int height = bars.size() * (BAR_HEIGHT + 6) + 6;
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "<svg class=\"chart\" id=\"chart-%s\" data-chart=\"%s\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">%n",
        id, id, WIDTH, height, WIDTH, height, id));
    int y = 6;
    int i = 0;
    double scale = (WIDTH - LABEL - 80) / (double) Math.max(1, max);
    for (Map.Entry<String, Long> e : bars.entrySet()) {
      int w = (int) Math.round(e.getValue() * scale);
      b.append(String.format(Locale.ROOT, "<g class=\"bar\" data-label=\"%s\" data-value=\"%d\"><title>%s: %,d</title>", esc(e.getKey()), e.getValue(), esc(e.getKey()), e.getValue()));
      b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", LABEL - 8, y + 15, esc(shorten(e.getKey()))));
      b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"></rect>", LABEL, y, w, BAR_HEIGHT));
      long rejected = 0;
      if (funnel != null && i > 0) {
        rejected = funnel.funnel().get(i - 1).rejected();
        int rw = (int) Math.round(rejected * scale);
        b.append(String.format(Locale.ROOT, "<g class=\"bar step\" data-rejected=\"%d\"><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"></rect></g>", rejected, LABEL + w, y, rw, BAR_HEIGHT));
        w += rw;
      }
      b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%,d%s</text></g>%n", LABEL + w + 6, y + 15, e.getValue(), rejected > 0 ? String.format(Locale.ROOT, " (-%,d)", rejected) : ""));
      y += BAR_HEIGHT + 6;
      i++;
    }
    b.append("</svg>\n");
    return b.toString();
  }

  private static String shorten(String s) {
    return s.length() <= 36 ? s : s.substring(0, 35) + "\u2026";
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
  }

  /**
   * Adds up each chart's bars into its total line, and checks that the funnel's last bar equals the
   * kept count and that candidates = kept + rejected; the outcome goes into #check (class ok or bad).
   */
  private static final String SCRIPT = """
      <script>
      (function () {
        var summary = document.getElementById('summary');
        var n = function (el, attr) { return parseInt(el.getAttribute(attr), 10); };
        var sums = {};
        document.querySelectorAll('svg.chart').forEach(function (svg) {
          var total = 0;
          svg.querySelectorAll(':scope > g.bar').forEach(function (g) { total += n(g, 'data-value'); });
          sums[svg.getAttribute('data-chart')] = total;
        });
        document.querySelectorAll('p.total').forEach(function (p) {
          var id = p.getAttribute('data-chart');
          p.setAttribute('data-computed-total', String(sums[id]));
          p.textContent = 'Total: ' + sums[id].toLocaleString('en') + ' ' + p.getAttribute('data-of') + ' documents';
        });
        var bars = document.querySelectorAll('#chart-funnel > g.bar');
        var last = n(bars[bars.length - 1], 'data-value');
        var rejectedInFunnel = 0;
        document.querySelectorAll('#chart-funnel g.step').forEach(function (g) { rejectedInFunnel += n(g, 'data-rejected'); });
        var kept = n(summary, 'data-kept'), rejected = n(summary, 'data-rejected'), candidates = n(summary, 'data-candidates');
        var ok = last === kept && rejectedInFunnel === rejected && candidates === kept + rejected;
        var check = document.getElementById('check');
        check.className = ok ? 'ok' : 'bad';
        check.setAttribute('data-status', ok ? 'ok' : 'bad');
        check.setAttribute('data-funnel-end', String(last));
        check.setAttribute('data-funnel-rejected', String(rejectedInFunnel));
        check.textContent = (ok ? 'Checked in the browser: ' : 'MISMATCH: ') + 'the funnel ends at ' + last + ' (kept ' + kept + '), its steps rejected '
            + rejectedInFunnel + ' (rejected ' + rejected + '); candidates ' + candidates + (candidates === kept + rejected ? ' = ' : ' != ') + 'kept + rejected.';
      })();
      </script>
      """;
}
