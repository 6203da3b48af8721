package dev.pantau.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestTest {

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Path csv, Path rule, String id) {
    return Backtest.run(
        csv,
        rule,
        id,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private Path rule(String yaml) throws Exception {
    return Files.writeString(dir.resolve("rule.yaml"), yaml);
  }

  private static final String SPIKE =
      "rules: [{id: spike, metric: mentions, window: 5m, detector: spike}]\n";

  /**
   * 400 quiet windows around 30, a burst of 300 at row 350, in NAB's "yyyy-MM-dd HH:mm:ss" format.
   */
  private Path series(boolean iso) throws Exception {
    StringBuilder sb = new StringBuilder("timestamp,value\n");
    double[] v = Points.noisy(400, 30, 21);
    v[350] = 300;
    LocalDateTime t = LocalDateTime.of(2015, 2, 26, 21, 42, 53);
    DateTimeFormatter spaced = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    for (double x : v) {
      sb.append(iso ? t.toInstant(ZoneOffset.UTC).toString() : t.format(spaced))
          .append(',')
          .append((long) x)
          .append('\n');
      t = t.plusMinutes(5);
    }
    return Files.writeString(dir.resolve(iso ? "iso.csv" : "spaced.csv"), sb.toString());
  }

  @Test
  void printsEachAlertAsJsonWithTheRowTimestampAsStart() throws Exception {
    assertThat(run(series(false), rule(SPIKE), null)).isEqualTo(Backtest.OK);
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    JsonNode first = new ObjectMapper().readTree(lines[0]);
    Instant row350 =
        LocalDateTime.of(2015, 2, 26, 21, 42, 53).plusMinutes(5 * 350).toInstant(ZoneOffset.UTC);
    assertThat(first.get("status").asText()).isEqualTo("firing");
    assertThat(first.get("start").asText()).isEqualTo(Alert.TIME.format(row350));
    assertThat(first.get("observed").asLong()).isEqualTo(300);
    assertThat(first.get("id").asText()).isEqualTo("spike|spaced|5m|" + Alert.TIME.format(row350));
    assertThat(lines).hasSize(2);
    assertThat(new ObjectMapper().readTree(lines[1]).get("status").asText()).isEqualTo("resolved");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("400 windows, 1 firing, 1 resolved");
  }

  @Test
  void isoTimestampsGiveTheSameAlerts() throws Exception {
    run(series(false), rule(SPIKE), null);
    String spaced = out.toString(StandardCharsets.UTF_8).replace("spaced", "x");
    out.reset();
    assertThat(run(series(true), rule(SPIKE), null)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).replace("iso", "x")).isEqualTo(spaced);
  }

  @Test
  void picksARuleById() throws Exception {
    Path r =
        rule(
            SPIKE.replace("]\n", ", {id: other, metric: mentions, window: 5m, detector: drop}]\n"));
    assertThat(run(series(false), r, null)).isEqualTo(Backtest.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("choose one with --rule-id (spike, other)");
    assertThat(run(series(false), r, "nope")).isEqualTo(Backtest.USAGE);
    assertThat(run(series(false), r, "spike")).isEqualTo(Backtest.OK);
  }

  @Test
  void badInputsExitOneWithWhereAndWhy() throws Exception {
    assertThat(run(dir.resolve("missing.csv"), rule(SPIKE), null)).isEqualTo(Backtest.BAD_INPUT);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing.csv does not exist");

    assertThat(run(series(false), rule("rules: [{id: spike, metric: mentions, window: 5m}]"), null))
        .isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("rule.yaml:1: spike: 'detector' is required");

    Path bad =
        Files.writeString(
            dir.resolve("bad.csv"),
            "timestamp,value\n2015-02-26 21:42:53,4\n2015-02-26 21:47:53,many\n");
    assertThat(run(bad, rule(SPIKE), null)).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("bad.csv:3: value 'many' is not a number");

    Path when = Files.writeString(dir.resolve("when.csv"), "timestamp,value\nyesterday,4\n");
    assertThat(run(when, rule(SPIKE), null)).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("when.csv:2: cannot read timestamp 'yesterday'");

    Path header =
        Files.writeString(dir.resolve("header.csv"), "time,count\n2015-02-26 21:42:53,4\n");
    assertThat(run(header, rule(SPIKE), null)).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("the header must be 'timestamp,value'");

    Path order =
        Files.writeString(
            dir.resolve("order.csv"),
            "timestamp,value\n2015-02-26 21:42:53,4\n2015-02-26 21:42:53,5\n");
    assertThat(run(order, rule(SPIKE), null)).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("order.csv:3: timestamp 2015-02-26 21:42:53 is not after");
  }
}
