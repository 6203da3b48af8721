package dev.pantau.flink.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The report a head of social media forwards: one self-contained HTML file (inline CSS and SVG, no
 * script, no network) with the headline numbers against the previous period of the same length,
 * charts over the period, share of voice in each competitor group, the period's alerts and, when
 * the folder has enriched mentions, the top mentions. Every figure a test or a reader may want to
 * check also sits in a {@code data-value} attribute, unformatted.
 */
public final class HtmlReportWriter {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

  /** The headline KPIs: label, how to read it from totals, how to show it. */
  record Headline(
      String metric,
      String label,
      Function<PeriodTotals, Number> of,
      Function<Number, String> show,
      boolean ratio) {
    /**
     * Counts change in percent; ratios in their own units (net sentiment) or percentage points
     * (share of voice), since a percent change of a ratio near or across zero means nothing to a
     * reader.
     */
    String change(Number now, Number before) {
      if (!ratio) {
        return Html.signedPercent(PeriodTotals.change(now, before));
      }
      if (now == null || before == null) {
        return "–";
      }
      double d = now.doubleValue() - before.doubleValue();
      return metric.equals("share_of_voice")
          ? String.format(Locale.ROOT, "%+.1f pp", d * 100)
          : String.format(Locale.ROOT, "%+.3f", d);
    }

    Double delta(Number now, Number before) {
      return ratio
          ? now == null || before == null ? null : now.doubleValue() - before.doubleValue()
          : PeriodTotals.change(now, before);
    }
  }

  static final List<Headline> HEADLINES =
      List.of(
          new Headline(
              "mentions", "Mentions", t -> t.mentions(), n -> Html.count(n.longValue()), false),
          new Headline("reach", "Reach", t -> t.reach(), n -> Html.count(n.longValue()), false),
          new Headline(
              "engagement",
              "Engagement",
              t -> t.engagement(),
              n -> Html.count(n.longValue()),
              false),
          new Headline(
              "sentiment_net",
              "Net sentiment",
              PeriodTotals::netSentiment,
              n -> Html.net(n.doubleValue()),
              true),
          new Headline(
              "share_of_voice",
              "Share of voice",
              PeriodTotals::shareOfVoice,
              n -> Html.percent(n.doubleValue()),
              true),
          new Headline(
              "followers",
              "Followers",
              PeriodTotals::followersEnd,
              n -> Html.count(n.longValue()),
              false),
          new Headline("leads", "Leads", t -> t.leads(), n -> Html.count(n.longValue()), false));

  private final ReportRequest request;

  /**
   * @param request the report's period and brand; the rows given must also cover the previous
   *     period
   */
  public HtmlReportWriter(ReportRequest request) {
    this.request = request;
  }

  public void write(ReportData data, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write(render(data));
    w.flush();
  }

  String render(ReportData data) {
    List<KpiRow> rows = data.kpis();
    TopMentionsReader.Tops tops = data.tops();
    String sourceName = data.sourceName();
    ReportPeriod period = request.period();
    ReportPeriod previous = period.previous();
    List<KpiRow> now = rows.stream().filter(r -> period.contains(r.start())).toList();
    List<KpiRow> before = rows.stream().filter(r -> previous.contains(r.start())).toList();
    String totalsWindow = totalsWindow(rows);
    List<String> brands = brands(now);

    StringBuilder b = new StringBuilder(64 * 1024);
    String title =
        "Social listening report: " + (request.brand() == null ? "all brands" : request.brand());
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(Html.esc(title))
        .append("</title><style>")
        .append(CSS)
        .append("</style></head><body>");
    b.append("<header><h1>")
        .append(Html.esc(title))
        .append("</h1><p class=\"period\">")
        .append(DAY.format(period.from()))
        .append(" – ")
        .append(DAY.format(period.to()))
        .append(" (")
        .append(period.zone())
        .append("), compared with ")
        .append(DAY.format(previous.from()))
        .append(" – ")
        .append(DAY.format(previous.to()))
        .append(". Source: ")
        .append(Html.esc(sourceName))
        .append(".</p></header>");

    headlines(b, now, before, brands, totalsWindow);
    if (totalsWindow != null) {
      String chartWindow = chartWindow(now, period.length());
      b.append("<section><h2>Over the period</h2>");
      b.append(
          SvgCharts.lines(
              "Mentions per " + label(chartWindow),
              series(now, brands, chartWindow, "mentions"),
              period.zone()));
      b.append(
          SvgCharts.lines(
              "Engagement per " + label(chartWindow),
              series(now, brands, chartWindow, "engagement.total"),
              period.zone()));
      b.append("</section>");
      shareOfVoice(b, now, totalsWindow);
    }
    HtmlSections sections = new HtmlSections(request);
    sections.targets(b, data.targets());
    sections.leaderboard(b, data.leaderboard());
    alerts(b, data.alerts());
    sections.leads(b, data.leads());
    if (tops != null) {
      topMentions(b, "Top mentions by reach", tops.byReach(), true);
      topMentions(b, "Top mentions by engagement", tops.byEngagement(), false);
      sections.copyBursts(b, tops.bursts());
    }
    b.append("<footer><p>Totals are sums of ")
        .append(totalsWindow == null ? "–" : Html.esc(totalsWindow))
        .append(
            " windows of all sources; reach is the sum of each window's reach, so an author seen in two windows counts twice. ")
        .append(
            "Followers are the owned accounts' audience at the end of the period; leads are mentions matching a lead topic, not by an employee and not a copy. ")
        .append(
            "Net sentiment = (positive − negative) / scored mentions; share of voice = the brand's mentions / its group's. ")
        .append("Generated by Pantau.</p></footer></body></html>\n");
    return b.toString();
  }

