package dev.pantau.flink.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KpiTableTargetsTest {
  private static String target(
      String brand, String metric, String status, long actual, int revision) {
    return "{\"brand\":\""
        + brand
        + "\",\"metric\":\""
        + metric
        + "\",\"period\":\"month\",\"start\":\"2026-11-01T00:00:00Z\","
        + "\"end\":\"2026-12-01T00:00:00Z\",\"as_of\":\"2026-11-22T03:00:00Z\",\"target\":600,\"actual\":"
        + actual
        + ",\"expected_by_now\":422.5,\"pace\":0.5,\"projected\":300.0,\"status\":\""
        + status
        + "\",\"revision\":"
        + revision
        + "}";
  }

  @Test
  void plainLinesWhenATargetShowsAndWhenItsStatusChanges() {
    KpiTable table = new KpiTable(KpiTable.Mode.PLAIN);
    table.acceptTarget(target("telkomsel", "mentions", "behind", 200, 1));
    table.acceptTarget(target("telkomsel", "mentions", "behind", 210, 2));
    table.acceptTarget(target("telkomsel", "mentions", "met", 650, 3));
    table.acceptTarget(target("xl", "followers.growth", "behind", 12, 1));
    assertThat(table.renderToString().lines())
        .containsExactly(
            "target telkomsel mentions month 2026-11-01T00:00:00Z behind actual=200 target=600 expected_by_now=422.5 pace=0.5",
            "target telkomsel mentions month 2026-11-01T00:00:00Z met actual=650 target=600 expected_by_now=422.5 pace=0.5",
            "target xl followers.growth month 2026-11-01T00:00:00Z behind actual=12 target=600 expected_by_now=422.5 pace=0.5");
  }

  @Test
  void theTableListsEachTargetsNewestProgress() {
    KpiTable table = new KpiTable(KpiTable.Mode.TABLE);
    table.acceptTarget(target("telkomsel", "mentions", "behind", 200, 1));
    table.acceptTarget(target("telkomsel", "mentions", "met", 650, 2));
    table.acceptTarget(target("xl", "followers.growth", "behind", 12, 1));
    String drawn = table.renderToString();
    assertThat(drawn).contains("Targets");
    assertThat(drawn.lines().filter(l -> l.startsWith("telkomsel ")).toList())
        .singleElement()
        .satisfies(l -> assertThat(l).contains("mentions").contains("650").contains("met"));
    assertThat(drawn.lines().filter(l -> l.startsWith("xl ")).toList())
        .singleElement()
        .satisfies(l -> assertThat(l).contains("followers.growth").contains("behind"));
  }
}
