package dev.pantau.flink.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

/**
 * The period's top mentions by reach and by engagement, and its copy bursts, from the enriched
 * mentions in one pass. A mention re-emitted (a grown count, a late {@code copy_of}) counts once,
 * in its last version, as a consumer's upsert on source and id keeps it.
 */
public final class TopMentionsReader {

  /** The top lists and the biggest copy bursts. */
  public record Tops(
      List<TopMention> byReach, List<TopMention> byEngagement, List<CopyBurst> bursts) {}

  public Tops read(JsonRecords in, ReportRequest request, int n)
      throws IOException, ReportInputException {
    Collector top = new Collector(n);
    in.forEachParsed("an enriched mention", new Parser(request, top), top::offer);
    return top.result();
  }

  /**
   * The mentions of the request. From bytes, a mention is first read without its texts (text,
   * title, url, author): most of a month's million cannot enter the top lists, and decoding their
   * texts was most of reading them. One that might (a copy, or a reach or engagement not below the
   * lists' current last) is read again in full.
   */
  private static final class Parser implements JsonRecords.Parser<TopMention> {
    private final ReportRequest request;
    private final Collector top;

    Parser(ReportRequest request, Collector top) {
      this.request = request;
      this.top = top;
    }

    @Override
    public TopMention parse(String json) throws IOException {
      try (JsonParser p = FACTORY.createParser(json)) {
        return wanted(TopMentionsReader.parse(p, true));
      }
    }

    @Override
    public TopMention parse(byte[] b, int off, int len) throws IOException {
      TopMention light;
      try (JsonParser p = FACTORY.createParser(b, off, len)) {
        light = wanted(TopMentionsReader.parse(p, false));
      }
      if (light == null
          || (light.copyOf() == null && !top.mightKeep(light.reach(), light.engagement()))) {
        return light;
      }
      try (JsonParser p = FACTORY.createParser(b, off, len)) {
        return TopMentionsReader.parse(p, true);
      }
    }

    private TopMention wanted(TopMention m) {
      return request.period().contains(m.createdAt())
              && (request.brand() == null || m.brands().contains(request.brand()))
          ? m
          : null;
    }
  }

  /**
   * Keeps the top {@code n} by reach and by engagement and every copy, in one pass, without a map
   * of every mention (a month holds millions). A later version of a mention replaces its earlier
   * one; this is exact because a mention's counts only grow (SPEC §1: a re-crawl adds growth) and
   * its reach stays, so a later version never ranks below an earlier.
   */
  public static final class Collector {
    private final int n;
    private final Top byReach;
    private final Top byEngagement;
    private final Map<String, TopMention> copies = new HashMap<>();

    public Collector(int n) {
      this.n = n;
      this.byReach = new Top(n, TopMention::reach);
      this.byEngagement = new Top(n, TopMention::engagement);
    }

    /**
     * False when a mention of this reach and engagement cannot enter either list, whatever comes
     * later: a list's last only rises. Safe from any thread; a stale answer errs towards true.
     */
    boolean mightKeep(long reach, long engagement) {
      return reach >= byReach.floor || engagement >= byEngagement.floor;
    }

    public void offer(TopMention m) {
      String key = m.source() + '|' + m.id();
      byReach.offer(key, m);
      byEngagement.offer(key, m);
      if (m.copyOf() != null) {
        copies.put(key, m);
      } else if (!copies.isEmpty()) {
        copies.remove(key);
      }
    }

    public Tops result() {
      return new Tops(byReach.result(), byEngagement.result(), bursts(copies.values(), n));
    }
  }

  /** The top n of one measure, each mention once. */
  private static final class Top {
    private final int n;
    private final ToLongFunction<TopMention> by;
    private final Comparator<TopMention> order;
    private final PriorityQueue<TopMention> heap;
    private final Map<String, TopMention> inHeap = new HashMap<>();

    /** The measure of the list's last once it is full; before, any value may enter. */
    private volatile long floor = Long.MIN_VALUE;

    Top(int n, ToLongFunction<TopMention> by) {
      this.n = n;
      this.by = by;
      this.order =
          Comparator.comparingLong(by).thenComparing(TopMention::id, Comparator.reverseOrder());
      this.heap = new PriorityQueue<>(order);
    }

    void offer(String key, TopMention m) {
      TopMention old = inHeap.remove(key);
      if (old != null) {
        heap.remove(old);
      }
      if (by.applyAsLong(m) <= 0) {
        return;
      }
      if (heap.size() < n) {
        heap.add(m);
        inHeap.put(key, m);
      } else if (order.compare(m, heap.peek()) > 0) {
        TopMention out = heap.poll();
        inHeap.remove(out.source() + '|' + out.id());
        heap.add(m);
        inHeap.put(key, m);
      }
      if (heap.size() == n) {
        floor = by.applyAsLong(heap.peek());
      }
    }

    List<TopMention> result() {
      List<TopMention> out = new ArrayList<>(heap);
      out.sort(order.reversed());
      return out;
    }
  }

