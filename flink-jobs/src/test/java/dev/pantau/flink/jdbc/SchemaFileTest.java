package dev.pantau.flink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * One source of truth for the DDL: the file docker-compose mounts is the resource the sink runs.
 */
class SchemaFileTest {
  @Test
  void deploySchemaIsTheSinksDdl() throws Exception {
    Path file = Paths.get("..", "deploy", "postgres", "schema.sql");
    assertThat(Files.readString(file)).isEqualTo(PostgresSchema.ddl());
  }

  @Test
  void everyStatementIsIdempotentSoTheSinkCanRunThemAtEveryStart() {
    assertThat(PostgresSchema.statements())
        .hasSizeGreaterThanOrEqualTo(6)
        .allSatisfy(s -> assertThat(s).containsPattern("^CREATE (TABLE|INDEX) IF NOT EXISTS "));
  }

  @Test
  void upsertReplacesAKpiRowOnlyWithAHigherRevision() {
    String sql =
        PostgresUpsertSink.upsertSql(
            PostgresTable.KPI_SERIES,
            java.util.List.of("brand", "window", "start", "source", "mentions", "revision"));
    assertThat(sql)
        .isEqualTo(
            "INSERT INTO kpi_series (\"brand\", \"window\", \"start\", \"source\", \"mentions\", \"revision\") VALUES (?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (\"brand\", \"window\", \"start\", \"source\") DO UPDATE SET \"mentions\" = excluded.\"mentions\","
                + " \"revision\" = excluded.\"revision\" WHERE excluded.revision > kpi_series.revision");
  }
}
