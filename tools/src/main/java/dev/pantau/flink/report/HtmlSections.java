package dev.pantau.flink.report;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The HTML report's sections on targets, the advocacy leaderboard, leads and copy bursts. As in the
 * rest of the report, each figure also sits unformatted in a {@code data-value} attribute.
 */
final class HtmlSections {
  static final int TOP_LEADS = 10;
  static final int LEADERBOARD_ROWS = 10;

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

  private final ReportRequest request;

  HtmlSections(ReportRequest request) {
    this.request = request;
  }

  void targets(StringBuilder b, List<TargetRow> targets) {
    if (targets.isEmpty()) {
      return;
    }
    b.append("<section><h2>Targets</h2>")
        .append("<table class=\"targets\"><thead><tr><th>Brand</th><th>Target</th><th>Period</th>")
        .append("<th>Goal</th><th>Actual</th><th>Expected by now</th><th>Pace</th>")
        .append("<th>Projected</th><th>Status</th></tr></thead><tbody>");
    for (TargetRow t : targets) {
      double progress = t.target() <= 0 ? 1 : Math.min(1, t.actual() / t.target());
      b.append("<tr class=\"status-")
          .append(Html.esc(t.status()))
          .append("\" data-brand=\"")
          .append(Html.esc(t.brand()))
          .append("\" data-metric=\"")
          .append(Html.esc(t.metric()))
          .append("\" data-start=\"")
          .append(dev.pantau.flink.io.OutputJson.UTC_SECONDS.format(t.start()))
          .append("\"><th scope=\"row\">")
          .append(Html.esc(t.brand()))
          .append("</th><td>")
          .append(Html.esc(metricLabel(t.metric())))
          .append("</td><td>")
          .append(Html.esc(t.period()))
          .append(" from ")
          .append(DAY.format(t.start().atZone(request.period().zone())))
          .append("<br><small>as of ")
          .append(TIME.format(t.asOf().atZone(request.period().zone())))
          .append("</small></td>");
      num(b, "target", t.target(), amount(t.target()));
      b.append("<td class=\"num\" data-field=\"actual\" data-value=\"")
          .append(t.actual())
          .append("\"><span class=\"bar\"><i style=\"width:")
          .append(String.format(Locale.ROOT, "%.0f", progress * 100))
          .append("%\"></i></span>")
          .append(Html.count(t.actual()))
          .append("</td>");
      num(b, "expected_by_now", t.expectedByNow(), amount(t.expectedByNow()));
      num(b, "pace", t.pace(), t.pace() == null ? "–" : Html.percent(t.pace()));
      num(b, "projected", t.projected(), t.projected() == null ? "–" : amount(t.projected()));
      b.append("<td class=\"status\">").append(Html.esc(statusLabel(t.status()))).append("</td>");
      b.append("</tr>");
    }
    b.append(
            "</tbody></table><p class=\"note\">Pace = actual / expected by now, where expected by ")
        .append("now is the goal times the share of its period gone by; 100% keeps the goal.</p>")
        .append("</section>");
  }

