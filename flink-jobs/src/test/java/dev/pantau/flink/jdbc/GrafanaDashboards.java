package dev.pantau.flink.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SQL of the provisioned dashboards in {@code deploy/grafana/dashboards}: panels, annotations,
 * variables.
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

  static List<Query> queries(JsonNode dashboard) {
    List<Query> out = new ArrayList<>();
    String name = dashboard.get("uid").asText();
    List<JsonNode> panels = new ArrayList<>();
    dashboard
        .path("panels")
        .forEach(
            p -> {
              panels.add(p);
              p.path("panels").forEach(panels::add); // panels inside collapsed rows
            });
    for (JsonNode p : panels) {
      for (JsonNode t : p.path("targets")) {
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
