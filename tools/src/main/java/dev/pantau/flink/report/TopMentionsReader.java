package dev.pantau.flink.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.ToLongFunction;

/**
 * The period's top mentions by reach and by engagement from {@code mentions-enriched.jsonl}, in one
 * pass holding only the current top n: the file of a month can be gigabytes. A mention re-emitted
 * (a grown count, a late {@code copy_of}) counts once, in its last version.
 */
public final class TopMentionsReader {

  public record Tops(List<TopMention> byReach, List<TopMention> byEngagement) {}

  public Tops read(Path file, ReportRequest request, int n)
      throws IOException, ReportInputException {
    Map<String, TopMention> latest = new HashMap<>();
    JsonLinesReader.read(
        file,
        "an enriched mention",
        o -> {
          TopMention m = parse(o);
          if (request.period().contains(m.createdAt())
              && (request.brand() == null || hasBrand(o, request.brand()))) {
            latest.put(m.source() + '|' + m.id(), m);
          }
        });
    return new Tops(
        top(latest.values(), TopMention::reach, n),
        top(latest.values(), TopMention::engagement, n));
  }

  private static List<TopMention> top(
      Iterable<TopMention> all, ToLongFunction<TopMention> by, int n) {
    Comparator<TopMention> order =
        Comparator.comparingLong(by).thenComparing(TopMention::id, Comparator.reverseOrder());
    PriorityQueue<TopMention> heap = new PriorityQueue<>(order);
    for (TopMention m : all) {
      if (by.applyAsLong(m) > 0) {
        heap.add(m);
        if (heap.size() > n) {
          heap.poll();
        }
      }
    }
    List<TopMention> out = new ArrayList<>(heap);
    out.sort(order.reversed());
    return out;
  }

  private static boolean hasBrand(JsonNode o, String brand) {
    for (JsonNode b : o.path("brands")) {
      if (brand.equals(b.asText())) {
        return true;
      }
    }
    return false;
  }

  static TopMention parse(JsonNode o) {
    JsonNode author = o.path("author");
    long reach = o.has("reach") ? o.get("reach").asLong() : author.path("followers").asLong(0);
    JsonNode metrics = o.path("metrics");
    long engagement = 0;
    for (String k : new String[] {"likes", "comments", "shares", "quotes", "bookmarks"}) {
      engagement += metrics.path(k).asLong(0);
    }
    JsonNode created = o.get("created_at");
    Instant at =
        created.isNumber()
            ? Instant.ofEpochMilli(created.asLong())
            : OffsetDateTime.parse(created.asText()).toInstant();
    String text = o.path("text").asText("");
    if (text.isEmpty()) {
      text = o.path("title").asText("");
    }
    String handle = author.path("handle").asText(author.path("name").asText(""));
    return new TopMention(
        o.path("source").asText("web"),
        o.get("id").asText(),
        handle,
        text,
        o.path("url").asText(""),
        at,
        reach,
        engagement);
  }
}