  /**
   * The leaderboard of the months the period overlaps when it spans about a month or more, else of
   * its weeks: a director asks "who advocated most this month".
   */
  void leaderboard(StringBuilder b, List<LeaderRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    String preferred = request.period().days() >= 28 ? "month" : "week";
    String kind =
        rows.stream().anyMatch(r -> r.period().equals(preferred))
            ? preferred
            : preferred.equals("month") ? "week" : "month";
    Map<String, List<LeaderRow>> boards = new LinkedHashMap<>();
    for (LeaderRow r : rows) {
      if (r.period().equals(kind)) {
        boards.computeIfAbsent(r.brand() + '|' + r.start(), k -> new ArrayList<>()).add(r);
      }
    }
    b.append("<section><h2>Employee advocacy</h2>");
    for (List<LeaderRow> board : boards.values()) {
      board.sort(Comparator.comparingInt(LeaderRow::rank).thenComparing(LeaderRow::employee));
      LeaderRow first = board.get(0);
      b.append("<h3>")
          .append(Html.esc(first.brand()))
          .append(", ")
          .append(kind)
          .append(" from ")
          .append(DAY.format(first.start().atZone(request.period().zone())))
          .append("</h3><table class=\"leaderboard\" data-brand=\"")
          .append(Html.esc(first.brand()))
          .append("\" data-period=\"")
          .append(kind)
          .append("\" data-start=\"")
          .append(dev.pantau.flink.io.OutputJson.UTC_SECONDS.format(first.start()))
          .append("\"><thead><tr><th>Rank</th><th>Employee</th><th>Posts</th><th>Original</th>")
          .append("<th>Copies</th><th>Reach</th><th>Engagement</th><th>Points</th></tr></thead>")
          .append("<tbody>");
      for (LeaderRow r : board.subList(0, Math.min(LEADERBOARD_ROWS, board.size()))) {
        b.append("<tr data-employee=\"").append(Html.esc(r.employee())).append("\">");
        num(b, "rank", r.rank(), Integer.toString(r.rank()));
        b.append("<td>").append(Html.esc(r.employee())).append("</td>");
        num(b, "posts", r.posts(), Html.count(r.posts()));
        num(b, "original_posts", r.originalPosts(), Html.count(r.originalPosts()));
        num(b, "copies", r.copies(), Html.count(r.copies()));
        num(b, "reach", r.reach(), Html.count(r.reach()));
        num(b, "engagement", r.engagement(), Html.count(r.engagement()));
        num(b, "points", r.points(), String.format(Locale.ROOT, "%,.1f", r.points()));
        b.append("</tr>");
      }
      b.append("</tbody></table>");
    }
    b.append("<p class=\"note\">Points weigh posts, original posts and engagement; an")
        .append(" auto-shared copy costs points.</p></section>");
  }

  /** Leads per brand and lead topic, and the leads whose authors have the largest audience. */
  void leads(StringBuilder b, List<LeadRow> leads) {
    if (leads.isEmpty()) {
      return;
    }
    Map<String, TreeMap<String, Integer>> byBrand = new TreeMap<>();
    Map<String, Integer> total = new TreeMap<>();
    for (LeadRow l : leads) {
      total.merge(l.brand(), 1, Integer::sum);
      TreeMap<String, Integer> topics = byBrand.computeIfAbsent(l.brand(), k -> new TreeMap<>());
      l.topics().forEach(t -> topics.merge(t, 1, Integer::sum));
    }
    b.append("<section><h2>Leads</h2><table class=\"lead-counts\"><thead><tr><th>Brand</th>")
        .append("<th>Leads</th><th>By topic</th></tr></thead><tbody>");
    for (Map.Entry<String, Integer> e : total.entrySet()) {
      List<String> parts = new ArrayList<>();
      byBrand.get(e.getKey()).forEach((t, n) -> parts.add(t + " " + Html.count(n)));
      b.append("<tr data-brand=\"").append(Html.esc(e.getKey())).append("\"><th scope=\"row\">");
      b.append(Html.esc(e.getKey())).append("</th>");
      num(b, "leads", e.getValue(), Html.count(e.getValue()));
      b.append("<td>").append(Html.esc(String.join(", ", parts))).append("</td></tr>");
    }
    b.append("</tbody></table><h3>Top leads by the author's audience</h3>")
        .append("<table class=\"leads\"><thead><tr><th>When</th><th>Brand</th><th>Author</th>")
        .append("<th>Followers</th><th>Topics</th><th>Mention</th></tr></thead><tbody>");
    List<LeadRow> top = new ArrayList<>(leads);
    top.sort(
        Comparator.comparingLong((LeadRow l) -> l.followers() == null ? -1 : l.followers())
            .reversed()
            .thenComparing(LeadRow::createdAt, Comparator.reverseOrder())
            .thenComparing(LeadRow::id));
    for (LeadRow l : top.subList(0, Math.min(TOP_LEADS, top.size()))) {
      b.append("<tr data-id=\"")
          .append(Html.esc(l.source() + ':' + l.id()))
          .append("\"><td>")
          .append(TIME.format(l.createdAt().atZone(request.period().zone())))
          .append("</td><td>")
          .append(Html.esc(l.brand()))
          .append("</td><td>")
          .append(Html.esc(l.author()))
          .append("</td>");
      num(b, "followers", l.followers(), l.followers() == null ? "–" : Html.count(l.followers()));
      b.append("<td>").append(Html.esc(String.join(", ", l.topics()))).append("</td>");
      b.append("<td class=\"text\">");
      link(b, l.url(), l.text());
      b.append("</td></tr>");
    }
    b.append("</tbody></table></section>");
  }