  /** The tops of mentions, a later version of a mention after its earlier. */
  public static Tops of(Iterable<TopMention> mentions, int n) {
    Collector c = new Collector(n);
    mentions.forEach(c::offer);
    return c.result();
  }

  /**
   * The {@code n} biggest bursts, biggest first, then earliest. The text shown is the earliest
   * copy's: the original may lie before the period, and a copy's text is the same or nearly.
   */
  static List<CopyBurst> bursts(Iterable<TopMention> all, int n) {
    Map<String, List<TopMention>> byOriginal = new LinkedHashMap<>();
    for (TopMention m : all) {
      if (m.copyOf() != null) {
        byOriginal.computeIfAbsent(m.copyOf(), k -> new ArrayList<>()).add(m);
      }
    }
    List<CopyBurst> bursts = new ArrayList<>();
    for (Map.Entry<String, List<TopMention>> e : byOriginal.entrySet()) {
      List<TopMention> copies = e.getValue();
      copies.sort(Comparator.comparing(TopMention::createdAt).thenComparing(TopMention::id));
      Set<String> authors = new HashSet<>();
      TreeSet<String> brands = new TreeSet<>();
      long reach = 0;
      for (TopMention c : copies) {
        authors.add(c.author().isEmpty() ? c.source() + '|' + c.id() : c.author());
        brands.addAll(c.brands());
        reach += c.reach();
      }
      TopMention first = copies.get(0);
      Instant last = copies.get(copies.size() - 1).createdAt();
      bursts.add(
          new CopyBurst(
              e.getKey(),
              List.copyOf(brands),
              first.text(),
              first.createdAt(),
              last,
              copies.size(),
              authors.size(),
              reach));
    }
    bursts.sort(
        Comparator.comparingInt(CopyBurst::size)
            .reversed()
            .thenComparing(CopyBurst::first)
            .thenComparing(CopyBurst::original));
    return bursts.size() > n ? List.copyOf(bursts.subList(0, n)) : bursts;
  }

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final Set<String> ENGAGEMENT =
      Set.of("likes", "comments", "shares", "quotes", "bookmarks");

  /**
   * The fields a report shows, read with the streaming parser: the enriched mentions of a month are
   * the largest file a report reads, and most of each record (matched terms, topics) is not shown.
   */
  static TopMention parse(String json) throws IOException {
    try (JsonParser p = FACTORY.createParser(json)) {
      return parse(p, true);
    }
  }

  /** A mention; without {@code texts}, its text, title, url and author are left empty. */
  private static TopMention parse(JsonParser p, boolean texts) throws IOException {
    String id = null;
    String source = "web";
    String text = "";
    String title = "";
    String url = "";
    String handle = null;
    String name = "";
    String copyOf = null;
    Instant created = null;
    Long reach = null;
    long followers = 0;
    long engagement = 0;
    List<String> brands = new ArrayList<>(2);
    {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not an object");
      }
      String in = null;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.END_OBJECT) {
          if (in == null) {
            break;
          }
          in = null;
          continue;
        }
        String field = p.currentName();
        t = p.nextToken();
        if (in == null
            && t == JsonToken.START_OBJECT
            && (field.equals("author") || field.equals("metrics"))) {
          in = field;
          continue;
        }
        if (in == null && t == JsonToken.START_ARRAY && field.equals("brands")) {
          while (p.nextToken() == JsonToken.VALUE_STRING) {
            brands.add(p.getText());
          }
          continue;
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          p.skipChildren();
          continue;
        }
        if (t == JsonToken.VALUE_NULL) {
          continue;
        }
        if (in == null) {
          switch (field) {
            case "id" -> id = p.getText();
            case "source" -> source = p.getText();
            case "text" -> text = texts ? p.getText() : "";
            case "title" -> title = texts ? p.getText() : "";
            case "url" -> url = texts ? p.getText() : "";
            case "copy_of" -> copyOf = p.getText();
            case "reach" -> reach = p.getLongValue();
            case "created_at" ->
                created =
                    t.isNumeric()
                        ? Instant.ofEpochMilli(p.getLongValue())
                        : Json.instant(p.getText());
            default -> {}
          }
        } else if (in.equals("author")) {
          switch (field) {
            case "handle" -> handle = texts ? p.getText() : null;
            case "name" -> name = texts ? p.getText() : "";
            case "followers" -> followers = p.getLongValue();
            default -> {}
          }
        } else if (ENGAGEMENT.contains(field) && t.isNumeric()) {
          engagement += p.getLongValue();
        }
      }
    }
    if (id == null || created == null) {
      throw new IllegalArgumentException(id == null ? "no id" : "no created_at");
    }
    return new TopMention(
        source,
        id,
        handle != null ? handle : name,
        text.isEmpty() ? title : text,
        url,
        created,
        reach != null ? reach : followers,
        engagement,
        brands,
        copyOf);
  }
}
