package dev.pantau.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An alert record (SPEC §5). {@link #id()} is {@code rule|brand|window|start} of the window that
 * fired, so a replayed or recovered alert has the same id, and the {@code resolved} record that
 * follows carries it too (with the start and end of the window that fired, and {@code
 * resolved_at}).
 *
 * @param topTerms words over-represented in the alert window (filled by the job), or null
 * @param sampleMentions the highest-reach mentions of the window (filled by the job), or null
 * @param resolvedAt end of the window in which the metric was back to normal; null while firing
 */
public record Alert(
    String id,
    Status status,
    String rule,
    DetectorType type,
    String brand,
    Severity severity,
    String metric,
    String window,
    Instant start,
    Instant end,
    double observed,
    double expected,
    double score,
    String message,
    List<String> topTerms,
    List<SampleMention> sampleMentions,
    Instant resolvedAt)
    implements java.io.Serializable {

  /** Lifecycle of an alert. */
  public enum Status {
    FIRING,
    RESOLVED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  public Alert {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(brand, "brand");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(message, "message");
    topTerms = topTerms == null ? null : List.copyOf(topTerms);
    sampleMentions = sampleMentions == null ? null : List.copyOf(sampleMentions);
    if ((status == Status.RESOLVED) != (resolvedAt != null)) {
      throw new IllegalArgumentException("resolved_at is set exactly for resolved alerts");
    }
  }

  /** The deterministic id: {@code rule|brand|window|start}. */
  public static String idOf(String rule, String brand, String window, Instant start) {
    return rule + "|" + brand + "|" + window + "|" + TIME.format(start);
  }

  /**
   * A copy with the words and mentions that explain the alert (the job knows them, the detector
   * does not).
   */
  public Alert withContext(List<String> terms, List<SampleMention> samples) {
    return new Alert(
        id,
        status,
        rule,
        type,
        brand,
        severity,
        metric,
        window,
        start,
        end,
        observed,
        expected,
        score,
        message,
        terms,
        samples,
        resolvedAt);
  }

  public boolean firing() {
    return status == Status.FIRING;
  }

  /**
   * One line of JSON with SPEC §5's fields in a stable order; absent context fields are left out.
   */
  public String toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", id);
    o.put("status", status.label());
    o.put("rule", rule);
    o.put("type", type.label());
    o.put("brand", brand);
    o.put("severity", severity.label());
    o.put("metric", metric);
    o.put("window", window);
    o.put("start", TIME.format(start));
    o.put("end", TIME.format(end));
    if (resolvedAt != null) {
      o.put("resolved_at", TIME.format(resolvedAt));
    }
    number(o, "observed", observed, 3);
    number(o, "expected", expected, Math.abs(expected) >= 10 ? 1 : 3);
    number(o, "score", score, 2);
    o.put("message", message);
    if (topTerms != null) {
      ArrayNode a = o.putArray("top_terms");
      topTerms.forEach(a::add);
    }
    if (sampleMentions != null) {
      ArrayNode a = o.putArray("sample_mentions");
      for (SampleMention m : sampleMentions) {
        ObjectNode s = a.addObject();
        s.put("id", m.id());
        s.put("text", m.text());
        if (m.url() != null) {
          s.put("url", m.url());
        }
      }
    }
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void number(ObjectNode o, String field, double v, int decimals) {
    if (!Double.isFinite(v)) {
      return; // absent, never a made-up zero
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      o.put(field, (long) v);
      return;
    }
    o.put(
        field,
        new java.math.BigDecimal(v)
            .setScale(decimals, java.math.RoundingMode.HALF_UP)
            .stripTrailingZeros());
  }
}
