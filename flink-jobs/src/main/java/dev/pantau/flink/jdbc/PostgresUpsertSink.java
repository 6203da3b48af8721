package dev.pantau.flink.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pantau.flink.io.KeyedJson;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.postgresql.util.PGobject;

/**
 * Writes one output (KPI records, alerts or enriched mentions, as JSON) to its PostgreSQL table
 * with batched upserts: {@code INSERT ... ON CONFLICT (key) DO UPDATE ... WHERE} the table's
 * replacement rule, e.g. {@code excluded.revision > kpi_series.revision}.
 *
 * <p>Delivery: at least once, made idempotent by the upserts. Flink calls {@link SinkWriter#flush}
 * before every checkpoint barrier and at the end of input, and each flush is one transaction, so
 * every record before a completed checkpoint is in the database; after a failure the job replays
 * from that checkpoint and writes the same rows again, which the keys and the revision rule turn
 * into no change. Rows written after the last checkpoint of a failed attempt are visible early,
 * then rewritten equal.
 *
 * <p>Why not Flink's JDBC connector ({@code flink-connector-jdbc-core} 4.0.0-2.0): it is built for
 * Flink 2.0 and needs {@code flink-table-api-java-bridge} on the class path, a table API Pantau
 * does not use and a cluster's {@code lib/} may hold in another version; its exactly-once mode
 * needs XA (PostgreSQL's {@code max_prepared_transactions} > 0, off by default). And a batch must
 * be de-duplicated by key first, keeping the higher revision: a multi-row upsert (what the driver's
 * batch rewriting sends) may not touch one row twice. That, and the mapping of JSON paths to
 * columns, is this small writer.
 */
public final class PostgresUpsertSink implements Sink<KeyedJson> {
  private static final long serialVersionUID = 1L;

  /** Rows per transaction between checkpoints: bounds the buffer while a backlog is replayed. */
  public static final int DEFAULT_BATCH_ROWS = 5_000;

  private final String url;
  private final PostgresTable table;
  private final int batchRows;

  public PostgresUpsertSink(String url, PostgresTable table) {
    this(url, table, DEFAULT_BATCH_ROWS);
  }

  public PostgresUpsertSink(String url, PostgresTable table, int batchRows) {
    this.url = url;
    this.table = table;
    this.batchRows = batchRows;
  }

  @Override
  public SinkWriter<KeyedJson> createWriter(WriterInitContext context) throws IOException {
    try {
      return new Writer(url, table, batchRows);
    } catch (SQLException e) {
      throw new IOException(
          "PostgreSQL at " + JdbcConnections.redacted(url) + ": " + e.getMessage(), e);
    }
  }