  private void headlines(
      StringBuilder b, List<KpiRow> now, List<KpiRow> before, List<String> brands, String window) {
    b.append("<section><h2>Headline numbers</h2>");
    if (brands.isEmpty() || window == null) {
      b.append("<p>No KPI records in this period.</p></section>");
      return;
    }
    b.append("<table class=\"headlines\"><thead><tr><th>Brand</th>");
    HEADLINES.forEach(h -> b.append("<th>").append(h.label()).append("</th>"));
    b.append("</tr></thead><tbody>");
    for (String brand : brands) {
      PeriodTotals t = PeriodTotals.of(now, brand, window);
      PeriodTotals p = PeriodTotals.of(before, brand, window);
      b.append("<tr data-brand=\"")
          .append(Html.esc(brand))
          .append("\"><th scope=\"row\">")
          .append(Html.esc(brand))
          .append("</th>");
      for (Headline h : HEADLINES) {
        Number v = h.of().apply(t);
        Number was = h.of().apply(p);
        Double change = h.delta(v, was);
        b.append("<td class=\"kpi\" data-metric=\"")
            .append(h.metric())
            .append("\" data-value=\"")
            .append(Html.raw(v))
            .append("\" data-previous=\"")
            .append(Html.raw(was))
            .append("\"><span class=\"value\">")
            .append(v == null ? "–" : h.show().apply(v))
            .append("</span><span class=\"change ")
            .append(change == null ? "flat" : change >= 0 ? "up" : "down")
            .append("\">")
            .append(h.change(v, was))
            .append("</span></td>");
      }
      b.append("</tr>");
    }
    b.append("</tbody></table><p class=\"note\">Change against the previous ")
        .append(request.period().days())
        .append(" days.</p></section>");
  }

  private static void shareOfVoice(StringBuilder b, List<KpiRow> now, String window) {
    Map<String, TreeSet<String>> groups = new TreeMap<>();
    for (KpiRow r : now) {
      if (r.group() != null) {
        groups.computeIfAbsent(r.group(), g -> new TreeSet<>()).add(r.brand());
      }
    }
    if (groups.isEmpty()) {
      return;
    }
    b.append("<section><h2>Share of voice</h2>");
    for (Map.Entry<String, TreeSet<String>> g : groups.entrySet()) {
      Map<String, Double> shares = new LinkedHashMap<>();
      for (String brand : g.getValue()) {
        shares.put(brand, PeriodTotals.of(now, brand, window).shareOfVoice());
      }
      b.append("<div class=\"sov\" data-group=\"").append(Html.esc(g.getKey())).append("\">");
      b.append(SvgCharts.shares("Share of voice in " + g.getKey(), shares)).append("</div>");
    }
    b.append("</section>");
  }

  private void alerts(StringBuilder b, List<AlertRow> alerts) {
    b.append("<section><h2>Alerts</h2>");
    if (alerts.isEmpty()) {
      b.append("<p>No alerts in this period.</p></section>");
      return;
    }
    b.append(
            "<table class=\"alerts\"><thead><tr><th>When</th><th>Brand</th><th>Severity</th><th>What</th>")
        .append(
            "<th>Observed</th><th>Expected</th><th>Top terms</th><th>Status</th></tr></thead><tbody>");
    for (AlertRow a : alerts) {
      b.append("<tr data-id=\"")
          .append(Html.esc(a.id()))
          .append("\"><td>")
          .append(TIME.format(a.start().atZone(request.period().zone())))
          .append("</td><td>")
          .append(Html.esc(a.brand()))
          .append("</td><td class=\"sev-")
          .append(Html.esc(a.severity()))
          .append("\">")
          .append(Html.esc(a.severity()))
          .append("</td><td>")
          .append(Html.esc(a.message()))
          .append("</td><td class=\"num\" data-value=\"")
          .append(Html.raw(a.observed()))
          .append("\">")
          .append(a.observed() == null ? "–" : Html.count(Math.round(a.observed())))
          .append("</td><td class=\"num\">")
          .append(a.expected() == null ? "–" : Html.count(Math.round(a.expected())))
          .append("</td><td class=\"terms\">")
          .append(Html.esc(String.join(", ", a.topTerms())))
          .append("</td><td>")
          .append(Html.esc(a.status()))
          .append("</td></tr>");
    }
    b.append("</tbody></table></section>");
  }

