package dev.pantau.flink.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code alerts.jsonl} (SPEC §5): a resolved record follows its firing one with the same id, so
 * the last line of an id is its status, as the PostgreSQL table keeps it.
 */
public final class AlertsReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The alerts of the request's period and brand, by start then id. */
  public List<AlertRow> read(Path file, ReportRequest request) throws IOException, ReportInputException {
    Map<String, AlertRow> latest = new LinkedHashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        AlertRow a;
        try {
          a = parse(JSON.readTree(line));
        } catch (IOException | RuntimeException e) {
          throw new ReportInputException(file + ":" + number + ": not an alert (" + e.getMessage() + ")");
        }
        if (request.period().contains(a.start()) && (request.brand() == null || request.brand().equals(a.brand()))) {
          latest.put(a.id(), a);
        }
      }
    }
    List<AlertRow> rows = new ArrayList<>(latest.values());
    rows.sort(Comparator.comparing(AlertRow::start).thenComparing(AlertRow::id));
    return rows;
  }

  static AlertRow parse(JsonNode o) {
    List<String> terms = new ArrayList<>();
    o.path("top_terms").forEach(t -> terms.add(t.asText()));
    return new AlertRow(
        text(o, "id"), text(o, "status"), text(o, "rule"), text(o, "type"), text(o, "brand"), text(o, "severity"),
        text(o, "metric"), text(o, "window"), Instant.parse(o.get("start").asText()),
        number(o, "observed"), number(o, "expected"), number(o, "score"), text(o, "message"), List.copyOf(terms));
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
