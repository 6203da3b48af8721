package dev.pantau.flink.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KpiTableTest {

  private static String kpi(
      String brand,
      String group,
      String window,
      String start,
      String source,
      long mentions,
      long reach,
      long engagement,
      String net,
      String sov,
      int revision) {
    return "{\"brand\":\""
        + brand
        + "\""
        + (group == null ? "" : ",\"group\":\"" + group + "\"")
        + ",\"window\":\""
        + window
        + "\",\"start\":\""
        + start
        + "\",\"end\":\"x\",\"source\":\""
        + source
        + "\""
        + ",\"mentions\":"
        + mentions
        + ",\"unique_authors\":1,\"reach\":"
        + reach
        + ",\"impressions\":0"
        + ",\"engagement\":{\"likes\":"
        + engagement
        + ",\"comments\":0,\"shares\":0,\"quotes\":0,\"bookmarks\":0,\"total\":"
        + engagement
        + "}"
        + (net == null
            ? ""
            : ",\"sentiment\":{\"positive\":1,\"neutral\":1,\"negative\":0,\"unscored\":0,\"net\":"
                + net
                + ",\"mean\":0.1}")
        + (sov == null ? "" : ",\"share_of_voice\":" + sov)
        + ",\"revision\":"
        + revision
        + "}";
  }

  private static String alert(String status, String brand) {
    return "{\"id\":\"mention-spike|"
        + brand
        + "|5m|2026-11-22T10:15:00Z\",\"status\":\""
        + status
        + "\","
        + "\"rule\":\"mention-spike\",\"type\":\"spike\",\"brand\":\""
        + brand
        + "\",\"severity\":\"warning\","
        + "\"metric\":\"mentions\",\"window\":\"5m\",\"start\":\"2026-11-22T10:15:00Z\",\"end\":\"2026-11-22T10:20:00Z\","
        + "\"observed\":520,\"expected\":95.2,\"score\":6.3,\"message\":\"Telkomsel mentions 520 in 5m, 5.5x the usual 95\"}";
  }

  @Test
  void plainLinesAreSpecSevensFormat() {
    KpiTable table = new KpiTable(KpiTable.Mode.PLAIN);
    table.accept(
        kpi(
            "telkomsel",
            "telco-id",
            "1m",
            "2026-11-22T10:15:00Z",
            "*",
            12,
            3400,
            88,
            "0.25",
            "0.31",
            1));
    table.accept(kpi("shopee", null, "5m", "2026-11-22T10:10:00Z", "*", 0, 0, 0, null, null, 1));
    table.acceptAlert(alert("firing", "telkomsel"));
    table.acceptAlert(alert("resolved", "telkomsel"));
    assertThat(table.renderToString())
        .isEqualTo(
            String.join(
                "\n",
                "telkomsel 1m 2026-11-22T10:15:00Z mentions=12 reach=3400 engagement=88 net=0.25",
                "shopee 5m 2026-11-22T10:10:00Z mentions=0 reach=0 engagement=0",
                "alert firing warning telkomsel 5m 2026-11-22T10:15:00Z mention-spike: Telkomsel mentions 520 in 5m, 5.5x the usual 95",
                "alert resolved warning telkomsel 5m 2026-11-22T10:15:00Z mention-spike: Telkomsel mentions 520 in 5m, 5.5x the usual 95",
                ""));
    assertThat(table.renderToString()).as("printed once").isEmpty();
  }

  @Test
  void plainModeSkipsPerSourceRecordsAndUnchangedRevisions() {
    KpiTable table = new KpiTable(KpiTable.Mode.PLAIN);
    table.accept(
        kpi("xl", "telco-id", "1m", "2026-11-22T10:15:00Z", "twitter", 5, 10, 1, null, null, 1));
    table.accept(kpi("xl", "telco-id", "1m", "2026-11-22T10:15:00Z", "*", 7, 10, 1, null, null, 1));
    table.accept(
        kpi("xl", "telco-id", "1m", "2026-11-22T10:15:00Z", "*", 7, 10, 1, null, "0.5", 2));
    table.accept(
        kpi("xl", "telco-id", "1m", "2026-11-22T10:15:00Z", "*", 7, 10, 9, null, "0.5", 3));
    assertThat(table.renderToString())
        .isEqualTo(
            "xl 1m 2026-11-22T10:15:00Z mentions=7 reach=10 engagement=1\n"
                + "xl 1m 2026-11-22T10:15:00Z mentions=7 reach=10 engagement=9\n");
  }

  @Test
  void leadsCopiesAndParticipationAreShownWhereTheRecordsCarryThem() {
    String withSocial =
        kpi(
                "telkomsel",
                "telco-id",
                "1h",
                "2026-11-22T10:00:00Z",
                "*",
                40,
                9000,
                120,
                "0.1",
                "0.5",
                1)
            .replace(
                ",\"revision\":1}",
                ",\"employee\":{\"mentions\":2,\"participation\":0.5},\"copies\":7,\"leads\":3,\"revision\":1}");
    KpiTable plain = new KpiTable(KpiTable.Mode.PLAIN);
    plain.accept(withSocial);
    assertThat(plain.renderToString())
        .isEqualTo(
            "telkomsel 1h 2026-11-22T10:00:00Z mentions=40 reach=9000 engagement=120 net=0.1 leads=3 copies=7\n");
    KpiTable table = new KpiTable(KpiTable.Mode.TABLE).windows(List.of("1h"));
    table.accept(withSocial);
    table.accept(
        kpi("indosat", "telco-id", "1h", "2026-11-22T10:00:00Z", "*", 5, 100, 1, null, "0.5", 1));
    String screen = table.renderToString().replaceAll("\u001b\\[[0-9;]*[A-Za-z]", "");
    assertThat(screen).contains("LEADS").contains("COPIES").contains("EMP");
    assertThat(screen.lines().filter(l -> l.startsWith("telkomsel")).findFirst().orElseThrow())
        .containsPattern("\\s3\\s+7\\s+50%");
    assertThat(screen.lines().filter(l -> l.startsWith("indosat")).findFirst().orElseThrow())
        .containsPattern("\\s0\\s+0\\s+-");
  }

  @Test
  void netIsPrintedWithAtMostThreeDecimals() {
    assertThat(KpiTable.decimal(0.25)).isEqualTo("0.25");
    assertThat(KpiTable.decimal(-0.16666)).isEqualTo("-0.167");
    assertThat(KpiTable.decimal(1.0)).isEqualTo("1");
    assertThat(KpiTable.decimal(0.0)).isEqualTo("0");
    assertThat(KpiTable.decimal(-0.0001)).isEqualTo("0");
  }

  @Test
  void tableShowsTheNewestWindowPerBrandWithTrendAndAlerts() {
    KpiTable table = new KpiTable(KpiTable.Mode.TABLE).windows(List.of("1m")).header("Pantau demo");
    String waiting = table.renderToString();
    assertThat(waiting).contains("Pantau demo").contains("waiting for the first window");
    for (int minute = 10; minute < 15; minute++) {
      String start = "2026-11-22T10:" + minute + ":00Z";
      table.accept(
          kpi(
              "telkomsel",
              "telco-id",
              "1m",
              start,
              "*",
              minute == 14 ? 80 : 10,
              5000,
              300,
              "-0.4",
              "0.6",
              1));
      table.accept(kpi("indosat", "telco-id", "1m", start, "*", 5, 1200, 40, "0.2", "0.3", 1));
      table.accept(kpi("tokopedia", "ecommerce-id", "1m", start, "*", 9, 900, 20, null, "0.5", 1));
      table.accept(
          kpi("tokopedia", "ecommerce-id", "1m", start, "twitter", 4, 900, 20, null, "0.5", 1));
    }
    table.acceptAlert(alert("firing", "telkomsel"));
    String frame = table.renderToString();
    // the second frame starts by moving up over the first one and clearing it
    assertThat(frame).startsWith("\u001b[" + waiting.split("\n").length + "F\u001b[J");
    List<String> rows =
        frame.lines().filter(l -> l.matches("^(telkomsel|indosat|tokopedia) .*")).toList();
    assertThat(rows).hasSize(3);
    // grouped: ecommerce-id before telco-id, brands alphabetical within a group
    assertThat(rows.get(0)).startsWith("tokopedia");
    assertThat(rows.get(1)).startsWith("indosat");
    assertThat(rows.get(2))
        .startsWith("telkomsel")
        .contains("80")
        .contains("▂▂▂▂█")
        .contains("5000")
        .contains("-0.40")
        .contains("60%")
        .contains("2026-11-22T10:14:00Z");
    assertThat(frame)
        .contains("NET")
        .contains("SOV")
        .contains("FIRING")
        .contains("5.5x the usual 95")
        .contains("firing now: 1");
    table.acceptAlert(alert("resolved", "telkomsel"));
    assertThat(table.renderToString()).contains("resolved").contains("firing now: 0");
  }

  @Test
  void laterRevisionReplacesAndOlderDoesNot() {
    KpiTable table = new KpiTable(KpiTable.Mode.TABLE).windows(List.of("5m")).alertLines(0);
    table.accept(
        kpi("shopee", "ecommerce-id", "5m", "2026-11-22T10:15:00Z", "*", 10, 1, 1, null, null, 2));
    table.accept(
        kpi("shopee", "ecommerce-id", "5m", "2026-11-22T10:15:00Z", "*", 3, 1, 1, null, null, 1));
    String frame = table.renderToString();
    assertThat(frame.lines().filter(l -> l.startsWith("shopee")))
        .singleElement()
        .asString()
        .contains(" 10 ");
    assertThat(frame).doesNotContain("NET").doesNotContain("Alerts");
  }

  @Test
  void badRecordsAreRejectedNamingTheProblem() {
    KpiTable table = new KpiTable(KpiTable.Mode.PLAIN);
    assertThatThrownBy(() -> table.accept("{nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid JSON");
    assertThatThrownBy(() -> table.accept("{\"brand\":\"x\",\"window\":\"1m\",\"start\":\"s\"}"))
        .hasMessageContaining("mentions");
    assertThatThrownBy(() -> table.acceptAlert("[1]")).hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> table.acceptAlert("{\"status\":\"firing\"}"))
        .hasMessageContaining("'id'");
  }

  @Test
  void concurrentWritersLoseNothing() throws Exception {
    KpiTable table = new KpiTable(KpiTable.Mode.PLAIN);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int t = 0; t < 4; t++) {
      String brand = "brand" + t;
      pool.submit(
          () -> {
            for (int i = 0; i < 250; i++) {
              table.accept(
                  kpi(
                      brand,
                      null,
                      "1m",
                      String.format("2026-11-22T%02d:%02d:00Z", i / 60, i % 60),
                      "*",
                      i,
                      0,
                      0,
                      null,
                      null,
                      1));
            }
          });
    }
    List<String> rendered = new ArrayList<>();
    pool.shutdown();
    while (!pool.awaitTermination(10, TimeUnit.MILLISECONDS)) {
      rendered.addAll(table.renderToString().lines().toList());
    }
    rendered.addAll(table.renderToString().lines().toList());
    assertThat(rendered).hasSize(1000).doesNotHaveDuplicates();
  }
}
