package dev.pantau.flink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboard options as a user runs them: {@code demo} prints where its page is, {@code
 * --jdbc-url} fails early.
 */
class DashboardCommandsITCase {
  private static final Path LOGS = Paths.get("target", "dashboard-commands-itcase");

  @Test
  void demoServesItsPageOnLoopbackAndPushesKpiRecords() throws Exception {
    try (PantauProcess demo =
        PantauProcess.start(
            LOGS,
            "demo",
            "demo",
            "--history",
            "30m",
            "--work-dir",
            LOGS.resolve("work").toAbsolutePath().toString())) {
      demo.awaitLine("^Dashboard: http://127\\.0\\.0\\.1:\\d+/$", Duration.ofSeconds(120));
      Matcher m =
          Pattern.compile("Dashboard: (http://127\\.0\\.0\\.1:\\d+/)").matcher(demo.stderr());
      assertThat(m.find()).isTrue();
      String url = m.group(1);
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body())
          .contains("<title>Pantau: live dashboard</title>")
          .doesNotContain("https://");
      HttpResponse<String> uplot =
          http.send(
              HttpRequest.newBuilder(URI.create(url + "uPlot.iife.min.js")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(uplot.statusCode()).isEqualTo(200);
      assertThat(uplot.body()).contains("uPlot");

      HttpResponse<java.io.InputStream> events =
          http.send(
              HttpRequest.newBuilder(URI.create(url + "events")).build(),
              HttpResponse.BodyHandlers.ofInputStream());
      assertThat(events.headers().firstValue("Content-Type"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
        String kpi = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String previous = "";
        for (String line;
            kpi == null && System.nanoTime() < deadline && (line = r.readLine()) != null;
            previous = line) {
          if (previous.equals("event: kpi") && line.startsWith("data: ")) {
            kpi = line.substring("data: ".length());
          }
        }
        assertThat(kpi)
            .as("a KPI record pushed to the page")
            .isNotNull()
            .contains("\"brand\":")
            .contains("\"source\":\"*\"");
      }
      demo.term();
      // a clean exit: the demo's shutdown hook stops its broker
      demo.awaitExit(Duration.ofSeconds(60));
    }
  }

  @Test
  void replayWithAnUnusableJdbcUrlExitsOneWithTheReasonBeforeRunning() throws Exception {
    try (PantauProcess replay =
        PantauProcess.start(
            LOGS,
            "replay-bad-jdbc",
            "replay",
            "--input",
            PantauProcess.ROOT.resolve("README.md").toString(),
            "--output",
            LOGS.resolve("bad-jdbc").toAbsolutePath().toString(),
            "--jdbc-url",
            "jdbc:postgresql://127.0.0.1:1/pantau?user=u&password=secret")) {
      assertThat(replay.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
      assertThat(replay.stderr())
          .contains("cannot use PostgreSQL at jdbc:postgresql://127.0.0.1:1/pantau?...")
          .doesNotContain("secret");
      assertThat(LOGS.resolve("bad-jdbc").resolve("kpi-series.jsonl")).doesNotExist();
    }
  }
}
