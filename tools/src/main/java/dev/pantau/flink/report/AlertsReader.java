package dev.pantau.flink.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code alerts.jsonl} (SPEC §5): a resolved record follows its firing one with the same id,
 * so the last line of an id is its status, as the PostgreSQL table keeps it.
 */
public final class AlertsReader {

  /** The alerts of the request's period and brand, by start then id. */
  public List<AlertRow> read(JsonRecords in, ReportRequest request)
      throws IOException, ReportInputException {
    Map<String, AlertRow> latest = new LinkedHashMap<>();
    in.forEach(
        "an alert",
        o -> {
          AlertRow a = parse(o);
          if (request.period().contains(a.start())
              && (request.brand() == null || request.brand().equals(a.brand()))) {
            // a resolved alert stays resolved: a later firing record of its id is a re-delivery
            latest.merge(a.id(), a, (old, neu) -> "resolved".equals(old.status()) ? old : neu);
          }
        });
    List<AlertRow> rows = new ArrayList<>(latest.values());
    rows.sort(Comparator.comparing(AlertRow::start).thenComparing(AlertRow::id));
    return rows;
  }

  static AlertRow parse(JsonNode o) {
    List<String> terms = new ArrayList<>();
    o.path("top_terms").forEach(t -> terms.add(t.asText()));
    return new AlertRow(
        text(o, "id"),
        text(o, "status"),
        text(o, "rule"),
        text(o, "type"),
        text(o, "brand"),
        text(o, "severity"),
        text(o, "metric"),
        text(o, "window"),
        Instant.parse(o.get("start").asText()),
        number(o, "observed"),
        number(o, "expected"),
        number(o, "score"),
        text(o, "message"),
        List.copyOf(terms));
  }

  private static String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }

  private static Double number(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v != null && v.isNumber() ? v.doubleValue() : null;
  }
}
