package dev.pantau.flink.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the page shows, kept in memory: the KPI records of all sources ({@code source: "*"}) by
 * brand, window and start, the highest revision winning (SPEC §4's upsert), and the latest status
 * of each alert (a resolved alert stays resolved). Bounded per brand and window, so a long run does
 * not grow it without end.
 */
final class DashboardState {
  /** Windows kept per brand and window size: a day of minutes. */
  static final int MAX_POINTS = 1_440;

  /** Alerts kept, newest first. */
  static final int MAX_ALERTS = 200;

  private final Map<String, TreeMap<String, JsonNode>> kpis = new HashMap<>();
  private final LinkedHashMap<String, JsonNode> alerts = new LinkedHashMap<>();

  /** Applies a KPI record; returns whether the page must hear of it. */
  synchronized boolean kpi(JsonNode r) {
    if (!"*".equals(r.path("source").asText())
        || !r.hasNonNull("brand")
        || !r.hasNonNull("start")) {
      return false;
    }
    TreeMap<String, JsonNode> series =
        kpis.computeIfAbsent(
            r.get("brand").asText() + "|" + r.path("window").asText(), k -> new TreeMap<>());
    JsonNode old = series.get(r.get("start").asText());
    if (old != null && old.path("revision").asLong() >= r.path("revision").asLong()) {
      return false;
    }
    series.put(r.get("start").asText(), r);
    while (series.size() > MAX_POINTS) {
      series.pollFirstEntry();
    }
    return true;
  }

  synchronized boolean alert(JsonNode a) {
    if (!a.hasNonNull("id")) {
      return false;
    }
    JsonNode old = alerts.get(a.get("id").asText());
    if (old != null
        && "resolved".equals(old.path("status").asText())
        && !"resolved".equals(a.path("status").asText())) {
      return false;
    }
    alerts.remove(a.get("id").asText());
    alerts.put(a.get("id").asText(), a);
    while (alerts.size() > MAX_ALERTS) {
      alerts.remove(alerts.keySet().iterator().next());
    }
    return true;
  }

  /** Every record held, KPI records first: what a page that just connected needs. */
  synchronized List<Event> snapshot() {
    List<Event> out = new ArrayList<>();
    kpis.values().forEach(s -> s.values().forEach(r -> out.add(new Event("kpi", r))));
    alerts.values().forEach(a -> out.add(new Event("alert", a)));
    return out;
  }

  record Event(String type, JsonNode data) {}
}
