package dev.pantau.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertRuleLoaderTest {

  private static final String SPEC_EXAMPLE =
      """
      rules:
        - id: mention-spike
          metric: mentions
          window: 5m
          detector: spike
          sensitivity: balanced
          min_count: 5
          cooldown: 30m
          brands: ["*"]
          notify: [kafka, slack-ops]
        - id: pace
          metric: mentions
          window: 1d
          detector: target_pace
      channels:
        slack-ops: {type: slack, url: "${SLACK_WEBHOOK_URL}"}
        ops-hook:  {type: webhook, url: "https://example.org/hook", secret: "${PANTAU_WEBHOOK_SECRET}"}
      targets:
        - {brand: telkomsel, metric: mentions, period: month, value: 600}
      """;

  private static AlertConfigException.Problem only(String yaml) {
    try {
      AlertRuleLoader.parse(yaml, "rules.yaml");
    } catch (AlertConfigException e) {
      assertThat(e.problems()).hasSize(1);
      return e.problems().get(0);
    }
    throw new AssertionError("accepted: " + yaml);
  }

  @Test
  void specExampleLoads() throws Exception {
    AlertConfig c = AlertRuleLoader.parse(SPEC_EXAMPLE, "spec");
    assertThat(c.rules()).extracting(AlertRule::id).containsExactly("mention-spike", "pace");
    AlertRule r = c.rule("mention-spike").orElseThrow();
    assertThat(r.windowLength()).isEqualTo(Duration.ofMinutes(5));
    assertThat(r.minCount()).isEqualTo(5);
    assertThat(r.cooldown()).isEqualTo(Duration.ofMinutes(30));
    assertThat(r.channels()).containsExactly("kafka", "slack-ops");
    assertThat(c.channels().get("ops-hook").secret()).isEqualTo("${PANTAU_WEBHOOK_SECRET}");
    assertThat(c.rule("pace").orElseThrow().targetFor("telkomsel").value()).isEqualTo(600);
    assertThat(c.rule("pace").orElseThrow().targetFor("other")).isNull();
  }

  @Test
  void requiredFieldsAloneGetTheDocumentedDefaults() throws Exception {
    AlertRule r =
        AlertRuleLoader.parse(
                "rules: [{id: s, metric: mentions, window: 5m, detector: spike}]", "x")
            .rules()
            .get(0);
    assertThat(r.sensitivity()).isEqualTo(Sensitivity.BALANCED);
    assertThat(r.threshold()).isEqualTo(Sensitivity.BALANCED.threshold());
    assertThat(r.minCount()).isEqualTo(AlertRule.DEFAULT_MIN_COUNT);
    assertThat(r.cooldown()).isEqualTo(AlertRule.DEFAULT_COOLDOWN);
    assertThat(r.baselineWindows()).isEqualTo(AlertRule.DEFAULT_BASELINE_WINDOWS);
    assertThat(r.warmupWindows()).isEqualTo(AlertRule.DEFAULT_WARMUP_WINDOWS);
    assertThat(r.dailySeasonality()).isTrue();
    assertThat(r.weeklySeasonality()).isEqualTo(AlertRule.DEFAULT_WEEKLY_SEASONALITY).isFalse();
    assertThat(r.brands()).containsExactly("*");
    assertThat(r.sustainedWindows()).isEqualTo(48); // 4h of 5m windows
    assertThat(r.levelShift()).isEqualTo(AlertRule.DEFAULT_LEVEL_SHIFT);
    assertThat(r.levelShiftWindows()).isEqualTo(72); // 6h of 5m windows
    AlertRule ratio =
        AlertRuleLoader.parse(
                "rules: [{id: n, metric: sentiment.net, window: 1h, detector: drop}]", "x")
            .rules()
            .get(0);
    assertThat(ratio.minCount()).isEqualTo(AlertRule.DEFAULT_MIN_MENTIONS_FOR_RATIO);
    assertThat(ratio.sustainedWindows()).isEqualTo(4);
    assertThat(ratio.levelShiftWindows())
        .isEqualTo(AlertRule.MIN_LEVEL_SHIFT_WINDOWS); // 6h of 1h, raised to 8
    AlertRule minute =
        AlertRuleLoader.parse(
                "rules: [{id: m, metric: mentions, window: 1m, detector: spike}]", "x")
            .rules()
            .get(0);
    assertThat(minute.levelShiftWindows())
        .isEqualTo(AlertRule.MAX_SUSTAINED_WINDOWS); // 6h of 1m, capped at 288
  }

  @Test
  void explicitParametersOverridePresets() throws Exception {
    AlertRule r =
        AlertRuleLoader.parse(
                """
        rules:
          - {id: s, metric: engagement.total, window: 1h, detector: spike, sensitivity: high, threshold: 7,
             baseline: 14d, warmup: 12, seasonality: none, peak_memory: 0, sustained: 0, min_ratio: 2, severity: info,
             level_shift: 0}
        """,
                "x")
            .rules()
            .get(0);
    assertThat(r.threshold()).isEqualTo(7);
    assertThat(r.baselineWindows()).isEqualTo(14 * 24);
    assertThat(r.warmupWindows()).isEqualTo(12);
    assertThat(r.dailySeasonality()).isFalse();
    assertThat(r.peakMemory()).isZero();
    assertThat(r.sustainedWindows()).isZero();
    assertThat(r.levelShiftWindows()).isZero();
    assertThat(r.minRatio()).isEqualTo(2);
    assertThat(r.severity()).isEqualTo(Severity.INFO);
  }

  @Test
  void errorsNameFileLineRuleAndReason() {
    AlertConfigException.Problem p =
        only(
            """
        rules:
          - id: ok
            metric: mentions
            window: 5m
            detector: spike
          - id: broken
            metric: mentions
            window: 5m
            detector: spiky
        """);
    assertThat(p.origin()).isEqualTo("rules.yaml");
    assertThat(p.line()).isEqualTo(6);
    assertThat(p.id()).isEqualTo("broken");
    assertThat(p.reason()).contains("detector 'spiky'");
    assertThat(p.toString())
        .isEqualTo(
            "rules.yaml:6: broken: detector 'spiky' is not one of spike, drop, threshold, target_pace");
  }

  @Test
  void eachKindOfBadRuleIsRejectedWithItsReason() {
    assertThat(only("rules: [{id: a, window: 5m, detector: spike}]").reason())
        .isEqualTo("'metric' is required");
    assertThat(only("rules: [{id: a, metric: mentions, window: 7x, detector: spike}]").reason())
        .contains("window '7x'");
    assertThat(
            only("rules: [{id: a, metric: sentiment.negatve, window: 5m, detector: spike}]")
                .reason())
        .startsWith(
            "metric 'sentiment.negatve' is not a KPI field; valid: mentions, unique_authors, reach,")
        .contains("sentiment.negative");
    assertThat(
            only("rules: [{id: a, metric: mentions, window: 5m, detector: spike, sensitivity: extreme}]")
                .reason())
        .contains("sensitivity 'extreme'");
    assertThat(
            only("rules: [{id: a, metric: mentions, window: 5m, detector: spike, cooldown: soon}]")
                .reason())
        .contains("'soon' is not a duration");
    assertThat(
            only("rules: [{id: a, metric: mentions, window: 5m, detector: spike, min_count: many}]")
                .reason())
        .contains("'min_count' must be a number");
    assertThat(
            only("rules: [{id: a, metric: mentions, window: 5m, detector: spike, min_count: -1}]")
                .reason())
        .contains("min_count must be >= 0");
    assertThat(only("rules: [{id: a, metric: mentions, window: 5m, detector: threshold}]").reason())
        .contains("needs 'above' or 'below'");
    assertThat(
            only("rules: [{id: a, metric: mentions, window: 5m, detector: spike, above: 3}]")
                .reason())
        .contains("belong to threshold rules");
    assertThat(
            only("rules: [{id: a, metric: mentions, window: 1d, detector: target_pace}]").reason())
        .contains("needs a target for metric 'mentions'");
    assertThat(
            only("rules: [{id: a, metric: mentions, window: 5m, detector: spike, notify: [pager]}]")
                .reason())
        .contains("unknown channel 'pager'");
    assertThat(
            only("rules: [{id: a, metric: mentions, window: 5m, detector: spike, colour: red}]")
                .reason())
        .contains("unknown field 'colour'");
    assertThat(
            only("rules: [{id: a, metric: mentions, window: 5m, detector: spike, threshold: 0}]")
                .reason())
        .contains("threshold must be > 0");
    assertThat(
            only("rules: [{id: a, metric: mentions, window: 5m, detector: spike, baseline: 2}]")
                .reason())
        .contains("baseline must be");
    assertThat(only("rules: [{metric: mentions, window: 5m, detector: spike}]").id())
        .isEqualTo("rules[0]");
    assertThat(
            only("rules:\n  - {id: a, metric: mentions, window: 5m, detector: spike}\n  - {id: a, metric: reach, window: 5m, detector: spike}\n")
                .reason())
        .isEqualTo("duplicate rule id");
    assertThat(only("channels: {x: {type: pager, url: 'https://a.b'}}").reason())
        .contains("channel type 'pager'");
    assertThat(only("channels: {x: {type: webhook, url: 'ftp://a.b'}}").reason())
        .contains("url must be http(s)");
    assertThat(only("targets: [{brand: a, metric: mentions, period: year, value: 3}]").reason())
        .contains("period 'year'");
    assertThat(only("rules: [oops").reason()).startsWith("not valid YAML");
    assertThat(only("alerts: []").reason()).contains("unknown section 'alerts'");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThatThrownBy(
            () ->
                AlertRuleLoader.parse(
                    """
        rules:
          - {id: a, metric: mentions, window: 5m}
          - {id: b, metric: mentions, window: 5m, detector: drop, cooldown: 3x}
        """,
                    "two.yaml"))
        .isInstanceOf(AlertConfigException.class)
        .hasMessageContaining("two.yaml:2: a: 'detector' is required")
        .hasMessageContaining("two.yaml:3: b: '3x' is not a duration");
  }

  @Test
  void loadsAFolderOfYamlFilesAsOneConfiguration(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("a.yaml"),
        "rules: [{id: a, metric: mentions, window: 5m, detector: spike, notify: [hook]}]");
    Files.writeString(
        dir.resolve("b.yml"),
        "channels: {hook: {type: webhook, url: 'https://example.org/h', secret: s}}");
    Files.writeString(dir.resolve("notes.txt"), "not yaml: [");
    AlertConfig c = AlertRuleLoader.load(dir);
    assertThat(c.rules()).hasSize(1);
    assertThat(c.channels()).containsKey("hook");
    assertThat(c.channels().get("hook").toString())
        .doesNotContain("secret=")
        .contains("https://example.org/...");

    Files.writeString(
        dir.resolve("c.yaml"), "rules: [{id: a, metric: reach, window: 5m, detector: spike}]");
    assertThatThrownBy(() -> AlertRuleLoader.load(dir))
        .hasMessageContaining("c.yaml:1: a: duplicate rule id");
  }

  @Test
  void emptyFileIsAnEmptyConfiguration() throws Exception {
    assertThat(AlertRuleLoader.parse("", "empty").rules()).isEmpty();
  }

  @Test
  void shippedDefaultRulesAreValid() throws Exception {
    Path defaults = Path.of("..", "config", "alerts");
    AlertConfig c = AlertRuleLoader.load(defaults);
    assertThat(c.rules())
        .extracting(AlertRule::detector)
        .contains(DetectorType.SPIKE, DetectorType.DROP, DetectorType.TARGET_PACE);
  }

  @Test
  void listsEveryProblemOfEveryRuleWithItsLine() {
    String yaml =
        """
        rules:
          - {id: a, metric: mentions, window: 5m, detector: threshold, above: -10}
          - id: b
            metric: mentions
            window: 1h
            detector: spike
            min_count: -3
            cooldown: -5m
            min_ratio: 0.5
          - {id: c, metric: sentiment.net, window: 1h, detector: threshold, below: -1.5}
          - {id: d, metric: share_of_voice, window: 1h, detector: threshold, above: 2}
          - {id: e, metric: mentions, window: 1h, detector: spike, sensitivity: extreme, severity: loud}
        """;
    assertThatThrownBy(() -> AlertRuleLoader.parse(yaml, "rules.yaml"))
        .isInstanceOfSatisfying(
            AlertConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(p -> p.line() + " " + p.id() + ": " + p.reason())
                    .containsExactly(
                        "2 a: 'above' -10.0 can never be crossed: mentions lies in [0, ∞]",
                        "3 b: '-5m' is not a duration like 30s, 5m, 1h, 1d or 1w",
                        "3 b: min_count must be >= 0, was -3.0",
                        "3 b: min_ratio must be >= 1, was 0.5",
                        "10 c: 'below' -1.5 can never be crossed: sentiment.net lies in [-1, 1]",
                        "11 d: 'above' 2.0 can never be crossed: share_of_voice lies in [0, 1]",
                        "12 e: sensitivity 'extreme' is not one of low, balanced, high",
                        "12 e: severity 'loud' is not info, warning or critical"));
  }

  @Test
  void acceptsThresholdsInsideTheMetricsRange() throws Exception {
    AlertConfig c =
        AlertRuleLoader.parse(
            """
        rules:
          - {id: dip, metric: sentiment.net, window: 1h, detector: threshold, below: -0.3}
          - {id: quiet, metric: mentions, window: 1h, detector: threshold, below: 0.5, above: 100}
        """,
            "rules.yaml");
    assertThat(c.rules()).hasSize(2);
  }

  @Test
  void namesRulesOnWindowsTheJobDoesNotCompute(@TempDir Path dir) throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("r.yaml"),
            """
        rules:
          - {id: ok, metric: mentions, window: 5m, detector: spike}
          - {id: odd, metric: mentions, window: 7m, detector: spike}
          - {id: bad, metric: mentions, window: 1h, detector: spike, min_count: -1}
        """);
    assertThatThrownBy(() -> AlertRuleLoader.load(f, java.util.List.of("1m", "5m", "1h")))
        .isInstanceOfSatisfying(
            AlertConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(p -> p.line() + " " + p.id())
                    .containsExactly("3 odd", "4 bad"));
  }
}
