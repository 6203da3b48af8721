package dev.pantau.flink.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.pantau.flink.job.kpi.KpiFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
  private final Names keys = new Names();

  public KpiSeriesReader(KpiFields fields) {
    this.layout = new KpiLayout(fields);
    String f = layout.family();
    // the layout names it as a path prefix ("topics.")
    this.family = f == null ? null : f.endsWith(".") ? f.substring(0, f.length() - 1) : f;
  }

  /**
   * The rows the request covers, latest revision per key, sorted by brand, window, source and
   * start.
   *
   * @throws ReportInputException naming where a record that is not a KPI record was
   */
  public List<KpiRow> read(JsonRecords in, ReportRequest request)
      throws IOException, ReportInputException {
    Series series = new Series();
    in.forEachParsed("a KPI record", new Filtered(request), series::add);
    return series.latest();
  }

  /** A record the request covers as a row, else null; skipped by its key text when it can be. */
  private final class Filtered implements JsonRecords.Parser<KpiRow> {
    private final ReportRequest request;
    private final String from;
    private final String to;
    private final byte[] fromBytes;
    private final byte[] toBytes;
    private final HtmlWindows html;

    Filtered(ReportRequest request) {
      this.request = request;
      this.from = request.period().startUtc();
      this.to = request.period().endUtc();
      this.fromBytes = from.getBytes(StandardCharsets.US_ASCII);
      this.toBytes = to.getBytes(StandardCharsets.US_ASCII);
      this.html = request.allSourcesOnly() ? new HtmlWindows(request.htmlPeriod()) : null;
    }

    @Override
    public KpiRow parse(String json) throws IOException {
      if (!maybe(json, request, from, to)) {
        return null;
      }
      if (html != null) {
        String window = value(json, "\"window\":\"");
        if (window != null && !html.wanted(window)) {
          return null;
        }
      }
      return covered(KpiSeriesReader.this.parse(json));
    }

    @Override
    public KpiRow parse(byte[] b, int off, int len) throws IOException {
      int end = off + len;
      int start = Utf8Text.valueAt(b, off, end, START);
      if (Utf8Text.hasLength(b, start, end, 20, 'Z')
          && (Utf8Text.compare(b, start, fromBytes) < 0
              || Utf8Text.compare(b, start, toBytes) >= 0)) {
        return null;
      }
      if (request.allSourcesOnly()) {
        int source = Utf8Text.valueAt(b, off, end, SOURCE);
        if (source >= 0 && source + 1 < end && (b[source] != '*' || b[source + 1] != '"')) {
          return null;
        }
      }
      if (!request.windows().isEmpty() || html != null) {
        String window = Utf8Text.string(b, Utf8Text.valueAt(b, off, end, WINDOW), end);
        if (window != null && !request.windows().isEmpty() && !request.windows().contains(window)) {
          return null;
        }
        if (window != null && html != null && !html.wanted(window)) {
          return null;
        }
      }
      if (request.brand() != null) {
        String brand = Utf8Text.string(b, Utf8Text.valueAt(b, off, end, BRAND), end);
        if (brand != null && !brand.equals(request.brand()) && brand.indexOf('\\') < 0) {
          return null;
        }
      }
      try (JsonParser p = FACTORY.createParser(b, off, len)) {
        return covered(KpiSeriesReader.this.parse(p));
      }
    }

    private KpiRow covered(KpiRow row) {
      return request.covers(row) ? row : null;
    }
  }

  private static final byte[] START = Utf8Text.key("start");
  private static final byte[] SOURCE = Utf8Text.key("source");
  private static final byte[] WINDOW = Utf8Text.key("window");
  private static final byte[] BRAND = Utf8Text.key("brand");

  /**
   * The rows of each series (brand, window, source) in the records' order; the latest revision of
   * each start is picked after sorting, so a million rows never go through a map by their key.
   */
  private final class Series {
    private record Key(String brand, String window, String source) {}

    private final Map<Key, SeriesRows> series = new HashMap<>();
    private SeriesRows last;

    void add(KpiRow row) {
      SeriesRows s = last;
      // names are one string each: a replay writes a series' records far apart, but not always
      if (s == null
          || s.brand != row.brand()
          || s.window != row.window()
          || s.source != row.source()) {
        s =
            series.computeIfAbsent(
                new Key(row.brand(), row.window(), row.source()),
                k -> new SeriesRows(k.brand(), k.window(), k.source(), layout));
        last = s;
      }
      s.add(row);
    }

    /** Each start's highest revision, by brand, window length, window, source and start. */
    List<KpiRow> latest() {
      List<SeriesRows> all = new ArrayList<>(series.values());
      all.forEach(SeriesRows::finish);
      all.removeIf(s -> s.rows() == 0);
      all.sort(
          Comparator.comparing((SeriesRows s) -> s.brand)
              .thenComparingLong(s -> windowLength(s.window))
              .thenComparing(s -> s.window)
              .thenComparing(s -> s.source));
      return SeriesRows.concat(all);
    }
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
    List<List<KpiRow>> lists = new ArrayList<>(series.values());
    for (List<KpiRow> l : lists) {
      l.sort(Comparator.comparingLong(r -> r.start().getEpochSecond()));
    }
    return ordered(lists, all.size());
  }

  /** Series already in time order, concatenated by brand, window length, window and source. */
  private static List<KpiRow> ordered(List<List<KpiRow>> series, int total) {
    List<List<KpiRow>> ordered = new ArrayList<>(series);
    ordered.removeIf(List::isEmpty);
    ordered.sort(
        Comparator.comparing((List<KpiRow> l) -> l.get(0).brand())
            .thenComparingLong(l -> windowLength(l.get(0).window()))
            .thenComparing(l -> l.get(0).window())
            .thenComparing(l -> l.get(0).source()));
    List<KpiRow> rows = new ArrayList<>(total);
    for (List<KpiRow> l : ordered) {
      rows.addAll(l);
    }
    return rows;
  }

  KpiRow parse(String json) throws IOException {
    try (JsonParser p = FACTORY.createParser(json)) {
      return parse(p);
    }
  }

  private KpiRow parse(JsonParser p) throws IOException {
    double[] values = layout.empty();
    TopicCounts.Builder topics = null;
    String brand = null;
    String group = null;
    String window = null;
    String source = null;
    String start = null;
    int revision = 1;
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new IllegalArgumentException("not an object");
    }
    // inside a nested object: its fields' positions, or (the topic family) null
    Map<String, Integer> children = null;
    boolean nested = false;
    JsonToken t;
    while ((t = p.nextToken()) != null) {
      if (t == JsonToken.END_OBJECT) {
        if (!nested) {
          break;
        }
        nested = false;
        continue;
      }
      String name = p.currentName();
      t = p.nextToken();
      if (t == JsonToken.START_OBJECT && !nested) {
        nested = true;
        children = name.equals(family) ? null : layout.children(name);
        continue;
      }
      if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
        p.skipChildren();
        continue;
      }
      if (t == JsonToken.VALUE_NULL) {
        continue;
      }
      if (!nested) {
        switch (name) {
          case "brand" -> brand = keys.of(p);
          case "group" -> group = keys.of(p);
          case "window" -> window = keys.of(p);
          case "source" -> source = keys.of(p);
          case "start" -> start = p.getText();
          case "revision" -> revision = p.getIntValue();
          default -> scalar(layout.index(name), p, t, values);
        }
      } else if (children == null) {
        if (t.isNumeric()) {
          if (topics == null) {
            topics = new TopicCounts.Builder();
          }
          // the parser's field names are already one string each
          topics.put(name, p.getLongValue());
        }
      } else {
        Integer i = children.get(name);
        scalar(i == null ? -1 : i, p, t, values);
      }
    }
    return new KpiRow(
        required(brand, "brand"),
        group,
        required(window, "window"),
        required(source, "source"),
        Json.instant(required(start, "start")),
        revision,
        layout,
        values,
        topics == null ? TopicCounts.NONE : topics.build());
  }

  private void scalar(int i, JsonParser p, JsonToken t, double[] values) throws IOException {
    if (i >= 0 && t.isNumeric()) {
      values[i] = layout.ratio(i) ? p.getDoubleValue() : p.getLongValue();
    }
  }

  private static String required(String v, String field) {
    if (v == null) {
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
