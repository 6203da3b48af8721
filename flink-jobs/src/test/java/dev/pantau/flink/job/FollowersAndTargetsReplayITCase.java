package dev.pantau.flink.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pantau.alerts.AlertConfig;
import dev.pantau.alerts.AlertRuleLoader;
import dev.pantau.keywords.KeywordSet;
import dev.pantau.keywords.KeywordSetLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replay over a hand-written scenario in Asia/Jakarta: two brands, owned-account readings across a
 * month boundary (one of them late, one for an unknown brand, one invalid), a followers target
 * raised from 600 to 800 a month on 1 February, a weekly mentions target falling behind, and a late
 * mention. Every expected figure is computed here from SPEC §1b, §3, §4 and §4d (and the README's
 * reading of them), from the input records: never from the job's code.
 */
class FollowersAndTargetsReplayITCase {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DIR = Paths.get("target", "followers-targets-itcase");
  private static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");
  private static final String KEYWORDS =
      """
      brands:
        - {id: acme, query: acme, group: g}
        - {id: globex, query: globex, group: g}
      """;
  private static final String ALERTS =
      """
      rules:
        - {id: mentions-pace, metric: mentions, window: 1d, detector: target_pace}
      targets:
        - {brand: acme, metric: followers.growth, period: month, value: 600, from: 2026-01-01}
        - {brand: acme, metric: followers.growth, period: month, value: 800, from: 2026-02-01}
        - {brand: globex, metric: mentions, period: week, value: 60}
      """;

  /** A mention: time, brand word, id. */
  private record M(long at, String text, String id) {}

  /** A reading: time, brand, source, account, followers. */
  private record R(long at, String brand, String source, String account, long followers) {}

  private static final List<M> mentions = new ArrayList<>();
  private static final List<R> readings = new ArrayList<>();
  private static Path mentionsFile;
  private static Path readingsFile;
  private static PipelineConfig config;

  private static long local(String dateTime) {
    return LocalDateTime.parse(dateTime).atZone(ZONE).toInstant().toEpochMilli();
  }

  @BeforeAll
  static void scenario() throws Exception {
    Files.createDirectories(DIR);
    List<String> m = new ArrayList<>();
    List<String> r = new ArrayList<>();
    // from Friday 30 January to Monday 2 February (local): acme twice a day, globex once a day
    LocalDate day = LocalDate.parse("2026-01-30");
    long[] acmeIg = {10_000, 10_020, 10_050, 10_090};
    long[] acmeX = {3_000, 2_990, 3_010, 3_040};
    for (int d = 0; d < 4; d++, day = day.plusDays(1)) {
      addReading(r, new R(local(day + "T09:00:00"), "acme", "instagram", "@acme", acmeIg[d]));
      if (d != 1) { // 31 January's x reading comes late, below
        addReading(r, new R(local(day + "T09:30:00"), "acme", "x", "@acme", acmeX[d]));
      }
      if (d == 2) {
        // 31 January's x reading, sent after 1 February's: read once the mentions reached 1
        // February,
        // when the watermark (moved by the 1,000 mentions below) is past its window: late, but
        // inside the
        // allowed hour, so it revises what went out
        addReading(r, new R(local("2026-01-31T20:40:00"), "acme", "x", "@acme", acmeX[1]));
      }
      addMention(m, new M(local(day + "T08:00:00"), "acme rocks", "a" + d + "m"));
      addMention(m, new M(local(day + "T20:00:00"), "acme again", "a" + d + "e"));
      addMention(m, new M(local(day + "T12:00:00"), "globex news", "g" + d));
      if (d == 1) {
        // 1,000 unmatched mentions move the watermark past 31 January 21:00 local; then a late acme
        // mention of 20:30: its 1h window went out already, the allowed hour is not over: a
        // revision
        for (int i = 0; i < 1000; i++) {
          m.add(mentionJson(new M(local(day + "T21:10:00"), "nothing to see", "filler" + i)));
        }
        addMention(m, new M(local(day + "T20:30:00"), "acme late", "late"));
      }
    }
    r.add(
        "{\"brand\":\"nobody\",\"source\":\"x\",\"account\":\"@n\",\"followers\":5,\"at\":\"2026-02-02T03:00:00Z\"}");
    r.add(
        "{\"brand\":\"acme\",\"source\":\"x\",\"account\":\"@acme\",\"followers\":\"many\",\"at\":\"2026-02-02T03:00:00Z\"}");
    mentionsFile = DIR.resolve("mentions.jsonl");
    readingsFile = DIR.resolve("account-stats.jsonl");
    Files.write(mentionsFile, m, StandardCharsets.UTF_8);
    Files.write(readingsFile, r, StandardCharsets.UTF_8);
    Path kw = DIR.resolve("keywords.yaml");
    Path al = DIR.resolve("alerts.yaml");
    Files.writeString(kw, KEYWORDS);
    Files.writeString(al, ALERTS);
    KeywordSet keywords = KeywordSetLoader.load(kw);
    AlertConfig alerts = AlertRuleLoader.load(al);
    config =
        PipelineConfig.defaults(keywords)
            .withAlerts(alerts)
            .withWindows("1h,1d")
            .withZone(ZONE.getId());
  }

