package dev.pantau.flink.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pantau.flink.cli.PantauCli;
import dev.pantau.flink.io.OutputJson;
import dev.pantau.flink.job.kpi.KpiRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./pantau report --output FILE.html} parsed with jsoup and checked against the KPI records
 * it came from.
 */
class ReportHtmlTest {
  @TempDir Path dir;

  @Test
  void headlinesAgainstThePreviousPeriodShareOfVoiceAlertsAndTopMentions() throws Exception {
    ReplayFixture fixture = ReplayFixture.write(dir, 3);
    List<long[]> mentions = writeEnriched(dir, new Random(5), new java.util.HashMap<>());
    LocalDate from = LocalDate.of(2026, 11, 8);
    LocalDate to = LocalDate.of(2026, 11, 14);
    Path html = dir.resolve("report.html");
    assertThat(
            PantauCli.execute(
                "report",
                "--input",
                dir.toString(),
                "--from",
                from.toString(),
                "--to",
                to.toString(),
                "--output",
                html.toString()))
        .isZero();

    Document doc = Jsoup.parse(Files.readString(html, StandardCharsets.UTF_8));
    ReportPeriod period = new ReportPeriod(from, to, ZoneOffset.UTC);
    for (String brand : List.of("telkomsel", "indosat", "kopi-kenangan")) {
      Element row = doc.selectFirst("table.headlines tr[data-brand=" + brand + "]");
      assertThat(row).as(brand).isNotNull();
      Sums now = Sums.of(fixture, brand, period);
      Sums before = Sums.of(fixture, brand, period.previous());
      assertThat(value(row, "mentions", "data-value")).isEqualTo(now.mentions);
      assertThat(value(row, "mentions", "data-previous")).isEqualTo(before.mentions);
      assertThat(value(row, "reach", "data-value")).isEqualTo(now.reach);
      assertThat(value(row, "engagement", "data-value")).isEqualTo(now.engagement);
      assertThat(value(row, "engagement", "data-previous")).isEqualTo(before.engagement);
      assertThat(value(row, "sentiment_net", "data-value")).isCloseTo(now.net(), within(1e-6));
      assertThat(value(row, "leads", "data-value")).isEqualTo(now.leads);
      assertThat(value(row, "leads", "data-previous")).isEqualTo(before.leads);
      Element followers = row.selectFirst("td[data-metric=followers]");
      if (brand.equals("kopi-kenangan")) {
        assertThat(followers.attr("data-value")).as("no owned accounts: absent").isEmpty();
        assertThat(followers.selectFirst(".value").text()).isEqualTo("–");
      } else {
        assertThat(Long.parseLong(followers.attr("data-value"))).isEqualTo(now.followersEnd);
        assertThat(Long.parseLong(followers.attr("data-previous"))).isEqualTo(before.followersEnd);
        assertThat(followers.selectFirst(".change").text())
            .isEqualTo(
                String.format(
                    java.util.Locale.ROOT,
                    "%+.1f%%",
                    100.0 * (now.followersEnd - before.followersEnd) / before.followersEnd));
      }
      String change = row.selectFirst("td[data-metric=mentions] .change").text();
      assertThat(change)
          .isEqualTo(
              String.format(
                  java.util.Locale.ROOT,
                  "%+.1f%%",
                  100.0 * (now.mentions - before.mentions) / before.mentions));
      Element sov = row.selectFirst("td[data-metric=share_of_voice]");
      if (brand.equals("kopi-kenangan")) {
        assertThat(sov.attr("data-value")).isEmpty();
      } else {
        double group =
            Sums.of(fixture, "telkomsel", period).mentions
                + Sums.of(fixture, "indosat", period).mentions;
        assertThat(Double.parseDouble(sov.attr("data-value")))
            .isCloseTo(now.mentions / group, within(1e-6));
        double groupBefore =
            Sums.of(fixture, "telkomsel", period.previous()).mentions
                + Sums.of(fixture, "indosat", period.previous()).mentions;
        double points = 100 * (now.mentions / group - before.mentions / groupBefore);
        assertThat(sov.selectFirst(".change").text())
            .isEqualTo(String.format(java.util.Locale.ROOT, "%+.1f pp", points));
      }
    }

    assertThat(doc.select(".sov[data-group=telco-id] svg rect")).hasSize(2);
    assertThat(doc.select("figure.chart svg polyline[data-series]")).hasSize(6);
    assertThat(doc.select(".legend li").eachText())
        .contains("telkomsel", "indosat", "kopi-kenangan");

    long alertsInPeriod =
        fixture.alerts.values().stream()
            .filter(r -> period.contains(Instant.ofEpochMilli(r.start)))
            .count();
    assertThat(alertsInPeriod).as("the fixture fires alerts inside the period").isPositive();
    assertThat(doc.select("table.alerts tbody tr")).hasSize((int) alertsInPeriod);
    doc.select("table.alerts tbody tr")
        .forEach(tr -> assertThat(tr.selectFirst(".terms").text()).isEqualTo("sinyal, gangguan"));

    List<long[]> inPeriod =
        mentions.stream().filter(m -> period.contains(Instant.ofEpochMilli(m[0]))).toList();
    List<Long> topReach =
        inPeriod.stream().map(m -> m[1]).sorted(Comparator.reverseOrder()).limit(10).toList();
    Element reachTable = doc.select("table.mentions").get(0);
    assertThat(
            reachTable.select("td.num").eachAttr("data-value").stream()
                .map(Long::parseLong)
                .toList())
        .isEqualTo(topReach);
    List<Long> topEngagement =
        inPeriod.stream()
            .map(m -> m[2])
            .filter(e -> e > 0)
            .sorted(Comparator.reverseOrder())
            .limit(10)
            .toList();
    Element engagementTable = doc.select("table.mentions").get(1);
    assertThat(
            engagementTable.select("td.num").eachAttr("data-value").stream()
                .map(Long::parseLong)
                .toList())
        .isEqualTo(topEngagement);

    // self-contained and printable
    assertThat(doc.select("script, link, img, iframe")).isEmpty();
    assertThat(doc.selectFirst("style").data()).contains("@media print").contains("size:A4");
  }

