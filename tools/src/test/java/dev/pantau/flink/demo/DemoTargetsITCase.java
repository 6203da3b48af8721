package dev.pantau.flink.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pantau.alerts.AlertRuleLoader;
import dev.pantau.flink.generate.AccountReadings;
import dev.pantau.flink.generate.GeneratedMention;
import dev.pantau.flink.generate.GeneratorOptions;
import dev.pantau.flink.generate.MentionGenerator;
import dev.pantau.flink.job.PipelineConfig;
import dev.pantau.flink.job.ReplayJob;
import dev.pantau.keywords.KeywordSetLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The demo's sample with the default configuration: its mentions meet the monthly mentions target
 * of the busy brands, while their accounts' follower growth falls behind the raised follower
 * target.
 */
class DemoTargetsITCase {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void oneTargetIsMetAndOneFallsBehind() throws Exception {
    Path dir = Paths.get("target", "demo-targets-itcase");
    Files.createDirectories(dir);
    Duration span = Duration.ofMinutes(40);
    MentionGenerator generator =
        new MentionGenerator(
            42, MentionGenerator.DEFAULT_START, 120, GeneratorOptions.defaults().noSpike());
    List<String> mentions = new ArrayList<>();
    for (GeneratedMention m = generator.nextMention();
        m.arrival().isBefore(MentionGenerator.DEFAULT_START.plus(span));
        m = generator.nextMention()) {
      mentions.add(m.json());
    }
    Path input = Files.write(dir.resolve("mentions.jsonl"), mentions);
    Path readings =
        Files.write(
            dir.resolve("account-stats.jsonl"),
            new AccountReadings(42, MentionGenerator.DEFAULT_START, Duration.ofMinutes(10))
                .until(MentionGenerator.DEFAULT_START.plus(span)));
    PipelineConfig config =
        PipelineConfig.defaults(KeywordSetLoader.load(Paths.get("..", "config", "keywords")))
            .withAlerts(AlertRuleLoader.load(Paths.get("..", "config", "alerts")));
    ReplayJob.run(input, readings, dir.resolve("out"), config, null);

    Map<String, JsonNode> latest = new TreeMap<>();
    for (String line : Files.readAllLines(dir.resolve("out").resolve(ReplayJob.TARGETS_FILE))) {
      JsonNode t = JSON.readTree(line);
      latest.put(t.get("brand").asText() + " " + t.get("metric").asText(), t);
    }
    assertThat(latest.get("telkomsel mentions").get("status").asText()).isEqualTo("met");
    JsonNode followers = latest.get("telkomsel followers.growth");
    assertThat(followers.get("target").asInt()).isEqualTo(1000); // raised from 1 November
    assertThat(followers.get("status").asText()).isEqualTo("behind");
    assertThat(followers.get("actual").asLong()).isPositive();
  }
}
