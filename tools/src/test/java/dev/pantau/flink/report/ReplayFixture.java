package dev.pantau.flink.report;

import dev.pantau.flink.io.OutputJson;
import dev.pantau.flink.job.advocacy.AdvocacyRow;
import dev.pantau.flink.job.copies.Lead;
import dev.pantau.flink.job.kpi.KpiRecord;
import dev.pantau.flink.job.targets.TargetRecord;
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
      KpiRecord again = firsts.get(i).copy();
      again.revision = 2;
      again.mentions += 1 + random.nextInt(5);
      again.likes += 3;
      again.engagementTotal += 3;
      f.written.add(again);
      lines.add(OutputJson.kpi(again));
    }
    Files.write(dir.resolve("kpi-series.jsonl"), lines, StandardCharsets.UTF_8);
    Files.write(dir.resolve("alerts.jsonl"), f.alerts(), StandardCharsets.UTF_8);
    Files.write(dir.resolve("leads.jsonl"), f.leads(random), StandardCharsets.UTF_8);
    Files.write(dir.resolve("advocacy.jsonl"), f.advocacy(random), StandardCharsets.UTF_8);
    Files.write(dir.resolve("targets.jsonl"), f.targets(random), StandardCharsets.UTF_8);
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
      r.leads = random.nextInt(30);
      r.copies = random.nextInt(10);
      if (!brand.equals("kopi-kenangan")) {
        // owned accounts only for the telcos: the coffee brand's followers stay absent
        long base = brand.equals("telkomsel") ? 2_500_000 : 1_300_000;
        r.followersGrowth = (long) random.nextInt(400) - 50;
        r.followersEnd = base + (start.toEpochMilli() - FIRST_DAY.toEpochMilli()) / 60_000;
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

  /** The leads written, the key of each (source, id, brand) once. */
  final Map<String, Lead> leads = new LinkedHashMap<>();

  /** Every advocacy record written, revisions included. */
  final List<AdvocacyRow> advocacy = new ArrayList<>();

  /** Every target record written, revisions included. */
  final List<TargetRecord> targets = new ArrayList<>();

  private List<String> leads(Random random) {
    List<String> lines = new ArrayList<>();
    String[] brands = {"telkomsel", "indosat", "kopi-kenangan"};
    for (int i = 0; i < 300; i++) {
      Lead l = new Lead();
      l.id = "tw:" + (1000 + i);
      l.source = "twitter";
      l.brand = brands[random.nextInt(brands.length)];
      l.topics = random.nextBoolean() ? List.of("purchase-intent") : List.of("price-question");
      l.authorHandle = "@lead" + i;
      l.authorFollowers = random.nextInt(10) == 0 ? null : (long) random.nextInt(50_000);
      l.text = "mau beli " + l.brand + " harga berapa " + i;
      l.url = "https://x.com/lead" + i + "/status/" + i;
      l.createdAt = FIRST_DAY.toEpochMilli() + (long) (random.nextDouble() * DAYS * 86_400_000L);
      l.lang = "id";
      l.sentiment = "neutral";
      leads.put(l.key(), l);
      lines.add(OutputJson.lead(l));
      if (i % 50 == 0) {
        // a re-delivery (a topic read again) is the same lead, not a second one
        lines.add(OutputJson.lead(l));
      }
    }
    return lines;
  }

  /**
   * Leaderboards of two brands, per week (from Monday 26 October) and per month, three employees
   * each; every board written in three revisions whose counts grow, ranked by points.
   */
  private List<String> advocacy(Random random) {
    List<String> lines = new ArrayList<>();
    List<long[]> periods = new ArrayList<>();
    Instant monday = Instant.parse("2026-10-26T00:00:00Z");
    for (int w = 0; w < 4; w++) {
      periods.add(
          new long[] {
            0,
            monday.plus(Duration.ofDays(7L * w)).toEpochMilli(),
            monday.plus(Duration.ofDays(7L * w + 7)).toEpochMilli()
          });
    }
    periods.add(
        new long[] {
          1,
          Instant.parse("2026-11-01T00:00:00Z").toEpochMilli(),
          Instant.parse("2026-12-01T00:00:00Z").toEpochMilli()
        });
    for (String brand : List.of("telkomsel", "indosat")) {
      for (long[] p : periods) {
        List<AdvocacyRow> board = new ArrayList<>();
        for (int e = 0; e < 3; e++) {
          AdvocacyRow r = new AdvocacyRow();
          r.brand = brand;
          r.period = p[0] == 0 ? "week" : "month";
          r.start = p[1];
          r.end = p[2];
          r.employee = "@" + brand + "_staff" + e;
          board.add(r);
        }
        for (int revision = 1; revision <= 3; revision++) {
          for (AdvocacyRow r : board) {
            r.posts += 1 + random.nextInt(5);
            r.copies = random.nextInt(2);
            r.originalPosts = r.posts - r.copies;
            r.reach = 1000 + random.nextInt(4000);
            r.likes += random.nextInt(200);
            r.comments += random.nextInt(20);
            r.shares += random.nextInt(10);
            r.engagementTotal = r.likes + r.comments + r.shares;
            r.points =
                OutputJson.round1(
                    r.posts * 10
                        + r.originalPosts * 5
                        + r.likes * 0.1
                        + r.comments * 0.5
                        + r.shares
                        - r.copies * 10);
            r.revision = revision;
          }
          List<AdvocacyRow> ranked = new ArrayList<>(board);
          ranked.sort((a, b) -> Double.compare(b.points, a.points));
          for (int i = 0; i < ranked.size(); i++) {
            ranked.get(i).rank = i + 1;
          }
          for (AdvocacyRow r : board) {
            AdvocacyRow c = copy(r);
            advocacy.add(c);
            lines.add(OutputJson.advocacy(c));
          }
        }
      }
    }
    return lines;
  }

  private static AdvocacyRow copy(AdvocacyRow r) {
    AdvocacyRow c = new AdvocacyRow();
    c.brand = r.brand;
    c.period = r.period;
    c.start = r.start;
    c.end = r.end;
    c.employee = r.employee;
    c.posts = r.posts;
    c.originalPosts = r.originalPosts;
    c.copies = r.copies;
    c.reach = r.reach;
    c.likes = r.likes;
    c.comments = r.comments;
    c.shares = r.shares;
    c.engagementTotal = r.engagementTotal;
    c.points = r.points;
    c.rank = r.rank;
    c.revision = r.revision;
    return c;
  }

  /**
   * Monthly targets of two brands (mentions and follower growth, October and November), a revision
   * every six hours of the fixture's days as the actual grows, figured as SPEC §4d says.
   */
  private List<String> targets(Random random) {
    List<String> lines = new ArrayList<>();
    long[][] months = {
      {
        Instant.parse("2026-10-01T00:00:00Z").toEpochMilli(),
        Instant.parse("2026-11-01T00:00:00Z").toEpochMilli()
      },
      {FIRST_DAY.toEpochMilli(), Instant.parse("2026-12-01T00:00:00Z").toEpochMilli()}
    };
    for (String brand : List.of("telkomsel", "indosat")) {
      for (String metric : List.of("mentions", "followers.growth")) {
        for (long[] month : months) {
          long actual = 0;
          int revision = 0;
          double goal = metric.equals("mentions") ? 20_000 : 1_000;
          for (long asOf = Math.max(month[0], FIRST_DAY.toEpochMilli() - 86_400_000L);
              asOf <= Math.min(month[1], FIRST_DAY.toEpochMilli() + DAYS * 86_400_000L);
              asOf += 6 * 3_600_000L) {
            actual += random.nextInt(metric.equals("mentions") ? 600 : 40);
            TargetRecord t = new TargetRecord();
            t.brand = brand;
            t.metric = metric;
            t.period = "month";
            t.start = month[0];
            t.end = month[1];
            t.asOf = asOf;
            t.target = goal;
            t.actual = actual;
            double elapsed = (double) (asOf - month[0]) / (month[1] - month[0]);
            t.expectedByNow = goal * elapsed;
            t.pace = elapsed == 0 ? null : actual / t.expectedByNow;
            t.projected = elapsed == 0 ? null : actual / elapsed;
            t.status =
                actual >= goal ? "met" : t.pace != null && t.pace >= 0.8 ? "on_track" : "behind";
            t.revision = ++revision;
            targets.add(t);
            lines.add(OutputJson.target(t));
          }
        }
      }
    }
    return lines;
  }
}