  @Test
  void targetsAsOfThePeriodsEndTheWeeklyLeaderboardLeadsAndCopyBursts() throws Exception {
    ReplayFixture fixture = ReplayFixture.write(dir, 8);
    java.util.Map<String, List<long[]>> copies = new java.util.HashMap<>();
    writeEnriched(dir, new Random(9), copies);
    LocalDate from = LocalDate.of(2026, 11, 8);
    LocalDate to = LocalDate.of(2026, 11, 14);
    Path html = dir.resolve("sections.html");
    assertThat(
            PantauCli.execute(
                "report",
                "--input",
                dir.toString(),
                "--from",
                from.toString(),
                "--to",
                to.toString(),
                "--output",
                html.toString()))
        .isZero();
    Document doc = Jsoup.parse(Files.readString(html, StandardCharsets.UTF_8));
    ReportPeriod period = new ReportPeriod(from, to, ZoneOffset.UTC);
    long end = period.end().toEpochMilli();

    // targets: November's (October's ended before the period), figures as of the period's end
    java.util.Map<String, dev.pantau.flink.job.targets.TargetRecord> asOfEnd =
        new java.util.TreeMap<>();
    for (var t : fixture.targets) {
      if (t.start < end && t.end > period.start().toEpochMilli() && t.asOf <= end) {
        asOfEnd.merge(t.brand + "|" + t.metric, t, (a, b) -> b.revision > a.revision ? b : a);
      }
    }
    assertThat(asOfEnd).hasSize(4);
    assertThat(doc.select("table.targets tbody tr")).hasSize(4);
    for (var t : asOfEnd.values()) {
      assertThat(t.asOf).as("figures newer than the period exist").isLessThan(t.end);
      Element tr =
          doc.selectFirst(
              "table.targets tr[data-brand=" + t.brand + "][data-metric=" + t.metric + "]");
      assertThat(Long.parseLong(field(tr, "actual"))).isEqualTo(t.actual);
      assertThat(Double.parseDouble(field(tr, "target"))).isEqualTo(t.target);
      assertThat(Double.parseDouble(field(tr, "pace")))
          .isCloseTo(OutputJson.round3(t.pace), within(1e-9));
      assertThat(tr.className()).isEqualTo("status-" + t.status);
    }

    // the leaderboard of the weeks the period overlaps, in rank order of the latest revision
    java.util.Map<String, dev.pantau.flink.job.advocacy.AdvocacyRow> latest =
        new java.util.TreeMap<>();
    for (var r : fixture.advocacy) {
      if (r.period.equals("week") && r.start < end && r.end > period.start().toEpochMilli()) {
        latest.merge(r.key(), r, (a, b) -> b.revision > a.revision ? b : a);
      }
    }
    var boards = doc.select("table.leaderboard");
    assertThat(boards).hasSize(4).allMatch(t -> t.attr("data-period").equals("week"));
    for (Element board : boards) {
      List<dev.pantau.flink.job.advocacy.AdvocacyRow> want =
          latest.values().stream()
              .filter(
                  r ->
                      r.brand.equals(board.attr("data-brand"))
                          && OutputJson.utc(r.start).equals(board.attr("data-start")))
              .sorted(Comparator.comparingDouble(r -> -r.points))
              .toList();
      assertThat(board.select("tbody tr").eachAttr("data-employee"))
          .isEqualTo(want.stream().map(r -> r.employee).toList());
      assertThat(board.select("td[data-field=points]").eachAttr("data-value"))
          .map(Double::parseDouble)
          .isEqualTo(want.stream().map(r -> r.points).toList());
      assertThat(board.select("td[data-field=posts]").eachAttr("data-value"))
          .map(Long::parseLong)
          .isEqualTo(want.stream().map(r -> r.posts).toList());
    }

    // a period of a month or more shows the monthly leaderboards
    Path month = dir.resolve("month.html");
    assertThat(
            PantauCli.execute(
                "report",
                "--input",
                dir.toString(),
                "--from",
                "2026-11-01",
                "--to",
                "2026-11-30",
                "--output",
                month.toString()))
        .isZero();
    assertThat(
            Jsoup.parse(Files.readString(month, StandardCharsets.UTF_8))
                .select("table.leaderboard")
                .eachAttr("data-period"))
        .containsExactly("month", "month");

    // leads: counted once per source, id and brand; the top ten by the author's audience
    List<dev.pantau.flink.job.copies.Lead> leads =
        fixture.leads.values().stream()
            .filter(l -> period.contains(Instant.ofEpochMilli(l.createdAt)))
            .toList();
    for (String brand : List.of("telkomsel", "indosat", "kopi-kenangan")) {
      assertThat(field(doc.selectFirst("table.lead-counts tr[data-brand=" + brand + "]"), "leads"))
          .isEqualTo(Long.toString(leads.stream().filter(l -> l.brand.equals(brand)).count()));
    }
    assertThat(doc.select("table.leads td[data-field=followers]").eachAttr("data-value"))
        .map(Long::parseLong)
        .isEqualTo(
            leads.stream()
                .filter(l -> l.authorFollowers != null)
                .map(l -> l.authorFollowers)
                .sorted(Comparator.reverseOrder())
                .limit(10)
                .toList());

    // copy bursts: the copies in the period under their original, biggest first
    java.util.Map<String, long[]> bursts = new java.util.HashMap<>();
    copies.forEach(
        (original, list) -> {
          List<long[]> in =
              list.stream().filter(c -> period.contains(Instant.ofEpochMilli(c[0]))).toList();
          if (!in.isEmpty()) {
            bursts.put(
                original, new long[] {in.size() + 1, in.stream().mapToLong(c -> c[1]).sum()});
          }
        });
    assertThat(bursts).as("the fixture has copies in the period").hasSizeGreaterThan(2);
    var rows = doc.select("table.bursts tbody tr");
    assertThat(rows).hasSize(Math.min(10, bursts.size()));
    long previousSize = Long.MAX_VALUE;
    for (Element tr : rows) {
      long[] want = bursts.get(tr.attr("data-original"));
      assertThat(want).as(tr.attr("data-original")).isNotNull();
      assertThat(Long.parseLong(field(tr, "size")))
          .isEqualTo(want[0])
          .isLessThanOrEqualTo(previousSize);
      assertThat(Long.parseLong(field(tr, "authors"))).isEqualTo(want[0] - 1);
      assertThat(Long.parseLong(field(tr, "reach"))).isEqualTo(want[1]);
      previousSize = want[0];
    }
  }

