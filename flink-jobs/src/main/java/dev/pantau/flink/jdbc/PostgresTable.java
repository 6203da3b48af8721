package dev.pantau.flink.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How each output record becomes rows of its table (SPEC §8): its fields flattened to columns named
 * by their path with {@code _} for {@code .}, objects and lists whose column is {@code jsonb} kept
 * whole; which columns make the key; and when an existing row is replaced.
 */
public enum PostgresTable {
  /** One row per KPI record; replaced only by a higher revision (SPEC §4's upsert). */
  KPI_SERIES("kpi_series", List.of("brand", "window", "start", "source")) {
    @Override
    String replaceWhen() {
      return "excluded.revision > kpi_series.revision";
    }

    @Override
    boolean newer(Map<String, JsonNode> old, Map<String, JsonNode> candidate) {
      return candidate.get("revision").asLong() > old.get("revision").asLong();
    }
  },
  /**
   * The latest status per alert id. A resolved alert is never set back to firing: the id names the
   * window that fired, so a firing record after a resolved one can only be a re-delivery.
   */
  ALERTS("alerts", List.of("id")) {
    @Override
    String replaceWhen() {
      return "(alerts.status <> 'resolved' OR excluded.status = 'resolved')"
          + " AND ROW(alerts.*) IS DISTINCT FROM ROW(excluded.*)";
    }

    @Override
    boolean newer(Map<String, JsonNode> old, Map<String, JsonNode> candidate) {
      return !"resolved".equals(old.get("status").asText())
          || "resolved".equals(candidate.get("status").asText());
    }
  },
  /**
   * One row per enriched mention and matched brand, with that brand's matched terms. The last
   * record wins (a mention is re-emitted with {@code copy_of}, SPEC §6); rewriting an equal row is
   * skipped.
   */
  MENTIONS("mentions", List.of("source", "id", "brand")) {
    /**
     * A copy stays one: the record without {@code copy_of} that went out before the mention was
     * found to be a copy never replaces the one with it (a second replay of the same input then
     * rewrites no row).
     */
    @Override
    String replaceWhen() {
      return "(mentions.copy_of IS NULL OR excluded.copy_of IS NOT NULL)"
          + " AND ROW(mentions.*) IS DISTINCT FROM ROW(excluded.*)";
    }

    @Override
    boolean newer(Map<String, JsonNode> old, Map<String, JsonNode> candidate) {
      return !old.containsKey("copy_of") || candidate.containsKey("copy_of");
    }

    @Override
    List<ObjectNode> explode(ObjectNode record) {
      List<ObjectNode> rows = new ArrayList<>();
      JsonNode terms = record.get("matched_terms");
      JsonNode omitted = record.get("matched_terms_omitted");
      for (JsonNode brand : record.path("brands")) {
        ObjectNode row = record.deepCopy();
        row.put("brand", brand.asText());
        row.set("matched_terms", terms == null ? null : terms.get(brand.asText()));
        if (omitted != null) {
          row.set("matched_terms_omitted", omitted.get(brand.asText()));
        }
        rows.add(row);
      }
      return rows;
    }
  },
  /**
   * One row per lead (SPEC §4b): a lead is emitted once and never withdrawn; a re-delivery changes
   * nothing.
   */
  LEADS("leads", List.of("source", "id", "brand")) {
    @Override
    String replaceWhen() {
      return "ROW(leads.*) IS DISTINCT FROM ROW(excluded.*)";
    }
  },
  /** The advocacy leaderboard (SPEC §4c); replaced only by a higher revision. */
  ADVOCACY("advocacy", List.of("brand", "period", "start", "employee")) {
    @Override
    String replaceWhen() {
      return "excluded.revision > advocacy.revision";
    }

    @Override
    boolean newer(Map<String, JsonNode> old, Map<String, JsonNode> candidate) {
      return candidate.get("revision").asLong() > old.get("revision").asLong();
    }
  },
  /** Target progress (SPEC §4d); replaced only by a higher revision. */
  TARGETS("targets", List.of("brand", "metric", "period", "start")) {
    @Override
    String replaceWhen() {
      return "excluded.revision > targets.revision";
    }

    @Override
    boolean newer(Map<String, JsonNode> old, Map<String, JsonNode> candidate) {
      return candidate.get("revision").asLong() > old.get("revision").asLong();
    }
  };

  private final String table;
  private final List<String> key;

  PostgresTable(String table, List<String> key) {
    this.table = table;
    this.key = key;
  }

  public String table() {
    return table;
  }

  public List<String> key() {
    return key;
  }

  /** The condition of {@code ON CONFLICT ... DO UPDATE ... WHERE} under which a row is replaced. */
  abstract String replaceWhen();

  /**
   * Of two records with the same key in one batch, whether {@code candidate} replaces {@code old}.
   */
  boolean newer(Map<String, JsonNode> old, Map<String, JsonNode> candidate) {
    return true;
  }

  /** The rows one record stands for, before flattening. */
  List<ObjectNode> explode(ObjectNode record) {
    return List.of(record);
  }

  /**
   * The record's rows as column name to value (JSON null and absent fields are left out, so they
   * are NULL). Fields with no column are ignored here and named by {@link #unmapped}.
   */
  public List<Map<String, JsonNode>> rows(JsonNode record, Map<String, String> columns) {
    List<Map<String, JsonNode>> rows = new ArrayList<>();
    if (record instanceof ObjectNode o) {
      for (ObjectNode r : explode(o)) {
        Map<String, JsonNode> row = new LinkedHashMap<>();
        flatten("", r, columns, row, null);
        rows.add(row);
      }
    }
    return rows;
  }

  /** The record's fields (as column names) that no column of {@code columns} holds. */
  public Set<String> unmapped(JsonNode record, Map<String, String> columns) {
    Set<String> out = new TreeSet<>();
    if (record instanceof ObjectNode o) {
      for (ObjectNode r : explode(o)) {
        flatten("", r, columns, new LinkedHashMap<>(), out);
      }
    }
    return out;
  }

  private static void flatten(
      String prefix,
      ObjectNode node,
      Map<String, String> columns,
      Map<String, JsonNode> row,
      Set<String> unmapped) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      String name = prefix + f.getKey();
      JsonNode v = f.getValue();
      if (v == null || v.isNull()) {
        continue;
      }
      String type = columns.get(name);
      if (v.isObject() && !"jsonb".equals(type)) {
        flatten(name + "_", (ObjectNode) v, columns, row, unmapped);
      } else if (type != null) {
        row.put(name, v);
      } else if (unmapped != null) {
        unmapped.add(name);
      }
    }
  }

  /**
   * PostgreSQL text and jsonb cannot hold U+0000, which valid JSON input may carry: U+FFFD instead.
   */
  static String withoutNul(String s) {
    return s.indexOf('\u0000') < 0 ? s : s.replace('\u0000', '\uFFFD');
  }
}
