package dev.pantau.flink.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pantau.flink.cli.PantauCli;
import dev.pantau.flink.hostile.HostileCorpus.Line;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile corpus through {@code ./pantau replay} and {@code ./pantau analyze}: both exit 0,
 * every line is valid or dead-lettered with its reason, the two commands agree on every line, the
 * good mentions' outputs are byte-identical to a run without the hostile lines, and no output holds
 * a negative or overflowed figure. The time limits only guard against a hang.
 */
class HostileReplayITCase {
  @TempDir static Path dir;
  static Path keywords;
  static Path alerts;
  static List<Line> mixed;
  static Path mixedFile;
  static Path goodOut;
  static Path mixedOut;

  @BeforeAll
  static void replayBoth() throws Exception {
    keywords = Files.writeString(dir.resolve("keywords.yaml"), HostileCorpus.KEYWORDS);
    alerts = Files.writeString(dir.resolve("alerts.yaml"), "rules: []\n");
    mixed = HostileCorpus.mixed();
    assertThat(
            mixed.stream()
                .filter(
                    l -> !l.expect().equals(HostileCorpus.VALID) || !l.name().startsWith("good")))
        .hasSizeGreaterThanOrEqualTo(80);
    mixedFile = HostileCorpus.write(mixed, dir.resolve("mixed.jsonl"));
    Path goodFile = HostileCorpus.write(HostileCorpus.good(), dir.resolve("good.jsonl"));
    goodOut = dir.resolve("out-good");
    mixedOut = dir.resolve("out-mixed");
    assertTimeoutPreemptively(
        Duration.ofMinutes(5),
        () -> {
          assertThat(replay(goodFile, goodOut)).isZero();
          assertThat(replay(mixedFile, mixedOut)).isZero();
        });
  }

  private static int replay(Path input, Path output) {
    return PantauCli.execute(
        "replay",
        "--input",
        input.toString(),
        "--output",
        output.toString(),
        "--keywords",
        keywords.toString(),
        "--alerts",
        alerts.toString());
  }

