package dev.pantau.flink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pantau.alerts.AlertRuleLoader;
import dev.pantau.flink.generate.GeneratedMention;
import dev.pantau.flink.generate.GeneratorOptions;
import dev.pantau.flink.generate.MentionGenerator;
import dev.pantau.flink.job.PipelineConfig;
import dev.pantau.flink.job.ReplayJob;
import dev.pantau.keywords.KeywordSetLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code replay --jdbc-url} against a real PostgreSQL 17: the tables of SPEC §8 are created, hold
 * exactly the rows of the replay's JSONL files (the highest revision of each KPI key, the latest
 * status of each alert, one row per mention and brand), and a second replay of the same input
 * rewrites no row.
 */
class PostgresReplayITCase {
  private static final Path DIR = Paths.get("target", "postgres-replay-itcase");
  private static TestPostgres pg;
  private static Path input;
  private static PipelineConfig config;

  /** The database a first replay filled, shared by the tests (none of them changes it). */
  private static String url;

  @BeforeAll
  static void setUp() throws Exception {
    pg = TestPostgres.start();
    Files.createDirectories(DIR);
    input = DIR.resolve("mentions.jsonl");
    MentionGenerator generator =
        new MentionGenerator(
            7,
            MentionGenerator.DEFAULT_START,
            40,
            GeneratorOptions.defaults().malformedFraction(0.005).spikeOffset(Duration.ofHours(3)));
    List<String> lines =
        generator.stream().limit(9_000).map(GeneratedMention::json).collect(Collectors.toList());
    // valid JSON that PostgreSQL text cannot hold (U+0000): stored with U+FFFD, the run goes on
    String last = lastCreatedAt(lines);
    lines.add(
        "{\"id\":\"nul-1\",\"text\":\"telkomsel \\u0000 sinyal\",\"created_at\":\"" + last + "\"}");
    Files.write(input, lines, StandardCharsets.UTF_8);
    config =
        PipelineConfig.defaults(KeywordSetLoader.load(Paths.get("..", "config", "keywords")))
            .withAlerts(AlertRuleLoader.load(Paths.get("..", "config", "alerts")));
    url = pg.newDatabase("replay");
    ReplayJob.run(input, DIR.resolve("first"), config, url);
  }

  private static String lastCreatedAt(List<String> lines) {
    for (int i = lines.size() - 1; ; i--) {
      try {
        JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(i));
        if (n.path("created_at").isTextual() && n.path("created_at").asText().endsWith("Z")) {
          return n.get("created_at").asText();
        }
      } catch (java.io.IOException malformed) {
        // the generator's deliberately broken lines
      }
    }
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  @Test
  void replayFillsTheTablesWithExactlyItsOutputs() throws Exception {
    assertSchema(url);

    // KPI records: the highest revision of each (brand, window, start, source)
    Map<String, Map<String, Object>> kpis = new HashMap<>();
    Map<String, Long> revisions = new HashMap<>();
    Map<String, String> kpiColumns = DbRows.columns(url, PostgresTable.KPI_SERIES);
    int revised = 0;
    for (JsonNode r : DbRows.jsonl(DIR.resolve("first").resolve(ReplayJob.KPI_FILE))) {
      assertThat(PostgresTable.KPI_SERIES.unmapped(r, kpiColumns))
          .as("KPI fields without a column")
          .isEmpty();
      Map<String, Object> row = DbRows.expected(r, PostgresTable.KPI_SERIES, kpiColumns).get(0);
      String key = DbRows.key(row, PostgresTable.KPI_SERIES);
      long revision = r.get("revision").asLong();
      revised += revision > 1 ? 1 : 0;
      if (revision > revisions.getOrDefault(key, 0L)) {
        revisions.put(key, revision);
        kpis.put(key, row);
      }
    }
    assertThat(revised)
        .as("records with a revision above 1 (late data, grown engagement)")
        .isPositive();
    assertThat(DbRows.read(url, PostgresTable.KPI_SERIES))
        .hasSizeGreaterThan(1_000)
        .isEqualTo(new TreeMap<>(kpis));

    // alerts: resolved once resolved, else the last record of the id
    Map<String, Map<String, Object>> alerts = new TreeMap<>();
    Map<String, String> alertColumns = DbRows.columns(url, PostgresTable.ALERTS);
    for (JsonNode a : DbRows.jsonl(DIR.resolve("first").resolve(ReplayJob.ALERTS_FILE))) {
      assertThat(PostgresTable.ALERTS.unmapped(a, alertColumns))
          .as("alert fields without a column")
          .isEmpty();
      Map<String, Object> row = DbRows.expected(a, PostgresTable.ALERTS, alertColumns).get(0);
      Map<String, Object> old = alerts.get(DbRows.key(row, PostgresTable.ALERTS));
      if (old == null || !"resolved".equals(old.get("status"))) {
        alerts.put(DbRows.key(row, PostgresTable.ALERTS), row);
      }
    }
    assertThat(alerts).as("alerts in the replay").isNotEmpty();
    assertThat(DbRows.read(url, PostgresTable.ALERTS)).isEqualTo(alerts);

    // mentions: one row per enriched mention and brand
    Map<String, Map<String, Object>> mentions = new TreeMap<>();
    Map<String, String> mentionColumns = DbRows.columns(url, PostgresTable.MENTIONS);
    int records = 0;
    for (JsonNode m : DbRows.jsonl(DIR.resolve("first").resolve(ReplayJob.ENRICHED_FILE))) {
      records++;
      assertThat(PostgresTable.MENTIONS.unmapped(m, mentionColumns))
          .as("mention fields without a column")
          .isEmpty();
      List<Map<String, Object>> rows = DbRows.expected(m, PostgresTable.MENTIONS, mentionColumns);
      assertThat(rows).hasSize(m.get("brands").size());
      for (Map<String, Object> row : rows) {
        row.computeIfPresent("text", (k, v) -> ((String) v).replace('\u0000', '\uFFFD'));
        mentions.put(DbRows.key(row, PostgresTable.MENTIONS), row);
      }
    }
    assertThat(mentions).hasSizeGreaterThanOrEqualTo(records).hasSizeGreaterThan(1_000);
    Map<String, Map<String, Object>> stored = DbRows.read(url, PostgresTable.MENTIONS);
    assertThat(stored).isEqualTo(mentions);
    assertThat(stored.keySet()).anyMatch(k -> k.contains("nul-1"));
  }