  private static String field(Element row, String field) {
    return row.selectFirst("td[data-field=" + field + "]").attr("data-value");
  }

  private static double value(Element row, String metric, String attr) {
    return Double.parseDouble(row.selectFirst("td[data-metric=" + metric + "]").attr(attr));
  }

  /**
   * Enriched mentions of telkomsel over the fixture's days; returns (created_at, reach, engagement)
   * of each.
   */
  static List<long[]> writeEnriched(
      Path dir, Random random, java.util.Map<String, List<long[]>> copies) throws Exception {
    List<String> lines = new ArrayList<>();
    List<long[]> written = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      long at =
          ReplayFixture.FIRST_DAY.toEpochMilli()
              + (long) (random.nextDouble() * ReplayFixture.DAYS * 86_400_000L);
      long followers = random.nextInt(100_000);
      long likes = random.nextInt(300);
      long shares = random.nextInt(40);
      // bursts: in each run of 50 mentions, the first few after the first copy it (more each run)
      String copyOf = i % 50 > 0 && i % 50 <= i / 50 + 2 ? "tw:" + (i - i % 50) : null;
      if (copyOf != null) {
        copies.computeIfAbsent(copyOf, k -> new ArrayList<>()).add(new long[] {at, followers});
      }
      lines.add(
          "{\"id\":\"tw:"
              + i
              + "\",\"source\":\"twitter\",\"text\":\"sinyal <b>telkomsel</b> "
              + i
              + "\",\"created_at\":\""
              + OutputJson.utc(at)
              + "\",\"url\":\"https://x.com/a/"
              + i
              + "\",\"author\":{\"handle\":\"@u"
              + i
              + "\",\"followers\":"
              + followers
              + "},\"metrics\":{\"likes\":"
              + likes
              + ",\"shares\":"
              + shares
              + "},\"brands\":[\"telkomsel\"]"
              + (copyOf == null ? "" : ",\"copy_of\":\"" + copyOf + "\"")
              + "}");
      written.add(new long[] {at, followers, likes + shares});
    }
    Files.write(dir.resolve("mentions-enriched.jsonl"), lines, StandardCharsets.UTF_8);
    return written;
  }

  /** A brand's day windows of a period summed from the fixture's latest records. */
  private record Sums(
      long mentions,
      long reach,
      long engagement,
      long positive,
      long neutral,
      long negative,
      long leads,
      Long followersEnd) {
    static Sums of(ReplayFixture f, String brand, ReportPeriod period) {
      long m = 0, r = 0, e = 0, p = 0, n = 0, g = 0, l = 0;
      KpiRecord last = null;
      for (KpiRecord k : f.latest().values()) {
        if (k.brand.equals(brand)
            && k.window.equals("1d")
            && period.contains(Instant.ofEpochMilli(k.start))) {
          m += k.mentions;
          r += k.reach;
          e += k.engagementTotal;
          p += k.sentimentPositive;
          n += k.sentimentNeutral;
          g += k.sentimentNegative;
          l += k.leads;
          if (last == null || k.start > last.start) {
            last = k;
          }
        }
      }
      return new Sums(m, r, e, p, n, g, l, last == null ? null : last.followersEnd);
    }

    double net() {
      return (double) (positive - negative) / (positive + neutral + negative);
    }
  }
}
