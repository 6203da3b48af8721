package dev.pantau.flink.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pantau.flink.io.MentionWatermarks;
import dev.pantau.keywords.AdvocacyPoints;
import dev.pantau.keywords.KeywordSet;
import dev.pantau.keywords.KeywordSetLoader;
import dev.pantau.keywords.MatchResult;
import dev.pantau.keywords.MentionFields;
import dev.pantau.keywords.MentionMatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A hand-written scenario replayed: two brands of one group, a roster, a copy burst by employees
 * and one by bots (one of its copies arriving late), one author repeating himself, reposts,
 * employees flagged by their platform, leads in English and Indonesian. The expected copies, leads,
 * KPI counts, participation and leaderboard are worked out here from SPEC §4, §4b, §4c and §6, with
 * none of the job's classes (the keyword matcher, tested on its own, says which brands and topics
 * match).
 */
class CopiesLeadsAdvocacyReplayITCase {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DIR = Paths.get("target", "copies-leads-advocacy-itcase");
  private static final Instant T0 = Instant.parse("2026-11-18T10:00:00Z");
  private static final String KEYWORDS =
      """
      brands:
        - id: acme
          name: Acme
          group: routers
          query: 'acme OR acmex5'
          employees: ["@ana_acme", "@ben_acme"]
        - id: bolt
          name: Bolt
          group: routers
          query: 'bolt'
          employees: ["@cara_bolt"]
      topics:
        - id: buy
          lead: true
          query: '"where can i buy" OR "mau beli" OR "harganya berapa"'
        - id: switching
          lead: true
          query: '"pindah dari" OR "switching to"'
        - id: launch
          query: 'launch OR launches'
      advocacy:
        points: {post: 10, original: 5, like: 0.1, comment: 0.5, share: 1, copy: -10}
      """;
  private static final String BOTS =
      "Get FREE Acme vouchers now, click the link before they run out";
  private static final String LAUNCH =
      "Acme launches the new X5 router today with faster wifi and longer range #acmeX5";
  private static final String LOUD = "acme is honestly the best router brand in the whole world";

  /**
   * The input lines, in file order (the late ones after the mention that moved the watermark past
   * them).
   */
  private static final List<ObjectNode> LINES = new ArrayList<>();

  private static KeywordSet keywords;
  private static Path input;

  private static void add(String id, double minute, String handle, String text) {
    add(id, minute, handle, text, null);
  }