  /** The biggest bursts of copies: the same text posted by several authors within an hour. */
  void copyBursts(StringBuilder b, List<CopyBurst> bursts) {
    b.append("<section><h2>Copy bursts</h2>");
    if (bursts.isEmpty()) {
      b.append("<p>No copy bursts in this period.</p></section>");
      return;
    }
    b.append("<table class=\"bursts\"><thead><tr><th>First copy</th><th>Brands</th><th>Text</th>")
        .append("<th>Size</th><th>Authors</th><th>Reach of copies</th><th>Last copy</th>")
        .append("</tr></thead><tbody>");
    for (CopyBurst c : bursts) {
      b.append("<tr data-original=\"")
          .append(Html.esc(c.original()))
          .append("\"><td>")
          .append(TIME.format(c.first().atZone(request.period().zone())))
          .append("</td><td>")
          .append(Html.esc(String.join(", ", c.brands())))
          .append("</td><td class=\"text\">")
          .append(Html.esc(shorten(c.text())))
          .append("</td>");
      num(b, "size", c.size(), Html.count(c.size()));
      num(b, "authors", c.authors(), Html.count(c.authors()));
      num(b, "reach", c.reach(), Html.count(c.reach()));
      b.append("<td>").append(TIME.format(c.last().atZone(request.period().zone())));
      b.append("</td></tr>");
    }
    b.append("</tbody></table><p class=\"note\">Size counts the original and its copies in the")
        .append(" period: nearly the same text by at least 3 authors within 60 minutes, often a")
        .append(" coordinated campaign or an auto-share.</p></section>");
  }

  private static void num(StringBuilder b, String field, Number value, String shown) {
    b.append("<td class=\"num\" data-field=\"")
        .append(field)
        .append("\" data-value=\"")
        .append(Html.raw(value))
        .append("\">")
        .append(shown)
        .append("</td>");
  }

  private static void link(StringBuilder b, String url, String text) {
    String shown = Html.esc(shorten(text));
    if (url.startsWith("https://") || url.startsWith("http://")) {
      b.append("<a href=\"").append(Html.esc(url)).append("\">").append(shown).append("</a>");
    } else {
      b.append(shown);
    }
  }

  private static String shorten(String text) {
    return text.length() > 280 ? text.substring(0, 277) + "…" : text;
  }

  private static String amount(double v) {
    return v == Math.rint(v) ? Html.count((long) v) : String.format(Locale.ROOT, "%,.1f", v);
  }

  private static String metricLabel(String metric) {
    return switch (metric) {
      case "mentions" -> "Mentions";
      case "leads" -> "Leads";
      case "followers.growth" -> "New followers";
      case "employee.posts" -> "Employee posts";
      case "engagement.total" -> "Engagement";
      default -> metric;
    };
  }

  private static String statusLabel(String status) {
    return switch (status) {
      case "on_track" -> "on track";
      default -> status;
    };
  }
}
