package dev.pantau.flink.jdbc;

import dev.pantau.flink.job.PantauPipeline;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Attaches the PostgreSQL sinks of {@code --jdbc-url} to a job's outputs (SPEC §8): KPI records,
 * alerts, enriched mentions, leads, the advocacy leaderboard and target progress, each at its
 * output's parallelism, so one key always reaches the same writer.
 */
public final class JdbcOutputs {
  private JdbcOutputs() {}

  /**
   * Connects once and creates the missing tables, so a wrong URL or password is reported before the
   * job starts rather than as restarts of a running job.
   *
   * @throws IllegalArgumentException with a message for the user when it cannot
   */
  public static void prepare(String jdbcUrl) {
    try (Connection c = JdbcConnections.open(jdbcUrl)) {
      PostgresSchema.create(c);
    } catch (SQLException e) {
      throw new IllegalArgumentException(
          "cannot use PostgreSQL at " + JdbcConnections.redacted(jdbcUrl) + ": " + e.getMessage(),
          e);
    }
  }

  /** Adds the sinks when {@code jdbcUrl} is set; returns {@code outputs}. */
  public static PantauPipeline.Outputs attach(PantauPipeline.Outputs outputs, String jdbcUrl) {
    if (jdbcUrl == null) {
      return outputs;
    }
    prepare(jdbcUrl);
    outputs
        .kpis()
        .sinkTo(new PostgresUpsertSink(jdbcUrl, PostgresTable.KPI_SERIES))
        .name("KPI series to PostgreSQL")
        .uid("sink-postgres-kpi-series");
    outputs
        .alerts()
        .sinkTo(new PostgresUpsertSink(jdbcUrl, PostgresTable.ALERTS))
        .name("Alerts to PostgreSQL")
        .uid("sink-postgres-alerts");
    outputs
        .enriched()
        .sinkTo(new PostgresUpsertSink(jdbcUrl, PostgresTable.MENTIONS))
        .name("Mentions to PostgreSQL")
        .uid("sink-postgres-mentions");
    outputs
        .leads()
        .sinkTo(new PostgresUpsertSink(jdbcUrl, PostgresTable.LEADS))
        .name("Leads to PostgreSQL")
        .uid("sink-postgres-leads");
    outputs
        .advocacy()
        .sinkTo(new PostgresUpsertSink(jdbcUrl, PostgresTable.ADVOCACY))
        .name("Advocacy to PostgreSQL")
        .uid("sink-postgres-advocacy");
    if (outputs.targets() != null) {
      outputs
          .targets()
          .sinkTo(new PostgresUpsertSink(jdbcUrl, PostgresTable.TARGETS))
          .name("Targets to PostgreSQL")
          .uid("sink-postgres-targets");
    }
    return outputs;
  }
}