  private static ObjectNode add(
      String id, double minute, String handle, String text, Map<String, Object> extra) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", id);
    o.put("source", "twitter");
    o.put("created_at", T0.plusMillis((long) (minute * 60_000)).toString());
    o.put("text", text);
    ObjectNode a = o.putObject("author");
    a.put("handle", handle);
    a.put("followers", 100 + LINES.size());
    if (extra != null) {
      extra.forEach(
          (k, v) -> {
            if (k.equals("employee")) {
              a.put("employee", (Boolean) v);
            } else if (k.equals("is_repost")) {
              o.put("is_repost", (Boolean) v);
            } else {
              o.with("metrics").put(k, ((Number) v).longValue());
            }
          });
    }
    LINES.add(o);
    return o;
  }

  @BeforeAll
  static void scenario() throws Exception {
    Files.createDirectories(DIR);
    Path kw = DIR.resolve("keywords.yaml");
    Files.writeString(kw, KEYWORDS);
    keywords = KeywordSetLoader.load(kw);
    // leads, English and Indonesian; an employee asking is no lead
    add("m01", 0.5, "@u1", "Where can I buy the Acme X5 router in Jakarta? Need it before Friday");
    add("m02", 1, "@u2", "mau beli router acme yang baru, harganya berapa ya di tokopedia?");
    add(
        "m03",
        2,
        "@ana_acme",
        "where can i buy acme gear? our store at Grand Indonesia has all of it");
    // a bot burst: URLs, emoji, punctuation and handles make no difference
    add("m04", 3, "@bot1", BOTS + " http://spam.example/a");
    add("m05", 3.5, "@bot2", BOTS + " 🔥 http://spam.example/b");
    add("m06", 4, "@bot3", BOTS + "!!!");
    add("m07", 8, "@bot4", "@acme " + BOTS);
    // the employees' burst: Ana first, Ben copy-pastes, Cara (Bolt's employee, so not Acme's) too
    add("m08", 10, "@ana_acme", LAUNCH, Map.of("likes", 20, "comments", 4, "shares", 2));
    add("m09", 11, "@ben_acme", LAUNCH, Map.of("likes", 2));
    add("m10", 12, "@cara_bolt", LAUNCH);
    add(
        "m11",
        13,
        "@fan1",
        LAUNCH.replace("#acmeX5", "#wifi")); // one word changed: 12 of 14 shingles
    // switching leads of both brands
    add("m12", 15, "@u5", "pindah dari Acme ke Bolt, sinyalnya jauh lebih stabil di rumah");
    add("m13", 16, "@u6", "Switching to Bolt after two years with Acme, the app is just better");
    // one author repeating himself, and reposts: no bursts
    for (int i = 0; i < 4; i++) {
      add("m14" + (char) ('a' + i), 20 + i, "@loud", LOUD);
    }
    for (int i = 1; i <= 3; i++) {
      add(
          "m15" + i,
          25 + i * 0.1,
          "@r" + i,
          "RT acme x5 review: fast, stable and the setup took five minutes",
          Map.of("is_repost", true));
    }
    // flagged by their platform, not listed: an employee of the one brand they mention, else of
    // none
    add(
        "m16",
        30,
        "@dave",
        "Proud of the Bolt team shipping the new mesh firmware this week",
        Map.of("employee", true, "likes", 10));
    add(
        "m17",
        31,
        "@erin",
        "Acme vs Bolt: which one is faster? we tested both at the office",
        Map.of("employee", true));
    add("m18", 40, "@u7", "acme router review: fast and stable, no complaints after a month");
    // replay moves the watermark every 1,000 records: chatter about neither brand moves it to 40:30
    for (int i = 0; i < MentionWatermarks.DEFAULT_REPLAY_RECORDS_PER_WATERMARK; i++) {
      add(
          "chatter" + i,
          41,
          "@someone" + i,
          "cuaca jakarta hari ini cerah sekali, enak buat jalan sore");
    }
    // late (behind the watermark): a copy of the bots' and a lead, both revising closed windows
    add("m19", 5, "@bot5", BOTS + " http://spam.example/c");
    add("m20", 6, "@u8", "harganya berapa paket acme buat kantor kecil?");
    input = DIR.resolve("scenario.jsonl");
    List<String> text = new ArrayList<>();
    for (ObjectNode o : LINES) {
      text.add(JSON.writeValueAsString(o));
    }
    Files.write(input, text);
  }

  @Test
  void copiesLeadsParticipationAndLeaderboardFollowTheSpecAndReplayIsByteIdentical()
      throws Exception {
    PipelineConfig config =
        PipelineConfig.defaults(keywords)
            .withAdvocacyPoints(AdvocacyPoints.load(DIR.resolve("keywords.yaml")));
    ReplayJob.run(input, DIR.resolve("a"), config);
    ReplayJob.run(input, DIR.resolve("b"), config);
    for (String f :
        List.of(
            ReplayJob.KPI_FILE,
            ReplayJob.ENRICHED_FILE,
            ReplayJob.LEADS_FILE,
            ReplayJob.ADVOCACY_FILE,
            ReplayJob.SUMMARY_FILE)) {
      assertThat(Files.readAllBytes(DIR.resolve("b").resolve(f)))
          .as(f)
          .isEqualTo(Files.readAllBytes(DIR.resolve("a").resolve(f)));
    }
    Path out = DIR.resolve("a");
    Oracle expected = new Oracle();

    // SPEC §6: copy_of, as last emitted per mention
    Map<String, String> copyOf = new TreeMap<>();
    for (JsonNode e : read(out.resolve(ReplayJob.ENRICHED_FILE))) {
      copyOf.put(e.get("id").asText(), e.has("copy_of") ? e.get("copy_of").asText() : null);
    }
    assertThat(copyOf).isEqualTo(expected.copyOfFirstBrand);
    assertThat(expected.copyOfFirstBrand)
        .containsEntry("m05", "m04")
        .containsEntry("m09", "m08")
        .containsEntry("m11", "m08")
        .containsEntry("m19", "m04")
        .containsEntry("m08", null)
        .containsEntry("m14d", null)
        .containsEntry("m153", null);

    // SPEC §4b: one lead per mention and brand, with its lead topics
    Set<String> leads = new TreeSet<>();
    for (JsonNode l : read(out.resolve(ReplayJob.LEADS_FILE))) {
      List<String> topics = new ArrayList<>();
      l.get("topics").forEach(t -> topics.add(t.asText()));
      leads.add(l.get("id").asText() + "|" + l.get("brand").asText() + "|" + topics);
    }
    assertThat(leads)
        .isEqualTo(expected.leads)
        .contains("m01|acme|[buy]", "m12|bolt|[switching]", "m20|acme|[buy]");

    // SPEC §4: copies and leads per 1m window of all sources (latest revision), participation per
    // hour
    Map<String, JsonNode> latest = new TreeMap<>();
    for (JsonNode k : read(out.resolve(ReplayJob.KPI_FILE))) {
      if (k.get("source").asText().equals("*")) {
        String key =
            k.get("brand").asText()
                + " "
                + k.get("window").asText()
                + " "
                + k.get("start").asText();
        if (!latest.containsKey(key)
            || latest.get(key).get("revision").asInt() < k.get("revision").asInt()) {
          latest.put(key, k);
        }
      }
    }
    Map<String, Long> copies = new TreeMap<>();
    Map<String, Long> leadCounts = new TreeMap<>();
    latest.forEach(
        (key, k) -> {
          if (key.contains(" 1m ")) {
            if (k.get("copies").asLong() > 0) {
              copies.put(key, k.get("copies").asLong());
            }
            if (k.get("leads").asLong() > 0) {
              leadCounts.put(key, k.get("leads").asLong());
            }
          }
        });
    assertThat(copies).isEqualTo(expected.copiesPerMinute);
    assertThat(leadCounts).isEqualTo(expected.leadsPerMinute);
    JsonNode acmeHour = latest.get("acme 1h 2026-11-18T10:00:00Z");
    assertThat(acmeHour.get("employee").get("participation").asDouble())
        .isEqualTo(1.0); // Ana and Ben of two
    assertThat(
            latest
                .get("bolt 1h 2026-11-18T10:00:00Z")
                .get("employee")
                .get("participation")
                .asDouble())
        .as("Cara posted about Acme only")
        .isEqualTo(0.0);
    // the late copy revised its closed minute
    assertThat(latest.get("acme 1m 2026-11-18T10:05:00Z").get("revision").asInt()).isGreaterThan(1);

    // SPEC §4c: the leaderboards as last emitted
    Map<String, String> board = new TreeMap<>();
    Map<String, Integer> revisions = new HashMap<>();
    for (JsonNode r : read(out.resolve(ReplayJob.ADVOCACY_FILE))) {
      String key =
          r.get("brand").asText()
              + " "
              + r.get("period").asText()
              + " "
              + r.get("employee").asText();
      if (revisions.getOrDefault(key, 0) < r.get("revision").asInt()) {
        revisions.put(key, r.get("revision").asInt());
        board.put(
            key,
            r.get("posts")
                + "/"
                + r.get("original_posts")
                + "/"
                + r.get("copies")
                + "/"
                + r.get("points").asDouble()
                + "/#"
                + r.get("rank"));
      }
    }
    assertThat(board).isEqualTo(expected.board);
    assertThat(board)
        .containsKeys("acme week @ana_acme", "acme week @ben_acme", "bolt week @dave")
        .doesNotContainKeys("acme week @cara_bolt", "acme week @erin", "bolt week @erin");
  }

  private static List<JsonNode> read(Path p) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(p)) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  /** The expected outputs, from the SPEC's definitions applied to the scenario's lines. */
  private static final class Oracle {
    final Map<String, String> copyOfFirstBrand = new TreeMap<>();
    final Set<String> leads = new TreeSet<>();
    final Map<String, Long> copiesPerMinute = new TreeMap<>();
    final Map<String, Long> leadsPerMinute = new TreeMap<>();
    final Map<String, String> board = new TreeMap<>();

    Oracle() throws Exception {
      List<Row> rows = new ArrayList<>();
      Set<String> listed = new HashSet<>();
      keywords.brands().forEach(b -> listed.addAll(b.employees()));
      try (MentionMatcher matcher = MentionMatcher.create(keywords)) {
        for (ObjectNode o : LINES) {
          Row r = new Row();
          r.id = o.get("id").asText();
          r.time = Instant.parse(o.get("created_at").asText()).toEpochMilli();
          r.text = o.get("text").asText();
          r.author = o.get("author").get("handle").asText().toLowerCase(Locale.ROOT);
          r.flagged = o.get("author").path("employee").asBoolean(false);
          r.repost = o.path("is_repost").asBoolean(false);
          r.metrics = o.path("metrics");
          MatchResult m = matcher.match(MentionFields.ofText(r.text));
          r.brands = m.brands();
          r.leadTopics =
              m.topics().stream().filter(t -> keywords.topic(t).orElseThrow().lead()).toList();
          rows.add(r);
        }
      }
      rows.sort(Comparator.comparingLong((Row r) -> r.time).thenComparing(r -> r.id));
      for (Row r : rows) {
        for (String brand : r.brands) {
          String handle = r.author.substring(1);
          boolean isListed = keywords.brand(brand).orElseThrow().employees().contains(handle);
          // §4c: listed for this brand, or an unlisted author.employee mentioning this brand alone
          r.employeeOf.put(
              brand, isListed || r.flagged && !listed.contains(handle) && r.brands.size() == 1);
        }
      }
      // §6, per brand: the earliest text and the hour after it; a burst once 3 different authors
      for (String brand : List.of("acme", "bolt")) {
        List<List<Row>> clusters = new ArrayList<>();
        for (Row r : rows) {
          if (!r.brands.contains(brand) || r.repost || words(r.text).size() < 5) {
            continue;
          }
          List<Row> best = null;
          double bestSim = 0;
          for (List<Row> c : clusters) {
            Row first = c.get(0);
            double sim = jaccard(bigrams(first.text), bigrams(r.text));
            if (r.time < first.time + 3_600_000 && sim >= 0.8 && sim > bestSim) {
              best = c;
              bestSim = sim;
            }
          }
          if (best == null) {
            clusters.add(new ArrayList<>(List.of(r)));
          } else {
            best.add(r);
          }
        }
        for (List<Row> c : clusters) {
          if (c.stream().map(r -> r.author).distinct().count() >= 3) {
            for (Row r : c.subList(1, c.size())) {
              r.copyOf.put(brand, c.get(0).id);
            }
          }
        }
      }
      AdvocacyPoints w = AdvocacyPoints.DEFAULTS;
      Map<String, long[]> tallies = new TreeMap<>();
      for (Row r : rows) {
        String first = r.brands.isEmpty() ? null : r.brands.get(0);
        if (first != null) {
          copyOfFirstBrand.put(r.id, r.copyOf.get(first));
        }
        String minute = Instant.ofEpochMilli(r.time - r.time % 60_000).toString();
        for (String brand : r.brands) {
          String copy = r.copyOf.get(brand);
          if (copy != null) {
            copiesPerMinute.merge(brand + " 1m " + minute, 1L, Long::sum);
          }
          if (!r.leadTopics.isEmpty() && !r.employeeOf.get(brand) && copy == null) {
            leads.add(r.id + "|" + brand + "|" + r.leadTopics);
            leadsPerMinute.merge(brand + " 1m " + minute, 1L, Long::sum);
          }
          if (r.employeeOf.get(brand)) {
            long[] t = tallies.computeIfAbsent(brand + " " + r.author, k -> new long[6]);
            t[0]++;
            t[1] += copy == null && !r.repost ? 1 : 0;
            t[2] += copy != null ? 1 : 0;
            t[3] += r.metrics.path("likes").asLong();
            t[4] += r.metrics.path("comments").asLong();
            t[5] += r.metrics.path("shares").asLong();
          }
        }
      }
      // one week and one month: the same tallies, ranked by points then handle
      for (String brand : List.of("acme", "bolt")) {
        List<Map.Entry<String, long[]>> ranked =
            new ArrayList<>(
                tallies.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(brand + " "))
                    .toList());
        ranked.sort(
            Comparator.<Map.Entry<String, long[]>>comparingDouble(e -> -points(w, e.getValue()))
                .thenComparing(Map.Entry::getKey));
        for (String period : List.of("week", "month")) {
          for (int i = 0; i < ranked.size(); i++) {
            long[] t = ranked.get(i).getValue();
            String employee = ranked.get(i).getKey().substring(brand.length() + 1);
            board.put(
                brand + " " + period + " " + employee,
                t[0] + "/" + t[1] + "/" + t[2] + "/" + points(w, t) + "/#" + (i + 1));
          }
        }
      }
    }

    private static double points(AdvocacyPoints w, long[] t) {
      double p =
          w.post() * t[0]
              + w.original() * t[1]
              + w.copy() * t[2]
              + w.like() * t[3]
              + w.comment() * t[4]
              + w.share() * t[5];
      return Math.round(p * 100.0) / 100.0;
    }

    /** SPEC §6: lower-cased, without URLs, handles, punctuation and emoji. */
    private static List<String> words(String text) {
      String t =
          text.toLowerCase(Locale.ROOT).replaceAll("https?://\\S+", " ").replaceAll("@\\w+", " ");
      List<String> out = new ArrayList<>();
      for (String w : t.split("[^\\p{L}\\p{N}]+")) {
        if (!w.isEmpty()) {
          out.add(w);
        }
      }
      return out;
    }

    private static Set<String> bigrams(String text) {
      List<String> w = words(text);
      Set<String> s = new LinkedHashSet<>();
      for (int i = 0; i + 1 < w.size(); i++) {
        s.add(w.get(i) + " " + w.get(i + 1));
      }
      return s;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
      Set<String> common = new HashSet<>(a);
      common.retainAll(b);
      return (double) common.size() / (a.size() + b.size() - common.size());
    }
  }

  private static final class Row {
    String id;
    long time;
    String text;
    String author;
    boolean flagged;
    boolean repost;
    JsonNode metrics;
    List<String> brands;
    List<String> leadTopics;
    final Map<String, Boolean> employeeOf = new HashMap<>();
    final Map<String, String> copyOf = new HashMap<>();
  }
}
