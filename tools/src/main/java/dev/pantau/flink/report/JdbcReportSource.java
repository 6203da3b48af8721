package dev.pantau.flink.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pantau.flink.jdbc.JdbcConnections;
import dev.pantau.flink.job.kpi.KpiField;
import dev.pantau.flink.job.kpi.KpiFields;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The PostgreSQL tables of SPEC §8 as the source of a report. The tables already hold one row per
 * key, its latest revision; the queries narrow by time (the tables' indexes) and the same filters
 * as the folder's readers then pick the rows, so both sources choose alike.
 */
public final class JdbcReportSource implements ReportSource {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String url;
  private final Connection connection;

  public JdbcReportSource(String url) throws ReportInputException {
    this.url = url;
    try {
      this.connection = JdbcConnections.open(url);
      connection.setReadOnly(true);
      // a large result is fetched in batches only inside a transaction
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      throw failure(url, e);
    }
  }

  @Override
  public String name() {
    return JdbcConnections.redacted(url);
  }

  @Override
  public List<KpiRow> kpis(KpiFields fields, ReportRequest request) throws ReportInputException {
    List<KpiRow> rows = new ArrayList<>();
    KpiLayout layout = new KpiLayout(fields);
    query(
        "SELECT * FROM kpi_series WHERE start >= ? AND start < ?"
            + (request.allSourcesOnly() ? " AND source = '*'" : ""),
        request,
        rs -> {
          KpiRow row = kpi(fields, layout, rs);
          if (request.covers(row)) {
            rows.add(row);
          }
        });
    return KpiSeriesReader.sorted(rows);
  }

  private static KpiRow kpi(KpiFields fields, KpiLayout layout, ResultSet rs) throws SQLException {
    double[] values = layout.empty();
    Map<String, Long> topics = new TreeMap<>();
    for (KpiField f : fields.all()) {
      String column = KpiColumns.header(f.name());
      if (f.metric().family()) {
        JsonNode family = json(rs.getString(column.substring(0, column.length() - 1)));
        if (family != null) {
          for (Iterator<Map.Entry<String, JsonNode>> it = family.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            topics.put(e.getKey(), e.getValue().asLong());
          }
        }
        continue;
      }
      int i = layout.index(f.name());
      if (f.metric().ratio()) {
        double v = rs.getDouble(column);
        if (!rs.wasNull()) {
          values[i] = v;
        }
      } else {
        long v = rs.getLong(column);
        if (!rs.wasNull()) {
          values[i] = v;
        }
      }
    }
    return new KpiRow(
        rs.getString("brand"),
        rs.getString("group"),
        rs.getString("window"),
        rs.getString("source"),
        instant(rs, "start"),
        rs.getInt("revision"),
        layout,
        values,
        topics);
  }

  @Override
  public List<AlertRow> alerts(ReportRequest request) throws ReportInputException {
    List<AlertRow> rows = new ArrayList<>();
    query(
        "SELECT * FROM alerts WHERE start >= ? AND start < ?",
        request,
        rs -> {
          List<String> terms = new ArrayList<>();
          JsonNode t = json(rs.getString("top_terms"));
          if (t != null) {
            t.forEach(x -> terms.add(x.asText()));
          }
          AlertRow a =
              new AlertRow(
                  rs.getString("id"),
                  text(rs, "status"),
                  text(rs, "rule"),
                  text(rs, "type"),
                  text(rs, "brand"),
                  text(rs, "severity"),
                  text(rs, "metric"),
                  text(rs, "window"),
                  instant(rs, "start"),
                  number(rs, "observed"),
                  number(rs, "expected"),
                  number(rs, "score"),
                  text(rs, "message"),
                  List.copyOf(terms));
          if (request.period().contains(a.start())
              && (request.brand() == null || request.brand().equals(a.brand()))) {
            rows.add(a);
          }
        });
    rows.sort(java.util.Comparator.comparing(AlertRow::start).thenComparing(AlertRow::id));
    return rows;
  }

  /** The table holds a row per mention and brand; a mention counts once, whatever its brands. */
  @Override
  public TopMentionsReader.Tops topMentions(ReportRequest request, int n)
      throws ReportInputException {
    TopMentionsReader.Collector top = new TopMentionsReader.Collector(n);
    query(
        "SELECT * FROM mentions WHERE created_at >= ? AND created_at < ?",
        request,
        rs -> {
          TopMention m = mention(rs);
          if (request.period().contains(m.createdAt())
              && (request.brand() == null || m.brands().contains(request.brand()))) {
            top.offer(m);
          }
        });
    return top.result();
  }

  private static TopMention mention(ResultSet rs) throws SQLException {
    Long reach = longOrNull(rs, "reach");
    Long followers = longOrNull(rs, "author_followers");
    long engagement = 0;
    for (String k : new String[] {"likes", "comments", "shares", "quotes", "bookmarks"}) {
      engagement += rs.getLong("metrics_" + k);
    }
    String text = text(rs, "text");
    if (text.isEmpty()) {
      text = text(rs, "title");
    }
    String handle = rs.getString("author_handle");
    if (handle == null) {
      handle = text(rs, "author_name");
    }
    List<String> brands = new ArrayList<>();
    JsonNode b = json(rs.getString("brands"));
    if (b != null) {
      b.forEach(x -> brands.add(x.asText()));
    }
    return new TopMention(
        rs.getString("source"),
        rs.getString("id"),
        handle,
        text,
        text(rs, "url"),
        instant(rs, "created_at"),
        reach != null ? reach : followers != null ? followers : 0,
        engagement,
        brands,
        rs.getString("copy_of"));
  }

  @Override
  public List<LeadRow> leads(ReportRequest request) throws ReportInputException {
    Map<String, LeadRow> latest = new HashMap<>();
    query(
        "SELECT * FROM leads WHERE created_at >= ? AND created_at < ?",
        request,
        rs -> {
          List<String> topics = new ArrayList<>();
          JsonNode t = json(rs.getString("topics"));
          if (t != null) {
            t.forEach(x -> topics.add(x.asText()));
          }
          LeadRow l =
              new LeadRow(
                  rs.getString("source"),
                  rs.getString("id"),
                  rs.getString("brand"),
                  List.copyOf(topics),
                  text(rs, "author_handle"),
                  longOrNull(rs, "author_followers"),
                  text(rs, "text"),
                  text(rs, "url"),
                  instant(rs, "created_at"),
                  text(rs, "lang"),
                  text(rs, "sentiment"));
          ReportTables.leads(l, request, latest);
        });
    return ReportTables.sortedLeads(latest.values());
  }

  @Override
  public List<LeaderRow> leaderboard(ReportRequest request) throws ReportInputException {
    Map<String, LeaderRow> latest = new HashMap<>();
    query(
        "SELECT * FROM advocacy WHERE \"end\" > ? AND start < ?",
        request,
        rs ->
            ReportTables.leaderboard(
                new LeaderRow(
                    rs.getString("brand"),
                    rs.getString("period"),
                    instant(rs, "start"),
                    instant(rs, "end"),
                    rs.getString("employee"),
                    rs.getLong("posts"),
                    rs.getLong("original_posts"),
                    rs.getLong("copies"),
                    rs.getLong("reach"),
                    rs.getLong("engagement_likes"),
                    rs.getLong("engagement_comments"),
                    rs.getLong("engagement_shares"),
                    rs.getLong("engagement_total"),
                    rs.getDouble("points"),
                    rs.getInt("rank"),
                    rs.getInt("revision")),
                request,
                latest));
    return ReportTables.sortedLeaders(latest.values());
  }

  /**
   * The table keeps only each target's newest figures: a report that ends before them shows them
   * with their {@code as_of}, where a folder or topic (which keep every revision) show the figures
   * as of the report's end.
   */
  @Override
  public List<TargetRow> targets(ReportRequest request) throws ReportInputException {
    if (!exists("targets")) {
      return List.of();
    }
    Map<String, TargetRow> latest = new HashMap<>();
    query(
        "SELECT * FROM targets WHERE \"end\" > ? AND start < ?",
        request,
        rs ->
            ReportTables.targets(
                new TargetRow(
                    rs.getString("brand"),
                    rs.getString("metric"),
                    rs.getString("period"),
                    instant(rs, "start"),
                    instant(rs, "end"),
                    instant(rs, "as_of"),
                    rs.getDouble("target"),
                    rs.getLong("actual"),
                    rs.getDouble("expected_by_now"),
                    number(rs, "pace"),
                    number(rs, "projected"),
                    text(rs, "status"),
                    rs.getInt("revision")),
                request,
                false,
                latest));
    return ReportTables.sortedTargets(latest.values());
  }

  /** Databases filled before the targets table existed lack it. */
  private boolean exists(String table) throws ReportInputException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT to_regclass(?)")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getString(1) != null;
      }
    } catch (SQLException e) {
      throw failure(url, e);
    }
  }

  @FunctionalInterface
  private interface RowHandler {
    void handle(ResultSet rs) throws SQLException;
  }

  /** Runs {@code sql} with the period's start and end as its two parameters, row by row. */
  private void query(String sql, ReportRequest request, RowHandler handler)
      throws ReportInputException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setFetchSize(10_000);
      ps.setTimestamp(1, Timestamp.from(request.period().start()));
      ps.setTimestamp(2, Timestamp.from(request.period().end()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          handler.handle(rs);
        }
      }
    } catch (SQLException e) {
      throw failure(url, e);
    }
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, java.time.OffsetDateTime.class).toInstant();
  }

  private static String text(ResultSet rs, String column) throws SQLException {
    String s = rs.getString(column);
    return s == null ? "" : s;
  }

  private static Double number(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  private static Long longOrNull(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  private static JsonNode json(String s) throws SQLException {
    if (s == null) {
      return null;
    }
    try {
      return JSON.readTree(s);
    } catch (IOException e) {
      throw new SQLException("not JSON: " + e.getMessage(), e);
    }
  }

  private static ReportInputException failure(String url, SQLException e) {
    return new ReportInputException(
        "cannot read PostgreSQL at " + JdbcConnections.redacted(url) + ": " + e.getMessage());
  }

  @Override
  public void close() throws ReportInputException {
    try {
      connection.rollback();
      connection.close();
    } catch (SQLException e) {
      throw failure(url, e);
    }
  }
}
