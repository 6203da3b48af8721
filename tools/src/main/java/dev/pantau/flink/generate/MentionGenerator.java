package dev.pantau.flink.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pantau.flink.generate.AuthorPool.Author;
import dev.pantau.flink.generate.Corpus.Article;
import dev.pantau.flink.generate.Corpus.BrandSpec;
import dev.pantau.flink.generate.Corpus.Outlet;
import dev.pantau.flink.generate.Corpus.Template;
import dev.pantau.flink.generate.GeneratedMention.Kind;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Realistic synthetic mentions (SPEC §1) for demos, load tests and replays; the same seed, start
 * and rate give the same records.
 *
 * <p>English and Indonesian posts about five brands in two competitor groups ({@code telco-id}:
 * telkomsel, indosat, xl; {@code ecommerce-id}: tokopedia, shopee) from Twitter, Instagram, TikTok,
 * Facebook, YouTube, news sites and app reviews. Authors come from a pool whose activity follows
 * Zipf's law, with log-normal followers; a few are employees (named in the default keyword sets or
 * flagged {@code author.employee}). Metrics scale with the audience. Records arrive as a Poisson
 * stream whose rate follows a Jakarta day (quiet before dawn, busy in the evening) around the given
 * mean, and are stamped a few seconds before they arrive, so event time is slightly out of order (a
 * small share arrives minutes late). Mixed in: re-crawls of recent posts with grown metrics (the
 * same source and id), plain reposts, chatter that names no brand (or names one in a way the
 * keyword sets exclude, such as job ads), optionally malformed lines, and one spike: Telkomsel's
 * network fails ("sinyal hilang", "gangguan", many word-for-word copies) at {@link
 * GeneratorOptions#spikeOffset}.
 *
 * <p>Not thread-safe: one generator per producing thread.
 */
public final class MentionGenerator implements Iterator<GeneratedMention> {

  /** The start instant {@code generate --count} uses, so files are reproducible. */
  public static final Instant DEFAULT_START = Instant.parse("2026-11-22T00:00:00Z");

  /** Mean mentions per minute of a day. */
  public static final double DEFAULT_MENTIONS_PER_MINUTE = 100;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter SECONDS_Z =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MILLIS_Z =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECONDS_WIB =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX", Locale.ROOT)
          .withZone(ZoneOffset.ofHours(7));
  private static final long TWITTER_EPOCH = 1_288_834_974_657L;
  private static final String BASE64URL =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  private static final double HOURLY_MEAN;

  static {
    double sum = 0;
    for (double h : Corpus.HOURLY) {
      sum += h;
    }
    HOURLY_MEAN = sum / Corpus.HOURLY.length;
  }

  private final Random random;
  private final long startMillis;
  private final double perMillisecond;
  private final GeneratorOptions options;
  private final AuthorPool authors;
  private final ArrayDeque<Posted> recent = new ArrayDeque<>();
  private double clock; // milliseconds since start of the next arrival
  private long sequence;
  private GeneratedMention last;
  private GeneratedMention peeked;

  /** A post that may be re-crawled or reposted. */
  private record Posted(
      ObjectNode node, String source, String id, Instant createdAt, double arrivedAt) {}

  /**
   * @param seed the same seed gives the same records
   * @param start the first record's time (about; arrivals are random)
   * @param mentionsPerMinute the mean rate over a day; the hour of day and the spike shape it
   * @param options what else to mix in
   */
  public MentionGenerator(
      long seed, Instant start, double mentionsPerMinute, GeneratorOptions options) {
    Objects.requireNonNull(start, "start");
    if (!(mentionsPerMinute > 0 && mentionsPerMinute <= 10_000_000)) {
      throw new IllegalArgumentException(
          "mentionsPerMinute must be in (0, 1e7]: " + mentionsPerMinute);
    }
    this.random = new Random(seed);
    this.startMillis = start.toEpochMilli();
    this.perMillisecond = mentionsPerMinute / 60_000.0;
    this.options = Objects.requireNonNull(options, "options").copy();
    this.authors = new AuthorPool(random, this.options.authorPool);
  }

  /** With {@link GeneratorOptions#defaults()}. */
  public MentionGenerator(long seed, Instant start, double mentionsPerMinute) {
    this(seed, start, mentionsPerMinute, GeneratorOptions.defaults());
  }

  /** Always true: the stream is endless. */
  @Override
  public boolean hasNext() {
    return true;
  }

  /** The next record. */
  @Override
  public GeneratedMention next() {
    return nextMention();
  }

  /** The event time of the record returned last, or null before the first. */
  public Instant lastEventTime() {
    return last == null ? null : last.createdAt();
  }

  /** The endless stream of records (sequential; limit it). */
  public Stream<GeneratedMention> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /** The next record. */
  public GeneratedMention nextMention() {
    GeneratedMention mention = peekMention();
    peeked = null;
    last = mention;
    return mention;
  }

  /**
   * The record {@link #nextMention()} will return, without taking it: a publisher that stops at a
   * time limit leaves the first record beyond it to whoever continues the stream.
   */
  public GeneratedMention peekMention() {
    if (peeked == null) {
      peeked = generate();
    }
    return peeked;
  }

  private GeneratedMention generate() {
    double rate = rateAt(clock);
    double spikeRate = perMillisecond * spikeShape(clock);
    clock += -Math.log(1 - random.nextDouble()) / (rate + spikeRate);
    double arrivedAt = clock;
    sequence++;
    double u = random.nextDouble();
    GeneratedMention mention;
    if (u < options.malformedFraction) {
      mention = malformed(arrivedAt);
    } else if (random.nextDouble() < spikeRate / (rate + spikeRate)) {
      mention = spike(arrivedAt);
    } else {
      double v = random.nextDouble();
      double recrawl = options.recrawlFraction;
      double repost = recrawl + options.repostFraction;
      double chatter = repost + options.chatterFraction;
      double employee = chatter + options.employeeFraction;
      pruneRecent(arrivedAt);
      if (v < recrawl && !recent.isEmpty()) {
        mention = recrawl(arrivedAt);
      } else if (v < repost && !recent.isEmpty()) {
        mention = repost(arrivedAt);
      } else if (v < chatter) {
        mention = chatter(arrivedAt);
      } else if (v < employee) {
        mention = employeePost(arrivedAt);
      } else {
        mention = brandPost(arrivedAt);
      }
    }
    return mention;
  }

  // ---- rate
  // ---------------------------------------------------------------------------------------

  /** Mentions per millisecond at {@code t} ms after start, without the spike. */
  private double rateAt(double t) {
    long millis = startMillis + (long) t;
    double hours = ((millis + 7 * 3_600_000L) % 86_400_000L) / 3_600_000.0; // Jakarta, UTC+7
    int h = (int) hours;
    double frac = hours - h;
    double weight = Corpus.HOURLY[h] * (1 - frac) + Corpus.HOURLY[(h + 1) % 24] * frac;
    return perMillisecond * weight / HOURLY_MEAN;
  }

  /** Extra rate at {@code t}, as a multiple of the mean rate: a fast rise, then a decay. */
  private double spikeShape(double t) {
    double x = t - options.spikeOffset.toMillis();
    double d = options.spikeDuration.toMillis();
    if (options.spikeBoost == 0 || x < 0 || x >= d) {
      return 0;
    }
    double rise = Math.min(120_000, d * 0.15);
    if (x < rise) {
      return options.spikeBoost * x / rise;
    }
    return options.spikeBoost * Math.exp(-3 * (x - rise) / Math.max(1, d - rise));
  }

  // ---- kinds of records
  // ---------------------------------------------------------------------------

  private GeneratedMention brandPost(double arrivedAt) {
    BrandSpec brand = pickBrand();
    String source = pickSource();
    Author author = authors.pick(random);
    return post(arrivedAt, source, brand, author, Kind.BRAND);
  }

  private GeneratedMention employeePost(double arrivedAt) {
    BrandSpec brand = pickBrand();
    Author author = authors.employeeOf(random, brand.id());
    if (author == null) {
      return brandPost(arrivedAt);
    }
    String source =
        random.nextBoolean() ? "twitter" : random.nextBoolean() ? "instagram" : "facebook";
    return post(arrivedAt, source, brand, author, Kind.EMPLOYEE);
  }

  private GeneratedMention spike(double arrivedAt) {
    BrandSpec brand = brand(Corpus.SPIKE_BRAND);
    double s = random.nextDouble();
    String source =
        s < 0.05
            ? "news"
            : s < 0.70
                ? "twitter"
                : s < 0.82 ? "facebook" : s < 0.92 ? "instagram" : s < 0.97 ? "tiktok" : "review";
    return post(arrivedAt, source, brand, authors.pick(random), Kind.SPIKE);
  }

  private GeneratedMention chatter(double arrivedAt) {
    String source = pickSource();
    if (source.equals("news") || source.equals("review") || source.equals("youtube")) {
      source = "twitter";
    }
    return post(arrivedAt, source, null, authors.pick(random), Kind.CHATTER);
  }

  private GeneratedMention malformed(double arrivedAt) {
    GeneratedMention valid = brandPost(arrivedAt);
    recent.removeLast(); // never re-crawl a post whose first record was broken
    String json = valid.json();
    ObjectNode node = parse(json);
    String broken =
        switch (random.nextInt(8)) {
          case 0 -> json.substring(0, 1 + random.nextInt(json.length() - 2)); // truncated
          case 1 -> {
            node.remove("id");
            yield write(node);
          }
          case 2 -> {
            node.remove("created_at");
            yield write(node);
          }
          case 3 -> {
            node.put("created_at", "yesterday at noon");
            yield write(node);
          }
          case 4 -> {
            node.putObject("metrics").put("likes", -1 - random.nextInt(50));
            yield write(node);
          }
          case 5 -> {
            ((ObjectNode) node.path("author")).put("followers", "many");
            yield write(node);
          }
          case 6 -> "[" + json + "]"; // not an object
          default -> {
            node.put("text", 42);
            yield write(node);
          } // wrong type
        };
    return new GeneratedMention(broken, null, valid.createdAt(), valid.arrival(), Kind.MALFORMED);
  }

  private GeneratedMention recrawl(double arrivedAt) {
    Posted posted = pickRecent();
    ObjectNode metrics = (ObjectNode) posted.node().get("metrics");
    if (metrics == null) {
      return brandPost(arrivedAt);
    }
    // grow every count; the stored node keeps the growth so a later re-crawl grows further
    for (var it = metrics.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      long value = metrics.get(field).asLong();
      metrics.put(field, value + 1 + (long) (value * random.nextDouble() * 0.8));
    }
    return new GeneratedMention(
        write(posted.node()),
        posted.source() + ":" + posted.id(),
        posted.createdAt(),
        arrival(arrivedAt, posted.createdAt()),
        Kind.RECRAWL);
  }

  private GeneratedMention repost(double arrivedAt) {
    Posted original = pickRecent();
    if (!original.source().equals("twitter") && !original.source().equals("facebook")) {
      return brandPost(arrivedAt);
    }
    Author author = authors.pick(random);
    Instant createdAt = createdAt(arrivedAt, original.source());
    if (createdAt.isBefore(original.createdAt())) {
      createdAt = original.createdAt();
    }
    String id = newId(original.source(), createdAt);
    ObjectNode node = JSON.createObjectNode();
    node.put("id", id);
    node.put("source", original.source());
    putCreatedAt(node, original.source(), createdAt);
    if (original.node().has("lang")) {
      node.set("lang", original.node().get("lang"));
    }
    putAuthor(node, author);
    node.set("text", original.node().get("text"));
    node.put("url", url(original.source(), id, author.handle(), null));
    node.putObject("metrics").put("likes", random.nextInt(3));
    node.put("parent_id", original.id());
    node.put("is_repost", true);
    return new GeneratedMention(
        write(node),
        original.source() + ":" + id,
        createdAt,
        arrival(arrivedAt, createdAt),
        Kind.REPOST);
  }

  /** A post of {@code kind} about {@code brand} (null for chatter). */
  private GeneratedMention post(
      double arrivedAt, String source, BrandSpec brand, Author author, Kind kind) {
    Instant createdAt = createdAt(arrivedAt, source);
    String lang = author.lang();
    ObjectNode node = JSON.createObjectNode();
    String text;
    String title = null;
    Outlet outlet = null;
    if (source.equals("news")) {
      outlet = Corpus.OUTLETS.get(random.nextInt(Corpus.OUTLETS.size()));
      lang = outlet.lang();
      Article article =
          pickArticle(kind == Kind.SPIKE ? Corpus.OUTAGE_ARTICLES : Corpus.ARTICLES, brand, lang);
      title = fill(article.title(), brand, true);
      text = fill(article.lead(), brand, true);
    } else {
      List<Template> pool =
          switch (kind) {
            case SPIKE -> Corpus.OUTAGE;
            case EMPLOYEE -> Corpus.ADVOCACY;
            case CHATTER -> Corpus.CHATTER;
            default -> Corpus.POSTS;
          };
      if (kind == Kind.SPIKE && !source.equals("review") && random.nextDouble() < 0.3) {
        text = Corpus.OUTAGE_COPY; // the same words from many accounts
        lang = "id";
      } else {
        Template template = pickTemplate(pool, brand, lang);
        // app reviews praise or complain; questions belong on social media
        for (int tries = 0;
            source.equals("review")
                && kind == Kind.BRAND
                && tries < 8
                && (template.tone() == Corpus.Tone.INTENT
                    || template.tone() == Corpus.Tone.NEUTRAL);
            tries++) {
          template = pickTemplate(pool, brand, lang);
        }
        lang = template.lang();
        text = fill(template.text(), brand, false);
        if (kind == Kind.BRAND
            && template.tone() == Corpus.Tone.NEGATIVE
            && random.nextDouble() < 0.15) {
          text =
              brand.careHandle() + " " + text; // complaints are often addressed to the care account
        }
      }
      if (!source.equals("review") && random.nextDouble() < 0.2) {
        List<String> tags = lang.equals("en") ? Corpus.TAGS_EN : Corpus.TAGS_ID;
        text = text + " " + tags.get(random.nextInt(tags.size()));
      }
      if (source.equals("youtube") && brand != null) {
        title = fill(pickTemplate(Corpus.VIDEO_TITLES, brand, lang).text(), brand, true);
      }
    }
    String id = newId(source, createdAt);
    node.put("id", id);
    node.put("source", source);
    putCreatedAt(node, source, createdAt);
    if (random.nextDouble() < 0.85) {
      node.put("lang", lang);
    }
    long audience;
    if (outlet != null) {
      node.putObject("author")
          .put("id", outlet.host())
          .put("handle", outlet.name().replaceAll("\\W", "").toLowerCase(Locale.ROOT))
          .put("name", outlet.name());
      audience = outlet.audience();
    } else if (source.equals("review")) {
      node.putObject("author").put("id", "gp-" + author.id()).put("name", author.name());
      audience = 0;
    } else {
      putAuthor(node, author);
      audience = author.followers();
    }
    if (outlet == null && random.nextDouble() < 0.6) {
      node.put("country", author.country());
    }
    if (title != null) {
      node.put("title", title);
    }
    node.put("text", text);
    String appId = brand != null ? brand.appId() : "com.example.app";
    node.put(
        "url",
        outlet != null ? newsUrl(outlet, id, title) : url(source, id, author.handle(), appId));
    ObjectNode metrics = metrics(source, audience, kind == Kind.SPIKE ? 3 : 1);
    if (metrics != null) {
      node.set("metrics", metrics);
    }
    if (outlet != null) {
      node.put("reach", audience);
    }
    String json = write(node);
    recent.addLast(new Posted(node, source, id, createdAt, arrivedAt));
    if (recent.size() > 512) {
      recent.removeFirst();
    }
    return new GeneratedMention(
        json, source + ":" + id, createdAt, arrival(arrivedAt, createdAt), kind);
  }

  // ---- parts
  // --------------------------------------------------------------------------------------

  private BrandSpec pickBrand() {
    double u = random.nextDouble();
    double sum = 0;
    for (BrandSpec b : Corpus.BRANDS) {
      sum += b.weight();
      if (u < sum) {
        return b;
      }
    }
    return Corpus.BRANDS.get(Corpus.BRANDS.size() - 1);
  }

  private static BrandSpec brand(String id) {
    return Corpus.BRANDS.stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow();
  }

  private String pickSource() {
    double u = random.nextDouble();
    double sum = 0;
    for (int i = 0; i < Corpus.SOURCES.size(); i++) {
      sum += Corpus.SOURCE_WEIGHTS[i];
      if (u < sum) {
        return Corpus.SOURCES.get(i);
      }
    }
    return Corpus.SOURCES.get(0);
  }

  /** A template of the brand's group in the author's language (mostly), any group for chatter. */
  private Template pickTemplate(List<Template> pool, BrandSpec brand, String lang) {
    String wantLang = random.nextDouble() < 0.9 ? lang : (lang.equals("en") ? "id" : "en");
    List<Template> candidates = new ArrayList<>();
    for (Template t : pool) {
      if ((brand == null || t.group() == null || t.group().equals(brand.group()))
          && t.lang().equals(wantLang)) {
        candidates.add(t);
      }
    }
    if (candidates.isEmpty()) {
      for (Template t : pool) {
        if (brand == null || t.group() == null || t.group().equals(brand.group())) {
          candidates.add(t);
        }
      }
    }
    return candidates.get(random.nextInt(candidates.size()));
  }

  private Article pickArticle(List<Article> pool, BrandSpec brand, String lang) {
    List<Article> candidates =
        pool.stream()
            .filter(a -> a.group().equals(brand.group()) && a.lang().equals(lang))
            .toList();
    if (candidates.isEmpty()) {
      candidates = pool.stream().filter(a -> a.group().equals(brand.group())).toList();
    }
    return candidates.get(random.nextInt(candidates.size()));
  }

  /** Fills the slots; {@code plain} (headlines, articles) writes brand names without # or @. */
  private String fill(String template, BrandSpec brand, boolean plain) {
    StringBuilder out = new StringBuilder(template.length() + 32);
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      if (open < 0) {
        out.append(template, i, template.length());
        break;
      }
      int close = template.indexOf('}', open);
      out.append(template, i, open);
      String slot = template.substring(open + 1, close);
      out.append(
          switch (slot) {
            case "b" -> brandForm(brand, plain);
            case "b2" -> competitor(brand);
            case "p" -> brand.products().get(random.nextInt(brand.products().size()));
            case "c" -> Corpus.CITIES.get(random.nextInt(Corpus.CITIES.size()));
            case "n" -> String.valueOf(2 + random.nextInt(8));
            default ->
                throw new IllegalStateException("unknown slot {" + slot + "} in " + template);
          });
      i = close + 1;
    }
    return out.toString();
  }

  private String brandForm(BrandSpec brand, boolean plain) {
    String form = brand.forms().get(random.nextInt(brand.forms().size()));
    return plain && (form.startsWith("#") || form.startsWith("@")) ? brand.forms().get(0) : form;
  }

  private String competitor(BrandSpec brand) {
    List<BrandSpec> rivals =
        Corpus.BRANDS.stream()
            .filter(b -> b.group().equals(brand.group()) && !b.id().equals(brand.id()))
            .toList();
    BrandSpec rival = rivals.get(random.nextInt(rivals.size()));
    // the first form is the plain name: comparisons name the rival plainly
    return rival.forms().get(0);
  }

  private Instant createdAt(double arrivedAt, String source) {
    double delay;
    if (random.nextDouble() < options.lateFraction) {
      delay = 60_000 + random.nextDouble() * 240_000; // minutes late
    } else {
      double max = options.maxDelay.toMillis();
      delay = Math.min(max, -Math.log(1 - random.nextDouble()) * max / 5);
    }
    long millis = Math.max(startMillis, startMillis + (long) (arrivedAt - delay));
    Instant at = Instant.ofEpochMilli(millis);
    // the instant the record's created_at text says: seconds unless the format carries milliseconds
    return source.equals("twitter") || source.equals("tiktok")
        ? at
        : at.truncatedTo(ChronoUnit.SECONDS);
  }

  private Instant arrival(double arrivedAt, Instant createdAt) {
    Instant at = Instant.ofEpochMilli(startMillis + (long) arrivedAt);
    return at.isBefore(createdAt) ? createdAt : at;
  }

  /**
   * Each platform writes time its own way: ISO with Z, with milliseconds, in WIB, or epoch millis.
   */
  private static void putCreatedAt(ObjectNode node, String source, Instant createdAt) {
    switch (source) {
      case "tiktok" -> node.put("created_at", createdAt.toEpochMilli());
      case "twitter" -> node.put("created_at", MILLIS_Z.format(createdAt));
      case "news" -> node.put("created_at", SECONDS_WIB.format(createdAt));
      default -> node.put("created_at", SECONDS_Z.format(createdAt));
    }
  }

  private static void putAuthor(ObjectNode node, Author author) {
    ObjectNode a = node.putObject("author");
    a.put("id", author.id());
    a.put("handle", "@" + author.handle());
    a.put("name", author.name());
    a.put("followers", author.followers());
    if (author.flagged()) {
      a.put("employee", true);
    }
  }

  private String newId(String source, Instant createdAt) {
    long millis = createdAt.toEpochMilli();
    return switch (source) {
      case "twitter" -> String.valueOf(((millis - TWITTER_EPOCH) << 22) | (sequence & 0x3F_FFFF));
      case "tiktok" -> String.valueOf(((millis / 1000) << 32) | (sequence & 0xFFFF_FFFFL));
      case "facebook" ->
          "1000" + (10_000 + random.nextInt(90_000)) + "_" + (100_000_000L + sequence);
      case "news" -> String.valueOf(7_000_000L + sequence);
      case "review" -> "gp:AOqpTO" + randomChars(24);
      default -> randomChars(11); // instagram shortcodes, youtube video ids
    };
  }

  private String randomChars(int n) {
    char[] c = new char[n];
    for (int i = 0; i < n; i++) {
      c[i] = BASE64URL.charAt(random.nextInt(BASE64URL.length()));
    }
    return new String(c);
  }

  private static String url(String source, String id, String handle, String appId) {
    return switch (source) {
      case "twitter" -> "https://x.com/" + handle + "/status/" + id;
      case "instagram" -> "https://www.instagram.com/p/" + id + "/";
      case "tiktok" -> "https://www.tiktok.com/@" + handle + "/video/" + id;
      case "facebook" -> "https://www.facebook.com/" + id.replace('_', '/');
      case "youtube" -> "https://www.youtube.com/watch?v=" + id;
      case "review" -> "https://play.google.com/store/apps/details?id=" + appId + "&reviewId=" + id;
      default -> "https://example.org/" + source + "/" + id;
    };
  }

  private static String newsUrl(Outlet outlet, String id, String title) {
    String slug =
        title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return "https://" + outlet.host() + "/" + outlet.section() + "/d-" + id + "/" + slug;
  }

  /** Counts that scale with the audience; each platform reports its own set. */
  private ObjectNode metrics(String source, long audience, double boost) {
    if (source.equals("news") && random.nextDouble() < 0.5 || random.nextDouble() < 0.05) {
      return null;
    }
    double base = Math.max(1, audience) * 0.015 * Math.exp(0.9 * random.nextGaussian()) * boost;
    long likes = (long) base;
    ObjectNode m = JSON.createObjectNode();
    switch (source) {
      case "twitter" -> {
        m.put("likes", likes)
            .put("comments", (long) (likes * 0.12 * random.nextDouble()))
            .put("shares", (long) (likes * 0.25 * random.nextDouble()))
            .put("quotes", (long) (likes * 0.03 * random.nextDouble()))
            .put("bookmarks", (long) (likes * 0.05 * random.nextDouble()))
            .put("views", (long) (audience * (0.2 + 2 * random.nextDouble())) + likes * 10);
      }
      case "instagram" -> {
        m.put("likes", likes * 2).put("comments", (long) (likes * 0.1 * random.nextDouble()));
        if (random.nextBoolean()) {
          m.put("views", (long) (audience * (0.5 + 3 * random.nextDouble())));
        }
      }
      case "tiktok" ->
          m.put("likes", likes * 3)
              .put("comments", (long) (likes * 0.2 * random.nextDouble()))
              .put("shares", (long) (likes * 0.1 * random.nextDouble()))
              .put("bookmarks", (long) (likes * 0.1 * random.nextDouble()))
              .put("views", (long) (audience * (1 + 8 * random.nextDouble())) + likes * 20);
      case "facebook" ->
          m.put("likes", likes)
              .put("comments", (long) (likes * 0.3 * random.nextDouble()))
              .put("shares", (long) (likes * 0.1 * random.nextDouble()));
      case "youtube" ->
          m.put("likes", likes)
              .put("comments", (long) (likes * 0.1 * random.nextDouble()))
              .put("views", (long) (audience * (0.5 + 4 * random.nextDouble())) + likes * 30);
      case "news" ->
          m.put("shares", (long) (audience * 0.00002 * random.nextDouble()))
              .put("comments", (long) (audience * 0.000005 * random.nextDouble()));
      default -> m.put("likes", random.nextInt(20)); // reviews: "helpful" votes
    }
    return m;
  }

  private Posted pickRecent() {
    // recent posts are re-crawled more often than older ones
    int n = recent.size();
    int back = (int) Math.min(n - 1, Math.floor(-Math.log(1 - random.nextDouble()) * n / 4));
    Iterator<Posted> it = recent.descendingIterator();
    for (int i = 0; i < back; i++) {
      it.next();
    }
    return it.next();
  }

  private void pruneRecent(double now) {
    double horizon = options.recrawlHorizon.toMillis();
    while (!recent.isEmpty() && now - recent.peekFirst().arrivedAt() > horizon) {
      recent.removeFirst();
    }
  }

  private static String write(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode parse(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
