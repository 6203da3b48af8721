package dev.pantau.flink.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The queries of the provisioned dashboards in {@code deploy/grafana/dashboards}: the SQL of
 * panels, annotations and variables on PostgreSQL, and the PromQL of panels on Prometheus.
 */
final class GrafanaDashboards {
  static final Path DIR = Path.of("..", "deploy", "grafana", "dashboards");

  enum Kind {
    TIME_SERIES,
    TABLE,
    ANNOTATION,
    VARIABLE
  }

  record Query(String dashboard, String title, Kind kind, String datasourceUid, String sql) {}

  /** A panel's PromQL expression. */
  record PromQuery(String dashboard, String title, String datasourceUid, String expr) {}

  private GrafanaDashboards() {}

  static List<JsonNode> dashboards() throws Exception {
    List<JsonNode> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        out.add(new ObjectMapper().readTree(f.toFile()));
      }
    }
    return out;
  }

  private static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> panels = new ArrayList<>();
    dashboard
        .path("panels")
        .forEach(
            p -> {
              panels.add(p);
              p.path("panels").forEach(panels::add); // panels inside collapsed rows
            });
    return panels;
  }

  /** The PromQL of every panel target that has an {@code expr}. */
  static List<PromQuery> promQueries(JsonNode dashboard) {
    List<PromQuery> out = new ArrayList<>();
    for (JsonNode p : panels(dashboard)) {
      for (JsonNode t : p.path("targets")) {
        if (t.has("expr")) {
          out.add(
              new PromQuery(
                  dashboard.get("uid").asText(),
                  p.path("title").asText(),
                  t.path("datasource").path("uid").asText(),
                  t.get("expr").asText()));
        }
      }
    }
    return out;
  }

  /** The SQL of every panel target, annotation and query variable that is not PromQL. */
  static List<Query> queries(JsonNode dashboard) {
    List<Query> out = new ArrayList<>();
    String name = dashboard.get("uid").asText();
    for (JsonNode p : panels(dashboard)) {
      for (JsonNode t : p.path("targets")) {
        if (t.has("expr")) {
          continue;
        }
        Kind kind = "time_series".equals(t.path("format").asText()) ? Kind.TIME_SERIES : Kind.TABLE;
        out.add(
            new Query(
                name,
                p.path("title").asText(),
                kind,
                t.path("datasource").path("uid").asText(),
                t.get("rawSql").asText()));
      }
    }
    for (JsonNode a : dashboard.path("annotations").path("list")) {
      out.add(
          new Query(
              name,
              "annotation " + a.path("name").asText(),
              Kind.ANNOTATION,
              a.path("datasource").path("uid").asText(),
              a.path("target").path("rawSql").asText()));
    }
    for (JsonNode v : dashboard.path("templating").path("list")) {
      if ("query".equals(v.path("type").asText())) {
        out.add(
            new Query(
                name,
                "variable $" + v.path("name").asText(),
                Kind.VARIABLE,
                v.path("datasource").path("uid").asText(),
                v.path("query").asText()));
      }
    }
    return out;
  }
}