  private static void addMention(List<String> lines, M mention) {
    mentions.add(mention);
    lines.add(mentionJson(mention));
  }

  private static String mentionJson(M mention) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", mention.id());
    o.put("text", mention.text());
    o.put("created_at", Instant.ofEpochMilli(mention.at()).toString());
    o.put("source", "twitter");
    o.putObject("author").put("id", "u-" + mention.id());
    return o.toString();
  }

  private static void addReading(List<String> lines, R reading) {
    readings.add(reading);
    ObjectNode o = JSON.createObjectNode();
    o.put("brand", reading.brand());
    o.put("source", reading.source());
    o.put("account", reading.account());
    o.put("followers", reading.followers());
    o.put("at", Instant.ofEpochMilli(reading.at()).toString());
    lines.add(o.toString());
  }

  // ------------------------------------------------------------------ the SPEC's definitions, by
  // hand

  /** An account's last reading before {@code t}, or null. */
  private static Long lastBefore(String source, String account, long t) {
    R best = null;
    for (R x : readings) {
      if ((source == null || x.source().equals(source))
          && x.account().equals(account)
          && x.at() < t
          && (best == null || x.at() > best.at())) {
        best = x;
      }
    }
    return best == null ? null : best.followers();
  }

  /** {end, growth} of acme's accounts ({@code source} null for all) over [s, e), or null. */
  private static long[] followers(String source, long s, long e) {
    long end = 0;
    long growth = 0;
    boolean any = false;
    for (String src : List.of("instagram", "x")) {
      if (source != null && !source.equals(src)) {
        continue;
      }
      Long atEnd = lastBefore(src, "@acme", e);
      if (atEnd == null) {
        continue;
      }
      any = true;
      Long atStart = lastBefore(src, "@acme", s);
      if (atStart == null) { // first read in the window: growth counts from that reading
        atStart =
            readings.stream()
                .filter(x -> x.source().equals(src) && x.at() >= s)
                .min((a, b) -> Long.compare(a.at(), b.at()))
                .orElseThrow()
                .followers();
      }
      end += atEnd;
      growth += atEnd - atStart;
    }
    return any ? new long[] {end, growth} : null;
  }

  private static long mentionsOf(String word, long s, long e) {
    return mentions.stream()
        .filter(x -> x.text().startsWith(word) && x.at() >= s && x.at() < e)
        .count();
  }

  // ------------------------------------------------------------------ checks

  private static List<JsonNode> lines(Path dir, String file) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String l : Files.readAllLines(dir.resolve(file))) {
      out.add(JSON.readTree(l));
    }
    return out;
  }

  /** The latest revision of each key. */
  private static Map<String, JsonNode> latest(List<JsonNode> records, String... keyFields) {
    Map<String, JsonNode> out = new TreeMap<>();
    for (JsonNode n : records) {
      StringBuilder k = new StringBuilder();
      for (String f : keyFields) {
        k.append(n.get(f).asText()).append('|');
      }
      JsonNode seen = out.get(k.toString());
      if (seen == null || seen.get("revision").asInt() < n.get("revision").asInt()) {
        out.put(k.toString(), n);
      }
    }
    return out;
  }

  @Test
  void followersTargetsAndPaceAlertsFollowTheSpecAndReplayIsByteIdentical() throws Exception {
    Path a = DIR.resolve("a");
    Path b = DIR.resolve("b");
    JsonNode summary = JSON.valueToTree(ReplayJob.run(mentionsFile, readingsFile, a, config, null));
    ReplayJob.run(mentionsFile, readingsFile, b, config, null);
    for (String f :
        List.of(
            ReplayJob.KPI_FILE,
            ReplayJob.ENRICHED_FILE,
            ReplayJob.ALERTS_FILE,
            ReplayJob.TARGETS_FILE,
            ReplayJob.DEAD_LETTER_FILE,
            ReplayJob.SUMMARY_FILE)) {
      assertThat(Files.readAllBytes(b.resolve(f)))
          .as(f)
          .isEqualTo(Files.readAllBytes(a.resolve(f)));
    }

    // bad readings: dead-lettered with their reason and line, counted
    List<JsonNode> dead = lines(a, ReplayJob.DEAD_LETTER_FILE);
    assertThat(dead)
        .extracting(d -> d.get("error").asText() + " " + d.get("origin").get("file").asText())
        .containsExactlyInAnyOrder(
            "wrong_type account-stats.jsonl", "unknown_brand account-stats.jsonl");
    assertThat(summary.get("dead_lettered").get("by_reason").get("unknown_brand").asLong())
        .isEqualTo(1);
    assertThat(summary.get("account_readings").asLong()).isEqualTo(readings.size() + 1);

    // followers per day window, all sources and per source
    List<JsonNode> kpis = lines(a, ReplayJob.KPI_FILE);
    Map<String, JsonNode> kpi = latest(kpis, "brand", "window", "start", "source");
    int checked = 0;
    for (JsonNode r : kpi.values()) {
      if (!r.get("brand").asText().equals("acme")) {
        assertThat(r.has("followers")).as("globex has no accounts").isFalse();
        continue;
      }
      long s = Instant.parse(r.get("start").asText()).toEpochMilli();
      long e = Instant.parse(r.get("end").asText()).toEpochMilli();
      String source = r.get("source").asText();
      long[] want = followers(source.equals("*") ? null : source, s, e);
      if (source.equals("twitter")) {
        continue; // no account on twitter
      }
      if (want == null) {
        assertThat(r.has("followers")).as(r.toString()).isFalse();
      } else {
        assertThat(r.get("followers").get("end").asLong()).as(r.toString()).isEqualTo(want[0]);
        assertThat(r.get("followers").get("growth").asLong()).as(r.toString()).isEqualTo(want[1]);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(100);
    // the late reading and the late mention re-emitted windows that had gone out
    assertThat(kpis)
        .anySatisfy(
            r -> {
              assertThat(r.get("window").asText()).isEqualTo("1h");
              assertThat(r.get("start").asText()).isEqualTo("2026-01-31T13:00:00Z"); // 20:00 local
              assertThat(r.get("revision").asInt()).isEqualTo(2);
              assertThat(r.get("mentions").asLong()).isEqualTo(2);
            });
    assertThat(kpis)
        .anySatisfy(
            r -> {
              assertThat(r.get("window").asText() + r.get("source").asText()).isEqualTo("1hx");
              assertThat(r.get("start").asText()).isEqualTo("2026-01-31T13:00:00Z");
              assertThat(r.get("followers").get("end").asLong()).isEqualTo(2_990);
            });

    // target progress: every key's latest revision, from the definitions of SPEC §4d
    List<JsonNode> targets = lines(a, ReplayJob.TARGETS_FILE);
    Map<String, JsonNode> progress = latest(targets, "brand", "metric", "period", "start");
    assertThat(progress.keySet())
        .containsExactly(
            "acme|followers.growth|month|2025-12-31T17:00:00Z|",
                "acme|followers.growth|month|2026-01-31T17:00:00Z|",
            "globex|mentions|week|2026-01-25T17:00:00Z|",
                "globex|mentions|week|2026-02-01T17:00:00Z|");
    for (JsonNode t : progress.values()) {
      long s = Instant.parse(t.get("start").asText()).toEpochMilli();
      long e = Instant.parse(t.get("end").asText()).toEpochMilli();
      long asOf = Instant.parse(t.get("as_of").asText()).toEpochMilli();
      ZonedDateTime localStart = Instant.ofEpochMilli(s).atZone(ZONE);
      boolean month = t.get("period").asText().equals("month");
      assertThat(localStart.toLocalTime().toSecondOfDay()).isZero();
      assertThat(Instant.ofEpochMilli(e).atZone(ZONE))
          .isEqualTo(month ? localStart.plusMonths(1) : localStart.plusWeeks(1));
      double target;
      long actual;
      if (month) {
        target = localStart.getMonthValue() == 2 ? 800 : 600; // raised from 1 February
        long[] f = followers(null, s, asOf);
        actual = f == null ? 0 : f[1];
      } else {
        assertThat(localStart.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
        target = 60;
        actual = mentionsOf("globex", s, asOf);
      }
      double elapsed = (double) (asOf - s) / (e - s);
      double expected = target * elapsed;
      assertThat(t.get("target").asDouble()).as(t.toString()).isEqualTo(target);
      assertThat(t.get("actual").asLong()).as(t.toString()).isEqualTo(actual);
      assertThat(t.get("expected_by_now").asDouble())
          .as(t.toString())
          .isCloseTo(expected, within(0.05));
      assertThat(t.get("pace").asDouble())
          .as(t.toString())
          .isCloseTo(actual / expected, within(0.0005));
      assertThat(t.get("projected").asDouble())
          .as(t.toString())
          .isCloseTo(actual / elapsed, within(0.05));
      assertThat(t.get("status").asText())
          .isEqualTo(actual >= target ? "met" : actual / expected >= 1 ? "on_track" : "behind");
    }
    // revisions count up by one per key, and late data revised January's followers progress
    Map<String, Integer> last = new LinkedHashMap<>();
    for (JsonNode t : targets) {
      String k = t.get("brand").asText() + t.get("metric").asText() + t.get("start").asText();
      assertThat(t.get("revision").asInt()).isEqualTo(last.getOrDefault(k, 0) + 1);
      last.put(k, t.get("revision").asInt());
    }

    // the weekly mentions target falls behind: the pace alert carries the figures of the targets
    // output
    List<JsonNode> alerts = lines(a, ReplayJob.ALERTS_FILE);
    JsonNode firing =
        alerts.stream()
            .filter(x -> x.get("status").asText().equals("firing"))
            .findFirst()
            .orElseThrow();
    assertThat(firing.get("type").asText()).isEqualTo("target_pace");
    assertThat(firing.get("brand").asText()).isEqualTo("globex");
    String firedAt = firing.get("end").asText();
    long firedMs = Instant.parse(firedAt).toEpochMilli();
    long weekStart = Instant.parse("2026-01-25T17:00:00Z").toEpochMilli();
    long weekEnd = weekStart + ChronoUnit.WEEKS.getDuration().toMillis();
    assertThat(firing.get("observed").asDouble())
        .isEqualTo(mentionsOf("globex", weekStart, firedMs));
    assertThat(firing.get("expected").asDouble())
        .isCloseTo(60.0 * (firedMs - weekStart) / (weekEnd - weekStart), within(0.05));
    // the targets output said the same: its last globex record before the alert has the alert's
    // actual
    JsonNode before =
        targets.stream()
            .filter(
                t ->
                    t.get("brand").asText().equals("globex")
                        && t.get("start").asText().equals("2026-01-25T17:00:00Z")
                        && Instant.parse(t.get("as_of").asText()).toEpochMilli() <= firedMs)
            .reduce((x, y) -> y)
            .orElseThrow();
    assertThat(before.get("actual").asDouble()).isEqualTo(firing.get("observed").asDouble());
    assertThat(before.get("status").asText()).isEqualTo("behind");
  }
}
