package dev.pantau.flink.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * Writes Pantau's output records as JSON in SPEC's field order, so that the same records always give
 * the same bytes (replay's byte-identical output depends on it).
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
    ObjectNode o = JSON.createObjectNode();
    o.put("brand", r.brand);
    if (r.group != null) {
      o.put("group", r.group);
    }
    o.put("window", r.window);
    o.put("start", utc(r.start));
    o.put("end", utc(r.end));
    o.put("source", r.source);
    o.put("mentions", r.mentions);
    o.put("unique_authors", r.uniqueAuthors);
    o.put("reach", r.reach);
    o.put("impressions", r.impressions);
    ObjectNode e = o.putObject("engagement");
    e.put("likes", r.likes);
    e.put("comments", r.comments);
    e.put("shares", r.shares);
    e.put("quotes", r.quotes);
    e.put("bookmarks", r.bookmarks);
    e.put("total", r.engagementTotal);
    if (r.sentimentPositive != null) {
      ObjectNode s = o.putObject("sentiment");
      s.put("positive", r.sentimentPositive);
      s.put("neutral", r.sentimentNeutral);
      s.put("negative", r.sentimentNegative);
      s.put("unscored", r.sentimentUnscored);
      if (r.sentimentNet != null) {
        s.put("net", round3(r.sentimentNet));
        s.put("mean", round3(r.sentimentMean));
      }
    }
    if (r.shareOfVoice != null) {
      o.put("share_of_voice", round3(r.shareOfVoice));
    }
    ObjectNode emp = o.putObject("employee");
    emp.put("mentions", r.employeeMentions);
    emp.put("authors", r.employeeAuthors);
    emp.put("reach", r.employeeReach);
    emp.put("engagement", r.employeeEngagement);
    ObjectNode topics = o.putObject("topics");
    new java.util.TreeMap<>(r.topics).forEach(topics::put);
    o.put("revision", r.revision);
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
    return write(o);
  }

  /**
   * Most words listed per brand in {@code matched_terms}: a wildcard can match thousands of words of one
   * long text, and the list would outgrow the record. The brands whose list was cut are named in
   * {@code matched_terms_omitted} with how many words were left out.
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

  /** A valid mention as JSON input (SPEC §1): what a late mention's dead letter carries as {@code raw}. */
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
    if (m.authorId != null || m.authorHandle != null || m.authorName != null || m.followers != null || m.employee != null) {
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
    if (m.likes != null || m.comments != null || m.shares != null || m.views != null || m.quotes != null || m.bookmarks != null) {
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
