package dev.pantau.flink.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The demo's live view of KPI records (SPEC §4) and alerts (SPEC §5).
 *
 * <p>In {@link Mode#TABLE} mode it keeps, per brand and window, the newest closed window (all
 * sources together, {@code source: "*"}) and its recent history, and {@link #render} redraws a
 * table in place with ANSI escapes: mentions with a trend line, reach, engagement, net sentiment
 * and share of voice when present, and the latest alerts. In {@link Mode#PLAIN} mode (no terminal)
 * each {@link #render} prints SPEC §7's plain lines for what arrived since the last call: one per
 * closed window and brand, e.g. {@code telkomsel 1m 2026-11-22T10:15:00Z mentions=12 reach=3400
 * engagement=88 net=0.25}, and one per alert. A revision that changes none of a line's numbers is
 * not printed again.
 *
 * <p>Thread-safe: the Kafka readers call {@link #accept} and {@link #acceptAlert}, a timer calls
 * {@link #render}.
 */
public final class KpiTable {

  /** How the view is drawn. */
  public enum Mode {
    /** A table redrawn in place, for a terminal. */
    TABLE,
    /** SPEC §7's plain lines, for a pipe or a file. */
    PLAIN
  }

  /** The windows the table shows, newest closed window of each. */
  public static final List<String> DEFAULT_WINDOWS = List.of("1m", "5m");

  /** How many alerts the table lists. */
  public static final int DEFAULT_ALERT_LINES = 6;

  /** How many past windows the trend line shows. */
  public static final int TREND_LENGTH = 16;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PRINTED_MEMORY = 50_000;
  private static final String ALL_SOURCES = "*";
  private static final String BARS = "▁▂▃▄▅▆▇█";
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String DIM = "\u001b[2m";
  private static final String RED = "\u001b[31m";
  private static final String GREEN = "\u001b[32m";
  private static final String YELLOW = "\u001b[33m";

  /** One KPI record, the fields the view shows. */
  record Kpi(
      String brand,
      String group,
      String window,
      String start,
      String source,
      long mentions,
      long reach,
      long engagement,
      Double net,
      Double shareOfVoice,
      int revision,
      long leads,
      long copies,
      Double participation) {

    Kpi(
        String brand,
        String group,
        String window,
        String start,
        String source,
        long mentions,
        long reach,
        long engagement,
        Double net,
        Double shareOfVoice,
        int revision) {
      this(
          brand,
          group,
          window,
          start,
          source,
          mentions,
          reach,
          engagement,
          net,
          shareOfVoice,
          revision,
          0,
          0,
          null);
    }
  }

  /** One alert record, the fields the view shows. */
  record Alert(
      String id,
      String status,
      String rule,
      String brand,
      String severity,
      String window,
      String start,
      String message) {}

  private final Mode mode;
  private List<String> windows = DEFAULT_WINDOWS;
  private int alertLines = DEFAULT_ALERT_LINES;
  private String header = "Pantau: live KPIs per brand, all sources, refreshed as windows close";

  // TABLE: per window, per brand, the records by start (history for the trend line)
  private final Map<String, Map<String, TreeMap<String, Kpi>>> byWindow = new HashMap<>();
  private final Deque<Alert> alerts = new ArrayDeque<>();
  private final Set<String> firing = new LinkedHashSet<>();
  private long kpiCount;
  private long alertCount;
  private int drawnLines;

  // PLAIN: lines not printed yet, and the last line printed per (brand, window, start)
  private final List<String> pending = new ArrayList<>();
  // bounded: a demo runs for hours; a revision of a window this old is simply printed again
  private final Map<String, String> printed =
      new java.util.LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > PRINTED_MEMORY;
        }
      };

  public KpiTable(Mode mode) {
    this.mode = Objects.requireNonNull(mode, "mode");
  }

  /** A table when standard output is a terminal, plain lines otherwise. */
  public static KpiTable forConsole() {
    return new KpiTable(System.console() != null ? Mode.TABLE : Mode.PLAIN);
  }

  /** The windows the table shows (plain lines cover every window). */
  public synchronized KpiTable windows(List<String> windows) {
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("windows must not be empty");
    }
    this.windows = List.copyOf(windows);
    return this;
  }

  /** How many alerts the table lists. */
  public synchronized KpiTable alertLines(int lines) {
    if (lines < 0) {
      throw new IllegalArgumentException("alertLines must be >= 0: " + lines);
    }
    this.alertLines = lines;
    return this;
  }

  /** The table's first line (e.g. where the broker and the log are). */
  public synchronized KpiTable header(String header) {
    this.header = Objects.requireNonNull(header, "header");
    return this;
  }

  public Mode mode() {
    return mode;
  }

  /**
   * Takes one KPI record (SPEC §4 JSON). Records of one source (not {@code "*"}) are not shown.
   *
   * @throws IllegalArgumentException when the JSON is not a KPI record, naming what is missing
   */
  public synchronized void accept(String kpiJson) {
    Kpi kpi = parseKpi(kpiJson);
    kpiCount++;
    if (!ALL_SOURCES.equals(kpi.source())) {
      return;
    }
    if (mode == Mode.PLAIN) {
      queue(kpi.brand() + "|" + kpi.window() + "|" + kpi.start(), plainLine(kpi));
      return;
    }
    TreeMap<String, Kpi> history =
        byWindow
            .computeIfAbsent(kpi.window(), w -> new HashMap<>())
            .computeIfAbsent(kpi.brand(), b -> new TreeMap<>());
    Kpi before = history.get(kpi.start());
    if (before == null || before.revision() <= kpi.revision()) {
      history.put(kpi.start(), kpi);
    }
    while (history.size() > TREND_LENGTH) {
      history.pollFirstEntry();
    }
  }

  /**
   * Takes one alert (SPEC §5 JSON): firing or resolved.
   *
   * @throws IllegalArgumentException when the JSON is not an alert, naming what is missing
   */
  public synchronized void acceptAlert(String alertJson) {
    Alert alert = parseAlert(alertJson);
    alertCount++;
    if (mode == Mode.PLAIN) {
      queue("alert|" + alert.id() + "|" + alert.status(), plainLine(alert));
      return;
    }
    if ("resolved".equals(alert.status())) {
      firing.remove(alert.id());
    } else {
      firing.add(alert.id());
    }
    alerts.addFirst(alert);
    while (alerts.size() > Math.max(alertLines, 1)) {
      alerts.removeLast();
    }
  }

  /** The newest progress of each target period (SPEC §4d), by brand, metric and period. */
  private final TreeMap<String, com.fasterxml.jackson.databind.JsonNode> targets = new TreeMap<>();

  private final Map<String, String> targetStatus = new HashMap<>();

  /**
   * Takes one target-progress record (SPEC §4d). Plain lines: one when a target period first shows
   * and whenever its status changes ({@code met}, {@code on_track}, {@code behind}).
   *
   * @throws IllegalArgumentException when the JSON is not a target-progress record
   */
  public synchronized void acceptTarget(String targetJson) {
    com.fasterxml.jackson.databind.JsonNode t;
    try {
      t = JSON.readTree(targetJson);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage());
    }
    for (String f :
        List.of("brand", "metric", "period", "start", "actual", "target", "status", "revision")) {
      if (t == null || !t.hasNonNull(f)) {
        throw new IllegalArgumentException("a target record needs '" + f + "'");
      }
    }
    String key =
        t.get("brand").asText() + "|" + t.get("metric").asText() + "|" + t.get("period").asText();
    com.fasterxml.jackson.databind.JsonNode before = targets.get(key);
    if (before != null && before.get("start").asText().compareTo(t.get("start").asText()) > 0) {
      return; // an older period's revision
    }
    targets.put(key, t);
    String status = t.get("start").asText() + " " + t.get("status").asText();
    if (mode == Mode.PLAIN && !status.equals(targetStatus.put(key, status))) {
      pending.add(plainTargetLine(t));
    }
  }

  /**
   * {@code target telkomsel followers.growth month 2026-11-01T00:00:00Z behind actual=180
   * target=1000 expected_by_now=700.1 pace=0.257}.
   */
  static String plainTargetLine(com.fasterxml.jackson.databind.JsonNode t) {
    return "target "
        + t.get("brand").asText()
        + " "
        + t.get("metric").asText()
        + " "
        + t.get("period").asText()
        + " "
        + t.get("start").asText()
        + " "
        + t.get("status").asText()
        + " actual="
        + t.get("actual").asText()
        + " target="
        + t.get("target").asText()
        + " expected_by_now="
        + t.path("expected_by_now").asText()
        + (t.has("pace") ? " pace=" + t.get("pace").asText() : "");
  }

  private void targetLines(List<String> lines) {
    if (targets.isEmpty()) {
      return;
    }
    lines.add("");
    lines.add(
        BOLD + "Targets" + RESET + DIM + "  this period, against the pace expected by now" + RESET);
    lines.add(
        DIM
            + String.format(
                "%-14s %-18s %-8s %10s %10s %10s %6s  %s",
                "BRAND", "METRIC", "PERIOD", "ACTUAL", "EXPECTED", "TARGET", "PACE", "STATUS")
            + RESET);
    for (com.fasterxml.jackson.databind.JsonNode t : targets.values()) {
      String status = t.get("status").asText();
      String colored =
          "met".equals(status)
              ? GREEN + status + RESET
              : "behind".equals(status) ? RED + status + RESET : status;
      lines.add(
          String.format(
              "%-14s %-18s %-8s %10s %10s %10s %6s  %s",
              clip(t.get("brand").asText(), 14),
              clip(t.get("metric").asText(), 18),
              t.get("period").asText(),
              t.get("actual").asText(),
              t.path("expected_by_now").asText(),
              t.get("target").asText(),
              t.has("pace") ? decimal(t.get("pace").asDouble()) : "-",
              colored));
    }
  }

  /** Draws the view: redraws the table in place, or prints the plain lines not printed yet. */
  public synchronized void render(PrintStream out) {
    if (mode == Mode.PLAIN) {
      for (String line : pending) {
        out.println(line);
      }
      pending.clear();
    } else {
      List<String> lines = tableLines();
      StringBuilder frame = new StringBuilder();
      if (drawnLines > 0) {
        frame
            .append("\u001b[")
            .append(drawnLines)
            .append('F')
            .append("\u001b[J"); // up, clear below
      }
      for (String line : lines) {
        frame.append(line).append('\n');
      }
      out.print(frame);
      drawnLines = lines.size();
    }
    out.flush();
  }

  /** What {@link #render} would print, as a string (for tests and logs). */
  public String renderToString() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      render(out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  // ---- plain lines ------------------------------------------------------------------------------

  private void queue(String key, String line) {
    if (!line.equals(printed.get(key))) {
      printed.put(key, line);
      pending.add(line);
    }
  }

  /** {@code telkomsel 1m 2026-11-22T10:15:00Z mentions=12 reach=3400 engagement=88 net=0.25}. */
  static String plainLine(Kpi k) {
    StringBuilder line =
        new StringBuilder()
            .append(k.brand())
            .append(' ')
            .append(k.window())
            .append(' ')
            .append(k.start())
            .append(" mentions=")
            .append(k.mentions())
            .append(" reach=")
            .append(k.reach())
            .append(" engagement=")
            .append(k.engagement());
    if (k.net() != null) {
      line.append(" net=").append(decimal(k.net()));
    }
    if (k.leads() > 0) {
      line.append(" leads=").append(k.leads());
    }
    if (k.copies() > 0) {
      line.append(" copies=").append(k.copies());
    }
    return line.toString();
  }

  /** {@code alert firing warning telkomsel 5m 2026-11-22T10:15:00Z mention-spike: <message>}. */
  static String plainLine(Alert a) {
    return "alert "
        + a.status()
        + " "
        + a.severity()
        + " "
        + a.brand()
        + " "
        + a.window()
        + " "
        + a.start()
        + " "
        + a.rule()
        + ": "
        + a.message();
  }

  /** At most three decimals, no trailing zeros: 0.25, -0.167, 1, 0. */
  static String decimal(double value) {
    BigDecimal d = BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
    return d.signum() == 0 ? "0" : d.toPlainString();
  }

  // ---- the table
  // ----------------------------------------------------------------------------------

  private List<String> tableLines() {
    List<String> lines = new ArrayList<>();
    lines.add(BOLD + header + RESET);
    lines.add(DIM + "KPI records received: " + kpiCount + " · alerts: " + alertCount + RESET);
    for (String window : windows) {
      Map<String, TreeMap<String, Kpi>> brands = byWindow.getOrDefault(window, Map.of());
      lines.add("");
      if (brands.isEmpty()) {
        lines.add(
            BOLD
                + window
                + " windows"
                + RESET
                + DIM
                + "  waiting for the first window to close..."
                + RESET);
        continue;
      }
      List<Kpi> latest = new ArrayList<>();
      for (TreeMap<String, Kpi> history : brands.values()) {
        latest.add(history.lastEntry().getValue());
      }
      latest.sort(
          Comparator.comparing((Kpi k) -> k.group() == null ? "~" : k.group())
              .thenComparing(Kpi::brand));
      boolean hasNet = latest.stream().anyMatch(k -> k.net() != null);
      boolean hasSov = latest.stream().anyMatch(k -> k.shareOfVoice() != null);
      // leads, copies and employee participation (SPEC §4): where a social media lead looks next
      boolean hasSocial =
          latest.stream()
              .anyMatch(k -> k.leads() != 0 || k.copies() != 0 || k.participation() != null);
      String newest = latest.stream().map(Kpi::start).max(String::compareTo).orElse("");
      lines.add(BOLD + window + " windows" + RESET + DIM + "  newest closed: " + newest + RESET);
      StringBuilder head =
          new StringBuilder(
              String.format(
                  "%-14s %-13s %8s  %-16s %11s %11s",
                  "BRAND", "GROUP", "MENTIONS", "TREND", "REACH", "ENGAGEMENT"));
      if (hasNet) {
        head.append(String.format(" %6s", "NET"));
      }
      if (hasSov) {
        head.append(String.format(" %5s", "SOV"));
      }
      if (hasSocial) {
        head.append(String.format(" %5s %6s %5s", "LEADS", "COPIES", "EMP"));
      }
      head.append("  START");
      lines.add(DIM + head + RESET);
      for (Kpi k : latest) {
        StringBuilder row =
            new StringBuilder(
                String.format(
                    "%-14s %-13s %8d  %-16s %11d %11d",
                    clip(k.brand(), 14),
                    clip(k.group() == null ? "-" : k.group(), 13),
                    k.mentions(),
                    trend(brands.get(k.brand())),
                    k.reach(),
                    k.engagement()));
        if (hasNet) {
          row.append(' ').append(k.net() == null ? String.format("%6s", "-") : coloredNet(k.net()));
        }
        if (hasSov) {
          row.append(
              String.format(" %4.0f%%", k.shareOfVoice() == null ? 0 : k.shareOfVoice() * 100));
        }
        if (hasSocial) {
          String copies = String.format("%6d", k.copies());
          row.append(String.format(" %5d ", k.leads()))
              .append(k.copies() > 0 ? YELLOW + copies + RESET : copies)
              .append(
                  k.participation() == null
                      ? String.format(" %5s", "-")
                      : String.format(" %4.0f%%", k.participation() * 100));
        }
        row.append("  ").append(k.start().equals(newest) ? k.start() : YELLOW + k.start() + RESET);
        lines.add(row.toString());
      }
    }
    targetLines(lines);
    if (alertLines > 0) {
      lines.add("");
      lines.add(BOLD + "Alerts" + RESET + DIM + "  firing now: " + firing.size() + RESET);
      if (alerts.isEmpty()) {
        lines.add(DIM + "  none yet" + RESET);
      }
      for (Alert a : alerts) {
        String status =
            "resolved".equals(a.status()) ? GREEN + "resolved" + RESET : RED + "FIRING  " + RESET;
        lines.add(
            String.format(
                "  %s %-8s %-12s %-3s %s  %s",
                status, a.severity(), clip(a.brand(), 12), a.window(), a.start(), a.message()));
      }
    }
    return lines;
  }

  /** The brand's mentions over its last windows as a bar per window, scaled to its own maximum. */
  static String trend(TreeMap<String, Kpi> history) {
    long max = history.values().stream().mapToLong(Kpi::mentions).max().orElse(0);
    StringBuilder bars = new StringBuilder();
    for (Kpi k : history.values()) {
      int level =
          max == 0 ? 0 : (int) Math.round((BARS.length() - 1) * (double) k.mentions() / max);
      bars.append(BARS.charAt(level));
    }
    return bars.toString();
  }

  private static String coloredNet(double net) {
    String text = String.format("%+6.2f", net);
    return net > 0.05 ? GREEN + text + RESET : net < -0.05 ? RED + text + RESET : text;
  }

  private static String clip(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "…";
  }

  // ---- parsing
  // ------------------------------------------------------------------------------------

  static Kpi parseKpi(String json) {
    JsonNode n = tree(json, "KPI record");
    return new Kpi(
        text(n, "brand", "KPI record"),
        n.path("group").isTextual() ? n.get("group").asText() : null,
        text(n, "window", "KPI record"),
        text(n, "start", "KPI record"),
        n.path("source").asText(ALL_SOURCES),
        number(n, "mentions", "KPI record"),
        n.path("reach").asLong(0),
        n.path("engagement").path("total").asLong(0),
        n.path("sentiment").path("net").isNumber()
            ? n.path("sentiment").path("net").asDouble()
            : null,
        n.path("share_of_voice").isNumber() ? n.get("share_of_voice").asDouble() : null,
        n.path("revision").asInt(1),
        n.path("leads").asLong(0),
        n.path("copies").asLong(0),
        n.path("employee").path("participation").isNumber()
            ? n.path("employee").path("participation").asDouble()
            : null);
  }

  static Alert parseAlert(String json) {
    JsonNode n = tree(json, "alert");
    return new Alert(
        text(n, "id", "alert"),
        text(n, "status", "alert"),
        n.path("rule").asText("?"),
        text(n, "brand", "alert"),
        n.path("severity").asText("warning"),
        n.path("window").asText("?"),
        n.path("start").asText("?"),
        n.path("message").asText(""));
  }

  private static JsonNode tree(String json, String what) {
    JsonNode n;
    try {
      n = JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException("not a " + what + " (invalid JSON): " + e.getMessage(), e);
    }
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("not a " + what + " (not a JSON object): " + json);
    }
    return n;
  }

  private static String text(JsonNode n, String field, String what) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException(
          "not a " + what + ": no text field '" + field + "' in " + n);
    }
    return v.asText();
  }

  private static long number(JsonNode n, String field, String what) {
    JsonNode v = n.get(field);
    if (v == null || !v.isIntegralNumber()) {
      throw new IllegalArgumentException(
          "not a " + what + ": no integer field '" + field + "' in " + n);
    }
    return v.asLong();
  }
}
