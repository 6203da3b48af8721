package dev.pantau.flink.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables of SPEC §8. Their DDL lives in one resource, {@value #RESOURCE}, which the sink runs
 * and {@code deploy/postgres/schema.sql} copies (a test keeps the two equal); the sink takes its
 * column names and types from the database, so the DDL is the only list of columns.
 */
public final class PostgresSchema {
  public static final String RESOURCE = "/dev/pantau/flink/jdbc/schema.sql";

  /** Serialises concurrent creators (every sink subtask, and the command line) across sessions. */
  private static final long DDL_LOCK = 0x70616e746175L; // "pantau"

  private PostgresSchema() {}

  /** The DDL as committed. */
  public static String ddl() {
    try (InputStream in = PostgresSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The DDL's statements, comments dropped (the file keeps semicolons out of comments). */
  public static List<String> statements() {
    StringBuilder sql = new StringBuilder();
    for (String line : ddl().split("\n")) {
      if (!line.strip().startsWith("--")) {
        sql.append(line).append('\n');
      }
    }
    List<String> out = new ArrayList<>();
    for (String s : sql.toString().split(";")) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  /**
   * Creates the tables and indexes that are missing. {@code CREATE ... IF NOT EXISTS} alone races
   * when several sessions run it at once (a duplicate key in pg_type), hence the transaction-scoped
   * lock.
   */
  public static void create(Connection c) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      st.execute("SELECT pg_advisory_xact_lock(" + DDL_LOCK + ")");
      for (String sql : statements()) {
        st.execute(sql);
      }
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
  }

  /** The table's columns in order, each with its PostgreSQL type name ({@code data_type}). */
  public static Map<String, String> columns(Connection c, String table) throws SQLException {
    Map<String, String> cols = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT column_name, data_type FROM information_schema.columns "
                + "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          cols.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    if (cols.isEmpty()) {
      throw new SQLException("table " + table + " does not exist");
    }
    return cols;
  }
}
