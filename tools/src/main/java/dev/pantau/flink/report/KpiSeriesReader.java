package dev.pantau.flink.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.pantau.flink.job.kpi.KpiFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads KPI records (SPEC §4) into rows, keeping the latest revision of each key as a consumer's
 * upsert would; which fields exist comes from the KPI registry, so a new KPI needs no change here.
 *
 * <p>A month of minute windows is a gigabyte of JSON, so a record outside the request is skipped by
 * its key fields found as text, before any parsing, and the rest is read with Jackson's streaming
 * parser rather than as a tree. A record written otherwise than SPEC's writer writes it (spaces,
 * another field order) is simply parsed in full.
 */
public final class KpiSeriesReader {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final KpiLayout layout;
  private final String family;

  /** One instance of each brand, group, window and source name, not one per row. */
  private final Map<String, String> names = new java.util.concurrent.ConcurrentHashMap<>();

  public KpiSeriesReader(KpiFields fields) {
    this.layout = new KpiLayout(fields);
    this.family = layout.family();
  }

  /**
   * The rows the request covers, latest revision per key, sorted by brand, window, source and
   * start.
   *
   * @throws ReportInputException naming where a record that is not a KPI record was
   */
  public List<KpiRow> read(JsonRecords in, ReportRequest request)
      throws IOException, ReportInputException {
    Map<String, KpiRow> latest = new HashMap<>();
    String from = request.period().startUtc();
    String to = request.period().endUtc();
    HtmlWindows html = request.allSourcesOnly() ? new HtmlWindows(request.htmlPeriod()) : null;
    in.forEachParsed(
        "a KPI record",
        line -> {
          if (!maybe(line, request, from, to)) {
            return null;
          }
          if (html != null) {
            String window = value(line, "\"window\":\"");
            if (window != null && !html.wanted(window)) {
              return null;
            }
          }
          KpiRow row = parse(line);
          return request.covers(row) ? row : null;
        },
        row ->
            latest.merge(
                row.key(), row, (old, neu) -> neu.revision() >= old.revision() ? neu : old));
    return sorted(latest.values());
  }

  /** False only when a key field, found as SPEC's writer writes it, rules the record out. */
  static boolean maybe(String line, ReportRequest request, String from, String to) {
    String start = value(line, "\"start\":\"");
    if (start != null
        && start.length() == 20
        && start.endsWith("Z")
        && (start.compareTo(from) < 0 || start.compareTo(to) >= 0)) {
      return false;
    }
    if (request.allSourcesOnly()) {
      String source = value(line, "\"source\":\"");
      if (source != null && !source.equals("*")) {
        return false;
      }
    }
    if (!request.windows().isEmpty()) {
      String window = value(line, "\"window\":\"");
      if (window != null && !request.windows().contains(window)) {
        return false;
      }
    }
    if (request.brand() != null) {
      String brand = value(line, "\"brand\":\"");
      return brand == null || brand.equals(request.brand()) || brand.indexOf('\\') >= 0;
    }
    return true;
  }

  /** The text between {@code key} and the next quote, or null; escapes are left as they are. */
  private static String value(String line, String key) {
    int at = line.indexOf(key);
    if (at < 0) {
      return null;
    }
    int from = at + key.length();
    int end = line.indexOf('"', from);
    return end < 0 ? null : line.substring(from, end);
  }

  /**
   * By brand, window length, source and start: the order of the CSV and the KPI sheet. Rows are
   * grouped by brand, window and source first, so a million rows are never compared by their
   * window's length (a parse of its name) in a sort.
   */
  public static List<KpiRow> sorted(Collection<KpiRow> all) {
    Map<String, List<KpiRow>> series = new HashMap<>();
    for (KpiRow r : all) {
      series
          .computeIfAbsent(
              r.brand() + '\u0000' + r.window() + '\u0000' + r.source(), k -> new ArrayList<>())
          .add(r);
    }
    List<List<KpiRow>> ordered = new ArrayList<>(series.values());
    ordered.sort(
        Comparator.comparing((List<KpiRow> l) -> l.get(0).brand())
            .thenComparingLong(l -> windowLength(l.get(0).window()))
            .thenComparing(l -> l.get(0).window())
            .thenComparing(l -> l.get(0).source()));
    List<KpiRow> rows = new ArrayList<>(all.size());
    for (List<KpiRow> l : ordered) {
      l.sort(Comparator.comparingLong(r -> r.start().getEpochSecond()));
      rows.addAll(l);
    }
    return rows;
  }

  KpiRow parse(String json) throws IOException {
    double[] values = layout.empty();
    Map<String, Long> topics = null;
    String brand = null;
    String group = null;
    String window = null;
    String source = null;
    String start = null;
    int revision = 1;
    try (JsonParser p = FACTORY.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not an object");
      }
      String prefix = null;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.END_OBJECT) {
          if (prefix == null) {
            break;
          }
          prefix = null;
          continue;
        }
        String name = p.currentName();
        t = p.nextToken();
        if (t == JsonToken.START_OBJECT && prefix == null) {
          prefix = name + '.';
          continue;
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          p.skipChildren();
          continue;
        }
        if (t == JsonToken.VALUE_NULL) {
          continue;
        }
        if (prefix == null) {
          switch (name) {
            case "brand" -> brand = p.getText();
            case "group" -> group = p.getText();
            case "window" -> window = p.getText();
            case "source" -> source = p.getText();
            case "start" -> start = p.getText();
            case "revision" -> revision = p.getIntValue();
            default -> scalar(name, p, t, values);
          }
        } else if (prefix.equals(family)) {
          if (t.isNumeric()) {
            if (topics == null) {
              topics = new TreeMap<>();
            }
            topics.put(names.computeIfAbsent(name, k -> k), p.getLongValue());
          }
        } else {
          scalar(prefix + name, p, t, values);
        }
      }
    }
    return new KpiRow(
        required(brand, "brand"),
        group == null ? null : name(group),
        required(window, "window"),
        required(source, "source"),
        Json.instant(required(start, "start")),
        revision,
        layout,
        values,
        topics == null ? Map.of() : topics);
  }

  private void scalar(String path, JsonParser p, JsonToken t, double[] values) throws IOException {
    int i = layout.index(path);
    if (i >= 0 && t.isNumeric()) {
      values[i] = layout.ratio(i) ? p.getDoubleValue() : p.getLongValue();
    }
  }

  private String name(String s) {
    return names.computeIfAbsent(s, k -> k);
  }

  private String required(String v, String field) {
    if (v == null) {
      throw new IllegalArgumentException("no " + field);
    }
    return name(v);
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
