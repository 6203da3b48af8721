package dev.pantau.flink.report;

import dev.pantau.flink.io.OutputJson;
import dev.pantau.flink.job.kpi.KpiRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A replay output folder written with the job's own JSON writer: two brands of one group and one
 * without, hourly and daily windows over some days, a few keys re-emitted with a higher revision,
 * and alerts. Tests compare a report against {@link #latest()}, the records a consumer's upsert
 * keeps.
 */
final class ReplayFixture {
  static final Instant FIRST_DAY = Instant.parse("2026-11-01T00:00:00Z");
  static final int DAYS = 14;

  final Path dir;
  final List<KpiRecord> written = new ArrayList<>();

  private ReplayFixture(Path dir) {
    this.dir = dir;
  }

  static ReplayFixture write(Path dir, long seed) throws IOException {
    ReplayFixture f = new ReplayFixture(dir);
    Random random = new Random(seed);
    List<String> lines = new ArrayList<>();
    for (int day = 0; day < DAYS; day++) {
      Instant dayStart = FIRST_DAY.plus(Duration.ofDays(day));
      for (int hour = 0; hour < 24; hour += 6) {
        Instant start = dayStart.plus(Duration.ofHours(hour));
        f.windowOfBrands(random, "1h", start, Duration.ofHours(1), lines);
      }
      f.windowOfBrands(random, "1d", dayStart, Duration.ofDays(1), lines);
    }
    // late data: some keys come again with a higher revision, which must win
    List<KpiRecord> firsts = new ArrayList<>(f.written);
    for (int i = 0; i < firsts.size(); i += 7) {
      KpiRecord again = copy(firsts.get(i));
      again.revision = 2;
      again.mentions += 1 + random.nextInt(5);
      again.likes += 3;
      again.engagementTotal += 3;
      f.written.add(again);
      lines.add(OutputJson.kpi(again));
    }
    Files.write(dir.resolve("kpi-series.jsonl"), lines, StandardCharsets.UTF_8);
    Files.write(dir.resolve("alerts.jsonl"), f.alerts(), StandardCharsets.UTF_8);
    return f;
  }

  private void windowOfBrands(
      Random random, String window, Instant start, Duration length, List<String> lines) {
    String[] brands = {"telkomsel", "indosat", "kopi-kenangan"};
    Map<String, KpiRecord> records = new LinkedHashMap<>();
    for (String brand : brands) {
      KpiRecord r = new KpiRecord();
      r.brand = brand;
      r.group = brand.equals("kopi-kenangan") ? null : "telco-id";
      r.window = window;
      r.start = start.toEpochMilli();
      r.end = start.plus(length).toEpochMilli();
      r.source = "*";
      r.mentions = random.nextInt(500);
      r.uniqueAuthors = r.mentions / 2;
      r.reach = random.nextInt(1_000_000);
      r.impressions = random.nextInt(2_000_000);
      r.likes = random.nextInt(900);
      r.comments = random.nextInt(90);
      r.shares = random.nextInt(50);
      r.engagementTotal = r.likes + r.comments + r.shares;
      r.sentimentPositive = (long) random.nextInt(100);
      r.sentimentNeutral = (long) random.nextInt(100);
      r.sentimentNegative = (long) random.nextInt(100);
      r.sentimentUnscored = (long) random.nextInt(10);
      long scored = r.sentimentPositive + r.sentimentNeutral + r.sentimentNegative;
      r.sentimentNet =
          scored == 0
              ? null
              : OutputJson.round3((double) (r.sentimentPositive - r.sentimentNegative) / scored);
      r.sentimentMean = scored == 0 ? null : OutputJson.round3(random.nextDouble() * 2 - 1);
      if (random.nextBoolean()) {
        r.topics.put("purchase-intent", (long) random.nextInt(20));
      }
      r.revision = 1;
      records.put(brand, r);
    }
    long group = records.get("telkomsel").mentions + records.get("indosat").mentions;
    for (KpiRecord r : records.values()) {
      if (r.group != null && group > 0) {
        r.shareOfVoice = OutputJson.round3((double) r.mentions / group);
      }
      written.add(r);
      lines.add(OutputJson.kpi(r));
    }
  }

  /**
   * A spike alert on each brand's busiest hour, fired then resolved, so its latest status is
   * "resolved"; the first brand's stays firing.
   */
  private List<String> alerts() {
    List<String> lines = new ArrayList<>();
    Map<String, KpiRecord> busiest = new LinkedHashMap<>();
    for (KpiRecord r : latest().values()) {
      if (r.window.equals("1h")) {
        busiest.merge(r.brand, r, (a, b) -> b.mentions > a.mentions ? b : a);
      }
    }
    boolean first = true;
    for (KpiRecord r : busiest.values()) {
      String id = "mention-spike|" + r.brand + "|1h|" + OutputJson.utc(r.start);
      String fields =
          "\"rule\":\"mention-spike\",\"type\":\"spike\",\"brand\":\""
              + r.brand
              + "\",\"severity\":\"warning\",\"metric\":\"mentions\",\"window\":\"1h\",\"start\":\""
              + OutputJson.utc(r.start)
              + "\",\"end\":\""
              + OutputJson.utc(r.end)
              + "\",\"observed\":"
              + r.mentions
              + ",\"expected\":"
              + (r.mentions / 4.0)
              + ",\"score\":5.5,\"message\":\""
              + r.brand
              + " mentions "
              + r.mentions
              + "\",\"top_terms\":[\"sinyal\",\"gangguan\"]";
      lines.add("{\"id\":\"" + id + "\",\"status\":\"firing\"," + fields + "}");
      if (!first) {
        lines.add("{\"id\":\"" + id + "\",\"status\":\"resolved\"," + fields + "}");
      }
      first = false;
      alerts.put(id, r);
    }
    return lines;
  }

  /** The alerts written, by id, with the KPI record each fired on. */
  final Map<String, KpiRecord> alerts = new LinkedHashMap<>();

  /** The latest revision of each key, as an upsert keeps them. */
  Map<String, KpiRecord> latest() {
    Map<String, KpiRecord> latest = new LinkedHashMap<>();
    for (KpiRecord r : written) {
      latest.merge(r.upsertKey(), r, (a, b) -> b.revision >= a.revision ? b : a);
    }
    return latest;
  }

  static KpiRecord copy(KpiRecord r) {
    KpiRecord c = new KpiRecord();
    c.brand = r.brand;
    c.group = r.group;
    c.window = r.window;
    c.start = r.start;
    c.end = r.end;
    c.source = r.source;
    c.mentions = r.mentions;
    c.uniqueAuthors = r.uniqueAuthors;
    c.reach = r.reach;
    c.impressions = r.impressions;
    c.likes = r.likes;
    c.comments = r.comments;
    c.shares = r.shares;
    c.engagementTotal = r.engagementTotal;
    c.sentimentPositive = r.sentimentPositive;
    c.sentimentNeutral = r.sentimentNeutral;
    c.sentimentNegative = r.sentimentNegative;
    c.sentimentUnscored = r.sentimentUnscored;
    c.sentimentNet = r.sentimentNet;
    c.sentimentMean = r.sentimentMean;
    c.shareOfVoice = r.shareOfVoice;
    c.topics.putAll(r.topics);
    c.revision = r.revision;
    return c;
  }
}
