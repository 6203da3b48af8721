package dev.pantau.flink.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pantau.flink.job.kpi.KpiField;
import dev.pantau.flink.job.kpi.KpiFields;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Reads {@code kpi-series.jsonl} (SPEC §4) into rows, keeping the latest revision of each key as a
 * consumer's upsert would; which fields exist comes from the KPI registry, so a new KPI needs no
 * change here.
 */
public final class KpiSeriesReader {

  private final KpiFields fields;

  public KpiSeriesReader(KpiFields fields) {
    this.fields = fields;
  }

  /**
   * The rows {@code keep} accepts, latest revision per key, sorted by brand, window, source and
   * start.
   *
   * @throws ReportInputException naming the file and line of a line that is not a KPI record
   */
  public List<KpiRow> read(Path file, Predicate<KpiRow> keep)
      throws IOException, ReportInputException {
    Map<String, KpiRow> latest = new HashMap<>();
    JsonLinesReader.read(
        file,
        "a KPI record",
        o -> {
          KpiRow row = parse(o);
          if (keep.test(row)) {
            latest.merge(
                row.key(), row, (old, neu) -> neu.revision() >= old.revision() ? neu : old);
          }
        });
    List<KpiRow> rows = new ArrayList<>(latest.values());
    rows.sort(
        Comparator.comparing(KpiRow::brand)
            .thenComparing(KpiRow::window, Comparator.comparing(KpiSeriesReader::windowLength))
            .thenComparing(KpiRow::source)
            .thenComparing(KpiRow::start));
    return rows;
  }

  KpiRow parse(JsonNode o) {
    Map<String, Number> values = new LinkedHashMap<>();
    Map<String, Long> topics = new TreeMap<>();
    for (KpiField f : fields.all()) {
      JsonNode v = at(o, f.name());
      if (f.metric().family()) {
        if (v != null && v.isObject()) {
          for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            topics.put(e.getKey(), e.getValue().asLong());
          }
        }
      } else if (v != null && v.isNumber()) {
        values.put(
            f.name(), f.metric().ratio() ? (Number) v.doubleValue() : (Number) v.longValue());
      }
    }
    return new KpiRow(
        required(o, "brand").asText(),
        o.hasNonNull("group") ? o.get("group").asText() : null,
        required(o, "window").asText(),
        required(o, "source").asText(),
        Instant.parse(required(o, "start").asText()),
        o.path("revision").asInt(1),
        values,
        topics);
  }

  /** The node at a registry name's path; for a family ({@code topics.}) the object itself. */
  private static JsonNode at(JsonNode o, String dotted) {
    JsonNode at = o;
    for (String part : dotted.split("\\.")) {
      at = at == null ? null : at.get(part);
    }
    return at;
  }

  private static JsonNode required(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("no " + field);
    }
    return v;
  }

  /**
   * Orders windows by length ({@code 1m} before {@code 5m} before {@code 1h}), unknown ones last.
   */
  static long windowLength(String window) {
    try {
      long n = Long.parseLong(window.substring(0, window.length() - 1));
      return switch (window.charAt(window.length() - 1)) {
        case 'm' -> n * 60;
        case 'h' -> n * 3600;
        case 'd' -> n * 86400;
        default -> Long.MAX_VALUE;
      };
    } catch (RuntimeException e) {
      return Long.MAX_VALUE;
    }
  }
}