  @Test
  void everyLineIsValidOrDeadLetteredWithItsReason() throws Exception {
    Map<Long, String> dead = new HashMap<>();
    List<JsonNode> outputDead = new ArrayList<>();
    for (String line : lines(mixedOut.resolve("dead-letter.jsonl"))) {
      JsonNode d = OutputChecks.parse(line);
      // the dead letters of outputs come after the input's, so the file does not depend on timing
      assertThat(outputDead.isEmpty() || !d.path("origin").has("line"))
          .as("output dead letters last")
          .isTrue();
      assertThat(d.path("error").asText()).isNotBlank();
      assertThat(d.path("message").asText()).isNotBlank();
      assertThat(d.has("raw") || d.has("raw_base64")).isTrue();
      if (d.path("origin").has("line")) {
        assertThat(dead.put(d.get("origin").get("line").asLong(), d.get("error").asText()))
            .as("one dead letter per line")
            .isNull();
      } else {
        outputDead.add(d);
      }
    }
    TreeMap<String, Long> expectedByReason = new TreeMap<>();
    long records = 0;
    long valid = 0;
    for (int i = 0; i < mixed.size(); i++) {
      Line l = mixed.get(i);
      long lineNo = i + 1;
      if (!l.isRecord()) {
        assertThat(dead).as(l.name()).doesNotContainKey(lineNo);
        continue;
      }
      records++;
      if (l.expect().equals(HostileCorpus.VALID)) {
        valid++;
        assertThat(dead.get(lineNo)).as(l.name()).isNull();
      } else {
        assertThat(dead.get(lineNo)).as(l.name()).isEqualTo(l.expect());
        expectedByReason.merge(l.expect(), 1L, Long::sum);
      }
    }
    // the mention just under the input limit makes an enriched record over the output limit
    assertThat(outputDead)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.get("error").asText()).isEqualTo("output_too_large");
              assertThat(d.get("origin").get("output").asText()).isEqualTo("mentions-enriched");
              assertThat(d.get("origin").get("key").asText()).isEqualTo("web:ok10");
              assertThat(d.get("raw").asText())
                  .hasSizeLessThan(100_000)
                  .contains("…[truncated: 1040010 chars in all]");
            });
    expectedByReason.put("output_too_large", 1L);

    JsonNode summary = OutputChecks.parse(Files.readString(mixedOut.resolve("summary.json")));
    assertThat(summary.get("records_read").asLong()).isEqualTo(records);
    assertThat(summary.get("valid").asLong()).isEqualTo(valid);
    TreeMap<String, Long> byReason = new TreeMap<>();
    summary
        .get("dead_lettered")
        .get("by_reason")
        .fields()
        .forEachRemaining(e -> byReason.put(e.getKey(), e.getValue().asLong()));
    assertThat(byReason).isEqualTo(expectedByReason);
    assertThat(summary.get("dead_lettered").get("total").asLong()).isEqualTo(records - valid + 1);
    assertThat(summary.get("duplicates").asLong()).isEqualTo(1);
    assertThat(summary.get("expansion_overflows").get("tsel").asLong()).isEqualTo(1);
  }

  @Test
  void theGoodMentionsOutputsAreByteIdenticalToARunWithoutTheHostileLines() throws Exception {
    List<String> goodKpis = lines(goodOut.resolve("kpi-series.jsonl"));
    List<String> goodEnriched = lines(goodOut.resolve("mentions-enriched.jsonl"));
    assertThat(goodKpis)
        .hasSizeGreaterThan(30)
        .allMatch(l -> l.startsWith("{\"brand\":\"goodco\""));
    assertThat(goodEnriched).hasSize(30);
    assertThat(
            lines(mixedOut.resolve("kpi-series.jsonl")).stream()
                .filter(l -> l.startsWith("{\"brand\":\"goodco\"")))
        .containsExactlyElementsOf(goodKpis);
    assertThat(
            lines(mixedOut.resolve("mentions-enriched.jsonl")).stream()
                .filter(l -> l.startsWith("{\"id\":\"good-")))
        .containsExactlyElementsOf(goodEnriched);
    assertThat(lines(goodOut.resolve("dead-letter.jsonl"))).isEmpty();
  }

  @Test
  void everyOutputIsStrictUtf8JsonWithoutANegativeOrOverflowedFigure() throws Exception {
    for (String file :
        List.of(
            "kpi-series.jsonl", "mentions-enriched.jsonl", "dead-letter.jsonl", "alerts.jsonl")) {
      for (String line : lines(mixedOut.resolve(file))) {
        JsonNode n = OutputChecks.parse(line);
        assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
            .as(file)
            .isLessThanOrEqualTo(1_000_000);
        if (!file.equals("dead-letter.jsonl")) {
          OutputChecks.figuresSane(n, file + ":");
        }
      }
    }
    List<JsonNode> telkomsel =
        lines(mixedOut.resolve("kpi-series.jsonl")).stream()
            .map(OutputChecks::parse)
            .filter(n -> n.get("brand").asText().equals("telkomsel"))
            .toList();
    assertThat(telkomsel)
        .anySatisfy(
            n ->
                assertThat(n.get("engagement").get("total").asLong())
                    .isGreaterThanOrEqualTo(7_000_000_000_000L));
    Map<String, JsonNode> enriched = new HashMap<>();
    lines(mixedOut.resolve("mentions-enriched.jsonl"))
        .forEach(
            l -> {
              JsonNode n = OutputChecks.parse(l);
              enriched.put(n.get("id").asText(), n);
            });
    assertThat(enriched.get("ok1").get("text").asText()).isEqualTo("telkomsel \uFFFD signal");
    assertThat(enriched.get("ok2\uFFFD")).isNotNull();
    assertThat(enriched.get("ok9").get("matched_terms").get("wild")).hasSize(100);
    assertThat(enriched.get("ok9").get("matched_terms_omitted").get("wild").asLong())
        .isEqualTo(99_900);
    assertThat(enriched).doesNotContainKeys("ok10", "ok14", "ok25");
  }

  @Test
  void analyzeAgreesWithReplayOnEveryLine() throws Exception {
    Process p =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                "-Djava.io.tmpdir=" + dir,
                PantauCli.class.getName(),
                "analyze",
                "--input",
                mixedFile.toString(),
                "--keywords",
                keywords.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("analyze ends").isTrue();
    assertThat(p.exitValue()).isZero();
    // the test class path's log configuration writes Pantau's log lines (never JSON) to standard
    // output too
    List<String> printed =
        OutputChecks.strictUtf8(out).lines().filter(l -> l.startsWith("{")).toList();
    List<Line> records = mixed.stream().filter(Line::isRecord).toList();
    assertThat(printed).hasSize(records.size());
    Map<Long, String> replayDead = new HashMap<>();
    lines(mixedOut.resolve("dead-letter.jsonl")).stream()
        .map(OutputChecks::parse)
        .filter(d -> d.path("origin").has("line"))
        .forEach(
            d -> replayDead.put(d.get("origin").get("line").asLong(), d.get("error").asText()));
    int r = 0;
    for (int i = 0; i < mixed.size(); i++) {
      if (!mixed.get(i).isRecord()) {
        continue;
      }
      JsonNode n = OutputChecks.parse(printed.get(r++));
      String analyzed = n.has("error") ? n.get("error").asText() : HostileCorpus.VALID;
      assertThat(analyzed)
          .as(mixed.get(i).name())
          .isEqualTo(replayDead.getOrDefault(i + 1L, HostileCorpus.VALID));
      if (n.has("error")) {
        assertThat(n.get("origin").get("line").asLong()).isEqualTo(i + 1L);
      }
    }
  }

  private static List<String> lines(Path p) throws Exception {
    return OutputChecks.strictUtf8(Files.readAllBytes(p)).lines().toList();
  }
}