  private void topMentions(StringBuilder b, String title, List<TopMention> top, boolean byReach) {
    b.append("<section><h2>").append(title).append("</h2>");
    if (top.isEmpty()) {
      b.append("<p>None in this period.</p></section>");
      return;
    }
    b.append(
            "<table class=\"mentions\"><thead><tr><th>Author</th><th>Mention</th><th>Source</th><th>")
        .append(byReach ? "Reach" : "Engagement")
        .append("</th></tr></thead><tbody>");
    for (TopMention m : top) {
      long v = byReach ? m.reach() : m.engagement();
      String text = m.text().length() > 280 ? m.text().substring(0, 277) + "…" : m.text();
      b.append("<tr><td>").append(Html.esc(m.author())).append("</td><td>");
      if (m.url().startsWith("https://") || m.url().startsWith("http://")) {
        b.append("<a href=\"")
            .append(Html.esc(m.url()))
            .append("\">")
            .append(Html.esc(text))
            .append("</a>");
      } else {
        b.append(Html.esc(text));
      }
      b.append("</td><td>")
          .append(Html.esc(m.source()))
          .append("</td><td class=\"num\" data-value=\"")
          .append(v)
          .append("\">")
          .append(Html.count(v))
          .append("</td></tr>");
    }
    b.append("</tbody></table></section>");
  }

  private List<String> brands(List<KpiRow> now) {
    TreeSet<String> brands = new TreeSet<>();
    now.forEach(r -> brands.add(r.brand()));
    if (request.brand() != null) {
      brands.retainAll(List.of(request.brand()));
    }
    return new ArrayList<>(brands);
  }

  private static Map<String, Map<Instant, Double>> series(
      List<KpiRow> now, List<String> brands, String window, String metric) {
    Map<String, Map<Instant, Double>> series = new LinkedHashMap<>();
    for (String brand : brands) {
      Map<Instant, Double> points = new TreeMap<>();
      for (KpiRow r : now) {
        if (r.brand().equals(brand) && r.window().equals(window) && r.source().equals("*")) {
          points.put(r.start(), (double) PeriodTotals.longOf(r, metric));
        }
      }
      series.put(brand, points);
    }
    return series;
  }

  /**
   * The longest window of all sources: the fewest records to sum, and day windows tile whole days.
   */
  static String totalsWindow(List<KpiRow> rows) {
    return rows.stream()
        .filter(r -> r.source().equals("*"))
        .map(KpiRow::window)
        .max(java.util.Comparator.comparingLong(KpiSeriesReader::windowLength))
        .orElse(null);
  }

  /**
   * The longest window that still draws at least 7 points over the period, else the shortest there
   * is.
   */
  static String chartWindow(List<KpiRow> rows, Duration period) {
    TreeSet<String> windows =
        new TreeSet<>(java.util.Comparator.comparingLong(KpiSeriesReader::windowLength));
    rows.stream().filter(r -> r.source().equals("*")).forEach(r -> windows.add(r.window()));
    for (String w : windows.descendingSet()) {
      if (HtmlWindows.chartable(period, w)) {
        return w;
      }
    }
    return windows.isEmpty() ? null : windows.first();
  }

  private static String label(String window) {
    return switch (window) {
      case "1d" -> "day";
      case "1h" -> "hour";
      case "1m" -> "minute";
      default -> window + " window";
    };
  }

  private static final String CSS =
      """
      :root{--fg:#1f2328;--muted:#59636e;--line:#d0d7de;--up:#1a7f37;--down:#d1242f}
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--fg);max-width:960px;margin:24px auto;padding:0 16px}
      h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
      .period,.note,footer{color:var(--muted)}
      table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
      td.kpi,td.num{text-align:right;white-space:nowrap}.kpi .value{display:block;font-size:17px;font-weight:600}
      .change{display:block;font-size:12px}.change.up{color:var(--up)}.change.down{color:var(--down)}.change.flat{color:var(--muted)}
      .chart{margin:8px 0 16px}.chart svg{width:100%;height:auto}.chart text{font-size:11px;fill:var(--muted)}
      figcaption{font-size:12px;color:var(--muted)}
      .legend{list-style:none;padding:0;margin:4px 0;display:flex;flex-wrap:wrap;gap:12px}
      .swatch{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:middle}
      .sev-critical{color:var(--down);font-weight:600}.terms{font-style:italic}
      .bar{display:inline-block;width:80px;height:8px;background:#eaeef2;vertical-align:middle;margin-right:6px}
      .bar i{display:block;height:8px;background:var(--up)}.status-behind .bar i{background:var(--down)}
      .status-behind .status{color:var(--down);font-weight:600}.status-met .status{color:var(--up);font-weight:600}
      h3{font-size:15px;margin:16px 0 6px}td.text{max-width:420px}
      a{color:#0969da}
      @media print{
        @page{size:A4;margin:14mm}
        body{max-width:none;margin:0;font-size:11px}
        section,figure,tr{break-inside:avoid}h2{break-after:avoid}
        a{color:inherit;text-decoration:none}
        *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
      }
      """;
}
