package dev.pantau.flink.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * Connections for {@code --jdbc-url jdbc:postgresql://HOST:PORT/DB}: the user and password come
 * from the URL, else from {@code PGUSER} and {@code PGPASSWORD} as for psql.
 */
public final class JdbcConnections {
  public static final String PREFIX = "jdbc:postgresql:";

  /**
   * The driver itself, not DriverManager: on a Flink cluster the driver is in the job jar, loaded
   * by the user-code class loader, which DriverManager's service lookup (done once, by the system
   * class loader) does not see ("No suitable driver").
   */
  private static final java.sql.Driver DRIVER = new org.postgresql.Driver();

  private JdbcConnections() {}

  public static Connection open(String url) throws SQLException {
    return open(url, System.getenv());
  }

  static Connection open(String url, Map<String, String> env) throws SQLException {
    if (url == null || !url.startsWith(PREFIX)) {
      throw new SQLException(
          "not a PostgreSQL JDBC URL (" + PREFIX + "//HOST:PORT/DB): " + redacted(url));
    }
    Properties p = new Properties();
    if (!url.contains("user=") && env.get("PGUSER") != null) {
      p.setProperty("user", env.get("PGUSER"));
    }
    if (!url.contains("password=") && env.get("PGPASSWORD") != null) {
      p.setProperty("password", env.get("PGPASSWORD"));
    }
    // a batch of single-row upserts is sent as multi-row INSERTs: several times fewer round trips
    p.setProperty("reWriteBatchedInserts", "true");
    p.setProperty("ApplicationName", "pantau");
    Connection c = DRIVER.connect(url, p);
    if (c == null) {
      throw new SQLException("not a PostgreSQL JDBC URL: " + redacted(url));
    }
    return c;
  }

  /** The URL without its query string, where a password may be. */
  public static String redacted(String url) {
    if (url == null) {
      return "null";
    }
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q) + "?...";
  }
}