  @Test
  void aSecondReplayOfTheSameInputRewritesNoRow() throws Exception {
    // the same input again: every row kept as it was, none even rewritten (same xmin)
    List<Map<String, String>> before = new ArrayList<>();
    for (PostgresTable t : PostgresTable.values()) {
      before.add(DbRows.versions(url, t));
    }
    Map<String, Map<String, Object>> kpiBefore = DbRows.read(url, PostgresTable.KPI_SERIES);
    ReplayJob.run(input, DIR.resolve("second"), config, url);
    for (int i = 0; i < PostgresTable.values().length; i++) {
      assertThat(DbRows.versions(url, PostgresTable.values()[i]))
          .as(PostgresTable.values()[i].table() + " after a second replay")
          .isEqualTo(before.get(i));
    }
    assertThat(DbRows.read(url, PostgresTable.KPI_SERIES)).isEqualTo(kpiBefore);
  }

  /**
   * Every panel, annotation and variable query of the provisioned Grafana dashboards, expanded as
   * Grafana expands it, runs on the replayed data and returns rows of the shape its panel needs.
   */
  @Test
  void everyGrafanaQueryReturnsRowsOfTheShapeItsPanelNeeds() throws Exception {
    String provisioned =
        Files.readString(
            Paths.get("..", "deploy", "grafana", "provisioning", "datasources", "pantau.yaml"));
    // the dashboards on PostgreSQL (the job-health one reads Prometheus: ClusterITCase checks it)
    List<JsonNode> dashboards =
        GrafanaDashboards.dashboards().stream()
            .filter(d -> !GrafanaDashboards.queries(d).isEmpty())
            .toList();
    assertThat(dashboards)
        .extracting(d -> d.get("uid").asText())
        .containsExactlyInAnyOrder("pantau-brand", "pantau-overview");
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      java.time.Instant from;
      java.time.Instant to;
      List<String> brands = new ArrayList<>();
      String alertedBrand;
      try (ResultSet rs = st.executeQuery("SELECT min(start), max(\"end\") FROM kpi_series")) {
        rs.next();
        from = rs.getTimestamp(1).toInstant();
        to = rs.getTimestamp(2).toInstant();
      }
      try (ResultSet rs = st.executeQuery("SELECT DISTINCT brand FROM kpi_series ORDER BY 1")) {
        while (rs.next()) {
          brands.add(rs.getString(1));
        }
      }
      try (ResultSet rs = st.executeQuery("SELECT brand FROM alerts ORDER BY start LIMIT 1")) {
        rs.next();
        alertedBrand = rs.getString(1);
      }
      int checked = 0;
      for (JsonNode d : dashboards) {
        boolean multiBrand = false;
        List<String> variables = new ArrayList<>();
        for (JsonNode v : d.path("templating").path("list")) {
          variables.add(v.get("name").asText());
          if (v.get("name").asText().equals("brand")) {
            multiBrand = v.path("multi").asBoolean();
          }
        }
        assertThat(variables).as(d.get("uid") + " variables").contains("brand", "window");
        assertThat(d.path("annotations").path("list"))
            .as(d.get("uid") + " annotations")
            .isNotEmpty();
        Map<String, GrafanaMacros.Variable> vars =
            Map.of(
                "brand",
                multiBrand
                    ? new GrafanaMacros.Variable(brands, true)
                    : GrafanaMacros.Variable.single(alertedBrand),
                "window",
                GrafanaMacros.Variable.single("5m"));
        for (GrafanaDashboards.Query q : GrafanaDashboards.queries(d)) {
          String what = q.dashboard() + " / " + q.title();
          assertThat(provisioned).as(what + ": data source").contains("uid: " + q.datasourceUid());
          String sql = GrafanaMacros.expand(q.sql(), from, to, vars);
          assertThat(sql).as(what).doesNotContain("$");
          try (ResultSet rs = st.executeQuery(sql)) {
            java.sql.ResultSetMetaData md = rs.getMetaData();
            Map<String, String> types = new java.util.LinkedHashMap<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
              types.put(md.getColumnLabel(i), md.getColumnTypeName(i));
            }
            int rows = 0;
            while (rs.next()) {
              rows++;
            }
            assertThat(rows).as(what + ": rows of " + sql).isPositive();
            switch (q.kind()) {
              case TIME_SERIES -> {
                assertThat(types).as(what).containsEntry("time", "timestamptz");
                List<String> numeric =
                    types.entrySet().stream()
                        .filter(e -> !e.getKey().equals("time"))
                        .filter(
                            e ->
                                List.of("int2", "int4", "int8", "float4", "float8", "numeric")
                                    .contains(e.getValue()))
                        .map(Map.Entry::getKey)
                        .toList();
                assertThat(numeric).as(what + ": value columns " + types).isNotEmpty();
                if (types.containsKey("metric")) {
                  assertThat(types)
                      .as(what)
                      .containsEntry("metric", "text")
                      .containsKey("value")
                      .hasSize(3);
                }
              }
              case ANNOTATION ->
                  assertThat(types)
                      .as(what)
                      .containsEntry("time", "timestamptz")
                      .containsEntry("timeend", "timestamptz")
                      .containsEntry("text", "text")
                      .containsEntry("tags", "text");
              case VARIABLE -> assertThat(types).as(what).hasSize(1);
              case TABLE -> assertThat(types).as(what).isNotEmpty();
            }
            checked++;
          }
        }
      }
      assertThat(checked).as("queries checked").isGreaterThanOrEqualTo(20);
    }
  }

  private static void assertSchema(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      Map<String, String> keys = new TreeMap<>();
      try (ResultSet rs =
          st.executeQuery(
              "SELECT tc.table_name, string_agg(kcu.column_name, ',' ORDER BY kcu.ordinal_position) "
                  + "FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage kcu "
                  + "ON tc.constraint_name = kcu.constraint_name AND tc.table_name = kcu.table_name "
                  + "WHERE tc.constraint_type = 'PRIMARY KEY' GROUP BY tc.table_name")) {
        while (rs.next()) {
          keys.put(rs.getString(1), rs.getString(2));
        }
      }
      assertThat(keys)
          .containsEntry("kpi_series", "brand,window,start,source")
          .containsEntry("alerts", "id")
          .containsEntry("mentions", "source,id,brand");
    }
    Map<String, String> kpi = DbRows.columns(url, PostgresTable.KPI_SERIES);
    assertThat(kpi)
        .containsEntry("start", "timestamp with time zone")
        .containsEntry("end", "timestamp with time zone")
        .containsEntry("topics", "jsonb")
        .containsEntry("engagement_total", "bigint")
        .containsEntry("sentiment_net", "double precision")
        .containsEntry("revision", "integer");
  }
}
