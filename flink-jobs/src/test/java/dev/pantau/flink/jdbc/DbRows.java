package dev.pantau.flink.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Table contents and JSONL records in one comparable form: key to (column to normalised value). */
final class DbRows {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DbRows() {}

  /** Every row of {@code table}, read back as JSON with {@code to_jsonb}; NULL columns left out. */
  static Map<String, Map<String, Object>> read(String url, PostgresTable table) throws Exception {
    Map<String, Map<String, Object>> rows = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      Map<String, String> columns = PostgresSchema.columns(c, table.table());
      st.execute("SET TIME ZONE 'UTC'");
      try (ResultSet rs =
          st.executeQuery("SELECT to_jsonb(t)::text FROM " + table.table() + " t")) {
        while (rs.next()) {
          Map<String, Object> row = normalise(JSON.readTree(rs.getString(1)), columns);
          Object previous = rows.put(key(row, table), row);
          if (previous != null) {
            throw new AssertionError("two rows with one key in " + table.table() + ": " + row);
          }
        }
      }
    }
    return rows;
  }

  /** Each row's system column xmin (the transaction that last wrote it), by key. */
  static Map<String, String> versions(String url, PostgresTable table) throws Exception {
    Map<String, String> out = new TreeMap<>();
    String keys =
        String.join(" || '|' || ", table.key().stream().map(k -> "\"" + k + "\"::text").toList());
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT " + keys + ", xmin::text FROM " + table.table())) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }

  static Map<String, String> columns(String url, PostgresTable table) throws Exception {
    try (Connection c = DriverManager.getConnection(url)) {
      return PostgresSchema.columns(c, table.table());
    }
  }

  static List<JsonNode> jsonl(Path file) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  /** The rows one record stands for, normalised like {@link #read}. */
  static List<Map<String, Object>> expected(
      JsonNode record, PostgresTable table, Map<String, String> columns) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, JsonNode> row : table.rows(record, columns)) {
      com.fasterxml.jackson.databind.node.ObjectNode o = JSON.createObjectNode();
      row.forEach(o::set);
      out.add(normalise(o, columns));
    }
    return out;
  }

  /** The keys whose rows differ, each with both rows, at most {@code limit}: a readable failure. */
  static List<String> differences(
      Map<String, Map<String, Object>> a, Map<String, Map<String, Object>> b, int limit) {
    java.util.Set<String> keys = new java.util.TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    return keys.stream()
        .filter(k -> !java.util.Objects.equals(a.get(k), b.get(k)))
        .limit(limit)
        .map(k -> k + ":\n  " + a.get(k) + "\n  " + b.get(k))
        .toList();
  }

  static String key(Map<String, Object> row, PostgresTable table) {
    return String.join("|", table.key().stream().map(k -> String.valueOf(row.get(k))).toList());
  }

  private static Map<String, Object> normalise(JsonNode o, Map<String, String> columns) {
    Map<String, Object> row = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = o.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> f = it.next();
      JsonNode v = f.getValue();
      if (v == null || v.isNull()) {
        continue;
      }
      String type = columns.get(f.getKey());
      if (type == null) {
        throw new AssertionError("no column " + f.getKey());
      }
      Object n =
          switch (type) {
            case "timestamp with time zone" ->
                v.asText().endsWith("Z")
                    ? Instant.parse(v.asText())
                    : OffsetDateTime.parse(v.asText()).toInstant();
            case "bigint", "integer", "double precision", "numeric" ->
                new BigDecimal(v.asText()).stripTrailingZeros();
            case "jsonb" -> v;
            default -> v.asText();
          };
      row.put(f.getKey(), n);
    }
    return row;
  }
}
