package dev.pantau.flink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GrafanaMacrosTest {
  private static final Instant FROM = Instant.parse("2026-11-22T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-22T06:00:00Z");

  @Test
  void expandsTimeMacrosAsGrafanasPostgresDataSourceDoes() {
    assertThat(
            GrafanaMacros.expand(
                "WHERE $__timeFilter(start) GROUP BY $__timeGroupAlias(start, '5m')",
                FROM,
                TO,
                Map.of()))
        .isEqualTo(
            "WHERE start BETWEEN '2026-11-22T00:00:00Z' AND '2026-11-22T06:00:00Z'"
                + " GROUP BY floor(extract(epoch from start)/300)*300 AS \"time\"");
    assertThat(GrafanaMacros.expand("$__timeFrom() < $__timeTo()", FROM, TO, Map.of()))
        .isEqualTo("'2026-11-22T00:00:00Z' < '2026-11-22T06:00:00Z'");
  }

  @Test
  void quotesMultiValueVariablesAndLeavesSingleValuesRaw() {
    Map<String, GrafanaMacros.Variable> vars =
        Map.of(
            "brand",
            new GrafanaMacros.Variable(List.of("xl", "o'neil"), true),
            "window",
            GrafanaMacros.Variable.single("5m"));
    assertThat(
            GrafanaMacros.expand("brand IN ($brand) AND \"window\" = '${window}'", FROM, TO, vars))
        .isEqualTo("brand IN ('xl','o''neil') AND \"window\" = '5m'");
  }
}
