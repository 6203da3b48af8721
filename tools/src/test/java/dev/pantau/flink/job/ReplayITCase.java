package dev.pantau.flink.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pantau.flink.generate.GeneratedMention;
import dev.pantau.flink.generate.GeneratorOptions;
import dev.pantau.flink.generate.MentionGenerator;
import dev.pantau.keywords.KeywordSet;
import dev.pantau.keywords.KeywordSetLoader;
import dev.pantau.keywords.MatchResult;
import dev.pantau.keywords.MentionFields;
import dev.pantau.keywords.MentionMatcher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./pantau replay}: the same input gives byte-identical files, and the per-brand per-minute
 * mention counts equal an independent count of the file (parsed with plain Jackson, deduplicated by
 * hand, matched by the matcher alone, bucketed by hand).
 */
class ReplayITCase {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DIR = Paths.get("target", "replay-itcase");
  private static final List<String> FILES =
      List.of(
          ReplayJob.KPI_FILE,
          ReplayJob.ENRICHED_FILE,
          ReplayJob.ALERTS_FILE,
          ReplayJob.DEAD_LETTER_FILE,
          ReplayJob.LEADS_FILE,
          ReplayJob.ADVOCACY_FILE,
          ReplayJob.SUMMARY_FILE);
  private static Path input;
  private static KeywordSet keywords;

  @BeforeAll
  static void generate() throws Exception {
    Files.createDirectories(DIR);
    input = DIR.resolve("mentions.jsonl");
    MentionGenerator generator =
        new MentionGenerator(
            5,
            MentionGenerator.DEFAULT_START,
            100,
            GeneratorOptions.defaults().malformedFraction(0.005));
    List<String> lines =
        generator.stream().limit(4_000).map(GeneratedMention::json).collect(Collectors.toList());
    lines.add("");
    lines.add(
        "{\"id\":\"late-but-fine\",\"text\":\"telkomsel\",\"created_at\":\"2026-11-22T00:00:30Z\"}");
    Files.write(input, lines, StandardCharsets.UTF_8);
    keywords = KeywordSetLoader.load(Paths.get("..", "config", "keywords"));
  }

  @Test
  void sameInputGivesByteIdenticalOutputAndCountsMatchAnIndependentCount() throws Exception {
    PipelineConfig config = PipelineConfig.defaults(keywords);
    ReplayJob.run(input, DIR.resolve("a"), config);
    ReplayJob.run(input, DIR.resolve("b"), config);
    for (String f : FILES) {
      assertThat(Files.readAllBytes(DIR.resolve("b").resolve(f)))
          .as(f)
          .isEqualTo(Files.readAllBytes(DIR.resolve("a").resolve(f)));
    }
    // no target configured: targets.jsonl is there, empty
    assertThat(DIR.resolve("a").resolve(ReplayJob.TARGETS_FILE)).isEmptyFile();

    Map<String, Long> fromJob = new TreeMap<>();
    Map<String, Integer> revisions = new TreeMap<>();
    for (String line : Files.readAllLines(DIR.resolve("a").resolve(ReplayJob.KPI_FILE))) {
      JsonNode r = JSON.readTree(line);
      if (r.get("window").asText().equals("1m") && r.get("source").asText().equals("*")) {
        String key = r.get("brand").asText() + " " + r.get("start").asText();
        if (revisions.getOrDefault(key, 0) < r.get("revision").asInt()) {
          revisions.put(key, r.get("revision").asInt());
          fromJob.put(key, r.get("mentions").asLong());
        }
      }
    }
    fromJob.values().removeIf(v -> v == 0);
    Set<Long> deadLines = new HashSet<>();
    for (String line : Files.readAllLines(DIR.resolve("a").resolve(ReplayJob.DEAD_LETTER_FILE))) {
      deadLines.add(JSON.readTree(line).get("origin").get("line").asLong());
    }
    assertThat(fromJob).hasSizeGreaterThan(100).isEqualTo(independentCount(deadLines));

    JsonNode summary = JSON.readTree(DIR.resolve("a").resolve(ReplayJob.SUMMARY_FILE).toFile());
    assertThat(summary.get("records_read").asLong()).isEqualTo(4_001);
    assertThat(summary.get("dead_lettered").get("total").asLong())
        .isEqualTo(deadLines.size())
        .isGreaterThan(0);
    assertThat(summary.get("valid").asLong() + deadLines.size()).isEqualTo(4_001);
  }

  /**
   * Mentions per brand and UTC minute, counted without the job; the dead-lettered lines left out.
   */
  private static Map<String, Long> independentCount(Set<Long> deadLines) throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    Set<String> seen = new HashSet<>();
    try (MentionMatcher matcher = MentionMatcher.create(keywords)) {
      long lineNumber = 0;
      for (String line : Files.readAllLines(input)) {
        lineNumber++;
        if (line.isBlank() || deadLines.contains(lineNumber)) {
          continue;
        }
        JsonNode n = JSON.readTree(line);
        String source = n.path("source").asText("web");
        if (!seen.add(source + ":" + n.get("id").asText())) {
          continue;
        }
        JsonNode author = n.path("author");
        MatchResult r =
            matcher.match(
                new MentionFields(
                    n.get("id").asText(),
                    n.path("text").asText(""),
                    text(n, "title"),
                    text(n, "url"),
                    text(n, "lang"),
                    source,
                    text(n, "country"),
                    text(author, "id"),
                    text(author, "handle")));
        JsonNode created = n.get("created_at");
        long t =
            created.isNumber()
                ? created.asLong()
                : java.time.OffsetDateTime.parse(created.asText()).toInstant().toEpochMilli();
        String minute =
            Instant.ofEpochMilli(t - Math.floorMod(t, 60_000L)).toString().replace(".000Z", "Z");
        for (String brand : r.brands()) {
          counts.merge(brand + " " + minute, 1L, Long::sum);
        }
      }
    }
    return counts;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