  /** Builds the upsert statement of {@code table} over {@code columns}. */
  static String upsertSql(PostgresTable table, List<String> columns) {
    String cols = columns.stream().map(PostgresUpsertSink::quote).collect(Collectors.joining(", "));
    String params = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
    String keys =
        table.key().stream().map(PostgresUpsertSink::quote).collect(Collectors.joining(", "));
    String set =
        columns.stream()
            .filter(c -> !table.key().contains(c))
            .map(c -> quote(c) + " = excluded." + quote(c))
            .collect(Collectors.joining(", "));
    return "INSERT INTO "
        + table.table()
        + " ("
        + cols
        + ") VALUES ("
        + params
        + ") ON CONFLICT ("
        + keys
        + ") DO UPDATE SET "
        + set
        + " WHERE "
        + table.replaceWhen();
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static final class Writer implements SinkWriter<KeyedJson> {
    private static final org.slf4j.Logger LOG =
        org.slf4j.LoggerFactory.getLogger(PostgresUpsertSink.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PostgresTable table;
    private final int batchRows;
    private final Connection conn;
    private final Map<String, String> columns;
    private final List<String> names;
    private final PreparedStatement upsert;
    private final Map<List<String>, Map<String, JsonNode>> buffer = new HashMap<>();
    private final Set<String> warnedUnmapped = new HashSet<>();

    Writer(String url, PostgresTable table, int batchRows) throws SQLException {
      this.table = table;
      this.batchRows = batchRows;
      this.conn = JdbcConnections.open(url);
      try {
        PostgresSchema.create(conn);
        this.columns = PostgresSchema.columns(conn, table.table());
        this.names = new ArrayList<>(columns.keySet());
        conn.setAutoCommit(false);
        this.upsert = conn.prepareStatement(upsertSql(table, names));
      } catch (SQLException e) {
        conn.close();
        throw e;
      }
    }

    @Override
    public void write(KeyedJson element, Context context) throws IOException {
      JsonNode record = JSON.readTree(element.json);
      for (String field : table.unmapped(record, columns)) {
        if (warnedUnmapped.add(field)) {
          LOG.warn(
              "{}: field {} has no column; it is not stored (see deploy/postgres/schema.sql)",
              table.table(),
              field);
        }
      }
      for (Map<String, JsonNode> row : table.rows(record, columns)) {
        List<String> key = new ArrayList<>(table.key().size());
        for (String k : table.key()) {
          JsonNode v = row.get(k);
          key.add(v == null ? null : v.asText());
        }
        if (key.contains(null)) {
          LOG.warn(
              "{}: a record without its key {} is not stored: {}",
              table.table(),
              table.key(),
              element.json);
          continue;
        }
        buffer.merge(key, row, (old, candidate) -> table.newer(old, candidate) ? candidate : old);
      }
      if (buffer.size() >= batchRows) {
        writeBuffer();
      }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
      writeBuffer();
    }

    /**
     * One transaction per batch. Rows go in key order, so two subtasks that touch the same rows
     * lock them in the same order and cannot deadlock.
     */
    private void writeBuffer() throws IOException {
      if (buffer.isEmpty()) {
        return;
      }
      List<List<String>> keys = new ArrayList<>(buffer.keySet());
      keys.sort(KEY_ORDER);
      try {
        for (List<String> key : keys) {
          bind(buffer.get(key));
          upsert.addBatch();
        }
        upsert.executeBatch();
        conn.commit();
        buffer.clear();
      } catch (SQLException e) {
        try {
          conn.rollback();
        } catch (SQLException ignored) {
          // the connection is gone; the job restarts from its last checkpoint with a new one
        }
        SQLException cause = e.getNextException() != null ? e.getNextException() : e;
        throw new IOException(
            "writing " + table.table() + " to PostgreSQL failed: " + cause.getMessage(), e);
      }
    }

    private void bind(Map<String, JsonNode> row) throws SQLException {
      for (int i = 0; i < names.size(); i++) {
        String type = columns.get(names.get(i));
        JsonNode v = row.get(names.get(i));
        int p = i + 1;
        switch (type) {
          case "bigint", "integer", "smallint" -> {
            if (v == null || !v.isNumber()) {
              upsert.setNull(p, Types.BIGINT);
            } else {
              upsert.setLong(p, v.asLong());
            }
          }
          case "double precision", "real", "numeric" -> {
            if (v == null || !v.isNumber()) {
              upsert.setNull(p, Types.DOUBLE);
            } else {
              upsert.setDouble(p, v.asDouble());
            }
          }
          case "boolean" -> {
            if (v == null || !v.isBoolean()) {
              upsert.setNull(p, Types.BOOLEAN);
            } else {
              upsert.setBoolean(p, v.asBoolean());
            }
          }
          case "timestamp with time zone" -> {
            if (v == null) {
              upsert.setNull(p, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
              upsert.setObject(
                  p, OffsetDateTime.ofInstant(Instant.parse(v.asText()), ZoneOffset.UTC));
            }
          }
          case "jsonb" -> {
            PGobject o = new PGobject();
            o.setType("jsonb");
            o.setValue(v == null ? null : withoutNul(v).toString());
            upsert.setObject(p, o);
          }
          default -> {
            if (v == null) {
              upsert.setNull(p, Types.VARCHAR);
            } else {
              upsert.setString(
                  p, PostgresTable.withoutNul(v.isValueNode() ? v.asText() : v.toString()));
            }
          }
        }
      }
    }

    @Override
    public void close() throws Exception {
      // unflushed rows belong to no completed checkpoint: the restarted job writes them again
      conn.close();
    }
  }

  private static final Comparator<List<String>> KEY_ORDER =
      (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
          int c = a.get(i).compareTo(b.get(i));
          if (c != 0) {
            return c;
          }
        }
        return 0;
      };

  /** A copy of {@code v} with U+0000 replaced in every string (jsonb rejects it). */
  static JsonNode withoutNul(JsonNode v) {
    if (v.isTextual()) {
      String s = v.asText();
      return s.indexOf('\u0000') < 0
          ? v
          : JsonNodeFactory.instance.textNode(PostgresTable.withoutNul(s));
    }
    if (v.isArray()) {
      ArrayNode a = JsonNodeFactory.instance.arrayNode();
      v.forEach(x -> a.add(withoutNul(x)));
      return a;
    }
    if (v.isObject()) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      v.fields()
          .forEachRemaining(
              f -> o.set(PostgresTable.withoutNul(f.getKey()), withoutNul(f.getValue())));
      return o;
    }
    return v;
  }
}
