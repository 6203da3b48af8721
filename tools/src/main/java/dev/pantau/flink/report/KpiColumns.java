package dev.pantau.flink.report;

import dev.pantau.flink.job.kpi.KpiField;
import dev.pantau.flink.job.kpi.KpiFields;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The columns of a KPI table (SPEC §7): the key, then one per KPI field of the registry, named by
 * its path with {@code _} for {@code .} as the PostgreSQL table's (§8). The topic family, a {@code
 * jsonb} column there, becomes one {@code topics_<id>} column per topic the rows hold, so a
 * spreadsheet can sum it.
 */
public final class KpiColumns {
  public static final List<String> KEY =
      List.of("brand", "group", "window", "source", "start_utc", "start_local");

  /** Local times as spreadsheets recognise a date and time without a zone. */
  public static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** A KPI column: its header, the registry name it reads, and the topic id for a family column. */
  public record Column(String header, String metric, String topic, boolean ratio) {
    public Number of(KpiRow row) {
      return topic != null ? row.topics().getOrDefault(topic, 0L) : row.value(metric);
    }
  }

  private final List<Column> kpis;
  private final StartTimes times;

  private KpiColumns(List<Column> kpis, StartTimes times) {
    this.kpis = kpis;
    this.times = times;
  }

  public static KpiColumns of(KpiFields fields, Collection<KpiRow> rows, ZoneId zone) {
    StartTimes times = new StartTimes(zone, LOCAL);
    TreeSet<String> ids = new TreeSet<>();
    if (rows instanceof SeriesRows.Columns columns) {
      // read from the columns: making each of a million rows again to look at two fields took
      // a second
      columns.forEachStart(times::add);
      columns.addTopicIds(ids);
    } else {
      for (KpiRow r : rows) {
        times.add(r.start().getEpochSecond());
        if (!r.topics().isEmpty() && !ids.containsAll(r.topics().keySet())) {
          ids.addAll(r.topics().keySet());
        }
      }
    }
    List<Column> kpis = new ArrayList<>();
    for (KpiField f : fields.all()) {
      if (f.metric().family()) {
        for (String id : ids) {
          kpis.add(new Column(header(f.name()) + id, f.name(), id, false));
        }
      } else {
        kpis.add(new Column(header(f.name()), f.name(), null, f.metric().ratio()));
      }
    }
    return new KpiColumns(List.copyOf(kpis), times);
  }

  static String header(String metric) {
    return metric.replace('.', '_');
  }

  public List<String> headers() {
    List<String> all = new ArrayList<>(KEY);
    kpis.forEach(c -> all.add(c.header()));
    return all;
  }

  public List<Column> kpis() {
    return kpis;
  }

  /**
   * Each KPI column's position in the value arrays of {@code rows} (their layout is one), or -1 for
   * a topic's count: writers read a million rows' values by position, not by name.
   */
  int[] positions(List<KpiRow> rows) {
    int[] at = new int[kpis.size()];
    for (int i = 0; i < at.length; i++) {
      Column c = kpis.get(i);
      at[i] = c.topic() == null && !rows.isEmpty() ? rows.get(0).layout().index(c.metric()) : -1;
    }
    return at;
  }

  /**
   * The key cells of a row in a CSV line, each as {@code locale} writes text. Safe on several
   * threads at once.
   */
  void appendKey(KpiRow row, StringBuilder b, CsvLocale locale) {
    char sep = locale.separator();
    String[] t = times(row);
    b.append(locale.text(row.brand()))
        .append(sep)
        .append(row.group() == null ? "" : locale.text(row.group()))
        .append(sep)
        .append(locale.text(row.window()))
        .append(sep)
        .append(locale.text(row.source()))
        .append(sep)
        .append(t[0])
        .append(sep)
        .append(t[1]);
  }

  private String[] times(KpiRow row) {
    return times.of(row.start());
  }

  /** The key cells of a row, in {@link #KEY} order. */
  public List<String> key(KpiRow row) {
    String[] t = times(row);
    return List.of(
        row.brand(),
        row.group() == null ? "" : row.group(),
        row.window(),
        row.source(),
        t[0],
        t[1]);
  }
}
