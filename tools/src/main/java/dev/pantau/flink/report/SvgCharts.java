package dev.pantau.flink.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Charts drawn as inline SVG, so the report opens without a network or a script and prints sharply.
 * Colours come from a palette that stays distinguishable in greyscale print by its line dashes.
 */
final class SvgCharts {
  static final String[] COLOURS = {
    "#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#0a7ea4", "#bf3989", "#57606a"
  };
  private static final String[] DASHES = {"", "6 3", "2 2", "8 3 2 3", "", "6 3", "2 2", "8 3 2 3"};
  private static final int W = 720;
  private static final int H = 240;
  private static final int LEFT = 56;
  private static final int BOTTOM = 28;
  private static final int TOP = 12;
  private static final int RIGHT = 12;

  private SvgCharts() {}

  /** One line per series over time, with a legend naming every series in text. */
  static String lines(String title, Map<String, Map<Instant, Double>> series, ZoneId zone) {
    TreeSet<Instant> times = new TreeSet<>();
    double max = 0;
    for (Map<Instant, Double> s : series.values()) {
      times.addAll(s.keySet());
      for (double v : s.values()) {
        max = Math.max(max, v);
      }
    }
    StringBuilder b = new StringBuilder();
    b.append("<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(W)
        .append(' ')
        .append(H)
        .append("\" role=\"img\" aria-label=\"")
        .append(Html.esc(title))
        .append("\">");
    if (times.isEmpty()) {
      b.append("<text x=\"")
          .append(W / 2)
          .append("\" y=\"")
          .append(H / 2)
          .append("\" text-anchor=\"middle\">no data</text></svg>");
      return b.append(caption(title)).append("</figure>").toString();
    }
    double top = niceCeiling(max);
    List<Instant> axis = List.copyOf(times);
    axes(b, top, axis, zone);
    int i = 0;
    for (Map.Entry<String, Map<Instant, Double>> s : series.entrySet()) {
      StringBuilder points = new StringBuilder();
      for (Map.Entry<Instant, Double> p : new java.util.TreeMap<>(s.getValue()).entrySet()) {
        points
            .append(fmt(x(axis.indexOf(p.getKey()), axis.size())))
            .append(',')
            .append(fmt(y(p.getValue(), top)))
            .append(' ');
      }
      b.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"")
          .append(COLOURS[i % COLOURS.length])
          .append('"');
      if (!DASHES[i % DASHES.length].isEmpty()) {
        b.append(" stroke-dasharray=\"").append(DASHES[i % DASHES.length]).append('"');
      }
      b.append(" data-series=\"")
          .append(Html.esc(s.getKey()))
          .append("\" points=\"")
          .append(points.toString().strip())
          .append("\"/>");
      i++;
    }
    b.append("</svg>").append(legend(series.keySet())).append(caption(title)).append("</figure>");
    return b.toString();
  }

  /** Horizontal bars of shares in [0, 1], labelled with their percentage. */
  static String shares(String title, Map<String, Double> shares) {
    int rowH = 26;
    int h = Math.max(1, shares.size()) * rowH + 8;
    int labelW = 160;
    int barW = W - labelW - 70;
    StringBuilder b = new StringBuilder();
    b.append("<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(W)
        .append(' ')
        .append(h)
        .append("\" role=\"img\" aria-label=\"")
        .append(Html.esc(title))
        .append("\">");
    int i = 0;
    for (Map.Entry<String, Double> e : shares.entrySet()) {
      int y = 4 + i * rowH;
      double share = e.getValue() == null ? 0 : e.getValue();
      b.append("<text x=\"")
          .append(labelW - 8)
          .append("\" y=\"")
          .append(y + 17)
          .append("\" text-anchor=\"end\">")
          .append(Html.esc(e.getKey()))
          .append("</text>");
      b.append("<rect x=\"")
          .append(labelW)
          .append("\" y=\"")
          .append(y + 4)
          .append("\" height=\"18\" width=\"")
          .append(fmt(barW * share))
          .append("\" fill=\"")
          .append(COLOURS[i % COLOURS.length])
          .append("\"/>");
      b.append("<text x=\"")
          .append(fmt(labelW + barW * share + 6))
          .append("\" y=\"")
          .append(y + 17)
          .append("\">")
          .append(Html.percent(e.getValue()))
          .append("</text>");
      i++;
    }
    return b.append("</svg>").append(caption(title)).append("</figure>").toString();
  }

  private static void axes(StringBuilder b, double top, List<Instant> axis, ZoneId zone) {
    b.append("<g class=\"axis\">");
    for (int t = 0; t <= 4; t++) {
      double v = top * t / 4;
      double y = y(v, top);
      b.append("<line x1=\"")
          .append(LEFT)
          .append("\" x2=\"")
          .append(W - RIGHT)
          .append("\" y1=\"")
          .append(fmt(y))
          .append("\" y2=\"")
          .append(fmt(y))
          .append("\" stroke=\"#d0d7de\"/>");
      b.append("<text x=\"")
          .append(LEFT - 6)
          .append("\" y=\"")
          .append(fmt(y + 4))
          .append("\" text-anchor=\"end\">")
          .append(Html.count(Math.round(v)))
          .append("</text>");
    }
    DateTimeFormatter label = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    int step = Math.max(1, axis.size() / 8);
    for (int i = 0; i < axis.size(); i += step) {
      // the last label ends at the plot's edge instead of running past it
      String anchor = i == axis.size() - 1 && axis.size() > 1 ? "end" : "middle";
      b.append("<text x=\"")
          .append(fmt(x(i, axis.size())))
          .append("\" y=\"")
          .append(H - 8)
          .append("\" text-anchor=\"")
          .append(anchor)
          .append("\">")
          .append(label.format(axis.get(i).atZone(zone)))
          .append("</text>");
    }
    b.append("</g>");
  }

  private static String legend(Iterable<String> names) {
    StringBuilder b = new StringBuilder("<ul class=\"legend\">");
    int i = 0;
    for (String n : names) {
      b.append("<li><span class=\"swatch\" style=\"background:")
          .append(COLOURS[i++ % COLOURS.length])
          .append("\"></span>")
          .append(Html.esc(n))
          .append("</li>");
    }
    return b.append("</ul>").toString();
  }

  private static String caption(String title) {
    return "<figcaption>" + Html.esc(title) + "</figcaption>";
  }

  private static double x(int i, int n) {
    return n <= 1
        ? LEFT + (W - LEFT - RIGHT) / 2.0
        : LEFT + (W - LEFT - RIGHT) * (double) i / (n - 1);
  }

  private static double y(double v, double top) {
    return TOP + (H - TOP - BOTTOM) * (1 - (top == 0 ? 0 : v / top));
  }

  /**
   * 1, 2 or 5 times a power of ten, at or above {@code max}: axis labels a reader can take in at a
   * glance.
   */
  static double niceCeiling(double max) {
    if (max <= 0) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(max)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= max) {
        return m * p;
      }
    }
    return 10 * p;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
