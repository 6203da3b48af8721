package dev.pantau.flink.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pantau.flink.job.kpi.KpiField;
import dev.pantau.flink.job.kpi.KpiFields;
import dev.pantau.flink.job.kpi.KpiRecord;
import dev.pantau.flink.model.DeadLetter;
import dev.pantau.flink.model.EnrichedMention;
import dev.pantau.flink.model.Mention;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Writes Pantau's output records as JSON in SPEC's field order, so that the same records always
 * give the same bytes (replay's byte-identical output depends on it).
 */
public final class OutputJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** SPEC §4's time format: UTC, seconds, a literal Z. */
  public static final DateTimeFormatter UTC_SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private OutputJson() {}

  public static String utc(long epochMillis) {
    return UTC_SECONDS.format(Instant.ofEpochMilli(epochMillis));
  }

  /** Rounds a ratio for output: three decimals, as in SPEC §4's example. */
  public static double round3(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }

  public static String kpi(KpiRecord r) {
    return kpi(r, KpiFields.STANDARD);
  }

  /**
   * A KPI record (SPEC §4): its key, then each field of {@code fields} in order, dotted names
   * nested.
   */
  public static String kpi(KpiRecord r, KpiFields fields) {
    ObjectNode o = JSON.createObjectNode();
    o.put("brand", r.brand);
    if (r.group != null) {
      o.put("group", r.group);
    }
    o.put("window", r.window);
    o.put("start", utc(r.start));
    o.put("end", utc(r.end));
    o.put("source", r.source);
    for (KpiField f : fields.all()) {
      putKpi(o, f, r);
    }
    o.put("revision", r.revision);
    return write(o);
  }

  private static void putKpi(ObjectNode o, KpiField f, KpiRecord r) {
    if (f.metric().family()) {
      // written even when empty; keys sorted: the map's order is not kept between operators
      ObjectNode family = parent(o, f.name());
      new java.util.TreeMap<>(f.readFamily(r)).forEach(family::put);
      return;
    }
    Number v = f.read(r);
    if (v == null) {
      return;
    }
    ObjectNode at = parent(o, f.name());
    String leaf = f.name().substring(f.name().lastIndexOf('.') + 1);
    if (f.metric().ratio()) {
      at.put(leaf, round3(v.doubleValue()));
    } else {
      at.put(leaf, v.longValue());
    }
  }

  /**
   * The object a dotted name's last part goes in ({@code topics.} for a family: the object itself),
   * created on first use, so objects appear in registry order.
   */
  private static ObjectNode parent(ObjectNode root, String dotted) {
    ObjectNode at = root;
    String[] parts = dotted.split("\\.", -1);
    for (int i = 0; i < parts.length - 1; i++) {
      ObjectNode next = (ObjectNode) at.get(parts[i]);
      at = next != null ? next : at.putObject(parts[i]);
    }
    return at;
  }

  /**
   * A target-progress record (SPEC §4d) in its field order, with {@code as_of} (the moment the
   * figures are for) after {@code end}; {@code expected_by_now} and {@code projected} to one
   * decimal, {@code pace} to three; {@code pace} and {@code projected} absent at a period's first
   * instant.
   */
  public static String target(dev.pantau.flink.job.targets.TargetRecord t) {
    ObjectNode o = JSON.createObjectNode();
    o.put("brand", t.brand);
    o.put("metric", t.metric);
    o.put("period", t.period);
    o.put("start", utc(t.start));
    o.put("end", utc(t.end));
    o.put("as_of", utc(t.asOf));
    if (t.target == Math.rint(t.target)) {
      o.put("target", (long) t.target);
    } else {
      o.put("target", t.target);
    }
    o.put("actual", t.actual);
    o.put("expected_by_now", round1(t.expectedByNow));
    if (t.pace != null) {
      o.put("pace", round3(t.pace));
    }
    if (t.projected != null) {
      o.put("projected", round1(t.projected));
    }
    o.put("status", t.status);
    o.put("revision", t.revision);
    return write(o);
  }

  /** One decimal, for figures read as amounts (533.3). */
  public static double round1(double v) {
    return Math.round(v * 10.0) / 10.0;
  }

  /** An account reading (SPEC §1b) as it came in, for the dead-letter output. */
  public static String accountReading(dev.pantau.flink.model.AccountReading r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("brand", r.brand);
    o.put("source", r.source);
    o.put("account", r.account);
    o.put("followers", r.followers);
    o.put("at", Instant.ofEpochMilli(r.at).toString());
    return write(o);
  }

  public static String deadLetter(DeadLetter d) {
    ObjectNode o = JSON.createObjectNode();
    o.put("error", d.error);
    o.put("message", d.message);
    ObjectNode origin = o.putObject("origin");
    if (d.fromFile()) {
      origin.put("file", d.file);
      origin.put("line", d.line);
    } else {
      origin.put("topic", d.topic);
      origin.put("partition", d.partition);
      origin.put("offset", d.offset);
    }
    if (d.rawBase64 != null) {
      o.put("raw_base64", d.rawBase64);
    } else {
      o.put("raw", d.raw);
    }
    return write(o);
  }

  /** The mention as it came in (known fields) plus what Pantau found (SPEC §6). */
  public static String enriched(EnrichedMention em) {
    ObjectNode o = mention(em.mention);
    o.put("lang", em.lang);
    stringArray(o, "brands", em.brands);
    stringArray(o, "topics", em.topics);
    putMatchedTerms(o, em);
    putSentiment(o, em);
    o.put("employee", em.employee);
    if (em.copyOf != null) {
      o.put("copy_of", em.copyOf);
    }
    return write(o);
  }

  /** A social lead (SPEC §4b). */
  public static String lead(dev.pantau.flink.job.copies.Lead l) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", l.id);
    o.put("source", l.source);
    o.put("brand", l.brand);
    stringArray(o, "topics", l.topics);
    if (l.authorHandle != null || l.authorFollowers != null) {
      ObjectNode a = o.putObject("author");
      putIfPresent(a, "handle", l.authorHandle);
      putIfPresent(a, "followers", l.authorFollowers);
    }
    o.put("text", l.text);
    putIfPresent(o, "url", l.url);
    o.put("created_at", utcMillis(l.createdAt));
    putIfPresent(o, "lang", l.lang);
    putIfPresent(o, "sentiment", l.sentiment);
    return write(o);
  }

  /** One row of the employee advocacy leaderboard (SPEC §4c). */
  public static String advocacy(dev.pantau.flink.job.advocacy.AdvocacyRow r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("brand", r.brand);
    o.put("period", r.period);
    o.put("start", utc(r.start));
    o.put("end", utc(r.end));
    o.put("employee", r.employee);
    o.put("posts", r.posts);
    o.put("original_posts", r.originalPosts);
    o.put("copies", r.copies);
    o.put("reach", r.reach);
    ObjectNode e = o.putObject("engagement");
    e.put("likes", r.likes);
    e.put("comments", r.comments);
    e.put("shares", r.shares);
    e.put("total", r.engagementTotal);
    o.put("points", r.points);
    o.put("rank", r.rank);
    o.put("revision", r.revision);
    return write(o);
  }

  /**
   * Most words listed per brand in {@code matched_terms}: a wildcard can match thousands of words
   * of one long text, and the list would outgrow the record. The brands whose list was cut are
   * named in {@code matched_terms_omitted} with how many words were left out.
   */
  public static final int MAX_MATCHED_TERMS = 100;

  private static void putMatchedTerms(ObjectNode o, EnrichedMention em) {
    ObjectNode terms = o.putObject("matched_terms");
    ObjectNode omitted = null;
    // sorted by brand id: the map's order is not kept between operators
    for (Map.Entry<String, String[]> t : new java.util.TreeMap<>(em.matchedTerms).entrySet()) {
      List<String> words = java.util.Arrays.asList(t.getValue());
      if (words.size() > MAX_MATCHED_TERMS) {
        if (omitted == null) {
          omitted = JSON.createObjectNode();
        }
        omitted.put(t.getKey(), words.size() - MAX_MATCHED_TERMS);
        words = words.subList(0, MAX_MATCHED_TERMS);
      }
      stringArray(terms, t.getKey(), words);
    }
    if (omitted != null) {
      o.set("matched_terms_omitted", omitted);
    }
  }

  private static void putSentiment(ObjectNode o, EnrichedMention em) {
    if (em.sentimentLabel != null) {
      ObjectNode s = o.putObject("sentiment");
      s.put("score", round3(em.sentimentScore));
      s.put("label", em.sentimentLabel);
    }
  }

  /** One line of {@code ./pantau analyze}: id, lang, sentiment, brands, topics, matched_terms. */
  public static String analyzed(EnrichedMention em) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", em.mention.id);
    o.put("lang", em.lang);
    putSentiment(o, em);
    stringArray(o, "brands", em.brands);
    stringArray(o, "topics", em.topics);
    putMatchedTerms(o, em);
    if (!em.overflowedBrands.isEmpty()) {
      stringArray(o, "expansion_overflows", em.overflowedBrands);
    }
    return write(o);
  }

  /**
   * A valid mention as JSON input (SPEC §1): what a late mention's dead letter carries as {@code
   * raw}.
   */
  public static String inputMention(Mention m) {
    return write(mention(m));
  }

  static ObjectNode mention(Mention m) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", m.id);
    o.put("source", m.source);
    o.put("created_at", utcMillis(m.createdAt));
    if (m.title != null) {
      o.put("title", m.title);
    }
    o.put("text", m.text);
    if (m.url != null) {
      o.put("url", m.url);
    }
    if (m.country != null) {
      o.put("country", m.country);
    }
    if (m.authorId != null
        || m.authorHandle != null
        || m.authorName != null
        || m.followers != null
        || m.employee != null) {
      ObjectNode a = o.putObject("author");
      putIfPresent(a, "id", m.authorId);
      putIfPresent(a, "handle", m.authorHandle);
      putIfPresent(a, "name", m.authorName);
      if (m.followers != null) {
        a.put("followers", m.followers);
      }
      if (m.employee != null) {
        a.put("employee", m.employee);
      }
    }
    if (m.likes != null
        || m.comments != null
        || m.shares != null
        || m.views != null
        || m.quotes != null
        || m.bookmarks != null) {
      ObjectNode x = o.putObject("metrics");
      putIfPresent(x, "likes", m.likes);
      putIfPresent(x, "comments", m.comments);
      putIfPresent(x, "shares", m.shares);
      putIfPresent(x, "views", m.views);
      putIfPresent(x, "quotes", m.quotes);
      putIfPresent(x, "bookmarks", m.bookmarks);
    }
    if (m.reach != null) {
      o.put("reach", m.reach);
    }
    putIfPresent(o, "parent_id", m.parentId);
    if (m.isRepost != null) {
      o.put("is_repost", m.isRepost);
    }
    return o;
  }

  /** ISO-8601 UTC with milliseconds only when there are some. */
  private static String utcMillis(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).toString();
  }

  private static void putIfPresent(ObjectNode o, String field, String v) {
    if (v != null) {
      o.put(field, v);
    }
  }

  private static void putIfPresent(ObjectNode o, String field, Long v) {
    if (v != null) {
      o.put(field, v);
    }
  }

  private static void stringArray(ObjectNode o, String field, List<String> values) {
    var a = o.putArray(field);
    values.forEach(a::add);
  }

  private static String write(ObjectNode o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
